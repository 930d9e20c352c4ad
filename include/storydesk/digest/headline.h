// Headline: the one line a story goes by in every view — the list, search, `show`, the digest
// in each format, the API and the page. The store keeps it (stories.headline) and refreshes it
// as articles join; the digest of a stored story shows the stored one, and only a digest made
// in memory (`storydesk digest`) chooses its own, by the same rule.
//
// The rule:
//   1. Each article gives evidence: its title, unless the title is page furniture
//      (IsFurnitureTitle), and its lead — the first of its first kHeadlineLeadSentences sentences,
//      without the wire dateline or credit it opens with ("SEOUL (AP) -", "(CNN) --"), that is
//      not boilerplate (boilerplate.h) and that the digest could give as a bullet: not a
//      fragment (IsFragmentSentence here and in bullet_quality.h: no opening pronoun or
//      connective), not commentary (IsOpinionSentence), not marked as furniture, not a title or
//      link list run into the text ("... Egg Roll In MinnesotaIn this week's ...", "Donald John
//      TrumpAmazon's ..."), and of at least 6 words (not a slogan). Its vector is the stems of its title and its first
//      kHeadlineLeadSentences sentences that are not boilerplate (term counts, sublinear, unit length).
//   2. The story's centroid is the sum of the articles' vectors (each article counts once).
//   3. The headline is the title closest (cosine) to the centroid; ties go to the earlier
//      article. With no usable title, the lead closest to the centroid among the leads that
//      open their article (else among all leads), cut at a word to
//      kMaxHeadlineBytes ("..." marks the cut) or, when long, to its main clause (LeadHeadline). With neither, the
//      earliest article's last resort: its first sentence that would be a lead (else a line that would be one but
//      for its full stop, before a slogan of a few words; else one that is neither furniture nor a fragment; else
//      the title a teaser runs into its text, "Dive Bars" of "Dive Bars"Best burger ..."; else its first
//      sentence), never a piece of a quotation, cut alike.
//      A furniture title never becomes a headline.
// Weights are term counts, not TF-IDF: the choice depends on the articles alone (not on the
// statistics of whatever else was ingested), so the store and a digest agree on it, and a
// story's headline does not drift as unrelated articles arrive.
//
// Cost: AnalyzeHeadlineEvidence analyses the title and the text's first kHeadlinePrefixBytes,
// and up to kHeadlineTextBytes only when the lead sentences run on beyond them; ChooseHeadline is linear in the
// evidence's terms. The store keeps the cost bounded by choosing from a story's first kHeadlineArticles articles only.
// Pure functions; thread-safe except through the TextAnalyzer passed in (one per thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storydesk/text/analyzer.h"

namespace storydesk::digest {

// Longest headline cut from a lead or body text, in bytes, before the "..." that marks a cut.
inline constexpr size_t kMaxHeadlineBytes = 200;
// How much of an article's text the lead is looked for in: first the prefix, and the longer
// one only when the prefix does not hold kHeadlineLeadSentences whole sentences that are not
// boilerplate (most articles' leads are in their first few hundred bytes).
inline constexpr size_t kHeadlinePrefixBytes = 640;
inline constexpr size_t kHeadlineTextBytes = 2000;
// Sentences of an article read for its lead and its vector.
inline constexpr size_t kHeadlineLeadSentences = 3;
// A story's headline is chosen from its first articles (publication order) at most this many.
inline constexpr size_t kHeadlineArticles = 40;
// The version of the rule (and of its constants). A store records the version its headlines
// were chosen by and, opened by a binary with another, chooses them all again.
inline constexpr int kHeadlineRuleVersion = 4;

// What one article offers for a headline (AnalyzeHeadlineEvidence).
struct HeadlineEvidence {
  std::optional<std::string> title;  // white space folded; unset when absent, blank or furniture
  std::optional<std::string> lead;   // unset when no early sentence qualifies
  bool lead_opens = false;           // the lead is the article's first sentence that is not boilerplate
  // The last resort, cut: the text's first sentence that is not furniture (IsFurnitureTitle),
  // else its first sentence. Left empty when the article has a title or a lead (then so has
  // the story, and the last resort is never needed).
  std::string opening;
  // Stems of the title and lead sentences with sublinear count weights, unit length, each stem
  // as its 64-bit hash (XXH3), sorted by it.
  std::vector<std::pair<uint64_t, float>> vector;
  std::vector<std::pair<uint64_t, float>> title_vector;  // the title's alone (unit); empty without a title
  std::vector<std::pair<uint64_t, float>> lead_vector;   // the lead's alone (unit); empty without a lead
};

// Page furniture as a title: share bars, player and cookie notices, captions and credits,
// section labels. True when the title (white space folded)
//   - has fewer than 3 words or fewer than 2 words of letters that are not stop words;
//   - is written in capitals only and has at most 4 words ("POPULAR", "SHARE THIS");
//   - ends with ':' (a label introducing something else: "The seed for X was:");
//   - opens like a caption, a credit, a photo file, a correction or a live-blog entry ("Image
//     copyright", "Image caption", "Media playback", "FILE - In this", "Photo:", "Story
//     highlights", "CLOSE ", "Play ", "Correction:", "UPDATE:", "10:45 AM PT:");
//   - ends like a photo caption, with a full date and its year ("..., Thursday, Nov. 22, 2018."),
//     or opens like one ("A photo of ...");
//   - holds a byline run into it ("... in protest By Justin Sink - Tweet ...");
//   - holds a furniture phrase of boilerplate.h (a URL, "click here", "getty images", ...), a
//     player, alert or cookie notice ("unsupported on your device", "enable javascript",
//     "news alerts", "cookies"), a breadcrumb (">>", "»") or a picture credit ("/Getty");
//   - is made only of furniture words (share, tweet, email, print, video, photos, ...).
// Leads must pass the same marks (all but the word counts), besides not being boilerplate.
bool IsFurnitureTitle(std::string_view title);

// A sentence that cannot stand alone: it opens with a lower-case letter, with punctuation
// other than a quotation mark or bracket, or with a word continuing another sentence ("And",
// "But", "Or", "Nor", "So", "Yet"), ends cut ("..." or "…"), or has unbalanced double quotes
// (a piece of a longer quotation).
bool IsFragmentSentence(std::string_view sentence);

// The evidence of one article; `text` is its body (only its first kHeadlineTextBytes are read).
HeadlineEvidence AnalyzeHeadlineEvidence(const std::optional<std::string>& title, std::string_view text,
                                         text::TextAnalyzer& analyzer);

// The same from analyses already made (the ingest engine's): `analyzed_title` is the title's
// (null when it has none), `body` the whole text's. Equal to AnalyzeHeadlineEvidence for the
// same article but for a sentence split differently at the prefix's end (rare).
HeadlineEvidence HeadlineEvidenceOf(const std::optional<std::string>& title, const text::AnalyzedText* analyzed_title,
                                    const text::AnalyzedText& body);

// The story's headline by the rule above, from its articles' evidence in the story's order
// (publication order: ties go to the earlier). "" only when `articles` is empty or all blank.
std::string ChooseHeadline(const std::vector<HeadlineEvidence>& articles);
std::string ChooseHeadline(const std::vector<const HeadlineEvidence*>& articles);

// `text` with white space runs folded to one space and trimmed, cut at the last space within
// `max_bytes` (or at a UTF-8 character boundary for one long word) and ended with "..." when cut.
std::string CutHeadline(std::string_view text, size_t max_bytes = kMaxHeadlineBytes);

// A lead longer than kLongLeadBytes becomes a headline by its main clause: cut before the first
// clause boundary (", but ", "; ", ", which ", ", while ", ", after ", ", as ", " -- ") that leaves at least
// kMinLeadWords words with quotation marks and brackets closed
// ("Prime Minister Theresa May survived a confidence vote from her Conservative party on
// Wednesday, but more than a third of her lawmakers said ..." → "... on Wednesday") — headline
// generation by trimming a lead to its first clause (Dorr, Zajic & Schwartz, "Hedge Trimmer",
// HLT-NAACL 2003 text summarization workshop). Else CutHeadline. White space folded either way.
inline constexpr size_t kLongLeadBytes = 120;
std::string LeadHeadline(std::string_view lead);

}  // namespace storydesk::digest
