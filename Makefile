# NicoReparaciones — the two commands of the README, plus helpers.
#   make run    install dependencies, build (Release), create .env, migrate, seed, serve on 127.0.0.1:8000
#   make test   install dependencies, build, run every suite (unit, integration on SQLite and MariaDB, browser)
SHELL := /bin/bash
BUILD_DIR ?= build
NICO := $(BUILD_DIR)/nico
JOBS ?= $(shell nproc)

.PHONY: run test build deps env db serve bench bench-restore clean unit integration integration-mariadb e2e fuzz

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps $(BUILD_DIR)/build.ninja
	@ninja -C $(BUILD_DIR) -j $(JOBS)

env:
	@if [ ! -f .env ]; then \
	  cp .env.example .env && $(NICO) key:generate >/dev/null && echo "Created .env with a fresh APP_KEY"; \
	fi

db: build env
	@$(NICO) migrate --force
	@$(NICO) db:seed --demo --force

serve:
	@$(NICO) serve

# The ops guide's `composer ops:check` / `composer ops:check:strict`: the health check of this folder's .env with
# the built binary (on a server whose binary lives elsewhere: make ops-check NICO=/path/to/nico). make fails when
# the health check does: on a FAIL row, and with -strict on a WARN row too. Nothing is built first.
.PHONY: ops-check ops-check-strict
ops-check:
	@test -x $(NICO) || { echo "$(NICO) not found: run make build, or pass NICO=/path/to/nico" >&2; exit 2; }
	@$(NICO) ops:health-check

ops-check-strict:
	@test -x $(NICO) || { echo "$(NICO) not found: run make build, or pass NICO=/path/to/nico" >&2; exit 2; }
	@$(NICO) ops:health-check --strict

run: build env db serve

test: build
	@bash scripts/run-tests.sh

bench: build
	@bash scripts/bench.sh

# Recovery time on a ~1 GB SQLite database: backup, verify, drill and live restore, timed (bench/restore.sh).
bench-restore: $(BUILD_DIR)/build.ninja
	@BUILD_DIR=$(BUILD_DIR) bash bench/restore.sh

# libFuzzer targets (tests/fuzz, clang-14, build-fuzz/): each runs FUZZ_SECONDS (default 60); non-zero on a crash.
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/smoke.sh

clean:
	rm -rf $(BUILD_DIR)
