// Planted-copy measurement of copy detection, and unit tests of the copy generator it uses.
//
// Why: copy detection needs recall on the copies outlets really publish (excerpts, trims,
// re-orderings, light rewrites, machine-translation round trips), not only on identical texts,
// and hand-labelled copy pairs are scarce. So we plant them: from real multi-outlet news
// (../shared/data/multinews-dev, read at run time, never copied into the repo) we make one copy
// of every kind (planted_copies.h) per original and feed the engine every article of the set
// (the originals, and the other outlets' reports of the same stories, which are the distractors)
// and then the copies, a day later. The engine must flag each copy with its own original, and
// flag almost nothing else. The targets are the "done when" for copy detection.
#include "planted_copies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/wordnet/wordnet_synonyms.h"
#include "core/text/sentences.h"
#include "storydesk/copies/rewrite_model.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/story_engine.h"
#include "storydesk/text/normalize.h"

namespace storydesk::planted {
namespace {

// ---------------------------------------------------------------------------------------------
// The generator, on a text of our own and a hand-made synonym table (no WordNet needed).

constexpr char kOwnArticle[] =
    "The town council of Millbrook voted on Tuesday to rebuild the old river bridge. The vote followed "
    "three months of public meetings. Engineers had warned that the structure was unsafe for heavy "
    "trucks.\n\n"
    "Mayor Elena Ruiz said the project would cost about 4 million dollars. The state will cover half of "
    "the expense. The rest will come from a local bond approved last spring.\n\n"
    "Work is expected to begin in early summer. Drivers will use a temporary crossing near the mill during "
    "construction. The council plans to finish the bridge before the next winter. Residents can follow the "
    "progress on the town website.";

SynonymMap OwnSynonyms() {
  return {{"council", {"board"}},
          {"rebuild", {"reconstruct"}},
          {"bridge", {"span"}},
          {"public", {"open"}},
          {"structure", {"construction"}},
          {"heavy", {"weighty"}},
          {"trucks", {"lorries"}},
          {"engineers", {"technologists"}},
          {"project", {"undertaking"}},
          {"cost", {"price", "toll"}},
          {"expense", {"disbursal"}},
          {"work", {"labor"}},
          {"early", {"former"}},
          {"temporary", {"impermanent"}},
          {"crossing", {"crossover"}},
          {"finish", {"complete", "end"}},
          {"residents", {"occupants"}},
          {"progress", {"advance"}},
          {"drivers", {"motorists"}},
          {"winter", {"wintertime"}},
          {"summer", {"summertime"}},
          {"ruiz", {"nobody"}}};  // a name: must never be replaced
}

RawArticle OwnOriginal() {
  RawArticle a;
  a.id = "own-1";
  a.source = "Millbrook Gazette";
  a.published = "2021-03-04";
  a.published_at = 1614816000;
  a.text = kOwnArticle;
  return a;
}

std::vector<std::string> Tokens(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  return tokens;
}

std::vector<std::string> Sentences(const std::string& text) {
  const std::string normalized = text::Normalize(text);
  std::vector<std::string> sentences;
  for (const text::SentenceSpan& s : text::SplitSentences(normalized)) {
    sentences.push_back(normalized.substr(s.begin, s.end - s.begin));
  }
  return sentences;
}

std::string LettersLowered(const std::string& token) {
  std::string letters;
  for (const char c : token) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters += static_cast<char>(c | 0x20);
  }
  return letters;
}

TEST(PlantCopyTest, SameSeedGivesTheSameCopyAndAnotherSeedAnotherOne) {
  const SynonymMap synonyms = OwnSynonyms();
  for (const PlantedKind kind : kAllPlantedKinds) {
    const RawArticle a = PlantCopy(OwnOriginal(), kind, synonyms, 7);
    const RawArticle b = PlantCopy(OwnOriginal(), kind, synonyms, 7);
    EXPECT_EQ(a.id, b.id) << PlantedKindName(kind);
    EXPECT_EQ(a.text, b.text) << PlantedKindName(kind);
    EXPECT_EQ(a.title, b.title) << PlantedKindName(kind);
  }
  EXPECT_NE(PlantCopy(OwnOriginal(), PlantedKind::kSubstituted, synonyms, 7).text,
            PlantCopy(OwnOriginal(), PlantedKind::kSubstituted, synonyms, 8).text);
}

TEST(PlantCopyTest, EveryCopyIsANewArticleFromAnotherSourceADayLater) {
  std::set<std::string> ids;
  for (const PlantedKind kind : kAllPlantedKinds) {
    const RawArticle copy = PlantCopy(OwnOriginal(), kind, OwnSynonyms(), 1);
    EXPECT_NE(copy.id, "own-1");
    ids.insert(copy.id);
    EXPECT_NE(copy.source, OwnOriginal().source);
    EXPECT_EQ(copy.published, "2021-03-05");
    EXPECT_EQ(copy.published_at, 1614816000 + 24 * 3600);
    EXPECT_FALSE(copy.text.empty());
  }
  EXPECT_EQ(ids.size(), kAllPlantedKinds.size());
}

TEST(PlantCopyTest, ExactAndReheadlinedKeepTheBody) {
  const RawArticle exact = PlantCopy(OwnOriginal(), PlantedKind::kExact, OwnSynonyms(), 1);
  const RawArticle reheadlined = PlantCopy(OwnOriginal(), PlantedKind::kReheadlined, OwnSynonyms(), 1);
  EXPECT_EQ(exact.text, kOwnArticle);
  EXPECT_EQ(exact.title, std::nullopt);
  EXPECT_EQ(reheadlined.text, kOwnArticle);
  ASSERT_TRUE(reheadlined.title.has_value());
  EXPECT_FALSE(reheadlined.title->empty());
}

TEST(PlantCopyTest, ExcerptIsALeadPrefixOfThirtyToFiftyPercentOfTheSentences) {
  const std::string normalized = text::Normalize(kOwnArticle);
  const size_t n = Sentences(kOwnArticle).size();
  ASSERT_EQ(n, 10u);
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const RawArticle excerpt = PlantCopy(OwnOriginal(), PlantedKind::kExcerpt, OwnSynonyms(), seed);
    EXPECT_TRUE(normalized.starts_with(excerpt.text)) << excerpt.text;
    const size_t kept = Sentences(excerpt.text).size();
    EXPECT_GE(kept, 3u);
    EXPECT_LE(kept, 5u);
  }
}

TEST(PlantCopyTest, TrimmedDropsTheLastTwentyToThirtyFivePercentOfTheSentences) {
  const std::string normalized = text::Normalize(kOwnArticle);
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const RawArticle trimmed = PlantCopy(OwnOriginal(), PlantedKind::kTrimmed, OwnSynonyms(), seed);
    EXPECT_TRUE(normalized.starts_with(trimmed.text)) << trimmed.text;
    const size_t kept = Sentences(trimmed.text).size();
    EXPECT_GE(kept, 6u);
    EXPECT_LE(kept, 8u);
  }
}

TEST(PlantCopyTest, SubstitutedReplacesFifteenToTwentyFivePercentOfContentWordsWithSynonyms) {
  const SynonymMap synonyms = OwnSynonyms();
  const std::vector<std::string> before = Tokens(kOwnArticle);
  size_t eligible = 0;
  for (const std::string& token : before)
    eligible += LettersLowered(token) != "ruiz" && synonyms.count(LettersLowered(token));
  ASSERT_GE(eligible, 20u);
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const RawArticle copy = PlantCopy(OwnOriginal(), PlantedKind::kSubstituted, synonyms, seed);
    const std::vector<std::string> after = Tokens(copy.text);
    ASSERT_EQ(after.size(), before.size()) << copy.text;
    size_t changed = 0;
    for (size_t i = 0; i < before.size(); ++i) {
      if (before[i] == after[i]) continue;
      ++changed;
      const std::vector<std::string>& options = synonyms.at(LettersLowered(before[i]));
      EXPECT_NE(std::find(options.begin(), options.end(), LettersLowered(after[i])), options.end())
          << before[i] << " -> " << after[i];
      EXPECT_EQ(std::isupper(static_cast<unsigned char>(before[i][0])) != 0,
                std::isupper(static_cast<unsigned char>(after[i][0])) != 0)
          << before[i] << " -> " << after[i];
    }
    EXPECT_GE(changed, static_cast<size_t>(0.15 * eligible));
    EXPECT_LE(changed, static_cast<size_t>(0.25 * eligible + 1));
    EXPECT_EQ(copy.text.find("Nobody"), std::string::npos) << "a name was replaced";
  }
}

TEST(PlantCopyTest, ReorderedKeepsEverySentenceAndChangesTheOrder) {
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const RawArticle copy = PlantCopy(OwnOriginal(), PlantedKind::kReordered, OwnSynonyms(), seed);
    std::vector<std::string> before = Sentences(kOwnArticle), after = Sentences(copy.text);
    EXPECT_NE(before, after);
    EXPECT_EQ(before.front(), after.front()) << "the lead stays";
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    EXPECT_EQ(before, after);
  }
}

TEST(PlantCopyTest, MergedJoinsAboutAThirdOfTheSentencePairs) {
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const RawArticle copy = PlantCopy(OwnOriginal(), PlantedKind::kMerged, OwnSynonyms(), seed);
    // 9 pairs, a third of them joined: 3 fewer sentences.
    EXPECT_EQ(Sentences(copy.text).size(), 7u) << copy.text;
    EXPECT_TRUE(copy.text.find(", and ") != std::string::npos || copy.text.find("; ") != std::string::npos);
    EXPECT_EQ(copy.text.find(", and mayor"), std::string::npos) << "a name was lower-cased";
    EXPECT_EQ(copy.text.find("; mayor"), std::string::npos) << "a name was lower-cased";
  }
}

TEST(PlantCopyTest, RoundtripDropsASentenceSubstitutesAndMerges) {
  const RawArticle copy = PlantCopy(OwnOriginal(), PlantedKind::kRoundtrip, OwnSynonyms(), 3);
  EXPECT_LT(Sentences(copy.text).size(), 9u);
  EXPECT_LT(Tokens(copy.text).size(), Tokens(kOwnArticle).size());
  EXPECT_NE(copy.text, text::Normalize(kOwnArticle));
}

// ---------------------------------------------------------------------------------------------
// The WordNet table the measurement uses.

TEST(WordNetSynonymsTest, FirstSenseLemmasOfContentWords) {
  const Result<SynonymMap> loaded = LoadWordNetSynonyms();
  if (!loaded.ok()) GTEST_SKIP() << loaded.status().message();
  const SynonymMap& synonyms = loaded.value();
  EXPECT_GT(synonyms.size(), 10000u);
  ASSERT_TRUE(synonyms.count("big"));  // adjective, first sense {large, big}
  EXPECT_EQ(synonyms.at("big"), std::vector<std::string>{"large"});
  EXPECT_FALSE(synonyms.count("the"));
  EXPECT_FALSE(synonyms.count("have")) << "stop words are not content words";
  for (const auto& [word, others] : synonyms) {
    ASSERT_FALSE(others.empty()) << word;
    for (const std::string& other : others) {
      ASSERT_NE(other, word);
      ASSERT_TRUE(std::all_of(other.begin(), other.end(), [](char c) { return c >= 'a' && c <= 'z'; })) << other;
    }
  }
}

TEST(WordNetSynonymsTest, MissingDatabaseIsAClearError) {
  const Result<SynonymMap> loaded = LoadWordNetSynonyms("/nonexistent/wordnet");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), ErrorCode::kIo);
  EXPECT_NE(loaded.status().message().find("apt-get install wordnet-base"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The measurement.

const std::filesystem::path kMultiNews = std::filesystem::path(STORYDESK_SHARED_DIR) / "data" / "multinews-dev";
constexpr uint64_t kSeed = 2020;
constexpr int64_t kStreamDay = 1577836800;  // 2020-01-01T00:00:00Z; the copies come a day later
constexpr size_t kMaxOriginals = 150;
constexpr size_t kMinSentences = 8;
constexpr size_t kMinWords = 150;
constexpr size_t kMaxFalsePositivesShown = 20;

std::vector<nlohmann::json> ReadJsonLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

std::optional<std::string> OptionalString(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}

RawArticle ArticleFromJson(const nlohmann::json& j) {
  RawArticle a;
  a.id = j.at("id").get<std::string>();
  a.source = OptionalString(j, "source");
  a.url = OptionalString(j, "url");
  a.title = OptionalString(j, "title");
  a.text = j.at("text").get<std::string>();
  a.published = "2020-01-01";
  a.published_at = kStreamDay;
  a.verbatim = j.dump();
  a.origin = "multinews-dev/articles.jsonl";
  return a;
}

size_t WordCount(const std::string& text) {
  size_t words = 0;
  for (const std::string& token : Tokens(text)) {
    words +=
        std::any_of(token.begin(), token.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  }
  return words;
}

// Originals spread across stories: round robin over the stories in order of first appearance,
// each turn taking a story's next long enough article, until kMaxOriginals.
std::vector<size_t> PickOriginals(const std::vector<RawArticle>& articles,
                                  const std::unordered_map<std::string, std::string>& story_of) {
  std::vector<std::string> story_order;
  std::map<std::string, std::vector<size_t>> eligible_by_story;
  for (size_t i = 0; i < articles.size(); ++i) {
    const auto it = story_of.find(articles[i].id);
    const std::string story = it == story_of.end() ? articles[i].id : it->second;
    if (!eligible_by_story.count(story)) story_order.push_back(story);
    auto& eligible = eligible_by_story[story];
    if (Sentences(articles[i].text).size() >= kMinSentences && WordCount(articles[i].text) >= kMinWords) {
      eligible.push_back(i);
    }
  }
  std::vector<size_t> picked;
  for (size_t round = 0; picked.size() < kMaxOriginals; ++round) {
    bool any = false;
    for (const std::string& story : story_order) {
      const auto& eligible = eligible_by_story[story];
      if (round >= eligible.size() || picked.size() == kMaxOriginals) continue;
      picked.push_back(eligible[round]);
      any = true;
    }
    if (!any) break;
  }
  std::sort(picked.begin(), picked.end());
  return picked;
}

// The first `chars` bytes of `text` with whitespace runs as one space, cut at a UTF-8
// character boundary.
std::string Snippet(const std::string& text, size_t chars = 80) {
  std::string flat;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (flat.empty() || flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  size_t end = std::min(chars, flat.size());
  while (end > 0 && end < flat.size() && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80) --end;
  return flat.substr(0, end);
}

std::string Fixed(double x, int digits = 3) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}

constexpr std::array<const char*, 5> kLabels = {"exact", "near", "excerpt", "rewrite", "none"};

// What happened to the planted copies of one kind.
struct KindTally {
  size_t planted = 0;
  size_t correct = 0;                    // flagged with their own original
  size_t wrong_original = 0;             // flagged, but as a copy of another article
  std::map<std::string, size_t> labels;  // relation, or "none"
  double Recall() const { return planted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(planted); }
};

double RequiredRecall(PlantedKind kind) {
  switch (kind) {
    case PlantedKind::kExact:
    case PlantedKind::kReheadlined:
    case PlantedKind::kExcerpt:
    case PlantedKind::kTrimmed:
      return 0.95;
    case PlantedKind::kReordered:
    case PlantedKind::kSubstituted:
    case PlantedKind::kMerged:
    case PlantedKind::kRoundtrip:
      return 0.85;
  }
  return 1.0;
}
constexpr double kRequiredPrecision = 0.98;

TEST(PlantedCopyMeasurement, CopiesOfMultiNewsArticlesAreFoundWithTheirOriginal) {
  const auto articles_path = kMultiNews / "articles.jsonl";
  const auto gold_path = kMultiNews / "gold.jsonl";
  if (!std::filesystem::exists(articles_path) || !std::filesystem::exists(gold_path)) {
    GTEST_SKIP() << "no " << kMultiNews << " (articles.jsonl, gold.jsonl): the shared data is not beside the repo";
  }
  const Result<SynonymMap> synonyms = LoadWordNetSynonyms();
  if (!synonyms.ok()) GTEST_SKIP() << synonyms.status().message();

  std::vector<RawArticle> articles;
  for (const nlohmann::json& j : ReadJsonLines(articles_path)) articles.push_back(ArticleFromJson(j));
  std::unordered_map<std::string, std::string> story_of;
  for (const nlohmann::json& j : ReadJsonLines(gold_path)) {
    story_of[j.at("id").get<std::string>()] = j.at("story").get<std::string>();
  }
  const std::vector<size_t> originals = PickOriginals(articles, story_of);
  ASSERT_GE(originals.size(), 100u) << "too few articles with " << kMinSentences << " sentences and " << kMinWords
                                    << " words";

  // The stream: every article of the set on day one, in input order, then the copies on day two.
  struct Planted {
    PlantedKind kind;
    std::string original_id;
  };
  std::vector<RawArticle> stream = articles;
  std::unordered_map<std::string, Planted> planted;
  for (const size_t i : originals) {
    for (const PlantedKind kind : kAllPlantedKinds) {
      RawArticle copy = PlantCopy(articles[i], kind, synonyms.value(), kSeed);
      planted.emplace(copy.id, Planted{kind, articles[i].id});
      stream.push_back(std::move(copy));
    }
  }
  std::unordered_map<std::string, const RawArticle*> by_id;
  for (const RawArticle& a : stream) {
    ASSERT_TRUE(by_id.emplace(a.id, &a).second) << "duplicate id " << a.id;
  }

  // The engine as the CLI runs it for copies: with the shipped sentence matcher and rewrite
  // decision.
  auto read_model = [](const std::string& name) {
    std::ifstream file(std::string(STORYDESK_SOURCE_DIR) + "/models/" + name);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
  };
  auto sentence_model = copies::ParseSentenceModel(read_model("sentence-model.tsv"));
  ASSERT_TRUE(sentence_model.ok()) << "models/sentence-model.tsv: " << sentence_model.status().message();
  auto rewrite_model = copies::ParseRewriteModel(read_model("rewrite-model.tsv"));
  ASSERT_TRUE(rewrite_model.ok()) << "models/rewrite-model.tsv: " << rewrite_model.status().message();
  EngineOptions options;
  options.sentence_model = std::make_shared<const copies::SentenceModel>(sentence_model.value());
  options.rewrite_model = std::make_shared<const copies::RewriteModel>(rewrite_model.value());
  StoryEngine engine{options};
  std::map<PlantedKind, KindTally> tallies;
  size_t flagged = 0, correct = 0;
  std::vector<std::pair<const RawArticle*, Decision>> false_positives;
  for (const RawArticle& article : stream) {
    Decision d = engine.Add(article);
    const bool is_flagged = d.copy_of.has_value();
    const auto p = planted.find(article.id);
    const bool is_correct = p != planted.end() && d.copy_of == p->second.original_id;
    if (p != planted.end()) {
      KindTally& tally = tallies[p->second.kind];
      ++tally.planted;
      ++tally.labels[d.relation != copies::CopyKind::kNone ? std::string(copies::CopyKindName(d.relation))
                     : is_flagged                          ? "(no relation)"
                                                           : "none"];
      tally.correct += is_correct;
      tally.wrong_original += is_flagged && !is_correct;
    }
    flagged += is_flagged;
    correct += is_correct;
    if (is_flagged && !is_correct) false_positives.emplace_back(&article, std::move(d));
  }
  const double precision = flagged == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(flagged);

  // The report.
  std::ostringstream report;
  report << "Planted copies of " << originals.size() << " multinews-dev originals among " << articles.size()
         << " articles (seed " << kSeed << ")\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-12s %7s %7s %6s |%6s %6s %8s %8s %6s | %s\n", "kind", "planted", "recall",
                "target", "exact", "near", "excerpt", "rewrite", "none", "wrong original");
  report << line;
  for (const PlantedKind kind : kAllPlantedKinds) {
    const KindTally& t = tallies[kind];
    auto label = [&](const char* name) { return t.labels.count(name) ? t.labels.at(name) : size_t{0}; };
    std::snprintf(line, sizeof line, "%-12s %7zu %7s %6s |%6zu %6zu %8zu %8zu %6zu | %zu\n",
                  std::string(PlantedKindName(kind)).c_str(), t.planted, Fixed(t.Recall()).c_str(),
                  Fixed(RequiredRecall(kind), 2).c_str(), label("exact"), label("near"), label("excerpt"),
                  label("rewrite"), label("none"), t.wrong_original);
    report << line;
    for (const auto& [name, count] : t.labels) {
      if (std::find(kLabels.begin(), kLabels.end(), name) == kLabels.end()) {
        report << "    also labelled \"" << name << "\": " << count << "\n";
      }
    }
    RecordProperty("recall_" + std::string(PlantedKindName(kind)), Fixed(t.Recall()));
  }
  report << "precision " << Fixed(precision) << " (target " << Fixed(kRequiredPrecision, 2) << "): " << correct
         << " correct of " << flagged << " flagged as copies; " << false_positives.size() << " false positives\n";
  RecordProperty("precision", Fixed(precision));
  RecordProperty("flagged", static_cast<int>(flagged));
  RecordProperty("false_positives", static_cast<int>(false_positives.size()));
  for (size_t i = 0; i < false_positives.size() && i < kMaxFalsePositivesShown; ++i) {
    const auto& [article, d] = false_positives[i];
    const auto original = by_id.find(*d.copy_of);
    report << "  false positive " << article->id << " ("
           << (d.relation == copies::CopyKind::kNone ? "no relation" : copies::CopyKindName(d.relation)) << ", score "
           << Fixed(d.copy_score) << ") copy_of " << *d.copy_of << "\n"
           << "    this:     " << Snippet(article->text) << "\n"
           << "    copy_of:  " << (original == by_id.end() ? "(unknown id)" : Snippet(original->second->text)) << "\n";
  }
  std::cout << report.str() << std::flush;

  // The "done when".
  for (const PlantedKind kind : kAllPlantedKinds) {
    EXPECT_GE(tallies[kind].Recall(), RequiredRecall(kind))
        << PlantedKindName(kind) << " copies found with their original";
  }
  EXPECT_GE(precision, kRequiredPrecision) << "share of flagged articles that are planted copies of the right original";
}

}  // namespace
}  // namespace storydesk::planted
