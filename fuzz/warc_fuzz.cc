// Fuzz target for the web-archive readers (WarcReader over GunzipStream when the input is gzip,
// ParseHttpResponse, then ExtractPage on the pages): never a crash or a hang, one-line errors,
// records numbered in order, blocks never over the limit.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#include "adapters/read/gzip_stream.h"
#include "adapters/read/html_page.h"
#include "adapters/read/http_response.h"
#include "adapters/read/warc_reader.h"
#include "fuzz_check.h"
#include "storydesk/text/utf8.h"

using storydesk::fuzz::Check;
using storydesk::fuzz::CheckMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace read = storydesk::read;
  const std::string content(reinterpret_cast<const char*>(data), size);
  read::LooksLikeWarc(content);
  std::istringstream raw(content);
  std::optional<read::GunzipStream> unpacked;
  if (read::IsGzipMagic(content)) unpacked.emplace(raw);
  std::istream& in = unpacked ? static_cast<std::istream&>(*unpacked) : raw;
  constexpr size_t kMaxBlock = 1 << 16;
  read::WarcReader reader(in, kMaxBlock);
  int64_t number = 0;
  // Each call consumes at least one byte of the stream, so the loop ends; the cap only bounds
  // a gzip bomb's time.
  for (int records = 0; records < 10000; ++records) {
    auto next = reader.Next();
    ++number;
    if (!next.ok()) {
      CheckMessage(next.status().message());
      continue;
    }
    if (!next.value()) break;
    const read::WarcRecord& record = *next.value();
    Check(record.number == number);
    Check(record.block.size() <= kMaxBlock);
    Check(!record.block_skipped || record.block.size() <= storydesk::read::kSkippedBlockHead);
    CheckMessage(record.Describe());
    if (record.type != "response") continue;
    auto response = read::ParseHttpResponse(record.block, kMaxBlock);
    if (!response.ok()) {
      CheckMessage(response.status().message());
      continue;
    }
    Check(response.value().body.size() <= kMaxBlock);
    read::PageOptions options;
    options.url = record.target_uri;
    options.charset = response.value().charset;
    auto page = read::ExtractPage(response.value().body, options);
    if (!page.ok()) {
      CheckMessage(page.status().message());
      continue;
    }
    Check(storydesk::text::IsValidUtf8(page.value().text));
  }
  if (unpacked && !unpacked->Error().empty()) CheckMessage(unpacked->Error());
  return 0;
}
