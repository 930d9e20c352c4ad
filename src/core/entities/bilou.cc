#include "core/entities/bilou.h"

namespace storydesk::entities {

std::string LabelName(int label) {
  if (label == kOutside) return "O";
  static constexpr std::array<char, 4> kParts = {'B', 'I', 'L', 'U'};
  std::string name(1, kParts[static_cast<size_t>(PartOf(label))]);
  name += '-';
  name += EntityTypeName(TypeOf(label));
  return name;
}

int LabelFromName(std::string_view name) {
  for (int label = 0; label < static_cast<int>(kLabels); ++label) {
    if (LabelName(label) == name) return label;
  }
  return kNoLabel;
}

bool MayFollow(int previous, int label, bool last) {
  const bool in_name = previous > kOutside && (PartOf(previous) == Part::kBegin || PartOf(previous) == Part::kInside);
  bool ok = false;
  if (in_name) {
    ok = label > kOutside && TypeOf(label) == TypeOf(previous) &&
         (PartOf(label) == Part::kInside || PartOf(label) == Part::kLast);
  } else {
    ok = label == kOutside || PartOf(label) == Part::kBegin || PartOf(label) == Part::kUnit;
  }
  if (ok && last && label > kOutside) ok = PartOf(label) == Part::kLast || PartOf(label) == Part::kUnit;
  return ok;
}

std::vector<int> LabelsOf(const std::vector<EntitySpan>& spans, size_t tokens) {
  std::vector<int> labels(tokens, kOutside);
  for (const EntitySpan& s : spans) {
    if (s.begin >= s.end || s.end > tokens) continue;
    if (s.end - s.begin == 1) {
      labels[s.begin] = LabelOf(s.type, Part::kUnit);
      continue;
    }
    labels[s.begin] = LabelOf(s.type, Part::kBegin);
    for (size_t i = s.begin + 1; i + 1 < s.end; ++i) labels[i] = LabelOf(s.type, Part::kInside);
    labels[s.end - 1] = LabelOf(s.type, Part::kLast);
  }
  return labels;
}

std::vector<EntitySpan> SpansOf(const std::vector<int>& labels) {
  std::vector<EntitySpan> spans;
  bool open = false;  // spans.back() takes an Inside or Last of its type next
  for (size_t i = 0; i < labels.size(); ++i) {
    const int label = labels[i];
    if (label <= kOutside) {
      open = false;
      continue;
    }
    const Part part = PartOf(label);
    const bool continues = open && (part == Part::kInside || part == Part::kLast) && spans.back().type == TypeOf(label);
    if (continues) {
      spans.back().end = i + 1;
    } else {
      spans.push_back({i, i + 1, TypeOf(label)});
    }
    open = part == Part::kBegin || part == Part::kInside;
  }
  return spans;
}

}  // namespace storydesk::entities
