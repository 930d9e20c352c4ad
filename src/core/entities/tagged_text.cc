#include "storydesk/entities/tagged_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>

#include "storydesk/text/utf8.h"

namespace storydesk::entities {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x2009 || c == 0x200A || c == 0x202F ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x2008) || c == 0xFEFF;
}

// Characters that are a token of their own at a word's start or end.
bool IsOpening(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == '{' || c == '`' || c == 0xAB ||
         c == 0x201E || c == '\'';
}
bool IsClosing(char32_t c) {
  return c == '"' || c == 0x201D || c == 0x2019 || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' ||
         c == ':' || c == '!' || c == '?' || c == 0xBB || c == '\'' || c == '.';
}
bool IsDash(char32_t c) { return c == 0x2014 || c == 0x2013; }

// Words whose period is part of the word: titles, months and other common news abbreviations.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "Mr",  "Mrs", "Ms", "Dr",   "Sen",  "Rep", "Gov", "Gen",  "Lt",   "Col",  "Sgt",  "Capt", "Adm", "Maj",
      "St",  "Jr",  "Sr", "Inc",  "Corp", "Co",  "Ltd", "Jan",  "Feb",  "Aug",  "Sep",  "Sept", "Oct", "Nov",
      "Dec", "Mt",  "Ft", "Prof", "Rev",  "vs",  "No",  "Gens", "Sens", "Reps", "Pres", "Bros"};
  if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
  if (word.find('.') != std::string_view::npos) return true;  // "U.S" of "U.S.", "a.m"
  return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
}

char32_t At(std::string_view text, size_t pos) { return text::DecodeUtf8(text, &pos); }

// Cuts one whitespace-free chunk [begin, end) into tokens.
void CutChunk(std::string_view text, size_t begin, size_t end, std::vector<ByteSpan>* out) {
  std::vector<ByteSpan> tail;
  // Leading marks.
  while (begin < end) {
    size_t next = begin;
    const char32_t c = text::DecodeUtf8(text, &next);
    // Closing curly marks too: a mark typed against the next word ("”Kim said") is not part of it.
    if (!IsOpening(c) && !IsDash(c) && c != 0x201D && c != 0x2019) break;
    if (c == 0x2019 && next < end && At(text, next) == 's') break;  // ’s of a word cut short
    if (c == '\'' && next < end && text[next] == '\'') ++next;      // '' as an opening quotation mark
    out->push_back({begin, next});
    begin = next;
  }
  // Trailing marks, peeled from the end.
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const char32_t c = At(text, start);
    if (!IsClosing(c) && !IsDash(c)) break;
    if (c == '.' && IsAbbreviation(text.substr(begin, start - begin))) break;
    if (c == '\'' && start > begin && text[start - 1] == '\'') --start;  // ''
    tail.push_back({start, end});
    end = start;
  }
  // Possessive 's / ’s as its own token.
  if (end >= begin + 3) {
    const std::string_view body = text.substr(begin, end - begin);
    for (const std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (body.size() > s.size() && body.ends_with(s)) {
        tail.push_back({end - s.size(), end});
        end -= s.size();
        break;
      }
    }
  }
  // Dashes inside ("word—word") split the rest.
  size_t piece = begin;
  for (size_t pos = begin; pos < end;) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(text, &pos);
    if (!IsDash(c)) continue;
    if (at > piece) out->push_back({piece, at});
    out->push_back({at, pos});
    piece = pos;
  }
  if (end > piece) out->push_back({piece, end});
  out->insert(out->end(), tail.rbegin(), tail.rend());
}

bool EndsSentence(std::string_view text, const ByteSpan& t) {
  const std::string_view s = text.substr(t.begin, t.end - t.begin);
  return s == "." || s == "!" || s == "?";
}

bool OpensSentence(std::string_view text, const ByteSpan& t) {
  const char32_t c = At(text, t.begin);
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)) || (c >= '0' && c <= '9') ||
         c == '"' || c == 0x201C || c == 0x2018 || c == '\'' || c == '(';
}

// A mark closing what the sentence's end mark ends. A straight mark is closing only when
// nothing follows it in its chunk: the one against the next word opens that word's quotation.
bool IsCloser(std::string_view text, const ByteSpan& t) {
  const char32_t c = At(text, t.begin);
  if (c == 0x201D || c == 0x2019 || c == ')' || c == ']') return true;
  if (c != '"' && c != '\'') return false;
  size_t after = t.end;
  return after >= text.size() || IsSpace(text::DecodeUtf8(text, &after));
}

// The token as the tagger's training text spells it: CoNLL-2003 has straight quotation marks
// and apostrophes only, so "’s" would be a word it never saw.
std::string AsTrainedOn(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  size_t pos = 0;
  while (pos < token.size()) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(token, &pos);
    if (c == 0x2018 || c == 0x2019) {
      out += '\'';
    } else if (c == 0x201C || c == 0x201D) {
      out += '"';
    } else {
      out.append(token.substr(at, pos - at));
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<ByteSpan>> SplitForTagging(std::string_view text) {
  std::vector<std::vector<ByteSpan>> sentences;
  std::vector<ByteSpan> line;
  auto end_line = [&] {
    // Within a line: sentence ends.
    std::vector<ByteSpan> sentence;
    for (size_t i = 0; i < line.size(); ++i) {
      sentence.push_back(line[i]);
      if (!EndsSentence(text, line[i])) continue;
      size_t j = i + 1;
      while (j < line.size() && IsCloser(text, line[j])) sentence.push_back(line[j++]);
      if (j < line.size() && OpensSentence(text, line[j])) {
        sentences.push_back(std::move(sentence));
        sentence.clear();
      }
      i = j - 1;
    }
    if (!sentence.empty()) sentences.push_back(std::move(sentence));
    line.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(text, &pos);
    if (c == '\n') {
      end_line();
      continue;
    }
    if (IsSpace(c)) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      if (IsSpace(text::DecodeUtf8(text, &next))) break;
      end = next;
    }
    CutChunk(text, at, end, &line);
    pos = end;
  }
  end_line();
  return sentences;
}

TaggedText TagText(const EntityModel& model, std::string_view text) {
  TaggedText tagged;
  tagged.sentences = SplitForTagging(text);
  std::vector<TokenSentence> document;
  document.reserve(tagged.sentences.size());
  for (const std::vector<ByteSpan>& sentence : tagged.sentences) {
    TokenSentence tokens;
    tokens.reserve(sentence.size());
    for (const ByteSpan& t : sentence) tokens.push_back(AsTrainedOn(text.substr(t.begin, t.end - t.begin)));
    document.push_back(std::move(tokens));
  }
  const std::vector<std::vector<EntitySpan>> names = model.Tag(document);
  for (size_t s = 0; s < names.size(); ++s) {
    for (const EntitySpan& n : names[s]) {
      tagged.names.push_back({{tagged.sentences[s][n.begin].begin, tagged.sentences[s][n.end - 1].end}, n.type, s});
    }
  }
  return tagged;
}

}  // namespace storydesk::entities
