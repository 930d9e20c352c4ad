#include "adapters/read/http_response.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <string>

#include "adapters/read/warc_testing.h"

namespace storydesk::read {
namespace {

using testing::Deflated;

const std::string kPage = "<html><body><p>The bridge reopened on Friday.</p></body></html>";

// `data` in two chunks (the first `split` bytes, then the rest), the second with an extension.
std::string Chunked(const std::string& data, size_t split) {
  char second[32];
  std::snprintf(second, sizeof second, "%zx;ext=1\r\n", data.size() - split);
  char first[32];
  std::snprintf(first, sizeof first, "%zx\r\n", split);
  return first + data.substr(0, split) + "\r\n" + second + data.substr(split) + "\r\n0\r\n\r\n";
}

TEST(HttpResponseTest, StatusMediaTypeCharsetAndBody) {
  const auto r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; Charset=\"ISO-8859-1\"\r\nContent-Length: 66\r\n\r\n" + kPage,
      1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().status, 200);
  EXPECT_EQ(r.value().media_type, "text/html");
  EXPECT_EQ(r.value().charset, "iso-8859-1");
  EXPECT_EQ(r.value().body, kPage);
}

TEST(HttpResponseTest, CodingsAreUndone) {
  const struct {
    const char* name;
    std::string headers;
    std::string body;
  } cases[] = {
      {"chunked", "Transfer-Encoding: chunked\r\n", Chunked(kPage, 16)},
      {"gzip", "Content-Encoding: gzip\r\n", Deflated(kPage, 16 + MAX_WBITS)},
      {"x-gzip", "Content-Encoding: x-gzip\r\n", Deflated(kPage, 16 + MAX_WBITS)},
      {"deflate (zlib)", "Content-Encoding: deflate\r\n", Deflated(kPage, MAX_WBITS)},
      {"deflate (raw)", "Content-Encoding: deflate\r\n", Deflated(kPage, -MAX_WBITS)},
      {"identity", "Content-Encoding: identity\r\n", kPage},
      {"chunked but not (kept as sent)", "Transfer-Encoding: chunked\r\n", kPage},
  };
  for (const auto& c : cases) {
    const auto r =
        ParseHttpResponse("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n" + c.headers + "\r\n" + c.body, 1 << 20);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    EXPECT_EQ(r.value().body, kPage) << c.name;
  }
}

TEST(HttpResponseTest, BadResponsesAreSaidInOneLine) {
  const struct {
    std::string message;
    const char* says;
  } cases[] = {
      {"GET / HTTP/1.1\r\n\r\n", "no \"HTTP/\" status line"},
      {"HTTP/1.1 OK\r\n\r\n", "without a status code"},
      {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", "never ends"},
      {"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxyz", "content coding \"br\""},
      {"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all", "gzip-coded body"},
      {"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\nnot deflate", "does not decompress"},
      {"HTTP/1.1 200 OK\r\n\r\n" + std::string(2000, 'a'), "larger than the limit"},
      {"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + Deflated(std::string(5000, 'a'), 16 + MAX_WBITS),
       "more than the limit"},
  };
  for (const auto& c : cases) {
    const auto r = ParseHttpResponse(c.message, 1000);
    ASSERT_FALSE(r.ok()) << c.says;
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().message();
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  }
}

}  // namespace
}  // namespace storydesk::read
