// How a `.json` file holds its articles, and the elements of a JSON array of articles.
//
// A `.json` file is one of three shapes, judged from its first bytes (SniffJsonFile):
//   - JSON Lines, like a `.jsonl` file: the first record is complete on its first line (or the
//     file starts with neither '{' nor '['; its lines are then read, and rejected, as JSON Lines);
//   - one JSON object spread over several lines (pretty-printed): one article;
//   - a JSON array of article objects, on any number of lines: one article per element.
// The readers then read a document whole (a bounded number of bytes, see path_reader.h) and
// check each record with ParseJsonLine (jsonl_reader.h), so every shape has the same checks.
// Pure functions; thread-safe; never throw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storydesk::read {

enum class JsonFileShape { kJsonLines, kObject, kArray };

// The shape of a `.json` file from `head`, its first bytes (the whole file or at least its first
// line when it can be had: a head without a line break whose first record is incomplete is
// taken as JSON Lines, whose reader then reports the record).
JsonFileShape SniffJsonFile(std::string_view head);

// One element of a top-level array: its exact text and the 1-based line it starts on.
struct JsonElement {
  std::string_view text;
  int64_t line = 0;
};

// A problem with the array itself (not with one of its elements), at a 1-based line.
struct JsonArrayProblem {
  int64_t line = 0;
  std::string message;  // one line, e.g. "the JSON array is not closed"
};

struct JsonArraySplit {
  std::vector<JsonElement> elements;  // in order; empty elements ("[1,,2]") are problems instead
  std::vector<JsonArrayProblem> problems;
};

// Splits `document`, which starts (after white space) with '[', into the texts of its elements
// without parsing them: commas and the closing bracket count only outside strings and nested
// values, so a malformed element costs that element alone. Elements are views into `document`.
// Problems: a missing element ("[a,,b]", "[a,]"), an array that is not closed (a file cut short;
// what there is of its last element is still returned, to be judged as a record), text after the
// closing bracket. Linear time.
JsonArraySplit SplitJsonArray(std::string_view document);

// Whether `text` is exactly one well-formed JSON value (white space around it allowed), nested
// at most kMaxJsonNesting levels deep (jsonl_reader.h). Builds no tree.
bool IsOneJsonValue(std::string_view text);

}  // namespace storydesk::read
