// Fuzz target for the attribution finder (quotes::FindAttributions, `storydesk quotes FILE`),
// the cutting of text for tagging under it and the one-reading-per-name pass of the tagger: on any valid UTF-8 text,
// tokens lie in order inside the text, names stay in order inside their sentences, and every attribution's content, cue
// and speaker are spans of the text, the content's pieces in order, a speaker always with a name.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/entities/name_consistency.h"
#include "fuzz_check.h"
#include "storydesk/quotes/attribution.h"
#include "storydesk/text/utf8.h"

namespace {

using storydesk::fuzz::Check;
using storydesk::quotes::ByteSpan;

void CheckSpan(const ByteSpan& s, size_t size, bool may_be_empty) {
  Check(s.begin <= s.end && s.end <= size);
  Check(may_be_empty || s.begin < s.end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!storydesk::text::IsValidUtf8(text)) return 0;  // `quotes` rejects such a file first
  storydesk::entities::TaggedText tagged;
  tagged.sentences = storydesk::entities::SplitForTagging(text);
  size_t end = 0;
  for (size_t s = 0; s < tagged.sentences.size(); ++s) {
    Check(!tagged.sentences[s].empty());
    for (const ByteSpan& t : tagged.sentences[s]) {
      CheckSpan(t, size, false);
      Check(t.begin >= end);
      end = t.end;
    }
    // Every capitalised token a person, so the speaker rules run on names.
    for (const ByteSpan& t : tagged.sentences[s]) {
      if (text[t.begin] >= 'A' && text[t.begin] <= 'Z') {
        tagged.names.push_back({t, storydesk::entities::EntityType::kPerson, s});
      }
    }
  }
  // One reading per name, over spans of two capitalised tokens in a row.
  std::vector<storydesk::entities::TokenSentence> document;
  std::vector<std::vector<storydesk::entities::EntitySpan>> spans;
  for (const auto& sentence : tagged.sentences) {
    document.emplace_back();
    spans.emplace_back();
    for (size_t i = 0; i < sentence.size(); ++i) {
      document.back().emplace_back(text.substr(sentence[i].begin, sentence[i].end - sentence[i].begin));
      const bool pair = i + 1 < sentence.size() && text[sentence[i].begin] >= 'A' && text[sentence[i].begin] <= 'Z' &&
                        text[sentence[i + 1].begin] >= 'A' && text[sentence[i + 1].begin] <= 'Z';
      if (pair && (spans.back().empty() || spans.back().back().end <= i)) {
        spans.back().push_back({i, i + 2, storydesk::entities::EntityType::kPerson});
      }
    }
  }
  storydesk::entities::MakeConsistent(document, &spans);
  for (size_t s = 0; s < spans.size(); ++s) {
    size_t after = 0;
    for (const auto& span : spans[s]) {
      Check(span.begin >= after && span.begin < span.end && span.end <= document[s].size());
      after = span.end;
    }
  }
  for (const auto& a : storydesk::quotes::FindAttributions(text, tagged)) {
    Check(!a.content.empty());
    size_t piece_end = 0;
    for (const ByteSpan& p : a.content) {
      CheckSpan(p, size, false);
      Check(p.begin >= piece_end);
      piece_end = p.end;
    }
    CheckSpan(a.cue, size, true);
    CheckSpan(a.speaker, size, true);
    Check((a.speaker.begin == a.speaker.end) == a.speaker_name.empty());
  }
  return 0;
}
