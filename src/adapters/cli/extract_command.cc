// storydesk extract PATH... [--format text|json] [--url URL] — what the readers take from their
// input, as ingest would store it: for web pages (.html, .htm, gzipped or not; pages in .warc /
// .warc.gz archives) what the HTML reader (adapters/read/html_page.h) found — title, publication
// date (and where it was found), outlet, author, URL, language and main text — and for every
// other article (feed items, JSON Lines, seed text) its fields. Directories are read as ingest
// reads them (a feed item whose page is in the input is left out for it).
// --format json gives one JSON object per article and line: {"file" (its origin: the file, or
// "file:record N", "file:item N", "file:LINE"), "id", "title", "published", "published_from",
// "outlet", "author", "url", "language", "encoding", "text"}. What cannot be read is one line on
// standard error naming the file (and record); the rest is still printed (exit code 1).
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/html_page.h"
#include "adapters/read/path_reader.h"

namespace storydesk::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> pages;
  std::string format = "text";
  std::string url;
};

// What only a page has, kept from on_page for its article.
struct PageDetails {
  std::string origin;
  std::string published_from;
  std::string author;
  std::string language;
  std::string encoding;
};

void Print(const RawArticle& a, const PageDetails* page, const std::string& format, bool several) {
  const std::string none;
  if (format == "json") {
    std::cout << nlohmann::json{{"file", a.origin},
                                {"id", a.id},
                                {"title", a.title.value_or(none)},
                                {"published", a.published ? nlohmann::json(*a.published) : nlohmann::json()},
                                {"published_from", page != nullptr ? page->published_from : none},
                                {"outlet", a.source.value_or(none)},
                                {"author", page != nullptr ? page->author : none},
                                {"url", a.url.value_or(none)},
                                {"language", page != nullptr ? page->language : none},
                                {"encoding", page != nullptr ? page->encoding : none},
                                {"text", a.text}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  if (several) std::cout << "== " << a.origin << " ==\n";
  std::string from = page != nullptr ? page->published_from : none;
  if (from.empty() && page != nullptr && a.published) from = "feed item";
  std::cout << "title:     " << a.title.value_or(none) << '\n'
            << "published: " << a.published.value_or("(not found)") << (from.empty() ? "" : " (" + from + ")") << '\n'
            << "outlet:    " << a.source.value_or(none) << '\n';
  if (page != nullptr) std::cout << "author:    " << page->author << '\n';
  std::cout << "url:       " << a.url.value_or(none) << '\n';
  if (page != nullptr) std::cout << "language:  " << page->language << '\n';
  std::cout << '\n' << a.text << "\n\n";
}

int RunExtract(const ExtractFlags& flags) {
  int exit = kExitOk;
  std::optional<PageDetails> page;
  // A header before each article unless one saved page was named (it gives one at most).
  const auto is_page_name = [](std::filesystem::path path) {
    if (path.extension() == ".gz") path = path.stem();
    return path.extension() == ".html" || path.extension() == ".htm";
  };
  const bool several =
      flags.pages.size() > 1 || !std::filesystem::is_regular_file(flags.pages[0]) || !is_page_name(flags.pages[0]);
  read::ReadCallbacks callbacks;
  callbacks.on_page = [&page](const std::string& origin, const read::ExtractedPage& p) {
    page = PageDetails{origin, p.published_from, p.author, p.language, p.encoding};
  };
  callbacks.on_article = [&](const RawArticle& article) {
    const bool is_page = page && page->origin == article.origin;
    Print(article, is_page ? &*page : nullptr, flags.format, several);
    page.reset();
  };
  callbacks.on_error = [&exit](const read::ReadError& error) {
    PrintError(error.ToString());
    exit = kExitRejected;
  };
  callbacks.on_note = [](const std::string& file, const std::string& note) { PrintError(file + ": " + note); };
  read::ReadSettings settings;
  settings.page_url = flags.url;
  if (Status s = read::ReadPaths(flags.pages, std::cin, callbacks, settings); !s.ok()) {
    PrintError(s.message());
    return ExitCodeFor(s);
  }
  std::cout.flush();
  return std::cout ? exit : kExitStore;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "extract", "print the articles read from web pages, archives and feeds: title, date, outlet, text");
  auto flags = std::make_shared<ExtractFlags>();
  cmd->add_option("pages", flags->pages,
                  "saved web pages (.html, .htm), web archives (.warc), feeds (.rss, .atom, .xml), gzipped or not; "
                  "any other input ingest reads; directories")
      ->required();
  cmd->add_option("--format", flags->format, "text or json (one object per article and line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--url", flags->url, "where the pages were fetched from (a fallback for the URL, outlet and date)");
  cmd->callback([flags, exit_code] { *exit_code = RunExtract(*flags); });
}

}  // namespace storydesk::cli
