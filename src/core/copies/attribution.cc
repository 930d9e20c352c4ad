#include "storydesk/copies/attribution.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace storydesk::copies {
namespace {

// A word of the text with its byte span.
struct Word {
  std::string_view text;  // without surrounding punctuation (a view into the scanned text)
  size_t begin = 0, end = 0;
  bool open_paren = false, close_paren = false;
  bool ends_clause = false;  // followed directly by , . ; : ! ? or a closing quote
  bool is_dash = false;      // "-", "--", an en or em dash
};

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    const size_t begin = i;
    while (i < text.size() && !IsSpace(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view raw = text.substr(begin, i - begin);
    Word w;
    w.begin = begin;
    w.end = i;
    if (raw == "-" || raw == "--" || raw == "\u2013" || raw == "\u2014") {
      w.is_dash = true;
      words.push_back(w);
      continue;
    }
    // Leading punctuation: quotes, opening parentheses.
    size_t b = 0, e = raw.size();
    auto strip_front = [&](std::string_view p) {
      if (raw.substr(b, p.size()) == p) {
        b += p.size();
        return true;
      }
      return false;
    };
    for (bool again = true; again && b < e;) {
      again = false;
      if (strip_front("("))
        w.open_paren = again = true;
      else if (strip_front("\"") || strip_front("'") || strip_front("\u201c") || strip_front("\u2018"))
        again = true;
    }
    // Trailing punctuation; a dash glued to a closing parenthesis ("(Reuters)-") too.
    auto strip_back = [&](std::string_view p) {
      if (e >= b + p.size() && raw.substr(e - p.size(), p.size()) == p) {
        e -= p.size();
        return true;
      }
      return false;
    };
    bool glued_dash = false;
    // "(Reuters)-" and "(AP)--": the dash glued to the dateline's parenthesis.
    while (e > b + 1 && raw[e - 1] == '-' && raw.substr(b, e - b).find(')') != std::string_view::npos) {
      --e;
      glued_dash = true;
    }
    for (bool again = true; again && e > b;) {
      again = false;
      if (strip_back(")"))
        w.close_paren = again = true;
      else if (strip_back("\u2013") || strip_back("\u2014"))
        glued_dash = again = true;
      else if (strip_back(",") || strip_back(".") || strip_back(";") || strip_back(":") || strip_back("!") ||
               strip_back("?") || strip_back("\"") || strip_back("\u201d") || strip_back("\u2019") ||
               (e > b + 1 && raw[e - 1] == '\'' && strip_back("'"))) {
        w.ends_clause = again = true;
      }
    }
    // A possessive: "CBS News's report", "Reuters' report".
    if (e >= b + 2 && (raw.substr(e - 2, 2) == "'s")) e -= 2;
    w.text = raw.substr(b, e - b);
    words.push_back(w);
    if (glued_dash) {
      Word dash;
      dash.is_dash = true;
      dash.begin = dash.end = i;
      words.push_back(dash);
    }
  }
  return words;
}

bool Capitalised(const Word& w) { return !w.text.empty() && std::isupper(static_cast<unsigned char>(w.text[0])) != 0; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsAny(std::string_view word, std::initializer_list<std::string_view> options) {
  const std::string lower = Lower(word);
  return std::find(options.begin(), options.end(), lower) != options.end();
}

// Words that start a sentence or a date, not a name: "On Monday CBS News reported".
bool IsCalendarOrOpener(std::string_view word) {
  return IsAny(
      word, {"monday",  "tuesday",  "wednesday", "thursday", "friday",    "saturday", "sunday", "on",     "in",
             "earlier", "later",    "last",      "this",     "and",       "but",      "as",     "also",   "first",
             "january", "february", "march",     "april",    "may",       "june",     "july",   "august", "september",
             "october", "november", "december",  "today",    "yesterday", "a",        "an"});
}

constexpr size_t kMaxNameWords = 6;

// The capitalised run starting at `i` ("the" allowed first, "of" and "&" inside): [i, end).
size_t NameForward(const std::vector<Word>& w, size_t i) {
  size_t j = i;
  if (j < w.size() && Lower(w[j].text) == "the" && !w[j].ends_clause) ++j;
  const size_t first = j;
  while (j < w.size() && j - first < kMaxNameWords && !w[j].is_dash) {
    const bool joiner = (w[j].text == "of" || w[j].text == "&") && j > first && !w[j - 1].ends_clause;
    if (!Capitalised(w[j]) && !joiner) break;
    if (j > first && w[j - 1].ends_clause) break;
    ++j;
  }
  while (j > first && (w[j - 1].text == "of" || w[j - 1].text == "&")) --j;
  return j > first ? j : i;
}

// The capitalised run ending just before `end` (exclusive): its first index, `end` when none.
size_t NameBackward(const std::vector<Word>& w, size_t end) {
  size_t j = end;
  while (j > 0 && end - j < kMaxNameWords) {
    const Word& prev = w[j - 1];
    if (prev.is_dash || prev.ends_clause) break;
    if (!Capitalised(prev) && prev.text != "of" && prev.text != "&") break;
    --j;
  }
  while (j < end && (w[j].text == "of" || w[j].text == "&" || IsCalendarOrOpener(w[j].text))) ++j;
  if (j > 0 && Lower(w[j - 1].text) == "the" && !w[j - 1].ends_clause && j < end) --j;  // "the Associated Press"
  return j;
}

std::string Span(std::string_view text, const std::vector<Word>& w, size_t from, size_t to) {
  if (from >= to) return {};
  std::string out(text.substr(w[from].begin, w[to - 1].end - w[from].begin));
  // Trim what Words stripped from the edges: leading quotes or parentheses, trailing punctuation.
  while (!out.empty() && std::string_view(",.;:!?\"')").find(out.back()) != std::string_view::npos) out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && (out[lead] == '(' || out[lead] == '"' || out[lead] == '\'')) ++lead;
  return out.substr(lead);
}

std::string Name(const std::vector<Word>& w, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += w[k].text;
  }
  return out;
}

// Words of a name that say what kind of outlet it is, not which.
bool IsGeneric(const std::string& lower) {
  return lower == "news" || lower == "online" || lower == "digital" || lower == "network" || lower == "com" ||
         lower == "newspaper" || lower == "magazine" || lower == "tv" || lower == "the";
}

// The distinctive words of a name, lower-cased: "The CBS News (Online)" -> {cbs}.
std::vector<std::string> Key(std::string_view name) {
  std::string plain;
  int depth = 0;
  for (char c : name) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = std::max(0, depth - 1);
    else if (depth == 0)
      plain += std::isalnum(static_cast<unsigned char>(c)) != 0
                   ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                   : ' ';
  }
  std::vector<std::string> key, all;
  size_t i = 0;
  while (i < plain.size()) {
    while (i < plain.size() && plain[i] == ' ') ++i;
    size_t j = i;
    while (j < plain.size() && plain[j] != ' ') ++j;
    if (j > i) all.emplace_back(plain.substr(i, j - i));
    i = j;
  }
  for (const std::string& word : all) {
    if (!IsGeneric(word)) key.push_back(word);
  }
  // "News" alone, say, is still a name.
  return key.empty() ? all : key;
}

std::string Initials(const std::vector<std::string>& key) {
  std::string out;
  for (const std::string& word : key) out += word[0];
  return out;
}

}  // namespace

std::vector<Attribution> FindAttributions(std::string_view text) {
  const std::vector<Word> w = Words(text);
  std::vector<Attribution> out;
  auto add = [&](size_t name_from, size_t name_to, size_t phrase_from, size_t phrase_to) {
    if (name_from >= name_to) return;
    // A leading "the" belongs to the phrase, not the name's key; keep it in both as written.
    Attribution a{Name(w, name_from, name_to), Span(text, w, phrase_from, phrase_to)};
    if (Lower(a.outlet) == "the") return;
    for (const Attribution& seen : out) {
      if (seen.outlet == a.outlet && seen.phrase == a.phrase) return;
    }
    out.push_back(std::move(a));
  };
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string lower = Lower(w[i].text);
    // "according to X"
    if (lower == "according" && i + 1 < w.size() && Lower(w[i + 1].text) == "to" && !w[i].ends_clause) {
      const size_t end = NameForward(w, i + 2);
      add(i + 2, end, i, end);
    }
    // "told X", "reported by X", "interview with X", "obtained by X"
    const bool forward_trigger =
        (lower == "told" && !w[i].ends_clause) ||
        ((lower == "reported" || lower == "obtained" || lower == "published") && i + 1 < w.size() &&
         Lower(w[i + 1].text) == "by" && !w[i].ends_clause) ||
        (lower == "interview" && i + 1 < w.size() && Lower(w[i + 1].text) == "with" && !w[i].ends_clause);
    if (forward_trigger) {
      const size_t from = lower == "told" ? i + 1 : i + 2;
      const size_t end = NameForward(w, from);
      add(from, end, i, end);
    }
    // "X reported", "X first reported", "X has reported", "X contributed (to this report)"
    if (lower == "reported" || lower == "reports" || lower == "contributed") {
      size_t end = i;
      while (end > 0 &&
             IsAny(w[end - 1].text, {"first", "also", "has", "had", "previously", "later", "earlier", "initially",
                                     "exclusively", "have"}) &&
             !w[end - 1].ends_clause) {
        --end;
      }
      const size_t from = NameBackward(w, end);
      if (from < end) add(from, end, from, i + 1);
    }
    // A parenthesised source before a dash: "SEOUL (Reuters) -", "(AP) --".
    if (w[i].open_paren && i + 1 < w.size()) {
      size_t j = i;
      while (j < w.size() && j - i < kMaxNameWords && !w[j].close_paren) ++j;
      if (j < w.size() && w[j].close_paren && j + 1 < w.size() && w[j + 1].is_dash) {
        bool all_caps_words = true;
        for (size_t k = i; k <= j; ++k) all_caps_words = all_caps_words && (Capitalised(w[k]) || w[k].text == "&");
        if (all_caps_words) {
          Attribution a{Name(w, i, j + 1), "(" + Name(w, i, j + 1) + ")"};
          bool seen = false;
          for (const Attribution& x : out) seen = seen || (x.outlet == a.outlet && x.phrase == a.phrase);
          if (!seen) out.push_back(std::move(a));
        }
      }
    }
  }
  return out;
}

bool NamesOutlet(std::string_view credited, std::string_view source) {
  const std::vector<std::string> a = Key(credited);
  const std::vector<std::string> b = Key(source);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  // Initials: "AP" and "Associated Press"; a source named after its initials and a desk
  // ("AP Politics & Fact Check") counts by its first word.
  auto initials_match = [](const std::vector<std::string>& short_name, const std::vector<std::string>& long_name) {
    return short_name.size() == 1 && long_name.size() >= 2 && short_name[0].size() >= 2 &&
           short_name[0] == Initials(long_name);
  };
  if (initials_match(a, b) || initials_match(b, a)) return true;
  if (b.size() >= 2 && initials_match({b[0]}, a)) return true;
  if (a.size() >= 2 && initials_match({a[0]}, b)) return true;
  // A credit written as an acronym ("AP") names a source whose name starts with it.
  const bool acronym = credited.size() >= 2 && std::all_of(credited.begin(), credited.end(), [](char c) {
                         return std::isupper(static_cast<unsigned char>(c)) != 0;
                       });
  return acronym && a.size() == 1 && b.size() >= 2 && a[0] == b[0];
}

}  // namespace storydesk::copies
