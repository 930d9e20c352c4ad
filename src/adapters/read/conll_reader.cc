#include "adapters/read/conll_reader.h"

#include "storydesk/entities/entity_span.h"
#include "storydesk/text/utf8.h"

namespace storydesk::read {
namespace {

// Far more than any labelled set (CoNLL-2003's training file has about 220,000 lines); a bound
// so that a huge file fails clearly rather than slowly.
constexpr size_t kMaxLines = size_t{20} << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string> Columns(std::string_view line) {
  std::vector<std::string> columns;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > start) columns.emplace_back(line.substr(start, i - start));
  }
  return columns;
}

Status LineError(const std::string& origin, size_t index, const std::string& what) {
  return Status::Error(ErrorCode::kInvalidInput, origin + ":" + std::to_string(index + 1) + ": " + what);
}

}  // namespace

Result<ConllFile> ReadConll(std::string_view text, const std::string& origin) {
  ConllFile file;
  ConllDocument document;
  ConllSentence sentence;
  auto end_sentence = [&] {
    if (!sentence.words.empty()) document.sentences.push_back(std::move(sentence));
    sentence = {};
  };
  auto end_document = [&] {
    end_sentence();
    if (!document.sentences.empty()) file.documents.push_back(std::move(document));
    document = {};
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t index = file.lines.size();
    if (index >= kMaxLines) {
      return Status::Error(ErrorCode::kInvalidInput, origin + ": more than " + std::to_string(kMaxLines) + " lines");
    }
    if (!text::IsValidUtf8(line)) return LineError(origin, index, "not UTF-8");
    file.lines.emplace_back(line);
    std::vector<std::string> columns = Columns(line);
    if (columns.empty()) {
      end_sentence();
      continue;
    }
    if (columns[0] == "-DOCSTART-") {
      end_document();
      continue;
    }
    if (IsSpace(line[0])) return LineError(origin, index, "a token line must start with its word");
    sentence.lines.push_back(index);
    sentence.last_columns.push_back(columns.size() > 1 ? columns.back() : std::string());
    sentence.words.push_back(std::move(columns[0]));
  }
  end_document();
  return file;
}

Result<std::vector<entities::LabeledDocument>> LabeledDocuments(const ConllFile& file, const std::string& origin) {
  std::vector<entities::LabeledDocument> documents;
  for (const ConllDocument& d : file.documents) {
    entities::LabeledDocument labeled;
    for (const ConllSentence& s : d.sentences) {
      auto spans = entities::SpansFromIob(s.last_columns);
      if (!spans.ok()) {
        // Find the tag's line again: the message counts tags from 1 within the sentence.
        size_t bad = 0;
        while (bad < s.last_columns.size() && entities::SpansFromIob({s.last_columns[bad]}).ok()) ++bad;
        const size_t line = s.lines[bad < s.lines.size() ? bad : 0];
        return LineError(
            origin, line,
            "\"" + (bad < s.last_columns.size() ? s.last_columns[bad] : std::string()) + "\" is not an IOB2 tag");
      }
      labeled.sentences.push_back(s.words);
      labeled.names.push_back(std::move(spans).value());
    }
    documents.push_back(std::move(labeled));
  }
  return documents;
}

}  // namespace storydesk::read
