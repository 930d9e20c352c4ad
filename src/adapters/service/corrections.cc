#include "adapters/service/corrections.h"

#include <ctime>
#include <map>
#include <set>
#include <utility>

namespace storydesk::service {
namespace {

Status NoStory(int64_t id) { return Status::Error(ErrorCode::kNotFound, "no story " + std::to_string(id)); }

// The summary of the live story `id` names now (through merges), or kNotFound.
Result<store::StorySummary> LiveStory(store::Store& db, int64_t id) {
  if (id <= 0) return NoStory(id);
  auto summary = db.GetStory(id);
  if (!summary.ok() && summary.status().code() == ErrorCode::kNotFound) return NoStory(id);
  return summary;
}

// The articles of story `story` that move when `named` (some of its members) do: each named
// article's copy family — its original (or itself) and every copy of that original — in the
// story's order. `members` is the story's StoryArticles.
std::vector<std::string> WithCopyFamilies(const std::vector<store::StoredArticle>& members,
                                          const std::set<std::string>& named) {
  std::set<std::string> originals;
  for (const store::StoredArticle& m : members) {
    if (named.contains(m.raw.id)) originals.insert(m.copy_of.value_or(m.raw.id));
  }
  std::vector<std::string> out;
  for (const store::StoredArticle& m : members) {
    if (originals.contains(m.copy_of.value_or(m.raw.id))) out.push_back(m.raw.id);
  }
  return out;
}

}  // namespace

Result<store::CorrectionPlan> PlanCorrection(store::Store& db, const CorrectionRequest& request) {
  using store::CorrectionKind;
  store::CorrectionPlan plan;
  plan.kind = request.kind;
  plan.by = request.by;
  plan.note = request.note;
  plan.made_at = request.made_at != 0 ? request.made_at : static_cast<int64_t>(std::time(nullptr));

  if (request.kind == CorrectionKind::kMerge) {
    auto from_story = LiveStory(db, request.story);
    if (!from_story.ok()) return from_story.status();
    auto into_story = LiveStory(db, request.to);
    if (!into_story.ok()) return into_story.status();
    const int64_t from = from_story.value().id;
    const int64_t into = into_story.value().id;
    if (from == into) {
      return Status::Error(ErrorCode::kUsage, "stories " + std::to_string(request.story) + " and " +
                                                  std::to_string(request.to) + " are one story already (" +
                                                  std::to_string(into) + ")");
    }
    auto members = db.StoryMembers(from);
    if (!members.ok()) return members.status();
    for (const store::StoryMember& m : members.value()) plan.moves.emplace_back(m.id, from);
    plan.into = into;
    plan.emptied = {from};
    return plan;
  }

  if (request.kind == CorrectionKind::kMoveEvent) {
    auto event = LiveStory(db, request.story);
    if (!event.ok()) return event.status();
    const store::StorySummary& e = event.value();
    if (e.storyline <= 0) {
      return Status::Error(ErrorCode::kUsage, "story " + std::to_string(e.id) +
                                                  " is in no storyline: this store groups at one level "
                                                  "(ingest --events groups events into storylines)");
    }
    if (request.storyline > 0) {
      if (request.storyline == e.storyline) {
        return Status::Error(ErrorCode::kUsage, "event " + std::to_string(e.id) + " is in storyline " +
                                                    std::to_string(e.storyline) + " already");
      }
      store::StoryFilter of_line;
      of_line.storyline = request.storyline;
      of_line.limit = 1;
      auto found = db.ListStories(of_line);
      if (!found.ok()) return found.status();
      if (found.value().empty()) {
        return Status::Error(ErrorCode::kNotFound, "no storyline " + std::to_string(request.storyline));
      }
      plan.storyline = request.storyline;
    } else {
      if (e.storyline_events <= 1) {
        return Status::Error(ErrorCode::kUsage, "event " + std::to_string(e.id) +
                                                    " is the only event of its storyline: it has one of its own");
      }
      auto max_line = db.MaxStorylineId();
      if (!max_line.ok()) return max_line.status();
      plan.storyline = max_line.value() + 1;
    }
    auto members = db.StoryMembers(e.id);
    if (!members.ok()) return members.status();
    for (const store::StoryMember& m : members.value()) plan.moves.emplace_back(m.id, e.id);
    plan.into = e.id;
    return plan;
  }

  if (request.articles.empty()) return Status::Error(ErrorCode::kUsage, "name at least one article to move");
  if (request.articles.size() > kMaxCorrectionArticles) {
    return Status::Error(ErrorCode::kUsage, "at most " + std::to_string(kMaxCorrectionArticles) +
                                                " articles per correction (got " +
                                                std::to_string(request.articles.size()) + ")");
  }
  // Each named article, by the story it is in now.
  std::map<int64_t, std::set<std::string>> named;
  for (const std::string& id : request.articles) {
    auto article = db.GetArticle(id);
    if (!article.ok()) return article.status();
    if (!article.value()) return Status::Error(ErrorCode::kNotFound, "no article '" + id + "'");
    named[article.value()->story].insert(id);
  }

  int64_t split_from = 0;
  if (request.kind == CorrectionKind::kSplit) {
    auto story = LiveStory(db, request.story);
    if (!story.ok()) return story.status();
    split_from = story.value().id;
    for (const auto& [in, ids] : named) {
      if (in != split_from) {
        return Status::Error(ErrorCode::kUsage, "article '" + *ids.begin() + "' is not in story " +
                                                    std::to_string(request.story) + " but in story " +
                                                    std::to_string(in));
      }
    }
    auto max_story = db.MaxStoryId();
    if (!max_story.ok()) return max_story.status();
    plan.into = max_story.value() + 1;
    plan.storyline = story.value().storyline;
  } else {
    auto to = LiveStory(db, request.to);
    if (!to.ok()) return to.status();
    plan.into = to.value().id;
    named.erase(plan.into);  // already there
    if (named.empty()) {
      return Status::Error(ErrorCode::kUsage, "nothing to move: every article named is in story " +
                                                  std::to_string(plan.into) + " already");
    }
  }

  for (const auto& [story, ids] : named) {
    auto members = db.StoryArticles(story);
    if (!members.ok()) return members.status();
    const std::vector<std::string> moving = WithCopyFamilies(members.value(), ids);
    for (const std::string& id : moving) plan.moves.emplace_back(id, story);
    if (moving.size() == members.value().size()) {
      if (request.kind == CorrectionKind::kSplit) {
        return Status::Error(ErrorCode::kUsage, "nothing to split off: those are all of story " +
                                                    std::to_string(story) + "'s articles (with their copies)");
      }
      plan.emptied.push_back(story);
    }
  }
  return plan;
}

Result<store::CorrectionRecord> Correct(store::Store& db, const CorrectionRequest& request) {
  for (int attempt = 0;; ++attempt) {
    auto plan = PlanCorrection(db, request);
    if (!plan.ok()) return plan.status();
    auto applied = db.ApplyCorrection(plan.value());
    if (applied.ok()) return store::CorrectionRecord{applied.value(), std::move(plan).value()};
    // Another writer changed the stories between planning and applying: plan once more.
    if (applied.status().code() != ErrorCode::kConflict || attempt >= 1) return applied.status();
  }
}

nlohmann::json CorrectionJson(const store::CorrectionRecord& record) {
  const store::CorrectionPlan& p = record.plan;
  nlohmann::json articles = nlohmann::json::array();
  for (const auto& [id, from] : p.moves) articles.push_back({{"id", id}, {"from", from}});
  nlohmann::json out = {
      {"id", record.id}, {"kind", store::CorrectionKindName(p.kind)}, {"made_at", p.made_at}, {"by", p.by},
      {"note", p.note},  {"articles", std::move(articles)},           {"into", p.into},       {"emptied", p.emptied}};
  if ((p.kind == store::CorrectionKind::kSplit || p.kind == store::CorrectionKind::kMoveEvent) && p.storyline > 0) {
    out["storyline"] = p.storyline;
  }
  return out;
}

Status KeepCorrectionsApart(store::Store& db, StoryEngine& engine) {
  auto corrections = db.ListCorrections();
  if (!corrections.ok()) return corrections.status();
  for (const store::CorrectionRecord& r : corrections.value()) {
    // A merge joins and keeps nothing apart; an event moved between storylines stays one event.
    if (r.plan.kind == store::CorrectionKind::kMerge || r.plan.kind == store::CorrectionKind::kMoveEvent) continue;
    std::set<int64_t> left;
    for (const auto& [article, from] : r.plan.moves) left.insert(from);
    for (int64_t from : left) engine.KeepApart(from, r.plan.into);
  }
  return Status::Ok();
}

}  // namespace storydesk::service
