#include "adapters/cli/claim_labels.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "adapters/cli/cli_common.h"
#include "core/stories/model_text.h"
#include "core/text/analyzer.h"

namespace storydesk::cli {

bool IsTestStory(const std::string& set, const std::string& story) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : set + "/" + story) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return (h >> 7) % 2 == 1;
}

Result<std::vector<ClaimLabel>> ReadClaimLabels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(ErrorCode::kIo, path + ": cannot read");
  std::vector<ClaimLabel> out;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.starts_with("set\t")) continue;
    const std::vector<std::string_view> f = stories::SplitTabs(line);
    auto error = [&](const std::string& what) {
      return Status::Error(ErrorCode::kInvalidInput, path + ":" + std::to_string(number) + ": " + what);
    };
    if (f.size() != 6) return error("expected 6 tab-separated fields: set story article sentence other label");
    ClaimLabel l{std::string(f[0]), std::string(f[1]), std::string(f[2]), 0, std::string(f[4]), std::string(f[5])};
    try {
      size_t used = 0;
      const unsigned long k = std::stoul(std::string(f[3]), &used);
      if (used != f[3].size() || k > 100000) return error("the sentence is not a number");
      l.sentence = static_cast<uint32_t>(k);
    } catch (const std::exception&) {
      return error("the sentence is not a number");
    }
    if (l.label != "yes" && l.label != "partial" && l.label != "no" && l.label != "na") {
      return error("the label must be yes, partial, no or na");
    }
    out.push_back(std::move(l));
  }
  return out;
}

Result<LabelledTexts> LoadLabelledTexts(const std::vector<ClaimLabel>& labels, const std::string& data_dir,
                                        stories::TermStatistics& statistics, const claims::StemSynonyms* synonyms) {
  std::set<std::string> sets, wanted;
  for (const ClaimLabel& l : labels) {
    sets.insert(l.set);
    wanted.insert(l.article);
    wanted.insert(l.other);
  }
  LabelledTexts out;
  for (const std::string& set : sets) {
    const std::string path = (std::filesystem::path(data_dir) / set / "articles.jsonl").string();
    if (!std::filesystem::exists(path)) return Status::Error(ErrorCode::kIo, path + ": not found");
    auto read = ReadInputs({path}, nullptr);
    if (!read.ok()) return read.status();
    for (RawArticle& a : read.value().articles) {
      if (wanted.count(a.id)) out.articles.emplace(a.id, std::move(a));
    }
  }
  text::TextAnalyzer analyzer;
  for (const std::string& id : wanted) {
    auto it = out.articles.find(id);
    if (it == out.articles.end()) return Status::Error(ErrorCode::kInvalidInput, "labelled article '" + id + "' is not in the data");
    out.texts.emplace(id, claims::BuildClaimText(analyzer.Analyze(it->second.text), statistics, synonyms));
  }
  return out;
}

const claims::ClaimSentence* LabelledSentence(const LabelledTexts& texts, const ClaimLabel& label) {
  auto it = texts.texts.find(label.article);
  if (it == texts.texts.end()) return nullptr;
  for (const claims::ClaimSentence& s : it->second.sentences) {
    if (s.index == label.sentence) return &s;
  }
  return nullptr;
}

}  // namespace storydesk::cli
