#include "adapters/read/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

#include "adapters/read/html_page.h"
#include "adapters/read/text_checks.h"
#include "storydesk/time/published_time.h"

namespace storydesk::read {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

// The namespace URI of an element, or "".
std::string_view Namespace(const xmlNode* node) {
  return node->ns != nullptr && node->ns->href != nullptr ? reinterpret_cast<const char*>(node->ns->href) : "";
}

constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";
constexpr std::string_view kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";

// The element's text: its text and CDATA, of its descendants too.
std::string Text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// Elements serialised: the markup inside an element (Atom's type="xhtml" content), or one whole.
std::string Markup(xmlNode* first, bool siblings) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
  if (!buffer) return {};
  for (xmlNode* node = first; node != nullptr; node = siblings ? node->next : nullptr) {
    xmlNodeDump(buffer.get(), node->doc, node, 0, 0);
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<size_t>(xmlBufferLength(buffer.get())));
}

std::string InnerMarkup(xmlNode* node) { return Markup(node->children, true); }

std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : TrimWhitespace(text)) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// A feed's date as RawArticle takes it: RFC 3339 as it is, else RFC 822.
std::optional<std::string> FeedDate(std::string_view value) {
  const std::string trimmed(TrimWhitespace(value));
  if (trimmed.empty()) return std::nullopt;
  if (timeutil::ParsePublished(trimmed).ok()) return trimmed;
  if (trimmed.size() > 10 && timeutil::ParsePublished(trimmed.substr(0, 10)).ok() && trimmed[10] == 'T') {
    // An RFC 3339 time this parser does not take (no seconds, a "+0100" offset): its day.
    return trimmed.substr(0, 10);
  }
  return Rfc822ToRfc3339(trimmed);
}

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextDeleter {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

void ReadRssItem(xmlNode* item, FeedItem* out) {
  std::string description, encoded;
  for (xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    const std::string_view ns = Namespace(c);
    const bool dublin_core = ns == kDublinCore;
    // RSS 2.0 has no namespace; RSS 1.0 its own.
    const bool rss = ns.empty() || ns == "http://purl.org/rss/1.0/";
    if (ns == kContent && name == "encoded") {
      encoded = Text(c);
    } else if ((dublin_core && name == "date" && !out->published) || (rss && name == "pubDate")) {
      out->published = FeedDate(Text(c));
    } else if (((dublin_core && name == "creator") || (rss && name == "author")) && out->author.empty()) {
      out->author = Collapse(Text(c));
    } else if (!rss) {
      continue;
    } else if (name == "title") {
      out->title = Collapse(Text(c));
    } else if (name == "link") {
      out->link = std::string(TrimWhitespace(Text(c)));
    } else if (name == "guid") {
      out->id = std::string(TrimWhitespace(Text(c)));
    } else if (name == "description") {
      description = Text(c);
    }
  }
  out->text = HtmlFragmentText(!encoded.empty() ? encoded : description);
}

void ReadAtomEntry(xmlNode* entry, FeedItem* out) {
  std::string content, summary;
  std::optional<std::string> updated;
  for (xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || Namespace(c) != kAtom) continue;
    const std::string_view name = Name(c);
    if (name == "title") {
      out->title = Collapse(Text(c));
    } else if (name == "link") {
      const std::string rel = Attribute(c, "rel");
      if ((rel.empty() || rel == "alternate") && out->link.empty())
        out->link = std::string(TrimWhitespace(Attribute(c, "href")));
    } else if (name == "id") {
      out->id = std::string(TrimWhitespace(Text(c)));
    } else if (name == "published") {
      out->published = FeedDate(Text(c));
    } else if (name == "updated") {
      updated = FeedDate(Text(c));
    } else if (name == "author") {
      for (xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (a->type == XML_ELEMENT_NODE && Name(a) == "name" && out->author.empty()) out->author = Collapse(Text(a));
      }
    } else if (name == "content" || name == "summary") {
      const std::string type = Lower(Attribute(c, "type"));
      // text: plain text, escaped for HTML so the reader keeps it as it is; html: escaped
      // markup (the element's text is the HTML); xhtml: markup inside a div.
      std::string html = type == "xhtml" ? InnerMarkup(c) : Text(c);
      if (type.empty() || type == "text") {
        std::string escaped;
        for (char ch : html) {
          if (ch == '<') {
            escaped += "&lt;";
          } else if (ch == '&') {
            escaped += "&amp;";
          } else {
            escaped.push_back(ch);
          }
        }
        html = std::move(escaped);
      }
      (name == "content" ? content : summary) = std::move(html);
    }
  }
  if (!out->published) out->published = updated;
  out->text = HtmlFragmentText(!content.empty() ? content : summary);
}

}  // namespace

std::optional<std::string> Rfc822ToRfc3339(std::string_view date) {
  std::string s(TrimWhitespace(date));
  // An optional weekday ("Tue,").
  if (const size_t comma = s.find(','); comma != std::string::npos && comma <= 9)
    s = std::string(TrimWhitespace(s.substr(comma + 1)));
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  char month_name[16] = {0};
  char zone[16] = {0};
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%d %15s %d %d:%d%n", &day, month_name, &year, &hour, &minute, &consumed) != 5) {
    return std::nullopt;
  }
  std::string rest = s.substr(static_cast<size_t>(consumed));
  if (!rest.empty() && rest[0] == ':') {
    int used = 0;
    if (std::sscanf(rest.c_str(), ":%d%n", &second, &used) != 1) return std::nullopt;
    rest = rest.substr(static_cast<size_t>(used));
  }
  std::sscanf(rest.c_str(), " %15s", zone);
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string month_lower = Lower(std::string_view(month_name).substr(0, 3));
  const auto month_it = std::find(std::begin(kMonths), std::end(kMonths), month_lower);
  if (month_it == std::end(kMonths)) return std::nullopt;
  const int month = static_cast<int>(month_it - std::begin(kMonths)) + 1;
  // RFC 822's two-digit years (RFC 2822 section 4.3: 00-49 are 2000-2049).
  if (year < 100) year += year < 50 ? 2000 : 1900;
  std::string offset;
  const std::string z = Lower(zone);
  struct Named {
    const char* name;
    const char* offset;
  };
  static constexpr Named kZones[] = {{"gmt", "Z"},      {"ut", "Z"},       {"utc", "Z"},      {"z", "Z"},
                                     {"est", "-05:00"}, {"edt", "-04:00"}, {"cst", "-06:00"}, {"cdt", "-05:00"},
                                     {"mst", "-07:00"}, {"mdt", "-06:00"}, {"pst", "-08:00"}, {"pdt", "-07:00"}};
  for (const Named& named : kZones) {
    if (z == named.name) offset = named.offset;
  }
  if (offset.empty() && z.size() == 5 && (z[0] == '+' || z[0] == '-') &&
      std::all_of(z.begin() + 1, z.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    offset = z.substr(0, 3) + ":" + z.substr(3);
  }
  char buffer[64];
  if (offset.empty()) {
    // No zone, or one we cannot place: the day alone (a time without a zone is no instant).
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour, minute, second,
                  offset.c_str());
  }
  std::string out(buffer);
  if (!timeutil::ParsePublished(out).ok()) return std::nullopt;
  return out;
}

bool LooksLikeFeed(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  for (int skipped = 0; skipped < 16; ++skipped) {
    while (!bytes.empty() && IsSpace(bytes.front())) bytes.remove_prefix(1);
    if (bytes.substr(0, 4) == "<!--") {
      const size_t end = bytes.find("-->");
      if (end == std::string_view::npos) return false;
      bytes.remove_prefix(end + 3);
      continue;
    }
    if (bytes.substr(0, 2) == "<?" || bytes.substr(0, 2) == "<!") {
      const size_t end = bytes.find('>');
      if (end == std::string_view::npos) return false;
      bytes.remove_prefix(end + 1);
      continue;
    }
    const std::string head = Lower(bytes.substr(0, 9));
    return head.rfind("<rss", 0) == 0 || head.rfind("<feed", 0) == 0 || head.rfind("<rdf:rdf", 0) == 0;
  }
  return false;
}

Result<Feed> ReadFeed(std::string_view bytes) {
  if (bytes.size() > kMaxPageBytes) {
    return Status::Error(ErrorCode::kInvalidInput, "feed of " + std::to_string(bytes.size()) +
                                                       " bytes is larger than the limit of " +
                                                       std::to_string(kMaxPageBytes));
  }
  if (TrimWhitespace(bytes).empty()) return Status::Error(ErrorCode::kInvalidInput, "empty feed");
  // libxml2's global state, set up once before any thread parses.
  static const bool kInitialised = (xmlInitParser(), true);
  (void)kInitialised;
  const std::unique_ptr<xmlParserCtxt, ContextDeleter> context(xmlNewParserCtxt());
  if (!context) return Status::Error(ErrorCode::kIo, "cannot start the XML parser");
  // No network, no entity expansion (XML_PARSE_NOENT is left off), no DTD loading; recovery
  // reads what a slightly broken feed still holds.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_RECOVER | XML_PARSE_COMPACT;
  const std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
  Feed feed;
  const xmlError* error = xmlCtxtGetLastError(context.get());
  std::string problem;
  if (error != nullptr && error->level >= XML_ERR_ERROR) {
    const std::string message = error->message != nullptr ? Collapse(error->message) : "malformed XML";
    problem = "line " + std::to_string(error->line) + ": " + OneLine(message, 200);
  }
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    return Status::Error(ErrorCode::kInvalidInput, problem.empty() ? "no XML document" : "not XML: " + problem);
  }
  const std::string_view root_name = Name(root);
  const bool atom = root_name == "feed" && Namespace(root) == kAtom;
  const bool rss = root_name == "rss" || root_name == "RDF";
  if (!atom && !rss) {
    std::string name(root_name.substr(0, 40));
    return Status::Error(ErrorCode::kInvalidInput, "not an RSS or Atom feed (its root element is <" + name + ">)");
  }
  if (!problem.empty()) feed.problems.push_back("broken XML, read as far as it goes: " + problem);
  // RSS 2.0 items sit in <channel>; RSS 1.0 (RDF) items beside it; Atom entries in <feed>.
  std::vector<xmlNode*> containers = {const_cast<xmlNode*>(root)};
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == "channel") containers.push_back(c);
  }
  for (xmlNode* container : containers) {
    for (xmlNode* c = container->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = Name(c);
      if (name == "title" && feed.title.empty() && (!atom || Namespace(c) == kAtom)) feed.title = Collapse(Text(c));
      if ((rss && name == "item") || (atom && name == "entry" && Namespace(c) == kAtom)) {
        FeedItem item;
        item.number = feed.items.size() + 1;
        item.xml = Markup(c, false);
        if (atom) {
          ReadAtomEntry(c, &item);
        } else {
          ReadRssItem(c, &item);
        }
        feed.items.push_back(std::move(item));
      }
    }
  }
  return feed;
}

}  // namespace storydesk::read
