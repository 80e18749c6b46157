# The commands the README names. `make test` is what CI runs.
.PHONY: test lint unit polnear editors fixtures bench

# Where cargo puts the release binary: `CARGO_TARGET_DIR` when set (a shared build cache), as
# cargo itself does.
BIN := $(abspath $(or $(CARGO_TARGET_DIR),target)/release/dossier)

test: lint unit polnear editors

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

# DOSSIER_SLOW_TESTS: the slow tests too (the 100,000-file workspace).
unit:
	DOSSIER_SLOW_TESTS=1 cargo test

# The PolNeAR dev figures may not fall below the level reached (tests/polnear-ratchet.json).
polnear:
	cargo build --release
	python3 scripts/polnear_ratchet.py --bin $(BIN)

editors:
	cargo build --release
	DOSSIER_BIN=$(BIN) bash editors/test.sh

fixtures:
	cargo run --release -- check fixtures

bench:
	cargo bench
