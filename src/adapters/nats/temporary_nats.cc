#include "adapters/nats/temporary_nats.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>
#include <thread>

namespace storydesk::nats {
namespace fs = std::filesystem;
namespace {

// Client, cluster and monitoring ports of node i: base + i, base + 100 + i, base + 200 + i.
int ClientPort(int base, int i) { return base + i; }
int RoutePort(int base, int i) { return base + 100 + i; }
int MonitorPort(int base, int i) { return base + 200 + i; }

// Whether a TCP port on loopback is free now (a bind succeeds).
bool PortFree(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool free = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return free;
}

// The body of GET http://127.0.0.1:port/path, or "" when nothing answers.
std::string HttpGet(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      ssize_t got = 0;
      while ((got = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
    }
  }
  close(fd);
  return out;
}

std::string TailOf(const std::string& path) {
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  if (text.size() > 400) text = text.substr(text.size() - 400);
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

}  // namespace

TemporaryNatsCluster::~TemporaryNatsCluster() {
  for (size_t i = 0; i < pids_.size(); ++i) (void)Kill(static_cast<int>(i));
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

Status TemporaryNatsCluster::Start() {
  if (access("/usr/sbin/nats-server", X_OK) != 0 && access("/usr/bin/nats-server", X_OK) != 0) {
    return Status::Error(ErrorCode::kNotFound, "nats-server is not installed");
  }
  std::random_device random;
  dir_ = (fs::temp_directory_path() / ("storydesk_nats_" + std::to_string(getpid()) + "_" + std::to_string(random())))
             .string();
  fs::create_directories(dir_);
  // Ports from a random base whose 3 × nodes ports are all free.
  std::mt19937 pick(random());
  for (int attempt = 0; attempt < 50 && base_port_ == 0; ++attempt) {
    const int base = 20000 + static_cast<int>(pick() % 30000);
    bool free = true;
    for (int i = 0; i < nodes_ && free; ++i) {
      free = PortFree(ClientPort(base, i)) && PortFree(RoutePort(base, i)) && PortFree(MonitorPort(base, i));
    }
    if (free) base_port_ = base;
  }
  if (base_port_ == 0) return Status::Error(ErrorCode::kIo, "no free loopback ports for a NATS cluster");
  pids_.assign(static_cast<size_t>(nodes_), -1);
  for (int i = 0; i < nodes_; ++i) {
    std::ofstream conf(dir_ + "/n" + std::to_string(i) + ".conf");
    conf << "server_name: n" << i << "\nlisten: 127.0.0.1:" << ClientPort(base_port_, i)
         << "\nhttp: 127.0.0.1:" << MonitorPort(base_port_, i) << "\njetstream { store_dir: \"" << dir_ << "/js" << i
         << "\" }\n";
    if (nodes_ > 1) {
      conf << "cluster {\n  name: storydesk\n  listen: 127.0.0.1:" << RoutePort(base_port_, i) << "\n  routes: [";
      for (int j = 0; j < nodes_; ++j) conf << (j ? ", " : "") << "nats-route://127.0.0.1:" << RoutePort(base_port_, j);
      conf << "]\n}\n";
    }
  }
  for (int i = 0; i < nodes_; ++i) {
    if (Status s = StartNode(i); !s.ok()) return s;
  }
  for (int i = 0; i < nodes_; ++i) {
    if (Status s = WaitHealthy(i); !s.ok()) return s;
  }
  return Status::Ok();
}

Status TemporaryNatsCluster::StartNode(int i) {
  const std::string conf = dir_ + "/n" + std::to_string(i) + ".conf";
  const std::string log = dir_ + "/n" + std::to_string(i) + ".log";
  const pid_t pid = fork();
  if (pid < 0) return Status::Error(ErrorCode::kIo, "cannot start nats-server");
  if (pid == 0) {
    std::freopen(log.c_str(), "a", stdout);
    std::freopen(log.c_str(), "a", stderr);
    execlp("nats-server", "nats-server", "-c", conf.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  pids_[static_cast<size_t>(i)] = pid;
  return Status::Ok();
}

Status TemporaryNatsCluster::WaitHealthy(int i) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string reply = HttpGet(MonitorPort(base_port_, i), "/healthz");
    if (reply.find("\"ok\"") != std::string::npos) return Status::Ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return Status::Error(ErrorCode::kIo, "nats-server node " + std::to_string(i) +
                                           " did not come up: " + TailOf(dir_ + "/n" + std::to_string(i) + ".log"));
}

Status TemporaryNatsCluster::Kill(int i) {
  pid_t& pid = pids_.at(static_cast<size_t>(i));
  if (pid <= 0) return Status::Ok();
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  pid = -1;
  return Status::Ok();
}

Status TemporaryNatsCluster::Restart(int i) {
  if (Status s = Kill(i); !s.ok()) return s;
  if (Status s = StartNode(i); !s.ok()) return s;
  return WaitHealthy(i);
}

std::string TemporaryNatsCluster::Urls() const {
  std::string urls;
  for (int i = 0; i < nodes_; ++i) {
    urls += (i ? "," : "") + std::string("nats://127.0.0.1:") + std::to_string(ClientPort(base_port_, i));
  }
  return urls;
}

}  // namespace storydesk::nats
