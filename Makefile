# Chancery: `make run` (install what is missing, build, run the main job) and `make test`
# (install what is missing, run the whole suite). Both are idempotent.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# System packages: C libraries and their headers, the HSM, etcd and the browser used by tests.
APT_PACKAGES := pkg-config curl libsecp256k1-dev libsodium-dev libssl-dev openssl libsqlite3-dev zlib1g-dev \
	libp11-kit-dev softhsm2 etcd-server etcd-client chromium wrk python3 python3-venv
# schemathesis (PyPI), pinned, in a virtual environment of its own (scripts/schemathesis.sh).
SCHEMATHESIS_VERSION := 4.32.5
SCHEMATHESIS_VENV := $(CURDIR)/.build-tools/schemathesis
# make fuzz / make soak: seconds of libFuzzer per harness (scripts/fuzz.sh).
FUZZ_SECONDS ?= 600
DATA_DIR ?= $(CURDIR)/.chancery-demo
# make scale: the ledger issue #19's run builds (the first SCALE_DIDS transactions register DIDs).
SCALE_DIDS ?= 10000000
SCALE_TRANSACTIONS ?= 20000000

.PHONY: run run-sm test soak fuzz scale deps build release bench clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing system packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if ! "$(SCHEMATHESIS_VENV)/bin/schemathesis" --version 2>/dev/null | grep -q "$(SCHEMATHESIS_VERSION)"; then \
		echo "Installing schemathesis $(SCHEMATHESIS_VERSION) in $(SCHEMATHESIS_VENV)"; \
		rm -rf "$(SCHEMATHESIS_VENV)" && python3 -m venv "$(SCHEMATHESIS_VENV)" && \
		"$(SCHEMATHESIS_VENV)/bin/pip" install -q --disable-pip-version-check "schemathesis==$(SCHEMATHESIS_VERSION)"; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product didctl

run: release
	@scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/didctl" "$(DATA_DIR)"

# The same demo on a chain of the sm crypto suite (SM2 signatures, SM3 hashes), in its own data directory.
run-sm: release
	@DEMO_CRYPTO=sm scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/didctl" "$(DATA_DIR)-sm"

test: deps
	$(SWIFT) build --build-tests
	@# The output streams as usual; on failure the failed checks are repeated at its end, where
	@# a CI log that keeps only the tail still shows which test failed and why.
	@# Every didctl command and node the suite runs leaves its output in .build/test-outputs;
	@# afterwards no password the suite gives them may appear there, nor in schemathesis's node
	@# log and reports (scripts/test-secrets.txt).
	@rm -rf .build/test-outputs && mkdir -p .build/test-outputs
	@{ CHANCERY_TEST_OUTPUT_DIR="$(CURDIR)/.build/test-outputs" $(SWIFT) test --skip-build --disable-xctest; echo $$? > .build/test-status; } 2>&1 | tee .build/test-output.log; \
	status=$$(cat .build/test-status); \
	if [ "$$status" != 0 ]; then \
		echo; echo "Failed (repeated from above):"; grep -a '✘' .build/test-output.log | grep -av '^✘ Suite'; \
	fi; \
	echo "The chain's tests again, on chains of the sm crypto suite (specs/chain.md §9):"; \
	CHANCERY_TEST_CRYPTO=sm $(SWIFT) test --skip-build --disable-xctest --filter ChainTests > .build/test-output-sm.log 2>&1 \
		|| status=1; \
	grep -a -E '✘|Test run with' .build/test-output-sm.log; \
	scripts/schemathesis.sh "$$($(SWIFT) build --show-bin-path)/didctl" 5 40 || status=1; \
	scripts/check-secret-leaks.sh scripts/test-secrets.txt .build/test-outputs .build/schemathesis || status=1; \
	exit $$status

# The long parts of the reliability suite (README, "Reliability"): 50 SIGKILLs of a node under
# client writes instead of make test's 5; the mixed-load soak (SOAK_SECONDS, 600 by default) and
# the overload at three times capacity; schemathesis with 200 examples per operation (at most
# 30 minutes); every fuzz harness for FUZZ_SECONDS, FUZZ_JOBS at a time (one per core by
# default). Each part runs even if one before failed;
# the exit status is 1 if any did. With the defaults the parts take about 1 h 40 min on two
# cores after the builds, which take about 30 minutes more from a cold clone (README, Reliability).
SOAK_SECONDS ?= 600
soak: deps
	$(SWIFT) build --build-tests
	@status=0; \
	CHANCERY_CRASH_KILLS=50 $(SWIFT) test --skip-build --disable-xctest --filter CrashConsistencyTests || status=1; \
	CHANCERY_SOAK_SECONDS=$(SOAK_SECONDS) $(SWIFT) test --skip-build --disable-xctest --filter SoakTests || status=1; \
	scripts/schemathesis.sh "$$($(SWIFT) build --show-bin-path)/didctl" 200 1800 || status=1; \
	scripts/fuzz.sh $(FUZZ_SECONDS) || status=1; \
	exit $$status

# Coverage-guided fuzzing alone (scripts/fuzz.sh): every harness for FUZZ_SECONDS each, or
# only those named in FUZZ_HARNESSES (Transaction JSON Credential Presentation DID Schema
# Keystore VaultShare), FUZZ_JOBS at a time.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

# Issue #19's scale run (didctl bench scale): a ledger of SCALE_DIDS DIDs and SCALE_TRANSACTIONS
# transactions built through the chain in a temporary directory (removed at the end, on SIGINT
# and SIGTERM too), figures per million. On 2 cores: about 12 minutes per million DIDs and 7 per
# million anchors as measured on 2026-12-07, so 3 hours and 15 GB for the default sizes. Run
# nothing beside it.
scale: release
	"$$($(SWIFT) build -c release --show-bin-path)/didctl" bench scale --dids $(SCALE_DIDS) --transactions $(SCALE_TRANSACTIONS)

bench: release
	"$$($(SWIFT) build -c release --show-bin-path)/didctl" bench primitives

clean:
	rm -rf .build
