// Runs build/storydesk as a child process for whole-pipeline tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace storydesk::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("storydesk-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

 private:
  std::filesystem::path path_;
};

// The binary under test: $STORYDESK_BINARY (set by CTest), else build/storydesk.
inline std::string Binary() {
  const char* b = std::getenv("STORYDESK_BINARY");
  return b != nullptr ? b : std::string(STORYDESK_SOURCE_DIR) + "/build/storydesk";
}

// Runs `storydesk ARGS` (ARGS already shell-quoted) with stdout and stderr captured.
inline CommandResult RunStorydesk(const std::string& args, const std::string& stdin_path = "") {
  TempDir tmp;
  const auto out = tmp.path() / "out";
  const auto err = tmp.path() / "err";
  std::string cmd = "'" + Binary() + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  if (!stdin_path.empty()) cmd += " <'" + stdin_path + "'";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

inline std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The JSON values of the non-empty lines of `text` (the CLI's JSON Lines output).
inline std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

}  // namespace storydesk::testing
