// The line structure shared by storydesk's text model files (background_frequencies.h,
// story_model.h): a first line that is exactly the format's versioned header, then content
// lines; blank lines and lines starting with '#' are comments. CRLF line ends are accepted.
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/status.h"

namespace storydesk::learning {

// kInvalidInput "line N: what".
Status ModelLineError(size_t number, const std::string& what);

// Checks the header, then calls `visit` with each content line and its 1-based number,
// stopping at the first error it returns. *lines is set to the number of lines read.
// Errors: "line 1: empty; expected the header", "line 1: expected the header \"...\"".
Status ForEachModelLine(std::string_view text, std::string_view header,
                        const std::function<Status(size_t number, std::string_view line)>& visit, size_t* lines);

inline std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

// The tab-separated fields of a model line.
// (SplitTabs above.) Reads "name=value" fields (after the first, the line's label) into `weights`, whose names are
// given by `name_of`.
template <size_t N>
Status ReadWeights(const std::vector<std::string_view>& fields, size_t number, std::string_view (*name_of)(size_t),
                   std::array<double, N>* weights) {
  std::array<bool, N> seen{};
  for (size_t i = 1; i < fields.size(); ++i) {
    const size_t eq = fields[i].find('=');
    if (eq == std::string_view::npos)
      return ModelLineError(number, "expected NAME=WEIGHT, got \"" + std::string(fields[i]) + "\"");
    const std::string_view name = fields[i].substr(0, eq);
    const std::string value(fields[i].substr(eq + 1));
    size_t index = N;
    for (size_t k = 0; k < N; ++k) {
      if (name_of(k) == name) index = k;
    }
    if (index == N) return ModelLineError(number, "unknown feature \"" + std::string(name) + "\"");
    if (seen[index]) return ModelLineError(number, "feature \"" + std::string(name) + "\" appears twice");
    char* end = nullptr;
    const double w = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(w)) {
      return ModelLineError(number, "the weight of \"" + std::string(name) + "\" is not a finite number");
    }
    (*weights)[index] = w;
    seen[index] = true;
  }
  for (size_t k = 0; k < N; ++k) {
    if (!seen[k]) return ModelLineError(number, "missing feature \"" + std::string(name_of(k)) + "\"");
  }
  return Status::Ok();
}

// One model line: `label`, then a tab-separated "name=weight" per weight.
template <size_t N>
std::string WriteWeights(std::string_view label, const std::array<double, N>& weights,
                         std::string_view (*name_of)(size_t)) {
  std::string line(label);
  for (size_t k = 0; k < N; ++k) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.9g", weights[k]);
    line += '\t';
    line += name_of(k);
    line += '=';
    line += buffer;
  }
  return line + '\n';
}

// The layout of a logistic model with its operating point (the sentence matcher, the rewrite
// decision): the header, comments, one `weights_label` line of weights and one `point_label`
// line "probability=P" with P in (0, 1). Errors are kInvalidInput "line N: ..."; the point is
// named `point_name` in them ("the match probability must be in (0, 1)").
struct OperatingPointLayout {
  std::string_view header;
  std::string_view weights_label;
  std::string_view point_label;
  std::string_view point_name;
};

inline std::string_view ProbabilityFieldName(size_t) { return "probability"; }

template <size_t N>
Status ParseWeightsWithOperatingPoint(std::string_view text, const OperatingPointLayout& layout,
                                      std::string_view (*name_of)(size_t), std::array<double, N>* weights,
                                      double* probability) {
  bool have_weights = false, have_point = false;
  size_t lines = 0;
  Status status = ForEachModelLine(
      text, layout.header,
      [&](size_t number, std::string_view line) -> Status {
        const std::vector<std::string_view> fields = SplitTabs(line);
        if (fields[0] == layout.weights_label && !have_weights) {
          have_weights = true;
          return ReadWeights(fields, number, name_of, weights);
        }
        if (fields[0] == layout.point_label && !have_point) {
          have_point = true;
          std::array<double, 1> p{};
          if (Status s = ReadWeights(fields, number, ProbabilityFieldName, &p); !s.ok()) return s;
          if (p[0] <= 0.0 || p[0] >= 1.0) {
            return ModelLineError(number, "the " + std::string(layout.point_name) + " probability must be in (0, 1)");
          }
          *probability = p[0];
          return Status::Ok();
        }
        return ModelLineError(number, "expected one \"" + std::string(layout.weights_label) + "\" and one \"" +
                                          std::string(layout.point_label) + "\" line, got \"" + std::string(fields[0]) +
                                          "\"");
      },
      &lines);
  if (!status.ok()) return status;
  if (!have_weights || !have_point) {
    return ModelLineError(lines, "the \"" + std::string(layout.weights_label) + "\" or \"" +
                                     std::string(layout.point_label) + "\" line is missing");
  }
  return Status::Ok();
}

template <size_t N>
std::string FormatWeightsWithOperatingPoint(const OperatingPointLayout& layout,
                                            const std::vector<std::string>& comments,
                                            std::string_view (*name_of)(size_t), const std::array<double, N>& weights,
                                            double probability) {
  std::string out(layout.header);
  out += '\n';
  for (const std::string& c : comments) out += "# " + c + '\n';
  out += WriteWeights(layout.weights_label, weights, name_of);
  out += WriteWeights(layout.point_label, std::array<double, 1>{probability}, ProbabilityFieldName);
  return out;
}

}  // namespace storydesk::learning
