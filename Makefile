# The two commands of the README: `make run` (the daemon on the development config) and `make test`.
SWIFT ?= swift
BIN = $(shell $(SWIFT) build --show-bin-path)

.PHONY: run test fuzz bench build release deps test-deps clean

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

build: deps
	$(SWIFT) build

# The binaries to install on a box, relais and relais-ctl (see scripts/build-release for the link options);
# prints their paths.
release: deps
	scripts/build-release
	@scripts/build-release --bin-path
	@scripts/build-release --ctl-path

# Runs relais on loopback with config/relais.dev.toml: no firewall, portal on http://127.0.0.1:8080/, with the
# sample directory of places of help of the Vienne.
run: build
	mkdir -p .relais-dev
	$(BIN)/relais keys init --config config/relais.dev.toml
	$(BIN)/relais directory import config/lieux-mediation-numerique-vienne.csv --config config/relais.dev.toml
	$(BIN)/relais serve --config config/relais.dev.toml

# Every test: unit, SQLite, libmicrohttpd on loopback, nftables and the end-to-end path in network
# namespaces (as root), then accessibility of every page in headless Chromium with axe-core.
# --no-parallel: several suites block on real processes, sockets and kernel timers; run side by side on
# two cores they starve each other's cooperative threads and their bounds turn into noise.
test: test-deps
	$(SWIFT) build
	RELAIS_BIN=$(BIN)/relais $(SWIFT) test --no-parallel
	RELAIS_BIN=$(BIN)/relais scripts/run-accessibility-tests
	scripts/fuzz

# The fuzz harnesses alone (Fuzz/, docs/fuzzing.md): `make fuzz` runs each for 12 s; scripts/fuzz --long for 30 min.
fuzz:
	scripts/fuzz

# The performance benchmark of issue 3 (release build, namespaces, wrk): prints a table, see Benchmarks/RESULTS.md.
bench: deps
	Benchmarks/run

clean:
	rm -rf .build .build-a11y .build-fuzz .relais-dev
