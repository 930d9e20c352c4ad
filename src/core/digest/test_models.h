// Hand-set models for the digest's tests (story_digest_test.cc, story_voices_test.cc,
// story_timeline_test.cc): simple enough that a test's sentences decide the outcome, close
// enough to the trained ones in what they weigh. Not for production code.
//   TestMatcher: two sentences match when their IDF-weighted stems mostly agree.
//   TestClaims: a text states a claim when a window covers most of its weighted stems (as the
//   trained model weighs them), less when a number of the claim is contradicted.
#pragma once

#include "storydesk/claims/claim_support.h"
#include "storydesk/copies/sentence_matcher.h"

namespace storydesk::digest {

inline copies::SentenceModel TestMatcher() {
  copies::SentenceModel m;
  m.weights[copies::kSentenceBias] = -8.5;
  m.weights[copies::kWeightedDice] = 10.0;
  m.weights[copies::kLengthRatio] = 3.0;
  m.match_probability = 0.7;
  return m;
}

inline claims::ClaimModel TestClaims() {
  claims::ClaimModel m;
  m.weights[claims::kClaimBias] = -6.0;
  m.weights[claims::kWindowCoverage] = 9.0;
  m.weights[claims::kNumberConflict] = -2.0;
  m.cite_probability = 0.6;
  m.partial_probability = 0.2;
  m.unique_probability = 0.3;
  return m;
}

}  // namespace storydesk::digest
