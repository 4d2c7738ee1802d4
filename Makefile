# Dossier: every target installs what it needs first, so a fresh Debian machine needs only `make`.
#   make run    the main job on the example workspace at the repo root (check, then build the site)
#   make test   the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
DOSSIER := .build/debug/dossier

# Debian packages: the three C libraries Dossier links, pkg-config to find them, git for evidence dates.
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev libyaml-dev pkg-config git
# Tools the tests use to check Dossier's output against independent implementations: unzip, bsdtar, GNU tar,
# Python's zipfile/tarfile, and the Library of Congress BagIt validator (installed with pip, not packaged by Debian).
TEST_PACKAGES := unzip libarchive-tools tar python3 python3-pip

.PHONY: all deps test-deps build run test clean

all: build

deps:
	@missing=$$(for p in $(BUILD_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

test-deps: deps
	@missing=$$(for p in $(TEST_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@# Debian 12's python3 is "externally managed" (PEP 668): plain pip refuses, hence the second try.
	@python3 -c 'import bagit' 2>/dev/null || python3 -m pip install --quiet bagit 2>/dev/null \
	  || $(SUDO) python3 -m pip install --quiet --break-system-packages bagit

build: deps
	$(SWIFT) build --product dossier

run: build
	$(DOSSIER) check .

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build site dist
