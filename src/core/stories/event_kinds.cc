#include "storydesk/stories/event_kinds.h"

#include <array>
#include <string>
#include <unordered_map>
#include <utility>

#include "storydesk/text/stemmer.h"

namespace storydesk::stories {

namespace {

struct KindWords {
  EventKind kind;
  std::string_view name;
  // Verbs in several forms and the nouns of the happening; stems are taken at start-up, so a
  // form the stemmer folds onto another listed one costs nothing.
  std::string_view words;
};

// In EventKind order (checked at start-up).
constexpr std::array<KindWords, kEventKindCount> kLexicon = {{
    {EventKind::kAttack, "attack",
     "attack attacked attacks bombing bombed bomb airstrike airstrikes shooting shootings gunman gunmen "
     "stabbing stabbed assault assaulted raid raided explosion exploded blast ambush ambushed massacre "
     "invasion invaded invade shelling rocket rockets missile missiles"},
    {EventKind::kDie, "die",
     "killed kill killing killings died dies dead death deaths murder murdered slain fatal fatalities "
     "homicide"},
    {EventKind::kInjure, "injure", "injured injuring injuries injury wounded wounding hospitalized"},
    {EventKind::kArrest, "arrest",
     "arrested arrest arrests detained detain detention custody apprehended jailed captured"},
    {EventKind::kCharge, "charge",
     "charged charges indicted indictment indictments accused prosecutors prosecuted prosecution"},
    {EventKind::kTrial, "trial", "trial trials testified testify testimony jury jurors hearing hearings"},
    {EventKind::kVerdict, "verdict",
     "verdict convicted conviction acquitted acquittal guilty overturned overturn upheld"},
    {EventKind::kSentence, "sentence", "sentenced sentencing sentence imprisonment"},
    {EventKind::kSue, "sue", "sued sue sues lawsuit lawsuits"},
    {EventKind::kElect, "elect", "election elections elected reelected reelection primaries runoff candidacy"},
    {EventKind::kVote, "vote", "vote voted votes voting ballot ballots filibuster legislation veto vetoed"},
    {EventKind::kEndPosition, "end-position",
     "resigned resign resignation resigns ousted ouster ousting retire retired retirement "
     "dismissed dismissal impeached impeachment"},
    {EventKind::kStartPosition, "start-position",
     "nominated nominee nomination appointed appointment hired sworn inaugurated inauguration "
     "confirmation"},
    {EventKind::kMeet, "meet", "meet met meeting meetings summit visited visit negotiations negotiators"},
    {EventKind::kAgree, "agree", "agreement agreed treaty accord ceasefire truce signed signing compromise"},
    {EventKind::kProtest, "protest",
     "protest protests protesters protested demonstrators demonstration demonstrations rally rallies riot "
     "riots rioters"},
    {EventKind::kDisaster, "disaster",
     "earthquake quake tremor tsunami hurricane tornado typhoon cyclone flood flooding floods wildfire "
     "wildfires eruption erupted drought landslide avalanche"},
    {EventKind::kAccident, "accident",
     "crash crashed crashes collision collided derailed derailment capsized sank accident accidents"},
    {EventKind::kAcquire, "acquire", "acquire acquired acquisition acquisitions merger mergers takeover bought buyout"},
    {EventKind::kBankrupt, "bankrupt", "bankruptcy bankrupt insolvency insolvent"},
    {EventKind::kMarry, "marry", "married marry marriage wedding"},
    {EventKind::kDivorce, "divorce", "divorce divorced divorcing"},
    {EventKind::kBorn, "born", "birth pregnant pregnancy"},
    {EventKind::kKidnap, "kidnap", "kidnapped kidnapping abducted abduction hostage hostages"},
    {EventKind::kRescue, "rescue", "rescued rescue rescuers evacuated evacuation evacuate"},
    {EventKind::kRelease, "release", "pardoned pardon pardons paroled parole freed commuted clemency"},
    {EventKind::kSanction, "sanction", "sanctions sanctioned embargo tariffs tariff"},
    {EventKind::kLaunch, "launch", "launched launch launches unveiled unveil unveiling debut debuted"},
}};

class StemLexicon {
 public:
  StemLexicon() {
    text::Stemmer stemmer;
    for (size_t k = 0; k < kLexicon.size(); ++k) {
      if (static_cast<size_t>(kLexicon[k].kind) != k) continue;  // a misordered table lists nothing
      std::string_view words = kLexicon[k].words;
      while (!words.empty()) {
        const size_t space = words.find(' ');
        const std::string_view word = words.substr(0, space);
        words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
        if (word.empty()) continue;
        // The first kind to list a stem keeps it: the table never gives a stem two kinds.
        by_stem_.emplace(stemmer.Stem(word), kLexicon[k].kind);
      }
    }
  }

  std::optional<EventKind> Find(std::string_view stem) const {
    const auto it = by_stem_.find(std::string(stem));
    if (it == by_stem_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string, EventKind> by_stem_;
};

}  // namespace

std::string_view EventKindName(EventKind kind) {
  const auto k = static_cast<size_t>(kind);
  return k < kLexicon.size() ? kLexicon[k].name : std::string_view();
}

std::optional<EventKind> EventKindOfStem(std::string_view stem) {
  static const StemLexicon lexicon;
  return lexicon.Find(stem);
}

}  // namespace storydesk::stories
