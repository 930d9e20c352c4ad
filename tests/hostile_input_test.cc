// The hostile-input catalogue (issue 14): malformed, huge, odd and adversarial inputs given to
// `storydesk ingest`, each with the one-line errors it must print, its exit code, how many
// articles it may add, and bounds on time and memory. Every case runs on a store that already
// holds a few articles, and the store afterwards must hold them unchanged plus exactly the
// accepted new ones (compared through `storydesk export`): a rejected record leaves no trace.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/read/warc_testing.h"
#include "cli_runner.h"
#include "measured_run.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

namespace fs = std::filesystem;

// Under the sanitizers the binary is several times slower, and its memory says more about
// AddressSanitizer (redzones, a 256 MB quarantine of freed blocks: 20,000 tiny articles peak at
// 1.3 GB there against 68 MB in Release) than about storydesk: only the Release build's memory
// is bounded.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kTimeScale = 6;
constexpr bool kCheckMemory = false;
#else
constexpr double kTimeScale = 1;
constexpr bool kCheckMemory = true;
#endif

// What a case writes: the ingest arguments, and the file to give as stdin (empty: none).
struct Input {
  std::vector<std::string> args;
  std::string stdin_path;
};

struct HostileCase {
  const char* name;
  std::function<Input(const fs::path& dir)> make;
  int exit_code;
  // One pattern per line of stderr, in order: '*' matches anything, the rest literally.
  std::vector<std::string> errors;
  size_t stored;            // articles added to the store
  double max_seconds = 10;  // Release build; scaled by kTimeScale
  long max_rss_mb = 120;    // Release build only (kCheckMemory)
};

// gtest prints a case by its name (not its bytes) when it fails.
void PrintTo(const HostileCase& c, std::ostream* os) { *os << c.name; }

std::string Line(const std::string& id, const std::string& text, const std::string& extra = "") {
  return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"" + extra + "}\n";
}

const std::string kGoodLine = Line("good", "A good article about the tram vote in the valley.");
const std::string kGoodSeed = " date 2031-03-05\n\nA quiet headline\n\nThe harbour reopened on Monday after repairs.\n";

fs::path Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

Input File(const fs::path& dir, const std::string& name, const std::string& content) {
  return {{Write(dir / name, content).string()}, ""};
}

// `n` deterministic pseudo-random bytes.
std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 random(seed);
  std::string bytes(n, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

// Plain words making sentences, about `bytes` long (no JSON escaping needed).
std::string Words(size_t bytes, uint32_t seed) {
  static const char* const kWords[] = {"harbour", "tram",   "vote",   "council", "ferry", "river",
                                       "market",  "school", "budget", "mayor",   "storm", "bridge"};
  std::mt19937 random(seed);
  std::string text;
  text.reserve(bytes + 16);
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += kWords[random() % 12];
    text += (i % 12 == 11) ? ". " : " ";
  }
  text.resize(bytes);
  text.back() = '.';
  return text;
}

// A JSON Lines record exactly `bytes` long (without its line break).
std::string RecordOfSize(size_t bytes, const std::string& id) {
  const std::string head = "{\"id\": \"" + id + "\", \"text\": \"";
  const std::string tail = "\"}";
  return head + Words(bytes - head.size() - tail.size(), 7) + tail;
}

// `n` zero bytes as one gzip member, compressed a chunk at a time (the test's own memory counts
// in the child's peak RSS when it forks).
std::string GzipOfZeros(size_t n) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  const std::string zeros(size_t{1} << 20, '\0');
  std::string out;
  char buffer[1 << 16];
  for (size_t left = n; left > 0 || stream.avail_in > 0;) {
    if (stream.avail_in == 0) {
      const size_t take = std::min(left, zeros.size());
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
      stream.avail_in = static_cast<uInt>(take);
      left -= take;
    }
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      deflate(&stream, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = deflate(&stream, Z_FINISH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  deflateEnd(&stream);
  return out;
}

// Writes a file of one `bytes`-long line of 'a' in a text field, then a good line, without
// holding it in memory.
Input HugeLine(const fs::path& dir, size_t bytes) {
  fs::create_directories(dir);
  const fs::path path = dir / "huge.jsonl";
  std::ofstream out(path, std::ios::binary);
  const std::string head = "{\"id\": \"huge\", \"text\": \"";
  out << head;
  const std::string chunk(1 << 20, 'a');
  size_t left = bytes - head.size() - 2;
  while (left > 0) {
    const size_t n = std::min(left, chunk.size());
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
  out << "\"}\n" << kGoodLine;
  return {{path.string()}, ""};
}

const HostileCase kCases[] = {
    // Encodings.
    {"invalid UTF-8 in a JSON line",
     [](const fs::path& d) { return File(d, "bad.jsonl", "{\"text\": \"bad \xC3\x28 byte\"}\n" + kGoodLine); },
     1,
     {"storydesk: */bad.jsonl:1: invalid UTF-8 at column 15; the input must be UTF-8"},
     1},
    {"overlong UTF-8 (C0 AF for '/')",
     [](const fs::path& d) { return File(d, "overlong.jsonl", "{\"text\": \"a \xC0\xAF b\"}\n"); },
     1,
     {"storydesk: */overlong.jsonl:1: invalid UTF-8 at column 13; the input must be UTF-8"},
     0},
    {"UTF-8 of a surrogate (ED A0 80)",
     [](const fs::path& d) { return File(d, "surrogate.jsonl", "{\"text\": \"a \xED\xA0\x80 b\"}\n"); },
     1,
     {"storydesk: */surrogate.jsonl:1: invalid UTF-8 at column 13; the input must be UTF-8"},
     0},
    {"UTF-8 cut at the end of a seed file",
     [](const fs::path& d) { return File(d, "cut.txt", kGoodSeed + "\xE2\x82"); },
     1,
     {"storydesk: */cut.txt:*invalid UTF-8*"},
     0},
    {"a lone surrogate escape",
     [](const fs::path& d) { return File(d, "escape.jsonl", "{\"text\": \"\\ud800\"}\n"); },
     1,
     {"storydesk: */escape.jsonl:1: invalid JSON at column *"},
     0},
    {"emoji and right-to-left text (JSON Lines)",
     [](const fs::path& d) {
       return File(d, "rtl.jsonl",
                   Line("rtl",
                        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xF0\x9F\x8C\x8D \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
                        "\xF0\x9F\x98\x80 \xE2\x80\x8F mixed.",
                        ", \"title\": \"\xF0\x9F\x8E\x89 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\""));
     },
     0,
     {},
     1},
    {"emoji and right-to-left text (seed text)",
     [](const fs::path& d) {
       return File(
           d, "rtl.txt",
           " date 2031-03-05\n\n\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
           "\xF0\x9F\x98\x80\n\n\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xF0\x9F\x8C\x8D the market opened.\n");
     },
     0,
     {},
     1},
    {"byte order mark and CRLF",
     [](const fs::path& d) {
       return File(d, "crlf.jsonl",
                   "\xEF\xBB\xBF" + Line("crlf1", "First line.").substr(0) + "\r\n" + Line("crlf2", "Second line."));
     },
     0,
     {},
     2},
    {"control characters in fields",
     [](const fs::path& d) {
       return File(d, "ctl.jsonl",
                   Line("ctl", "Bell \\u0007 and escape \\u001b[31m red.", ", \"title\": \"tab\\there\""));
     },
     0,
     {},
     1},
    // NUL bytes and binary data.
    {"NUL on line 1, good line 2 (issue 14)",
     [](const fs::path& d) { return File(d, "nul.jsonl", std::string("{\"text\": \"a\0b\"}\n", 16) + kGoodLine); },
     1,
     {"storydesk: */nul.jsonl:1: binary data (NUL byte at column 12)"},
     1},
    {"NUL escaped in a field",
     [](const fs::path& d) { return File(d, "nul_escape.jsonl", "{\"text\": \"a\\u0000b\"}\n"); },
     1,
     {"storydesk: */nul_escape.jsonl:1: field \"text\" contains a NUL character"},
     0},
    {"NUL in a seed file",
     [](const fs::path& d) {
       return File(d, "bin.txt",
                   std::string("\x7f"
                               "ELF\0\0\1",
                               7));
     },
     1,
     {"storydesk: */bin.txt: binary file (NUL byte at byte offset 4), not seed text"},
     0},
    {"a binary file named .jsonl",
     [](const fs::path& d) {
       std::string binary;
       for (int i = 0; i < 3000; ++i) binary += std::string("\0\1\2\n", 4);
       return File(d, "bin.jsonl", binary + kGoodLine);
     },
     1,
     {"storydesk: */bin.jsonl: binary file (NUL byte in line 1 and no valid record in the first 1000), not JSON Lines; "
      "not read further"},
     0},
    {"random bytes (.jsonl)",
     [](const fs::path& d) { return File(d, "random.jsonl", RandomBytes(1 << 16, 14)); },
     1,
     {"storydesk: */random.jsonl: binary file (NUL byte in line 1 and no valid record), not JSON Lines"},
     0},
    {"random bytes (.txt)",
     [](const fs::path& d) { return File(d, "random.txt", RandomBytes(1 << 16, 15)); },
     1,
     {"storydesk: */random.txt: binary file (NUL byte at byte offset *), not seed text"},
     0},
    {"random bytes (.json)",
     [](const fs::path& d) { return File(d, "random.json", RandomBytes(1 << 16, 16)); },
     1,
     {"storydesk: */random.json: binary file (NUL byte in line * and no valid record), not JSON Lines"},
     0},
    {"random bytes on stdin",
     [](const fs::path& d) {
       return Input{{"-"}, Write(d / "random.bin", RandomBytes(1 << 16, 17)).string()};
     },
     1,
     {"storydesk: -: binary file (NUL byte at byte offset *), not seed text"},
     0},
    // Empty input.
    {"empty .jsonl",
     [](const fs::path& d) { return File(d, "empty.jsonl", ""); },
     1,
     {"storydesk: */empty.jsonl: empty file"},
     0},
    {"empty .txt",
     [](const fs::path& d) { return File(d, "empty.txt", ""); },
     1,
     {"storydesk: */empty.txt: empty file"},
     0},
    {"empty .json",
     [](const fs::path& d) { return File(d, "empty.json", ""); },
     1,
     {"storydesk: */empty.json: empty file"},
     0},
    {"only blank lines",
     [](const fs::path& d) { return File(d, "blank.jsonl", "\n  \n\t\r\n"); },
     1,
     {"storydesk: */blank.jsonl: empty file: only blank lines"},
     0},
    {"empty stdin",
     [](const fs::path& d) {
       return Input{{"-"}, Write(d / "nothing", "").string()};
     },
     1,
     {"storydesk: -: empty input"},
     0},
    {"blank text",
     [](const fs::path& d) { return File(d, "blank_text.jsonl", Line("b", "  \\n ")); },
     1,
     {"storydesk: */blank_text.jsonl:1: field \"text\" is blank"},
     0},
    // Size.
    {"a 100 MB line, then a good one",
     [](const fs::path& d) { return HugeLine(d, 100u << 20); },
     1,
     {"storydesk: */huge.jsonl:1: record is 100.0 MB (104857600 bytes), over the 10 MB limit (10485760 bytes); "
      "skipped"},
     1,
     15,
     120},
    {"a record just under 10 MB",
     [](const fs::path& d) { return File(d, "big.jsonl", RecordOfSize((10u << 20) - 1, "big") + "\n"); },
     0,
     {},
     1,
     20,
     600},
    {"a record one byte over 10 MB",
     [](const fs::path& d) { return File(d, "over.jsonl", RecordOfSize((10u << 20) + 1, "over") + "\n"); },
     1,
     {"storydesk: */over.jsonl:1: record is 10.0 MB (10485761 bytes), over the 10 MB limit (10485760 bytes); skipped"},
     0},
    {"a seed file one byte over 10 MB",
     [](const fs::path& d) { return File(d, "over.txt", " date 2031-03-05\n\n" + Words((10u << 20) + 1 - 18, 3)); },
     1,
     {"storydesk: */over.txt: article is 10.0 MB (10485761 bytes), over the 10 MB limit (10485760 bytes); skipped"},
     0},
    {"20,000 tiny articles",
     [](const fs::path& d) {
       std::string lines;
       for (int i = 0; i < 20000; ++i) {
         // Appended piece by piece: GCC 12 warns falsely on "t" + std::to_string(i) (bug 105329).
         std::string id = "t", text = "tiny ";
         id += std::to_string(i);
         text += std::to_string(i);
         text += '.';
         lines += Line(id, text, ", \"published\": \"2031-03-04\"");
       }
       return File(d, "tiny.jsonl", lines);
     },
     0,
     {},
     20000,
     30,
     250},
    {"a 1 MB id (issue 14)",
     [](const fs::path& d) { return File(d, "id.jsonl", Line(std::string(1 << 20, 'i'), "Text.") + kGoodLine); },
     1,
     {"storydesk: */id.jsonl:1: field \"id\" is 1048576 bytes long, over the 512-byte limit for ids"},
     1},
    {"a 512-byte id",
     [](const fs::path& d) { return File(d, "id512.jsonl", Line(std::string(512, 'i'), "Text with the longest id.")); },
     0,
     {},
     1},
    {"a huge integer id",
     [](const fs::path& d) {
       return File(d, "bigint.jsonl", "{\"id\": 123456789012345678901234567890, \"text\": \"x\"}\n");
     },
     1,
     {"storydesk: */bigint.jsonl:1: field \"id\" must be a string or an integer, not a number"},
     0},
    // Structure.
    {"JSON nested 100,000 deep",
     [](const fs::path& d) {
       return File(
           d, "deep.jsonl",
           "{\"text\": \"x\", \"j\": " + std::string(100000, '[') + std::string(100000, ']') + "}\n" + kGoodLine);
     },
     1,
     {"storydesk: */deep.jsonl:1: JSON nested deeper than 64 levels"},
     1},
    {"JSON nested 64 deep",
     [](const fs::path& d) {
       return File(d, "deep64.jsonl",
                   "{\"text\": \"Deep but allowed.\", \"j\": " + std::string(63, '[') + std::string(63, ']') + "}\n");
     },
     0,
     {},
     1},
    {"duplicate keys (issue 14)",
     [](const fs::path& d) { return File(d, "dup.jsonl", "{\"id\": \"d1\", \"text\": \"one\", \"text\": \"two\"}\n"); },
     1,
     {"storydesk: */dup.jsonl:1: duplicate key \"text\": each key may appear only once in an object"},
     0},
    {"a record that is not an object",
     [](const fs::path& d) { return File(d, "array.jsonl", "[1, 2]\n"); },
     1,
     {"storydesk: */array.jsonl:1: a record must be a JSON object, not an array"},
     0},
    {".json: one object over many lines (issue 14)",
     [](const fs::path& d) {
       return File(d, "pretty.json", "{\n  \"id\": \"pretty\",\n  \"text\": \"Pretty printed over lines.\"\n}\n");
     },
     0,
     {},
     1},
    {".json: an array with a bad element (issue 14)",
     [](const fs::path& d) {
       return File(d, "array.json",
                   "[\n" + Line("a1", "First.").substr(0, Line("a1", "First.").size() - 1) + ",\n{\"id\": \"a2\"},\n" +
                       Line("a3", "Third.").substr(0, Line("a3", "Third.").size() - 1) + "\n]\n");
     },
     1,
     {"storydesk: */array.json:3: missing field \"text\": every record needs the article text"},
     2},
    {".json: JSON Lines",
     [](const fs::path& d) { return File(d, "lines.json", Line("l1", "One.") + Line("l2", "Two.")); },
     0,
     {},
     2},
    {"same id as a stored article, other text",
     [](const fs::path& d) { return File(d, "conflict.jsonl", Line("base1", "A different text.")); },
     1,
     {"storydesk: */conflict.jsonl:1: *base1*"},
     0},
    // Dates.
    {"2021-02-30",
     [](const fs::path& d) { return File(d, "feb30.jsonl", Line("f", "x", ", \"published\": \"2021-02-30\"")); },
     1,
     {"storydesk: */feb30.jsonl:1: field \"published\" has a bad date \"2021-02-30\": 2021-02-30 is not a date*"},
     0},
    {"year 0",
     [](const fs::path& d) { return File(d, "year0.jsonl", Line("y", "x", ", \"published\": \"0000-01-01\"")); },
     1,
     {"storydesk: */year0.jsonl:1: field \"published\" has a bad date \"0000-01-01\": *"},
     0},
    {"year 99999",
     [](const fs::path& d) { return File(d, "year99999.jsonl", Line("y", "x", ", \"published\": \"99999-01-01\"")); },
     1,
     {"storydesk: */year99999.jsonl:1: field \"published\" has a bad date \"99999-01-01\": *"},
     0},
    {"hour 25",
     [](const fs::path& d) {
       return File(d, "hour.jsonl", Line("h", "x", ", \"published\": \"2031-03-04T25:00:00Z\""));
     },
     1,
     {"storydesk: */hour.jsonl:1: field \"published\" has a bad date \"2031-03-04T25:00:00Z\": *"},
     0},
    {"2021-02-30 in a seed header",
     [](const fs::path& d) { return File(d, "feb30.txt", " date 2021-02-30\n\nHeadline\n\nBody text here.\n"); },
     1,
     {"storydesk: */feb30.txt:1: bad date \"2021-02-30\" in the header: 2021-02-30 is not a date*"},
     0},
    // Paths.
    {"a symlink loop, named",
     [](const fs::path& d) {
       fs::create_directories(d);
       fs::create_symlink("loop.jsonl", d / "loop.jsonl");
       return Input{{(d / "loop.jsonl").string()}, ""};
     },
     1,
     {"storydesk: */loop.jsonl: cannot read: Too many levels of symbolic links"},
     0},
    {"symlink loops inside a directory",
     [](const fs::path& d) {
       Write(d / "dir/good.jsonl", kGoodLine);
       fs::create_symlink("loop.jsonl", d / "dir/loop.jsonl");
       fs::create_directory_symlink(d / "dir", d / "dir/self");
       return Input{{(d / "dir").string()}, ""};
     },
     0,
     {},
     1},
    {"a FIFO with no writer",
     [](const fs::path& d) {
       fs::create_directories(d);
       const fs::path fifo = d / "pipe.jsonl";
       mkfifo(fifo.c_str(), 0600);
       return Input{{fifo.string(), Write(d / "good.jsonl", kGoodLine).string()}, ""};
     },
     1,
     {"storydesk: */pipe.jsonl: empty file"},
     1,
     5},
    // Web archives (issue 20): streamed, so memory stays flat whatever a record claims.
    {"a .warc.gz cut in the middle",
     [](const fs::path& d) {
       std::string archive;
       for (int i = 0; i < 3; ++i) {
         archive += read::testing::GzipMember(read::testing::WarcRecordText(
             "response", "https://example.org/" + std::to_string(i),
             read::testing::HttpResponseText(200, "text/html",
                                             "<html><body><p>" + Words(600, i) + "</p></body></html>"),
             "application/http; msgtype=response", "rec-" + std::to_string(i)));
       }
       return File(d, "cut.warc.gz", archive.substr(0, archive.size() * 5 / 6));
     },
     1,
     {"storydesk: */cut.warc.gz: record 3 (https://example.org/2), at byte *: the archive ends inside the record's "
      "block *",
      "storydesk: */cut.warc.gz: truncated gzip data after record 3",
      "storydesk: */cut.warc.gz: 2 WARC records: 2 pages read"},
     2},
    {"random bytes named .warc",
     [](const fs::path& d) { return File(d, "noise.warc", RandomBytes(1 << 20, 11)); },
     1,
     {"storydesk: */noise.warc: record 1, at byte 0: not a WARC record *"},
     0},
    {"a WARC record claiming a terabyte",
     [](const fs::path& d) {
       return File(d, "liar.warc",
                   "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: "
                   "1099511627776\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort");
     },
     1,
     {"storydesk: */liar.warc: record 1, at byte 0: the archive ends inside the record's block *"},
     0},
    {"a gzip bomb in a WARC record's HTTP body",
     [](const fs::path& d) {
       const std::string bomb = GzipOfZeros(size_t{256} << 20);
       return File(d, "bomb.warc",
                   read::testing::WarcRecordText(
                       "response", "https://example.org/bomb",
                       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb));
     },
     1,
     {"storydesk: */bomb.warc: record 1 (https://example.org/bomb): its gzip-coded body: decompresses to more than "
      "the limit of 33554432 bytes",
      "storydesk: */bomb.warc: 1 WARC records: 0 pages read"},
     0},
    {"100,000 request records",
     [](const fs::path& d) {
       std::string archive;
       for (int i = 0; i < 100000; ++i) {
         archive += read::testing::WarcRecordText("request", "https://example.org/" + std::to_string(i),
                                                  "GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request");
       }
       return File(d, "requests.warc", archive);
     },
     0,
     {"storydesk: */requests.warc: 100000 WARC records: 0 pages read, 100000 skipped (request 100000)"},
     0},
    {"a missing file",
     [](const fs::path& d) {
       return Input{{(d / "nothing.jsonl").string()}, ""};
     },
     1,
     {"storydesk: */nothing.jsonl: no such file or directory"},
     0},
};

// Patterns are literal but for '*'.
std::regex Pattern(const std::string& pattern) {
  std::string re;
  for (const char c : pattern) {
    if (c == '*') {
      re += ".*";
    } else if (std::string_view("\\^$.|?+()[]{}").find(c) != std::string_view::npos) {
      re += '\\';
      re += c;
    } else {
      re += c;
    }
  }
  return std::regex(re);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Export(const fs::path& db) {
  const MeasuredResult r = RunMeasured({"--db", db.string(), "export"}, "", 60 * kTimeScale);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Lines(r.out);
}

const std::string kBaseline =
    Line("base1", "The council voted on the tram line on Tuesday.", ", \"published\": \"2031-03-03\"") +
    Line("base2", "The ferry service resumes after the storm.", ", \"published\": \"2031-03-04\"") +
    Line("base3", "A new school opens by the river.");

class HostileInputTest : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileInputTest, RejectsCleanlyWithinBounds) {
  const HostileCase& c = GetParam();
  TempDir tmp;
  const fs::path db = tmp.path() / "store.db";
  const MeasuredResult base = RunMeasured(
      {"--db", db.string(), "ingest", Write(tmp.path() / "baseline.jsonl", kBaseline).string()}, "", 60 * kTimeScale);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const std::vector<std::string> before = Export(db);
  ASSERT_EQ(before.size(), 3u);

  const Input input = c.make(tmp.path() / "in");
  std::vector<std::string> args{"--db", db.string(), "ingest"};
  args.insert(args.end(), input.args.begin(), input.args.end());
  const double max_seconds = c.max_seconds * kTimeScale;
  const MeasuredResult r = RunMeasured(args, input.stdin_path, max_seconds + 30);
  ASSERT_FALSE(r.timed_out) << "killed after " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  const std::vector<std::string> errors = Lines(r.err);
  ASSERT_EQ(errors.size(), c.errors.size()) << r.err.substr(0, 2000);
  for (size_t i = 0; i < errors.size(); ++i) {
    EXPECT_TRUE(std::regex_match(errors[i], Pattern(c.errors[i])))
        << "line " << i + 1 << ": " << errors[i].substr(0, 500) << "\n  expected: " << c.errors[i];
    EXPECT_LT(errors[i].size(), 1000u);
  }
  EXPECT_LE(r.seconds, max_seconds);
  if (kCheckMemory) {
    EXPECT_LE(r.max_rss_kb, c.max_rss_mb * 1024) << "peak RSS " << r.max_rss_kb / 1024 << " MB";
  }

  // The stored articles are still there as they were; only the accepted ones were added.
  const std::vector<std::string> after = Export(db);
  ASSERT_EQ(after.size(), before.size() + c.stored);
  for (const std::string& line : before) {
    EXPECT_NE(std::find(after.begin(), after.end(), line), after.end()) << "lost or changed: " << line;
  }
  RecordProperty("seconds", std::to_string(r.seconds));
  RecordProperty("max_rss_mb", std::to_string(r.max_rss_kb / 1024));
}

std::string CaseName(const ::testing::TestParamInfo<HostileCase>& info) {
  std::string name;
  for (const char* p = info.param.name; *p != '\0'; ++p) {
    const char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return std::to_string(info.index) + "_" + name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, HostileInputTest, ::testing::ValuesIn(kCases), CaseName);

}  // namespace
}  // namespace storydesk::testing
