# Chancery: `make run` (install what is missing, build, run the main job) and `make test`
# (install what is missing, run the whole suite). Both are idempotent.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# System packages: C libraries and their headers, the HSM, etcd and the browser used by tests.
APT_PACKAGES := pkg-config curl libsecp256k1-dev libsodium-dev libssl-dev openssl libsqlite3-dev zlib1g-dev \
	libp11-kit-dev softhsm2 etcd-server etcd-client chromium wrk
DATA_DIR ?= $(CURDIR)/.chancery-demo

.PHONY: run run-sm test soak deps build release bench clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing system packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
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
	@# afterwards no password the suite gives them may appear there (scripts/test-secrets.txt).
	@rm -rf .build/test-outputs && mkdir -p .build/test-outputs
	@{ CHANCERY_TEST_OUTPUT_DIR="$(CURDIR)/.build/test-outputs" $(SWIFT) test --skip-build --disable-xctest; echo $$? > .build/test-status; } 2>&1 | tee .build/test-output.log; \
	status=$$(cat .build/test-status); \
	if [ "$$status" != 0 ]; then \
		echo; echo "Failed (repeated from above):"; grep -a '✘' .build/test-output.log | grep -av '^✘ Suite'; \
	fi; \
	scripts/check-secret-leaks.sh scripts/test-secrets.txt .build/test-outputs || status=1; \
	exit $$status

# The long parts of the reliability suite (README, "Reliability"): 50 SIGKILLs of a node under
# client writes instead of make test's 5.
soak: deps
	$(SWIFT) build --build-tests
	CHANCERY_CRASH_KILLS=50 $(SWIFT) test --skip-build --disable-xctest --filter CrashConsistencyTests

bench: release
	"$$($(SWIFT) build -c release --show-bin-path)/didctl" bench primitives

clean:
	rm -rf .build
