// WordNet synonyms: reading the index and data files of WordNet 3.0 (formats in wndb(5)).
#include "adapters/wordnet/wordnet_synonyms.h"

#include <array>
#include <sstream>
#include <string_view>

#include "adapters/wordnet/wordnet_files.h"
#include "storydesk/text/stopwords.h"

namespace storydesk::wordnet {
namespace {

// The four parts of speech, in the order that breaks ties between them.
constexpr std::array<std::string_view, 4> kPartsOfSpeech = {"noun", "verb", "adj", "adv"};

bool IsLowerAsciiWord(std::string_view word) {
  if (word.empty()) return false;
  for (const char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// A content word's first sense in one part of speech, from its index line.
struct FirstSense {
  size_t part = 0;          // index into kPartsOfSpeech
  long tagged_senses = -1;  // tagsense_cnt
  size_t offset = 0;        // byte offset of the synset's line in data.<part>
};

// Parses `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...`.
bool ParseIndexLine(std::string_view line, std::string_view* lemma, long* tagged_senses, size_t* first_offset) {
  const std::vector<std::string_view> f = Fields(line);
  size_t synsets = 0, pointers = 0;
  if (f.size() < 4 || !ParseNumber(f[2], &synsets) || !ParseNumber(f[3], &pointers)) return false;
  const size_t tagsense_field = 4 + pointers + 1;
  const size_t first_offset_field = tagsense_field + 1;
  if (synsets == 0 || f.size() < first_offset_field + synsets) return false;
  if (!ParseNumber(f[tagsense_field], tagged_senses) || !ParseNumber(f[first_offset_field], first_offset)) {
    return false;
  }
  *lemma = f[0];
  return true;
}

// The words of the data line at `offset`: `synset_offset lex_filenum ss_type w_cnt word lex_id...`
// with w_cnt in hexadecimal. Adjective words may carry a syntactic marker ("big(a)"); it is cut.
bool SynsetWords(const std::string& data, size_t offset, std::vector<std::string_view>* words) {
  if (offset >= data.size() || (offset > 0 && data[offset - 1] != '\n')) return false;
  const size_t line_end = data.find('\n', offset);
  const std::string_view line(data.data() + offset, (line_end == std::string::npos ? data.size() : line_end) - offset);
  const std::vector<std::string_view> f = Fields(line);
  size_t offset_field = 0, count = 0;
  if (f.size() < 4 || !ParseNumber(f[0], &offset_field) || offset_field != offset || !ParseNumber(f[3], &count, 16) ||
      f.size() < 4 + 2 * count) {
    return false;
  }
  words->clear();
  for (size_t i = 0; i < count; ++i) {
    std::string_view word = f[4 + 2 * i];
    word = word.substr(0, word.find('('));
    words->push_back(word);
  }
  return true;
}

}  // namespace

Result<SynonymMap> LoadWordNetSynonyms(const std::filesystem::path& dir) {
  std::array<std::string, kPartsOfSpeech.size()> data;
  std::unordered_map<std::string, FirstSense> first_senses;
  for (size_t part = 0; part < kPartsOfSpeech.size(); ++part) {
    const std::filesystem::path index_path = dir / ("index." + std::string(kPartsOfSpeech[part]));
    const std::filesystem::path data_path = dir / ("data." + std::string(kPartsOfSpeech[part]));
    std::string index;
    if (!ReadWholeFile(index_path, &index)) return NotInstalled(index_path);
    if (!ReadWholeFile(data_path, &data[part])) return NotInstalled(data_path);

    std::istringstream lines(index);
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("  ") || line.empty()) continue;  // licence header
      std::string_view lemma;
      FirstSense sense{part, -1, 0};
      if (!ParseIndexLine(line, &lemma, &sense.tagged_senses, &sense.offset)) {
        return Status::Error(ErrorCode::kInvalidInput,
                             "bad WordNet index line in " + index_path.string() + ": " + line);
      }
      if (!IsLowerAsciiWord(lemma) || text::IsStopWord(lemma)) continue;
      auto [it, inserted] = first_senses.try_emplace(std::string(lemma), sense);
      // Parts come in tie-breaking order, so only a strictly better count replaces.
      if (!inserted && sense.tagged_senses > it->second.tagged_senses) it->second = sense;
    }
  }

  SynonymMap synonyms;
  std::vector<std::string_view> words;
  for (const auto& [lemma, sense] : first_senses) {
    if (!SynsetWords(data[sense.part], sense.offset, &words)) {
      return Status::Error(ErrorCode::kInvalidInput,
                           "WordNet index entry \"" + lemma + "\" (" + std::string(kPartsOfSpeech[sense.part]) +
                               ") points to no synset at offset " + std::to_string(sense.offset));
    }
    std::vector<std::string> others;
    for (const std::string_view word : words) {
      if (word == lemma || !IsLowerAsciiWord(word)) continue;
      bool seen = false;
      for (const std::string& other : others) seen = seen || other == word;
      if (!seen) others.emplace_back(word);
    }
    if (!others.empty()) synonyms.emplace(lemma, std::move(others));
  }
  return synonyms;
}

}  // namespace storydesk::wordnet
