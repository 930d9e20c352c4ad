#include "storydesk/text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "storydesk/text/utf8.h"

namespace storydesk::text {
namespace {

// Control characters carry no meaning in article text (they come from broken encoders and
// copy-paste); tab and the line breaks are kept for the whitespace pass, and so is NEL (U+0085),
// a line break in old EBCDIC-derived text.
bool IsDroppedControl(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\v' && cp != '\f' && cp != '\r';
  return (cp >= 0x7F && cp <= 0x9F && cp != 0x85);
}

// Invisible format characters: a copy of a text that gained or lost one of these reads the same,
// so it must hash the same. They are removed before NFKC, because a zero-width space between a
// letter and a combining accent would otherwise block their composition, and removing it later
// would leave a text that is no longer NFKC.
bool IsDroppedFormat(char32_t cp) {
  return cp == 0x00AD                       // soft hyphen
         || cp == 0x061C                    // Arabic letter mark
         || cp == 0x180E                    // Mongolian vowel separator
         || (cp >= 0x200B && cp <= 0x200F)  // zero-width space, ZWNJ, ZWJ, LRM, RLM
         || (cp >= 0x202A && cp <= 0x202E)  // bidi embeddings and overrides
         || (cp >= 0x2060 && cp <= 0x2064)  // word joiner, invisible operators
         || (cp >= 0x2066 && cp <= 0x2069)  // bidi isolates
         || cp == 0xFEFF;                   // byte order mark, zero-width no-break space
}

// Step 1: bad bytes → U+FFFD, dropped characters removed, and the acute accent used as an
// apostrophe ("don´t") folded before NFKC would turn it into a space and a combining accent.
// Returns `raw` itself when nothing changes (the common case), else a view of *storage.
// *ascii tells whether the result is pure ASCII (then NFKC can be skipped).
std::string_view Repair(std::string_view raw, std::string* storage, bool* ascii) {
  bool copying = false;
  *ascii = true;
  size_t pos = 0;
  while (pos < raw.size()) {
    const size_t start = pos;
    const auto byte = static_cast<unsigned char>(raw[pos]);
    char32_t cp = byte;
    bool malformed = false;
    if (byte < 0x80) {
      ++pos;
    } else {
      *ascii = false;
      cp = DecodeUtf8(raw, &pos);
      // A well-formed U+FFFD takes three bytes; a one-byte step means a malformed byte.
      malformed = pos - start == 1;
    }
    const bool drop = !malformed && (IsDroppedControl(cp) || IsDroppedFormat(cp));
    const bool fold = cp == 0x00B4;
    if (!copying) {
      if (!malformed && !drop && !fold) continue;
      copying = true;
      storage->reserve(raw.size() + 8);
      storage->assign(raw.substr(0, start));
    }
    if (malformed) {
      AppendUtf8(0xFFFD, storage);
    } else if (fold) {
      storage->push_back('\'');
    } else if (!drop) {
      storage->append(raw.substr(start, pos - start));
    }
  }
  return copying ? std::string_view(*storage) : raw;
}

const icu::Normalizer2& Nfkc() {
  // getNFKCInstance returns a process-wide singleton owned by ICU; it fails only when the ICU
  // data library is missing, which is a broken installation, not bad input.
  static const icu::Normalizer2* const kInstance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      throw std::runtime_error(std::string("ICU NFKC normaliser unavailable: ") + u_errorName(status));
    }
    return n;
  }();
  return *kInstance;
}

// Step 2: NFKC. Returns `text` itself when it is already normalised, else a view of *storage.
std::string_view ApplyNfkc(std::string_view text, std::string* storage) {
  // ICU measures strings in int32_t; articles are limited to megabytes long before that.
  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) return text;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  const icu::Normalizer2& nfkc = Nfkc();
  UErrorCode status = U_ZERO_ERROR;
  if (nfkc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  storage->clear();
  storage->reserve(text.size() + text.size() / 8);
  icu::StringByteSink<std::string> sink(storage);
  nfkc.normalizeUTF8(0, piece, sink, nullptr, status);
  // Input is well-formed after Repair, so failure would be an ICU bug; keep the text unchanged.
  if (U_FAILURE(status)) return text;
  return *storage;
}

// What step 3 does with one non-ASCII code point.
enum class Fold { kKeep, kApostrophe, kQuote, kDash, kSpace, kNewline, kParagraph, kDrop };

Fold Classify(char32_t cp) {
  switch (cp) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′ (pairs are handled by the caller: NFKC writes ″ as ′′)
    case 0x2035:  // ‵
    case 0x2039:  // ‹
    case 0x203A:  // ›
    case 0x02BC:  // ʼ modifier letter apostrophe
      return Fold::kApostrophe;
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x00AB:  // «
    case 0x00BB:  // »
      return Fold::kQuote;
    case 0x2010:  // ‐ (NFKC also maps the non-breaking hyphen ‑ here)
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
    case 0x2212:  // −
    case 0x2E3A:  // ⸺
    case 0x2E3B:  // ⸻
      return Fold::kDash;
    case 0x0085:  // NEL
    case 0x2028:  // line separator
      return Fold::kNewline;
    case 0x2029:  // paragraph separator
      return Fold::kParagraph;
    default:
      break;
  }
  if (IsDroppedFormat(cp)) return Fold::kDrop;
  // NFKC has already mapped no-break and fixed-width spaces to U+0020; what is left (ogham
  // space mark and the like) is still a space.
  if (u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR) return Fold::kSpace;
  return Fold::kKeep;
}

// Step 3 and 4: folding and whitespace, in one pass.
//
// Whitespace is never written when seen; it is remembered (`space`, `newlines`) and written
// only before the next visible character. That one rule trims lines and the text, collapses
// runs of spaces and caps blank lines at one.
std::string FoldAndSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  int newlines = 0;
  auto before_visible = [&] {
    if (!out.empty()) {
      if (newlines >= 2) {
        out += "\n\n";
      } else if (newlines == 1) {
        out += '\n';
      } else if (space) {
        out += ' ';
      }
    }
    space = false;
    newlines = 0;
  };

  size_t pos = 0;
  const size_t size = text.size();
  while (pos < size) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++pos;
      switch (c) {
        case ' ':
        case '\t':
          space = true;
          break;
        case '\r':
          if (pos < size && text[pos] == '\n') ++pos;
          [[fallthrough]];
        case '\n':
        case '\v':
        case '\f':
          ++newlines;
          space = false;
          break;
        case '`':
          before_visible();
          out += '\'';
          break;
        default:
          before_visible();
          out += c;
          break;
      }
      continue;
    }
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    switch (Classify(cp)) {
      case Fold::kKeep:
        before_visible();
        out.append(text.substr(start, pos - start));
        break;
      case Fold::kApostrophe:
        before_visible();
        // ″ arrives here as ′′ (NFKC): a double prime is a double quote.
        if (cp == 0x2032 && text.substr(pos, 3) == "\xE2\x80\xB2") {
          pos += 3;
          out += '"';
        } else {
          out += '\'';
        }
        break;
      case Fold::kQuote:
        before_visible();
        out += '"';
        break;
      case Fold::kDash:
        before_visible();
        out += '-';
        break;
      case Fold::kSpace:
        space = true;
        break;
      case Fold::kNewline:
        ++newlines;
        space = false;
        break;
      case Fold::kParagraph:
        newlines += 2;
        space = false;
        break;
      case Fold::kDrop:
        break;
    }
  }
  return out;
}

}  // namespace

std::string Normalize(std::string_view raw) {
  std::string repaired;
  bool ascii = true;
  std::string_view text = Repair(raw, &repaired, &ascii);
  std::string nfkc;
  if (!ascii) text = ApplyNfkc(text, &nfkc);
  return FoldAndSpace(text);
}

}  // namespace storydesk::text
