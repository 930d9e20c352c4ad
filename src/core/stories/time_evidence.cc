#include "core/stories/time_evidence.h"

#include <algorithm>
#include <cmath>

namespace storydesk::stories {

namespace {
constexpr int64_t kDay = int64_t{24} * 3600;
}

TimeEvidence::TimeEvidence(int64_t window_seconds)
    : candidate_(static_cast<size_t>(std::max<int64_t>(window_seconds / kDay, 1)) + 1, 0),
      confident_(candidate_.size(), 0) {}

size_t TimeEvidence::Bin(int64_t gap_seconds) const {
  const int64_t days = std::max<int64_t>(gap_seconds, 0) / kDay;
  return static_cast<size_t>(std::min<int64_t>(days, static_cast<int64_t>(candidate_.size()) - 1));
}

void TimeEvidence::ObserveCandidate(int64_t gap_seconds) {
  ++candidate_[Bin(gap_seconds)];
  ++candidate_total_;
}

void TimeEvidence::ObserveConfident(int64_t gap_seconds) {
  ++confident_[Bin(gap_seconds)];
  ++confident_total_;
}

double TimeEvidence::LogLikelihoodRatio(int64_t gap_seconds) const {
  if (confident_total_ < kMinConfident) return 0.0;
  const size_t bin = Bin(gap_seconds);
  const double bins = static_cast<double>(candidate_.size());
  // P(gap | candidate), add-one smoothed.
  const double any = (static_cast<double>(candidate_[bin]) + 1) / (static_cast<double>(candidate_total_) + bins);
  // P(gap | same story), shrunk towards P(gap | candidate) with `bins` pseudo-observations: a
  // gap no certain join has shown counts against joining once many joins have been seen,
  // instead of looking as likely as any other unseen gap (add-one smoothing of both sides
  // would make a gap never seen at all look like evidence *for* a join).
  const double same =
      (static_cast<double>(confident_[bin]) + bins * any) / (static_cast<double>(confident_total_) + bins);
  return std::log(same / any);
}

}  // namespace storydesk::stories
