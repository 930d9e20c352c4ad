// ReadConll: the CoNLL-2003 column format — one token per line, its columns separated by
// spaces or tabs (the word first, the NER tag last when tagged), a blank line after each
// sentence, "-DOCSTART-" lines between documents. What training, tagging and scoring the
// entity model read (`storydesk train-ner`, `storydesk tag --conll`).
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storydesk/entities/entity_model.h"
#include "storydesk/status.h"

namespace storydesk::read {

struct ConllSentence {
  std::vector<size_t> lines;              // 0-based index into ConllFile::lines, per token
  std::vector<std::string> words;         // the first column
  std::vector<std::string> last_columns;  // the last column ("" when the line has one column)
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

struct ConllFile {
  std::vector<std::string> lines;  // every line as read, without its end ("\n" or "\r\n")
  std::vector<ConllDocument> documents;
};

// Errors (kInvalidInput) name the origin and line: "ORIGIN:7: not UTF-8", "ORIGIN:7: a token
// line must start with its word" (a line of leading spaces), "ORIGIN: more than N lines".
Result<ConllFile> ReadConll(std::string_view text, const std::string& origin);

// The documents with their names read from the last column as IOB2 tags. Errors name the
// line of the first bad tag: "ORIGIN:12: \"B-FOO\" is not an IOB2 tag".
Result<std::vector<entities::LabeledDocument>> LabeledDocuments(const ConllFile& file, const std::string& origin);

}  // namespace storydesk::read
