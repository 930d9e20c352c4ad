#include "storydesk/entities/entity_model.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace storydesk::entities {
namespace {

// Made-up news sentences: names of our own in a few patterns, so the test shows the tagger
// learns patterns (who says, where, which body) rather than remembering names.
struct NamePool {
  std::vector<std::string> first, last, places, bodies, adjectives;
};

const NamePool kTrainNames = {{"Arlo", "Mira", "Tobin", "Nessa", "Corin", "Ilse", "Brannoc", "Elsin"},
                              {"Venn", "Drask", "Holloway", "Quell", "Marrow", "Tesk", "Ambry", "Colt"},
                              {"Tarnwick", "Velmora", "Corrandale", "Spirehold", "Ostmere", "Kelby"},
                              {"Harbour Council", "Rail Union", "Water Board", "Miners Guild"},
                              {"Velmoran", "Ostmerian", "Kelbish"}};
const NamePool kTestNames = {{"Doria", "Fenwick", "Galen", "Hester"},
                             {"Ruskin", "Pell", "Sorrow", "Wyck"},
                             {"Brightwater", "Lowmoor", "Farhaven"},
                             {"Ferry Company", "Teachers Assembly"},
                             {"Lowmoorish", "Farhavenite"}};

struct Builder {
  TokenSentence tokens;
  std::vector<EntitySpan> names;
  void Words(const std::string& text) {
    std::istringstream in(text);
    std::string w;
    while (in >> w) tokens.push_back(w);
  }
  void Name(const std::string& text, EntityType type) {
    const size_t begin = tokens.size();
    Words(text);
    names.push_back({begin, tokens.size(), type});
  }
};

LabeledDocument MakeDocument(const NamePool& pool, std::mt19937* random) {
  auto pick = [random](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(*random)];
  };
  const std::string first = pick(pool.first), last = pick(pool.last), place = pick(pool.places),
                    body = pick(pool.bodies), adjective = pick(pool.adjectives), other = pick(pool.places);
  LabeledDocument d;
  auto add = [&d](Builder b) {
    d.sentences.push_back(std::move(b.tokens));
    d.names.push_back(std::move(b.names));
  };
  Builder a;
  a.Name(first + " " + last, EntityType::kPerson);
  a.Words("said on Monday that the");
  a.Name(place + " " + body, EntityType::kOrganization);
  a.Words("would meet in");
  a.Name(other, EntityType::kLocation);
  a.Words(".");
  add(a);
  Builder b;
  b.Words("Officials in");
  b.Name(place, EntityType::kLocation);
  b.Words("told");
  b.Name(last, EntityType::kPerson);
  b.Words("that the");
  b.Name(adjective, EntityType::kMisc);
  b.Words("delegation had left .");
  add(b);
  Builder c;
  c.Words("The talks will resume next week , according to");
  c.Name(last, EntityType::kPerson);
  c.Words(".");
  add(c);
  return d;
}

std::vector<LabeledDocument> MakeDocuments(const NamePool& pool, size_t n, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<LabeledDocument> docs;
  for (size_t i = 0; i < n; ++i) docs.push_back(MakeDocument(pool, &random));
  return docs;
}

EntityScores Score(const EntityModel& model, const std::vector<LabeledDocument>& docs) {
  EntityScores scores;
  for (const LabeledDocument& d : docs) {
    const auto tagged = model.Tag(d.sentences);
    for (size_t s = 0; s < tagged.size(); ++s) ScoreSentence(d.names[s], tagged[s], &scores);
  }
  return scores;
}

TEST(EntityModelTest, LearnsPatternsAndTagsNamesItNeverSaw) {
  EntityTrainingReport report;
  const EntityModel model = TrainEntityModel(MakeDocuments(kTrainNames, 200, 1), {}, &report);
  EXPECT_GT(report.features, 100u);
  EXPECT_GE(report.epochs, 1);
  EXPECT_EQ(report.held_out_f1.size(), 12u) << "passes chosen on the held-out tenth";
  ASSERT_EQ(report.held_out_decodings.size(), 1 + EntityTrainingOptions().temperatures.size())
      << "greedy and a beam at each temperature tried there too";
  EXPECT_EQ(report.held_out_decodings[0].first.beam, 1u);
  EXPECT_EQ(model.Decoding(), report.decoding);
  const EntityScores unseen = Score(model, MakeDocuments(kTestNames, 50, 2));
  EXPECT_GE(unseen.F1(), 0.9) << "precision " << unseen.Precision() << " recall " << unseen.Recall();
}

TEST(EntityModelTest, TheModelFileReadsBackToTheSameTags) {
  WordClusters clusters;
  clusters.Set("Tarnwick", "0110");
  clusters.Set("Venn", "0111");
  clusters.Set("said", "10");
  Gazetteer listed;
  ASSERT_TRUE(listed.Add({"Ostmere"}, "wn-location"));
  EntityTrainingOptions options;
  options.epochs = 3;
  options.clusters = &clusters;
  options.gazetteer = &listed;
  options.list_training_names = false;
  options.training_beam = 1;  // greedy training updates on more tokens, the cluster features among them
  EntityTrainingReport report;
  const EntityModel model = TrainEntityModel(MakeDocuments(kTrainNames, 60, 3), options, &report);
  EXPECT_EQ(report.epochs, 3);
  EXPECT_TRUE(report.held_out_f1.empty());
  const std::string text = model.ToText({"made by a test"});
  EXPECT_EQ(text.rfind(std::string(kEntityModelHeader) + "\n# made by a test\n", 0), 0u);
  auto parsed = EntityModel::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().FeatureCount(), model.FeatureCount());
  EXPECT_EQ(parsed.value().Clusters().Entries(), clusters.Entries());
  EXPECT_NE(text.find("@\tTarnwick\t0110\n"), std::string::npos);
  EXPECT_NE(text.find("c4=0110"), std::string::npos) << "cluster features were learned";
  EXPECT_EQ(parsed.value().ToText({"made by a test"}), text);
  EXPECT_NE(text.find("%\twn-location\tostmere\n"), std::string::npos);
  EXPECT_EQ(parsed.value().KnownNames().Entries(), model.KnownNames().Entries());
  for (const LabeledDocument& d : MakeDocuments(kTestNames, 10, 4)) {
    EXPECT_EQ(parsed.value().Tag(d.sentences), model.Tag(d.sentences));
  }
}

TEST(EntityModelTest, TheDecodingIsKeptInTheModelFile) {
  EntityTrainingOptions options;
  options.epochs = 2;
  EntityTrainingReport report;
  EntityModel model = TrainEntityModel(MakeDocuments(kTrainNames, 40, 6), options, &report);
  EXPECT_EQ(model.Decoding(), (EntityDecoding{8, 0}))
      << "trained with a beam and nothing held out to choose on: decoded as trained, on raw scores";
  EXPECT_NE(model.ToText().find("\n!\tbeam=8\ttemperature=0\n"), std::string::npos);
  options.training_beam = 1;
  model = TrainEntityModel(MakeDocuments(kTrainNames, 40, 6), options, &report);
  EXPECT_EQ(model.Decoding(), EntityDecoding{}) << "trained greedily: greedy";
  EXPECT_EQ(model.ToText().find("\n!\t"), std::string::npos);
  model.SetDecoding({8, 20});
  model.SetDecoding({0, 20});   // ignored: no beam
  model.SetDecoding({8, -1});   // ignored: no temperature
  model.SetDecoding({65, 20});  // ignored: too wide
  EXPECT_EQ(model.Decoding(), (EntityDecoding{8, 20}));
  const std::string text = model.ToText();
  EXPECT_NE(text.find("\n!\tbeam=8\ttemperature=20\n"), std::string::npos);
  auto parsed = EntityModel::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed.value().Decoding(), model.Decoding());
  EXPECT_EQ(parsed.value().ToText(), text);
  for (const LabeledDocument& d : MakeDocuments(kTestNames, 10, 7)) {
    EXPECT_EQ(parsed.value().Tag(d.sentences), model.Tag(d.sentences));
  }
}

TEST(EntityModelTest, ListsTheTrainingNamesAndKeepsThem) {
  EntityTrainingOptions options;
  options.epochs = 2;
  EntityTrainingReport report;
  const EntityModel model = TrainEntityModel(MakeDocuments(kTrainNames, 60, 5), options, &report);
  const auto entries = model.KnownNames().Entries();
  EXPECT_NE(std::find(entries.begin(), entries.end(), std::pair<std::string, std::string>{"MISC", "velmoran"}),
            entries.end());
  EXPECT_NE(model.ToText().find("g=MISC-U\t"), std::string::npos) << "the listing is a feature";
}

TEST(EntityModelTest, ABadModelFileIsAnErrorNamingTheLine) {
  struct Case {
    const char* what;
    std::string text;
    const char* message;
  };
  const std::string header = std::string(kEntityModelHeader) + "\n";
  const std::vector<Case> cases = {
      {"no header", "w=x\tU-LOC=1\n", "line 1"},
      {"unknown label", header + "w=x\tU-FOO=1\n", "line 2: expected LABEL=WEIGHT"},
      {"no weight", header + "# c\nw=x\tU-LOC\n", "line 3: expected LABEL=WEIGHT"},
      {"not a number", header + "w=x\tU-LOC=abc\n", "not a finite number"},
      {"infinite", header + "w=x\tU-LOC=inf\n", "not a finite number"},
      {"twice", header + "w=x\tU-LOC=1\nw=x\tO=1\n", "line 3: feature \"w=x\" appears twice"},
      {"cluster path not binary", header + "@\tKim\t01a\n", "line 2: expected @<TAB>WORD<TAB>PATH"},
      {"cluster without path", header + "@\tKim\n", "line 2: expected @<TAB>WORD<TAB>PATH"},
      {"cluster twice", header + "@\tKim\t01\n@\tKim\t10\n", "line 3: the cluster of \"Kim\" appears twice"},
      {"empty cluster path", header + "@\tKim\t\n", "line 2: empty cluster path"},
      {"carriage returns in a name (found by fuzzing)", header + "cR=4\r\r\tO=1\n", "line 2: a control character"},
      {"a control character in a word", header + "@\tK\x01m\t01\n", "line 2: a control character in a word"},
      {"listed name without category", header + "%\tkim\n", "line 2: expected %<TAB>CATEGORY<TAB>PHRASE"},
      {"listed name with two spaces", header + "%\tPER\tsung  kim\n", "line 2: a listed name must be"},
      {"listed name too long", header + "%\tORG\ta b c d e f g\n", "line 2: a listed name must be"},
      {"listed name empty", header + "%\tORG\t\n", "line 2: a listed name must be"},
      {"decoding without temperature", header + "!\tbeam=8\n", "line 2: expected !<TAB>beam=N"},
      {"beam of zero", header + "!\tbeam=0\ttemperature=20\n", "line 2: expected !<TAB>beam=N"},
      {"beam too wide", header + "!\tbeam=65\ttemperature=20\n", "line 2: expected !<TAB>beam=N"},
      {"fractional beam", header + "!\tbeam=2.5\ttemperature=20\n", "line 2: expected !<TAB>beam=N"},
      {"negative temperature", header + "!\tbeam=8\ttemperature=-1\n", "line 2: expected !<TAB>beam=N"},
      {"temperature not a number", header + "!\tbeam=8\ttemperature=nan\n", "line 2: expected !<TAB>beam=N"},
      {"fields swapped", header + "!\ttemperature=20\tbeam=8\n", "line 2: expected !<TAB>beam=N"},
  };
  for (const Case& c : cases) {
    auto parsed = EntityModel::Parse(c.text);
    ASSERT_FALSE(parsed.ok()) << c.what;
    EXPECT_NE(parsed.status().message().find(c.message), std::string::npos)
        << c.what << ": " << parsed.status().message();
  }
}

TEST(EntityModelTest, AnEmptyModelTagsNothing) {
  auto parsed = EntityModel::Parse(std::string(kEntityModelHeader) + "\n");
  ASSERT_TRUE(parsed.ok());
  const auto tagged = parsed.value().Tag({{"Arlo", "Venn", "spoke", "."}, {}});
  ASSERT_EQ(tagged.size(), 2u);
  EXPECT_TRUE(tagged[0].empty());
  EXPECT_TRUE(tagged[1].empty());
}

TEST(EntityModelTest, ScoresCountExactSpansAndTypes) {
  EntityScores scores;
  std::array<EntityScores, kEntityTypes> by_type{};
  ScoreSentence({{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLocation}},
                {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kOrganization}, {5, 6, EntityType::kMisc}}, &scores,
                &by_type);
  EXPECT_EQ(scores.gold, 2u);
  EXPECT_EQ(scores.predicted, 3u);
  EXPECT_EQ(scores.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.F1(), 2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5));
  EXPECT_EQ(by_type[static_cast<size_t>(EntityType::kLocation)].gold, 1u);
  EXPECT_EQ(by_type[static_cast<size_t>(EntityType::kLocation)].correct, 0u);
}

}  // namespace
}  // namespace storydesk::entities
