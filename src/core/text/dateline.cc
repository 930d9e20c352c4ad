#include "storydesk/text/dateline.h"

#include <unicode/uchar.h>

#include <array>

#include "storydesk/text/utf8.h"

// The grammar, in the order it is matched at the start of the text:
//
//   dateline = place [", " date] [" (" agency ")"] spaces dash (spaces | end)
//   place    = caps-word *(" " caps-word) [", " region]
//   caps-word: an upper-case letter, then upper-case letters, '.', '-' or an apostrophe
//              ("WASHINGTON", "ST.", "U.S.", "WINSTON-SALEM"); the caps words hold >= 2 letters
//   region   = word *(" " word), the first word capitalised ("South Korea", "D.C.", "Calif.")
//   date     = month name or abbreviation and a day ("Aug 23", "Aug. 23"): Reuters style,
//              matched so that "LONDON, Aug 23 (Reuters) -" still gives the place "LONDON"
//   agency   = 1..40 bytes without parentheses or line breaks, kept as written
//   dash     = "--" | "-" | "–" (U+2013) | "—" (U+2014), with white space before and after
//
// Why so strict: a false dateline silently deletes the first words of an article, while a
// missed one only leaves a few words in the body. So the place must be an all-caps run
// followed by a comma, an agency in parentheses or a spaced dash; "US President Joe Biden",
// "The US does not" and "COVID-19 cases rose" do not qualify.
namespace storydesk::text {
namespace {

constexpr size_t kMaxCapsWords = 5;
constexpr size_t kMaxRegionWords = 4;
constexpr size_t kMaxAgencyBytes = 40;

enum class LetterCase { kNone, kUpper, kOther };

// Classifies the code point at `pos` and returns its byte length through *length.
LetterCase ClassifyAt(std::string_view s, size_t pos, size_t* length) {
  const auto byte = static_cast<unsigned char>(s[pos]);
  if (byte < 0x80) {
    *length = 1;
    if (byte >= 'A' && byte <= 'Z') return LetterCase::kUpper;
    if (byte >= 'a' && byte <= 'z') return LetterCase::kOther;
    return LetterCase::kNone;
  }
  size_t next = pos;
  const char32_t cp = DecodeUtf8(s, &next);
  *length = next - pos;
  if (cp == 0xFFFD) return LetterCase::kNone;
  if (u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp))) return LetterCase::kUpper;
  if (u_isalpha(static_cast<UChar32>(cp))) return LetterCase::kOther;
  return LetterCase::kNone;
}

bool IsWordPunctuation(std::string_view s, size_t pos, size_t* length) {
  if (s[pos] == '.' || s[pos] == '-' || s[pos] == '\'') {
    *length = 1;
    return true;
  }
  if (s.substr(pos, 3) == "\u2019") {  // ’
    *length = 3;
    return true;
  }
  return false;
}

// Scans a word at `pos`: letters and word punctuation up to a space, comma, parenthesis or
// the end. Returns its end, or `pos` when the word does not qualify. With `caps`, every
// letter must be upper case. Counts letters into *letters.
size_t ScanWord(std::string_view s, size_t pos, bool caps, size_t* letters) {
  size_t length = 0;
  if (pos >= s.size() || ClassifyAt(s, pos, &length) != LetterCase::kUpper) return pos;
  size_t end = pos;
  size_t count = 0;
  while (end < s.size()) {
    const char c = s[end];
    if (c == ' ' || c == ',' || c == '(' || c == '\t' || c == '\n' || c == '\r') break;
    const LetterCase letter = ClassifyAt(s, end, &length);
    if (letter == LetterCase::kUpper || (!caps && letter == LetterCase::kOther)) {
      ++count;
    } else if (!IsWordPunctuation(s, end, &length)) {
      return pos;  // a digit, a lower-case letter in a caps word, other punctuation: not a word
    }
    end += length;
  }
  *letters += count;
  return end;
}

// "Jan", "Jan.", "January"... followed by a space and a day of one or two digits.
size_t ScanReutersDate(std::string_view s, size_t pos) {
  static constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                               "May",       "June",     "July",     "August",
                                                               "September", "October",  "November", "December"};
  for (std::string_view month : kMonths) {
    // Whole name, or a 3- or 4-letter abbreviation ("Sept") with an optional period.
    for (size_t len : {month.size(), size_t{4}, size_t{3}}) {
      if (len > month.size() || s.substr(pos, len) != month.substr(0, len)) continue;
      size_t end = pos + len;
      if (len < month.size() && end < s.size() && s[end] == '.') ++end;
      if (end >= s.size() || s[end] != ' ') continue;
      ++end;
      size_t digits = 0;
      while (end < s.size() && s[end] >= '0' && s[end] <= '9' && digits < 3) {
        ++end;
        ++digits;
      }
      if (digits >= 1 && digits <= 2 && (end >= s.size() || s[end] == ' ' || s[end] == ',')) return end;
    }
  }
  return pos;
}

// A dash at `pos`: returns its end, or `pos` when there is none.
size_t ScanDash(std::string_view s, size_t pos) {
  if (s.substr(pos, 2) == "--") return pos + 2;
  if (s.substr(pos, 1) == "-") return pos + 1;
  if (s.substr(pos, 3) == "\u2013" || s.substr(pos, 3) == "\u2014") return pos + 3;
  return pos;
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

}  // namespace

std::optional<Dateline> ParseDateline(std::string_view text) {
  // The place: all-caps words.
  size_t letters = 0;
  size_t pos = ScanWord(text, 0, /*caps=*/true, &letters);
  if (pos == 0) return std::nullopt;
  for (size_t words = 1; words < kMaxCapsWords && pos < text.size() && text[pos] == ' '; ++words) {
    const size_t end = ScanWord(text, pos + 1, /*caps=*/true, &letters);
    if (end == pos + 1) break;
    pos = end;
  }
  if (letters < 2) return std::nullopt;  // "I - ..." or "A - ..." are not places
  size_t place_end = pos;

  // ", Aug 23" (Reuters), ", Region", or both.
  bool have_region = false, have_date = false;
  while (text.substr(pos, 2) == ", " && !(have_region && have_date)) {
    if (!have_date) {
      const size_t end = ScanReutersDate(text, pos + 2);
      if (end != pos + 2) {
        pos = end;
        have_date = true;
        continue;
      }
    }
    if (have_region || have_date) return std::nullopt;  // a region after the date, or two regions
    size_t region_letters = 0;
    size_t end = ScanWord(text, pos + 2, /*caps=*/false, &region_letters);
    if (end == pos + 2) return std::nullopt;
    for (size_t words = 1; words < kMaxRegionWords && end < text.size() && text[end] == ' '; ++words) {
      // Later words may be lower case ("Bosnia and Herzegovina"), so scan them without the
      // capital-first rule; a word of other characters ends the region.
      // A "word" of punctuation alone is the dash after the region ("GREENSBURG, Ind. -- A").
      size_t next = end + 1;
      bool has_letter = false;
      while (next < text.size()) {
        size_t length = 0;
        const LetterCase letter = ClassifyAt(text, next, &length);
        if (letter == LetterCase::kNone && !IsWordPunctuation(text, next, &length)) break;
        has_letter = has_letter || letter != LetterCase::kNone;
        next += length;
      }
      if (next == end + 1 || !has_letter) break;
      if (next < text.size() && text[next] != ' ' && text[next] != ',') break;
      end = next;
    }
    pos = end;
    place_end = end;
    have_region = true;
  }

  // " (AP)".
  Dateline dateline;
  if (text.substr(pos, 2) == " (") {
    const size_t open = pos + 2;
    size_t close = open;
    while (close < text.size() && close - open <= kMaxAgencyBytes && text[close] != ')' && text[close] != '(' &&
           text[close] != '\n' && text[close] != '\r') {
      ++close;
    }
    if (close >= text.size() || text[close] != ')' || close == open) return std::nullopt;
    const std::string_view agency = text.substr(open, close - open);
    if (agency.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
    dateline.source = std::string(agency);
    pos = close + 1;
  }

  // The dash, spaced.
  const size_t dash_start = SkipSpaces(text, pos);
  if (dash_start == pos) return std::nullopt;
  const size_t dash_end = ScanDash(text, dash_start);
  if (dash_end == dash_start) return std::nullopt;
  if (dash_end < text.size()) {
    const char after = text[dash_end];
    if (after != ' ' && after != '\t' && after != '\n' && after != '\r') return std::nullopt;
  }
  dateline.place = std::string(text.substr(0, place_end));
  dateline.length = SkipSpaces(text, dash_end);
  return dateline;
}

}  // namespace storydesk::text
