#include "load/office.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

// Weak: null unless the readers are linked into this program (tests, fuzzing).
extern "C" __attribute__((weak)) const tally::OfficeReaders* tally_office_readers();

namespace tally {

namespace {

constexpr const char* kModule = "tally_readers.so";

std::vector<std::filesystem::path> module_dirs() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("TALLY_MODULE_DIR"); env && *env) return {env};
  std::vector<fs::path> dirs;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    dirs.push_back(bin);
    dirs.push_back(bin.parent_path() / TALLY_MODULE_LIBDIR / "tally");
    dirs.push_back(bin.parent_path() / "lib" / "tally");
  }
  dirs.push_back(TALLY_MODULE_BUILD_DIR);
  return dirs;
}

Result<const OfficeReaders*> load_module() {
  std::vector<std::string> tried;
  for (const auto& dir : module_dirs()) {
    std::string path = (dir / kModule).string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried.push_back(dir.string());
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      std::string why = dlerror();
      return Error{"", fmt::format("cannot load the .docx/.pdf reader {}: {}", path, why),
                   {"error.office.cannot_load", {{"path", path}, {"reason", why}}}};
    }
    using Entry = const OfficeReaders* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "tally_office_readers"));
    const OfficeReaders* r = entry ? entry() : nullptr;
    if (!r || r->abi != kOfficeReadersAbi || !r->pdf || !r->docx)
      return Error{"", path + " does not belong to this tally (reinstall tally)", {"error.office.foreign", {{"path", path}}}};
    return r;  // the handle stays open for the life of the process
  }
  std::string dirs = fmt::format("{}", fmt::join(tried, ", "));
  return Error{"", fmt::format("the .docx/.pdf reader {} is not installed (looked in {})", kModule, dirs),
               {"error.office.missing", {{"module", kModule}, {"dirs", dirs}}}};
}

}  // namespace

Result<const OfficeReaders*> office_readers() {
  if (tally_office_readers) return tally_office_readers();
  // Loaded once per process; a failure is remembered too, so it is reported per file without retrying.
  static const Result<const OfficeReaders*> loaded = load_module();
  return loaded;
}

}  // namespace tally
