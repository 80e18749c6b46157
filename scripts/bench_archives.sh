#!/bin/sh
# `dossier check` against `grep -rc` on archives shaped like real ones (benches/archives.rs), at
# a tenth of the benchmark's size so that CI can run it: 1,000 generated articles, PolNeAR's
# texts replicated to 5 MB (skipped when ../shared/polnear is absent), three runs each.
set -e
cd "$(dirname "$0")/.."
DOSSIER_BENCH_ARTICLES="${DOSSIER_BENCH_ARTICLES:-1000}" \
DOSSIER_BENCH_MB="${DOSSIER_BENCH_MB:-5}" \
DOSSIER_BENCH_RUNS="${DOSSIER_BENCH_RUNS:-3}" \
    exec cargo bench --bench archives
