#include "storydesk/digest/story_voices.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "storydesk/claims/claim_text.h"
#include "storydesk/digest/story_digest.h"
#include "storydesk/entities/tagged_text.h"
#include "storydesk/text/analyzer.h"
#include "storydesk/text/tokens.h"

namespace storydesk::digest {
namespace {

using entities::EntityType;
using entities::NameMention;
using entities::TaggedText;

// Capitalised words that are titles, not names, when written against a name.
bool IsTitleWord(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kWords = {
      "President",      "Vice",    "Prime",        "Minister",  "Foreign",     "Defense",  "Defence",  "Secretary",
      "State",          "Senator", "Sen.",         "Gov.",      "Governor",    "Rep.",     "Deputy",   "Chief",
      "General",        "Gen.",    "Special",      "Envoy",     "Ambassador",  "Director", "Chairman", "Chairwoman",
      "Chair",          "Leader",  "King",         "Queen",     "Prince",      "Pope",     "Judge",    "Justice",
      "Mayor",          "Speaker", "Commissioner", "Spokesman", "Spokeswoman", "Former",   "Attorney", "Supreme",
      "Representative", "Lt.",     "Col.",         "Adm."};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Honorifics: part of how a name is written, not a role.
bool IsHonorific(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kWords = {"Mr.", "Mrs.", "Ms.", "Dr.",  "Mr",
                                                              "Mrs", "Ms",   "Dr",  "Miss", "Sir"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Lower-case nouns that say what someone is ("envoy", "leader"), and the words that may
// qualify them ("senior", "special"): a role is made of these, titles and other names' words.
bool IsRoleNoun(std::string_view lower) {
  static constexpr std::array<std::string_view, 72> kWords = {
      "envoy",      "diplomat",   "leader",        "minister",     "president",      "secretary",   "senator",
      "governor",   "spokesman",  "spokeswoman",   "spokesperson", "official",       "officer",     "chairman",
      "chairwoman", "chair",      "director",      "ambassador",   "representative", "counterpart", "negotiator",
      "adviser",    "advisor",    "aide",          "analyst",      "professor",      "expert",      "researcher",
      "lawmaker",   "legislator", "commander",     "general",      "chief",          "head",        "executive",
      "founder",    "candidate",  "nominee",       "mayor",        "judge",          "prosecutor",  "attorney",
      "lawyer",     "reporter",   "correspondent", "editor",       "columnist",      "author",      "activist",
      "father",     "mother",     "son",           "daughter",     "wife",           "husband",     "brother",
      "sister",     "manager",    "coach",         "captain",      "king",           "queen",       "prince",
      "doctor",     "scientist",  "economist",     "strategist",   "pollster",       "member",      "premier",
      "chancellor", "deputy"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}
bool IsRoleModifier(std::string_view lower) {
  static constexpr std::array<std::string_view, 44> kWords = {
      "senior",   "special",   "former",     "deputy",    "top",          "chief",    "foreign",     "defence",
      "defense",  "vice",      "acting",     "assistant", "national",     "security", "state",       "federal",
      "local",    "regional",  "junior",     "lead",      "presidential", "prime",    "first",       "interior",
      "finance",  "trade",     "health",     "economic",  "military",     "nuclear",  "unification", "press",
      "campaign", "party",     "opposition", "ruling",    "longtime",     "retired",  "veteran",     "incoming",
      "outgoing", "executive", "managing",   "supreme"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

bool StartsLower(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

// Whether `part` names `full` without its middle names or initials: two words or more, the
// same first and last word, the others in order ("Brian Nichols" of "Brian G. Nichols").
bool SkipsMiddle(std::string_view full, std::string_view part) {
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
      const size_t space = std::min(s.find(' '), s.size());
      if (space > 0) out.push_back(s.substr(0, space));
      s.remove_prefix(std::min(space + 1, s.size()));
    }
    return out;
  };
  const std::vector<std::string_view> f = words(full), p = words(part);
  if (p.size() < 2 || p.size() >= f.size() || p.front() != f.front() || p.back() != f.back()) return false;
  size_t at = 1;
  for (size_t k = 1; k + 1 < p.size(); ++k) {
    while (at + 1 < f.size() && f[at] != p[k]) ++at;
    if (at + 1 >= f.size()) return false;
    ++at;
  }
  return true;
}

// `name` without the honorifics and titles it opens with ("Mr. Teixeira", "Attorney Mark
// Heller"), its last word always kept; the titles (not the honorifics) go to *titles.
std::string_view WithoutTitles(std::string_view name, std::string* titles) {
  size_t space = name.find(' ');
  while (space != std::string_view::npos) {
    const std::string_view word = name.substr(0, space);
    if (!IsHonorific(word) && !IsTitleWord(word)) break;
    if (!IsHonorific(word)) *titles += (titles->empty() ? "" : " ") + std::string(word);
    name.remove_prefix(space + 1);
    space = name.find(' ');
  }
  return name;
}

// Whether `part` is one or more whole words of `full` ("Kim" of "Sung Kim"), and shorter.
bool HoldsAsWords(std::string_view full, std::string_view part) {
  if (part.empty() || part.size() >= full.size()) return false;
  for (size_t at = full.find(part); at != std::string_view::npos; at = full.find(part, at + 1)) {
    const bool starts = at == 0 || full[at - 1] == ' ';
    const bool ends = at + part.size() == full.size() || full[at + part.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

constexpr std::array<EntityType, 4> kTypes = {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation,
                                              EntityType::kMisc};
size_t TypeIndex(EntityType t) {
  return static_cast<size_t>(std::find(kTypes.begin(), kTypes.end(), t) - kTypes.begin()) % kTypes.size();
}

std::string_view TypeOrder(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "0";
    case EntityType::kOrganization:
      return "1";
    case EntityType::kLocation:
      return "2";
    default:
      return "3";
  }
}

// One or two capitalised words, the last with a nationality's ending ("-an", "-ese", "-ish",
// "-i", "-ic" and their plurals): "South Korean", "Americans", "Israeli", "Arabic".
bool IsNationalityLike(std::string_view name) {
  if (std::count(name.begin(), name.end(), ' ') > 1) return false;
  std::string_view last = name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1);
  if (last.size() > 3 && last.back() == 's') last.remove_suffix(1);
  for (const std::string_view ending : {"an", "ese", "ish", "i", "ic"}) {
    if (last.size() > ending.size() + 2 && last.ends_with(ending)) return true;
  }
  return false;
}

// Whether every word of `name` is a title or a word of the institutions titles name.
bool OnlyTitles(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kInstitutions = {
      "House",    "Senate",     "Minority",    "Majority",      "Whip",  "Republican",
      "Democrat", "Democratic", "Congressman", "Congresswoman", "Party", "White"};
  while (!name.empty()) {
    const size_t space = std::min(name.find(' '), name.size());
    const std::string_view word = name.substr(0, space);
    if (!IsTitleWord(word) && std::find(kInstitutions.begin(), kInstitutions.end(), word) == kInstitutions.end()) {
      return false;
    }
    name.remove_prefix(std::min(space + 1, name.size()));
  }
  return true;
}

bool IsCalendarWord(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "jan", "feb", "mar",    "apr",     "jun",       "jul",      "aug",    "sep",      "sept",  "oct",
      "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::string lower = text::ToLower(name);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

struct Mention {
  std::string surface;    // as written
  std::string canonical;  // the fullest form in its article
  EntityType type = EntityType::kPerson;
  std::vector<std::string> roles;
  size_t begin = 0, end = 0;  // byte offsets in the article's text as read (title first)
};

class ArticleNames {
 public:
  ArticleNames(std::string_view text, const TaggedText& tagged) : text_(text), tagged_(tagged) {}

  std::vector<Mention> Mentions() const {
    std::vector<Mention> out;
    for (size_t k = 0; k < tagged_.names.size(); ++k) {
      const NameMention& n = tagged_.names[k];
      Mention m;
      m.surface = Text(n.span);
      m.type = n.type;
      m.begin = n.span.begin;
      m.end = n.span.end;
      m.canonical = m.surface;
      if (n.type == EntityType::kPerson) {
        // An honorific or title the tagger took into the name is not the name: "Mr.
        // Teixeira" is looked up as "Teixeira", and "Attorney" of "Attorney Mark Heller" is
        // a role.
        std::string titles;
        m.canonical = std::string(WithoutTitles(m.surface, &titles));
        // The last earlier name holding this one as words (an article's worth back at most).
        for (size_t j = k, looked = 0; j > 0 && looked < kLookBack; --j, ++looked) {
          const NameMention& before = tagged_.names[j - 1];
          if (before.type != EntityType::kPerson) continue;
          std::string ignored;
          const std::string before_text = Text(before.span);  // outlives the view into it
          const std::string_view earlier = WithoutTitles(before_text, &ignored);
          if (HoldsAsWords(earlier, m.canonical) || SkipsMiddle(earlier, m.canonical)) {
            m.canonical = std::string(earlier);
            break;
          }
        }
        if (!titles.empty()) m.roles.push_back(titles);
        Roles(n, &m.roles);
      }
      out.push_back(std::move(m));
    }
    return out;
  }

 private:
  std::string Text(const entities::ByteSpan& s) const { return std::string(text_.substr(s.begin, s.end - s.begin)); }

  // Whether the token is inside a name other than a person's (names are in text order).
  bool InName(const entities::ByteSpan& token) const {
    const auto after = std::upper_bound(tagged_.names.begin(), tagged_.names.end(), token.begin,
                                        [](size_t at, const NameMention& n) { return at < n.span.begin; });
    if (after == tagged_.names.begin()) return false;
    const NameMention& n = *std::prev(after);
    return n.type != EntityType::kPerson && token.end <= n.span.end;
  }

  // Whether the token is inside a person's name.
  bool InPerson(const entities::ByteSpan& token) const {
    const auto after = std::upper_bound(tagged_.names.begin(), tagged_.names.end(), token.begin,
                                        [](size_t at, const NameMention& n) { return at < n.span.begin; });
    if (after == tagged_.names.begin()) return false;
    const NameMention& n = *std::prev(after);
    return n.type == EntityType::kPerson && token.end <= n.span.end;
  }

  static constexpr size_t kLookBack = 500;

  // The role written before the name (titles, lower-case words, other names' words and their
  // possessives: "Biden's special envoy", "senior South Korean diplomat") and the apposition
  // after it between commas.
  void Roles(const NameMention& n, std::vector<std::string>* roles) const {
    const std::vector<entities::ByteSpan>& tokens = tagged_.sentences[n.sentence];
    size_t first = 0;
    while (first < tokens.size() && tokens[first].begin < n.span.begin) ++first;
    size_t last = first;
    while (last < tokens.size() && tokens[last].end <= n.span.end) ++last;  // one past the name
    // Before: read backwards from the name while the words can make a role; the word next to
    // the name must say what the person is ("envoy", "Minister").
    size_t begin = first;
    // A title with the place it serves next to the name ("Special Representative for North
    // Korea Sung Kim"): read on from the title.
    {
      size_t k = first;
      while (k > 0 && first - k < 4 && InName(tokens[k - 1])) --k;
      if (k < first && k >= 2) {
        const std::string joint = Text(tokens[k - 1]);
        const std::string title = Text(tokens[k - 2]);
        if ((joint == "for" || joint == "of" || joint == "to") &&
            (IsTitleWord(title) || (StartsLower(title) && IsRoleNoun(text::ToLower(title))))) {
          begin = k - 2;
        }
      }
    }
    while (begin > 0 && first - begin < 8) {
      const entities::ByteSpan& t = tokens[begin - 1];
      const std::string w = Text(t);
      const std::string lower = text::ToLower(w);
      const bool possessive = w == "'s" || w == "\xE2\x80\x99s";
      const bool role_word = IsTitleWord(w) || (StartsLower(w) && (IsRoleNoun(lower) || IsRoleModifier(lower)));
      if (begin == first ? !(IsTitleWord(w) || (StartsLower(w) && IsRoleNoun(lower))) || IsHonorific(w)
                         : !(role_word || InName(t) || possessive)) {
        break;
      }
      --begin;
    }
    // A role opens on a role word or a name, never on a possessive.
    while (begin < first && (Text(tokens[begin]) == "'s" || Text(tokens[begin]) == "\xE2\x80\x99s")) ++begin;
    if (begin < first) Add(Text({tokens[begin].begin, tokens[first - 1].end}), roles);
    // After: ", ROLE," — a description, not a clause.
    if (last + 1 < tokens.size() && Text(tokens[last]) == ",") {
      size_t end = last + 1;
      bool lower_word = false, clause = false;
      while (end < tokens.size() && end - last <= 12 && Text(tokens[end]) != "," && Text(tokens[end]) != "." &&
             Text(tokens[end]) != ";") {
        const std::string w = Text(tokens[end]);
        const std::string lower = text::ToLower(w);
        if (lower == "who" || lower == "which" || lower == "said" || lower == "says" || lower == "told" ||
            lower == "is" || lower == "was" || lower == "has" || lower == "had" || lower == "and" ||
            InPerson(tokens[end])) {
          clause = true;  // or a list of people ("…, Brandau and Deputy Hoyt Teasley,")
        }
        lower_word = lower_word || IsRoleNoun(lower);
        ++end;
      }
      size_t from = last + 1;
      while (from < end && (Text(tokens[from]) == "the" || Text(tokens[from]) == "a" || Text(tokens[from]) == "an")) {
        ++from;
      }
      // A phrase opening on a preposition says where or how, not who (", in the head,").
      static constexpr std::array<std::string_view, 10> kPrepositions = {"in",   "on", "at", "with", "for",
                                                                         "from", "by", "to", "of",   "after"};
      if (from < end &&
          std::find(kPrepositions.begin(), kPrepositions.end(), Text(tokens[from])) != kPrepositions.end()) {
        clause = true;
      }
      if (!clause && lower_word && end < tokens.size() && end > from && end - from <= 10) {
        Add(Text({tokens[from].begin, tokens[end - 1].end}), roles);
      }
    }
  }

  static void Add(std::string role, std::vector<std::string>* roles) {
    for (const std::string& r : *roles) {
      if (text::ToLower(r) == text::ToLower(role)) return;
    }
    roles->push_back(std::move(role));
  }

  std::string_view text_;
  const TaggedText& tagged_;
};

// A quote's text without its outer quotation marks and trailing comma, pieces joined by " … ".
std::string QuoteText(std::string_view text, const quotes::Attribution& a) {
  std::string out;
  for (const entities::ByteSpan& p : a.content) {
    std::string_view piece = text.substr(p.begin, p.end - p.begin);
    if (a.kind == quotes::AttributionKind::kDirect) {
      for (const std::string_view mark :
           {std::string_view("\xE2\x80\x9C"), std::string_view("\""), std::string_view("''"), std::string_view("``")}) {
        if (piece.starts_with(mark)) {
          piece.remove_prefix(mark.size());
          break;
        }
      }
      for (const std::string_view mark :
           {std::string_view("\xE2\x80\x9D"), std::string_view("\""), std::string_view("''")}) {
        if (piece.ends_with(mark)) {
          piece.remove_suffix(mark.size());
          break;
        }
      }
    }
    while (!piece.empty() && (piece.back() == ',' || piece.back() == ' ')) piece.remove_suffix(1);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    if (piece.empty()) continue;
    if (!out.empty()) out += " \xE2\x80\xA6 ";
    out += piece;
  }
  return out;
}

struct FoundQuote {
  size_t article = 0;
  quotes::AttributionKind kind = quotes::AttributionKind::kDirect;
  std::string text;
  std::string speaker;  // resolved across the story
  std::string speaker_lower;
  claims::ClaimText claim;
};

// Bounds on the quotes compared, pairwise, across a story: a quote's first pieces, and the
// story's first quotes (an article lists its quotes in text order; a story's sample of
// articles is bounded by the caller).
constexpr size_t kMaxPieces = 6;
constexpr size_t kMaxQuoteUnits = 400;

// Whether two speakers (lower-cased) can be one person: the same name, or one a word of the other.
bool SameSpeaker(const std::string& la, const std::string& lb) {
  static constexpr std::array<std::string_view, 6> kPronouns = {"he", "she", "they", "i", "we", "it"};
  if (std::find(kPronouns.begin(), kPronouns.end(), la) != kPronouns.end()) return false;
  return la == lb || HoldsAsWords(la, lb) || HoldsAsWords(lb, la);
}

bool IsPersonalPronoun(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kWords = {"he",   "she",  "him", "his", "her",     "He",
                                                              "She",  "Him",  "His", "Her", "himself", "herself",
                                                              "hers", "Hers", "HE",  "SHE"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Whether byte `at` of `text` is inside a quotation: an odd number of straight double quotes,
// or more opening than closing curly ones, between the start of its line and it.
bool InsideQuotation(std::string_view text, size_t at) {
  const size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::string_view before = text.substr(line == std::string_view::npos ? 0 : line + 1, at);
  size_t straight = 0, opened = 0, closed = 0;
  for (size_t k = 0; k < before.size(); ++k) {
    if (before[k] == '"') ++straight;
    if (before.substr(k, 3) == "\xE2\x80\x9C") ++opened;
    if (before.substr(k, 3) == "\xE2\x80\x9D") ++closed;
  }
  return straight % 2 == 1 || opened > closed;
}

size_t Root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

StoryVoices FindStoryVoices(const std::vector<DigestArticle>& articles, const entities::EntityModel& model,
                            const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                            terms::TermStatistics& statistics, const VoicesOptions& options) {
  StoryVoices voices;
  // Copies repeat their original's names and quotes: only originals (and copies whose
  // original is not in the story) are read.
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < articles.size(); ++i) index_of.emplace(articles[i].id, i);
  // Each article read with its title first: a headline often names in full whom the body
  // opens with ("envoy Sung Kim calls for talks" / "Sung Kim arrived in Seoul").
  std::vector<std::string> texts(articles.size());
  std::vector<size_t> title_bytes(articles.size(), 0);  // where each article's body starts in its text
  std::vector<TaggedText> tagged(articles.size());
  std::vector<bool> read(articles.size(), false);
  for (size_t i = 0; i < articles.size(); ++i) {
    read[i] = !articles[i].copy_of || index_of.count(*articles[i].copy_of) == 0;
    if (!read[i]) continue;
    const bool titled = articles[i].title && !articles[i].title->empty();
    texts[i] = titled ? *articles[i].title + "\n\n" + articles[i].text : articles[i].text;
    title_bytes[i] = titled ? articles[i].title->size() + 2 : 0;
    tagged[i] = entities::TagText(model, texts[i]);
  }

  // 1–2. Entities.
  std::unordered_map<std::string, size_t> entity_of;  // lower-case name → index
  std::vector<StoryEntity> all;
  std::vector<std::vector<size_t>> seen_in;  // per entity, article indexes
  // Entities some body names: a headline in title case ("Israel, Hamas Trade Deadly Rocket
  // Strikes") capitalises words the tagger then takes for names, so a name no body gives is
  // not listed (it still helped tag the bodies).
  std::unordered_set<size_t> in_body;
  std::vector<EntityMention> body_mentions;  // `entity`: the index into `all` for now
  // One name is one kind of thing across the story: the tagger may call "Seth MacFarlane" an
  // organisation in one article and a person in three; every mention takes the type most of
  // the name's mentions have (its own on a tie).
  std::vector<std::vector<Mention>> mentions_of(articles.size());
  std::unordered_map<std::string, std::array<size_t, 4>> types_of;  // lower-case name → count per type
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!read[i]) continue;
    mentions_of[i] = ArticleNames(texts[i], tagged[i]).Mentions();
    for (const Mention& m : mentions_of[i]) ++types_of[text::ToLower(m.canonical)][TypeIndex(m.type)];
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    for (Mention& m : mentions_of[i]) {
      const std::array<size_t, 4>& votes = types_of[text::ToLower(m.canonical)];
      const size_t top = static_cast<size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      if (votes[top] > votes[TypeIndex(m.type)]) m.type = kTypes[top];
      const std::string key = std::string(TypeOrder(m.type)) + text::ToLower(m.canonical);
      auto [it, added] = entity_of.try_emplace(key, all.size());
      if (m.begin >= title_bytes[i]) {
        body_mentions.push_back({i, m.begin - title_bytes[i], m.end - title_bytes[i], it->second});
      }
      if (added) {
        all.push_back({m.canonical, m.type, {}, {}, 0, {}});
        seen_in.emplace_back();
      }
      StoryEntity& e = all[it->second];
      ++e.mentions;
      if (m.surface != e.name && std::find(e.aliases.begin(), e.aliases.end(), m.surface) == e.aliases.end()) {
        e.aliases.push_back(m.surface);
      }
      for (std::string& r : m.roles) {
        if (std::none_of(e.roles.begin(), e.roles.end(),
                         [&](const std::string& x) { return text::ToLower(x) == text::ToLower(r); })) {
          e.roles.push_back(std::move(r));
        }
      }
      if (seen_in[it->second].empty() || seen_in[it->second].back() != i) seen_in[it->second].push_back(i);
      if (m.begin >= title_bytes[i]) in_body.insert(it->second);
    }
  }
  // A person's short name alone in its article joins the story's one longer name holding it.
  std::vector<size_t> joined(all.size());
  std::iota(joined.begin(), joined.end(), 0);
  std::vector<bool> dropped(all.size(), false);
  // A "person" whose every word is a title or an institution ("House Minority Leader") is the
  // tagger's error: it names no one, and no other name joins it.
  for (size_t e = 0; e < all.size(); ++e) {
    if (all[e].type == EntityType::kPerson && OnlyTitles(all[e].name)) dropped[e] = true;
  }
  // (Candidates found through their words, so a story of many names is not compared pairwise.)
  std::unordered_map<std::string, std::vector<size_t>> people_with_word;
  for (size_t f = 0; f < all.size(); ++f) {
    if (all[f].type != EntityType::kPerson || dropped[f]) continue;
    std::string_view rest = all[f].name;
    while (!rest.empty()) {
      const size_t space = std::min(rest.find(' '), rest.size());
      std::vector<size_t>& with = people_with_word[std::string(rest.substr(0, space))];
      if (with.empty() || with.back() != f) with.push_back(f);
      rest.remove_prefix(std::min(space + 1, rest.size()));
    }
  }
  for (size_t e = 0; e < all.size(); ++e) {
    // Who e can be: a person whose name holds e's words ("Kim" of "Sung Kim"; a surname the
    // tagger took for an organisation, "McCarthy") or, for e of two words or more, the one
    // person whose full name e holds with titles around it ("House Nancy Pelosi"). A place is
    // left as it is: "Washington" and "Jordan" are places as often as surnames.
    const EntityType type = all[e].type;
    if (type == EntityType::kLocation || dropped[e]) continue;
    std::vector<size_t> holders;
    std::string_view rest = all[e].name;
    const bool several_words = rest.find(' ') != std::string_view::npos;
    while (!rest.empty()) {
      const size_t space = std::min(rest.find(' '), rest.size());
      const auto with = people_with_word.find(std::string(rest.substr(0, space)));
      rest.remove_prefix(std::min(space + 1, rest.size()));
      if (with == people_with_word.end()) continue;
      for (size_t f : with->second) {
        if (f == e || std::find(holders.begin(), holders.end(), f) != holders.end()) continue;
        const bool part_of = HoldsAsWords(all[f].name, all[e].name) || SkipsMiddle(all[f].name, all[e].name);
        const bool around =
            several_words && all[f].name.find(' ') != std::string::npos && HoldsAsWords(all[e].name, all[f].name);
        if (part_of || around) holders.push_back(f);
      }
    }
    // Of the people held around e's words, the longest name: "Kevin McCarthy" in
    // "Republican House Minority Leader Kevin McCarthy", not "McCarthy".
    if (holders.size() > 1 && several_words) {
      std::erase_if(holders, [&](size_t f) {
        return std::any_of(holders.begin(), holders.end(),
                           [&](size_t g) { return g != f && HoldsAsWords(all[g].name, all[f].name); });
      });
    }
    if (holders.empty()) continue;
    if (holders.size() > 1) {
      dropped[e] = true;
      continue;
    }
    const size_t into = holders.front();
    joined[e] = into;
    StoryEntity& target = all[into];
    target.mentions += all[e].mentions;
    // (A longer form is the name with titles around it, "House Nancy Pelosi": no other name.)
    if (!HoldsAsWords(all[e].name, target.name) &&
        std::find(target.aliases.begin(), target.aliases.end(), all[e].name) == target.aliases.end()) {
      target.aliases.push_back(all[e].name);
    }
    for (const std::string& r : all[e].roles) {
      if (std::find(target.roles.begin(), target.roles.end(), r) == target.roles.end()) target.roles.push_back(r);
    }
    for (size_t a : seen_in[e]) seen_in[into].push_back(a);
    dropped[e] = true;
  }
  std::vector<std::string> name_of(all.size());  // what a speaker of each entity is called
  for (size_t e = 0; e < all.size(); ++e) name_of[e] = joined[e] != e || !dropped[e] ? all[joined[e]].name : "";
  std::vector<size_t> listed;  // indexes into `all`
  for (size_t e = 0; e < all.size(); ++e) {
    if (dropped[e] || in_body.count(e) == 0) continue;
    // A nationality or a people's adjective ("North Korean", "Russian", "Japanese") names no
    // one a reader would look up.
    if (all[e].type == EntityType::kMisc && IsNationalityLike(all[e].name)) continue;
    // Months and days the tagger took for names ("Jan."), and one-off names of one word that
    // are more often its errors than someone a reader would look up.
    if (IsCalendarWord(all[e].name)) continue;
    if (all[e].mentions < 2 && (all[e].type != EntityType::kPerson || all[e].name.find(' ') == std::string::npos)) {
      continue;
    }
    std::sort(seen_in[e].begin(), seen_in[e].end());
    seen_in[e].erase(std::unique(seen_in[e].begin(), seen_in[e].end()), seen_in[e].end());
    for (size_t a : seen_in[e]) all[e].articles.push_back(articles[a].id);
    // A role that is words of a longer one says nothing more ("President" beside "US
    // President").
    std::vector<std::string>& roles = all[e].roles;
    std::vector<std::string> lower_roles;
    lower_roles.reserve(roles.size());
    for (const std::string& r : roles) lower_roles.push_back(text::ToLower(r));
    std::vector<std::string> kept_roles;
    for (size_t r = 0; r < roles.size(); ++r) {
      const bool within = std::any_of(lower_roles.begin(), lower_roles.end(),
                                      [&](const std::string& other) { return HoldsAsWords(other, lower_roles[r]); });
      if (!within) kept_roles.push_back(roles[r]);
    }
    roles = std::move(kept_roles);
    listed.push_back(e);
  }
  std::stable_sort(listed.begin(), listed.end(), [&](size_t x, size_t y) {
    const StoryEntity& a = all[x];
    const StoryEntity& b = all[y];
    const bool pa = a.type == EntityType::kPerson || a.type == EntityType::kOrganization;
    const bool pb = b.type == EntityType::kPerson || b.type == EntityType::kOrganization;
    if (pa != pb) return pa;
    return a.mentions > b.mentions;
  });
  if (listed.size() > options.max_entities) listed.resize(options.max_entities);
  constexpr size_t kUnlisted = std::numeric_limits<size_t>::max();
  std::vector<size_t> listed_as(all.size(), kUnlisted);
  for (size_t e : listed) {
    listed_as[e] = voices.entities.size();
    voices.entities.push_back(all[e]);
  }
  // A personal pronoun ("he", "her") outside quotations is the person named last before it in
  // its article — the nearest antecedent, as the quote speakers are resolved; names give no
  // gender, so "she" after two people is the second whoever she is. Only for the mention
  // list: entity counts and aliases are names'.
  {
    std::vector<EntityMention> pronouns;
    size_t next = 0;  // the first body mention of the article
    for (size_t i = 0; i < articles.size(); ++i) {
      const size_t first = next;
      while (next < body_mentions.size() && body_mentions[next].article == i) ++next;
      if (first == next) continue;
      const std::string_view text = texts[i];
      size_t after = first;  // the first mention not before the token
      for (const std::vector<entities::ByteSpan>& sentence : tagged[i].sentences) {
        for (const entities::ByteSpan& t : sentence) {
          if (t.begin < title_bytes[i] || !IsPersonalPronoun(text.substr(t.begin, t.end - t.begin)) ||
              InsideQuotation(text, t.begin)) {
            continue;
          }
          const size_t begin = t.begin - title_bytes[i];
          while (after < next && body_mentions[after].begin < begin) ++after;
          // The last person mention before it (mentions are in text order), a few names back
          // at most.
          for (size_t k = after, looked = 0; k > first && looked < 20; --k, ++looked) {
            const EntityMention& m = body_mentions[k - 1];
            if (all[m.entity].type != EntityType::kPerson) continue;
            pronouns.push_back({i, begin, t.end - title_bytes[i], m.entity, true});
            break;
          }
        }
      }
    }
    body_mentions.insert(body_mentions.end(), pronouns.begin(), pronouns.end());
    std::stable_sort(body_mentions.begin(), body_mentions.end(), [](const EntityMention& a, const EntityMention& b) {
      return a.article != b.article ? a.article < b.article : a.begin < b.begin;
    });
  }
  // Each body mention under the entity it ended in (a short name joined to a longer one that
  // was itself joined follows the chain), if that entity is listed.
  for (EntityMention& m : body_mentions) {
    size_t e = m.entity;
    for (size_t hops = 0; joined[e] != e && hops < all.size(); ++hops) e = joined[e];
    if (listed_as[e] == kUnlisted) continue;
    m.entity = listed_as[e];
    voices.mentions.push_back(m);
  }

  // The story's name for a speaker: the person entity it is, else as written.
  auto story_name = [&](const std::string& speaker) {
    const auto it = entity_of.find(std::string(TypeOrder(EntityType::kPerson)) + text::ToLower(speaker));
    if (it == entity_of.end() || name_of[it->second].empty()) return speaker;
    return name_of[it->second];
  };

  // 3. Quotes.
  std::vector<FoundQuote> found;
  text::TextAnalyzer analyzer;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!read[i]) continue;
    size_t kept = 0;
    for (const quotes::Attribution& a : quotes::FindAttributions(texts[i], tagged[i])) {
      if (a.speaker_name.empty() || kept == options.max_quotes * 2) continue;
      // Reported speech only from a person the article names.
      if (a.kind == quotes::AttributionKind::kIndirect &&
          entity_of.count(std::string(TypeOrder(EntityType::kPerson)) + text::ToLower(a.speaker_name)) == 0) {
        continue;
      }
      // A speaker a reader can place: a name, or a description as a title ("The PM"); not a
      // pronoun the quote finder could not resolve ("she") nor a clause it took for one ("who
      // has led backbench calls for her to go"). Without one the quote is not listed.
      const std::string speaker = story_name(a.speaker_name);
      if (IsPersonalPronoun(speaker) || !std::isupper(static_cast<unsigned char>(speaker.front()))) continue;
      // Each piece of a quote split by its attribution is matched on its own: another source
      // may run the pieces together, or report one only.
      std::vector<quotes::Attribution> units;
      if (a.kind == quotes::AttributionKind::kDirect) {
        for (const entities::ByteSpan& piece : a.content) {
          if (units.size() == kMaxPieces) break;
          quotes::Attribution unit = a;
          unit.content = {piece};
          units.push_back(std::move(unit));
        }
      } else {
        units.push_back(a);
      }
      for (const quotes::Attribution& unit : units) {
        if (found.size() == kMaxQuoteUnits) break;
        FoundQuote q;
        q.article = i;
        q.kind = unit.kind;
        q.text = QuoteText(texts[i], unit);
        if (q.text.empty()) continue;
        q.speaker = speaker;
        q.speaker_lower = text::ToLower(q.speaker);
        q.claim = claims::BuildClaimText(analyzer.Analyze(q.text), statistics, claims.synonyms.get());
        found.push_back(std::move(q));
      }
      ++kept;
    }
  }
  std::vector<size_t> parent(found.size());
  std::iota(parent.begin(), parent.end(), 0);
  // A quote is said once per article: two groups holding the same article stay apart (the
  // article's two quotes are two things said, however close).
  std::vector<std::vector<size_t>> group_articles(found.size());
  for (size_t x = 0; x < found.size(); ++x) group_articles[x] = {found[x].article};
  auto states = [&](const FoundQuote& x, const FoundQuote& y) {
    for (const claims::ClaimSentence& s : x.claim.sentences) {
      if (claims::JudgeSupport(claims.model, s, y.claim, matcher).level == claims::SupportLevel::kYes) return true;
    }
    return false;
  };
  for (size_t x = 0; x < found.size(); ++x) {
    for (size_t y = x + 1; y < found.size(); ++y) {
      if (found[x].article == found[y].article || !SameSpeaker(found[x].speaker_lower, found[y].speaker_lower))
        continue;
      if (Root(parent, x) == Root(parent, y)) continue;
      const size_t rx = Root(parent, x), ry = Root(parent, y);
      const std::vector<size_t>& ax = group_articles[rx];
      const std::vector<size_t>& ay = group_articles[ry];
      if (std::any_of(ay.begin(), ay.end(), [&](size_t a) { return std::find(ax.begin(), ax.end(), a) != ax.end(); })) {
        continue;
      }
      if (states(found[x], found[y]) || states(found[y], found[x])) {
        parent[ry] = rx;
        group_articles[rx].insert(group_articles[rx].end(), ay.begin(), ay.end());
      }
    }
  }
  std::unordered_map<size_t, size_t> group_of;  // root → index into voices.quotes
  std::vector<size_t> first_seen;
  for (size_t x = 0; x < found.size(); ++x) {
    const size_t root = Root(parent, x);
    auto [it, added] = group_of.try_emplace(root, voices.quotes.size());
    if (added) {
      voices.quotes.push_back({found[x].kind, found[x].text, found[x].speaker, {}});
      first_seen.push_back(x);
    }
    StoryQuote& q = voices.quotes[it->second];
    if (found[x].kind == quotes::AttributionKind::kDirect) q.kind = quotes::AttributionKind::kDirect;
    if (found[x].speaker.size() > q.speaker.size()) q.speaker = found[x].speaker;
    const std::string& id = articles[found[x].article].id;
    if (std::none_of(q.variants.begin(), q.variants.end(), [&](const QuoteVariant& v) { return v.article == id; })) {
      q.variants.push_back({id, found[x].text});
    }
  }
  // An article quoting a person names them, even where the tagger missed the name.
  for (const StoryQuote& q : voices.quotes) {
    for (StoryEntity& e : voices.entities) {
      if (e.type != EntityType::kPerson || e.name != q.speaker) continue;
      for (const QuoteVariant& v : q.variants) {
        if (std::find(e.articles.begin(), e.articles.end(), v.article) == e.articles.end())
          e.articles.push_back(v.article);
      }
      std::sort(e.articles.begin(), e.articles.end(),
                [&](const std::string& a, const std::string& b) { return index_of.at(a) < index_of.at(b); });
    }
  }
  std::vector<size_t> order(voices.quotes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& qa = voices.quotes[a];
    const auto& qb = voices.quotes[b];
    if (qa.variants.size() != qb.variants.size()) return qa.variants.size() > qb.variants.size();
    if (qa.kind != qb.kind) return qa.kind == quotes::AttributionKind::kDirect;
    return first_seen[a] < first_seen[b];
  });
  std::vector<StoryQuote> sorted;
  for (size_t k : order) {
    if (sorted.size() == options.max_quotes) break;
    sorted.push_back(std::move(voices.quotes[k]));
  }
  voices.quotes = std::move(sorted);
  return voices;
}

}  // namespace storydesk::digest
