# The two commands: `make site` and `make test`. Both install what they need first.

SWIFT        ?= swift
NOTEBOOK     := .build/debug/notebook
SYSTEM_DEPS  := libcmark-dev libopenblas-dev liblapacke-dev pkg-config katex fonts-katex libjs-katex pandoc python3-venv
TEST_DEPS    := chromium nginx-light
BENCH_DEPS   := hyperfine python3-venv
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check audit preview deps test-deps build unit-tests browser-tests search-check format stress mutations bench clean

## site: install system packages, build, execute every notebook, render site/, index it for search
site: deps build
	$(NOTEBOOK) build
	bash scripts/search-index

## test: unit and end-to-end tests, a fresh execution compared with site/, the digit audit, browser checks
test: deps test-deps build unit-tests check search-check audit browser-tests

## check: execute every notebook afresh and compare with the committed site/
check: deps build
	$(NOTEBOOK) check

## audit: re-execute every notebook on a perturbed numerical platform; fail on any shown digit that changes
audit: deps build
	$(NOTEBOOK) check --perturb

## preview: serve site/ on 127.0.0.1:8000 and rebuild on change
preview: deps build
	$(NOTEBOOK) preview

build:
	$(SWIFT) build --product notebook

unit-tests: build
	$(SWIFT) test

browser-tests:
	bash Tests/Browser/run

## search-check: the committed search index (site/pagefind/) is what Pagefind makes of the committed pages
search-check: deps
	bash scripts/search-index --check

deps:
	@bash scripts/install-packages $(SYSTEM_DEPS)

test-deps:
	@bash scripts/install-packages $(TEST_DEPS)

## stress: long hardening runs (fuzzing, fault injection), the notebooks' mutation tests, and the
## cell-cache soundness harness (every code cell of every notebook edited three ways; bench/cells/run)
stress: deps build mutations
	bash Tests/Hardening/stress
	python3 bench/cells/run

## mutations: break each notebook's computation on purpose (Tests/Mutations/*.json); fail if a check misses it
mutations: deps build
	python3 Tests/Mutations/run

## bench: benchmarks against the peers (see bench/README.md)
bench: deps build
	@bash scripts/install-packages $(BENCH_DEPS)
	bash bench/run

format:
	$(SWIFT) format -i -r Sources Tests bench

clean:
	rm -rf .build .notebook-cache
