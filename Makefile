# storydesk — the two commands: `make run` and `make test`.
# Both install the Debian packages that are missing (and only those), then build.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
EXAMPLE_DB ?= $(BUILD)/examples.db
SUDO       := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)

# What a fresh Debian 12 machine needs to build and test storydesk. PostgreSQL and nats-server are
# for the distributed store and ingest; their tests start servers of their own in a temporary
# folder, so the postgresql package is told not to make (and start) a system cluster of its own.
DEB_PACKAGES := g++ cmake make pkg-config \
  libicu-dev libgumbo-dev libxml2-dev zlib1g-dev libsqlite3-dev libstemmer-dev libxxhash-dev nlohmann-json3-dev libcli11-dev libjemalloc-dev \
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev libmicrohttpd-dev libpq-dev libnats-dev \
  postgresql postgresql-contrib nats-server \
  wordnet-base python3 curl clang-format time
# Tools of the browser and load tests (tests/browser, tests/load): installed when missing, but
# a machine that cannot install them still builds and tests; those two tests then say SKIPPED.
# Node.js and npm come from Debian only when no `node` is on the PATH (a machine may have its own).
TEST_TOOL_PACKAGES := wrk chromium
NODE_PACKAGES := nodejs npm

.PHONY: run test tidy deps deps-test-tools build build-asan test-release test-asan bench models clean

run: build
	@rm -f $(EXAMPLE_DB) $(EXAMPLE_DB)-wal $(EXAMPLE_DB)-shm
	@echo "== storydesk ingest examples/"
	@$(BUILD)/storydesk --db $(EXAMPLE_DB) ingest examples
	@echo
	@echo "== storydesk stories"
	@$(BUILD)/storydesk --db $(EXAMPLE_DB) stories
	@echo
	@echo "Explore: $(BUILD)/storydesk --db $(EXAMPLE_DB) show STORY   (or: export, stories --json, --help)"
	@echo "Browse:  $(BUILD)/storydesk --db $(EXAMPLE_DB) serve   then open http://127.0.0.1:8080/ (API under /api)"

test: DEB_PACKAGES += clang-tidy
test: build deps-test-tools
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) -LE long
	bash scripts/check_format.sh
	python3 scripts/check_layering.py
	TIDY_JOBS=$(JOBS) bash scripts/check_tidy.sh $(BUILD)
	$(MAKE) --no-print-directory test-asan

# clang-tidy with the repository's .clang-tidy over sources, tests and benchmarks (~10 min on
# 2 cores); `make test` runs it too and fails on any finding. `make tidy` runs it alone.
tidy: DEB_PACKAGES += clang-tidy
tidy: build
	bash scripts/check_tidy.sh $(BUILD)

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  case "$$missing " in *" postgresql "*) \
	    $(SUDO) mkdir -p /etc/postgresql-common/createcluster.d && \
	    echo "create_main_cluster = false" | $(SUDO) tee /etc/postgresql-common/createcluster.d/storydesk.conf >/dev/null;; \
	  esac; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-test-tools:
	@missing=""; \
	for p in $(TEST_TOOL_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null || missing="$$missing $(NODE_PACKAGES)"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the browser and load tests:$$missing"; \
	  ( $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing ) || \
	    echo "could not install$$missing: the browser and load tests will be skipped"; \
	fi

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DSTORYDESK_BUILD_BENCH=ON > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DSTORYDESK_SANITIZE=ON > /dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)

test-asan: build-asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j$(JOBS) -LE long

# The benchmarks need GNU time (installed with the test packages) and Python 3.
bench: DEB_PACKAGES += python3
bench: deps
	@cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DSTORYDESK_BUILD_BENCH=ON -DSTORYDESK_BUILD_TESTS=OFF > /dev/null
	@cmake --build $(BUILD)-bench -j$(JOBS)
	@echo "benchmarks built in $(BUILD)-bench/bench; whole process: bench/whole_process.sh [smoke|synth-100k|synth-1m|multinews-dev|seeds|N]"

# Retrains the shipped models (see docs/measurements.md and scripts/train_models.sh, the recipe
# that tests/models/check_models_reproduce.sh also follows), rebuilding the binary after each so
# the next trainer embeds it.
SHARED_DATA ?= ../shared/data
models: build
	scripts/train_models.sh $(BUILD)/storydesk $(SHARED_DATA) models cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BUILD)-bench
