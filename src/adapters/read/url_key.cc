#include "adapters/read/url_key.h"

#include <cctype>

#include "adapters/read/text_checks.h"

namespace storydesk::read {

std::string UrlKey(std::string_view url) {
  url = TrimWhitespace(url);
  url = url.substr(0, url.find('#'));
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t host_end = url.find_first_of("/?");
  std::string key;
  key.reserve(url.size());
  for (char c : url.substr(0, host_end)) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (key.rfind("www.", 0) == 0) key.erase(0, 4);
  if (host_end != std::string_view::npos) key.append(url.substr(host_end));
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

}  // namespace storydesk::read
