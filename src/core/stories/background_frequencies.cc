#include "storydesk/stories/background_frequencies.h"

#include <charconv>
#include <vector>

#include "storydesk/learning/model_text.h"

namespace storydesk::stories {
namespace {

bool ParseCount(std::string_view text, int64_t* value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<BackgroundFrequencies> ParseBackgroundFrequencies(std::string_view text) {
  BackgroundFrequencies result;
  bool have_documents = false;
  size_t lines = 0;
  const Status read = learning::ForEachModelLine(
      text, kBackgroundHeader,
      [&](size_t number, std::string_view line) {
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
          return learning::ModelLineError(number, "expected TERM<TAB>COUNT");
        const std::string_view key = line.substr(0, tab);
        int64_t count = 0;
        if (!ParseCount(line.substr(tab + 1), &count) || count <= 0) {
          return learning::ModelLineError(number, "the count is not a positive integer");
        }
        if (!have_documents) {
          if (key != "documents") return learning::ModelLineError(number, "expected the \"documents\" line first");
          result.documents = count;
          have_documents = true;
          return Status::Ok();
        }
        if (count > result.documents)
          return learning::ModelLineError(number, "a term's count exceeds the number of documents");
        if (!result.df.emplace(std::string(key), count).second) {
          return learning::ModelLineError(number, "the term \"" + std::string(key) + "\" appears twice");
        }
        return Status::Ok();
      },
      &lines);
  if (!read.ok()) return read;
  if (!have_documents) return learning::ModelLineError(lines, "no \"documents\" line");
  return result;
}

std::string FormatBackgroundFrequencies(const BackgroundFrequencies& frequencies, int64_t min_df,
                                        const std::vector<std::string>& comments) {
  std::string out(kBackgroundHeader);
  out += '\n';
  for (const std::string& comment : comments) out += "# " + comment + '\n';
  out += "documents\t" + std::to_string(frequencies.documents) + '\n';
  for (const auto& [term, df] : frequencies.df) {
    // Tabs and newlines cannot occur in terms (they are split on whitespace); skip defensively.
    if (df < min_df || term.empty() || term.find_first_of("\t\n\r") != std::string::npos) continue;
    out += term + '\t' + std::to_string(df) + '\n';
  }
  return out;
}

}  // namespace storydesk::stories
