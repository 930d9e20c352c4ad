// storydesk eval --extraction GROUND_TRUTH.jsonl PAGES_DIR — the article-extraction benchmark's
// score (storydesk/eval/extraction_score.h) of the HTML reader (adapters/read/html_page.h):
// each ground-truth line {"id", "articleBody"} names a page PAGES_DIR/ID.html.gz or ID.html,
// which is extracted with the defaults and scored against the body. Prints the mean precision,
// mean recall and their F1 (--json: one object); --pages adds one line per page, worst first.
#pragma once

#include <string>

namespace storydesk::cli {

struct ExtractionEvalFlags {
  std::string truth;
  std::string pages;
  bool json = false;
  bool per_page = false;
};

int RunExtractionEval(const ExtractionEvalFlags& flags);

}  // namespace storydesk::cli
