// Message lives in base/message.h, so that errors (base/result.h) can carry one too.
#pragma once
#include "base/message.h"
