# The commands the README names. `make test` is what CI runs.
.PHONY: test lint unit editors fixtures bench

test: lint unit editors

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

unit:
	cargo test

editors:
	cargo build --release
	DOSSIER_BIN=$(CURDIR)/target/release/dossier bash editors/test.sh

fixtures:
	cargo run --release -- check fixtures

bench:
	cargo bench
