#include "adapters/synth/synthetic_stream.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "storydesk/time/published_time.h"

namespace storydesk::synth {
namespace {

constexpr const char* kConsonants[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh"};
constexpr const char* kVowels[] = {"a", "e", "i", "o", "u", "ai", "ou"};
// English function words give the text the shape sentence splitting, stop words and name
// finding expect; the content words are all made up.
constexpr const char* kFunctionWords[] = {
    "the",  "of",   "and",  "to",    "in",    "a",    "that", "for",   "on",   "with",  "as",   "was",  "is",
    "by",   "at",   "from", "his",   "her",   "it",   "an",   "were",  "are",  "which", "this", "be",   "has",
    "had",  "not",  "but",  "they",  "their", "have", "been", "after", "over", "more",  "its",  "also", "into",
    "when", "than", "who",  "about", "would", "will", "said", "there", "some", "could", "all",  "two",  "new"};
constexpr const char* kReportingVerbs[] = {"said", "told reporters", "added", "wrote", "said in a statement"};
constexpr const char* kOutletForms[] = {"The {} Herald", "{} Daily", "The {} Post", "{} Ledger",   "{} Courier",
                                        "The {} Times",  "{} Today", "{} Tribune",  "{} Observer", "{} Gazette"};
constexpr const char* kWireServices[] = {"Continental Wire", "Global Press Service", "Harbor News Agency"};

// Splitmix64 (Steele et al. 2014): expands the seed into xoshiro's state.
uint64_t SplitMix(uint64_t* x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Cumulative Zipf weights 1/rank^s over n ranks, normalised to end at 1.
std::vector<double> ZipfCumulative(size_t n, double s) {
  std::vector<double> c(n);
  double total = 0;
  for (size_t i = 0; i < n; ++i) c[i] = total += 1.0 / std::pow(static_cast<double>(i + 1), s);
  for (double& v : c) v /= total;
  return c;
}

std::string Replace(std::string form, const std::string& value) {
  const size_t at = form.find("{}");
  return form.replace(at, 2, value);
}

// Fields in the order written (the records read as a reader expects them, and the same bytes
// every time), nulls where absent.
nlohmann::ordered_json Optional(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

std::string Timestamp(int64_t seconds) {
  const int64_t in_day = ((seconds % 86400) + 86400) % 86400;
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return timeutil::FormatDate(seconds) + clock;
}

}  // namespace

SyntheticStream::SyntheticStream(const SyntheticSettings& settings) : settings_(settings) {
  uint64_t x = settings.seed;
  for (uint64_t& s : state_) s = SplitMix(&x);
  // Vocabularies, distinct words each; sizes of a mid-sized newsroom's month.
  std::unordered_set<std::string> seen;
  auto distinct = [&](size_t n, int min_syl, int max_syl, std::vector<std::string>* into) {
    while (into->size() < n) {
      std::string w = Word(min_syl, max_syl);
      if (seen.insert(w).second) into->push_back(std::move(w));
    }
  };
  distinct(20000, 1, 3, &common_);
  distinct(200000, 2, 4, &topic_pool_);
  std::vector<std::string> surnames;
  distinct(5000, 2, 3, &surnames);
  for (const std::string& s : surnames) public_figures_.push_back(Capitalised(Word(1, 2)) + " " + Capitalised(s));
  std::vector<std::string> places;
  distinct(400, 2, 3, &places);
  for (const std::string& p : places) places_.push_back(Capitalised(p));
  for (int i = 0; i < 60; ++i) {
    outlets_.push_back(Replace(kOutletForms[Below(std::size(kOutletForms))], places_[Below(places_.size())]));
  }
  common_cdf_ = ZipfCumulative(common_.size(), 1.0);
  topic_cdf_ = ZipfCumulative(topic_pool_.size(), 0.9);
}

// xoshiro256** (Blackman & Vigna 2018).
uint64_t SyntheticStream::Random() {
  const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

double SyntheticStream::Uniform() { return static_cast<double>(Random() >> 11) * 0x1.0p-53; }

uint64_t SyntheticStream::Below(uint64_t n) { return n == 0 ? 0 : Random() % n; }

std::string SyntheticStream::Word(int min_syllables, int max_syllables) {
  const int choices = max_syllables - min_syllables + 1;
  const int n = min_syllables + static_cast<int>(Below(static_cast<uint64_t>(choices)));
  std::string w;
  for (int i = 0; i < n; ++i) {
    w += kConsonants[Below(std::size(kConsonants))];
    w += kVowels[Below(std::size(kVowels))];
  }
  if (Below(3) == 0) w += kConsonants[Below(std::size(kConsonants))];
  return w;
}

std::string SyntheticStream::Capitalised(std::string word) const {
  if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

size_t SyntheticStream::Zipf(const std::vector<double>& cumulative) {
  const double u = Uniform();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
  return std::min(static_cast<size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

SyntheticStream::Story SyntheticStream::NewStory(int64_t now) {
  Story s;
  s.number = ++stories_made_;
  // Lifetime: mostly a day or two, some a week (a storyline).
  s.ends = now + static_cast<int64_t>(3600.0 * (6 + std::min(162.0, -36.0 * std::log(1.0 - Uniform()))));
  // Articles: geometric with mean ~5, and one story in 50 a big one of 50–300.
  s.remaining = 1;
  while (Uniform() < 0.8 && s.remaining < 40) ++s.remaining;
  if (Below(50) == 0) s.remaining = 50 + static_cast<int>(Below(251));
  if (!active_.empty() && Uniform() < 0.3) {
    // A related story: a new event with a person, the place and a few words of a running one
    // (the same minister, another decision) — a different story that grouping must keep apart.
    const Story& related = active_[Below(active_.size())];
    s.names = {related.names[0]};
    s.topic.assign(related.topic.begin(), related.topic.begin() + 8);
    s.place = related.place;
  } else {
    s.place = places_[Below(places_.size())];
  }
  while (s.names.size() < 4) {
    s.names.push_back(s.names.size() % 2 == 0 ? Capitalised(Word(1, 2)) + " " + Capitalised(Word(2, 3))
                                              : public_figures_[Zipf(common_cdf_) % public_figures_.size()]);
  }
  while (s.topic.size() < 30) s.topic.push_back(static_cast<uint32_t>(Zipf(topic_cdf_)));
  return s;
}

std::string SyntheticStream::Number() {
  switch (Below(4)) {
    case 0:
      return std::to_string(2 + Below(98));
    case 1:
      return std::to_string(1 + Below(99)) + "," + std::to_string(100 + Below(900));
    case 2:
      return std::to_string(1 + Below(99)) + " percent";
    default:
      return std::to_string(1990 + Below(41));
  }
}

std::string SyntheticStream::Sentence(const Story& story) {
  const int length = 10 + static_cast<int>(Below(15));
  const int name_at = Uniform() < 0.6 ? static_cast<int>(Below(static_cast<uint64_t>(length))) : -1;
  std::string s;
  for (int i = 0; i < length; ++i) {
    if (!s.empty()) s += ' ';
    if (i == name_at) {
      s += story.names[Below(story.names.size())];
      continue;
    }
    const double u = Uniform();
    if (u < 0.38) {
      s += kFunctionWords[Below(std::size(kFunctionWords))];
    } else if (u < 0.63) {
      s += topic_pool_[story.topic[Below(story.topic.size())]];
    } else if (u < 0.97) {
      s += common_[Zipf(common_cdf_)];
    } else {
      s += Number();
    }
  }
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  if (Uniform() < 0.12) {
    // A quote: "…," Name said.
    return "\"" + s + ",\" " + story.names[Below(story.names.size())] + " " +
           kReportingVerbs[Below(std::size(kReportingVerbs))] + ".";
  }
  return s + ".";
}

std::string SyntheticStream::Body(const Story& story, const std::string& source) {
  std::string text;
  if (Uniform() < 0.25) text = story.place + " (" + source + ") — ";
  const int sentences = 8 + static_cast<int>(Below(11));
  for (int i = 0; i < sentences; ++i) {
    if (i > 0) text += (i % 3 == 0) ? "\n\n" : " ";
    text += Sentence(story);
  }
  return text;
}

std::string SyntheticStream::Title(const Story& story) {
  std::string t = story.names[Below(story.names.size())];
  const int words = 4 + static_cast<int>(Below(5));
  for (int i = 0; i < words; ++i) {
    t += ' ';
    t += Uniform() < 0.3 ? kFunctionWords[Below(std::size(kFunctionWords))]
                         : topic_pool_[story.topic[Below(story.topic.size())]];
  }
  return t;
}

std::string SyntheticStream::NearCopy(const std::string& text) {
  // A few words replaced (about one in 60, so that about 90% of the 5-word shingles stay and
  // the Jaccard similarity is ~0.8, a near copy by the engine's definition): what an outlet's
  // copy desk does to a wire story.
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) {
      const bool lower = std::islower(static_cast<unsigned char>(text[i]));
      std::string replacement = (lower && Below(60) == 0) ? common_[Zipf(common_cdf_)] : "";
      if (!replacement.empty() && replacement == text.substr(i, j - i)) replacement += "s";
      if (!replacement.empty()) {
        out += replacement;
        changed = true;
      } else {
        out.append(text, i, j - i);
      }
      i = j;
    } else {
      out.push_back(text[i++]);
    }
  }
  // A near copy always differs: when no word was replaced, a closing sentence is added.
  if (!changed) out += " " + Capitalised(common_[Zipf(common_cdf_)]) + " " + kFunctionWords[Below(5)] + ".";
  return out;
}

bool SyntheticStream::Next(SyntheticArticle* out) {
  if (made_ >= settings_.articles) return false;
  const uint64_t i = made_++;
  const int64_t span = static_cast<int64_t>(settings_.days) * 86400;
  // i < 10^9 and span < 36,500 days: the product fits 63 bits.
  const int64_t now = settings_.start + static_cast<int64_t>(i * static_cast<uint64_t>(span) / settings_.articles);
  // Stories past their time or their articles leave.
  std::erase_if(active_, [now](const Story& s) { return s.ends < now || s.remaining <= 0; });
  if (active_.empty() || Uniform() < settings_.new_story_share) active_.push_back(NewStory(now));
  // Newer stories take more of the articles: the pick leans to the back of the list.
  const double u = Uniform();
  const size_t pick = active_.size() - 1 - static_cast<size_t>(static_cast<double>(active_.size()) * u * u);
  Story& story = active_[std::min(pick, active_.size() - 1)];
  --story.remaining;

  char id[32];
  std::snprintf(id, sizeof id, "syn%09llu", static_cast<unsigned long long>(i));
  *out = SyntheticArticle{};
  out->id = id;
  out->published = now;
  out->story = "st" + std::to_string(story.number);
  const bool wire = story.kept.empty() && Below(3) == 0;
  out->source = wire ? kWireServices[Below(std::size(kWireServices))] : outlets_[Below(outlets_.size())];
  std::string host;
  for (const char c : out->source) {
    if (std::isalpha(static_cast<unsigned char>(c))) host.push_back(static_cast<char>(std::tolower(c)));
  }
  out->url = "https://" + host + ".example/" + out->id;

  if (!story.kept.empty() && Uniform() < settings_.copy_share / (1.0 - settings_.new_story_share)) {
    const Story::Kept& from = story.kept[Below(story.kept.size())];
    out->copied_from = from.id;
    out->original = from.original;
    const double kind = Uniform();
    if (kind < 0.3) {
      out->relation = "exact";
      out->title = from.title;
      out->text = from.text;
    } else if (kind < 0.7) {
      out->relation = "near";
      out->title = Title(story);
      out->text = NearCopy(from.text);
    } else {
      out->relation = "excerpt";
      out->title = from.title;
      // The sentences up to 40–70% of the text, and at least one sentence fewer than it has.
      const size_t keep = from.text.size() * (40 + Below(31)) / 100;
      size_t cut = from.text.find(". ", keep);
      if (cut == std::string::npos) cut = from.text.rfind(". ", keep);
      if (cut == std::string::npos) cut = from.text.size() / 2;
      out->text = from.text.substr(0, cut + 1);
    }
    if (*out->relation != "exact") {
      if (story.kept.size() < 2) {
        story.kept.push_back({out->id, *out->original, out->title, out->text});
      } else {
        story.kept[1] = {out->id, *out->original, out->title, out->text};
      }
    }
  } else {
    out->title = Title(story);
    out->text = Body(story, out->source);
    if (story.kept.empty()) story.kept.push_back({out->id, out->id, out->title, out->text});
  }
  return true;
}

std::string ArticleJson(const SyntheticArticle& a) {
  return nlohmann::ordered_json{{"id", a.id},       {"source", a.source},
                                {"url", a.url},     {"published", Timestamp(a.published)},
                                {"title", a.title}, {"text", a.text}}
      .dump();
}

std::string GoldJson(const SyntheticArticle& a) {
  return nlohmann::ordered_json{{"id", a.id},
                                {"story", a.story},
                                {"copied_from", Optional(a.copied_from)},
                                {"original", Optional(a.original)},
                                {"relation", Optional(a.relation)}}
      .dump();
}

}  // namespace storydesk::synth
