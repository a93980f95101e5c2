// Finds the .docx/.pdf readers (load/readers.h): linked in, or the module
// tally_readers.so loaded with dlopen() on first use. Looked for in
// $TALLY_MODULE_DIR when set (only there), else beside the program, in the
// install's lib folder, and in the build folder it was built in.
#pragma once
#include "base/result.h"
#include "load/readers.h"

namespace tally {

// The readers, or a one-line error naming where the module was looked for.
Result<const OfficeReaders*> office_readers();

}  // namespace tally
