// Runs build/storydesk as a child process and measures it: wall time, the child's own peak
// resident memory (wait4's rusage, so other children do not count) and whether it had to be
// killed for running past a deadline (a hang fails a test instead of stopping the suite).
// Header-only, for the whole-pipeline tests; not thread-safe (it spawns and waits).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

extern char** environ;

namespace storydesk::testing {

struct MeasuredResult {
  int exit_code = -1;  // -1 when killed or not started
  bool timed_out = false;
  double seconds = 0;
  long max_rss_kb = 0;
  std::string out;
  std::string err;
};

// Runs `storydesk ARGS...` (no shell) with stdin from `stdin_path` (empty: /dev/null), killing it
// after `timeout_seconds`.
inline MeasuredResult RunMeasured(const std::vector<std::string>& args, const std::string& stdin_path,
                                  double timeout_seconds) {
  TempDir tmp;
  const std::string out_path = (tmp.path() / "out").string();
  const std::string err_path = (tmp.path() / "err").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const std::string binary = Binary();
  std::vector<char*> argv{const_cast<char*>(binary.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  MeasuredResult r;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return r;
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (done < 0 || elapsed > timeout_seconds) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  if (!r.timed_out && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  return r;
}

}  // namespace storydesk::testing
