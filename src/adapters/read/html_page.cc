#include "adapters/read/html_page.h"

#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/read/text_checks.h"
#include "storydesk/text/utf8.h"
#include "storydesk/time/published_time.h"
#include "storydesk/time/timex.h"

namespace storydesk::read {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Appends `text` with runs of white space (and no-break spaces) as one space.
void AppendCollapsed(std::string* out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp =
        static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (IsSpace(c) || nbsp) {
      if (nbsp) ++i;
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

std::string Collapse(std::string_view text) {
  std::string out;
  AppendCollapsed(&out, text);
  return std::string(TrimWhitespace(out));
}

// ---- encodings ----

std::string DeclaredCharset(std::string_view head) {
  const std::string lower = Lower(head.substr(0, 4096));
  size_t at = 0;
  while ((at = lower.find("charset", at)) != std::string::npos) {
    size_t i = at + 7;
    while (i < lower.size() && IsSpace(lower[i])) ++i;
    if (i < lower.size() && lower[i] == '=') {
      ++i;
      while (i < lower.size() && (IsSpace(lower[i]) || lower[i] == '"' || lower[i] == '\'')) ++i;
      size_t end = i;
      while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) != 0 || lower[end] == '-' ||
                                    lower[end] == '_' || lower[end] == ':' || lower[end] == '.')) {
        ++end;
      }
      // Encoding labels are short; a long run is no label (and is not quoted in a message).
      if (end > i && end - i <= 40) return lower.substr(i, end - i);
    }
    at += 7;
  }
  return {};
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) return Status::Error(ErrorCode::kInvalidInput, "unknown character encoding '" + charset + "'");
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status)) return Status::Error(ErrorCode::kInvalidInput, "no UTF-8 converter");
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status))
    return Status::Error(ErrorCode::kInvalidInput, "cannot convert from " + charset + ": " + u_errorName(status));
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

bool IsKnownCharset(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset.c_str(), &status), &ucnv_close);
  return U_SUCCESS(status);
}

// The page as UTF-8, and the encoding it was read in. A BOM decides, then the transport's
// charset (HTTP Content-Type) when ICU knows it, then the page's own declaration.
Result<std::pair<std::string, std::string>> Decode(std::string_view bytes, std::string_view transport_charset) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (text::IsValidUtf8(bytes)) return std::pair<std::string, std::string>(std::string(bytes), "UTF-8");
    auto converted = ConvertToUtf8(bytes, "UTF-8");  // replaces what is broken
    if (!converted.ok()) return converted.status();
    return std::pair<std::string, std::string>(std::move(converted).value(), "UTF-8");
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const std::string charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    auto converted = ConvertToUtf8(bytes.substr(2), charset);
    if (!converted.ok()) return converted.status();
    return std::pair<std::string, std::string>(std::move(converted).value(), charset);
  }
  std::string charset = Lower(transport_charset);
  if (charset.empty() || !IsKnownCharset(charset)) charset = DeclaredCharset(bytes);
  if (charset == "utf8" || charset == "unicode") charset = "utf-8";
  // What browsers do (WHATWG Encoding): "iso-8859-1" and "ascii" labels mean windows-1252.
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii") {
    charset = "windows-1252";
  }
  if (charset.empty() || charset == "utf-8") {
    if (text::IsValidUtf8(bytes)) return std::pair<std::string, std::string>(std::string(bytes), "UTF-8");
    if (charset == "utf-8") {
      auto converted = ConvertToUtf8(bytes, "UTF-8");
      if (!converted.ok()) return converted.status();
      return std::pair<std::string, std::string>(std::move(converted).value(), "UTF-8");
    }
    charset = "windows-1252";
  }
  auto converted = ConvertToUtf8(bytes, charset);
  if (!converted.ok()) return converted.status();
  return std::pair<std::string, std::string>(std::move(converted).value(), charset);
}

// ---- the tree ----

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsElement(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT; }

GumboTag Tag(const GumboNode* node) { return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

// Never article text, whatever their class. Not <form>: ASP.NET pages wrap everything in one.
bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements that end the block of text before them and start their own.
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Class and id words of article text, and of what surrounds it (Readability's lists, as words).
constexpr std::string_view kPositiveCues[] = {"article", "body", "content", "entry",       "main",     "post",
                                              "story",   "text", "blog",    "articlebody", "storybody"};
constexpr std::string_view kNegativeCues[] = {
    "comment",  "comments",   "share",         "sharing",  "social",   "related",    "recommended", "recommendations",
    "promo",    "newsletter", "subscribe",     "signup",   "cookie",   "cookies",    "consent",     "banner",
    "sidebar",  "breadcrumb", "breadcrumbs",   "nav",      "navbar",   "navigation", "menu",        "footer",
    "masthead", "advert",     "advertisement", "ad",       "ads",      "sponsor",    "sponsored",   "caption",
    "credit",   "credits",    "popular",       "trending", "outbrain", "taboola",    "disqus",      "modal",
    "popup",    "toolbar",    "print",         "skip",     "tags",     "widget",     "byline",      "author",
    "dateline", "timestamp",  "meta",          "hidden",   "sr",       "visually",   "offscreen",   "paywall",
    "login",    "headline",   "kicker",        "tools",    "readmore"};

template <size_t N>
bool IsOneOf(std::string_view word, const std::string_view (&cues)[N]) {
  return std::find(std::begin(cues), std::end(cues), word) != std::end(cues);
}

// What the class and id names of an element say. Each name ("post-meta", "article-body",
// "share-bar") is split into lower-case words; its last word decides when it is a cue ("meta":
// the post's metadata, not the post), else its first word ("share" in "share-bar"), else any.
struct ClassCues {
  bool positive = false;
  bool negative = false;
};

ClassCues CuesOf(const GumboNode* node) {
  ClassCues cues;
  auto judge = [&cues](const std::vector<std::string>& words) {
    if (words.empty()) return;
    for (const std::string* word : {&words.back(), &words.front()}) {
      if (IsOneOf(*word, kNegativeCues)) {
        cues.negative = true;
        return;
      }
      if (IsOneOf(*word, kPositiveCues)) {
        cues.positive = true;
        return;
      }
    }
    for (const std::string& word : words) {
      if (IsOneOf(word, kNegativeCues)) {
        cues.negative = true;
        return;
      }
      if (IsOneOf(word, kPositiveCues)) {
        cues.positive = true;
        return;
      }
    }
  };
  for (const char* attribute : {"class", "id"}) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : Attribute(node, attribute)) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        continue;
      }
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      if (IsSpace(c)) {  // the end of one name
        judge(words);
        words.clear();
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
    judge(words);
  }
  return cues;
}

bool IsHidden(const GumboNode* node) {
  const GumboAttribute* hidden = gumbo_get_attribute(&node->v.element.attributes, "hidden");
  if (hidden != nullptr) return true;
  if (Attribute(node, "aria-hidden") == "true") return true;
  const std::string style = Lower(Attribute(node, "style"));
  std::string compact;
  for (char c : style) {
    if (!IsSpace(c)) compact.push_back(c);
  }
  if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  const std::string role = Lower(Attribute(node, "role"));
  return role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" ||
         role == "dialog" || role == "alert" || role == "menu" || role == "toolbar";
}

// Elements gumbo 0.10 does not know by tag (it parses them as GUMBO_TAG_UNKNOWN) that are no
// article text either.
bool IsSkippedUnknownTag(const GumboNode* node) {
  if (Tag(node) != GUMBO_TAG_UNKNOWN) return false;
  GumboStringPiece name = node->v.element.original_tag;
  gumbo_tag_from_original_text(&name);
  const std::string tag = Lower(std::string_view(name.data, name.length));
  return tag == "picture" || tag == "dialog" || tag == "source";
}

// Left out with everything inside it; by class and id too when `by_cues`.
bool IsBoilerplate(const GumboNode* node, bool by_cues) {
  if (IsSkippedTag(Tag(node)) || IsSkippedUnknownTag(node) || IsHidden(node)) return true;
  if (!by_cues) return false;
  const GumboTag tag = Tag(node);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_A) return false;
  // "article-body has-sidebar" is article: a positive name outweighs a negative one.
  const ClassCues cues = CuesOf(node);
  return cues.negative && !cues.positive;
}

int CueWeight(const GumboNode* node) {
  const ClassCues cues = CuesOf(node);
  int weight = 0;
  if (cues.positive) weight += 25;
  if (cues.negative) weight -= 25;
  if (Tag(node) == GUMBO_TAG_ARTICLE || Tag(node) == GUMBO_TAG_MAIN) weight += 25;
  if (Attribute(node, "itemprop") == "articleBody") weight += 50;
  return weight;
}

// One block of text: what lies between two block-level boundaries.
struct Block {
  std::string text;
  size_t link_chars = 0;
  const GumboNode* parent = nullptr;  // the element holding it
  GumboTag tag = GUMBO_TAG_UNKNOWN;   // of that element
  bool heading = false;
};

// Cuts the body into blocks, depth first without recursion (a page may nest ten thousand deep).
std::vector<Block> CutBlocks(const GumboNode* body, bool by_cues) {
  std::vector<Block> blocks;
  Block current;
  int link_depth = 0;
  auto flush = [&]() {
    const std::string_view trimmed = TrimWhitespace(current.text);
    if (!trimmed.empty()) {
      Block b;
      b.text = std::string(trimmed);
      b.link_chars = std::min(current.link_chars, b.text.size());
      b.parent = current.parent;
      b.tag = current.tag;
      b.heading = current.heading;
      blocks.push_back(std::move(b));
    }
    current.text.clear();
    current.link_chars = 0;
  };
  // (node, next child index); a node is entered when pushed, left when its children are done.
  std::vector<std::pair<const GumboNode*, unsigned>> stack;
  std::vector<const GumboNode*> block_parents;  // the enclosing block elements
  auto enter_block = [&](const GumboNode* node) {
    flush();
    block_parents.push_back(node);
    current.parent = node;
    current.tag = Tag(node);
    const GumboTag t = Tag(node);
    current.heading = t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
                      t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
  };
  auto leave_block = [&]() {
    flush();
    block_parents.pop_back();
    const GumboNode* parent = block_parents.empty() ? nullptr : block_parents.back();
    current.parent = parent;
    current.tag = parent == nullptr ? GUMBO_TAG_UNKNOWN : Tag(parent);
    current.heading = false;
  };
  enter_block(body);
  stack.emplace_back(body, 0);
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector& children = node->v.element.children;
    if (next >= children.length) {
      const GumboTag tag = Tag(node);
      if (tag == GUMBO_TAG_A) --link_depth;
      if (IsBlockTag(tag) && tag != GUMBO_TAG_BR && tag != GUMBO_TAG_HR) leave_block();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[next++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
      const size_t before = current.text.size();
      AppendCollapsed(&current.text, child->v.text.text);
      if (link_depth > 0) current.link_chars += current.text.size() - before;
    } else if (child->type == GUMBO_NODE_WHITESPACE) {
      if (!current.text.empty() && current.text.back() != ' ') current.text.push_back(' ');
    } else if (IsElement(child)) {
      const GumboTag tag = Tag(child);
      if (IsBoilerplate(child, by_cues)) continue;
      if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
        flush();
        continue;
      }
      if (tag == GUMBO_TAG_A) ++link_depth;
      if (IsBlockTag(tag)) enter_block(child);
      stack.emplace_back(child, 0);
    }
  }
  flush();
  return blocks;
}

double LinkDensity(const Block& b) {
  return b.text.empty() ? 0.0 : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
}

size_t Commas(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++n;
    // The ideographic and full-width commas of CJK text.
    if (text.substr(i, 3) == "\xEF\xBC\x8C" || text.substr(i, 3) == "\xE3\x80\x81") ++n;
  }
  return n;
}

bool IsParagraphLike(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_DD;
}

bool Contains(const GumboNode* ancestor, const GumboNode* node) {
  for (int depth = 0; node != nullptr && depth < 4096; node = node->parent, ++depth) {
    if (node == ancestor) return true;
  }
  return false;
}

// About a sentence of eight words: what a block mostly of links must say besides them to stay.
constexpr size_t kOwnSentenceChars = 50;

// The article's blocks: the best-scoring container and the siblings near its score.
std::vector<const Block*> MainBlocks(const std::vector<Block>& blocks) {
  struct Score {
    double content = 0;
    size_t chars = 0, link_chars = 0;
  };
  std::unordered_map<const GumboNode*, Score> scores;
  // Every block's characters count in its ancestors' link density (up to a bounded depth).
  for (const Block& b : blocks) {
    const GumboNode* node = b.parent;
    for (int depth = 0; node != nullptr && depth < 64; node = node->parent, ++depth) {
      Score& s = scores[node];
      s.chars += b.text.size();
      s.link_chars += b.link_chars;
    }
  }
  for (const Block& b : blocks) {
    if (!IsParagraphLike(b.tag) || b.text.size() < 25 || LinkDensity(b) > 0.5) continue;
    const double points =
        1.0 + static_cast<double>(Commas(b.text)) + std::min(static_cast<double>(b.text.size()) / 100.0, 3.0);
    // The paragraph scores the elements holding it (its parent in full, then a half and a
    // sixth), not itself: the article is the container of many paragraphs, not the longest one.
    const GumboNode* node = b.parent == nullptr ? nullptr : b.parent->parent;
    for (int level = 0; node != nullptr && level < 3; node = node->parent, ++level) {
      if (!IsElement(node)) break;
      scores[node].content += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : 3.0 * level);
    }
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  std::unordered_map<const GumboNode*, double> final_scores;
  for (const auto& [node, s] : scores) {
    if (s.content <= 0) continue;
    const double density = s.chars == 0 ? 0.0 : static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
    const double score = (s.content + CueWeight(node)) * (1.0 - density);
    final_scores[node] = score;
    if (best == nullptr || score > best_score) {
      best = node;
      best_score = score;
    }
  }
  std::vector<const Block*> out;
  if (best == nullptr) return out;
  // Siblings of the best that score near it, or that hold paragraphs of their own.
  std::vector<const GumboNode*> chosen = {best};
  if (best->parent != nullptr && IsElement(best->parent)) {
    const double threshold = std::max(10.0, best_score * 0.2);
    const GumboVector& siblings = best->parent->v.element.children;
    for (unsigned i = 0; i < siblings.length; ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (sibling == best || !IsElement(sibling)) continue;
      const auto it = final_scores.find(sibling);
      if (it != final_scores.end() && it->second >= threshold) chosen.push_back(sibling);
    }
  }
  for (const Block& b : blocks) {
    bool inside = false;
    for (const GumboNode* c : chosen) inside = inside || Contains(c, b.parent);
    if (!inside) continue;
    // Lists of links (related stories, tags) and one-line link rows are not article; a block
    // mostly of links that still says a sentence of its own (a linked headline of a list
    // item, then what it is about) is.
    if (LinkDensity(b) > 0.5 && b.text.size() - b.link_chars < kOwnSentenceChars) continue;
    out.push_back(&b);
  }
  return out;
}

std::string JoinBlocks(const std::vector<const Block*>& blocks) {
  std::string text;
  for (const Block* b : blocks) {
    if (!text.empty()) text += "\n\n";
    text += b->text;
  }
  return text;
}

// The article's text: the main blocks with boilerplate left out by class and id; when that
// finds little, the same without the class and id cues (a page whose wrapper says "sidebar"
// for its layout loses everything to them, as Readability found); when that still finds
// little, every block of some length that is not mostly links.
std::string MainText(const GumboNode* body) {
  std::string best;
  for (const bool by_cues : {true, false}) {
    const std::vector<Block> blocks = CutBlocks(body, by_cues);
    std::string text = JoinBlocks(MainBlocks(blocks));
    if (text.size() >= kMinMainText) return text;
    std::vector<const Block*> long_blocks;
    for (const Block& b : blocks) {
      if (b.text.size() >= 80 && LinkDensity(b) <= 0.3) long_blocks.push_back(&b);
    }
    std::string fallback = JoinBlocks(long_blocks);
    if (fallback.size() > text.size()) text = std::move(fallback);
    if (text.size() > best.size()) best = std::move(text);
  }
  return best;
}

// ---- metadata ----

struct Metadata {
  std::string og_title, title_tag, h1, json_headline;
  std::vector<std::pair<std::string, std::string>> dates;       // (value, where from), in preference order
  std::vector<std::pair<std::string, std::string>> page_dates;  // JSON-LD of other types than articles
  std::string site_name, json_publisher, application_name;
  std::string author, json_author;
  std::string canonical, og_url;
  std::string language;
  std::string json_body;
};

std::string NodeText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(&out, n->v.text.text);
      if (n->type == GUMBO_NODE_WHITESPACE && !out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (IsElement(n) && !IsSkippedTag(Tag(n))) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return std::string(TrimWhitespace(out));
}

std::string JsonString(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name")) return JsonString(v["name"]);
  if (v.is_array() && !v.empty()) return JsonString(v[0]);
  return {};
}

bool IsArticleType(const nlohmann::json& type) {
  auto one = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting";
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && one(t.get<std::string>())) return true;
    }
  }
  return false;
}

void ReadJsonLd(const nlohmann::json& v, Metadata* m, int depth) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& item : v) ReadJsonLd(item, m, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  if (v.contains("@graph")) ReadJsonLd(v["@graph"], m, depth + 1);
  if (!v.contains("@type")) return;
  if (!IsArticleType(v["@type"])) {
    // A WebPage's date (as WordPress' Yoast writes it) when no Article gives one.
    if (v.contains("datePublished")) m->page_dates.emplace_back(JsonString(v["datePublished"]), "json-ld");
    return;
  }
  if (m->json_headline.empty() && v.contains("headline")) m->json_headline = JsonString(v["headline"]);
  if (v.contains("datePublished")) m->dates.emplace_back(JsonString(v["datePublished"]), "json-ld");
  if (m->json_publisher.empty() && v.contains("publisher")) m->json_publisher = JsonString(v["publisher"]);
  if (m->json_author.empty() && v.contains("author")) m->json_author = JsonString(v["author"]);
  if (m->json_body.empty() && v.contains("articleBody")) m->json_body = JsonString(v["articleBody"]);
}

void ReadMetadata(const GumboNode* root, Metadata* m) {
  std::vector<std::pair<std::string, std::string>> meta_dates, time_dates;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    const GumboTag tag = Tag(n);
    if (tag == GUMBO_TAG_HTML && m->language.empty()) m->language = std::string(Attribute(n, "lang"));
    if (tag == GUMBO_TAG_TITLE && m->title_tag.empty()) m->title_tag = NodeText(n);
    if (tag == GUMBO_TAG_H1 && m->h1.empty()) m->h1 = NodeText(n);
    if (tag == GUMBO_TAG_META) {
      const std::string key = Lower(!Attribute(n, "property").empty() ? Attribute(n, "property")
                                    : !Attribute(n, "name").empty()   ? Attribute(n, "name")
                                                                      : Attribute(n, "itemprop"));
      const std::string content = Collapse(Attribute(n, "content"));
      if (key == "og:title" && m->og_title.empty()) m->og_title = content;
      if (key == "og:site_name" && m->site_name.empty()) m->site_name = content;
      if (key == "application-name" && m->application_name.empty()) m->application_name = content;
      if (key == "og:url" && m->og_url.empty()) m->og_url = content;
      if ((key == "author" || key == "article:author" || key == "byl" || key == "dc.creator") && m->author.empty() &&
          content.find("://") == std::string::npos) {
        m->author = content;
      }
      if (key == "og:locale" && m->language.empty()) m->language = content;
      if (key == "article:published_time" || key == "og:published_time" || key == "datepublished" || key == "pubdate" ||
          key == "publishdate" || key == "publish-date" || key == "publication_date" || key == "date" ||
          key == "dc.date" || key == "dc.date.issued" || key == "dcterms.created" || key == "parsely-pub-date" ||
          key == "sailthru.date" || key == "article.published" || key == "originalpublicationdate" ||
          key == "cxenseparse:recs:publishtime") {
        meta_dates.emplace_back(content, "meta");
      }
    }
    if (tag == GUMBO_TAG_LINK && Lower(Attribute(n, "rel")) == "canonical" && m->canonical.empty()) {
      m->canonical = std::string(TrimWhitespace(Attribute(n, "href")));
    }
    if (tag == GUMBO_TAG_TIME) {
      const std::string_view when = Attribute(n, "datetime");
      if (!when.empty()) {
        // itemprop=datePublished says which of a page's times is the publication.
        if (Attribute(n, "itemprop") == "datePublished") {
          meta_dates.emplace(meta_dates.begin(), std::string(when), "meta");
        } else {
          time_dates.emplace_back(std::string(when), "time");
        }
      }
    }
    if (tag == GUMBO_TAG_SCRIPT && Lower(Attribute(n, "type")) == "application/ld+json") {
      std::string raw;
      const GumboVector& children = n->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(children.data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
          raw += c->v.text.text;
        }
      }
      const nlohmann::json parsed = nlohmann::json::parse(raw, nullptr, false);
      if (!parsed.is_discarded()) ReadJsonLd(parsed, m, 0);
      continue;
    }
    if (IsSkippedTag(tag) && tag != GUMBO_TAG_HEAD && tag != GUMBO_TAG_TITLE) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  m->dates.insert(m->dates.end(), m->page_dates.begin(), m->page_dates.end());
  m->dates.insert(m->dates.end(), meta_dates.begin(), meta_dates.end());
  m->dates.insert(m->dates.end(), time_dates.begin(), time_dates.end());
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A date as RawArticle takes it: an RFC 3339 date-time when the value is one (a "+0100" offset
// gets its colon), else its leading "YYYY-MM-DD"; nothing for what is no date.
std::optional<std::string> NormaliseDate(std::string value) {
  value = std::string(TrimWhitespace(value));
  if (value.size() >= 24 && (value[value.size() - 5] == '+' || value[value.size() - 5] == '-') &&
      AllDigits(value.substr(value.size() - 4))) {
    value.insert(value.size() - 2, ":");
  }
  if (timeutil::ParsePublished(value).ok()) return value;
  if (value.size() >= 10) {
    std::string day = value.substr(0, 10);
    if (day[4] == '/' && day[7] == '/') {
      day[4] = '-';
      day[7] = '-';
    }
    if (timeutil::ParsePublished(day).ok()) return day;
  }
  return std::nullopt;
}

// The date a reader sees with the article: the first calendar day written out in a short
// text ("November 19, 2019", "19 Nov 2019", "Tue 19.11.2019" as the timex reader reads them)
// after the page's first <h1> — where bylines and datelines sit — or anywhere in the body of a
// page without one. Only the first kMaxDatelineTexts short texts are looked at.
std::optional<std::string> VisibleDate(const GumboNode* body) {
  constexpr size_t kMaxDatelineTexts = 200;
  constexpr size_t kMaxDatelineChars = 100;
  bool has_h1 = false;
  {
    std::vector<const GumboNode*> stack = {body};
    while (!stack.empty() && !has_h1) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (!IsElement(n) || IsSkippedTag(Tag(n))) continue;
      has_h1 = Tag(n) == GUMBO_TAG_H1;
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  bool after_h1 = !has_h1;
  size_t texts = 0;
  std::vector<const GumboNode*> stack = {body};
  while (!stack.empty() && texts < kMaxDatelineTexts) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT && after_h1) {
      const std::string text = Collapse(n->v.text.text);
      if (text.empty() || text.size() > kMaxDatelineChars) continue;
      ++texts;
      for (const timeutil::Timex& t : timeutil::FindTimexes(text, std::nullopt)) {
        if (t.type == timeutil::TimexType::kDate && timeutil::CalendarPrecision(t.value) == "day") return t.value;
      }
      continue;
    }
    if (!IsElement(n) || IsSkippedTag(Tag(n)) || IsHidden(n)) continue;
    if (Tag(n) == GUMBO_TAG_H1) {
      after_h1 = true;
      continue;  // the headline's own words are no dateline
    }
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  return std::nullopt;
}

// /2019/11/19/ or /2019-11-19/ in a URL's path.
std::optional<std::string> DateInUrl(std::string_view url) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    const std::string_view y = url.substr(i + 1, 4);
    if (!AllDigits(y) || i + 11 > url.size()) continue;
    const char sep = url[i + 5];
    if (sep != '/' && sep != '-') continue;
    if (i + 11 > url.size()) continue;
    // The month as two digits, or as its English abbreviation ("/2019/nov/18/").
    std::string mo(url.substr(i + 6, 2));
    size_t after_month = i + 8;
    if (!AllDigits(mo)) {
      static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
      const std::string name = Lower(url.substr(i + 6, 3));
      const auto it = std::find(std::begin(kMonths), std::end(kMonths), name);
      if (it == std::end(kMonths)) continue;
      const int month = static_cast<int>(it - std::begin(kMonths)) + 1;
      mo = (month < 10 ? "0" : "") + std::to_string(month);
      after_month = i + 9;
    }
    if (after_month + 3 > url.size() || url[after_month] != sep) continue;
    const std::string_view d = url.substr(after_month + 1, 2);
    if (!AllDigits(d)) continue;
    const std::string day = std::string(y) + "-" + mo + "-" + std::string(d);
    if (timeutil::ParsePublished(day).ok()) return day;
  }
  return std::nullopt;
}

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  return Lower(url);
}

// "Headline - Site" or "Headline | Site": the part before the last separator when the part
// after it is short (a site name), else the whole.
std::string WithoutSiteSuffix(const std::string& title) {
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · "}) {
    const size_t at = title.rfind(sep);
    if (at != std::string::npos && at > 0 && title.size() - at - sep.size() <= 40) return title.substr(0, at);
  }
  return title;
}

// Letters and digits only, lower-case: "The Anti-June Cleaver" and "theantijunecleaver" agree.
std::string Squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// A headline that ends " - Site" or " | Site" naming the outlet (or the host) loses that end:
// og:title and JSON-LD headlines often carry it as <title> does.
std::string WithoutOutletSuffix(const std::string& title, std::string_view outlet, std::string_view host) {
  const std::string site = Squeezed(outlet);
  std::string host_name(host.substr(0, host.find('.')));
  host_name = Squeezed(host_name);
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string suffix = Squeezed(std::string_view(title).substr(at + sep.size()));
    if (suffix.size() < 3) continue;
    const auto names = [&suffix](const std::string& name) {
      return name.size() >= 3 && (suffix.find(name) != std::string::npos || name.find(suffix) != std::string::npos);
    };
    if (names(site) || names(host_name)) return title.substr(0, at);
  }
  return title;
}

// "By Ann Lee" is Ann Lee.
std::string WithoutBy(std::string author) {
  if (author.size() > 3 &&
      (author.compare(0, 3, "By ") == 0 || author.compare(0, 3, "by ") == 0 || author.compare(0, 3, "BY ") == 0)) {
    author.erase(0, 3);
  }
  return author;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view start = bytes.substr(0, 4096);
  size_t control = 0;
  for (char c : start) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0) return true;
    if (b < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 10 > start.size();
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':'; }

// How deep the page's elements nest, estimated by a linear scan of its tags: start tags open an
// element unless void, self-closed or one that the next of its kind closes (p, li, td, ...), end
// tags close one; comments and the text of raw-text elements are skipped. The HTML5 tree
// builder checks scopes by walking the stack of open elements, so its time grows with the
// square of the depth: a page of 200,000 unclosed <div>s took 90 s in gumbo. Browsers cap the
// depth of the tree they build; we refuse such a page before parsing it. The same walks make
// a page of many nests each under the cap slow too (30 MB of 19,000-deep nests, closed and
// reopened: 50 s), so the sum of the depths at which elements open — the walks' length — is
// the page's parse work, bounded by kMaxParseWork: a budget per page that holds on any machine.
struct NestingEstimate {
  size_t deepest = 0;
  uint64_t work = 0;  // sum over opened elements of the depth they open at
};

NestingEstimate EstimateNesting(std::string_view html) {
  static constexpr std::string_view kNoDepth[] = {"area", "base", "br",     "col",      "embed", "hr",  "img", "input",
                                                  "link", "meta", "param",  "source",   "track", "wbr", "p",   "li",
                                                  "dt",   "dd",   "option", "optgroup", "tr",    "td",  "th",  "rb",
                                                  "rt",   "rp",   "tbody",  "thead",    "tfoot"};
  static constexpr std::string_view kRawText[] = {"script", "style",   "textarea", "title",    "xmp",
                                                  "iframe", "noembed", "noframes", "plaintext"};
  size_t depth = 0;
  NestingEstimate estimate;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    ++i;
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    size_t end = i;
    while (end < html.size() && IsNameChar(html[end])) ++end;
    if (end == i) continue;
    const std::string name = Lower(html.substr(i, end - i));
    const size_t close = html.find('>', end);
    if (close == std::string_view::npos) break;
    i = close + 1;
    if (closing) {
      if (depth > 0 && std::find(std::begin(kNoDepth), std::end(kNoDepth), name) == std::end(kNoDepth)) --depth;
      continue;
    }
    if (std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) {
      const std::string end_tag = "</" + name;
      size_t at = i;
      while (at < html.size()) {
        at = html.find("</", at);
        if (at == std::string_view::npos) return estimate;
        if (Lower(html.substr(at, end_tag.size())) == end_tag) break;
        at += 2;
      }
      i = at;
      continue;
    }
    const bool self_closed = close > 0 && html[close - 1] == '/';
    if (self_closed || std::find(std::begin(kNoDepth), std::end(kNoDepth), name) != std::end(kNoDepth)) continue;
    estimate.deepest = std::max(estimate.deepest, ++depth);
    estimate.work += depth;
  }
  return estimate;
}

// Why a page is refused before parsing, or nothing.
std::optional<std::string> ParseRefusal(std::string_view html) {
  const NestingEstimate estimate = EstimateNesting(html);
  if (estimate.deepest > kMaxNestingDepth) {
    return "elements nested about " + std::to_string(estimate.deepest) + " deep, more than the limit of " +
           std::to_string(kMaxNestingDepth);
  }
  if (estimate.work > kMaxParseWork) {
    return "too costly to parse: elements open at a summed depth of about " + std::to_string(estimate.work) +
           ", more than the per-page budget of " + std::to_string(kMaxParseWork);
  }
  return std::nullopt;
}

bool StartsWithNoCase(std::string_view text, size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  }
  return true;
}

// Where the tag starting at `open` ('<') ends: one past its '>', quotes in attributes
// respected; npos when it never ends.
size_t TagEnd(std::string_view html, size_t open) {
  char quote = 0;
  for (size_t i = open + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The page without what no reader of ours looks at: comments, and the contents of <style> and
// of <script> elements other than JSON-LD (their tags stay). Over the pages of the
// article-extraction benchmark these are 57% of the bytes, and the parser's time follows its
// input's length. Script data ends at the first "</script" (the HTML5 rule, without its rare
// escaped "<!--<script>" state: such a script would end early and its rest be read as text).
std::string WithoutScriptsStylesAndComments(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      out.append(html.substr(copied, i - copied));
      i = copied = end + 3;
      continue;
    }
    const bool script = StartsWithNoCase(html, i, "<script");
    const bool style = !script && StartsWithNoCase(html, i, "<style");
    const size_t name_end = i + (script ? 7 : 6);
    if ((!script && !style) || name_end >= html.size() ||
        !(IsSpace(html[name_end]) || html[name_end] == '>' || html[name_end] == '/')) {
      ++i;
      continue;
    }
    const size_t body = TagEnd(html, i);
    if (body == std::string_view::npos) break;
    if (script && Lower(html.substr(i, body - i)).find("ld+json") != std::string::npos) {
      i = body;  // JSON-LD metadata: kept whole
      continue;
    }
    const std::string_view closing = script ? "</script" : "</style";
    size_t end = body;
    while ((end = html.find("</", end)) != std::string_view::npos) {
      const size_t after = end + closing.size();
      if (StartsWithNoCase(html, end, closing) &&
          (after >= html.size() || IsSpace(html[after]) || html[after] == '>' || html[after] == '/')) {
        break;
      }
      end += 2;
    }
    if (end == std::string_view::npos) break;  // never closed: left to the parser as it is
    out.append(html.substr(copied, body - copied));
    i = copied = end;
  }
  out.append(html.substr(copied));
  return out;
}

// Parse errors are not recorded: gumbo copies the stack of open elements into each, so a page
// of ten thousand unclosed elements cost quadratic memory and seconds for nothing we read.
GumboOptions ParseOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    const GumboOptions options = ParseOptions();
    gumbo_destroy_output(&options, output);
  }
};

}  // namespace

std::string HtmlFragmentText(std::string_view html) {
  if (html.size() > kMaxPageBytes || ParseRefusal(html)) return {};
  std::string valid;
  if (!text::IsValidUtf8(html)) {
    auto converted = ConvertToUtf8(html, "UTF-8");
    if (!converted.ok()) return {};
    valid = std::move(converted).value();
    html = valid;
  }
  const std::string lean = WithoutScriptsStylesAndComments(html);
  const GumboOptions parse_options = ParseOptions();
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&parse_options, lean.data(), lean.size()));
  if (output == nullptr || output->root == nullptr) return {};
  const GumboVector& top = output->root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* n = static_cast<const GumboNode*>(top.data[i]);
    if (Tag(n) != GUMBO_TAG_BODY) continue;
    const std::vector<Block> blocks = CutBlocks(n, /*by_cues=*/false);
    std::vector<const Block*> kept;
    for (const Block& b : blocks) {
      if (LinkDensity(b) <= 0.5 || b.text.size() - b.link_chars >= kOwnSentenceChars) kept.push_back(&b);
    }
    return JoinBlocks(kept);
  }
  return {};
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  for (int comments = 0; comments < 8; ++comments) {
    while (!bytes.empty() && IsSpace(bytes.front())) bytes.remove_prefix(1);
    const std::string head = Lower(bytes.substr(0, 16));
    if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 || head.rfind("<head", 0) == 0) {
      return true;
    }
    if (head.rfind("<!--", 0) != 0 && head.rfind("<?xml", 0) != 0) return false;
    const size_t end = head.rfind("<!--", 0) == 0 ? bytes.find("-->") : bytes.find("?>");
    if (end == std::string_view::npos) return false;
    bytes.remove_prefix(end + (head.rfind("<!--", 0) == 0 ? 3 : 2));
  }
  return false;
}

Result<ExtractedPage> ExtractPage(std::string_view bytes, const PageOptions& options) {
  if (TrimWhitespace(bytes).empty()) return Status::Error(ErrorCode::kInvalidInput, "empty page");
  if (bytes.size() > kMaxPageBytes) {
    return Status::Error(ErrorCode::kInvalidInput, "page of " + std::to_string(bytes.size()) +
                                                       " bytes is larger than the limit of " +
                                                       std::to_string(kMaxPageBytes));
  }
  if (LooksBinary(bytes)) return Status::Error(ErrorCode::kInvalidInput, "binary data, not an HTML page");
  if (auto refusal = ParseRefusal(bytes)) return Status::Error(ErrorCode::kInvalidInput, std::move(*refusal));
  auto decoded = Decode(bytes, options.charset);
  if (!decoded.ok()) return decoded.status();
  ExtractedPage page;
  page.encoding = decoded.value().second;

  const std::string lean = WithoutScriptsStylesAndComments(decoded.value().first);
  const GumboOptions parse_options = ParseOptions();
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&parse_options, lean.data(), lean.size()));
  if (output == nullptr || output->root == nullptr)
    return Status::Error(ErrorCode::kInvalidInput, "the HTML parser gave no document");

  Metadata meta;
  ReadMetadata(output->root, &meta);

  const GumboNode* body = nullptr;
  const GumboVector& top = output->root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* n = static_cast<const GumboNode*>(top.data[i]);
    if (Tag(n) == GUMBO_TAG_BODY) body = n;
  }
  if (body != nullptr) page.text = MainText(body);
  if (page.text.size() < kMinMainText && meta.json_body.size() > page.text.size()) page.text = Collapse(meta.json_body);

  const std::string title = !meta.og_title.empty()        ? meta.og_title
                            : !meta.json_headline.empty() ? meta.json_headline
                            : !meta.h1.empty()            ? meta.h1
                                                          : WithoutSiteSuffix(meta.title_tag);
  page.url = !meta.canonical.empty() ? meta.canonical : !meta.og_url.empty() ? meta.og_url : options.url;
  const std::string host = HostOf(page.url.empty() ? options.url : page.url);
  page.outlet = Collapse(!meta.site_name.empty()          ? meta.site_name
                         : !meta.json_publisher.empty()   ? meta.json_publisher
                         : !meta.application_name.empty() ? meta.application_name
                                                          : host);
  page.title = WithoutOutletSuffix(Collapse(title), page.outlet, host);
  for (const auto& [value, from] : meta.dates) {
    const std::optional<std::string> date = NormaliseDate(value);
    if (!date) continue;
    if (options.not_after) {
      const auto at = timeutil::ParsePublished(*date);
      if (at.ok() && at.value() > *options.not_after) continue;
    }
    page.published = date;
    page.published_from = from;
    break;
  }
  if (!page.published && body != nullptr) {
    if (auto date = VisibleDate(body)) {
      const auto at = timeutil::ParsePublished(*date);
      if (at.ok() && !(options.not_after && at.value() > *options.not_after)) {
        page.published = date;
        page.published_from = "visible";
      }
    }
  }
  if (!page.published) {
    for (const std::string& url : {page.url, options.url}) {
      if (auto date = DateInUrl(url)) {
        const auto at = timeutil::ParsePublished(*date);
        if (options.not_after && at.ok() && at.value() > *options.not_after) continue;
        page.published = date;
        page.published_from = "url";
        break;
      }
    }
  }
  page.author = WithoutBy(Collapse(!meta.json_author.empty() ? meta.json_author : meta.author));
  std::string language = Lower(TrimWhitespace(meta.language));
  language = language.substr(0, language.find_first_of("-_"));
  page.language = language;
  return page;
}

}  // namespace storydesk::read
