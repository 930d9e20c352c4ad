#include "adapters/read/page_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "adapters/read/warc_testing.h"

namespace storydesk::read {
namespace {

std::string Gzip(const std::string& data) { return testing::GzipMember(data); }

TEST(PageFileTest, GunzipsOneOrSeveralMembers) {
  const std::string page = "<html><body><p>The night ferry stays.</p></body></html>";
  auto one = Gunzip(Gzip(page), 1 << 20);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one.value(), page);
  auto two = Gunzip(Gzip("<html>") + Gzip("</html>"), 1 << 20);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.value(), "<html></html>");
}

TEST(PageFileTest, RefusesBrokenTruncatedAndOversizedData) {
  const std::string packed = Gzip(std::string(100000, 'a'));
  const auto truncated = Gunzip(packed.substr(0, packed.size() / 2), 1 << 20);
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos) << truncated.status().message();
  std::string broken = packed;
  broken[12] = static_cast<char>(broken[12] ^ 0x5A);
  broken[13] = static_cast<char>(broken[13] ^ 0x5A);
  EXPECT_FALSE(Gunzip(broken, 1 << 20).ok());
  // A bomb: 100,000 bytes out of a few hundred, over a limit of 1,000.
  const auto bomb = Gunzip(packed, 1000);
  ASSERT_FALSE(bomb.ok());
  EXPECT_NE(bomb.status().message().find("more than the limit"), std::string::npos);
}

TEST(PageFileTest, ReadsPlainAndGzippedFilesByTheirBytes) {
  const auto dir = std::filesystem::temp_directory_path() / ("storydesk-page-file-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string page = "<html><body>x</body></html>";
  {
    std::ofstream(dir / "plain.html", std::ios::binary) << page;
    // Gzipped under a plain name: the magic bytes decide.
    std::ofstream(dir / "packed.html", std::ios::binary) << Gzip(page);
  }
  for (const char* name : {"plain.html", "packed.html"}) {
    const auto read = ReadPageFile((dir / name).string(), 1 << 20);
    ASSERT_TRUE(read.ok()) << name;
    EXPECT_EQ(read.value(), page) << name;
  }
  const auto missing = ReadPageFile((dir / "missing.html").string(), 1 << 20);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("missing.html"), std::string::npos);
  const auto big = ReadPageFile((dir / "plain.html").string(), 10);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("plain.html"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace storydesk::read
