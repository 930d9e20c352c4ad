#include "storydesk/quotes/attribution.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storydesk::quotes {
namespace {

using entities::EntityType;
using entities::NameMention;
using entities::TaggedText;

// The text cut for tagging, with the people named in `people` marked where they occur, as
// the tagger would: the attribution rules are tested apart from the tagger's errors.
TaggedText Tagged(std::string_view text, const std::vector<std::string>& people) {
  TaggedText tagged;
  tagged.sentences = entities::SplitForTagging(text);
  for (size_t s = 0; s < tagged.sentences.size(); ++s) {
    const size_t begin = tagged.sentences[s].front().begin, end = tagged.sentences[s].back().end;
    for (const std::string& p : people) {
      for (size_t at = text.find(p, begin); at != std::string_view::npos && at + p.size() <= end;
           at = text.find(p, at + 1)) {
        const bool word_start = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n';
        const bool word_end =
            at + p.size() == text.size() || !std::isalpha(static_cast<unsigned char>(text[at + p.size()]));
        if (word_start && word_end) tagged.names.push_back({{at, at + p.size()}, EntityType::kPerson, s});
      }
    }
  }
  std::sort(tagged.names.begin(), tagged.names.end(),
            [](const NameMention& a, const NameMention& b) { return a.span.begin < b.span.begin; });
  // A shorter name inside a longer one at the same place is the tagger's one name.
  std::vector<NameMention> kept;
  for (const NameMention& n : tagged.names) {
    if (!kept.empty() && n.span.begin < kept.back().span.end) {
      if (n.span.end - n.span.begin > kept.back().span.end - kept.back().span.begin) kept.back() = n;
      continue;
    }
    kept.push_back(n);
  }
  tagged.names = kept;
  return tagged;
}

std::string Piece(std::string_view text, const ByteSpan& s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

// One attribution as a line: kind | content pieces joined by " … " | cue | speaker mention | name.
std::string Describe(std::string_view text, const Attribution& a) {
  std::string content;
  for (const ByteSpan& p : a.content) content += (content.empty() ? "" : " … ") + Piece(text, p);
  return std::string(AttributionKindName(a.kind)) + " | " + content + " | " + Piece(text, a.cue) + " | " +
         Piece(text, a.speaker) + " | " + a.speaker_name;
}

std::vector<std::string> Find(std::string_view text, const std::vector<std::string>& people) {
  std::vector<std::string> lines;
  for (const Attribution& a : FindAttributions(text, Tagged(text, people))) lines.push_back(Describe(text, a));
  return lines;
}

TEST(AttributionTest, FindsQuotesTheirCuesAndSpeakers) {
  struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> people;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"speaker then cue after the quote",
       "\"We agreed to work together,\" Noh said.",
       {"Noh"},
       {"direct | \"We agreed to work together,\" | said | Noh | Noh"}},
      {"cue then speaker, with an apposition cut off",
       "“We show anger,” said Harvey Dent, a delegate from Ohio.",
       {"Harvey Dent"},
       {"direct | “We show anger,” | said | Harvey Dent | Harvey Dent"}},
      {"a speaker with an apposition between commas",
       "“They expect us to know this,” Terrie Rizzo, the county chair, said of the Clintons.",
       {"Terrie Rizzo"},
       {"direct | “They expect us to know this,” | said | Terrie Rizzo | Terrie Rizzo"}},
      {"cue and colon before the quote",
       "On Sunday, Kim told reporters: \"The talks will resume.\"",
       {"Kim"},
       {"direct | \"The talks will resume.\" | told | Kim | Kim"}},
      {"split by its attribution: one quote of two pieces",
       "“The drills are routine,” Kim said. “They are defensive.”",
       {"Kim"},
       {"direct | “The drills are routine,” … “They are defensive.” | said | Kim | Kim"}},
      {"the second piece with a cue of its own is a quote of its own",
       "“The drills are routine,” Kim said. “They are defensive,” he added.",
       {"Kim"},
       {"direct | “The drills are routine,” | said | Kim | Kim", "direct | “They are defensive,” | added | he | Kim"}},
      {"a quotation running into the next paragraph",
       "Kim said: “The drills are routine.\n\n“They are defensive.”",
       {"Kim"},
       {"direct | “The drills are routine. … “They are defensive.” | said | Kim | Kim"}},
      {"a phrase quoted in the writer's sentence is not a quote",
       "North Korea threatened a “security crisis” over the drills.",
       {},
       {}},
      {"an address is not a quote", "“Judge,” I said.", {}, {}},
      {"straight double apostrophes, as one newspaper writes them",
       "''We don't have silver bullets,'' he said.",
       {},
       {"direct | ''We don't have silver bullets,'' | said | he | he"}},
      {"reported speech: speaker said that",
       "Noh Kyu-duk said that the pair discussed humanitarian aid.",
       {"Noh Kyu-duk"},
       {"indirect | that the pair discussed humanitarian aid | said | Noh Kyu-duk | Noh Kyu-duk"}},
      {"reported speech: content, speaker said",
       "The US has no hostile intent toward Pyongyang, Washington's special envoy said on Monday.",
       {},
       {"indirect | The US has no hostile intent toward Pyongyang | said | Washington's special envoy | "
        "Washington's special envoy"}},
      {"reported speech: according to",
       "The exercise is computer-simulated, according to the defence ministry.",
       {},
       {"indirect | The exercise is computer-simulated | according to | the defence ministry | the defence ministry"}},
      {"a clause opener is not the speaker",
       "No test was seen, although South Korean officials said the North is holding exercises.",
       {},
       {"indirect | the North is holding exercises | said | South Korean officials | South Korean officials"}},
      {"auxiliaries and adverbs are not the speaker",
       "North Korea has also said it is open to diplomacy.",
       {},
       {"indirect | it is open to diplomacy | said | North Korea | North Korea"}},
      {"a word of a name is not a cue", "The United States says nothing. The Says Foundation met.", {}, {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Find(c.text, c.people), c.expected) << c.what << ": " << c.text;
}

TEST(AttributionTest, AShortNameOrPronounIsThePersonTheTextIsAboutAtThatPoint) {
  // Two people named Kim: each short "Kim" and "he" is the one last named in full.
  const std::string text =
      "Sung Kim arrived in Seoul.\n\n"
      "\"We have no hostile intent,\" Kim told reporters.\n\n"
      "Kim Jong Un has pledged to strengthen his country's deterrence.\n\n"
      "\"We will respond,\" Kim said.\n\n"
      "\"I stand ready to meet,\" he said.\n";
  const std::vector<Attribution> found = FindAttributions(text, Tagged(text, {"Sung Kim", "Kim Jong Un", "Kim"}));
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].speaker_name, "Sung Kim");
  EXPECT_EQ(found[1].kind, AttributionKind::kIndirect) << "\"has pledged to\" reports what he said";
  EXPECT_EQ(found[1].speaker_name, "Kim Jong Un");
  EXPECT_EQ(found[2].speaker_name, "Kim Jong Un");
  EXPECT_EQ(found[3].speaker_name, "Kim Jong Un") << "the pronoun is the last person named";
}

TEST(AttributionTest, AQuoteParagraphAfterAnAttributedOneKeepsItsSpeaker) {
  const std::string text =
      "\"The drills are routine,\" Kim told reporters after meeting Noh.\n\n"
      "\"They are purely defensive in nature.\"\n\n"
      "Noh did not comment.\n\n"
      "\"Unattributed, after a paragraph of the writer's own.\"\n";
  const std::vector<Attribution> found = FindAttributions(text, Tagged(text, {"Kim", "Noh"}));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].speaker_name, "Kim");
  EXPECT_EQ(found[1].cue.begin, found[1].cue.end) << "no cue of its own";
}

TEST(AttributionTest, HostileTextNeverBreaksTheFinder) {
  for (const std::string& text : std::vector<std::string>{
           "", "\"", "\"\"", "“”", "'' ''", "said", "\"a b\" said", "\n\n\n\"x y", ", said , according to ,",
           std::string(5000, '"'), "“" + std::string(300, 'a') + " said",
           // Found by review: "according to" with no source after it, at the text's end or a line's.
           "The plan is dead, according to", "The plan is dead, according to\nKim Lee said so.",
           "According to , officials, the plan is dead.", "The plan is dead, according to ."}) {
    const std::vector<Attribution> found = FindAttributions(text, Tagged(text, {"Kim Lee"}));
    for (const Attribution& a : found) {
      ASSERT_FALSE(a.content.empty());
      for (const ByteSpan& s : {a.content.front(), a.content.back(), a.cue, a.speaker}) {
        EXPECT_LE(s.begin, s.end) << text;
        EXPECT_LE(s.end, text.size()) << text;
      }
    }
  }
}

TEST(AttributionTest, APronounIsNotANameInsideTheQuote) {
  const std::string text = "Kim Lee spoke.\n\n\"I told Obama no,\" he said.";
  const std::vector<Attribution> found = FindAttributions(text, Tagged(text, {"Kim Lee", "Obama"}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].speaker_name, "Kim Lee");
}

TEST(AttributionTest, AQuoteRunningOnJoinsOnlyTheParagraphRightAfter) {
  const std::string text = "Kim said: \"We will go on\nOfficials disagreed.\n\"Another matter entirely,\" Lee said.";
  const std::vector<Attribution> found = FindAttributions(text, Tagged(text, {"Kim", "Lee"}));
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.back().speaker_name, "Lee");
  EXPECT_EQ(found.back().content.size(), 1u);
}

}  // namespace
}  // namespace storydesk::quotes
