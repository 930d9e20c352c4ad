#include "storydesk/analysis_bytes.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/analyzed_article_data.h"
#include "storydesk/text/utf8.h"

namespace storydesk {
namespace {

constexpr std::string_view kMagic = "SDA1";
constexpr uint8_t kHasHeadlineEvidence = 1, kHasEventDays = 2, kHasTitle = 4;
constexpr uint8_t kEvidenceTitle = 1, kEvidenceLead = 2, kEvidenceLeadOpens = 4;

class Writer {
 public:
  void Byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      Byte(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    Byte(static_cast<uint8_t>(v));
  }
  void Fixed64(uint64_t v) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Strings(const std::vector<std::string>& v) {
    Varint(v.size());
    for (const std::string& s : v) String(s);
  }
  template <typename Int>
  void Ints(const std::vector<Int>& v) {
    Varint(v.size());
    for (Int x : v) Varint(static_cast<uint64_t>(x));
  }
  void Vector(const std::vector<std::pair<uint64_t, float>>& v) {
    Varint(v.size());
    for (const auto& [hash, weight] : v) {
      Fixed64(hash);
      const auto bits = std::bit_cast<uint32_t>(weight);
      for (int i = 0; i < 4; ++i) Byte(static_cast<uint8_t>(bits >> (8 * i)));
    }
  }
  void Text(const text::AnalyzedText& t) {
    String(t.normalized);
    Varint(t.sentences.size());
    for (const text::SentenceSpan& s : t.sentences) {
      Varint(s.begin);
      Varint(s.end - s.begin);
    }
    Strings(t.words);
    Strings(t.stems);
    Strings(t.names);
    Strings(t.numbers);
    Ints(t.word_sentence);
    Ints(t.word_flags);
    Ints(t.stem_word);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; the first failure sticks (`error_`), later reads return zeros.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}

  bool ok() const { return error_.empty(); }
  const std::string& Error() const { return error_; }
  bool AtEnd() const { return in_.empty(); }
  void Fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
  }

  bool Expect(std::string_view magic) {
    if (in_.substr(0, magic.size()) != magic) {
      Fail("not an analysis (no " + std::string(magic) + " mark)");
      return false;
    }
    in_.remove_prefix(magic.size());
    return true;
  }
  uint8_t Byte() {
    if (in_.empty()) {
      Fail("cut short");
      return 0;
    }
    const auto b = static_cast<uint8_t>(in_.front());
    in_.remove_prefix(1);
    return b;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok(); shift += 7) {
      const uint8_t b = Byte();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    Fail("a number runs past 64 bits");
    return 0;
  }
  uint64_t Fixed64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(Byte()) << (8 * i);
    return v;
  }
  // A count of items each taking at least `min_bytes`: never more than the bytes left allow,
  // so a forged count cannot make the reader reserve memory the message does not hold.
  size_t Count(size_t min_bytes) {
    const uint64_t n = Varint();
    if (n > in_.size() / std::max<size_t>(1, min_bytes)) {
      Fail("a count of " + std::to_string(n) + " exceeds the bytes left");
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string String() {
    const size_t n = Count(1);
    if (!ok()) return {};
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    if (!text::IsValidUtf8(s)) Fail("a string is not valid UTF-8");
    return s;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(Count(1));
    for (std::string& s : v) s = String();
    return v;
  }
  template <typename Int>
  std::vector<Int> Ints(uint64_t max) {
    std::vector<Int> v(Count(1));
    for (Int& x : v) {
      const uint64_t n = Varint();
      if (n > max) Fail("a value of " + std::to_string(n) + " is out of range");
      x = static_cast<Int>(n);
    }
    return v;
  }
  std::vector<std::pair<uint64_t, float>> Vector() {
    std::vector<std::pair<uint64_t, float>> v(Count(12));
    for (auto& [hash, weight] : v) {
      hash = Fixed64();
      uint32_t bits = 0;
      for (int i = 0; i < 4; ++i) bits |= static_cast<uint32_t>(Byte()) << (8 * i);
      weight = std::bit_cast<float>(bits);
    }
    return v;
  }
  text::AnalyzedText Text() {
    text::AnalyzedText t;
    t.normalized = String();
    t.sentences.resize(Count(2));
    for (text::SentenceSpan& s : t.sentences) {
      s.begin = Varint();
      const uint64_t length = Varint();
      if (s.begin > t.normalized.size() || length > t.normalized.size() - s.begin) {
        Fail("a sentence lies outside its text");
        return t;
      }
      s.end = s.begin + length;
    }
    t.words = Strings();
    t.stems = Strings();
    t.names = Strings();
    t.numbers = Strings();
    if (!ok()) return t;
    // Indexes point into what they index: a word's sentence, a stem's word.
    t.word_sentence = Ints<uint32_t>(t.sentences.empty() ? 0 : t.sentences.size() - 1);
    t.word_flags = Ints<uint8_t>(kWordFlagsMask);
    t.stem_word = Ints<uint32_t>(t.words.empty() ? 0 : t.words.size() - 1);
    if (!ok()) return t;
    if (t.word_sentence.size() != t.words.size() || t.word_flags.size() != t.words.size() ||
        t.stem_word.size() != t.stems.size() || (t.sentences.empty() && !t.words.empty())) {
      Fail("a text's word or stem indexes do not match its words");
    }
    return t;
  }

 private:
  static constexpr uint64_t kWordFlagsMask = text::kWordIsNumber | text::kWordIsCapitalised;
  std::string_view in_;
  std::string error_;
};

}  // namespace

bool AnalysisCovers(const AnalysisOptions& made, const AnalysisOptions& needed) {
  return (made.headline_evidence || !needed.headline_evidence) && (made.event_days || !needed.event_days);
}

std::string EncodeAnalysis(const AnalyzedArticle& analysis, const AnalysisOptions& options) {
  const AnalyzedArticle::Data& d = *analysis.data_;
  Writer w;
  for (char c : kMagic) w.Byte(static_cast<uint8_t>(c));
  const bool evidence = options.headline_evidence && d.headline_evidence != nullptr;
  w.Byte(static_cast<uint8_t>((evidence ? kHasHeadlineEvidence : 0) | (options.event_days ? kHasEventDays : 0) |
                              (d.title ? kHasTitle : 0)));
  if (d.title) w.Text(*d.title);
  w.Varint(d.bullets.size());
  for (const text::AnalyzedText& bullet : d.bullets) w.Text(bullet);
  w.Text(d.body);
  w.Fixed64(d.exact_hash);
  w.Varint(d.shingles.size());
  for (uint64_t shingle : d.shingles) w.Fixed64(shingle);
  w.Varint(d.credits.size());
  for (const copies::Attribution& credit : d.credits) {
    w.String(credit.outlet);
    w.String(credit.phrase);
  }
  if (options.event_days) {
    w.Varint(d.event_days.size());
    // Days since 1970 may lie before it: zig-zag, as protocol buffers write signed numbers.
    for (int32_t day : d.event_days) w.Varint((static_cast<uint64_t>(day) << 1) ^ static_cast<uint64_t>(day >> 31));
  }
  if (evidence) {
    const digest::HeadlineEvidence& e = *d.headline_evidence;
    w.Byte(static_cast<uint8_t>((e.title ? kEvidenceTitle : 0) | (e.lead ? kEvidenceLead : 0) |
                                (e.lead_opens ? kEvidenceLeadOpens : 0)));
    if (e.title) w.String(*e.title);
    if (e.lead) w.String(*e.lead);
    w.String(e.opening);
    w.Vector(e.vector);
    w.Vector(e.title_vector);
    w.Vector(e.lead_vector);
  }
  return w.Take();
}

// Friend of AnalyzedArticle (story_engine.h): builds one from decoded parts.
struct AnalysisDecoder {
  static Result<DecodedAnalysis> Decode(std::string_view bytes) {
    Reader r(bytes);
    auto invalid = [&r] { return Status::Error(ErrorCode::kInvalidInput, "analysis: " + r.Error()); };
    if (!r.Expect(kMagic)) return invalid();
    DecodedAnalysis out;
    out.analysis.data_ = std::make_unique<AnalyzedArticle::Data>();
    AnalyzedArticle::Data& d = *out.analysis.data_;
    const uint8_t flags = r.Byte();
    if ((flags & ~(kHasHeadlineEvidence | kHasEventDays | kHasTitle)) != 0) r.Fail("unknown flags");
    out.options.headline_evidence = (flags & kHasHeadlineEvidence) != 0;
    out.options.event_days = (flags & kHasEventDays) != 0;
    if ((flags & kHasTitle) != 0) d.title = r.Text();
    d.bullets.resize(r.Count(4));
    for (text::AnalyzedText& bullet : d.bullets) bullet = r.Text();
    d.body = r.Text();
    d.exact_hash = r.Fixed64();
    d.shingles.resize(r.Count(8));
    for (uint64_t& shingle : d.shingles) shingle = r.Fixed64();
    d.credits.resize(r.Count(2));
    for (copies::Attribution& credit : d.credits) {
      credit.outlet = r.String();
      credit.phrase = r.String();
    }
    if (out.options.event_days) {
      d.event_days.resize(r.Count(1));
      for (int32_t& day : d.event_days) {
        const uint64_t z = r.Varint();
        if (z > 0xffffffffu) r.Fail("a day is out of range");
        day = static_cast<int32_t>(static_cast<uint32_t>((z >> 1) ^ (~(z & 1) + 1)));
      }
    }
    if (out.options.headline_evidence) {
      auto e = std::make_shared<digest::HeadlineEvidence>();
      const uint8_t marks = r.Byte();
      if ((marks & ~(kEvidenceTitle | kEvidenceLead | kEvidenceLeadOpens)) != 0) r.Fail("unknown headline marks");
      if ((marks & kEvidenceTitle) != 0) e->title = r.String();
      if ((marks & kEvidenceLead) != 0) e->lead = r.String();
      e->lead_opens = (marks & kEvidenceLeadOpens) != 0;
      e->opening = r.String();
      e->vector = r.Vector();
      e->title_vector = r.Vector();
      e->lead_vector = r.Vector();
      d.headline_evidence = std::move(e);
    }
    if (r.ok() && !r.AtEnd()) r.Fail("bytes after the end");
    if (!r.ok()) return invalid();
    return out;
  }
};

Result<DecodedAnalysis> DecodeAnalysis(std::string_view bytes) { return AnalysisDecoder::Decode(bytes); }

}  // namespace storydesk
