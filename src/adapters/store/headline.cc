#include "adapters/store/headline.h"

#include <vector>

#include "core/text/sentences.h"

namespace storydesk::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// `text` trimmed, with every run of whitespace inside it replaced by one space.
std::string FoldSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The longest prefix of `text` of at most `max_bytes` that does not split a UTF-8 character.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && IsContinuationByte(text[cut])) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string StoryHeadline(const std::optional<std::string>& title, std::string_view text) {
  if (title) {
    std::string folded = FoldSpace(*title);
    if (!folded.empty()) return folded;
  }
  // The splitter works on raw text too (it is tuned for normalised text); when it finds no
  // sentence (a text of symbols only) the text's start stands in.
  const std::vector<text::SentenceSpan> sentences = text::SplitSentences(text);
  std::string_view first = text;
  if (!sentences.empty() && sentences.front().end <= text.size() && sentences.front().begin < sentences.front().end) {
    first = text.substr(sentences.front().begin, sentences.front().end - sentences.front().begin);
  }
  // Folding whitespace cannot lengthen the text, so looking at a few times the limit is enough.
  const std::string_view window = Utf8Prefix(first, 4 * kMaxHeadlineBytes);
  std::string headline = FoldSpace(window);
  if (headline.size() <= kMaxHeadlineBytes) return window.size() < first.size() ? headline + "..." : headline;
  size_t cut = headline.rfind(' ', kMaxHeadlineBytes);
  if (cut == std::string::npos || cut == 0) cut = Utf8Prefix(headline, kMaxHeadlineBytes).size();
  headline.resize(cut);
  while (!headline.empty() && IsSpace(headline.back())) headline.pop_back();
  return headline + "...";
}

}  // namespace storydesk::store
