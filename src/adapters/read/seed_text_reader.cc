#include "adapters/read/seed_text_reader.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "adapters/read/text_checks.h"
#include "storydesk/text/dateline.h"
#include "storydesk/time/published_time.h"

namespace storydesk::read {
namespace {

constexpr size_t kMaxHeadlineWords = 20;
constexpr size_t kMaxHeadlineBytes = 300;

Status Invalid(std::string message) { return Status::Error(ErrorCode::kInvalidInput, std::move(message)); }

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (IsSpaceOrTab(s[pos]) || s[pos] == '\r' || s[pos] == '\n')) ++pos;
    const size_t start = pos;
    while (pos < s.size() && !(IsSpaceOrTab(s[pos]) || s[pos] == '\r' || s[pos] == '\n')) ++pos;
    if (pos > start) words.push_back(s.substr(start, pos - start));
  }
  return words;
}

bool IsTimeUnit(std::string_view unit) {
  static constexpr std::array<std::string_view, 32> kUnits = {
      "s",     "sec", "secs", "second", "seconds", "m",   "min",  "mins", "minute", "minutes", "h",
      "hr",    "hrs", "hour", "hours",  "d",       "day", "days", "w",    "wk",     "wks",     "week",
      "weeks", "mo",  "mos",  "month",  "months",  "y",   "yr",   "yrs",  "year",   "years"};
  return std::find(kUnits.begin(), kUnits.end(), unit) != kUnits.end();
}

// "12" -> true; also splits "12h" into number and unit.
bool SplitNumberUnit(std::string_view token, std::string_view* unit) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return false;
  *unit = token.substr(digits);
  return true;
}

// The bullet text when `line` is a bullet line ("  • text", "- text"), else nullopt.
std::optional<std::string_view> BulletText(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size() && IsSpaceOrTab(line[pos])) ++pos;
  const std::string_view rest = line.substr(pos);
  size_t marker = 0;
  if (rest.starts_with("\u2022")) {  // •
    marker = 3;
  } else if (rest.starts_with("\u00B7")) {  // ·
    marker = 2;
  } else if (rest.starts_with("-") || rest.starts_with("*")) {
    marker = 1;
  } else {
    return std::nullopt;
  }
  // The marker must be followed by white space: "-5 degrees" and "*NSYNC" are not bullets.
  if (marker >= rest.size() || !IsSpaceOrTab(rest[marker])) return std::nullopt;
  return TrimWhitespace(rest.substr(marker));
}

// Sentence-final or introducing punctuation at the end of `line`, closing quotes and
// brackets skipped.
bool EndsLikeASentence(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kClosers = {"\"", "'", ")", "]", "\u201D", "\u2019"};
  bool stripped = true;
  while (stripped && !line.empty()) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        stripped = true;
        break;
      }
    }
  }
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || line.ends_with("\u2026");
}

// One line of the input, without its line break.
struct Line {
  std::string_view text;
  int64_t number;  // 1-based
};

std::vector<Line> SplitLines(std::string_view content) {
  std::vector<Line> lines;
  int64_t number = 1;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = content.size();
    std::string_view text = content.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!(last && text.empty() && start == content.size() && number > 1)) lines.push_back({text, number});
    if (last) break;
    start = end + 1;
    ++number;
  }
  return lines;
}

}  // namespace

bool IsRelativeTimeNoise(std::string_view s) {
  std::vector<std::string> words;
  for (std::string_view w : SplitWords(s)) {
    std::string lower = LowerAscii(w);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ',')) lower.pop_back();
    if (!lower.empty()) words.push_back(std::move(lower));
  }
  if (words.empty() || words.size() > 5) return false;
  size_t i = 0;
  while (i < words.size() && i < 2 &&
         (words[i] == "updated" || words[i] == "published" || words[i] == "posted" || words[i] == "edited" ||
          words[i] == "last")) {
    ++i;
  }
  const size_t left = words.size() - i;
  if (left == 1 && (words[i] == "now" || words[i] == "today" || words[i] == "yesterday")) return true;
  if (left == 2 && words[i] == "just" && words[i + 1] == "now") return true;
  if (left == 0) return false;
  // A number or "a"/"an", a unit (possibly glued to the number), then an optional "ago".
  std::string_view unit;
  if (words[i] == "a" || words[i] == "an") {
    if (++i >= words.size()) return false;
    unit = words[i];
  } else {
    if (!SplitNumberUnit(words[i], &unit)) return false;
    if (unit.empty()) {
      if (++i >= words.size()) return false;
      unit = words[i];
    }
  }
  if (!IsTimeUnit(unit)) return false;
  ++i;
  if (i < words.size() && words[i] == "ago") ++i;
  return i == words.size();
}

Result<RawArticle> ParseSeedText(std::string_view content) { return ParseSeedText(content, nullptr); }

Result<RawArticle> ParseSeedText(std::string_view content, int64_t* error_line) {
  auto fail = [error_line](int64_t line, std::string message) -> Result<RawArticle> {
    if (error_line != nullptr) *error_line = line;
    return Invalid(std::move(message));
  };

  if (auto problem = FindTextProblem(content)) {
    if (problem->kind == TextProblem::Kind::kNulByte) {
      return fail(0, "binary data (NUL byte at byte offset " + std::to_string(problem->offset) + "), not text");
    }
    int64_t line = 0, column = 0;
    LineAndColumn(content, problem->offset, &line, &column);
    return fail(line, "invalid UTF-8 at column " + std::to_string(column) + " (byte offset " +
                          std::to_string(problem->offset) + "); save the file as UTF-8");
  }
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // a UTF-8 byte order mark
  if (IsBlank(content)) return fail(0, "no text: the input is empty or only white space");

  const std::vector<Line> lines = SplitLines(content);
  constexpr const char* kHeaderHelp = "the first line must be \"date YYYY-MM-DD\"";

  // Line 1: "date", white space, the date, then noise or the start of the body.
  std::string_view header = lines[0].text;
  size_t pos = 0;
  while (pos < header.size() && IsSpaceOrTab(header[pos])) ++pos;
  if (header.substr(pos, 4) != "date" || (pos + 4 < header.size() && !IsSpaceOrTab(header[pos + 4]))) {
    return fail(1, std::string("missing date header: ") + kHeaderHelp + ", got " + QuoteForMessage(header, 40));
  }
  pos += 4;
  while (pos < header.size() && IsSpaceOrTab(header[pos])) ++pos;
  size_t date_end = pos;
  while (date_end < header.size() && !IsSpaceOrTab(header[date_end])) ++date_end;
  if (date_end == pos) return fail(1, std::string("missing date after \"date\": ") + kHeaderHelp);
  const std::string_view date = header.substr(pos, date_end - pos);
  auto published_at = timeutil::ParsePublished(date);
  if (!published_at.ok()) {
    return fail(1, "bad date " + QuoteForMessage(date) + " in the header: " + published_at.status().message());
  }
  const std::string_view rest_of_header = TrimWhitespace(header.substr(date_end));

  RawArticle article;
  article.published = std::string(date);
  article.published_at = published_at.value();

  std::string body;
  size_t next = 1;  // index into `lines` of the first line not consumed yet
  auto skip_blank = [&lines](size_t i) {
    while (i < lines.size() && IsBlank(lines[i].text)) ++i;
    return i;
  };
  if (!rest_of_header.empty() && !IsRelativeTimeNoise(rest_of_header)) {
    // Seed 002 style: the body starts on line 1, so there is no headline and no bullets.
    body = std::string(rest_of_header);
    body += '\n';
  } else {
    next = skip_blank(next);
    // Headline.
    if (next < lines.size()) {
      const std::string_view candidate = TrimWhitespace(lines[next].text);
      const bool stands_alone = next + 1 < lines.size() &&
                                (IsBlank(lines[next + 1].text) || BulletText(lines[next + 1].text).has_value()) &&
                                skip_blank(next + 1) < lines.size();
      if (stands_alone && !BulletText(lines[next].text) && !text::ParseDateline(candidate) &&
          candidate.size() <= kMaxHeadlineBytes && SplitWords(candidate).size() <= kMaxHeadlineWords &&
          !EndsLikeASentence(candidate)) {
        article.title = std::string(candidate);
        next = skip_blank(next + 1);
      }
    }
    // Bullets.
    while (next < lines.size()) {
      const auto bullet = BulletText(lines[next].text);
      if (!bullet) break;
      if (!bullet->empty()) article.bullets.emplace_back(*bullet);
      next = skip_blank(next + 1);
    }
  }
  for (size_t i = next; i < lines.size(); ++i) {
    body.append(lines[i].text);
    body += '\n';
  }

  std::string_view text = TrimWhitespace(body);
  if (auto dateline = text::ParseDateline(text)) {
    article.place = dateline->place;
    if (dateline->source) article.source = dateline->source;
    text = TrimWhitespace(text.substr(dateline->length));
  }
  if (text.empty()) {
    return fail(0, article.title || !article.bullets.empty() ? "no article text after the headline and bullets"
                                                             : "no article text after the date header");
  }
  article.text = std::string(text);
  return article;
}

}  // namespace storydesk::read
