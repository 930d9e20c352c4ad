#include "adapters/nats/nats_client.h"

namespace storydesk::nats {

std::string NatsErrorText(natsStatus status, jsErrCode js_error) {
  std::string text = natsStatus_GetText(status);
  if (js_error != 0) text += " (JetStream error " + std::to_string(static_cast<int>(js_error)) + ")";
  return text;
}

std::vector<std::string> SplitUrls(std::string_view urls) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= urls.size()) {
    const size_t comma = std::min(urls.find(',', at), urls.size());
    std::string_view url = urls.substr(at, comma - at);
    while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
    while (!url.empty() && url.back() == ' ') url.remove_suffix(1);
    if (!url.empty()) out.emplace_back(url);
    at = comma + 1;
  }
  return out;
}

Result<std::unique_ptr<NatsClient>> NatsClient::Connect(std::string_view urls, const std::string& name) {
  const std::vector<std::string> servers = SplitUrls(urls);
  if (servers.empty()) return Status::Error(ErrorCode::kUsage, "--nats: no server URL given");
  std::unique_ptr<NatsClient> client(new NatsClient());
  std::vector<const char*> pointers;
  pointers.reserve(servers.size());
  for (const std::string& url : servers) pointers.push_back(url.c_str());
  natsStatus s = natsOptions_Create(&client->options_);
  if (s == NATS_OK) s = natsOptions_SetServers(client->options_, pointers.data(), static_cast<int>(pointers.size()));
  if (s == NATS_OK) s = natsOptions_SetName(client->options_, name.c_str());
  // Reconnect for as long as the client lives: a node's loss is expected, not fatal.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(client->options_, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(client->options_, 250);
  if (s == NATS_OK) s = natsOptions_SetTimeout(client->options_, 2000);
  if (s != NATS_OK) return Status::Error(ErrorCode::kUsage, "--nats: " + NatsErrorText(s));
  s = natsConnection_Connect(&client->connection_, client->options_);
  if (s != NATS_OK) {
    return Status::Error(ErrorCode::kIo, "NATS at " + std::string(urls) + ": " + NatsErrorText(s));
  }
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = 5000;  // a JetStream call waits this long (ms) for its answer: an election takes seconds
  s = natsConnection_JetStream(&client->js_, client->connection_, &js_options);
  if (s != NATS_OK) return Status::Error(ErrorCode::kIo, "JetStream at " + std::string(urls) + ": " + NatsErrorText(s));
  return client;
}

void CloseNatsLibrary() { nats_CloseAndWait(2000); }

NatsClient::~NatsClient() {
  if (js_ != nullptr) jsCtx_Destroy(js_);
  if (connection_ != nullptr) natsConnection_Destroy(connection_);
  if (options_ != nullptr) natsOptions_Destroy(options_);
}

}  // namespace storydesk::nats
