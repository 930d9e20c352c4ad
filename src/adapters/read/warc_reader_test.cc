#include "adapters/read/warc_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/read/warc_testing.h"

namespace storydesk::read {
namespace {

using testing::HttpResponseText;
using testing::WarcRecordText;

struct ReadBack {
  std::vector<WarcRecord> records;
  std::vector<std::string> errors;
};

ReadBack ReadAll(const std::string& archive, size_t max_block = 1 << 20) {
  std::istringstream in(archive);
  WarcReader reader(in, max_block);
  ReadBack out;
  for (int guard = 0; guard < 1000; ++guard) {
    auto next = reader.Next();
    if (!next.ok()) {
      out.errors.push_back(next.status().message());
      continue;
    }
    if (!next.value()) break;
    out.records.push_back(std::move(*next.value()));
  }
  return out;
}

TEST(WarcReaderTest, RecordsAndTheirFields) {
  const std::string page = HttpResponseText(200, "text/html", "<html><body><p>Hello</p></body></html>");
  const std::string archive =
      WarcRecordText("warcinfo", "", "software: test\r\n", "application/warc-fields", "0001") +
      WarcRecordText("request", "https://example.org/a", "GET /a HTTP/1.1\r\n\r\n",
                     "application/http; msgtype=request") +
      WarcRecordText("response", "https://example.org/a", page, "application/http; msgtype=response", "0003");
  const ReadBack r = ReadAll(archive);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].type, "warcinfo");
  EXPECT_EQ(r.records[0].record_id, "<urn:uuid:0001>");
  EXPECT_EQ(r.records[1].type, "request");
  const WarcRecord& response = r.records[2];
  EXPECT_EQ(response.number, 3);
  EXPECT_EQ(response.type, "response");
  EXPECT_EQ(response.target_uri, "https://example.org/a");
  EXPECT_EQ(response.date, "2025-03-07T09:30:00Z");
  EXPECT_EQ(response.content_type, "application/http; msgtype=response");
  EXPECT_EQ(response.block, page);
  EXPECT_EQ(response.content_length, page.size());
  EXPECT_EQ(archive.compare(response.offset, 9, "WARC/1.0\r"), 0);
  EXPECT_EQ(response.Describe(), "record 3 (https://example.org/a)");
}

TEST(WarcReaderTest, LineFeedsAloneFoldedFieldsAndBracketedUris) {
  const std::string archive =
      "WARC/1.1\nWARC-Type: Resource\nWARC-Target-URI: <https://example.org/b>\nContent-Type: text/html;\n"
      "  charset=utf-8\nContent-Length: 5\n\nhello\n\n";
  const ReadBack r = ReadAll(archive);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].type, "resource");
  EXPECT_EQ(r.records[0].target_uri, "https://example.org/b");
  EXPECT_EQ(r.records[0].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.records[0].block, "hello");
}

TEST(WarcReaderTest, ABlockOverTheLimitIsSkippedNotKept) {
  const std::string archive = WarcRecordText("response", "https://example.org/big", std::string(5000, 'x')) +
                              WarcRecordText("response", "https://example.org/small", "tiny");
  const ReadBack r = ReadAll(archive, 1000);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(r.records[0].block_skipped);
  EXPECT_EQ(r.records[0].block, std::string(std::min<size_t>(5000, kSkippedBlockHead), 'x'));  // its start
  EXPECT_EQ(r.records[0].content_length, 5000u);
  EXPECT_FALSE(r.records[1].block_skipped);
  EXPECT_EQ(r.records[1].block, "tiny");
}

TEST(WarcReaderTest, ABrokenRecordCostsOnlyItself) {
  const std::string good = WarcRecordText("response", "https://example.org/ok", "fine");
  const struct {
    const char* name;
    std::string archive;
    const char* says;
    size_t good_records;
  } cases[] = {
      {"no length", "WARC/1.0\r\nWARC-Type: response\r\n\r\nabc\r\n\r\n" + good, "no valid Content-Length", 1},
      {"bad length", "WARC/1.0\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n" + good, "no valid Content-Length", 1},
      {"garbage first", "this is not an archive\r\n\r\n" + good, "not a WARC record", 1},
      {"long header line", "WARC/1.0\r\nX: " + std::string(70000, 'a') + "\r\n\r\n" + good, "longer than", 1},
      {"cut in the header", good + "WARC/1.0\r\nWARC-Type: resp", "ends inside the record's header", 1},
      {"cut in the block", good + "WARC/1.0\r\nContent-Length: 100\r\n\r\nonly this", "ends inside the record's block",
       1},
  };
  for (const auto& c : cases) {
    const ReadBack r = ReadAll(c.archive);
    ASSERT_EQ(r.errors.size(), 1u) << c.name;
    EXPECT_NE(r.errors[0].find(c.says), std::string::npos) << c.name << ": " << r.errors[0];
    EXPECT_NE(r.errors[0].find("record "), std::string::npos) << r.errors[0];
    EXPECT_EQ(r.errors[0].find('\n'), std::string::npos);
    EXPECT_EQ(r.records.size(), c.good_records) << c.name;
  }
}

TEST(WarcReaderTest, EmptyAndBlankStreamsHaveNoRecords) {
  EXPECT_TRUE(ReadAll("").records.empty());
  EXPECT_TRUE(ReadAll("").errors.empty());
  EXPECT_TRUE(ReadAll("\r\n\r\n").records.empty());
}

TEST(WarcReaderTest, Sniffing) {
  EXPECT_TRUE(LooksLikeWarc("WARC/1.0\r\n"));
  EXPECT_TRUE(LooksLikeWarc("\r\nWARC/1.1\r\n"));
  EXPECT_FALSE(LooksLikeWarc("WARC is a format"));
  EXPECT_FALSE(LooksLikeWarc("<html>"));
}

}  // namespace
}  // namespace storydesk::read
