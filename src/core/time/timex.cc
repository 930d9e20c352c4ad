#include "storydesk/time/timex.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <tuple>
#include <unordered_set>

namespace storydesk::timeutil {
namespace {

struct Token {
  size_t begin = 0, end = 0;  // bytes
  std::string lower;
  bool capitalised = false;
  bool digits = false;  // digits only
  size_t sentence = 0;
  bool period_after = false;  // a '.' right after it ("Sept.")
  bool hyphen_after = false;  // a '-' right after it ("third-quarter", "nine-day")
};

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// A byte that is part of a word: ASCII letters and digits, and the bytes of non-ASCII letters
// (any UTF-8 sequence but general punctuation, U+2000–U+206F, and the no-break space).
bool IsWordByte(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  const auto lead = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0; };
  size_t start = i;  // the sequence's lead byte
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && i - start < 3) --start;
  if (lead(start) == 0xE2 && lead(start + 1) == 0x80) return false;
  if (lead(start) == 0xE2 && lead(start + 1) == 0x81 && lead(start + 2) <= 0xAF) return false;
  if (lead(start) == 0xC2 && lead(start + 1) == 0xA0) return false;
  return true;
}

int WeekdayNumber(std::string_view w);  // below

// A North American or universal time zone as news writes it after a clock time ("4 a.m. EDT"),
// lower-cased.
bool IsTimeZone(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kZones = {"edt", "est", "cdt", "cst", "mdt",
                                                              "mst", "pdt", "pst", "gmt", "utc"};
  return std::find(kZones.begin(), kZones.end(), w) != kZones.end();
}

// Whether the '.' at `i` closes "a.m."/"p.m." before a time zone or a weekday ("4 a.m. EDT
// Thursday", "9 a.m. Tuesday"): the clock goes on, the sentence does not end.
bool ClockBeforeZoneOrDay(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (tokens.size() < 2 || tokens.back().lower != "m" || tokens.back().end != i) return false;
  const std::string& before = tokens[tokens.size() - 2].lower;
  if (before != "a" && before != "p") return false;
  size_t k = i + 1;
  while (k < text.size() && text[k] == ' ') ++k;
  size_t e = k;
  while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e])) != 0) ++e;
  std::string next(text.substr(k, e - k));
  for (char& ch : next) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return k > i + 1 && k - i <= 3 && (IsTimeZone(next) || WeekdayNumber(next) > 0);
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t sentence = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text, i)) {
      const char c = text[i];
      if ((c == '.' || c == '!' || c == '?') && !out.empty()) {
        // A period after a short abbreviation ("Sept.", "Mr.") does not end the sentence.
        const Token& last = out.back();
        // A single capital before '.' is an initial ("Daniel P. Davison").
        const bool initial = c == '.' && last.end == i && last.end - last.begin == 1 && last.capitalised;
        const bool abbreviation =
            initial || (c == '.' && last.end == i && last.lower.size() <= 4 && !last.digits && i + 2 < text.size() &&
                        text[i + 1] == ' ' && !std::isupper(static_cast<unsigned char>(text[i + 2])));
        if (!abbreviation && !(c == '.' && ClockBeforeZoneOrDay(text, out, i))) ++sentence;
      }
      if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') ++sentence;
      // "'90s": an apostrophe opening two digits and an s.
      if (c == '\'' && i + 3 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
          std::isdigit(static_cast<unsigned char>(text[i + 2])) && text[i + 3] == 's' &&
          (i + 4 == text.size() || !IsWordByte(text, i + 4))) {
        Token t;
        t.begin = i;
        t.end = i + 4;
        t.lower = std::string(text.substr(i, 4));
        t.sentence = sentence;
        out.push_back(std::move(t));
        i += 4;
        continue;
      }
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.sentence = sentence;
    size_t j = i;
    while (j < text.size()) {
      if (IsWordByte(text, j)) {
        ++j;
        continue;
      }
      // Joiners inside a token: '/', ':', '.', ',' and '-' between digits ("11/02/89", "10:30",
      // "1.5", "1,200", "2021-08-16"); an apostrophe between letters ("he'll", "today's").
      const char c = text[j];
      const bool digit_before = std::isdigit(static_cast<unsigned char>(text[j - 1])) != 0;
      const bool digit_after = j + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[j + 1])) != 0;
      const bool alpha_before = std::isalpha(static_cast<unsigned char>(text[j - 1])) != 0;
      const bool alpha_after = j + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[j + 1])) != 0;
      if ((c == '/' || c == ':' || c == '.' || c == ',' || c == '-') && digit_before && digit_after) {
        j += 2;
        continue;
      }
      const bool possessive = c == '\'' && j + 1 < text.size() && (text[j + 1] == 's' || text[j + 1] == 'S') &&
                              (j + 2 == text.size() || !IsWordByte(text, j + 2));
      if (c == '\'' && alpha_before && alpha_after && !possessive) {
        j += 2;
        continue;
      }
      break;
    }
    t.end = j;
    t.lower.reserve(j - i);
    bool digits = true;
    for (size_t k = i; k < j; ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      t.lower.push_back(static_cast<char>(std::tolower(c)));
      if (!std::isdigit(c)) digits = false;
    }
    t.digits = digits;
    t.capitalised = std::isupper(static_cast<unsigned char>(text[i])) != 0;
    t.period_after = j < text.size() && text[j] == '.';
    t.hyphen_after = j < text.size() && text[j] == '-';
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

int MonthNumber(std::string_view w, bool* abbreviated) {
  static constexpr std::array<std::string_view, 12> kFull = {"january",   "february", "march",    "april",
                                                             "may",       "june",     "july",     "august",
                                                             "september", "october",  "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  *abbreviated = false;
  for (size_t m = 0; m < 12; ++m) {
    if (w == kFull[m]) return static_cast<int>(m) + 1;
  }
  for (size_t m = 0; m < 12; ++m) {
    if (w == kShort[m] || (m == 8 && w == "sept")) {
      *abbreviated = true;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  for (size_t d = 0; d < 7; ++d) {
    if (w == kDays[d]) return static_cast<int>(d) + 1;
  }
  return 0;
}

// A count written in digits or words, 1 for "a"/"an"; -1 for an unknown count ("several");
// 0 when not a count.
int CountOf(std::string_view w) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (size_t k = 1; k < kWords.size(); ++k) {
    if (w == kWords[k]) return static_cast<int>(k);
  }
  if (w == "thirty") return 30;
  if (w == "forty") return 40;
  if (w == "fifty") return 50;
  if (w == "a" || w == "an") return 1;
  if (w == "several" || w == "few" || w == "many" || w == "some") return -1;
  if (!w.empty() && w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int n = std::stoi(std::string(w));
    return n > 0 ? n : 0;
  }
  return 0;
}

int OrdinalOf(std::string_view w) {
  if (w == "first" || w == "1st") return 1;
  if (w == "second" || w == "2nd") return 2;
  if (w == "third" || w == "3rd") return 3;
  if (w == "fourth" || w == "4th") return 4;
  return 0;
}

// A day of the month: "16", "16th", "1st".
int DayOfMonth(const Token& t) {
  std::string_view w = t.lower;
  if (w.size() > 2 && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"))) {
    w.remove_suffix(2);
  }
  if (w.empty() || w.size() > 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  const int d = std::stoi(std::string(w));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearOf(const Token& t) {
  if (!t.digits || t.lower.size() != 4) return 0;
  const int y = std::stoi(t.lower);
  return y >= 1000 && y <= 2099 ? y : 0;
}

enum class Unit { kNone, kSecond, kMinute, kHour, kDay, kWeek, kWeekend, kMonth, kQuarter, kYear, kDecade, kCentury };

Unit UnitOf(std::string_view w) {
  if (w.ends_with("s") && w != "hours" && w.size() > 3) w.remove_suffix(1);
  if (w == "centurie") return Unit::kCentury;
  if (w == "second") return Unit::kSecond;
  if (w == "minute") return Unit::kMinute;
  if (w == "hour" || w == "hours") return Unit::kHour;
  if (w == "day") return Unit::kDay;
  if (w == "week") return Unit::kWeek;
  if (w == "weekend") return Unit::kWeekend;
  if (w == "month") return Unit::kMonth;
  if (w == "quarter") return Unit::kQuarter;
  if (w == "year") return Unit::kYear;
  if (w == "decade") return Unit::kDecade;
  if (w == "century") return Unit::kCentury;
  return Unit::kNone;
}

std::string DurationValue(int count, Unit unit) {
  const std::string n = count < 0 ? "X" : std::to_string(count);
  switch (unit) {
    case Unit::kSecond:
      return "PT" + n + "S";
    case Unit::kMinute:
      return "PT" + n + "M";
    case Unit::kHour:
      return "PT" + n + "H";
    case Unit::kDay:
      return "P" + n + "D";
    case Unit::kWeek:
      return "P" + n + "W";
    case Unit::kWeekend:
      return "P" + n + "WE";
    case Unit::kMonth:
      return "P" + n + "M";
    case Unit::kQuarter:
      return "P" + n + "Q";
    case Unit::kYear:
      return "P" + n + "Y";
    case Unit::kDecade:
      return "P" + n + "DE";
    case Unit::kCentury:
      return "P" + n + "CE";
    case Unit::kNone:
      break;
  }
  return "";
}

// A year written in words, as broadcast transcripts do: "nineteen ninety-six", "nineteen
// seventy-nine", "two thousand"; the year and the token after it, or 0.
int TensWord(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                            "sixty",  "seventy", "eighty", "ninety"};
  for (size_t k = 0; k < kTens.size(); ++k) {
    if (w == kTens[k]) return 20 + 10 * static_cast<int>(k);
  }
  return 0;
}

// The date of a holiday in `year` ("Thanksgiving", "Christmas", "New Year's Day"), or nullopt.
// US holidays as American news names them; Easter by the Gregorian computus (Meeus/Jones/Butcher).
std::optional<CivilDate> HolidayIn(std::string_view name, int year) {
  auto nth_weekday = [&](int month, int weekday, int n) {  // n-th (1-based; -1 the last)
    if (n > 0) {
      const CivilDate first{year, month, 1};
      const int offset = (weekday - IsoWeekday(first) + 7) % 7;
      return DateOfDays(DaysOf(first) + offset + 7 * static_cast<int64_t>(n - 1));
    }
    const CivilDate next_first = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
    const CivilDate last = DateOfDays(DaysOf(next_first) - 1);
    return DateOfDays(DaysOf(last) - (IsoWeekday(last) - weekday + 7) % 7);
  };
  if (name == "christmas") return CivilDate{year, 12, 25};
  if (name == "christmas eve") return CivilDate{year, 12, 24};
  if (name == "new year's day") return CivilDate{year, 1, 1};
  if (name == "new year's eve") return CivilDate{year, 12, 31};
  if (name == "halloween") return CivilDate{year, 10, 31};
  if (name == "valentine's day") return CivilDate{year, 2, 14};
  if (name == "thanksgiving") return nth_weekday(11, 4, 4);
  if (name == "labor day") return nth_weekday(9, 1, 1);
  if (name == "memorial day") return nth_weekday(5, 1, -1);
  if (name == "election day") return DateOfDays(DaysOf(nth_weekday(11, 1, 1)) + 1);  // Tuesday after the first Monday
  if (name == "easter") {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    return CivilDate{year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1};
  }
  return std::nullopt;
}

enum class Tense { kNone, kPast, kFuture };

// Whether an expression may begin at this token: a number ("16", "1990s", "20th", "'90s"), or
// one of the words the patterns below open with. Most tokens are neither, and are passed over
// without trying each pattern (the recogniser spent most of its time comparing them).
bool MayStart(const Token& t) {
  if (t.lower.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(t.lower[0])) != 0 || t.lower[0] == '\'') return true;
  static const std::unordered_set<std::string_view> kStarters = {
      // modifiers, determiners, deictic and quantity words
      "early", "late", "mid", "fiscal", "earlier", "later", "the", "this", "that", "current", "last", "latest", "past",
      "previous", "next", "coming", "today", "today's", "yesterday", "yesterday's", "tomorrow", "tomorrow's", "tonight",
      "year", "now", "currently", "nowadays", "recently", "lately", "recent", "soon", "daily", "weekly", "monthly",
      "annually", "yearly", "every", "each", "a", "an", "several", "few", "many", "some", "first", "second", "third",
      "fourth",
      // counts in words (CountOf) and spelled years
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
      // months, their abbreviations, weekdays
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      // holidays and seasons
      "christmas", "thanksgiving", "easter", "halloween", "new", "valentine", "labor", "memorial", "election", "spring",
      "summer", "fall", "autumn", "winter"};
  return kStarters.count(t.lower) > 0;
}

// TimeML's codes for the parts of a day: "TMO", "TAF", "TEV", "TNI"; empty for another word.
std::string_view PartOfDay(std::string_view w) {
  if (w == "morning") return "TMO";
  if (w == "afternoon") return "TAF";
  if (w == "evening") return "TEV";
  if (w == "night") return "TNI";
  return {};
}

// A season's TIMEX3 code and first month (as TimeML writes them: the northern hemisphere's).
struct Season {
  std::string_view code;
  int first_month = 0;
};

std::optional<Season> SeasonOf(std::string_view w) {
  if (w == "spring") return Season{"SP", 3};
  if (w == "summer") return Season{"SU", 6};
  if (w == "fall" || w == "autumn") return Season{"FA", 9};
  if (w == "winter") return Season{"WI", 12};
  return std::nullopt;
}

struct Match {
  size_t end = 0;  // one past the last token
  TimexType type = TimexType::kDate;
  std::string value;
  bool anchored = false;
};

class Recogniser {
 public:
  Recogniser(std::string_view text, const std::optional<CivilDate>& published)
      : text_(text), published_(published), tokens_(Tokenize(text)) {}

  std::vector<Timex> Run() {
    std::vector<Timex> out;
    for (size_t i = 0; i < tokens_.size();) {
      std::optional<Match> m = At(i);
      if (!m || m->end <= i) {
        ++i;
        continue;
      }
      Timex t;
      t.begin = tokens_[i].begin;
      const Token& last = tokens_[m->end - 1];
      bool abbreviated = false;
      t.end = last.end + (last.period_after && MonthNumber(last.lower, &abbreviated) > 0 && abbreviated ? 1 : 0);
      t.type = m->type;
      t.anchored = m->anchored;
      t.value = m->anchored && !published_ ? std::string() : std::move(m->value);
      out.push_back(std::move(t));
      i = m->end;
    }
    return out;
  }

 private:
  const Token* Get(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool Is(size_t i, std::string_view w) const { return i < tokens_.size() && tokens_[i].lower == w; }
  // Whether tokens i and i + 1 are in one sentence.
  bool Joined(size_t i) const { return i + 1 < tokens_.size() && tokens_[i].sentence == tokens_[i + 1].sentence; }
  // Whether only spaces, a period or a comma stand between tokens i and i + 1 ("Aug. 16, 2021"),
  // so that "early September; $14" is not a day of September.
  bool Close(size_t i) const {
    if (!Joined(i)) return false;
    for (size_t k = tokens_[i].end; k < tokens_[i + 1].begin; ++k) {
      if (text_[k] != ' ' && text_[k] != '.' && text_[k] != ',') return false;
    }
    return true;
  }

  CivilDate Dct() const { return published_.value_or(CivilDate{}); }

  // The longest expression at token i.
  std::optional<Match> At(size_t i) {
    if (!MayStart(tokens_[i])) return std::nullopt;
    std::optional<Match> best;
    auto consider = [&](std::optional<Match> m) {
      if (m && (!best || m->end > best->end)) best = std::move(m);
    };
    consider(Modified(i));
    consider(QualifiedPeriod(i));
    consider(Date(i));
    consider(Duration(i));
    consider(Set(i));
    consider(Time(i));
    return best;
  }

  // "early", "late", "mid", "earlier", "later", "the end of", ... before a date.
  std::optional<Match> Modified(size_t i) {
    const Token* t = Get(i);
    if (t == nullptr) return std::nullopt;
    size_t next = 0;
    const bool modifier = t->lower == "early" || t->lower == "late" || t->lower == "mid" || t->lower == "fiscal";
    // "earlier this month", "earlier Sunday"; not "earlier in the talks".
    const bool relative = (t->lower == "earlier" || t->lower == "later") &&
                          (Is(i + 1, "this") || Is(i + 1, "that") || Is(i + 1, "today") || Is(i + 1, "yesterday") ||
                           WeekdayNumber(Get(i + 1) ? Get(i + 1)->lower : "") > 0);
    if (modifier || relative) {
      next = i + 1;
    } else if (t->lower == "the" &&
               (Is(i + 1, "end") || Is(i + 1, "beginning") || Is(i + 1, "start") || Is(i + 1, "middle")) &&
               Is(i + 2, "of")) {
      next = i + 3;
    } else {
      return std::nullopt;
    }
    if (!Joined(next - 1)) return std::nullopt;
    return Date(next);
  }

  std::optional<Match> Date(size_t i) {
    const Token* t = Get(i);
    if (t == nullptr) return std::nullopt;
    const CivilDate dct = Dct();
    // ISO "2021-08-16" and US "11/02/89", "8/16/2021".
    if (std::optional<CivilDate> iso = ParseCivilDate(t->lower); iso && t->lower.size() == 10) {
      return Match{i + 1, TimexType::kDate, FormatDay(*iso), false};
    }
    if (std::optional<Match> m = SlashDate(i)) return m;
    // Decades: "1990s", "'90s", "the 1990s".
    if (std::optional<Match> m = Decade(i)) return m;
    if (t->lower == "the" && Joined(i)) {
      if (std::optional<Match> m = Decade(i + 1)) return m;
      if (std::optional<Match> m = SpelledYear(i)) return m;  // "the year two thousand"
      // "the third quarter", but not the article of a compound ("the third-quarter loss").
      if (!(Get(i + 1) && Get(i + 1)->hyphen_after)) {
        if (std::optional<Match> m = Quarter(i + 1)) return m;
      }
      // "the quarter": the one a report is about, the last ended.
      if (Is(i + 1, "quarter") && !(Get(i + 1)->hyphen_after)) {
        const int current = (dct.month - 1) / 3 + 1;
        return Match{i + 2, TimexType::kDate,
                     current == 1 ? FormatQuarter(dct.year - 1, 4) : FormatQuarter(dct.year, current - 1), true};
      }
      // "the weekend": the last one, or the next in the future tense.
      if (Is(i + 1, "weekend")) {
        const int64_t today = DaysOf(dct);
        const int64_t saturday = TenseAround(i, i + 2) == Tense::kFuture ? today + (6 - IsoWeekday(dct) + 7) % 7
                                                                         : today - (IsoWeekday(dct) + 1) % 7;
        return Match{i + 2, TimexType::kDate, FormatWeek(IsoWeekOf(DateOfDays(saturday))) + "-WE", true};
      }
      if (Is(i + 1, "past") && !(CountOf(Get(i + 2) ? Get(i + 2)->lower : "") != 0) &&
          UnitOf(Get(i + 2) ? Get(i + 2)->lower : "") == Unit::kNone) {
        return Match{i + 2, TimexType::kDate, "PAST_REF", false};
      }
      if (Is(i + 1, "future")) return Match{i + 2, TimexType::kDate, "FUTURE_REF", false};
      // "the near future", "the near term".
      if (Is(i + 1, "near") && (Is(i + 2, "future") || Is(i + 2, "term")) && !Get(i + 2)->hyphen_after) {
        return Match{i + 3, TimexType::kDate, "FUTURE_REF", false};
      }
      // "the nineties": the decade of this century's year.
      if (const Token* n = Get(i + 1); n != nullptr && n->lower.ends_with("ies")) {
        const int tens = TensWord(n->lower.substr(0, n->lower.size() - 3) + "y");
        if (tens > 0) return Match{i + 2, TimexType::kDate, "19" + std::to_string(tens / 10), false};
      }
      if (std::optional<Match> m = Century(i + 1)) return m;
      if (std::optional<Match> m = SeasonAt(i + 1)) return m;
      // "the latest period": the quarter a results report is about.
      if (Is(i + 1, "latest") && Is(i + 2, "period")) {
        if (std::optional<std::pair<int, int>> q = ReferenceQuarter(i)) {
          return Match{i + 3, TimexType::kDate, FormatQuarter(q->first, q->second), true};
        }
      }
      if (Is(i + 1, "year") && Get(i + 1)->hyphen_after && (Is(i + 2, "earlier") || Is(i + 2, "ago")) &&
          (Is(i + 3, "quarter") || Is(i + 3, "period"))) {
        return Match{i + 4, TimexType::kDate, YearsBack(i, 1), true};
      }
      // "the full year": the publication's.
      if (Is(i + 1, "full") && Is(i + 2, "year") && !Get(i + 2)->hyphen_after) {
        return Match{i + 3, TimexType::kDate, FormatYear(dct.year), true};
      }
      if (Is(i + 1, "year") && !(Is(i + 2, "before") || Is(i + 2, "after") || Is(i + 2, "earlier") ||
                                 Is(i + 2, "ago") || Is(i + 2, "later") || Is(i + 2, "of") || Is(i + 2, "in"))) {
        return Match{i + 2, TimexType::kDate, FormatYear(dct.year), true};
      }
      return std::nullopt;
    }
    if (std::optional<Match> m = Quarter(i)) return m;
    if (std::optional<Match> m = MonthDate(i)) return m;
    if (std::optional<Match> m = DayMonth(i)) return m;
    if (int wd = WeekdayNumber(t->lower); wd > 0 && t->capitalised) {
      // "Saturday, April 25", "Friday Oct. 13": the date the weekday names, in the year (of the
      // three around the publication) where that day is that weekday when it has no year.
      if (Close(i) && Get(i + 1)) {
        std::optional<Match> m = MonthDate(i + 1);
        if (!m) m = DayMonth(i + 1);
        if (m && m->value.size() == 10) {
          if (std::optional<CivilDate> d = ParseCivilDate(m->value); d && m->anchored && IsoWeekday(*d) != wd) {
            for (const int year : {Dct().year, Dct().year - 1, Dct().year + 1}) {
              if (IsValidCivilDate(year, d->month, d->day) && IsoWeekday({year, d->month, d->day}) == wd) {
                m->value = FormatDay({year, d->month, d->day});
                break;
              }
            }
          }
          return m;
        }
      }
      // A possessive weekday names a known event ("around Wednesday's ruling"): the latest such
      // day, whatever the clause's verb says, unless it is what is awaited ("ahead of Tuesday's
      // vote").
      const bool possessive = t->end < text_.size() && text_[t->end] == '\'';
      Tense tense = TenseAround(i, i + 1);
      if (possessive) {
        const bool awaited = i > 0 && (tokens_[i - 1].lower == "until" ||
                                       (tokens_[i - 1].lower == "of" && i > 1 && tokens_[i - 2].lower == "ahead"));
        tense = awaited ? Tense::kFuture : Tense::kNone;
      }
      const std::string day = FormatDay(WeekdayFor(wd, tense, 0));
      // "Wednesday night": the day's part, as TimeML writes it.
      if (Joined(i) && Get(i + 1)) {
        if (const std::string_view part = PartOfDay(Get(i + 1)->lower); !part.empty()) {
          return Match{i + 2, TimexType::kDate, day + std::string(part), true};
        }
      }
      return Match{i + 1, TimexType::kDate, day, true};
    }
    if (std::optional<Match> m = Holiday(i)) return m;
    if (std::optional<Match> m = SpelledYear(i)) return m;
    if (std::optional<Match> m = Century(i)) return m;
    if (std::optional<Match> m = SeasonAt(i)) return m;
    if (std::optional<Match> m = Deictic(i)) return m;
    if (std::optional<Match> m = Ago(i)) return m;
    // "year-earlier", "year-ago"; "the year-earlier quarter" as a whole.
    if (t->lower == "year" && t->hyphen_after && (Is(i + 1, "earlier") || Is(i + 1, "ago"))) {
      return Match{i + 2, TimexType::kDate, YearsBack(i, 1), true};
    }
    if (std::optional<Match> m = Word(i)) return m;
    // Before 1900 only after a preposition of time ("fought for Cuba's independence from Spain
    // in 1898"); a bare "1500" is more often a count.
    if (int y = YearOf(*t);
        (y >= 1900 || (y >= 1500 && i > 0 && (tokens_[i - 1].lower == "in" || tokens_[i - 1].lower == "since"))) &&
        LooksLikeYear(i)) {
      return Match{i + 1, TimexType::kDate, FormatYear(y), false};
    }
    return std::nullopt;
  }

  // "11/02/89", "8/16/2021": month, day, year (US order, as American news writes it).
  std::optional<Match> SlashDate(size_t i) const {
    const std::string& w = tokens_[i].lower;
    const size_t a = w.find('/');
    if (a == std::string::npos) return std::nullopt;
    const size_t b = w.find('/', a + 1);
    if (b == std::string::npos || w.find('/', b + 1) != std::string::npos) return std::nullopt;
    auto number = [&](size_t from, size_t to) {
      if (to <= from || to - from > 4) return -1;
      int n = 0;
      for (size_t k = from; k < to; ++k) {
        if (w[k] < '0' || w[k] > '9') return -1;
        n = n * 10 + (w[k] - '0');
      }
      return n;
    };
    const int month = number(0, a), day = number(a + 1, b);
    int year = number(b + 1, w.size());
    if (month < 0 || day < 0 || year < 0) return std::nullopt;
    if (w.size() - b - 1 == 2) year += year >= 50 ? 1900 : 2000;
    if (!IsValidCivilDate(year, month, day)) return std::nullopt;
    return Match{i + 1, TimexType::kDate, FormatDay({year, month, day}), false};
  }

  std::optional<Match> Decade(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr) return std::nullopt;
    const std::string& w = t->lower;
    if (w.size() == 5 && w[4] == 's' && w[3] == '0' && std::all_of(w.begin(), w.begin() + 4, ::isdigit)) {
      const int y = std::stoi(w.substr(0, 4));
      if (y >= 1000 && y <= 2090) return Match{i + 1, TimexType::kDate, w.substr(0, 3), false};
    }
    if (w.size() == 4 && w[0] == '\'' && w[2] == '0' && w[3] == 's') {
      return Match{i + 1, TimexType::kDate, std::string("19") + w[1], false};
    }
    return std::nullopt;
  }

  // A quarter or a half qualified by its year: "the 1988 third quarter", "the year-ago third
  // quarter", "next year's first quarter", "last year's quarter" (the year-ago quarter of a
  // report, YearsBack), "the first half of 1990", "the last half of 1989", "the first two
  // quarters of 1990", "the second half of next year".
  std::optional<Match> QualifiedPeriod(size_t i) {
    const size_t j = Is(i, "the") && Joined(i) ? i + 1 : i;
    const Token* t = Get(j);
    if (t == nullptr || !Joined(j)) return std::nullopt;
    const CivilDate dct = Dct();
    const Token* n = Get(j + 1);
    // "1988 third quarter"
    if (const int year = YearOf(*t); year > 0 && OrdinalOf(n->lower) > 0 && Joined(j + 1) && Is(j + 2, "quarter")) {
      return Match{j + 3, TimexType::kDate, FormatQuarter(year, OrdinalOf(n->lower)), false};
    }
    // "year-ago third quarter", "year-earlier fourth-quarter"
    if (t->lower == "year" && t->hyphen_after && (n->lower == "ago" || n->lower == "earlier") && Joined(j + 1)) {
      if (std::optional<Match> q = Quarter(j + 2); q && q->value.size() == 7) {
        q->value = FormatQuarter(std::stoi(q->value.substr(0, 4)) - 1, q->value[6] - '0');
        q->anchored = true;
        return q;
      }
    }
    // "next year's first quarter", "last year's quarter"
    const bool last = t->lower == "last" || t->lower == "past" || t->lower == "previous";
    if ((last || t->lower == "next" || t->lower == "this") && n->lower == "year" && Is(j + 2, "s") &&
        text_[n->end] == '\'' && Joined(j + 1) && Joined(j + 2) && Get(j + 3)) {
      const int year = dct.year + (last ? -1 : t->lower == "next" ? 1 : 0);
      if (const int q = OrdinalOf(Get(j + 3)->lower); q > 0 && Joined(j + 3) && Is(j + 4, "quarter")) {
        return Match{j + 5, TimexType::kDate, FormatQuarter(year, q), true};
      }
      if (last && (Is(j + 3, "quarter") || Is(j + 3, "period")) && !Get(j + 3)->hyphen_after && ReferenceQuarter(j)) {
        return Match{j + 4, TimexType::kDate, YearsBack(j, 1), true};
      }
    }
    // "the week of March 6": that day's week; "the day before last Tuesday", "the day after
    // tomorrow": the day next to that day.
    if ((t->lower == "week" || t->lower == "day") && !t->hyphen_after && j > i) {
      const int shift = t->lower == "week" ? 0 : n->lower == "before" ? -1 : n->lower == "after" ? 1 : 99;
      if ((t->lower == "week") == (n->lower == "of") && shift != 99 && Joined(j + 1)) {
        std::optional<Match> d = Date(j + 2);  // not At: no recursion on "the day before the day before ..."
        std::optional<CivilDate> day = d && d->type == TimexType::kDate ? ParseCivilDate(d->value) : std::nullopt;
        if (day && d->value.size() == 10) {
          d->value = t->lower == "week" ? FormatWeek(IsoWeekOf(*day)) : FormatDay(DateOfDays(DaysOf(*day) + shift));
          return d;
        }
      }
    }
    // "the current fiscal year", "the current year": the publication's.
    if (j > i && t->lower == "current" && (Is(j + 1, "year") || (Is(j + 1, "fiscal") && Is(j + 2, "year")))) {
      const size_t end = Is(j + 1, "year") ? j + 2 : j + 3;
      if (Joined(end - 2) && !Get(end - 1)->hyphen_after) {
        return Match{end, TimexType::kDate, FormatYear(dct.year), true};
      }
    }
    // "first half of 1990", "last half of 1989", "first two quarters of 1990"
    size_t of = 0;
    int half = 0;
    if (Is(j + 1, "half") || (Is(j + 1, "two") && Is(j + 2, "quarters"))) {
      if (t->lower == "first") half = 1;
      if (t->lower == "second" || t->lower == "last" || t->lower == "latter") half = 2;
      of = Is(j + 1, "half") ? j + 2 : j + 3;
    }
    if (half == 0 || !Is(of, "of") || !Joined(of - 1) || !Joined(of)) return std::nullopt;
    if (const Token* y = Get(of + 1); YearOf(*y) > 0) {
      return Match{of + 2, TimexType::kDate, FormatYear(YearOf(*y)) + "-H" + std::to_string(half), false};
    }
    // "the last half of the '80s": the decade's end, as TimeML values it (a decade).
    std::optional<Match> d = Decade(of + 1);
    if (!d && Is(of + 1, "the") && Joined(of + 1)) d = Decade(of + 2);
    if (d) return d;
    // "of this/next/last year", "of the year"
    if (Is(of + 2, "year") && Joined(of + 1) && !Get(of + 2)->hyphen_after) {
      const std::string& w = Get(of + 1)->lower;
      const int shift = w == "next" ? 1 : w == "last" || w == "past" ? -1 : w == "this" || w == "the" ? 0 : 99;
      if (shift != 99) {
        return Match{of + 3, TimexType::kDate, FormatYear(dct.year + shift) + "-H" + std::to_string(half), true};
      }
    }
    return std::nullopt;
  }

  // "third quarter", "third-quarter", "the fourth quarter of 1999", "the latest quarter",
  // "last quarter", "this quarter".
  std::optional<Match> Quarter(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr || !Joined(i) || !Is(i + 1, "quarter")) return std::nullopt;
    const CivilDate dct = Dct();
    const int current = (dct.month - 1) / 3 + 1;
    int year = dct.year, quarter = 0;
    bool anchored = true;
    if (int n = OrdinalOf(t->lower); n > 0) {
      quarter = n;
      if (Is(i + 2, "of") && Get(i + 3) && YearOf(*Get(i + 3)) > 0) {
        return Match{i + 4, TimexType::kDate, FormatQuarter(YearOf(*Get(i + 3)), n), false};
      }
      if (Get(i + 2) && YearOf(*Get(i + 2)) > 0 && Joined(i + 1)) {
        return Match{i + 3, TimexType::kDate, FormatQuarter(YearOf(*Get(i + 2)), n), false};
      }
    } else if (t->lower == "last" || t->lower == "latest" || t->lower == "past" || t->lower == "previous") {
      quarter = current - 1;
    } else if (t->lower == "this" || t->lower == "current") {
      quarter = current;
    } else if (t->lower == "next" || t->lower == "coming") {
      quarter = current + 1;
    } else {
      return std::nullopt;
    }
    if (quarter < 1) quarter += 4, --year;
    if (quarter > 4) quarter -= 4, ++year;
    return Match{i + 2, TimexType::kDate, FormatQuarter(year, quarter), anchored};
  }

  // A month name as a month: capitalised; an abbreviation with its period or before a number;
  // "May" and "March" (also a verb) only after a preposition or before a day or year.
  int MonthAt(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr || !t->capitalised) return 0;
    bool abbreviated = false;
    const int month = MonthNumber(t->lower, &abbreviated);
    if (month == 0) return 0;
    const Token* next = Joined(i) ? Get(i + 1) : nullptr;
    const bool number_after = next != nullptr && (DayOfMonth(*next) > 0 || YearOf(*next) > 0);
    if (abbreviated && !t->period_after && !number_after) return 0;
    if (t->lower == "may" || t->lower == "march") {
      static constexpr std::array<std::string_view, 20> kBefore = {
          "in",    "on",   "since", "until",  "by",      "from",   "of",    "last",    "next", "this",
          "early", "late", "mid",   "during", "through", "before", "after", "between", "and",  "to"};
      const bool preposition = i > 0 && tokens_[i - 1].sentence == t->sentence &&
                               std::find(kBefore.begin(), kBefore.end(), tokens_[i - 1].lower) != kBefore.end();
      if (!preposition && !number_after) return 0;
    }
    return month;
  }

  // "Aug. 16", "August 16, 2021", "August 2021", "August".
  std::optional<Match> MonthDate(size_t i) {
    const int month = MonthAt(i);
    if (month == 0) return std::nullopt;
    const Token* next = Close(i) ? Get(i + 1) : nullptr;
    if (next != nullptr) {
      if (const int day = DayOfMonth(*next); day > 0) {
        const Token* after = Close(i + 1) ? Get(i + 2) : nullptr;
        if (after != nullptr && YearOf(*after) > 0 && IsValidCivilDate(YearOf(*after), month, day)) {
          return Match{i + 3, TimexType::kDate, FormatDay({YearOf(*after), month, day}), false};
        }
        return DayWithoutYear(i, i + 2, month, day);
      }
      if (const int year = YearOf(*next); year > 0) {
        return Match{i + 2, TimexType::kDate, FormatMonth(year, month), false};
      }
      if (size_t end = 0; const int year = SpelledYearAt(i + 1, &end)) {
        return Match{end, TimexType::kDate, FormatMonth(year, month), false};
      }
      // "January this year", "March last year".
      if ((next->lower == "this" || next->lower == "last" || next->lower == "next") && Joined(i + 1) &&
          Is(i + 2, "year")) {
        const int year = Dct().year + (next->lower == "last" ? -1 : next->lower == "next" ? 1 : 0);
        return Match{i + 3, TimexType::kDate, FormatMonth(year, month), true};
      }
    }
    const Tense tense = Attributive(i, i + 1) ? Tense::kNone : TenseAround(i, i + 1);
    return Match{i + 1, TimexType::kDate, FormatMonth(YearForMonth(month, tense), month), true};
  }

  // The year of a month named without one: the latest such month not after the publication
  // month in the past tense, the first not before it in the future tense. When the tense does
  // not say, the latest such month too (news reports what has happened: "rising to a high in
  // June from $29.75 in March", written in October) unless it is one or two months ahead
  // ("mid-November" in late October: the writer's schedule, not last year's).
  int YearForMonth(int month, Tense tense) const {
    const CivilDate dct = Dct();
    const int ahead = (month - dct.month + 12) % 12;
    const int upcoming = month >= dct.month ? dct.year : dct.year + 1;
    const int latest = month <= dct.month ? dct.year : dct.year - 1;
    if (tense == Tense::kFuture) return upcoming;
    if (tense == Tense::kPast) return latest;
    return ahead >= 1 && ahead <= 2 ? upcoming : latest;
  }

  // "16 August", "16th of August 2021".
  std::optional<Match> DayMonth(size_t i) {
    const Token* t = Get(i);
    if (t == nullptr || !Close(i)) return std::nullopt;
    const int day = DayOfMonth(*t);
    if (day == 0) return std::nullopt;
    size_t m = i + 1;
    if (Is(m, "of") && Close(m)) ++m;
    const int month = MonthAt(m);
    if (month == 0) return std::nullopt;
    const Token* after = Close(m) ? Get(m + 1) : nullptr;
    if (after != nullptr && YearOf(*after) > 0 && IsValidCivilDate(YearOf(*after), month, day)) {
      return Match{m + 2, TimexType::kDate, FormatDay({YearOf(*after), month, day}), false};
    }
    return DayWithoutYear(i, m + 1, month, day);
  }

  // A day and month without a year: the year its month takes (YearForMonth), so that a day
  // later in the publication month is that month's, whatever the tense ("was extended to
  // Nov. 16", written on Nov. 1); February 29 of a year without one is that of the leap year after.
  std::optional<Match> DayWithoutYear(size_t begin, size_t end, int month, int day) {
    int year = YearForMonth(month, Attributive(begin, end) ? Tense::kNone : TenseAround(begin, end));
    for (int tries = 0; tries < 8 && !IsValidCivilDate(year, month, day); ++tries) ++year;
    if (!IsValidCivilDate(year, month, day)) return std::nullopt;
    return Match{end, TimexType::kDate, FormatDay({year, month, day}), true};
  }

  // Whether the date [begin, end) names an event as a noun's modifier ("the Jan. 6 riot", "the
  // violent Jan. 6 Capitol insurrection", "the May 25 anniversary") or as a possessive ("March's
  // 6%"): a known event, whatever the clause's verb says of something else ("Manger will take
  // charge in the aftermath of the Jan. 6 insurrection").
  bool Attributive(size_t begin, size_t end) const {
    if (end == 0 || end > tokens_.size()) return false;
    const Token& last = tokens_[end - 1];
    if (last.end + 1 < text_.size() && text_[last.end] == '\'' && (text_[last.end + 1] == 's')) return true;
    if (begin == 0 || end >= tokens_.size() || !Joined(end - 1)) return false;
    const Token& after = tokens_[end];
    if (after.digits) return false;
    // Only spaces between the date and the noun ("the Jan. 6 riot", not "the Jan. 6, when").
    for (size_t k = last.end; k < after.begin; ++k) {
      if (text_[k] != ' ') return false;
    }
    static constexpr std::array<std::string_view, 26> kNotNouns = {
        "to",  "and",  "or",    "at",  "in",  "on",   "for", "by",   "of",    "when",   "as",    "from",    "is",
        "was", "will", "would", "has", "had", "were", "are", "with", "after", "before", "until", "through", "but"};
    return std::find(kNotNouns.begin(), kNotNouns.end(), after.lower) == kNotNouns.end();
  }

  // The weekday `wd` (1 Monday .. 7 Sunday): the latest on or before the publication date, the
  // first on or after it in the future tense; `shift` -1 for "last" (before it), +1 for "next".
  CivilDate WeekdayFor(int wd, Tense tense, int shift) const {
    const CivilDate dct = Dct();
    const int64_t today = DaysOf(dct);
    const int now = IsoWeekday(dct);
    if (shift < 0) {
      int back = (now - wd + 7) % 7;
      if (back == 0) back = 7;
      return DateOfDays(today - back);
    }
    if (shift > 0 || tense == Tense::kFuture) {
      // "next Monday" is never today; "is expected to announce on Monday", written on a
      // Monday, is (a writer meaning a week ahead says "next Monday").
      int ahead = (wd - now + 7) % 7;
      if (ahead == 0 && shift > 0) ahead = 7;
      return DateOfDays(today + ahead);
    }
    return DateOfDays(today - (now - wd + 7) % 7);
  }

  // "today", "yesterday", "this week", "last month", "next year", "last Monday", "this summer".
  std::optional<Match> Deictic(size_t i) {
    const Token* t = Get(i);
    const CivilDate dct = Dct();
    const int64_t today = DaysOf(dct);
    const std::string& w = t->lower;
    if (w == "today" || w == "today's") return Match{i + 1, TimexType::kDate, FormatDay(dct), true};
    if (w == "yesterday" || w == "yesterday's")
      return Match{i + 1, TimexType::kDate, FormatDay(DateOfDays(today - 1)), true};
    if (w == "tomorrow" || w == "tomorrow's")
      return Match{i + 1, TimexType::kDate, FormatDay(DateOfDays(today + 1)), true};
    if (w == "tonight") return Match{i + 1, TimexType::kTime, FormatDay(dct) + "TNI", true};
    int shift = 0;
    if (w == "this" || w == "current") {
      shift = 0;
    } else if (w == "last" || w == "past" || w == "previous") {
      shift = -1;
    } else if (w == "next" || w == "coming") {
      shift = 1;
    } else {
      return std::nullopt;
    }
    if (!Joined(i)) return std::nullopt;
    const Token* n = Get(i + 1);
    if (n == nullptr) return std::nullopt;
    // "past" and "previous" before a unit are durations ("the past year"), not dates.
    if ((w == "past" || w == "previous") && WeekdayNumber(n->lower) == 0) return std::nullopt;
    if (const int wd = WeekdayNumber(n->lower); wd > 0) {
      // "this Sunday": the one the tense says ("took to the streets this Sunday", written on a
      // Monday, is the day before), else the one of the publication's week.
      const Tense tense = shift == 0 ? TenseAround(i, i + 2) : Tense::kNone;
      const CivilDate d = shift != 0              ? WeekdayFor(wd, Tense::kNone, shift)
                          : tense != Tense::kNone ? WeekdayFor(wd, tense, 0)
                                                  : DateOfDays(today - IsoWeekday(dct) + wd);
      return Match{i + 2, TimexType::kDate, FormatDay(d), true};
    }
    if (const int month = MonthAt(i + 1); month > 0) {
      // "last Oct. 23": that day, the latest before the publication date (the next after it).
      if (const Token* d = Close(i + 1) ? Get(i + 2) : nullptr; d != nullptr && DayOfMonth(*d) > 0 && shift != 0) {
        for (int year = dct.year; year != dct.year + 2 * shift; year += shift) {
          if (!IsValidCivilDate(year, month, DayOfMonth(*d))) continue;
          const CivilDate c{year, month, DayOfMonth(*d)};
          if (shift < 0 ? DaysOf(c) < today : DaysOf(c) > today)
            return Match{i + 3, TimexType::kDate, FormatDay(c), true};
        }
      }
      int year = dct.year;
      if (shift < 0 && month >= dct.month) --year;
      if (shift > 0 && month <= dct.month) ++year;
      return Match{i + 2, TimexType::kDate, FormatMonth(year, month), true};
    }
    const std::string& u = n->lower;
    if (u == "week" || u == "weekend") {
      return Match{
          i + 2, TimexType::kDate,
          FormatWeek(IsoWeekOf(DateOfDays(today + 7 * static_cast<int64_t>(shift)))) + (u == "weekend" ? "-WE" : ""),
          true};
    }
    if (u == "month") {
      int year = dct.year, month = dct.month + shift;
      if (month < 1) month += 12, --year;
      if (month > 12) month -= 12, ++year;
      return Match{i + 2, TimexType::kDate, FormatMonth(year, month), true};
    }
    if (u == "year") return Match{i + 2, TimexType::kDate, FormatYear(dct.year + shift), true};
    if (u == "morning" || u == "afternoon" || u == "evening" || u == "night") {
      if (shift != 0 && u != "night") return std::nullopt;
      const CivilDate d = shift < 0 ? DateOfDays(today - 1) : dct;
      return Match{i + 2, TimexType::kTime, FormatDay(d) + std::string(PartOfDay(u)), true};
    }
    if (const std::optional<Season> season = SeasonOf(u)) {
      return Match{i + 2, TimexType::kDate, FormatYear(dct.year + shift) + "-" + std::string(season->code), true};
    }
    return std::nullopt;
  }

  // "two years ago", "a week earlier", "three days ago".
  std::optional<Match> Ago(size_t i) {
    const Token* t = Get(i);
    const int count = CountOf(t->lower);
    if (count == 0 || !Joined(i) || !Joined(i + 1)) return std::nullopt;
    const Token* u = Get(i + 1);
    const Token* a = Get(i + 2);
    if (u == nullptr || a == nullptr || (a->lower != "ago" && a->lower != "earlier")) return std::nullopt;
    const Unit unit = UnitOf(u->lower);
    const CivilDate dct = Dct();
    const int64_t today = DaysOf(dct);
    if (count < 0) return Match{i + 3, TimexType::kDate, "PAST_REF", false};
    switch (unit) {
      case Unit::kDay:
        return Match{i + 3, TimexType::kDate, FormatDay(DateOfDays(today - count)), true};
      case Unit::kWeek:
        return Match{i + 3, TimexType::kDate, FormatWeek(IsoWeekOf(DateOfDays(today - 7 * int64_t{count}))), true};
      case Unit::kMonth: {
        int months = dct.year * 12 + (dct.month - 1) - count;
        return Match{i + 3, TimexType::kDate, FormatMonth(months / 12, months % 12 + 1), true};
      }
      case Unit::kYear:
        return Match{i + 3, TimexType::kDate, YearsBack(i, count), true};
      case Unit::kDecade:
        return Match{i + 3, TimexType::kDate, FormatYear(dct.year - 10 * count).substr(0, 3), true};
      default:
        return std::nullopt;
    }
  }

  // `count` years before the publication year — or, in a report about a quarter ("third-quarter
  // profit rose from a year ago", "in the year-earlier period"), that quarter `count` years
  // before: the year-ago quarter.
  std::string YearsBack(size_t i, int count) const {
    if (std::optional<std::pair<int, int>> q = ReferenceQuarter(i)) {
      return FormatQuarter(q->first - count, q->second);
    }
    return FormatYear(Dct().year - count);
  }

  // The quarter a results report is about: the last one named in the 400 words before token i
  // ("the third quarter", "third-quarter", "the latest quarter", "the quarter ended Sept. 30"),
  // as (year, quarter). A report names its quarter once, then compares "with a year ago".
  std::optional<std::pair<int, int>> ReferenceQuarter(size_t i) const {
    const CivilDate dct = Dct();
    const size_t stop = i > 400 ? i - 400 : 0;
    for (size_t k = i; k > stop + 1; --k) {
      // A report on a longer period named since ("the first nine months", "the first half"):
      // a year ago is the year then, not a quarter.
      if ((tokens_[k - 1].lower == "months" && (tokens_[k - 2].lower == "nine" || tokens_[k - 2].lower == "six")) ||
          (tokens_[k - 1].lower == "half" && (tokens_[k - 2].lower == "first" || tokens_[k - 2].lower == "second"))) {
        return std::nullopt;
      }
      if (tokens_[k - 1].lower != "quarter") continue;
      const size_t q = k - 1;
      // "the quarter ended Sept. 30": the quarter holding that month.
      if (Is(q + 1, "ended") && Get(q + 2)) {
        if (const int month = MonthAt(q + 2); month > 0) {
          return std::make_pair(YearForMonth(month, Tense::kPast), (month - 1) / 3 + 1);
        }
      }
      if (std::optional<Match> m = Quarter(q - 1); m && m->value.size() == 7) {
        return std::make_pair(std::stoi(m->value.substr(0, 4)), m->value[6] - '0');
      }
      if (tokens_[q - 1].lower == "the") {
        const int current = (dct.month - 1) / 3 + 1;
        return current == 1 ? std::make_pair(dct.year - 1, 4) : std::make_pair(dct.year, current - 1);
      }
    }
    return std::nullopt;
  }

  // "Thanksgiving", "Christmas Day", "New Year's Eve", "Election Day", "last Thanksgiving": the
  // holiday's date in the year the tense gives (as a day and month without a year), the one before
  // the publication date after "last", after it after "next".
  std::optional<Match> Holiday(size_t i) {
    size_t at = i;
    int shift = 0;
    if ((Is(i, "last") || Is(i, "next") || Is(i, "this")) && Joined(i)) {
      shift = Is(i, "last") ? -1 : Is(i, "next") ? 1 : 0;
      at = i + 1;
    }
    const Token* t = Get(at);
    if (t == nullptr || !t->capitalised) return std::nullopt;
    std::string name;
    size_t end = at + 1;
    auto capital = [&](size_t k) { return Get(k) != nullptr && Get(k)->capitalised && Joined(k - 1); };
    if (t->lower == "new" && capital(at + 1) && Is(at + 1, "year") && Is(at + 2, "s") && capital(at + 3) &&
        (Is(at + 3, "day") || Is(at + 3, "eve"))) {
      name = "new year's " + Get(at + 3)->lower, end = at + 4;
    } else if (t->lower == "valentine" && Is(at + 1, "s") && capital(at + 2) && Is(at + 2, "day")) {
      name = "valentine's day", end = at + 3;
    } else if ((t->lower == "labor" || t->lower == "memorial" || t->lower == "election") && capital(at + 1) &&
               Is(at + 1, "day")) {
      name = t->lower + " day", end = at + 2;
    } else if (t->lower == "christmas" || t->lower == "thanksgiving" || t->lower == "easter" ||
               t->lower == "halloween") {
      name = t->lower;
      if (capital(at + 1) && t->lower == "christmas" && Is(at + 1, "eve")) {
        name = "christmas eve", end = at + 2;
      } else if (capital(at + 1) && (Is(at + 1, "day") || (t->lower == "easter" && Is(at + 1, "sunday")))) {
        end = at + 2;
      }
    } else {
      return std::nullopt;
    }
    const CivilDate dct = Dct();
    const int64_t today = DaysOf(dct);
    std::optional<CivilDate> date;
    if (shift != 0) {
      for (int year = dct.year; year != dct.year + 2 * shift; year += shift) {
        std::optional<CivilDate> d = HolidayIn(name, year);
        if (d && (shift < 0 ? DaysOf(*d) < today : DaysOf(*d) > today)) {
          date = d;
          break;
        }
      }
    } else {
      std::optional<CivilDate> d = HolidayIn(name, dct.year);
      if (!d) return std::nullopt;
      date = HolidayIn(name, YearForMonth(d->month, TenseAround(i, end)));
    }
    if (!date) return std::nullopt;
    return Match{end, TimexType::kDate, FormatDay(*date), true};
  }

  // A year in words: "nineteen ninety-six", "nineteen seventy-nine", "(the year) two thousand",
  // "January nineteen ninety-seven" (with MonthDate).
  std::optional<Match> SpelledYear(size_t i) const {
    size_t end = 0;
    const int year = SpelledYearAt(i, &end);
    if (year == 0) return std::nullopt;
    return Match{end, TimexType::kDate, FormatYear(year), false};
  }

  int SpelledYearAt(size_t i, size_t* end) const {
    const Token* t = Get(i);
    if (t == nullptr) return 0;
    if (t->lower == "the" && Is(i + 1, "year") && Is(i + 2, "two") && Is(i + 3, "thousand")) {
      *end = i + 4;
      return 2000;
    }
    const int century = t->lower == "nineteen" ? 1900 : t->lower == "eighteen" ? 1800 : 0;
    if (century == 0 || !Joined(i) || Get(i + 1) == nullptr) return 0;
    const Token& tens = *Get(i + 1);
    int year = century + TensWord(tens.lower);
    if (year == century) {
      const int teen = CountOf(tens.lower);  // "nineteen ten" .. "nineteen nineteen"
      if (teen < 10 || teen > 19) return 0;
      *end = i + 2;
      return century + teen;
    }
    *end = i + 2;
    if (tens.hyphen_after && Get(i + 2) && CountOf(Get(i + 2)->lower) >= 1 && CountOf(Get(i + 2)->lower) <= 9 &&
        !Get(i + 2)->digits) {
      year += CountOf(Get(i + 2)->lower);
      *end = i + 3;
    }
    return year;
  }

  // "the 20th century", "11th century": the century's two digits ("19", "10").
  std::optional<Match> Century(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr || !Joined(i) || !Is(i + 1, "century")) return std::nullopt;
    std::string_view w = t->lower;
    if (w.size() < 3 || !(w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd"))) {
      return std::nullopt;
    }
    w.remove_suffix(2);
    if (w.empty() || w.size() > 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    const int n = std::stoi(std::string(w));
    if (n < 1 || n > 21) return std::nullopt;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%02d", n - 1);
    return Match{i + 2, TimexType::kDate, digits, false};
  }

  // A season named alone after a preposition or "the" ("in the summer", "since spring", "the
  // early summer"), or with a year ("the winter of 1994"): that season of the year the tense
  // gives, as for a month (its first month).
  std::optional<Match> SeasonAt(size_t i) {
    const Token* t = Get(i);
    if (t == nullptr || i == 0 || tokens_[i - 1].sentence != t->sentence || t->hyphen_after) return std::nullopt;
    const std::optional<Season> season = SeasonOf(t->lower);
    if (!season) return std::nullopt;
    const std::string code(season->code);
    if (Is(i + 1, "of") && Get(i + 2)) {
      if (const int year = YearOf(*Get(i + 2)); year > 0 && Joined(i + 1)) {
        return Match{i + 3, TimexType::kDate, FormatYear(year) + "-" + code, false};
      }
      size_t end = 0;
      if (const int year = SpelledYearAt(i + 2, &end); year > 0) {
        return Match{end, TimexType::kDate, FormatYear(year) + "-" + code, false};
      }
    }
    static constexpr std::array<std::string_view, 7> kBefore = {"the",    "in",    "since", "until",
                                                                "during", "early", "late"};
    const std::string& before = tokens_[i - 1].lower;
    if (std::find(kBefore.begin(), kBefore.end(), before) == kBefore.end()) return std::nullopt;
    // Followed by a noun it qualifies ("the summer months", "the spring offensive"): not a date.
    if (Joined(i) && Get(i + 1) && !Get(i + 1)->capitalised && Get(i + 1)->lower != "of" &&
        Get(i + 1)->lower != "and" && UnitOf(Get(i + 1)->lower) != Unit::kNone) {
      return std::nullopt;
    }
    const int year = YearForMonth(season->first_month, TenseAround(i, i + 1));
    return Match{i + 1, TimexType::kDate, FormatYear(year) + "-" + code, true};
  }

  // Words that stand for a time relative to now: "now", "currently", "recently", "soon".
  std::optional<Match> Word(size_t i) const {
    const std::string& w = tokens_[i].lower;
    if (w == "now" || w == "currently" || w == "current" || w == "nowadays") {
      return Match{i + 1, TimexType::kDate, "PRESENT_REF", false};
    }
    if (w == "recently" || w == "lately") return Match{i + 1, TimexType::kDate, "PAST_REF", false};
    // "will soon begin", "may soon seek"; not "as soon as", "soon after".
    if (w == "soon" && !(i > 0 && tokens_[i - 1].lower == "as") && !Is(i + 1, "after") && !Is(i + 1, "afterward") &&
        !Is(i + 1, "afterwards") && !Is(i + 1, "thereafter")) {
      return Match{i + 1, TimexType::kDate, "FUTURE_REF", false};
    }
    // "recent years", "recent months"; "recent" alone qualifies anything ("recent talks").
    if (w == "recent" && Joined(i) && Get(i + 1) && UnitOf(Get(i + 1)->lower) != Unit::kNone &&
        Get(i + 1)->lower.back() == 's') {
      return Match{i + 2, TimexType::kDate, "PAST_REF", false};
    }
    return std::nullopt;
  }

  // A four-digit number that is a year, not a count: not followed by a noun it counts ("2000
  // people") or a unit ("1999 %").
  bool LooksLikeYear(size_t i) const {
    static constexpr std::array<std::string_view, 22> kBeforeYears = {
        "in",    "since", "by",  "until",  "of",  "from",    "to",  "during", "through", "before", "after",
        "early", "late",  "mid", "fiscal", "the", "between", "and", "year",   "till",    "around", "summer"};
    static constexpr std::array<std::string_view, 9> kBeforeCounts = {
        "about", "some", "nearly", "than", "over", "almost", "around", "approximately", "only"};
    if (i > 0 && tokens_[i - 1].sentence == tokens_[i].sentence) {
      const std::string& before = tokens_[i - 1].lower;
      if (std::find(kBeforeCounts.begin(), kBeforeCounts.end(), before) != kBeforeCounts.end() && before != "around")
        return false;
      if (std::find(kBeforeYears.begin(), kBeforeYears.end(), before) != kBeforeYears.end() &&
          (tokens_[i].end >= text_.size() || text_[tokens_[i].end] != '%')) {
        return true;
      }
    }
    if (i > 0 && (tokens_[i - 1].lower == "$" || tokens_[i - 1].end == tokens_[i].begin)) return false;
    // After a determiner or a possessive, a year qualifying a noun ("its 1990 invasion of Kuwait",
    // "the company's 1989 operating results", "a 1996 law"), not yet the publication's future
    // by more than a decade (a count would be written "2,000").
    static constexpr std::array<std::string_view, 10> kDeterminers = {"its",  "his",  "her", "their", "our",
                                                                      "that", "this", "a",   "s",     "whose"};
    if (i > 0 && tokens_[i - 1].sentence == tokens_[i].sentence &&
        std::find(kDeterminers.begin(), kDeterminers.end(), tokens_[i - 1].lower) != kDeterminers.end() &&
        (tokens_[i - 1].lower != "s" || (tokens_[i - 1].begin > 0 && text_[tokens_[i - 1].begin - 1] == '\'')) &&
        YearOf(tokens_[i]) <= Dct().year + 10) {
      return true;
    }
    if (tokens_[i].end < text_.size() && (text_[tokens_[i].end] == '%' || text_[tokens_[i].end] == '-')) return false;
    if (i > 0 && tokens_[i - 1].end + 1 == tokens_[i].begin && text_[tokens_[i - 1].end] == '$') return false;
    if (tokens_[i].begin > 0 && text_[tokens_[i].begin - 1] == '$') return false;
    if (!Joined(i)) return true;
    const Token& next = tokens_[i + 1];
    // Punctuation between: "in 1990, the ...".
    for (size_t k = tokens_[i].end; k < next.begin; ++k) {
      if (text_[k] != ' ') return true;
    }
    if (next.capitalised || next.digits) return true;
    static constexpr std::array<std::string_view, 30> kFollowers = {
        "the",  "a",   "an",   "and",  "or",    "to",     "in",    "on",      "at",   "for",
        "from", "by",  "when", "with", "as",    "that",   "was",   "were",    "is",   "are",
        "had",  "has", "have", "but",  "after", "before", "until", "through", "than", "levels"};
    return std::find(kFollowers.begin(), kFollowers.end(), next.lower) != kFollowers.end();
  }

  // "two years", "nine-day", "the past three months", "several weeks", "a couple of years".
  std::optional<Match> Duration(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr) return std::nullopt;
    size_t at = i;
    if (t->lower == "the" && Joined(i) &&
        (Is(i + 1, "past") || Is(i + 1, "last") || Is(i + 1, "next") || Is(i + 1, "previous") || Is(i + 1, "coming") ||
         Is(i + 1, "first") || Is(i + 1, "following"))) {
      at = i + 2;
      if (!Joined(i + 1)) return std::nullopt;
      // "the past year": one unit.
      if (const Token* u = Get(at); u != nullptr && UnitOf(u->lower) != Unit::kNone && CountOf(u->lower) == 0) {
        return Match{at + 1, TimexType::kDuration, DurationValue(1, UnitOf(u->lower)), false};
      }
    }
    const Token* n = Get(at);
    if (n == nullptr || !Joined(at)) return std::nullopt;
    int count = CountOf(n->lower);
    if (count == 0) return std::nullopt;
    size_t u = at + 1;
    if (n->lower == "a" && Is(u, "couple") && Is(u + 1, "of")) count = 2, u += 2;
    if (n->lower == "a" && Is(u, "few")) count = -1, u += 1;
    const Token* unit_token = Get(u);
    if (unit_token == nullptr || (u > at + 1 && !Joined(u - 1))) return std::nullopt;
    const Unit unit = UnitOf(unit_token->lower);
    if (unit == Unit::kNone) return std::nullopt;
    // Not an age ("a 12-year-old"), a date ("two years ago") or a one-word count ("a day").
    if (Is(u + 1, "old") || Is(u + 1, "ago") || Is(u + 1, "earlier")) return std::nullopt;
    if (unit_token->hyphen_after && Is(u + 1, "old")) return std::nullopt;
    if ((n->lower == "a" || n->lower == "an") && unit == Unit::kQuarter) return std::nullopt;
    return Match{u + 1, TimexType::kDuration, DurationValue(count, unit), false};
  }

  // "every Monday", "each year", "daily", "annually".
  std::optional<Match> Set(size_t i) const {
    const std::string& w = tokens_[i].lower;
    if (w == "daily") return Match{i + 1, TimexType::kSet, "P1D", false};
    if (w == "weekly") return Match{i + 1, TimexType::kSet, "P1W", false};
    if (w == "monthly") return Match{i + 1, TimexType::kSet, "P1M", false};
    if (w == "annually" || w == "yearly") return Match{i + 1, TimexType::kSet, "P1Y", false};
    if ((w == "every" || w == "each") && Joined(i)) {
      const Token* n = Get(i + 1);
      if (n == nullptr) return std::nullopt;
      if (const int wd = WeekdayNumber(n->lower); wd > 0) {
        return Match{i + 2, TimexType::kSet, "XXXX-WXX-" + std::to_string(wd), false};
      }
      const Unit unit = UnitOf(n->lower);
      if (unit != Unit::kNone && n->lower.back() != 's')
        return Match{i + 2, TimexType::kSet, DurationValue(1, unit), false};
    }
    return std::nullopt;
  }

  // "10:30 a.m.", "3 p.m.": the publication day at that time.
  std::optional<Match> Time(size_t i) const {
    const Token* t = Get(i);
    if (t == nullptr || !Joined(i)) return std::nullopt;
    const std::string& w = t->lower;
    int hour = -1, minute = 0;
    const size_t colon = w.find(':');
    auto all_digits = [](std::string_view s) {
      return !s.empty() && s.size() <= 2 &&
             std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (colon != std::string::npos && all_digits(std::string_view(w).substr(0, colon)) && w.size() - colon - 1 == 2 &&
        all_digits(std::string_view(w).substr(colon + 1))) {
      hour = std::stoi(w.substr(0, colon));
      minute = std::stoi(w.substr(colon + 1));
    } else if (all_digits(w)) {
      hour = std::stoi(w);
    } else {
      return std::nullopt;
    }
    const Token* m = Get(i + 1);
    if (m == nullptr) return std::nullopt;
    size_t end = i + 2;
    bool pm = false;
    if (m->lower == "p" && Is(i + 2, "m")) {
      pm = true, end = i + 3;
    } else if (m->lower == "a" && Is(i + 2, "m")) {
      end = i + 3;
    } else if (m->lower == "pm") {
      pm = true;
    } else if (m->lower != "am") {
      return std::nullopt;
    }
    if (hour < 1 || hour > 12 || minute > 59) return std::nullopt;
    if (pm && hour != 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
    char clock[32];
    std::snprintf(clock, sizeof clock, "T%02d:%02d", hour, minute);
    // "9 a.m. Tuesday", "4 a.m. EDT Thursday": that day at that time.
    size_t day_at = end;
    if (Get(day_at) && Joined(day_at - 1) && IsTimeZone(Get(day_at)->lower)) {
      ++day_at;
    }
    // ("a.m. Tuesday": the period of "a.m." before a capital is not a sentence's end here.)
    const bool after_clock = day_at == end && Get(day_at) && tokens_[day_at].begin <= tokens_[day_at - 1].end + 2;
    if (const Token* d = Get(day_at); d != nullptr && (Joined(day_at - 1) || after_clock) && d->capitalised) {
      if (const int wd = WeekdayNumber(d->lower); wd > 0) {
        return Match{day_at + 1, TimexType::kTime, FormatDay(WeekdayFor(wd, TenseAround(i, day_at + 1), 0)) + clock,
                     true};
      }
    }
    return Match{end, TimexType::kTime, FormatDay(Dct()) + clock, true};
  }

  // Whether token k is a cue of the future: a modal or auxiliary ("will", "would", "should", "'ll"), a
  // word of plans and schedules ("expected", "scheduled", "planned", "plans to", "due to", "set
  // to", "is to"), an infinitive "to be" ("to be completed by Dec. 15"), "payable" (to be paid),
  // "effective" (when something takes effect),
  // a deadline "until", or "as soon as" / "as early as" before it. ("could" is left out: "could
  // not be located Wednesday" is the past.)
  bool FutureCue(size_t k) const {
    static constexpr std::array<std::string_view, 9> kFuture = {"will",  "shall",   "won't",   "upcoming", "would",
                                                                "might", "expects", "intends", "should"};
    const Token& t = tokens_[k];
    // "is expected to", "has scheduled a news conference", "planned a march", "is planned for";
    // not "than expected", "economists expected and", "the hastily planned trip".
    if (t.lower == "expected" || t.lower == "scheduled" || t.lower == "planned" || t.lower == "planning") {
      static constexpr std::array<std::string_view, 7> kAuxiliary = {"is", "are", "be", "has", "have", "was", "were"};
      static constexpr std::array<std::string_view, 5> kObject = {"to", "for", "a", "an", "the"};
      const bool after_auxiliary =
          k > 0 && std::find(kAuxiliary.begin(), kAuxiliary.end(), tokens_[k - 1].lower) != kAuxiliary.end();
      const bool before_object =
          k + 1 < tokens_.size() && std::find(kObject.begin(), kObject.end(), tokens_[k + 1].lower) != kObject.end();
      return after_auxiliary || before_object;
    }
    // "is due on Tuesday", "are due to vote"; not "delayed due to the storm".
    if (t.lower == "due") {
      return k > 0 && (tokens_[k - 1].lower == "is" || tokens_[k - 1].lower == "are" || tokens_[k - 1].lower == "was" ||
                       tokens_[k - 1].lower == "were" || tokens_[k - 1].lower == "be");
    }
    if (std::find(kFuture.begin(), kFuture.end(), t.lower) != kFuture.end() || t.lower.ends_with("'ll")) {
      // "would have met", "should have been": the past; "would-be migrants": an adjective.
      return !((t.lower == "would" || t.lower == "might" || t.lower == "should") &&
               (Is(k + 1, "have") || t.hyphen_after));
    }
    // ("plan" is left out: "a plan to curb gun violence" is a noun.)
    static constexpr std::array<std::string_view, 6> kBeforeTo = {"set", "going", "is", "are", "plans", "supposed"};
    if (std::find(kBeforeTo.begin(), kBeforeTo.end(), t.lower) != kBeforeTo.end() && Is(k + 1, "to")) return true;
    // ("effective Feb. 1": when something takes effect, ahead.)
    if ((t.lower == "to" && Is(k + 1, "be")) || t.lower == "payable" || t.lower == "effective" || t.lower == "until" ||
        t.lower == "till") {
      return true;
    }
    return (t.lower == "soon" || t.lower == "early") && k > 0 && tokens_[k - 1].lower == "as" && Is(k + 1, "as");
  }

  // Whether token k is a verb in the past tense: an auxiliary ("was", "had", "did"), a
  // reporting or common irregular verb ("said", "met", "began"), or a word ending in "-ed"
  // that is not a passive after a present "is"/"be" ("is based", "will be released").
  bool PastCue(size_t k) const {
    static constexpr std::array<std::string_view, 42> kPast = {
        "been",  "said", "told",  "met",    "began",  "came",  "went",  "took", "made",   "gave",    "got",
        "saw",   "left", "held",  "won",    "lost",   "rose",  "fell",  "sold", "bought", "brought", "paid",
        "found", "kept", "led",   "struck", "shot",   "spoke", "wrote", "ran",  "became", "sent",    "thought",
        "knew",  "felt", "stood", "broke",  "fought", "flew",  "drew",  "grew", "threw"};
    static constexpr std::array<std::string_view, 5> kAuxiliaries = {"was", "were", "had", "did", "ago"};
    const Token& t = tokens_[k];
    if (std::find(kAuxiliaries.begin(), kAuxiliaries.end(), t.lower) != kAuxiliaries.end()) return true;
    const bool irregular = std::find(kPast.begin(), kPast.end(), t.lower) != kPast.end();
    // Adjectives in "un-...-ed": "an undisclosed sum", "a still unspecified date" (but "unveiled",
    // "unsealed" are verbs).
    static const std::unordered_set<std::string_view> kUnAdjectives = {
        "undisclosed", "unspecified", "unnamed",      "unidentified", "unexpected", "unprecedented", "unlimited",
        "unrelated",   "unsolved",    "unresolved",   "unconfirmed",  "unchanged",  "unscheduled",   "unemployed",
        "unopposed",   "unarmed",     "unvaccinated", "undecided",    "unsigned"};
    const bool regular = t.lower.size() >= 5 && t.lower.ends_with("ed") && !t.lower.ends_with("eed") &&
                         kUnAdjectives.count(t.lower) == 0 && !t.capitalised && t.lower != "hundred";
    if (!irregular && !regular) return false;
    // A participle after a present or bare "be" is a passive, not the past ("is based", "will be
    // widely released", "would be paid"); right after a determiner, an adjective ("the reduced
    // dividend").
    static constexpr std::array<std::string_view, 5> kBe = {"is", "are", "be", "being", "am"};
    static constexpr std::array<std::string_view, 5> kDeterminers = {"the", "a", "an", "its", "their"};
    for (size_t back = 1; back <= 2 && back <= k; ++back) {
      const Token& b = tokens_[k - back];
      if (b.sentence != t.sentence) break;
      if (std::find(kBe.begin(), kBe.end(), b.lower) != kBe.end()) return false;
      // A determiner right before, or before an adverb ("the recently completed sale").
      const bool adverb_between =
          back == 2 && (tokens_[k - 1].lower.ends_with("ly") || tokens_[k - 1].lower == "still");
      if ((back == 1 || adverb_between) &&
          std::find(kDeterminers.begin(), kDeterminers.end(), b.lower) != kDeterminers.end()) {
        return false;
      }
    }
    return true;
  }

  // A verb in the present ("it is calling for the redemption on Dec. 7"): the clause says
  // neither past nor future, and a verb further away belongs to another clause.
  bool PresentCue(size_t k) const {
    const std::string& w = tokens_[k].lower;
    return w == "is" || w == "are" || w == "am";
  }

  // The tense of the clause around tokens [begin, end): that of the nearest verb cue (above)
  // among the 12 words before it in its sentence ("is expected to meet with Russian Deputy
  // Foreign Minister Igor Morgulov on Tuesday", "the fiscal year ended Jan. 31"), else among the
  // 6 after it ("In January, American Medical brought in ..."); a sentence-level approximation of
  // the tense feature HeidelTime takes from a part-of-speech tagger. A date right after "until"
  // is a deadline, ahead of the writer even after a verb in the past ("postponed until Tuesday
  // morning", "extended its deadline until 9 a.m. Tuesday").
  Tense TenseAround(size_t begin, size_t end) const {
    const Tense tense = ClauseTense(begin, end);
    // A date something is moved to ("was extended to Nov. 16", "postponed it to March"): the
    // verb's past says when it was moved, not when the date lies ("will be postponed to March"
    // keeps its future).
    if (tense == Tense::kPast && MovedTo(begin)) return Tense::kNone;
    // A deadline "by February" in a clause without a tense ("a program to pay down the loan by
    // February") lies ahead; "by February, sales had fallen" keeps its past.
    if (tense == Tense::kNone && begin > 0 && tokens_[begin - 1].lower == "by" &&
        tokens_[begin - 1].sentence == tokens_[begin].sentence) {
      return Tense::kFuture;
    }
    return tense;
  }

  // Whether the date at token `begin` follows "to" after a verb of moving a date ("extended",
  // "postponed", "delayed", ...) within four words.
  bool MovedTo(size_t begin) const {
    if (begin < 2 || tokens_[begin - 1].lower != "to" || tokens_[begin - 1].sentence != tokens_[begin].sentence) {
      return false;
    }
    static constexpr std::array<std::string_view, 8> kMoved = {"extended", "postponed", "delayed",     "deferred",
                                                               "moved",    "pushed",    "rescheduled", "adjourned"};
    const size_t sentence = tokens_[begin].sentence;
    for (size_t k = begin - 1; k > 0 && k + 4 > begin && tokens_[k - 1].sentence == sentence; --k) {
      if (std::find(kMoved.begin(), kMoved.end(), tokens_[k - 1].lower) != kMoved.end()) return true;
    }
    return false;
  }

  Tense ClauseTense(size_t begin, size_t end) const {
    const size_t sentence = tokens_[begin].sentence;
    // A sentence opening on "Until" looks back to then: the verbs after it say the tense.
    if (begin == 1 || (begin > 1 && tokens_[begin - 2].sentence != sentence)) {
      if (tokens_[begin - 1].sentence == sentence &&
          (tokens_[begin - 1].lower == "until" || tokens_[begin - 1].lower == "till")) {
        --begin;
      }
    }
    if (begin > 0 && tokens_[begin - 1].sentence == sentence &&
        (tokens_[begin - 1].lower == "until" || tokens_[begin - 1].lower == "till")) {
      return Tense::kFuture;
    }
    for (size_t k = begin, looked = 0; k > 0 && looked < 12; --k, ++looked) {
      if (tokens_[k - 1].sentence != sentence) break;
      if (FutureCue(k - 1)) return Tense::kFuture;
      if (PastCue(k - 1)) return Tense::kPast;
      if (PresentCue(k - 1)) return Tense::kNone;
    }
    // A date opening its sentence ("On Tuesday, the National Abortion and Reproductive Rights
    // Action League plans to ...") has its verb after the subject: look further.
    const bool opening = begin == 0 || tokens_[begin - 1].sentence != sentence ||
                         (begin == 1 || tokens_[begin - 2].sentence != sentence);
    for (size_t k = end; k < tokens_.size() && k < end + (opening ? 12 : 6); ++k) {
      if (tokens_[k].sentence != sentence) break;
      // After a date inside its clause, a comma opens another ("declared victory ... on
      // Tuesday, all but guaranteeing he will head the city").
      if (!opening && k > 0 &&
          text_.substr(tokens_[k - 1].end, tokens_[k].begin - tokens_[k - 1].end).find(',') != std::string_view::npos) {
        break;
      }
      if (FutureCue(k)) return Tense::kFuture;
      if (PastCue(k)) return Tense::kPast;
      if (PresentCue(k)) return Tense::kNone;
    }
    return Tense::kNone;
  }

  std::string_view text_;
  std::optional<CivilDate> published_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
    case TimexType::kDate:
      break;
  }
  return "DATE";
}

std::vector<Timex> FindTimexes(std::string_view text, const std::optional<CivilDate>& published) {
  return Recogniser(text, published).Run();
}

std::string_view CalendarPrecision(std::string_view value) {
  auto digits = [&](size_t from, size_t n) {
    if (value.size() < from + n) return false;
    return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(from),
                       value.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(0, 4)) return {};
  if (value.size() == 4) return "year";
  if (value.size() >= 7 && value[4] == '-' && digits(5, 2)) {
    if (value.size() == 7) return "month";
    if (value.size() >= 10 && value[7] == '-' && digits(8, 2) && (value.size() == 10 || value[10] == 'T')) return "day";
  }
  return {};
}

bool InsideQuotation(std::string_view before) {
  size_t marks = 0;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '"') {
      ++marks;
    } else if (before.substr(i, 3) == "\u201c" || before.substr(i, 3) == "\u201d") {
      ++marks, i += 2;
    } else if (before.substr(i, 2) == "``" || before.substr(i, 2) == "''") {
      ++marks, ++i;
    }
  }
  return marks % 2 == 1;
}

bool CalendarCompatible(std::string_view x, std::string_view y) { return x.starts_with(y) || y.starts_with(x); }

}  // namespace storydesk::timeutil
