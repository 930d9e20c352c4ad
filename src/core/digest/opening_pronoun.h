// A bullet may open with "He" or "She" when the story's people say without doubt whom it
// stands for: the pronoun is replaced by the person's name ("He said talks would resume" →
// "Sung Kim said talks would resume"), where before such a sentence could not be a bullet at
// all (bullet_quality.h: dangling anaphora). The entity-driven rewriting of extractive
// summaries — a reference replaced by the fullest name of its referent (Nenkova & McKeown,
// "References to named entities: a corpus study", NAACL 2003; Siddharthan, Nenkova & McKeown,
// "Syntactic simplification for improving content selection in multi-document summarization",
// COLING 2004).
//
// "Without doubt": the pronoun opens its sentence, is linked to a person (story_voices.h: the
// person named last before it), and every person named in the sentence before it is that
// person — a second name there ("Kim met Noh. He said …") leaves it unresolved, since names
// give no gender. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storydesk/digest/story_digest.h"
#include "storydesk/digest/story_voices.h"

namespace storydesk::digest {

struct ResolvedOpening {
  std::string follows;  // the letters and digits after the pronoun, lower-cased (up to 40)
  std::string name;     // the person's name as the story gives it
};

// Per article: its sentences opening with a pronoun that the story's people resolve.
std::vector<std::vector<ResolvedOpening>> ResolveOpeningPronouns(const std::vector<DigestArticle>& articles,
                                                                 const StoryVoices& voices);

// `sentence` with its opening "He" or "She" replaced by the name of the entry of `resolved`
// whose `follows` matches what follows the pronoun; unchanged when none does.
std::string WithOpeningPronounResolved(std::string_view sentence, const std::vector<ResolvedOpening>& resolved);

}  // namespace storydesk::digest
