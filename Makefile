# strategyc: two commands.
#   make toolkit   install what is missing, build, check Strategy/ and write the published toolkit to _site/
#   make test      run every test and output check
#   make install   install the binary, its manual page and shell completions under PREFIX (/usr/local)
#   make dist      the release archive for machines without Swift, in dist/ (see docs/install.md)
#
# Variables you may override: STRATEGY (the sources), SITE (the output folder), VARIANTS (the variants
# published under SITE/variants/; set it empty to publish none), PREVIOUS (the previous edition the site's
# "What changed since" page compares with, and that the published ids are held against; empty for none).

STRATEGY ?= Strategy
SITE     ?= _site
VARIANTS ?= Variants
PREVIOUS ?= Editions/2018
RELEASE  := .build/release/strategyc

PREFIX   ?= /usr/local

.PHONY: toolkit test deps build fuzz swift-test output-checks benchmark mutate clean install dist dist-check

# Warnings are errors for what is published: a placeholder left by `strategyc new` never reaches readers.
toolkit: build
	$(RELEASE) check --warnings-as-errors $(STRATEGY) $(if $(PREVIOUS),--since $(PREVIOUS))
	scripts/publish $(RELEASE) $(STRATEGY) $(SITE) "$(VARIANTS)" "$(PREVIOUS)"

deps:
	@scripts/install-deps

# The default templates are built into the binary from Templates/ (see docs/templates.md).
build: deps
	swift build -c release --static-swift-stdlib --product strategyc

test: deps swift-test output-checks dist-check

# The end-to-end tests run the release binary, the one users get (STRATEGYC_BIN; plain `swift test` runs
# the debug one): the same assertions, 54 s instead of 93 s on this machine (docs/testing.md).
swift-test: build
	STRATEGYC_BIN=$(abspath $(RELEASE)) swift test

output-checks: build
	scripts/check-outputs $(RELEASE) $(STRATEGY)

# The binary, its manual page and shell completions under PREFIX (DESTDIR honoured); see scripts/install.
install: build
	scripts/install "$(PREFIX)" $(RELEASE)

# The release archive: the binary (Swift's standard library linked in, templates built in), its manual page,
# completions, and the Debian packages it needs. dist-check runs it in a bare Debian root (needs root).
dist: build
	scripts/dist $(RELEASE) dist

dist-check: dist
	scripts/check-dist dist/strategyc-$$($(RELEASE) --version)-linux-$$(dpkg --print-architecture).tar.gz

benchmark: build
	scripts/benchmark $(RELEASE)

# Runs the libFuzzer targets of Fuzz/ for FUZZ_SECONDS each (not part of `make test`). See docs/robustness.md.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/fuzz $(FUZZ_SECONDS)

# Plants each fault of scripts/mutations.py in a scratch copy and runs every test; too slow for CI (about an
# hour on 2 cores). See docs/testing.md.
mutate:
	scripts/mutate

clean:
	rm -rf .build $(SITE) dist
