// storydesk extract PAGE... [--format text|json] [--url URL] — what the HTML reader
// (adapters/read/html_page.h) takes from saved web pages (.html, .htm, gzipped or not): the
// title, publication date (and where it was found), outlet, author, URL, language and main text.
// --format json gives one JSON object per page and line: {"file", "title", "published",
// "published_from", "outlet", "author", "url", "language", "encoding", "text"}. A page that
// cannot be read is one line on standard error naming the file; the others are still printed
// (exit code 1).
#include <iostream>
#include <nlohmann/json.hpp>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/read/html_page.h"
#include "adapters/read/page_file.h"

namespace storydesk::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> pages;
  std::string format = "text";
  std::string url;
};

int RunExtract(const ExtractFlags& flags) {
  int exit = kExitOk;
  for (const std::string& file : flags.pages) {
    auto bytes = read::ReadPageFile(file, read::kMaxPageBytes);
    if (!bytes.ok()) {
      PrintError(bytes.status().message());
      exit = kExitRejected;
      continue;
    }
    read::PageOptions options;
    options.url = flags.url;
    auto page = read::ExtractPage(bytes.value(), options);
    if (!page.ok()) {
      PrintError(file + ": " + page.status().message());
      exit = kExitRejected;
      continue;
    }
    const read::ExtractedPage& p = page.value();
    if (flags.format == "json") {
      std::cout << nlohmann::json{{"file", file},
                                  {"title", p.title},
                                  {"published", p.published ? nlohmann::json(*p.published) : nlohmann::json()},
                                  {"published_from", p.published_from},
                                  {"outlet", p.outlet},
                                  {"author", p.author},
                                  {"url", p.url},
                                  {"language", p.language},
                                  {"encoding", p.encoding},
                                  {"text", p.text}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
      continue;
    }
    if (flags.pages.size() > 1) std::cout << "== " << file << " ==\n";
    std::cout << "title:     " << p.title << '\n'
              << "published: " << p.published.value_or("(not found)")
              << (p.published_from.empty() ? "" : " (" + p.published_from + ")") << '\n'
              << "outlet:    " << p.outlet << '\n'
              << "author:    " << p.author << '\n'
              << "url:       " << p.url << '\n'
              << "language:  " << p.language << '\n'
              << '\n'
              << p.text << "\n\n";
  }
  std::cout.flush();
  return std::cout ? exit : kExitStore;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("extract", "print the article a saved web page holds: title, date, outlet, text");
  auto flags = std::make_shared<ExtractFlags>();
  cmd->add_option("pages", flags->pages, "saved web pages (.html, .htm; gzipped or not)")->required();
  cmd->add_option("--format", flags->format, "text or json (one object per page and line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--url", flags->url, "where the pages were fetched from (a fallback for the URL, outlet and date)");
  cmd->callback([flags, exit_code] { *exit_code = RunExtract(*flags); });
}

}  // namespace storydesk::cli
