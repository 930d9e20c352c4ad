#include "storydesk/quotes/attribution.h"

#include <algorithm>
#include <array>
#include <limits>

#include "storydesk/text/utf8.h"

namespace storydesk::quotes {
namespace {

using entities::EntityType;
using entities::NameMention;
using entities::TaggedText;

// Verbs and phrases that attribute speech or writing, lower-case.
constexpr auto kCueWords = std::to_array<std::string_view>(
    {"said",      "says",       "say",        "told",      "tells",      "tell",       "added",     "adds",
     "wrote",     "writes",     "asked",      "asks",      "continued",  "continues",  "tweeted",   "tweets",
     "replied",   "replies",    "responded",  "responds",  "declared",   "declares",   "explained", "explains",
     "noted",     "notes",      "insisted",   "insists",   "argued",     "argues",     "recalled",  "recalls",
     "stated",    "warned",     "warns",      "concluded", "concludes",  "admitted",   "admits",    "acknowledged",
     "claimed",   "claims",     "joked",      "jokes",     "quipped",    "quips",      "quip",      "cautioned",
     "conceded",  "concedes",   "observed",   "remarked",  "shouted",    "chanted",    "reads",     "read",
     "yelled",    "screamed",   "posted",     "announced", "announces",  "predicted",  "predicts",  "complained",
     "complains", "boasted",    "boasts",     "urged",     "pleaded",    "vowed",      "promised",  "pledged",
     "pledges",   "emphasized", "emphasised", "stressed",  "suggested",  "suggests",   "charged",   "countered",
     "testified", "mused",      "lamented",   "exclaimed", "whispered",  "cried",      "texted",    "emailed",
     "recounted", "scoffed",    "snapped",    "wondered",  "agreed",     "confirmed",  "reported",  "thundered",
     "asserted",  "asserts",    "retorted",   "retorts",   "answered",   "maintained", "maintains", "contended",
     "contends",  "reiterated", "proclaimed", "demanded",  "fumed",      "opined",     "saying",    "adding",
     "telling",   "asking",     "writing",    "noting",    "explaining", "insisting",  "according"});

// Speech verbs that also report a view without quoting ("believes", "thinks" are left out:
// they report beliefs, which a reader does not take for someone's words).
bool IsCueWord(std::string_view lower) {
  return std::find(kCueWords.begin(), kCueWords.end(), lower) != kCueWords.end();
}

constexpr std::array<std::string_view, 14> kPronouns = {"he", "she", "they", "i", "we", "it", "who",
                                                        "He", "She", "They", "I", "We", "It", "Who"};
bool IsPronoun(std::string_view word) { return std::find(kPronouns.begin(), kPronouns.end(), word) != kPronouns.end(); }
bool IsPersonalPronoun(std::string_view word) {
  return word == "he" || word == "she" || word == "He" || word == "She" || word == "I";
}

// Words that end a speaker's noun phrase after the cue ("said Smith in a statement").
bool EndsSpeakerAfterCue(std::string_view lower) {
  static constexpr std::array<std::string_view, 18> kWords = {"in",   "on",   "at",    "after",  "during", "to",
                                                              "as",   "when", "while", "before", "of",     "from",
                                                              "last", "this", "that",  "about",  "who",    "which"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// Words that open a clause before its subject ("although officials said") or stand between
// a subject and its verb ("Kim has also said"): not part of who spoke.
bool IsClauseOpener(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kWords = {"although", "but",   "and",   "while", "because", "as",
                                                              "though",   "since", "after", "when",  "so",      "yet"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}
bool IsVerbCompanion(std::string_view lower) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "has",   "have", "had",        "also",    "is",     "was",    "will",  "would",      "could", "later",
      "again", "then", "reportedly", "further", "simply", "merely", "never", "previously", "once"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

bool IsDayWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

struct Token {
  size_t begin = 0, end = 0;
  size_t sentence = 0, line = 0;
  std::string_view text;
  std::string lower;
  // A cue word as written in lower case ("said"; "According" opening a sentence too) — not a
  // word of a name ("Says" in a title).
  bool cue = false;
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsOpeningMark(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C" || t == "''" || t == "``"; }
bool IsClosingMark(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9D" || t == "''"; }
bool EndsSentence(std::string_view t) { return t == "." || t == "!" || t == "?"; }
bool IsPunctuation(std::string_view t) {
  return t == "," || t == ":" || t == ";" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "-" || EndsSentence(t);
}

// A quotation: the tokens [open, close] of its marks; `closed` false when its paragraph ended
// inside it (close is then the paragraph's last token).
struct Quotation {
  size_t open = 0, close = 0;
  bool closed = true;
};

class Finder {
 public:
  Finder(std::string_view text, const TaggedText& tagged) : text_(text), tagged_(tagged) {
    size_t line = 0, scanned = 0;
    for (size_t s = 0; s < tagged.sentences.size(); ++s) {
      for (const ByteSpan& b : tagged.sentences[s]) {
        line += static_cast<size_t>(std::count(text.begin() + static_cast<ptrdiff_t>(scanned),
                                               text.begin() + static_cast<ptrdiff_t>(b.begin), '\n'));
        scanned = b.begin;
        Token t{b.begin, b.end, s, line, text.substr(b.begin, b.end - b.begin), ""};
        t.lower = AsciiLower(t.text);
        t.cue = IsCueWord(t.lower) && (t.lower == t.text || t.lower == "according");
        if (tokens_.empty() || tokens_.back().line != line) line_start_[line] = tokens_.size();
        if (tokens_.empty() || tokens_.back().sentence != s) sentence_start_.push_back(tokens_.size());
        tokens_.push_back(std::move(t));
      }
    }
  }

  std::vector<Attribution> Run() {
    FindQuotations();
    std::vector<Attribution> found;
    std::vector<bool> quoted_sentence(tagged_.sentences.size(), false);
    size_t last_direct = kNone;  // index into found
    for (size_t q = 0; q < quotations_.size(); ++q) {
      const Quotation& quote = quotations_[q];
      // A quotation continuing the last one: the paragraph right before ended inside it, and
      // that quotation was taken.
      if (last_direct != kNone && q > 0 && !quotations_[q - 1].closed && quotations_[q - 1].close + 1 == quote.open &&
          last_close_ == quotations_[q - 1].close && quote.open == FirstOfLine(tokens_[quote.open].line)) {
        found[last_direct].content.push_back(Span(quote.open, quote.close));
        MarkSentences(quote, &quoted_sentence);
        last_close_ = quote.close;
        continue;
      }
      // The second piece of a quotation split by its attribution: it opens right where the
      // attribution of the last one ended ("A," he said. "B." / "A," he said, "b.").
      Attribution a;
      a.kind = AttributionKind::kDirect;
      a.content.push_back(Span(quote.open, quote.close));
      size_t after_end = quote.close + 1;
      bool attributed = quote.closed && Postposed(quote.close + 1, &a, &after_end);
      // (One with an attribution of its own is a quotation of its own: "B," he added.)
      if (!attributed && last_direct != kNone && SplitContinues(found[last_direct], quote.open)) {
        found[last_direct].content.push_back(Span(quote.open, quote.close));
        MarkSentences(quote, &quoted_sentence);
        last_close_ = quote.close;
        continue;
      }
      if (Words(quote) < kMinimumWords) continue;  // "Judge," — an address, a title
      const size_t lead_begin = LeadBegin(quote.open);
      const bool lead_empty = lead_begin == quote.open;
      if (!lead_empty) {
        // Introduced by its cue ("Kim told reporters: \"…\"", "Obama tweeted \"…\""), or a
        // phrase quoted inside the writer's own sentence.
        const Token& last = tokens_[quote.open - 1];
        if (last.text != ":" && last.text != "," && !last.cue) continue;
        // Right after the verb, only what opens with a capital and ends its sentence is the
        // speaker's own sentence: "said “the wind is at our backs”" quotes a phrase inside the
        // writer's, "told “Fox and Friends” on Monday" names a show.
        if (last.cue && !attributed && (!OpensWithCapital(quote.open + 1) || !EndsItsSentence(quote))) continue;
        if (!attributed && !Preposed(lead_begin, last.cue ? quote.open : quote.open - 1, &a)) {
          // "From Bush's Facebook post: \"…\"" — a colon gives the source without a verb.
          if (last.text != ":" || !OpensWithCapital(quote.open + 1) || !EndsItsSentence(quote) ||
              !Subject(lead_begin, quote.open - 1, &a.speaker)) {
            continue;
          }
        }
        attributed = true;
      }
      if (!attributed) {
        // A paragraph that is a quotation and nothing else, right after a paragraph whose
        // last quotation was attributed: the same speaker goes on (news style gives the
        // attribution once). Anything else opening a sentence unattributed is left out.
        const size_t line = tokens_[quote.open].line;
        const bool whole_line = quote.open == FirstOfLine(line) &&
                                (quote.close + 1 == tokens_.size() || tokens_[quote.close + 1].line != line);
        if (!whole_line || quote.open == 0 || last_direct == kNone ||
            found[last_direct].speaker.begin == found[last_direct].speaker.end ||
            tokens_[quote.open - 1].line != last_line_)
          continue;
        a.speaker = found[last_direct].speaker;
      }
      last_line_ = tokens_[quote.close].line;
      last_close_ = quote.close;
      MarkSentences(quote, &quoted_sentence);
      split_after_ = after_end;
      last_direct = found.size();
      found.push_back(std::move(a));
    }
    for (size_t s = 0; s < tagged_.sentences.size(); ++s) {
      if (!quoted_sentence[s]) Reported(s, &found);
    }
    std::sort(found.begin(), found.end(), [](const Attribution& x, const Attribution& y) {
      return x.content.front().begin < y.content.front().begin;
    });
    for (Attribution& a : found) a.speaker_name = SpeakerName(a.speaker);
    return found;
  }

 private:
  ByteSpan Span(size_t first, size_t last) const { return {tokens_[first].begin, tokens_[last].end}; }

  static constexpr size_t kMinimumWords = 2;

  bool OpensWithCapital(size_t token) const {
    if (token >= tokens_.size()) return false;
    const char c = tokens_[token].text.empty() ? ' ' : tokens_[token].text[0];
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0xC0);
  }

  // Whether the quotation ends its sentence: an end mark inside it, or right after it.
  bool EndsItsSentence(const Quotation& q) const {
    if (!q.closed || q.close == 0) return true;
    if (EndsSentence(tokens_[q.close - 1].text)) return true;
    const size_t after = q.close + 1;
    return after >= tokens_.size() || tokens_[after].line != tokens_[q.close].line || EndsSentence(tokens_[after].text);
  }

  // The speaker among tokens [first, end): clause openers, auxiliaries and adverbs around it
  // and punctuation trimmed; false when nothing is left or it is too long to be a name.
  bool Subject(size_t first, size_t end, ByteSpan* out) const {
    while (first < end && (IsClauseOpener(tokens_[first].lower) || IsPunctuation(tokens_[first].text))) ++first;
    while (end > first && (IsVerbCompanion(tokens_[end - 1].lower) || IsPunctuation(tokens_[end - 1].text))) --end;
    if (end == first || end - first > 10) return false;
    *out = Span(first, end - 1);
    return true;
  }

  size_t Words(const Quotation& q) const {
    size_t words = 0;
    // (An unclosed quotation's last token is a word, not a mark.)
    for (size_t i = q.open + 1; i < q.close + (q.closed ? 0 : 1); ++i) words += !IsPunctuation(tokens_[i].text);
    return words;
  }

  size_t FirstOfLine(size_t line) const {
    const auto it = line_start_.find(line);
    return it == line_start_.end() ? kNone : it->second;
  }

  void MarkSentences(const Quotation& q, std::vector<bool>* marked) const {
    for (size_t i = q.open; i <= q.close; ++i) (*marked)[tokens_[i].sentence] = true;
  }

  // Pairs quotation marks within each paragraph: curly marks by their direction, straight
  // ones and '' by turns.
  // Whether a quotation opened by `open` may close with `close`: a curly mark with a curly one,
  // a straight one or '' with its own kind (a stray mark of another kind inside is not the end).
  static bool Pairs(std::string_view open, std::string_view close) {
    if (open == "\xE2\x80\x9C") return close == "\xE2\x80\x9D" || close == "\"";
    if (open == "``") return close == "''" || close == "\"";
    return open == close;
  }

  void FindQuotations() {
    closes_quotation_.assign(tokens_.size(), false);
    size_t open = kNone;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const bool line_ends = i + 1 == tokens_.size() || tokens_[i + 1].line != tokens_[i].line;
      const std::string_view t = tokens_[i].text;
      if (open != kNone && IsClosingMark(t) && Pairs(tokens_[open].text, t)) {
        if (i > open + 1) {
          quotations_.push_back({open, i, true});
          closes_quotation_[i] = true;
        }
        open = kNone;
      } else if ((open == kNone && IsOpeningMark(t)) || t == "\xE2\x80\x9C") {
        // (A curly opening mark inside an open quotation: the first was never closed.)
        open = i;
      }
      if (line_ends && open != kNone) {
        if (i > open) quotations_.push_back({open, i, false});
        open = kNone;
      }
    }
  }

  // The first token of the quotation's lead: the words of its sentence before it (after the
  // last quotation closed before it).
  size_t LeadBegin(size_t open) const {
    size_t i = open;
    while (i > 0) {
      const Token& before = tokens_[i - 1];
      if (before.line != tokens_[open].line || before.sentence != tokens_[open].sentence) break;
      if (closes_quotation_[i - 1]) break;
      --i;
    }
    return i;
  }

  // "…," SPEAKER CUE / "…," CUE SPEAKER right after the quotation at token `from`.
  bool Postposed(size_t from, Attribution* a, size_t* end) {
    size_t i = from;
    const size_t line = tokens_[from - 1].line;
    if (i < tokens_.size() && tokens_[i].line == line && (tokens_[i].text == "," || tokens_[i].lower == "\xE2\x80\x94"))
      ++i;
    const size_t np_begin = i;
    size_t cue = tokens_.size();
    // The speaker may carry an apposition between commas ("…," Terrie Rizzo, the Democratic
    // chair of the county, said); its name is then what comes before the first comma.
    size_t commas = 0, np_end = tokens_.size();
    for (size_t k = 0; k < 20 && i < tokens_.size() && tokens_[i].line == line; ++k, ++i) {
      if (tokens_[i].cue) {
        cue = i;
        break;
      }
      if (tokens_[i].text == "," && i > np_begin && commas == 0) {
        ++commas;
        np_end = i;
        continue;
      }
      if (tokens_[i].text == "," && commas == 1 && i + 1 < tokens_.size() && tokens_[i + 1].cue) continue;
      if (IsPunctuation(tokens_[i].text) || IsOpeningMark(tokens_[i].text) || (commas == 0 && k >= 8)) break;
    }
    if (cue == tokens_.size()) return false;
    size_t cue_end = cue;
    if (tokens_[cue].lower == "according" && cue + 1 < tokens_.size() && tokens_[cue + 1].lower == "to") ++cue_end;
    a->cue = Span(cue, cue_end);
    if (cue > np_begin) {
      Subject(np_begin, std::min(np_end, cue), &a->speaker);
    } else {
      size_t k = cue_end + 1;
      const size_t first = k;
      while (k < tokens_.size() && tokens_[k].line == line && k - first < 8 && !IsPunctuation(tokens_[k].text) &&
             !EndsSpeakerAfterCue(tokens_[k].lower) && !IsOpeningMark(tokens_[k].text))
        ++k;
      if (k > first) a->speaker = Span(first, k - 1);
    }
    size_t e = cue_end + 1;
    while (e < tokens_.size() && tokens_[e].line == line && !EndsSentence(tokens_[e].text) &&
           !IsOpeningMark(tokens_[e].text))
      ++e;
    *end = e < tokens_.size() && EndsSentence(tokens_[e].text) ? e + 1 : e;
    return true;
  }

  // SPEAKER CUE …: "…" — the lead [begin, colon) names the speaker before its cue.
  bool Preposed(size_t begin, size_t mark, Attribution* a) {
    size_t cue = mark;
    for (size_t i = mark; i > begin;) {
      --i;
      if (tokens_[i].cue) {
        cue = i;
        break;
      }
    }
    if (cue == mark) return false;
    a->cue = Span(cue, cue);
    // The subject: the words before the cue, after the last comma that leaves any.
    size_t first = begin;
    for (size_t i = begin; i < cue; ++i) {
      if (tokens_[i].text == "," && i + 1 < cue) first = i + 1;
    }
    Subject(first, cue, &a->speaker);
    return true;
  }

  // Whether a quotation opening at token `open` is the next piece of `a`: it opens right
  // where the attribution of a's last piece ended.
  bool SplitContinues(const Attribution& a, size_t open) const {
    // "…," he said, adding: "B" — a second cue, or a colon, introduces a quote of its own.
    for (size_t i = open; i > 0 && tokens_[i - 1].end > a.cue.end; --i) {
      if (tokens_[i - 1].cue || tokens_[i - 1].text == ":") return false;
    }
    return a.cue.begin > a.content.back().end && split_after_ == open && split_after_ < tokens_.size() &&
           tokens_[split_after_].line == tokens_[split_after_ - 1].line;
  }

  // Reported speech in sentence `s`, which holds no direct quote.
  void Reported(size_t s, std::vector<Attribution>* found) {
    const std::vector<ByteSpan>& sentence = tagged_.sentences[s];
    if (sentence.size() < 5) return;
    const size_t first = sentence_start_[s];
    const size_t last = first + sentence.size() - 1;
    size_t end = last;
    while (end > first && IsPunctuation(tokens_[end].text)) --end;
    for (size_t i = first; i <= end; ++i) {
      if (!tokens_[i].cue) continue;
      Attribution a;
      a.kind = AttributionKind::kIndirect;
      if (tokens_[i].lower == "according") {
        if (i + 1 > end || tokens_[i + 1].lower != "to") continue;
        // "according to X, CONTENT" / "CONTENT, according to X"
        size_t k = i + 2;  // the comma after the source, or one past the sentence's words
        while (k <= end && tokens_[k].text != ",") ++k;
        if (k == i + 2) continue;  // no source named
        if (k <= end && i == first) {
          if (k + 1 > end) continue;
          a.speaker = Span(i + 2, k - 1);
          a.content.push_back(Span(k + 1, end));
        } else if (i > first + 2 && tokens_[i - 1].text == ",") {
          a.speaker = Span(i + 2, k - 1);
          a.content.push_back(Span(first, i - 2));
        } else {
          continue;
        }
        a.cue = Span(i, i + 1);
      } else if (i > first + 3 && i + 1 <= end + 1 && tokens_[i - 1].text != "," &&
                 std::any_of(tokens_.begin() + static_cast<ptrdiff_t>(first),
                             tokens_.begin() + static_cast<ptrdiff_t>(i),
                             [](const Token& t) { return t.text == ","; }) &&
                 (i == end || EndsSpeakerAfterCue(tokens_[i + 1].lower) || IsPunctuation(tokens_[i + 1].text))) {
        // "CONTENT, SPEAKER said." — the speaker between the last comma and the cue.
        size_t comma = i;
        while (comma > first && tokens_[comma - 1].text != ",") --comma;
        if (comma == i || i - comma > 8 || comma < first + 4) continue;
        a.speaker = Span(comma, i - 1);
        a.content.push_back(Span(first, comma - 2));
        a.cue = Span(i, i);
      } else if (i > first && i + 2 <= end && !IsPunctuation(tokens_[i - 1].text)) {
        // "SPEAKER said (that) CONTENT."
        size_t subject = first;
        for (size_t k = first; k < i; ++k) {
          if (tokens_[k].text == "," && k + 1 < i) subject = k + 1;
        }
        if (i - subject > 8) continue;
        size_t c = i + 1;
        if ((tokens_[i].lower == "told" || tokens_[i].lower == "tells" || tokens_[i].lower == "telling") && c <= end) {
          // "told reporters (that) …": the hearer is not what was said.
          while (c <= end && c - i <= 4 && tokens_[c].lower != "that" && tokens_[c].text != ",") ++c;
          if (c > end || c - i > 4) continue;
          if (tokens_[c].text == ",") ++c;
        }
        // "vowed Wednesday to press ahead": the day the cue happened is not what was said.
        while (c <= end && IsDayWord(tokens_[c].lower)) ++c;
        if (c > end || end - c < 2) continue;
        if (!Subject(subject, i, &a.speaker)) continue;
        a.content.push_back(Span(c, end));
        a.cue = Span(i, i);
      } else {
        continue;
      }
      found->push_back(std::move(a));
      return;
    }
  }

  // The name the speaker mention refers to at that point.
  std::string SpeakerName(const ByteSpan& mention) const {
    if (mention.begin == mention.end) return "";
    const std::string_view words = text_.substr(mention.begin, mention.end - mention.begin);
    const std::vector<NameMention>& names = tagged_.names;
    // Names are in text order: those from `at` on start at or after the mention.
    const size_t at =
        static_cast<size_t>(std::lower_bound(names.begin(), names.end(), mention.begin,
                                             [](const NameMention& n, size_t begin) { return n.span.begin < begin; }) -
                            names.begin());
    // A person named inside the mention ("senior diplomat Noh Kyu-duk") — not as a possessive:
    // "Joe Biden's administration" is not Biden.
    const NameMention* inside = nullptr;
    for (size_t k = at; k < names.size() && names[k].span.begin < mention.end; ++k) {
      const NameMention& n = names[k];
      if (n.span.end > mention.end || n.type != EntityType::kPerson) continue;
      const std::string_view after = text_.substr(n.span.end, mention.end - n.span.end);
      if (after.starts_with("'") || after.starts_with("\xE2\x80\x99")) continue;
      inside = &n;
    }
    if (inside != nullptr) return FullName(static_cast<size_t>(inside - names.data()));
    if (IsPronoun(words)) {
      if (!IsPersonalPronoun(words) && words != "they" && words != "They") return std::string(words);
      // The last person named before it, outside quotations ("\"I told Obama no,\" he said" is
      // not Obama's).
      for (size_t k = at, looked = 0; k > 0 && looked < kLookBack; --k, ++looked) {
        const NameMention& n = names[k - 1];
        if (n.type == EntityType::kPerson && !Quoted(n.span.begin)) return FullName(k - 1);
      }
      return std::string(words);
    }
    // Otherwise the mention as written: "the White House", "Washington's special envoy".
    return std::string(words);
  }

  // Whether byte `at` lies inside a quotation's marks.
  bool Quoted(size_t at) const {
    const auto it = std::upper_bound(quotations_.begin(), quotations_.end(), at,
                                     [this](size_t x, const Quotation& q) { return x < tokens_[q.open].begin; });
    return it != quotations_.begin() && at < tokens_[std::prev(it)->close].end;
  }

  std::string_view Text(const ByteSpan& s) const { return text_.substr(s.begin, s.end - s.begin); }

  // A person's fullest name up to names[index]: the last longer name before it that holds
  // its words as its own ("Kim" in "Sung Kim" — and not in "Kim Jong Un" when the text was
  // last about Sung Kim). Looks back kLookBack names at most.
  std::string FullName(size_t index) const {
    const std::string_view short_name = Text(tagged_.names[index].span);
    for (size_t k = index, looked = 0; k > 0 && looked < kLookBack; --k, ++looked) {
      const NameMention& n = tagged_.names[k - 1];
      if (n.type != EntityType::kPerson) continue;
      const std::string_view full = Text(n.span);
      if (full.size() <= short_name.size()) continue;
      for (size_t pos = full.find(short_name); pos != std::string_view::npos; pos = full.find(short_name, pos + 1)) {
        const bool starts = pos == 0 || full[pos - 1] == ' ';
        const bool ends = pos + short_name.size() == full.size() || full[pos + short_name.size()] == ' ';
        if (starts && ends) return std::string(full);
      }
    }
    return std::string(short_name);
  }

  // How many names back a pronoun or short name is looked up: an article's worth, so a long
  // hostile text costs in proportion to its length.
  static constexpr size_t kLookBack = 500;

  std::string_view text_;
  const TaggedText& tagged_;
  std::vector<Token> tokens_;
  std::vector<Quotation> quotations_;
  size_t split_after_ = 0;                         // the token after the attribution of the last direct quote
  size_t last_line_ = kNone;                       // the paragraph of the last direct quote's last piece
  size_t last_close_ = kNone;                      // the last token of the last quotation taken
  std::unordered_map<size_t, size_t> line_start_;  // line → its first token
  std::vector<size_t> sentence_start_;             // sentence → its first token
  std::vector<bool> closes_quotation_;             // per token: the closing mark of a quotation
};

}  // namespace

std::string_view AttributionKindName(AttributionKind kind) {
  return kind == AttributionKind::kDirect ? "direct" : "indirect";
}

std::vector<Attribution> FindAttributions(std::string_view text, const TaggedText& tagged) {
  return Finder(text, tagged).Run();
}

std::vector<Attribution> FindAttributions(std::string_view text, const entities::EntityModel& model) {
  return FindAttributions(text, entities::TagText(model, text));
}

}  // namespace storydesk::quotes
