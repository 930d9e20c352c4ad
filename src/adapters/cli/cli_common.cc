#include "adapters/cli/cli_common.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "adapters/read/path_reader.h"
#include "adapters/service/open_store.h"
#include "storydesk/fingerprint/fingerprint_settings.h"
#include "storydesk/story_engine.h"
#include "storydesk/text/utf8.h"

namespace storydesk::cli {

void PrintError(const std::string& message) { std::cerr << "storydesk: " << message << '\n'; }

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kStore:
    case ErrorCode::kIo:
      return kExitStore;
    case ErrorCode::kInvalidInput:
    case ErrorCode::kConflict:
      return kExitRejected;
    case ErrorCode::kNotFound:
    case ErrorCode::kUsage:
      break;
  }
  return kExitUsage;
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path) {
  bool refingerprinted = false;
  auto opened = service::OpenStore(path, &refingerprinted);
  if (opened.ok() && refingerprinted) {
    PrintError(path + ": fingerprint settings changed since this database was written; fingerprints recomputed");
  }
  return opened;
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

bool ProgressBar::Due() {
  if (!enabled_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return false;
  if (shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return false;
  last_draw_ = now;
  shown_ = true;
  return true;
}

namespace {

// "3,400"
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<size_t>(at), ",");
  return digits;
}

}  // namespace

void ProgressBar::Update(const read::ReadProgress& progress) {
  if (!Due()) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double megabytes = static_cast<double>(progress.bytes_done) / (1024.0 * 1024.0);
  std::string line = "\r" + label_;
  if (progress.bytes_total > 0) {
    constexpr int kWidth = 24;
    const double fraction =
        std::min(1.0, static_cast<double>(progress.bytes_done) / static_cast<double>(progress.bytes_total));
    const int filled = static_cast<int>(fraction * kWidth);
    char percent[16];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
    line += " [" + std::string(filled, '#') + std::string(kWidth - filled, ' ') + "] " + percent;
  }
  line += "  " + Grouped(progress.files_done) + "/" + Grouped(progress.files_total) + " files  " +
          Grouped(progress.records) + " records";
  char rate[64];
  std::snprintf(rate, sizeof rate, "  %.1f MB  %.1f MB/s", megabytes, seconds > 0 ? megabytes / seconds : 0.0);
  line += rate;
  line += "\033[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void ProgressBar::Update(uint64_t done, uint64_t total) {
  if (!Due()) return;
  constexpr int kWidth = 30;
  if (total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\r%s [%s%s] %3d%%", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), static_cast<int>(fraction * 100));
  } else {
    std::fprintf(stderr, "\r%s %llu", label_.c_str(), static_cast<unsigned long long>(done));
  }
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

Result<ReadOutcome> ReadInputs(const std::vector<std::string>& paths, ProgressBar* progress, bool keep_verbatim) {
  ReadOutcome outcome;
  read::ReadCallbacks callbacks;
  callbacks.on_article = [&](RawArticle article) {
    if (!keep_verbatim) std::string().swap(article.verbatim);
    outcome.articles.push_back(std::move(article));
  };
  callbacks.on_error = [&](const read::ReadError& error) {
    if (progress != nullptr) progress->Finish();
    PrintError(error.ToString());
    ++outcome.rejected;
  };
  callbacks.on_note = [progress](const std::string& file, const std::string& note) {
    if (progress != nullptr) progress->Finish();
    PrintError(file + ": " + note);
  };
  if (progress != nullptr) {
    callbacks.on_progress = [progress](const read::ReadProgress& p) { progress->Update(p); };
  }
  Status s = read::ReadPaths(paths, std::cin, callbacks);
  if (!s.ok()) return s;
  return outcome;
}

std::vector<size_t> CodePointIndex(std::string_view text) {
  std::vector<size_t> index(text.size() + 1, 0);
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // A continuation byte belongs to the code point before it.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++points;
    index[i] = points - 1;
  }
  index[text.size()] = points;
  return index;
}

Result<std::string> ReadFileWhole(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot open");
  text << in.rdbuf();
  if (in.bad()) return Status::Error(ErrorCode::kIo, path + ": cannot read");
  return text.str();
}

Result<std::string> ReadUtf8File(const std::string& path) {
  auto text = ReadFileWhole(path);
  if (!text.ok()) return text;
  size_t bad = 0;
  if (!text::IsValidUtf8(text.value(), &bad)) {
    return Status::Error(ErrorCode::kInvalidInput, path + ": not UTF-8 at byte " + std::to_string(bad));
  }
  return text;
}

Status WriteFileWhole(const std::string& path, const std::string& text) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return Status::Error(ErrorCode::kIo, partial + ": cannot write");
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) return Status::Error(ErrorCode::kIo, path + ": cannot write (" + error.message() + ")");
  return Status::Ok();
}

std::string DateSpan(const std::optional<std::string>& first, const std::optional<std::string>& last) {
  std::string span = first.value_or("undated");
  if (last && last != first) {
    const bool same_year = first && first->substr(0, 4) == last->substr(0, 4);
    span += ".." + (same_year ? last->substr(5) : *last);
  }
  return span;
}

}  // namespace storydesk::cli
