#include "storydesk/digest/headline.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/digest/boilerplate.h"
#include "core/digest/bullet_quality.h"
#include "core/digest/page_words.h"
#include "core/digest/run_together.h"
#include "storydesk/text/dateline.h"
#include "storydesk/text/stopwords.h"
#include "storydesk/time/timex.h"

namespace storydesk::digest {
namespace {

using TermVector = std::vector<std::pair<uint64_t, float>>;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

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

// The longest prefix of `text` of at most `max_bytes` that does not split a UTF-8 character.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && IsContinuationByte(text[cut])) --cut;
  return text.substr(0, cut);
}

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// How captions, credits, photo files and players open, lower-case: wherever the text of a page
// starts with them, what follows is about a picture or a widget, not the story.
constexpr std::array<std::string_view, 31> kFurnitureOpenings = {"a photo of",       "a picture of",
                                                                 "an image of",      "image copyright",
                                                                 "image caption",    "image:",
                                                                 "media playback",   "media caption",
                                                                 "photo:",           "photo ",
                                                                 "photos:",          "photograph",
                                                                 "picture:",         "video:",
                                                                 "story highlights", "view larger image",
                                                                 "click image",      "enlarge this image",
                                                                 "toggle caption",   "gallery",
                                                                 "caption:",         "credit:",
                                                                 "credit ",          "advertisement",
                                                                 "breaking news",    "get breaking news",
                                                                 "correction:",      "update:",
                                                                 "updated:",         "editor's note",
                                                                 "editor’s note"};
// Openings that are furniture only in capitals ("CLOSE Scientists say", "FILE - In this"):
// lower-case, the same words open real sentences ("Close to 300 ...", "Play resumed ...").
constexpr std::array<std::string_view, 6> kCapitalFurnitureOpenings = {"CLOSE ",     "FILE -", "FILE-",
                                                                       "FILE PHOTO", "Play ",  "Embed "};
// Player, consent and share-bar notices, lower-case, wherever they occur.
// Breadcrumbs (">>", "»") and picture agencies after a photographer's name ("/Getty").
constexpr std::array<std::string_view, 15> kNotices = {"unsupported on your device",
                                                       "enable javascript",
                                                       "your browser",
                                                       "cookie",
                                                       "autoplay",
                                                       "share on",
                                                       "share this",
                                                       "sign in",
                                                       "log in",
                                                       "news alerts",
                                                       "on your mobile device",
                                                       "/getty",
                                                       "/ap ",
                                                       ">>",
                                                       "\xc2\xbb"};
// Month names as a caption's date gives them ("Nov. 22, 2018"), lower-case, without the period.
constexpr std::array<std::string_view, 23> kMonths = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};
// Words that cannot open a sentence standing alone: it goes on from one not shown.
constexpr std::array<std::string_view, 6> kContinuing = {"And", "But", "Or", "Nor", "So", "Yet"};
// Words that alone make up share bars, navigation and section labels.
constexpr std::array<std::string_view, 36> kFurnitureWords = {
    "share",   "shares",   "tweet",    "email",   "e-mail",   "print",    "post",      "send",      "link",
    "comment", "comments", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",    "google",
    "plus",    "embed",    "play",     "close",   "video",    "videos",   "photo",     "photos",    "image",
    "gallery", "popular",  "trending", "latest",  "more",     "menu",     "home",      "subscribe", "advertisement"};

bool IsFurnitureWord(std::string_view core) {
  return std::find(kFurnitureWords.begin(), kFurnitureWords.end(), core) != kFurnitureWords.end();
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A photo caption's ending: a full date with its year, then at most the place ("... Thursday,
// Nov. 22, 2018." or "... on Thursday, May 2, 2013 in Houston."). Reports date events by
// weekday or "on Nov. 22"; pictures are captioned with the whole date.
constexpr size_t kCaptionWordsAfterDate = 3;
bool EndsWithCaptionDate(std::string_view text) {
  const std::vector<std::string_view> words = SplitOnSpace(text);
  for (size_t after = 0; after <= kCaptionWordsAfterDate && after + 3 <= words.size(); ++after) {
    const size_t y = words.size() - 1 - after;
    std::string year(words[y]);
    while (!year.empty() && !IsDigit(year.back())) year.pop_back();
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), IsDigit)) continue;
    std::string_view day = words[y - 1];
    if (!day.ends_with(',')) continue;
    day.remove_suffix(1);
    if (day.empty() || day.size() > 2 || !std::all_of(day.begin(), day.end(), IsDigit)) continue;
    const std::string month = LetterCore(words[y - 2]);
    if (std::find(kMonths.begin(), kMonths.end(), month) != kMonths.end()) return true;
  }
  return false;
}

// A live blog's time stamp opening the text: "10:45 AM PT:", "19:29".
bool OpensWithTime(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsDigit(text[i])) ++i;
  return i >= 1 && i <= 2 && i + 2 < text.size() && text[i] == ':' && IsDigit(text[i + 1]) && IsDigit(text[i + 2]);
}

// A byline inside the text: "By" and two capitalised words, then a dash ("... in protest By
// Justin Sink - Tweet Jon Huntsman announced ..."): a page's header run into its first sentence.
bool HasInnerByline(std::string_view text) {
  const std::vector<std::string_view> words = SplitOnSpace(text);
  for (size_t i = 1; i + 3 < words.size(); ++i) {
    if (words[i] == "By" && IsAsciiUpper(words[i + 1].front()) && IsAsciiUpper(words[i + 2].front()) &&
        (words[i + 3] == "-" || words[i + 3] == "--" || words[i + 3] == "\xe2\x80\x93" ||
         words[i + 3] == "\xe2\x80\x94")) {
      return true;
    }
  }
  return false;
}

// Opens like a caption, credit, photo file, player or live-blog entry, ends like a caption,
// holds a byline, a notice or a furniture phrase.
bool HasFurnitureMarks(std::string_view text, bool phrases = true) {
  if (OpensWithTime(text) || EndsWithCaptionDate(text) || HasInnerByline(text)) return true;
  for (std::string_view opening : kFurnitureOpenings) {
    if (StartsWithIgnoringCase(text, opening)) return true;
  }
  for (std::string_view opening : kCapitalFurnitureOpenings) {
    if (text.starts_with(opening)) return true;
  }
  std::string lower(text);
  for (char& c : lower) c = AsciiLower(c);
  for (std::string_view notice : kNotices) {
    if (lower.find(notice) != std::string::npos) return true;
  }
  return phrases && HasFurniturePhrase(text);
}

// A picture caption of a gallery: one to three capitalised words and then a bare participle
// ("Gwen Stefani spotted leaving a clinic ...", "Kim Smith pictured at ..."); a report says
// "was seen".
constexpr std::array<std::string_view, 5> kCaptionParticiples = {"spotted", "pictured", "snapped", "seen",
                                                                 "photographed"};
bool IsGalleryCaption(std::string_view text) {
  const std::vector<std::string_view> words = SplitOnSpace(text);
  for (size_t i = 1; i <= 3 && i < words.size(); ++i) {
    if (std::find(kCaptionParticiples.begin(), kCaptionParticiples.end(), words[i]) != kCaptionParticiples.end())
      return true;
    if (!IsAsciiUpper(words[i].front())) return false;
  }
  return false;
}

// Fewest words a lead must have to be a headline: shorter ones are slogans, section names or
// captions ("Seeing is believing"), not the report of an event.
constexpr size_t kMinLeadWords = 6;
// Most words of a line without a full stop taken as a last-resort headline (boilerplate.h's
// bound on a sentence: longer is page text run together).
constexpr size_t kMaxLineHeadlineWords = 60;

// Whether a sentence may be a story's headline when no title is usable: not boilerplate (the
// caller checked), not a fragment by this file's rule nor the digest's stricter one (opening
// pronouns and connectives), not commentary (IsOpinionSentence), not furniture, not run
// together, and long enough. The digest would not give such a sentence as a bullet either.
bool IsUsableLead(std::string_view s) {
  return !IsFragmentSentence(s) && !IsFragmentSentence(s, /*refers_back=*/false) && !IsOpinionSentence(s) &&
         !HasFurnitureMarks(s, /*phrases=*/false) && !IsRunTogether(s) && !IsGalleryCaption(s) &&
         SplitOnSpace(s).size() >= kMinLeadWords;
}

// Sublinear term weights (1 + ln count), unit length, sorted by term.
TermVector UnitVector(const std::vector<std::string>& stems) {
  std::map<uint64_t, int> counts;
  for (const std::string& s : stems) ++counts[XXH3_64bits(s.data(), s.size())];
  TermVector v;
  double norm = 0;
  for (const auto& [term, count] : counts) {
    const double w = 1.0 + std::log(static_cast<double>(count));
    v.emplace_back(term, static_cast<float>(w));
    norm += w * w;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [term, w] : v) w = static_cast<float>(w / norm);
  }
  return v;
}

double Dot(const TermVector& a, const std::unordered_map<uint64_t, double>& b) {
  double sum = 0;
  for (const auto& [term, w] : a) {
    if (auto it = b.find(term); it != b.end()) sum += static_cast<double>(w) * it->second;
  }
  return sum;
}

// A tie within rounding goes to the earlier article.
constexpr double kTieMargin = 1e-9;

// `text` without a wire credit it opens with that ParseDateline leaves ("(CNN) -- ",
// "Washington (CNN) ", "Moscow (AFP) - "): up to 3 capitalised words, an agency of up to 20
// bytes in brackets, an optional dash, and then a capital letter.
std::string_view WithoutWireCredit(std::string_view text) {
  const size_t open = text.find('(');
  if (open == std::string_view::npos || open > 40) return text;
  const std::vector<std::string_view> place = SplitOnSpace(text.substr(0, open));
  if (place.size() > 3) return text;
  for (std::string_view w : place) {
    if (!IsAsciiUpper(w.front())) return text;
  }
  const size_t close = text.find(')', open);
  if (close == std::string_view::npos || close - open > 21 || close == open + 1) return text;
  size_t i = close + 1;
  while (i < text.size() && (text[i] == ' ' || text[i] == '-')) ++i;
  if (text.substr(i).starts_with("\xe2\x80\x93") || text.substr(i).starts_with("\xe2\x80\x94")) {
    i += 3;
    while (i < text.size() && text[i] == ' ') ++i;
  }
  if (i >= text.size() || !(IsAsciiUpper(text[i]) || text[i] == '"')) return text;
  return text.substr(i);
}

}  // namespace

bool IsFurnitureTitle(std::string_view raw_title) {
  const std::string title = FoldSpace(raw_title);
  const std::vector<std::string_view> words = SplitOnSpace(title);
  if (words.size() < 3) return true;
  size_t content = 0, furniture = 0, lettered = 0;
  for (std::string_view w : words) {
    const std::string core = LetterCore(w);
    if (core.empty()) continue;
    ++lettered;
    if (IsFurnitureWord(core)) ++furniture;
    if (!text::IsStopWord(core)) ++content;
  }
  if (content < 2) return true;
  if (lettered > 0 && furniture == lettered) return true;
  const bool has_lower = std::any_of(title.begin(), title.end(), IsAsciiLower);
  if (!has_lower && words.size() <= 4) return true;
  if (title.back() == ':') return true;
  return HasFurnitureMarks(title);
}

bool IsFragmentSentence(std::string_view sentence) {
  const std::string s = FoldSpace(sentence);
  if (s.empty()) return true;
  const char first = s.front();
  if (IsAsciiLower(first)) return true;
  const bool opens_well = IsAsciiUpper(first) || (first >= '0' && first <= '9') || first == '"' || first == '\'' ||
                          first == '(' || first == '[' || static_cast<unsigned char>(first) >= 0x80;
  if (!opens_well) return true;
  if (s.ends_with("...") || s.ends_with("\xe2\x80\xa6")) return true;
  const std::string_view opening = std::string_view(s).substr(0, s.find(' '));
  if (std::find(kContinuing.begin(), kContinuing.end(), opening) != kContinuing.end()) return true;
  return std::count(s.begin(), s.end(), '"') % 2 != 0;
}

std::string CutHeadline(std::string_view text, size_t max_bytes) {
  // Folding white space cannot lengthen the text, so a few times the limit is enough to look at.
  const std::string_view window = Utf8Prefix(text, 4 * max_bytes);
  std::string headline = FoldSpace(window);
  if (headline.size() <= max_bytes) return window.size() < text.size() ? headline + "..." : headline;
  size_t cut = headline.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut == 0) cut = Utf8Prefix(headline, max_bytes).size();
  headline.resize(cut);
  while (!headline.empty() && (IsSpace(headline.back()) || headline.back() == ',')) headline.pop_back();
  return headline + "...";
}

std::string LeadHeadline(std::string_view lead) {
  std::string folded = FoldSpace(Utf8Prefix(lead, 4 * kMaxHeadlineBytes));
  if (folded.size() <= kLongLeadBytes) return CutHeadline(lead);
  // Not ", and ": it also ends a list ("Kim, Noh, and Lee").
  static constexpr std::array<std::string_view, 7> kBoundaries = {", but ",   "; ",    ", which ", ", while ",
                                                                  ", after ", ", as ", " -- "};
  size_t best = std::string::npos;
  for (std::string_view b : kBoundaries) {
    for (size_t at = folded.find(b); at != std::string::npos && at < best; at = folded.find(b, at + 1)) {
      const std::string_view head = std::string_view(folded).substr(0, at);
      const bool closed = std::count(head.begin(), head.end(), '"') % 2 == 0 &&
                          std::count(head.begin(), head.end(), '(') == std::count(head.begin(), head.end(), ')');
      if (closed && SplitOnSpace(head).size() >= kMinLeadWords && at <= kMaxHeadlineBytes) {
        best = at;
        break;
      }
    }
  }
  if (best == std::string::npos) return CutHeadline(lead);
  folded.resize(best);
  return folded;
}

namespace {

// What the beginning of a text gives: its lead, the stems of its first sentences that are not
// boilerplate, and the last resort.
struct BodyEvidence {
  std::optional<std::string> lead;
  TermVector lead_vector;
  std::vector<std::string> stems;
  std::string opening;
  bool lead_opens = false;  // the lead is the first sentence that is not boilerplate
  size_t read = 0;          // sentences that are not boilerplate, up to kHeadlineLeadSentences
};

// `text` is a prefix of the article's; `cut` when the article goes on, so that its last
// sentence may be cut short and is not read. The last resort is looked for only when
// `need_opening` and no lead was found.
// Whether sentence i of `body` lies inside a quotation opened before it on its line and holds
// no quotation mark of its own ("... Dive Bars"Best burger in town. Really, it's that amazing.
// Not a huge place ..."): a piece of a quote, without its speaker.
bool InsideQuotation(const text::AnalyzedText& body, size_t i) {
  const std::string_view text = body.normalized;
  const text::SentenceSpan& span = body.sentences[i];
  if (text.substr(span.begin, span.end - span.begin).find('"') != std::string_view::npos) return false;
  const size_t line = span.begin == 0 ? std::string_view::npos : text.rfind('\n', span.begin - 1);
  const size_t from = line == std::string_view::npos ? 0 : line + 1;
  return timeutil::InsideQuotation(text.substr(from, span.begin - from));
}

BodyEvidence ReadBody(const text::AnalyzedText& body, bool cut, bool need_opening) {
  BodyEvidence b;
  // Whole sentences opening within the first kHeadlineTextBytes: however the text was analysed
  // (whole by the engine, or its prefix here), the same ones.
  size_t whole = cut && !body.sentences.empty() ? body.sentences.size() - 1 : body.sentences.size();
  while (whole > 0 && body.sentences[whole - 1].begin >= kHeadlineTextBytes) --whole;
  // Stems come in text order: sentence i's are body.stems[first_stem[i], first_stem[i + 1]).
  std::vector<size_t> first_stem(whole + 1, body.stems.size());
  size_t next = 0;  // the first sentence whose first stem is not known yet
  for (size_t k = 0; k < body.stems.size() && next <= whole; ++k) {
    const size_t sentence = body.word_sentence[body.stem_word[k]];
    while (next <= whole && next <= sentence) first_stem[next++] = k;
  }
  auto stems_of = [&](size_t i) {
    return std::vector<std::string>(body.stems.begin() + static_cast<std::ptrdiff_t>(first_stem[i]),
                                    body.stems.begin() + static_cast<std::ptrdiff_t>(first_stem[i + 1]));
  };
  auto sentence = [&](size_t i) {
    std::string_view s(body.normalized);
    s = s.substr(body.sentences[i].begin, body.sentences[i].end - body.sentences[i].begin);
    if (const auto dateline = text::ParseDateline(s); dateline && dateline->length < s.size()) {
      s.remove_prefix(dateline->length);
    }
    return WithoutSectionLabel(WithoutWireCredit(s));
  };
  for (size_t i = 0; i < whole && b.read < kHeadlineLeadSentences; ++i) {
    const std::string_view s = sentence(i);
    if (IsBoilerplateSentence(s)) continue;
    ++b.read;
    const std::vector<std::string> stems = stems_of(i);
    b.stems.insert(b.stems.end(), stems.begin(), stems.end());
    // Not boilerplate, so free of boilerplate.h's phrases already: IsUsableLead checks the rest.
    if (!b.lead && IsUsableLead(s) && !InsideQuotation(body, i)) {
      b.lead_opens = b.read == 1;
      b.lead = FoldSpace(s);
      b.lead_vector = UnitVector(stems);
    }
  }
  if (b.lead || !need_opening) return b;
  // The last resort: the first later sentence that would pass as a lead; else the first line
  // that would, but for its missing full stop (a page's lines: "The home of over 5.1 million
  // full archive pages of The Philadelphia Inquirer ..."), before a slogan of a few words
  // ("Seeing is believing"); else the first that would pass as a title; else the title a
  // teaser runs into its text; else the first sentence at all, else the text's first words.
  // None of them a piece of a quotation.
  // The first sentence, outside quotations, that `headline` makes a headline of (empty: none).
  auto first_of = [&](auto headline) {
    for (size_t i = 0; i < whole && b.opening.empty(); ++i) {
      if (!InsideQuotation(body, i)) b.opening = headline(sentence(i));
    }
  };
  first_of([](std::string_view s) {
    return !IsBoilerplateSentence(s) && IsUsableLead(s) ? LeadHeadline(s) : std::string();
  });
  // (Boilerplate only for its missing full stop: no furniture phrase, not run-on page text.)
  first_of([](std::string_view s) {
    return !IsFurnitureTitle(s) && IsUsableLead(s) && !HasFurnitureMarks(s) &&
                   SplitOnSpace(s).size() <= kMaxLineHeadlineWords
               ? CutHeadline(s)
               : std::string();
  });
  first_of([](std::string_view s) {
    return !IsFurnitureTitle(s) && !IsFragmentSentence(s) && !IsRunTogether(s) ? CutHeadline(s) : std::string();
  });
  // A page of teasers: the first teaser's title, where it is glued to its text.
  first_of([](std::string_view s) {
    const std::string_view title = GluedTitle(s);
    return !title.empty() && !IsFurnitureTitle(title) ? CutHeadline(title) : std::string();
  });
  if (b.opening.empty() && !body.sentences.empty()) {
    const text::SentenceSpan& first = body.sentences.front();
    b.opening = CutHeadline(std::string_view(body.normalized).substr(first.begin, first.end - first.begin));
  }
  if (b.opening.empty()) b.opening = CutHeadline(body.normalized);
  return b;
}

}  // namespace

namespace {

// The title's part of the evidence: unset when absent, blank or furniture.
std::optional<std::string> UsableTitle(const std::optional<std::string>& title) {
  if (!title) return std::nullopt;
  std::string folded = FoldSpace(*title);
  if (folded.empty() || IsFurnitureTitle(folded)) return std::nullopt;
  return folded;
}

HeadlineEvidence Assemble(std::optional<std::string> title, const std::vector<std::string>& title_stems,
                          BodyEvidence b) {
  HeadlineEvidence e;
  std::vector<std::string> stems;
  if (title) {
    e.title = std::move(title);
    e.title_vector = UnitVector(title_stems);
    stems = title_stems;
  }
  stems.insert(stems.end(), b.stems.begin(), b.stems.end());
  e.vector = UnitVector(stems);
  e.lead = std::move(b.lead);
  e.lead_vector = std::move(b.lead_vector);
  e.lead_opens = b.lead_opens;
  if (!e.title && !e.lead) e.opening = std::move(b.opening);
  return e;
}

}  // namespace

HeadlineEvidence AnalyzeHeadlineEvidence(const std::optional<std::string>& title, std::string_view text,
                                         text::TextAnalyzer& analyzer) {
  std::optional<std::string> usable = UsableTitle(title);
  std::vector<std::string> title_stems;
  if (usable) title_stems = analyzer.Analyze(*usable).stems;
  const bool long_text = text.size() > kHeadlinePrefixBytes;
  BodyEvidence b = ReadBody(analyzer.Analyze(Utf8Prefix(text, kHeadlinePrefixBytes)), long_text, !usable);
  if (long_text && b.read < kHeadlineLeadSentences) {
    b = ReadBody(analyzer.Analyze(Utf8Prefix(text, kHeadlineTextBytes)), text.size() > kHeadlineTextBytes, !usable);
  }
  return Assemble(std::move(usable), title_stems, std::move(b));
}

HeadlineEvidence HeadlineEvidenceOf(const std::optional<std::string>& title, const text::AnalyzedText* analyzed_title,
                                    const text::AnalyzedText& body) {
  std::optional<std::string> usable = UsableTitle(title);
  static const std::vector<std::string> kNoStems;
  const std::vector<std::string>& title_stems = usable && analyzed_title ? analyzed_title->stems : kNoStems;
  const bool need_opening = !usable;
  return Assemble(std::move(usable), title_stems, ReadBody(body, /*cut=*/false, need_opening));
}

std::string ChooseHeadline(const std::vector<const HeadlineEvidence*>& articles) {
  std::unordered_map<uint64_t, double> centroid;
  for (const HeadlineEvidence* p : articles) {
    const HeadlineEvidence& a = *p;
    for (const auto& [term, w] : a.vector) centroid[term] += w;
  }
  const HeadlineEvidence* best = nullptr;
  double best_score = -1.0;
  for (const HeadlineEvidence* p : articles) {
    const HeadlineEvidence& a = *p;
    if (!a.title) continue;
    const double score = Dot(a.title_vector, centroid);
    if (score > best_score + kTieMargin) best_score = score, best = &a;
  }
  if (best) return *best->title;
  // Leads that open their article first: a later sentence is read out of the context its
  // article set for it, so it stands only when no article opens with a usable one.
  for (const bool opening_only : {true, false}) {
    for (const HeadlineEvidence* p : articles) {
      const HeadlineEvidence& a = *p;
      if (!a.lead || (opening_only && !a.lead_opens)) continue;
      const double score = Dot(a.lead_vector, centroid);
      if (score > best_score + kTieMargin) best_score = score, best = &a;
    }
    if (best) return LeadHeadline(*best->lead);
  }
  for (const HeadlineEvidence* p : articles) {
    const HeadlineEvidence& a = *p;
    if (!a.opening.empty()) return a.opening;
  }
  return "";
}

std::string ChooseHeadline(const std::vector<HeadlineEvidence>& articles) {
  std::vector<const HeadlineEvidence*> pointers;
  pointers.reserve(articles.size());
  for (const HeadlineEvidence& a : articles) pointers.push_back(&a);
  return ChooseHeadline(pointers);
}

}  // namespace storydesk::digest
