# NicoReparaciones — the two commands of the README, plus helpers.
#   make run    install what running needs, build `nico` alone (Release), create .env, migrate, seed, serve on
#               127.0.0.1:8000
#   make test   install everything (database servers, chromium, nginx, npm modules...), build every target, run
#               every suite (unit, integration on SQLite, MariaDB and PostgreSQL, browser, ...); the tree stays clean
#   make screenshots   refresh the reviewed screenshots in docs/screenshots (the browser suite, photographing there)
SHELL := /bin/bash
BUILD_DIR ?= build
NICO := $(BUILD_DIR)/nico
JOBS ?= $(shell nproc)

.PHONY: run test build build-nico deps deps-run env db serve bench bench-restore clean screenshots fuzz

# Everything: build, run, tests and benchmarks.
deps:
	@bash scripts/install-deps.sh

# Only what building and running `nico` needs (no database servers, browser, npm modules or nginx).
deps-run:
	@bash scripts/install-deps.sh --run

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

# Every target: `nico` and the unit, integration and fault test binaries. A build dir first configured by `make run`
# (before GoogleTest was installed) has no test targets yet: configured again, once.
build: deps $(BUILD_DIR)/build.ninja
	@ninja -C $(BUILD_DIR) -t targets all | grep -q '^unit_tests:' || cmake -S . -B $(BUILD_DIR) >/dev/null
	@ninja -C $(BUILD_DIR) -j $(JOBS)

# The app alone: what `make run` serves. The test binaries were about half of a clean build (2 cores, before the
# precompiled header and the unity test buckets: 249 s for `nico`, 235 s more for the tests) and serving needs none.
build-nico: deps-run $(BUILD_DIR)/build.ninja
	@ninja -C $(BUILD_DIR) -j $(JOBS) nico

env: build-nico
	@if [ ! -f .env ]; then \
	  cp .env.example .env && $(NICO) key:generate >/dev/null && echo "Created .env with a fresh APP_KEY"; \
	fi

db: build-nico env
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

run: build-nico env db serve

test: build
	@bash scripts/run-tests.sh

# The browser suite with its screenshots sent to docs/screenshots (a plain `make test` sends them to the ignored
# tests/e2e/test-results/screenshots). Review the diff and commit the pictures that changed on purpose.
screenshots: deps $(BUILD_DIR)/build.ninja
	@ninja -C $(BUILD_DIR) -j $(JOBS) nico
	@cd tests/e2e && E2E_SCREENSHOT_DIR=docs/screenshots NICO_BIN=$(NICO) npm test

# bench.sh builds `nico` itself (the only binary it drives); `deps` brings wrk, hyperfine and nginx.
bench: deps $(BUILD_DIR)/build.ninja
	@BUILD_DIR=$(BUILD_DIR) bash scripts/bench.sh

# Recovery time on a ~1 GB SQLite database: backup, verify, drill and live restore, timed (bench/restore.sh).
bench-restore: $(BUILD_DIR)/build.ninja
	@BUILD_DIR=$(BUILD_DIR) bash bench/restore.sh

# libFuzzer targets (tests/fuzz, clang-14, build-fuzz/): each runs FUZZ_SECONDS (default 60); non-zero on a crash.
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/smoke.sh

clean:
	rm -rf $(BUILD_DIR)
