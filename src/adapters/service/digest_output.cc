#include "adapters/service/digest_output.h"

#include <algorithm>
#include <set>

namespace storydesk::service {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); }

// 1-based marker of each article, in the story's order: what bullets cite.
size_t Marker(const DigestedStory& s, const std::string& id) {
  for (size_t i = 0; i < s.articles.size(); ++i) {
    if (s.articles[i].id == id) return i + 1;
  }
  return 0;
}

std::string SourceName(const digest::DigestArticle& a) { return a.source.value_or(kUnknownSource); }

size_t DistinctSources(const DigestedStory& s) {
  std::set<std::string> names;
  for (const auto& a : s.articles) names.insert(a.source.value_or(a.id));
  return names.size();
}

std::string Span(const DigestedStory& s) {
  const auto& d = s.digest;
  if (!d.first_published) return "undated";
  if (*d.first_published == d.last_published.value_or(*d.first_published)) return *d.first_published;
  return *d.first_published + " – " + d.last_published.value_or("");
}

std::string Html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Markdown: characters that would start markup inside a line are escaped.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>' || c == '#' || c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

// "1 article", "2 articles".
std::string Count(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// "Story 3 · 2 articles from 2 sources · 2021-08-23"
std::string MetaLine(const DigestedStory& s) {
  return "Story " + std::to_string(s.story) + " · " + Count(s.articles.size(), "article") + " from " +
         Count(DistinctSources(s), "source") + " · " + Span(s);
}

// The entity types as the API and the page name them.
std::string_view EntityTypeWord(entities::EntityType type) {
  switch (type) {
    case entities::EntityType::kPerson:
      return "person";
    case entities::EntityType::kOrganization:
      return "organization";
    case entities::EntityType::kLocation:
      return "place";
    default:
      return "other";
  }
}

std::string RelationText(const digest::DigestArticle& a) {
  if (!a.copy_of) return "";
  return a.relation + " copy of " + a.copy_of.value();
}

}  // namespace

digest::DigestArticle DigestArticleOf(const RawArticle& article, copies::CopyKind relation,
                                      const std::optional<std::string>& copy_of) {
  digest::DigestArticle d;
  d.id = article.id;
  d.source = article.source;
  d.published = article.published;
  d.title = article.title;
  d.text = article.text;
  d.relation = copies::RelationLabel(copy_of.has_value(), relation);
  d.copy_of = copy_of;
  return d;
}

nlohmann::json DigestJson(const DigestedStory& s) {
  const digest::StoryDigest& d = s.digest;
  nlohmann::json articles = nlohmann::json::array();
  for (const auto& a : s.articles) {
    articles.push_back({{"id", a.id},
                        {"source", OrNull(a.source)},
                        {"published", OrNull(a.published)},
                        {"title", OrNull(a.title)},
                        {"relation", a.relation},
                        {"copy_of", OrNull(a.copy_of)}});
  }
  nlohmann::json bullets = nlohmann::json::array();
  for (const auto& b : d.bullets) {
    bullets.push_back({{"text", b.text},
                       {"sources", b.sources},
                       {"partial_sources", b.partial_sources},
                       {"origin", b.origin},
                       {"sentence", b.sentence}});
  }
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& c : d.sources) sources.push_back({{"article", c.article}, {"adds", c.adds}, {"lacks", c.lacks}});
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& e : d.entities) {
    entities.push_back({{"name", e.name},
                        {"type", EntityTypeWord(e.type)},
                        {"roles", e.roles},
                        {"aliases", e.aliases},
                        {"mentions", e.mentions},
                        {"articles", e.articles}});
  }
  nlohmann::json quotes = nlohmann::json::array();
  for (const auto& q : d.quotes) {
    nlohmann::json variants = nlohmann::json::array();
    for (const auto& v : q.variants) variants.push_back({{"article", v.article}, {"text", v.text}});
    quotes.push_back({{"kind", quotes::AttributionKindName(q.kind)},
                      {"text", q.text},
                      {"speaker", q.speaker.empty() ? nlohmann::json() : nlohmann::json(q.speaker)},
                      {"variants", variants}});
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const digest::TimelineEntry& t : d.timeline) {
    nlohmann::json conflicts = nlohmann::json::array();
    for (const digest::TimelineConflict& c : t.conflicts)
      conflicts.push_back({{"date", c.date}, {"articles", c.articles}});
    timeline.push_back({{"date", t.date},
                        {"precision", t.precision},
                        {"text", t.text},
                        {"expression", t.expression},
                        {"articles", t.articles},
                        {"conflicts", conflicts}});
  }
  return {{"schema", kDigestSchema},
          {"story", s.story},
          {"headline", d.headline},
          {"first_published", OrNull(d.first_published)},
          {"last_published", OrNull(d.last_published)},
          {"articles", articles},
          {"article_count", std::max(s.article_count, s.articles.size())},
          {"bullets", bullets},
          {"entities", entities},
          {"quotes", quotes},
          {"timeline", timeline},
          {"timeline_unplaced", d.timeline_unplaced},
          {"sources", sources}};
}

std::string DigestMarkdown(const DigestedStory& s) {
  const digest::StoryDigest& d = s.digest;
  std::string out = "## " + Md(d.headline.empty() ? "(no headline)" : d.headline) + "\n\n";
  out += "*" + MetaLine(s) + "*\n\n";
  for (const auto& b : d.bullets) {
    out += "- " + Md(b.text);
    for (const auto& id : b.sources) out += " [" + std::to_string(Marker(s, id)) + "]";
    out += "\n";
  }
  bool any_person = false;
  for (const auto& e : d.entities) any_person = any_person || e.type == entities::EntityType::kPerson;
  if (any_person) {
    out += "\n### People\n\n";
    for (const auto& e : d.entities) {
      if (e.type != entities::EntityType::kPerson) continue;
      out += "- **" + Md(e.name) + "**";
      for (size_t i = 0; i < e.roles.size(); ++i) out += (i == 0 ? " — " : "; ") + Md(e.roles[i]);
      for (const auto& id : e.articles) out += " [" + std::to_string(Marker(s, id)) + "]";
      out += "\n";
    }
  }
  if (!d.quotes.empty()) {
    out += "\n### Quotes\n\n";
    for (const auto& q : d.quotes) {
      const bool direct = q.kind == quotes::AttributionKind::kDirect;
      out += "- " + std::string(direct ? "\xE2\x80\x9C" : "") + Md(q.text) + (direct ? "\xE2\x80\x9D" : "") + " — " +
             Md(q.speaker.empty() ? "speaker not identified" : q.speaker);
      for (const auto& v : q.variants) out += " [" + std::to_string(Marker(s, v.article)) + "]";
      out += "\n";
      for (const auto& v : q.variants) {
        if (v.text != q.text)
          out += "  - [" + std::to_string(Marker(s, v.article)) + "] words it: " + Md(v.text) + "\n";
      }
    }
  }
  if (!d.timeline.empty()) {
    out += "\n### Timeline\n\n";
    for (const auto& t : d.timeline) {
      out += "- **" + Md(t.date) + "** — " + Md(t.text);
      for (const auto& id : t.articles) out += " [" + std::to_string(Marker(s, id)) + "]";
      for (const auto& c : t.conflicts) {
        out += " *(sources differ:";
        for (const auto& id : c.articles) out += " [" + std::to_string(Marker(s, id)) + "]";
        out += " " + std::string(c.articles.size() == 1 ? "dates" : "date") + " this " + Md(c.date) + ")*";
      }
      out += "\n";
    }
  }
  if (!d.timeline_unplaced.empty()) {
    out += d.timeline.empty() ? "\n### Timeline\n\n" : "\n";
    out += "*Not on the timeline: the relative dates of";
    for (const auto& id : d.timeline_unplaced) out += " [" + std::to_string(Marker(s, id)) + "]";
    out += std::string(d.timeline_unplaced.size() == 1 ? ", which gives" : ", which give") + " no publication date.*\n";
  }
  out += "\n### Sources\n\n";
  for (size_t i = 0; i < s.articles.size(); ++i) {
    const auto& a = s.articles[i];
    out += std::to_string(i + 1) + ". **" + Md(SourceName(a)) + "**";
    if (a.title) out += " — " + Md(*a.title);
    out += " (" + (a.published ? a.published->substr(0, 10) : std::string("undated")) + ", `" + a.id + "`";
    if (a.copy_of) out += ", " + Md(RelationText(a));
    out += ")\n";
    const auto it = std::find_if(d.sources.begin(), d.sources.end(), [&](const auto& c) { return c.article == a.id; });
    if (it == d.sources.end()) continue;
    for (const auto& add : it->adds) out += "   - adds: " + Md(add) + "\n";
    for (const auto& lack : it->lacks) out += "   - lacks: " + Md(lack) + "\n";
  }
  return out;
}

std::string DigestHtmlPage(const std::vector<DigestedStory>& stories) {
  std::string out =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>storydesk digest</title>\n"
      "<style>\n"
      "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a}\n"
      "article{border-bottom:1px solid #ddd;padding:1rem 0}h2{font-size:1.3rem;margin:.2rem 0}\n"
      ".meta{color:#555;font-size:.9rem}li{margin:.3rem 0}sup "
      "a{text-decoration:none;color:#0550ae;margin-left:.15rem}\n"
      ".sources li{margin:.6rem 0}.adds,.lacks{font-size:.92rem;margin:.2rem 0 0 "
      "0}.adds{color:#0a5c2a}.lacks{color:#8a4b00}\n"
      ".copy{font-size:.8rem;background:#eee;border-radius:.3rem;padding:0 .3rem}\n"
      "@media (prefers-color-scheme: dark){body{background:#111;color:#eee}.meta{color:#aaa}article{border-color:#333}"
      ".copy{background:#333}.adds{color:#7fd19b}.lacks{color:#f0b36a}sup a{color:#7ab7ff}}\n"
      "</style>\n</head>\n<body>\n<h1>storydesk digest</h1>\n";
  for (const DigestedStory& s : stories) {
    const digest::StoryDigest& d = s.digest;
    const std::string anchor = "s" + std::to_string(s.story);
    out +=
        "<article id=\"" + anchor + "\">\n<h2>" + Html(d.headline.empty() ? "(no headline)" : d.headline) + "</h2>\n";
    out += "<p class=\"meta\">" + Html(MetaLine(s)) + "</p>\n<ul>\n";
    for (const auto& b : d.bullets) {
      out += "<li>" + Html(b.text);
      for (const auto& id : b.sources) {
        const std::string n = std::to_string(Marker(s, id));
        out.append("<sup><a href=\"#").append(anchor).append("-a").append(n);
        out.append("\" title=\"").append(Html(id)).append("\">[").append(n).append("]</a></sup>");
      }
      out += "</li>\n";
    }
    out += "</ul>\n";
    auto cite = [&](const std::string& id) {
      const std::string n = std::to_string(Marker(s, id));
      std::string link = "<sup><a href=\"#";
      link.append(anchor).append("-a").append(n).append("\" title=\"").append(Html(id)).append("\">[");
      link.append(n).append("]</a></sup>");
      return link;
    };
    std::string people;
    for (const auto& e : d.entities) {
      if (e.type != entities::EntityType::kPerson) continue;
      people += "<li><strong>" + Html(e.name) + "</strong>";
      for (size_t i = 0; i < e.roles.size(); ++i) people += (i == 0 ? " — " : "; ") + Html(e.roles[i]);
      for (const auto& id : e.articles) people += cite(id);
      people += "</li>\n";
    }
    if (!people.empty()) out += "<h3>People</h3>\n<ul class=\"people\">\n" + people + "</ul>\n";
    if (!d.quotes.empty()) {
      out += "<h3>Quotes</h3>\n<ul class=\"quotes\">\n";
      for (const auto& q : d.quotes) {
        const bool direct = q.kind == quotes::AttributionKind::kDirect;
        out += "<li><q>" + Html(q.text) + "</q> — " + Html(q.speaker.empty() ? "speaker not identified" : q.speaker);
        if (!direct) out += " <span class=\"meta\">(reported)</span>";
        for (const auto& v : q.variants) out += cite(v.article);
        for (const auto& v : q.variants) {
          if (v.text != q.text)
            out += "<p class=\"meta\">" + cite(v.article) + " words it: <q>" + Html(v.text) + "</q></p>";
        }
        out += "</li>\n";
      }
      out += "</ul>\n";
    }
    if (!d.timeline.empty()) {
      out += "<h3>Timeline</h3>\n<ol class=\"timeline\">\n";
      for (const auto& t : d.timeline) {
        out += "<li><time datetime=\"" + Html(t.date) + "\">" + Html(t.date) + "</time> " + Html(t.text);
        for (const auto& id : t.articles) out += cite(id);
        for (const auto& c : t.conflicts) {
          out += " <span class=\"conflict\">sources differ:";
          for (const auto& id : c.articles) out += cite(id);
          out += " " + std::string(c.articles.size() == 1 ? "dates" : "date") + " this <time datetime=\"" +
                 Html(c.date) + "\">" + Html(c.date) + "</time></span>";
        }
        out += "</li>\n";
      }
      out += "</ol>\n";
    }
    if (!d.timeline_unplaced.empty()) {
      if (d.timeline.empty()) out += "<h3>Timeline</h3>\n";
      out += "<p class=\"meta\">Not on the timeline: the relative dates of";
      for (const auto& id : d.timeline_unplaced) out += cite(id);
      out += std::string(d.timeline_unplaced.size() == 1 ? ", which gives" : ", which give") +
             " no publication date.</p>\n";
    }
    out += "<h3>Sources</h3>\n<ol class=\"sources\">\n";
    for (size_t i = 0; i < s.articles.size(); ++i) {
      const auto& a = s.articles[i];
      out += "<li id=\"" + anchor + "-a" + std::to_string(i + 1) + "\"><strong>" + Html(SourceName(a)) + "</strong>";
      if (a.title) out += " — " + Html(*a.title);
      out += " <span class=\"meta\">" + Html(a.published ? a.published->substr(0, 10) : "undated") + " · " +
             Html(a.id) + "</span>";
      if (a.copy_of) out += " <span class=\"copy\">" + Html(RelationText(a)) + "</span>";
      const auto it =
          std::find_if(d.sources.begin(), d.sources.end(), [&](const auto& c) { return c.article == a.id; });
      if (it != d.sources.end()) {
        for (const auto& add : it->adds) out += "<p class=\"adds\">Adds: " + Html(add) + "</p>";
        for (const auto& lack : it->lacks) out += "<p class=\"lacks\">Lacks: " + Html(lack) + "</p>";
      }
      out += "</li>\n";
    }
    out += "</ol>\n</article>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace storydesk::service
