#!/bin/bash
# Every rule of the default packs flags its `flag` examples and leaves its `pass` examples alone.
set -u
"$1" test-rules
