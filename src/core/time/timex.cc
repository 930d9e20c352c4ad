#include "storydesk/time/timex.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

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
        const bool abbreviation = c == '.' && last.end == i && last.lower.size() <= 4 && !last.digits &&
                                  i + 2 < text.size() && text[i + 1] == ' ' &&
                                  !std::isupper(static_cast<unsigned char>(text[i + 2]));
        if (!abbreviation) ++sentence;
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

enum class Tense { kNone, kPast, kFuture };

// TimeML's codes for the parts of a day: "TMO", "TAF", "TEV", "TNI"; empty for another word.
std::string_view PartOfDay(std::string_view w) {
  if (w == "morning") return "TMO";
  if (w == "afternoon") return "TAF";
  if (w == "evening") return "TEV";
  if (w == "night") return "TNI";
  return {};
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
    std::optional<Match> best;
    auto consider = [&](std::optional<Match> m) {
      if (m && (!best || m->end > best->end)) best = std::move(m);
    };
    consider(Modified(i));
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
      if (Is(i + 1, "year") && Get(i + 1)->hyphen_after && (Is(i + 2, "earlier") || Is(i + 2, "ago")) &&
          (Is(i + 3, "quarter") || Is(i + 3, "period"))) {
        return Match{i + 4, TimexType::kDate, YearsBack(i, 1), true};
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
      const std::string day = FormatDay(WeekdayFor(wd, TenseAround(i, i + 1), 0));
      // "Wednesday night": the day's part, as TimeML writes it.
      if (Joined(i) && Get(i + 1)) {
        if (const std::string_view part = PartOfDay(Get(i + 1)->lower); !part.empty()) {
          return Match{i + 2, TimexType::kDate, day + std::string(part), true};
        }
      }
      return Match{i + 1, TimexType::kDate, day, true};
    }
    if (std::optional<Match> m = Deictic(i)) return m;
    if (std::optional<Match> m = Ago(i)) return m;
    // "year-earlier", "year-ago"; "the year-earlier quarter" as a whole.
    if (t->lower == "year" && t->hyphen_after && (Is(i + 1, "earlier") || Is(i + 1, "ago"))) {
      return Match{i + 2, TimexType::kDate, YearsBack(i, 1), true};
    }
    if (std::optional<Match> m = Word(i)) return m;
    if (int y = YearOf(*t); y >= 1900 && LooksLikeYear(i)) {
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
      // "January this year", "March last year".
      if ((next->lower == "this" || next->lower == "last" || next->lower == "next") && Joined(i + 1) &&
          Is(i + 2, "year")) {
        const int year = Dct().year + (next->lower == "last" ? -1 : next->lower == "next" ? 1 : 0);
        return Match{i + 3, TimexType::kDate, FormatMonth(year, month), true};
      }
    }
    // The latest such month not after the publication date in the past tense, the first not
    // before it in the future tense, and the nearest when the tense does not say ("mid-November"
    // in late October).
    const CivilDate dct = Dct();
    const Tense tense = TenseAround(i, i + 1);
    int year = dct.year;
    if (tense == Tense::kFuture) {
      if (month < dct.month) ++year;
    } else if (tense == Tense::kPast) {
      if (month > dct.month) --year;
    } else if (month - dct.month > 6) {
      --year;
    } else if (dct.month - month > 6) {
      ++year;
    }
    return Match{i + 1, TimexType::kDate, FormatMonth(year, month), true};
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

  // A day and month without a year: the nearest such date to the publication date, or the
  // latest on or before it in the past tense, the first on or after it in the future tense.
  std::optional<Match> DayWithoutYear(size_t begin, size_t end, int month, int day) {
    const CivilDate dct = Dct();
    const Tense tense = TenseAround(begin, end);
    const int64_t today = DaysOf(dct);
    std::optional<CivilDate> best;
    int64_t best_distance = 0;
    for (int year = dct.year - 1; year <= dct.year + 1; ++year) {
      if (!IsValidCivilDate(year, month, day)) continue;
      const CivilDate c{year, month, day};
      const int64_t d = DaysOf(c) - today;
      if ((tense == Tense::kPast && d > 0) || (tense == Tense::kFuture && d < 0)) continue;
      const int64_t distance = d < 0 ? -d : d;
      if (!best || distance < best_distance) best = c, best_distance = distance;
    }
    if (!best) return std::nullopt;
    return Match{end, TimexType::kDate, FormatDay(*best), true};
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
      const CivilDate d = shift == 0 ? DateOfDays(today - IsoWeekday(dct) + wd) : WeekdayFor(wd, Tense::kNone, shift);
      return Match{i + 2, TimexType::kDate, FormatDay(d), true};
    }
    if (const int month = MonthAt(i + 1); month > 0) {
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
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kParts = {
          {{"morning", "TMO"}, {"afternoon", "TAF"}, {"evening", "TEV"}, {"night", "TNI"}}};
      for (const auto& [part, code] : kParts) {
        if (u == part) {
          const CivilDate d = shift < 0 ? DateOfDays(today - 1) : dct;
          return Match{i + 2, TimexType::kTime, FormatDay(d) + std::string(code), true};
        }
      }
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSeasons = {
        {{"spring", "SP"}, {"summer", "SU"}, {"fall", "FA"}, {"autumn", "FA"}, {"winter", "WI"}}};
    for (const auto& [season, code] : kSeasons) {
      if (u == season)
        return Match{i + 2, TimexType::kDate, FormatYear(dct.year + shift) + "-" + std::string(code), true};
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

  // `count` years before the publication year — or, in a sentence about a quarter ("third-quarter
  // profit rose from a year ago"), that quarter `count` years before: the year-ago quarter.
  std::string YearsBack(size_t i, int count) const {
    const CivilDate dct = Dct();
    // The quarter named last in this sentence or the two before it (a results report names
    // its quarter once, then compares "with a year ago").
    const size_t sentence = tokens_[i].sentence;
    std::optional<std::string> quarter;
    for (size_t k = 0; k < tokens_.size() && tokens_[k].sentence <= sentence; ++k) {
      if (tokens_[k].sentence + 2 < sentence || k + 1 >= tokens_.size() || tokens_[k + 1].lower != "quarter") continue;
      if (std::optional<Match> q = Quarter(k); q && q->value.size() == 7) quarter = q->value;
    }
    if (quarter) return FormatQuarter(std::stoi(quarter->substr(0, 4)) - count, (*quarter)[6] - '0');
    return FormatYear(dct.year - count);
  }

  // Words that stand for a time relative to now: "now", "currently", "recently", "soon".
  std::optional<Match> Word(size_t i) const {
    const std::string& w = tokens_[i].lower;
    if (w == "now" || w == "currently" || w == "current" || w == "nowadays") {
      return Match{i + 1, TimexType::kDate, "PRESENT_REF", false};
    }
    if (w == "recently" || w == "lately") return Match{i + 1, TimexType::kDate, "PAST_REF", false};
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
    return Match{end, TimexType::kTime, FormatDay(Dct()) + clock, true};
  }

  // The tense of the clause around tokens [begin, end): future when a future cue ("will",
  // "expected to", "plans to", "scheduled to", "upcoming", "'ll") is among the words before it in
  // its sentence (up to 12: "is expected to meet with Russian Deputy Foreign Minister Igor Morgulov
  // on Tuesday") or right after it (up to 4), unless a reporting verb in the past
  // ("said on Tuesday") stands right before it; past when a past cue is there instead.
  Tense TenseAround(size_t begin, size_t end) const {
    const size_t sentence = tokens_[begin].sentence;
    size_t before = begin;
    if (before > 0 && (tokens_[before - 1].lower == "on" || tokens_[before - 1].lower == "in")) --before;
    if (before > 0 && tokens_[before - 1].sentence == sentence) {
      static constexpr std::array<std::string_view, 8> kReported = {"said",     "announced", "told",  "reported",
                                                                    "declared", "met",       "began", "started"};
      if (std::find(kReported.begin(), kReported.end(), tokens_[before - 1].lower) != kReported.end())
        return Tense::kPast;
    }
    static constexpr std::array<std::string_view, 4> kFuture = {"will", "shall", "upcoming", "won't"};
    // Cues of the future only before "to": "is expected to meet", "plans to", "is due to".
    static constexpr std::array<std::string_view, 6> kFutureBeforeTo = {"expected", "scheduled", "plans",
                                                                        "planned",  "due",       "going"};
    auto future_cue = [&](size_t k) {
      const Token& t = tokens_[k];
      if (std::find(kFuture.begin(), kFuture.end(), t.lower) != kFuture.end() || t.lower.ends_with("'ll")) return true;
      return std::find(kFutureBeforeTo.begin(), kFutureBeforeTo.end(), t.lower) != kFutureBeforeTo.end() &&
             Is(k + 1, "to");
    };
    // ("said" reports the article's news, not when what was said happens.)
    static constexpr std::array<std::string_view, 7> kPast = {"was", "were", "had", "did", "ago", "last", "been"};
    Tense found = Tense::kNone;
    for (size_t k = begin, looked = 0; k > 0 && looked < 12; --k, ++looked) {
      const Token& t = tokens_[k - 1];
      if (t.sentence != sentence) break;
      if (future_cue(k - 1)) return Tense::kFuture;
      if (found == Tense::kNone && std::find(kPast.begin(), kPast.end(), t.lower) != kPast.end()) found = Tense::kPast;
    }
    for (size_t k = end; k < tokens_.size() && k < end + 4; ++k) {
      const Token& t = tokens_[k];
      if (t.sentence != sentence) break;
      if (future_cue(k)) return Tense::kFuture;
      if (found == Tense::kNone && std::find(kPast.begin(), kPast.end(), t.lower) != kPast.end()) found = Tense::kPast;
    }
    return found;
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

}  // namespace storydesk::timeutil
