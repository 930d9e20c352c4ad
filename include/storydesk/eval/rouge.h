// ROUGE: how much of a reference summary a candidate summary recovers, by overlap of words —
// Lin, "ROUGE: A Package for Automatic Evaluation of Summaries", ACL Workshop on Text
// Summarization Branches Out, 2004. We score story summaries with it so our numbers can be set
// beside published ones, which are nearly all ROUGE-1.5.5 runs with stemming (-m).
//
//   ROUGE-N — n-gram overlap with clipped counts: an n-gram the candidate repeats k times and the
//     reference holds j times matches min(k, j) times (the intersection of the two multisets).
//     Recall divides the matches by the reference's n-grams, precision by the candidate's.
//   ROUGE-L — the longest common subsequence (LCS) of the two whole token sequences; recall is
//     LCS / reference length, precision LCS / candidate length. This is the `rougeL` of common
//     re-implementations, NOT the summary-level union-LCS over sentences ("rougeLsum", and
//     ROUGE-1.5.5's own ROUGE-L on multi-sentence input). The two agree when each summary is
//     one unit.
//   F is the harmonic mean of P and R (beta = 1; ROUGE-1.5.5's default alpha = 0.5 is the same).
//
// Differences from ROUGE-1.5.5 -m, all small and deliberate:
//   - Stems are Snowball English (Porter2, include/storydesk/text/stemmer.h), not the original Porter
//     stemmer, and ROUGE-1.5.5's WordNet table of irregular forms ("went" → "go") is not used.
//   - One reference per candidate; several references (ROUGE's -f A/B) are the caller's loop.
//   - The word budget counts our tokens; ROUGE-1.5.5's -l counts whitespace-separated words of
//     the raw text ("U.S.-led" is one word there and three tokens here), and applies to the
//     references as well as to the candidate.
//
// Pure functions over plain values; thread-safe apart from the Stemmer passed in (see stemmer.h).
// ROUGE-N is O(n + m) expected time; ROUGE-L O(n·m) time and O(min(n, m)) memory, with no cap on
// the lengths.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/eval/clustering_metrics.h"
#include "storydesk/text/stemmer.h"

namespace storydesk::eval {

// ROUGE-1.5.5's tokens under -m: lower-cased ASCII; every byte that is not an ASCII letter or
// digit separates tokens, and tokens longer than three characters are stemmed (ROUGE-1.5.5
// leaves "was", "its", "u" unstemmed; we do the same). Non-ASCII letters separate too, as in
// ROUGE-1.5.5, which matches [A-Za-z0-9] on bytes: "café" gives "caf", "naïve" gives "na", "ve".
// So ROUGE is for English text here; scores of other languages mean little.
std::vector<std::string> RougeTokens(std::string_view text, text::Stemmer& stemmer);

// The first `words` tokens (all of them when there are fewer): a word budget, as ROUGE's -l
// option truncates a summary before scoring. 0 words gives no tokens.
std::vector<std::string> TruncateToWords(std::vector<std::string> tokens, size_t words);

struct RougeScores {
  PrecisionRecall rouge1;
  PrecisionRecall rouge2;
  PrecisionRecall rouge_l;
};

// ROUGE-1, ROUGE-2 and ROUGE-L of `candidate` against `reference`, both token sequences (from
// RougeTokens, or any tokens: only equality matters). A side with no n-grams of a size (empty,
// or one token for bigrams) makes that size's P, R and F 0, never NaN.
RougeScores Rouge(const std::vector<std::string>& candidate, const std::vector<std::string>& reference);

// Macro average over stories: the mean of each P, R and F (so the mean F is not the F of the mean
// P and R). No stories gives all 0.
RougeScores MeanRouge(const std::vector<RougeScores>& per_story);

}  // namespace storydesk::eval
