#include "adapters/store/signature_bytes.h"

namespace storydesk::store {

std::string EncodeSignature(const std::vector<uint32_t>& signature) {
  std::string bytes;
  bytes.reserve(signature.size() * 4);
  for (uint32_t v : signature) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return bytes;
}

Result<std::vector<uint32_t>> DecodeSignature(const std::string& bytes) {
  if (bytes.size() % 4 != 0) {
    return Status::Error(ErrorCode::kStore, "corrupt MinHash signature in the store (" + std::to_string(bytes.size()) +
                                                " bytes, not a multiple of 4)");
  }
  std::vector<uint32_t> signature(bytes.size() / 4);
  for (size_t i = 0; i < signature.size(); ++i) {
    uint32_t v = 0;
    for (int b = 3; b >= 0; --b) v = (v << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<size_t>(b)]);
    signature[i] = v;
  }
  return signature;
}

}  // namespace storydesk::store
