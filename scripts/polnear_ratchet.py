#!/usr/bin/env python3
"""The PolNeAR ratchet: fails when dossier's figures on the dev split fall below the level reached.

Runs the scorers on ../shared/polnear's dev split — the shared score.py (anonymous and vague
recall, named sources wrongly flagged, diagnostics per 1000 words, as the held-out measurement
computes them), the shared people.py (people named in full who become actors, and how many of
dossier's people are people) and scripts/score_spans.py (source and cue spans of `dossier
attributions` against the gold spans) — and compares each figure with tests/polnear-ratchet.json:
`min` figures may not fall below, `max` figures may not rise above. Raise the levels there when a
change improves them.

    python3 scripts/polnear_ratchet.py [--bin PATH]
"""
import argparse, json, pathlib, re, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--bin", default=str(ROOT / "target/release/dossier"))
ap.add_argument("--levels", default=str(ROOT / "tests/polnear-ratchet.json"))
args = ap.parse_args()
polnear = ROOT.parent / "shared/polnear"
if not polnear.is_dir():
    sys.exit(f"polnear_ratchet: no PolNeAR at {polnear}")

run = lambda cmd: subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
score = run([sys.executable, str(polnear / "score.py"), "--bin", args.bin])
line = score.stdout.splitlines()[0] if score.stdout else ""
m = re.search(r"anonymous recall (\d+)/(\d+), vague recall (\d+)/(\d+), named sources wrongly flagged (\d+)/(\d+), ([\d.]+) diagnostics", line)
if score.returncode != 0 or not m:
    sys.exit(f"polnear_ratchet: score.py failed ({score.returncode}):\n{score.stdout[-1000:]}{score.stderr[-1000:]}")
a, an, v, vn, w, wn, per = m.groups()
figures = {
    "anonymous_recall": int(a) / int(an),
    "vague_recall": int(v) / int(vn),
    "named_wrongly_flagged": int(w) / int(wn),
    "diagnostics_per_1000_words": float(per),
}
people = run([sys.executable, str(polnear / "people.py"), "--bin", args.bin])
m = re.search(r"recall (\d+)/(\d+) .*precision (\d+)/(\d+)", people.stdout)
if people.returncode != 0 or not m:
    sys.exit(f"polnear_ratchet: people.py failed ({people.returncode}):\n{people.stdout[-1000:]}{people.stderr[-1000:]}")
pr, prn, pp, ppn = map(int, m.groups())
figures.update({"people_recall": pr / prn, "people_precision": pp / ppn})
spans = run([sys.executable, str(ROOT / "scripts/score_spans.py"), "--bin", args.bin, "--json"])
if spans.returncode != 0:
    sys.exit(f"polnear_ratchet: score_spans.py failed ({spans.returncode}):\n{spans.stderr[-1000:]}")
figures.update({k: v for k, v in json.loads(spans.stdout).items() if isinstance(v, float)})

levels = json.loads(pathlib.Path(args.levels).read_text())
failed = []
for name, bound in levels["min"].items():
    ok = figures[name] >= bound
    failed += [] if ok else [f"{name} {figures[name]:.3f} < {bound}"]
    print(f"  {name:28} {figures[name]:.3f}  (at least {bound})")
for name, bound in levels["max"].items():
    ok = figures[name] <= bound
    failed += [] if ok else [f"{name} {figures[name]:.3f} > {bound}"]
    print(f"  {name:28} {figures[name]:.3f}  (at most {bound})")
if failed:
    sys.exit("polnear_ratchet: the dev figures fell: " + "; ".join(failed))
print(f"ratchet: {len(levels['min']) + len(levels['max'])} passed, 0 failed")
