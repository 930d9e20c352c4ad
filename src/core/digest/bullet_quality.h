// Whether a sentence can stand alone as a digest bullet: not a fragment (cut short, a piece of
// a quotation, or leaning on an earlier sentence for what it is about) and not commentary (a
// writer's own opinion, which a digest may give only as someone's attributed view).
//
// Rules, each naming a way a sentence fails out of its context — the readability constraints
// of extractive summarisers (e.g. the "dangling anaphora" and discourse-connective filters of
// Nenkova & McKeown, "Automatic Summarization", 2011, §4.3):
//   fragment — ends in an ellipsis ("...", "…": a lead cut by the page or the data set); has
//     unbalanced double quotes (a quotation running over several sentences); is a quotation
//     with no speaker outside its quotes ("\"Democracy will win.\""); starts with a
//     lower-case letter, a digit-less punctuation mark, a pronoun or demonstrative ("He",
//     "It", "This", "Those"), a quantifier standing for what was named before ("Both are
//     ...", "Neither was ...", "Others said ..."), or a connective of contrast or consequence ("But", "However",
//     "So", "Still"); or, when not
//     its article's first sentence, starts "The <noun>" whose noun an earlier sentence of the
//     article introduced ("The exercise comes ahead of ..." after "... a joint exercise ...")
//     or that names an event told before ("The move comes as ...", OpensWithEventReference).
//   opinion — outside quotation marks: the first person ("I", "we", "our"), a question or an
//     exclamation, or a prescription ("should", "must", "ought to") that no reporting verb
//     attributes to someone ("..., saying the country should be ready" reports a view).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "storydesk/copies/sentence_profile.h"

namespace storydesk::digest {

// `sentence` as normalised by the analyzer. `refers_back`: the caller found that the sentence
// opens with DefiniteOpeningNoun and an earlier sentence of its article has that noun.
bool IsFragmentSentence(std::string_view sentence, bool refers_back);

// The word after an opening "The", "This", "That", "These" or "Those" when it is lower-case
// (a common noun, not a name: "The Senate" is not anaphora); empty otherwise.
std::string_view DefiniteOpeningNoun(std::string_view sentence);

// Whether DefiniteOpeningNoun names an event a previous sentence must have told ("The move
// comes as ...", "The decision marks ...", "The ruling ..."): a noun of reporting or action
// from a short list, or any noun followed by "comes" or "came".
bool OpensWithEventReference(std::string_view sentence);

bool IsOpinionSentence(std::string_view sentence);

// `sentence` without the connective of contrast or consequence it opens with, its first letter
// capitalised: "But the operator said ..." → "The operator said ...", "However, the port ..." →
// "The port ...". A sentence compressor's first move (Jing, "Sentence reduction for automatic
// text summarization", ANLP 2000): the statement stands alone once the link to the sentence
// before is gone. "But" and "And" go as they are; the others only with their comma ("Still,"
// but not "Still no word", "So," but not "So far"). Unchanged when nothing is cut or nothing
// would remain.
std::string WithoutOpeningConnective(std::string_view sentence);

// The sentence's text outside double quotation marks (" and “ ”), quotes dropped.
std::string OutsideQuotes(std::string_view sentence);

// The share of the lighter sentence's IDF-weighted content stems that the other one has: how
// much of one bullet another already says, whatever their lengths (cosine falls as the longer
// grows). 0 when the lighter has no content.
// `text` without the heading of a structured abstract it opens with ("Importance Suicide is a
// leading cause ...", "Background Despite ..."): the page's line break after the heading was
// lost. Unchanged unless a capitalised word follows the heading ("Results of the vote ...").
std::string_view WithoutSectionLabel(std::string_view text);

double ContentContainment(const copies::SentenceProfile& x, const copies::SentenceProfile& y);

}  // namespace storydesk::digest
