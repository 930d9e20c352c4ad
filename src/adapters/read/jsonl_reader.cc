#include "adapters/read/jsonl_reader.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "adapters/read/text_checks.h"
#include "storydesk/article_id.h"
#include "storydesk/text/dateline.h"
#include "storydesk/time/published_time.h"

namespace storydesk::read {
namespace {

using nlohmann::json;

constexpr size_t kMaxJsonMessageBytes = 160;

Status Invalid(std::string message) { return Status::Error(ErrorCode::kInvalidInput, std::move(message)); }

std::string FieldName(std::string_view name) { return "field \"" + std::string(name) + "\""; }

// Records the first syntax error of a parse and nothing else. json::parse(..., false) only
// says *that* a line is malformed; this second pass (run on malformed lines only) recovers
// where and why, without exceptions: the parser hands the error object to parse_error().
class ErrorCatcher : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const json::exception& error) override {
    position_ = position;
    what_ = error.what();
    return false;
  }

  size_t Position() const { return position_; }
  const std::string& What() const { return what_; }

 private:
  size_t position_ = 0;
  std::string what_;
};

// "invalid JSON at the end of the line: syntax error while parsing value - invalid string:
// missing closing quote; last read: '"unterminated'", cut to one short line.
std::string DescribeSyntaxError(std::string_view line) {
  ErrorCatcher catcher;
  json::sax_parse(line.begin(), line.end(), &catcher);
  std::string detail = catcher.What();
  // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 14: ".
  if (const size_t at = detail.find("parse error"); at != std::string::npos) {
    if (const size_t colon = detail.find(": ", at); colon != std::string::npos) detail = detail.substr(colon + 2);
  }
  if (detail.empty()) detail = "syntax error";
  // nlohmann counts the end of input as one more character; say "end of the line" instead.
  const std::string where =
      catcher.Position() > line.size() ? "at the end of the line" : "at column " + std::to_string(catcher.Position());
  return "invalid JSON " + where + ": " + OneLine(detail, kMaxJsonMessageBytes);
}

const char* TypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "something else";
  }
}

// A string field that may be absent or null. On success *out is the trimmed value, or nullopt
// when absent, null or blank.
Status OptionalString(const json& record, std::string_view name, std::optional<std::string>* out) {
  const auto it = record.find(name);
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return Invalid(FieldName(name) + " must be a string or null, not " + TypeName(*it));
  }
  const std::string& value = it->get_ref<const std::string&>();
  if (value.find('\0') != std::string::npos) return Invalid(FieldName(name) + " contains a NUL character");
  const std::string_view trimmed = TrimWhitespace(value);
  if (!trimmed.empty()) *out = std::string(trimmed);
  return Status::Ok();
}

// Watches a parse for a key given twice in one object. nlohmann keeps the last value of a
// duplicate silently; its parser callback sees every key as it is read, so one pass finds them.
class DuplicateKeyFinder {
 public:
  // The callback to hand json::parse; it never discards anything.
  json::parser_callback_t Callback() {
    return [this](int, json::parse_event_t event, json& parsed) {
      switch (event) {
        case json::parse_event_t::object_start:
          open_.emplace_back();
          break;
        case json::parse_event_t::object_end:
          if (!open_.empty()) open_.pop_back();
          break;
        case json::parse_event_t::key:
          if (!open_.empty() && parsed.is_string() && !duplicate_) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!open_.back().insert(key).second) duplicate_ = key;
          }
          break;
        default:
          break;
      }
      return true;
    };
  }
  // The first key seen twice in one object, if any.
  const std::optional<std::string>& Duplicate() const { return duplicate_; }

 private:
  std::vector<std::unordered_set<std::string>> open_;  // keys of each object being read, outermost first
  std::optional<std::string> duplicate_;
};

Result<RawArticle> ParseRecord(std::string_view line) {
  if (auto problem = FindTextProblem(line)) {
    const std::string column = std::to_string(problem->offset + 1);
    if (problem->kind == TextProblem::Kind::kNulByte) return Invalid("binary data (NUL byte at column " + column + ")");
    return Invalid("invalid UTF-8 at column " + column + "; the input must be UTF-8");
  }
  if (IsBlank(line)) return Invalid("blank line: expected a JSON object");
  if (JsonNestingDepth(line) > kMaxJsonNesting) {
    return Invalid("JSON nested deeper than " + std::to_string(kMaxJsonNesting) + " levels");
  }

  DuplicateKeyFinder duplicates;
  const json record = json::parse(line.begin(), line.end(), duplicates.Callback(), /*allow_exceptions=*/false);
  if (record.is_discarded()) return Invalid(DescribeSyntaxError(line));
  if (duplicates.Duplicate()) {
    return Invalid("duplicate key " + QuoteForMessage(*duplicates.Duplicate()) +
                   ": each key may appear only once in an object");
  }
  if (!record.is_object()) {
    return Invalid(std::string("a record must be a JSON object, not ") + TypeName(record));
  }

  RawArticle article;
  if (const auto id = record.find("id"); id != record.end() && !id->is_null()) {
    if (id->is_string()) {
      const std::string& value = id->get_ref<const std::string&>();
      if (value.find('\0') != std::string::npos) return Invalid(FieldName("id") + " contains a NUL character");
      article.id = std::string(TrimWhitespace(value));
      if (article.id.size() > kMaxArticleIdBytes) {
        return Invalid(FieldName("id") + " is " + std::to_string(article.id.size()) + " bytes long, over the " +
                       std::to_string(kMaxArticleIdBytes) + "-byte limit for ids");
      }
    } else if (id->is_number_unsigned()) {
      article.id = std::to_string(id->get<uint64_t>());
    } else if (id->is_number_integer()) {
      article.id = std::to_string(id->get<int64_t>());
    } else {
      return Invalid(FieldName("id") + " must be a string or an integer, not " + TypeName(*id));
    }
  }
  for (const auto& [name, field] : {std::pair{"source", &article.source}, std::pair{"url", &article.url},
                                    std::pair{"title", &article.title}, std::pair{"published", &article.published}}) {
    if (Status s = OptionalString(record, name, field); !s.ok()) return s;
  }
  if (article.published) {
    auto at = timeutil::ParsePublished(*article.published);
    if (!at.ok()) {
      return Invalid(FieldName("published") + " has a bad date " + QuoteForMessage(*article.published) + ": " +
                     at.status().message());
    }
    article.published_at = at.value();
  }

  const auto text = record.find("text");
  if (text == record.end()) return Invalid("missing field \"text\": every record needs the article text");
  if (!text->is_string()) return Invalid(FieldName("text") + " must be a string, not " + TypeName(*text));
  const std::string& value = text->get_ref<const std::string&>();
  if (value.find('\0') != std::string::npos) return Invalid(FieldName("text") + " contains a NUL character");
  const std::string_view trimmed = TrimWhitespace(value);
  if (trimmed.empty()) return Invalid(FieldName("text") + " is blank");
  article.text = std::string(trimmed);
  // A wire dateline ("SEOUL (Reuters) -") names the source when the record does not, as in
  // seed text; the text itself is kept as given.
  if (!article.source || !article.place) {
    if (const auto dateline = text::ParseDateline(article.text)) {
      if (!article.source && dateline->source) article.source = dateline->source;
      if (!article.place) article.place = dateline->place;
    }
  }
  return article;
}

}  // namespace

size_t JsonNestingDepth(std::string_view text) {
  size_t depth = 0;
  size_t deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, whatever it is
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Result<RawArticle> ParseJsonLine(std::string_view line) {
  // ParseRecord checks every type before it reads a value, so nlohmann has nothing to throw;
  // this guard only keeps a bug (or an allocation failure) from escaping as an exception.
  try {
    return ParseRecord(line);
  } catch (const std::exception& e) {
    return Invalid(std::string("could not read the record: ") + e.what());
  }
}

}  // namespace storydesk::read
