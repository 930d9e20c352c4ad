// Replays fuzz inputs through a target's LLVMFuzzerTestOneInput without libFuzzer, so the
// corpora run as ordinary tests under any compiler (and under ASan/UBSan in `make test`).
//
//   <target>_replay PATH...   each PATH a file or a directory (its files, sorted, not recursive)
//
// Prints one line per path with the number of inputs run. A broken contract aborts (as under
// libFuzzer); a path that cannot be read, or a directory holding no input, fails with a
// message: an empty corpus would otherwise pass while testing nothing.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

bool RunFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: %s: cannot open\n", path.c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy of exactly `size` bytes, as libFuzzer gives: ASan then catches a read past the end.
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const fs::path given = argv[i];
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(given, ec)) {
      for (fs::directory_iterator it(given, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      if (ec) {
        std::fprintf(stderr, "replay: %s: %s\n", given.c_str(), ec.message().c_str());
        ok = false;
        continue;
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        std::fprintf(stderr, "replay: %s: no inputs\n", given.c_str());
        ok = false;
        continue;
      }
    } else {
      files.push_back(given);
    }
    size_t ran = 0;
    for (const fs::path& file : files) {
      if (RunFile(file)) {
        ++ran;
      } else {
        ok = false;
      }
    }
    std::printf("%s: %zu inputs replayed\n", given.c_str(), ran);
  }
  return ok ? 0 : 1;
}
