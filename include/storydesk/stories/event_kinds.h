// EventKinds: what kind of thing an article reports, read from its trigger words ("voted",
// "sentenced", "killed", "resigned"), so that two reports sharing their people and topic but not
// their kind of happening — Cheney's ouster and Stefanik's election, a ceasefire and the
// strikes before it — look less like one event.
//
// The kinds follow the event types of the ACE 2005 annotation guidelines (Linguistic Data
// Consortium, "ACE (Automatic Content Extraction) English Annotation Guidelines for Events",
// v5.4.3, 2005: Life, Movement, Transaction, Business, Conflict, Contact, Personnel, Justice),
// with the few kinds news adds that ACE leaves out (votes, natural disasters, accidents). A
// trigger is listed only when it names its kind in most news uses: "shot" (a vaccine dose) and
// "fire", "strike", "rule" and "pass" (each with several common senses) are left out, and so
// are report verbs ("said", "announced"), which every kind of news uses.
//
// The lexicon is written as words and looked up by their Snowball stems (text/stemmer.h), the
// form the analyser gives an article's words. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace storydesk::stories {

// The kinds, in a fixed order: a kind's number is its place here.
enum class EventKind : unsigned char {
  kAttack,
  kDie,
  kInjure,
  kArrest,
  kCharge,
  kTrial,
  kVerdict,
  kSentence,
  kSue,
  kElect,
  kVote,
  kEndPosition,
  kStartPosition,
  kMeet,
  kAgree,
  kProtest,
  kDisaster,
  kAccident,
  kAcquire,
  kBankrupt,
  kMarry,
  kDivorce,
  kBorn,
  kKidnap,
  kRescue,
  kRelease,
  kSanction,
  kLaunch,
  kCount
};

inline constexpr size_t kEventKindCount = static_cast<size_t>(EventKind::kCount);

// The kind's name ("attack", "end-position", ...); empty for kCount.
std::string_view EventKindName(EventKind kind);

// The kind a stem triggers, if any: EventKindOfStem("kill") is kDie, EventKindOfStem("talk") is
// none. `stem` is a Snowball stem of a lower-case word, as the analyser gives it.
std::optional<EventKind> EventKindOfStem(std::string_view stem);

}  // namespace storydesk::stories
