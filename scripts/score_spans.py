#!/usr/bin/env python3
"""Score the spans of `dossier attributions` against the hand-annotated attributions of PolNeAR.

Copies one split's articles (dev by default) to a temporary folder, runs
`dossier attributions --format json FOLDER` and lines the relations it prints up with the gold
attributions: for each article the first .ann in sorted order whose name starts with the article's
name, and in it only the E lines that have both a Source and a Cue. Stdlib only. It measures:

  source exact     precision/recall/F1 of source spans with the same start and end once surrounding
                   whitespace and punctuation (a trailing comma, quotes) are stripped from both;
  source overlap   the same where any character overlap counts; each gold and each predicted span is
                   matched at most once, greedily by largest overlap;
  cue overlap      the same for the cue spans;
  class accuracy   over overlap-matched sources whose gold phrase has a label in dev_sources.tsv:
                   the share whose predicted class equals the label (named, pronoun, anonymous, vague,
                   collective, data; anonymous-explained counts as anonymous), with a confusion table
                   (whose `other` row is not scored).

Predicted relations without a source span (null, class agentless or zero length) are left out.
dossier's offsets are UTF-8 bytes, brat's are characters; the script converts. On --split train
only source phrases that also occur in dev have a label. PolNeAR is read from ../shared/polnear
beside the repository unless --polnear DIR says otherwise.

    python3 scripts/score_spans.py [--split dev|train] [--bin PATH] [--json] [-v [--limit N]]
                                   [--check MINIMA.json]

--check MINIMA.json holds minimum figures, e.g. {"source_overlap_f1": 0.60}: the script exits 1 if
any figure is below its minimum. It exits 2 if the binary is missing or the command fails.
"""
import argparse, bisect, collections, itertools, json, os, pathlib, re, shutil, signal, subprocess, sys, tempfile, \
    unicodedata, urllib.parse

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
ROOT = pathlib.Path(__file__).resolve().parent.parent
LABELS = ("named", "pronoun", "anonymous", "vague", "collective", "data")
ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--split", default="dev", choices=["dev", "train"])
ap.add_argument("--bin", default=os.environ.get("DOSSIER_BIN", "target/release/dossier"),
                help="dossier binary (default: $DOSSIER_BIN or %(default)s)")
ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"), help="PolNeAR folder (default: %(default)s)")
ap.add_argument("--labels", help="label file (default: dev_sources.tsv in the PolNeAR folder)")
ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
ap.add_argument("-v", action="store_true", help="list missed, spurious and misaligned sources in context")
ap.add_argument("--limit", type=int, default=40, help="at most this many lines per -v list (default: %(default)s)")
ap.add_argument("--check", metavar="FILE", help="JSON object of minimum figures; exit 1 if any is not reached")
ap.add_argument("--timeout", type=float, default=1800, help="seconds to wait for dossier (default: %(default)s)")
args = ap.parse_args()


def fail(code, msg):
    print(f"score_spans: {msg}", file=sys.stderr)
    sys.exit(code)


minima = {}
if args.check:
    try:
        minima = json.loads(pathlib.Path(args.check).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(2, f"cannot read the minima in {args.check}: {e}")
    if not isinstance(minima, dict) or not all(isinstance(v, (int, float)) for v in minima.values()):
        fail(2, f"{args.check} must be a JSON object of figure names to numbers")


def trim(text, s, e):
    """(s, e) without surrounding whitespace and punctuation, unless nothing would be left."""
    junk = lambda ch: ch.isspace() or unicodedata.category(ch)[0] in "PZ"  # noqa: E731
    a, b = s, e = max(0, s), min(len(text), e)
    while a < b and junk(text[a]):
        a += 1
    while b > a and junk(text[b - 1]):
        b -= 1
    return (a, b) if a < b else (s, e)


# ---- gold: one .ann per article, attributions with a Source and a Cue
polnear = pathlib.Path(args.polnear)
split = polnear / args.split
if not (split / "text").is_dir():
    fail(2, f"no PolNeAR texts at {split / 'text'} (pass --polnear DIR)")
label_file = pathlib.Path(args.labels or polnear / "dev_sources.tsv")
rows = [line.split("\t") for line in label_file.read_text(encoding="utf-8").splitlines()] if label_file.is_file() else []
labels = {p[2].strip(): p[0] for p in rows if len(p) == 3}
if not label_file.is_file():
    print(f"score_spans: no label file at {label_file}; class accuracy left out", file=sys.stderr)
ann_files = sorted(f.name for f in (split / "attributions").glob("*.ann"))
texts, gold, cums = {}, {}, {}
for f in sorted((split / "text").glob("*.txt")):
    text = texts[f.name] = f.read_text(encoding="utf-8")
    cums[f.name] = [0, *itertools.accumulate(len(c.encode("utf-8")) for c in text)]  # byte offset of each char
    spans, roles = {}, []
    for a in [a for a in ann_files if a.startswith(f.stem)][:1]:
        for line in (split / "attributions" / a).read_text(encoding="utf-8").splitlines():
            p = line.split("\t")
            if p[0].startswith("T") and len(p) >= 2 and " " in p[1]:
                try:
                    rng = [tuple(map(int, seg.split())) for seg in p[1].split(" ", 1)[1].split(";")]
                    spans[p[0]] = (rng[0][0], rng[-1][1], p[2] if len(p) > 2 else text[rng[0][0]:rng[-1][1]])
                except (ValueError, IndexError):
                    continue
            elif p[0].startswith("E") and len(p) >= 2:
                roles.append(dict(x.split(":", 1) for x in p[1].split() if ":" in x))
    gold[f.name] = [(trim(text, *src[:2]), trim(text, *cue[:2]), src[2].strip())
                    for r in roles for src, cue in [(spans.get(r.get("Source")), spans.get(r.get("Cue")))] if src and cue]

# ---- run dossier on a copy of the split
binary = next((c.absolute() for c in (pathlib.Path(args.bin), ROOT / args.bin) if c.is_file()), None)
binary = binary or (shutil.which(args.bin) and pathlib.Path(shutil.which(args.bin)))
if not binary:
    fail(2, f"no dossier binary at {args.bin}: run `cargo build --release` or pass --bin PATH")
ws = pathlib.Path(tempfile.mkdtemp(prefix=f"polnear-spans-{args.split}-"))
try:
    for name, text in texts.items():
        (ws / name).write_bytes(text.encode("utf-8"))
    cmd = [str(binary), "attributions", "--format", "json", str(ws)]
    r = subprocess.run(cmd, capture_output=True, encoding="utf-8", errors="replace", cwd=ws, timeout=args.timeout)
except OSError as e:
    fail(2, f"cannot run {binary}: {e}")
except subprocess.TimeoutExpired:
    fail(2, f"`{' '.join(cmd)}` took more than {args.timeout:.0f} s")
finally:
    shutil.rmtree(ws, ignore_errors=True)
if r.returncode not in (0, 1) or (r.returncode and not r.stdout.strip()):
    fail(2, f"`{binary} attributions --format json` failed (exit {r.returncode}):\n{r.stderr[-2000:]}")

# ---- predictions, byte offsets turned into character offsets
warn, t = collections.Counter(), collections.Counter()
preds = collections.defaultdict(list)  # name -> [(source span, cue span or None, class)]


def char_span(obj, name):
    """The trimmed character span of a {"start", "end"} object with byte offsets, or None."""
    if not isinstance(obj, dict) or not all(type(obj.get(k)) is int for k in ("start", "end")):
        return None
    cum, text = cums[name], texts[name]
    if not 0 <= obj["start"] <= obj["end"] <= cum[-1]:
        warn["spans with offsets reversed or out of range"] += 1
        return None
    s, e = bisect.bisect_right(cum, obj["start"]) - 1, bisect.bisect_left(cum, obj["end"])
    if isinstance(obj.get("text"), str) and obj["text"] != text[s:e]:
        warn["text field differs from the text at its offsets"] += 1
    return trim(text, s, e) if s < e else None


for line in r.stdout.splitlines():
    try:
        d = json.loads(line) if line.strip() else None
    except ValueError:
        d = False
    if not isinstance(d, dict):
        warn["lines that are not a JSON object"] += line.strip() != ""
        continue
    path = d.get("path") or urllib.parse.unquote(str(d.get("uri") or "").removeprefix("file://"))
    name = pathlib.PurePath(str(path)).name
    if name not in texts:
        warn["relations in unknown files"] += 1
        continue
    src = d.get("source") if isinstance(d.get("source"), dict) else {}
    span = char_span(src, name) if src.get("class") != "agentless" else None
    if span is None:
        t["no_source"] += 1  # agentless, or no usable span
        continue
    cue = char_span(d.get("cue"), name)
    warn["relations without a cue span"] += cue is None
    preds[name].append((span, cue, str(src.get("class") or "?")))
if not any(preds.values()):
    warn["no relation with a source span printed"] += 1


def match(gs, ps):
    """Greedy one-to-one matching of spans by largest character overlap: [(gold index, pred index)]."""
    pairs = sorted((-(min(g[1], p[1]) - max(g[0], p[0])), i, j) for i, g in enumerate(gs) for j, p in enumerate(ps))
    used_g, used_p, out = set(), set(), []
    for neg, i, j in pairs:
        if neg < 0 and i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j), out.append((i, j))
    return out


def prf(tp, n_gold, n_pred):
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r) if p + r else 0.0, 4)


confusion = collections.defaultdict(collections.Counter)
missed, spurious, misaligned = [], [], []
for name, gs in gold.items():
    ps, text = preds.get(name, []), texts[name]
    t["gold"] += len(gs); t["pred"] += len(ps)
    t["exact"] += sum((collections.Counter(g[0] for g in gs) & collections.Counter(p[0] for p in ps)).values())
    pairs = match([g[0] for g in gs], [p[0] for p in ps])
    t["overlap"] += len(pairs)
    pcues = [p[1] for p in ps if p[1]]
    t["cue_pred"] += len(pcues); t["cue"] += len(match([g[1] for g in gs], pcues))
    for i, j in pairs:
        if gs[i][0] != ps[j][0]:
            misaligned.append((name, gs[i][0], ps[j][0]))
        lab = labels.get(gs[i][2])
        if lab:
            confusion[lab]["anonymous" if ps[j][2] == "anonymous-explained" else ps[j][2]] += 1
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    missed += [(name, g[0], "") for k, g in enumerate(gs) if k not in hit_g]
    spurious += [(name, p[0], p[2]) for k, p in enumerate(ps) if k not in hit_p]
scored = sum(sum(confusion[lab].values()) for lab in LABELS if lab in confusion)
correct = sum(confusion[lab][lab] for lab in LABELS if lab in confusion)
fig = {"split": args.split, "articles": len(texts), "gold": t["gold"], "predicted": t["pred"],
       "skipped_without_source": t["no_source"]}
for key, tp, n_pred in (("source_exact", t["exact"], t["pred"]), ("source_overlap", t["overlap"], t["pred"]),
                        ("cue_overlap", t["cue"], t["cue_pred"])):
    fig.update(zip((f"{key}_precision", f"{key}_recall", f"{key}_f1"), prf(tp, t["gold"], n_pred)))
fig.update(class_accuracy=round(correct / scored, 4) if scored else None, class_pairs=scored,
           class_confusion={lab: dict(c) for lab, c in sorted(confusion.items())}, warnings={k: v for k, v in warn.items() if v})


STOP = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\b[A-Z])[.!?][\"'”’]*\s+|\n")


def context(text, s, e, width=200):
    """The sentence around text[s:e] (at most `width` characters either side) on one line, marked [[ ]]."""
    lo = max(0, s - width)
    a = max([lo] + [m.end() for m in STOP.finditer(text, lo, s)])
    m = STOP.search(text, e, min(len(text), e + width))
    b = m.end() if m else min(len(text), e + width)
    snippet = " ".join(f"{text[a:s]}[[{text[s:e]}]]{text[e:b]}".split())
    return ("…" if a == lo > 0 else "") + snippet + ("…" if not m and b < len(text) else "")


if args.v:  # with --json the lists go to stderr
    out = sys.stderr if args.json else sys.stdout
    for title, rows in (("missed gold sources", missed), ("spurious predicted sources", spurious),
                        ("sources that overlap but differ", misaligned)):
        print(f"{title} ({len(rows)}{f', first {args.limit}' if len(rows) > args.limit else ''}):", file=out)
        for name, (s, e), x in rows[:args.limit]:
            if isinstance(x, tuple):  # misaligned: gold span, predicted span
                print(f"  {name}: gold {texts[name][s:e]!r}  predicted {texts[name][x[0]:x[1]]!r}", file=out)
            else:
                print(f"  {name}{f'  [{x}]' if x else ''}\n      {context(texts[name], s, e)}", file=out)
    print(file=out)
if args.json:
    print(json.dumps(fig))
else:
    print(f"polnear {args.split}: {len(texts)} articles, {t['gold']} gold sources, {t['pred']} predicted"
          f" ({t['no_source']} relations without a source span left out)")
    for key, label in (("source_exact", "source exact  "), ("source_overlap", "source overlap"), ("cue_overlap", "cue overlap   ")):
        print(f"  {label}  P {fig[key + '_precision']:.3f}  R {fig[key + '_recall']:.3f}  F1 {fig[key + '_f1']:.3f}")
    acc = f"{fig['class_accuracy']:.3f}" if scored else "n/a"
    print(f"  class accuracy  {acc} ({correct}/{scored} labelled matched sources{', dev labels only' if args.split == 'train' else ''})")
    cols = list(LABELS) + sorted({c for row in confusion.values() for c in row} - set(LABELS))
    if confusion:
        print("    gold \\ pred " + "".join(f"{c[:10]:>11}" for c in cols))
        for lab in [x for x in LABELS if x in confusion] + sorted(set(confusion) - set(LABELS)):
            print(f"    {lab:12} " + "".join(f"{confusion[lab][c]:>11}" for c in cols))
    for k, v in fig["warnings"].items():
        print(f"  warning: {v} {k}")
if minima:
    known = [k for k, v in fig.items() if v is None or type(v) in (int, float)]
    if set(minima) - set(known):
        fail(2, f"{args.check} names unknown figures: {', '.join(sorted(set(minima) - set(known)))} (known: {', '.join(known)})")
    below = [f"{k} {fig[k] if fig[k] is not None else 'n/a'} < {v}" for k, v in minima.items() if fig[k] is None or fig[k] < v]
    if below:
        fail(1, f"below the minimum in {args.check}: " + "; ".join(below))
    print(f"score_spans: all {len(minima)} minima in {args.check} reached", file=sys.stderr)
