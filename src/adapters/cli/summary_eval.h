// storydesk eval --summaries SUMMARIES.jsonl --gold GOLD.jsonl ARTICLES — scores story digests
// against human summaries with ROUGE-1/2/L (core/eval/rouge.h): each gold story's articles
// are digested on their own, with the word budget of its reference (or --words N), and the
// bullets compared with the story's summary. `--summarizer lead` scores the lead baseline
// instead (the first sentence of each article in turn, then the second, ...), in the same run.
#pragma once

#include <optional>
#include <string>

namespace storydesk::cli {

struct SummaryEvalFlags {
  std::string summaries;  // JSON Lines {"story": id, "summary": str}
  std::string gold;       // JSON Lines {"id", "story"}
  std::string articles;
  std::optional<size_t> words;
  std::string summarizer = "digest";  // or "lead"
  bool json = false;
};

int RunSummaryEval(const SummaryEvalFlags& flags);

}  // namespace storydesk::cli
