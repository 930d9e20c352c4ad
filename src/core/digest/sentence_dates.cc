#include "core/digest/sentence_dates.h"

#include "storydesk/time/timex.h"

namespace storydesk::digest {

SentenceDates DatesBySentence(const text::AnalyzedText& text, const std::optional<std::string>& published,
                              size_t* unresolved) {
  SentenceDates out(text.sentences.size());
  const std::optional<timeutil::CivilDate> dct = published ? timeutil::ParseCivilDate(*published) : std::nullopt;
  // Without a publication date, relative dates are still read against a stand-in one, so that
  // those that would be on the timeline are counted (and only those), then left out.
  const timeutil::CivilDate stand_in{2000, 1, 1};
  const std::string_view normalized = text.normalized;
  size_t k = 0;
  for (const timeutil::Timex& x : timeutil::FindTimexes(normalized, dct ? dct : stand_in)) {
    const std::string_view precision = timeutil::CalendarPrecision(x.value);
    if (x.type != timeutil::TimexType::kDate || precision.empty()) continue;
    while (k < text.sentences.size() && text.sentences[k].end <= x.begin) ++k;
    if (k == text.sentences.size()) break;
    const text::SentenceSpan& span = text.sentences[k];
    if (span.begin > x.begin) continue;
    if (x.anchored && timeutil::InsideQuotation(normalized.substr(span.begin, x.begin - span.begin))) continue;
    if (x.anchored && !dct) {
      if (unresolved != nullptr) ++*unresolved;
      continue;
    }
    out[k].push_back({precision == "day" ? x.value.substr(0, 10) : x.value, precision, x.begin, x.end});
  }
  return out;
}

}  // namespace storydesk::digest
