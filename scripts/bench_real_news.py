#!/usr/bin/env python3
"""`dossier check` throughput on real news: PolNeAR's train and dev texts, replicated until the
corpus holds at least 50 MB, checked end to end by the real binary (report written to /dev/null).

    python3 scripts/bench_real_news.py [--bin PATH] [--mb 50] [--runs 5]

Prints the corpus size, every run's wall time and the median throughput in MB/s. The copies are
identical files in separate folders, so the text is real and every file is read and checked;
what the replication cannot show is a larger archive's variety of names.
"""
import argparse, pathlib, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
ap.add_argument("--mb", type=float, default=50)
ap.add_argument("--runs", type=int, default=5)
args = ap.parse_args()
polnear = ROOT.parent / "shared/polnear"
texts = sorted((polnear / "train/text").glob("*.txt")) + sorted((polnear / "dev/text").glob("*.txt"))
if not texts or not pathlib.Path(args.bin).exists():
    sys.exit(f"bench_real_news: need {polnear} and a binary at {args.bin}")
once = sum(t.stat().st_size for t in texts)
copies = int(args.mb * 1e6 // once) + 1
work = pathlib.Path(tempfile.mkdtemp(prefix="dossier-news-"))
try:
    for c in range(copies):
        folder = work / f"copy-{c:02}"
        folder.mkdir()
        for t in texts:
            shutil.copyfile(t, folder / t.name)
    size = once * copies
    times = []
    for run in range(args.runs + 1):
        start = time.perf_counter()
        r = subprocess.run([args.bin, "check", "--format", "json", str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if r.returncode not in (0, 1):
            sys.exit(f"bench_real_news: dossier check failed ({r.returncode}): {r.stderr.decode()[-500:]}")
        if run:  # the first run warms the page cache
            times.append(elapsed)
        print(f"  run {run}{' (warm-up)' if not run else ''}: {elapsed:.3f} s, {size / elapsed / 1e6:.0f} MB/s")
    median = statistics.median(times)
    print(f"{len(texts) * copies} files, {size / 1e6:.1f} MB ({copies} copies of PolNeAR train+dev): "
          f"median {median:.3f} s, {size / median / 1e6:.0f} MB/s")
finally:
    shutil.rmtree(work, ignore_errors=True)
