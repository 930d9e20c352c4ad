#include "adapters/wordnet/wordnet_names.h"

#include <string>
#include <string_view>
#include <vector>

#include "adapters/wordnet/wordnet_files.h"

namespace storydesk::wordnet {
namespace {

// The coarse list of a noun's lexicographer file (lexnames(5)).
std::string_view NounList(int lexicographer_file) {
  switch (lexicographer_file) {
    case 18:
      return "wn-person";
    case 15:
      return "wn-location";
    case 14:
      return "wn-group";
    case 17:
      return "wn-object";  // rivers, mountains, planets
    case 4:                // noun.act: wars, crusades
    case 11:
      return "wn-event";
    case 6:
      return "wn-artifact";  // buildings, ships
    case 10:
      return "wn-communication";  // books, scriptures, languages' works
    default:
      return "wn-other";
  }
}

std::vector<std::string> Tokens(std::string_view lemma) {
  lemma = lemma.substr(0, lemma.find('('));
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start <= lemma.size()) {
    const size_t end = std::min(lemma.find('_', start), lemma.size());
    if (end > start) tokens.emplace_back(lemma.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

bool Capitalised(std::string_view lemma) { return !lemma.empty() && lemma[0] >= 'A' && lemma[0] <= 'Z'; }

// Lists the capitalised lemmas of each synset line of `data` (`synset_offset lex_filenum
// ss_type w_cnt word lex_id… p_cnt pointer…`, w_cnt in hexadecimal, p_cnt decimal, each
// pointer `symbol offset pos source/target`).
Status ListFile(const std::filesystem::path& path, bool nouns, entities::Gazetteer* gazetteer) {
  std::string data;
  if (!ReadWholeFile(path, &data)) return NotInstalled(path);
  size_t at = 0;
  while (at < data.size()) {
    const size_t end = std::min(data.find('\n', at), data.size());
    const std::string_view line(data.data() + at, end - at);
    const size_t line_offset = at;
    at = end + 1;
    if (line.empty() || line.starts_with("  ")) continue;  // licence header
    const std::vector<std::string_view> f = Fields(line);
    int file = 0;
    size_t words = 0, pointers = 0;
    auto bad = [&] {
      return Status::Error(ErrorCode::kInvalidInput,
                           path.string() + ": byte " + std::to_string(line_offset) + ": not a WordNet synset line");
    };
    // (Counts checked against the fields there are before any arithmetic on them.)
    if (f.size() < 4 || !ParseNumber(f[1], &file) || !ParseNumber(f[3], &words, 16) || words > (f.size() - 4) / 2) {
      return bad();
    }
    const size_t pointer_count_field = 4 + 2 * words;
    if (f.size() <= pointer_count_field || !ParseNumber(f[pointer_count_field], &pointers) ||
        pointers > (f.size() - pointer_count_field - 1) / 4) {
      return bad();
    }
    bool instance = false;
    for (size_t p = 0; p < pointers; ++p) instance = instance || f[pointer_count_field + 1 + 4 * p] == "@i";
    std::string list = nouns ? std::string(NounList(file)) + (instance ? "" : "-kind") : "wn-adjective";
    for (size_t w = 0; w < words; ++w) {
      const std::string_view lemma = f[4 + 2 * w];
      if (!Capitalised(lemma)) continue;
      gazetteer->Add(Tokens(lemma), list);  // a lemma of more tokens than a phrase may hold is left out
    }
  }
  return Status::Ok();
}

}  // namespace

Result<entities::Gazetteer> LoadWordNetNames(const std::filesystem::path& dir) {
  entities::Gazetteer gazetteer;
  if (Status s = ListFile(dir / "data.noun", /*nouns=*/true, &gazetteer); !s.ok()) return s;
  if (Status s = ListFile(dir / "data.adj", /*nouns=*/false, &gazetteer); !s.ok()) return s;
  return gazetteer;
}

}  // namespace storydesk::wordnet
