// Runs build/storydesk as a child process for whole-pipeline tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace storydesk::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
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
