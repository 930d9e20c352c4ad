#include "adapters/read/gzip_stream.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "adapters/read/warc_testing.h"

namespace storydesk::read {
namespace {

using testing::GzipMember;

std::string ReadAll(GunzipStream& in) {
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(GunzipStreamTest, ConcatenatedMembersAreOneStream) {
  std::string big(3 << 20, 'x');  // larger than one output chunk
  for (size_t i = 0; i < big.size(); i += 997) big[i] = static_cast<char>('a' + i % 26);
  std::istringstream source(GzipMember("first member\n") + GzipMember(big) + GzipMember("last\n"));
  GunzipStream in(source);
  EXPECT_EQ(ReadAll(in), "first member\n" + big + "last\n");
  EXPECT_EQ(in.Error(), "");
  EXPECT_EQ(in.CompressedBytes(), source.str().size());
}

TEST(GunzipStreamTest, BrokenAndTruncatedDataAreSaid) {
  const std::string packed = GzipMember(std::string(5000, 'n') + "the end");
  std::istringstream truncated(packed.substr(0, packed.size() - 9));
  GunzipStream a(truncated);
  ReadAll(a);
  EXPECT_EQ(a.Error(), "truncated gzip data");

  std::string corrupt = packed;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  corrupt[13] = static_cast<char>(corrupt[13] ^ 0x55);
  std::istringstream source(corrupt);
  GunzipStream b(source);
  ReadAll(b);
  EXPECT_NE(b.Error().find("gzip data"), std::string::npos) << b.Error();

  std::istringstream not_gzip("plain text, not compressed");
  GunzipStream c(not_gzip);
  ReadAll(c);
  EXPECT_NE(c.Error().find("broken gzip data"), std::string::npos) << c.Error();

  std::istringstream empty("");
  GunzipStream d(empty);
  EXPECT_EQ(ReadAll(d), "");
  EXPECT_EQ(d.Error(), "truncated gzip data");
}

TEST(GunzipStreamTest, Magic) {
  EXPECT_TRUE(IsGzipMagic(GzipMember("x")));
  EXPECT_FALSE(IsGzipMagic("WARC/1.0"));
  EXPECT_FALSE(IsGzipMagic("\x1f"));
}

}  // namespace
}  // namespace storydesk::read
