// Who is in a story and who said what in it: the people, organisations and places its
// articles name (each one entity across the articles, with the roles the texts give them),
// and the quotes (storydesk/quotes/attribution.h), each said once however many articles report
// it, with every article's wording.
//
// How:
//   1. Names: each article tagged (entities/tagged_text.h). A person's short mention ("Kim")
//      is the last longer name of which it is a word that the article gave before it ("Sung Kim";
//      the same rule as the quote speakers, so two people sharing a surname stay two). Across
//      articles, one name is one entity; a short name left alone in its article joins the
//      story's one longer name holding it, and is left out when several do (the story names
//      both Sung Kim and Kim Jong Un: a lone "Kim" is either).
//   2. Roles: the title or description written against a person's name — before it ("US
//      special envoy Sung Kim", "senior South Korean diplomat Noh Kyu-duk") or as an
//      apposition after it ("Noh Kyu-duk, South Korea's special representative,").
//   3. Quotes: direct quotes (whoever says them) and reported speech by a named person. Two
//      articles' quotes are
//      one when their speakers can be one person (the same name, or one a word of the other;
//      a pronoun left unresolved is no one's name)
//      and the claim matcher finds one stating the other (the same words or other words:
//      "stand ready to meet … anywhere at any time" / "be ready to meet … anywhere and
//      anytime"); each article's wording is kept as a variant. A copy's quotes are its
//      original's and are not repeated.
// Pure function; the statistics are the caller's (the digest's).
#pragma once

#include <string>
#include <vector>

#include "storydesk/claims/claim_support.h"
#include "storydesk/copies/sentence_matcher.h"
#include "storydesk/entities/entity_model.h"
#include "storydesk/quotes/attribution.h"
#include "storydesk/terms/term_statistics.h"

namespace storydesk::digest {

struct DigestArticle;

struct StoryEntity {
  std::string name;  // the fullest form the articles give
  entities::EntityType type = entities::EntityType::kPerson;
  std::vector<std::string> roles;     // as written, distinct, in the order first met
  std::vector<std::string> aliases;   // other forms it is named by ("Kim")
  size_t mentions = 0;                // across the articles
  std::vector<std::string> articles;  // ids of the articles naming it, in the story's order
};

struct QuoteVariant {
  std::string article;  // id
  std::string text;     // the quote as that article words it
};

struct StoryQuote {
  quotes::AttributionKind kind = quotes::AttributionKind::kDirect;
  std::string text;                    // the first article's wording
  std::string speaker;                 // the speaker's fullest name among the variants
  std::vector<QuoteVariant> variants;  // one per article, in the story's order
};

// One name (or a personal pronoun standing for a person) as an article's body writes it, and
// the listed entity it is.
struct EntityMention {
  size_t article = 0;         // index into the articles given
  size_t begin = 0, end = 0;  // bytes in the article's text
  size_t entity = 0;          // index into StoryVoices::entities
  bool pronoun = false;       // "he", "her": the person named last before it
};

struct StoryVoices {
  std::vector<StoryEntity> entities;    // people and organisations, then places and other names; most mentioned first
  std::vector<EntityMention> mentions;  // of the listed entities, by article then place in its text
  std::vector<StoryQuote> quotes;       // reported by most articles first, then in story order
};

struct VoicesOptions {
  size_t max_entities = 20;
  size_t max_quotes = 12;
};

StoryVoices FindStoryVoices(const std::vector<DigestArticle>& articles, const entities::EntityModel& model,
                            const copies::SentenceModel& matcher, const claims::ClaimMatcher& claims,
                            terms::TermStatistics& statistics, const VoicesOptions& options = {});

}  // namespace storydesk::digest
