#!/usr/bin/env python3
"""Writes src/grammar/data/ from the data tables of the english-pos-tagger crate (MIT).

    python3 scripts/tagger_data.py ~/.cargo/registry/src/index.crates.io-*/english-pos-tagger-0.2.0

Only what can change a tag is kept, in sorted plain text that `grammar` reads without a parser:

- lexicon.txt: `word<TAB>TAG TAG ...`, the candidate tags, the most frequent first.
- words.txt: the words the guesser asks about: WordNet's index (wn_words.json) and the keys of
  Morphy's exception lists. A bare line is a WordNet word; otherwise `word<TAB>flags`, where
  `s` = a WordNet word (an inflection stripped down to it makes a potential word), `k` = known
  (the crate counts WordNet's index 0 as absent but exceptions as known), `p` = its first sense
  is in noun.location (lexicographer file 15), which makes a capitalised word NNP.
- years.txt: the decades the lemmatiser makes CD whatever the rules said (`YEARS` in lib.rs).
- rules.txt: the four context-rule tables in the order they run, one rule a line:
  `pass<TAB>tag<TAB>new tag<TAB>condition...`, a condition `property from..to pattern` (an
  offset range from the current word; a single offset is `d..d`), patterns as the crate
  compiles them (its `$$` written `$`).
"""
import json, pathlib, re, sys

crate = pathlib.Path(sys.argv[1])
src = crate / "src" / "data"
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "grammar" / "data"


def load(name):
    return json.loads((src / f"{name}.json").read_text(encoding="utf-8"))


def clean(s):
    assert s and not any(c in s for c in "\t\n\r"), repr(s)
    return s


lexicon = load("lexicon")
with open(out / "lexicon.txt", "w", encoding="utf-8") as f:
    for word in sorted(lexicon):
        tags = lexicon[word]
        assert tags and all(" " not in t for t in tags), word
        f.write(f"{clean(word)}\t{' '.join(map(clean, tags))}\n")

wn, senses = load("wn_words"), load("wn_senses")
exceptions = set(load("adj_exceptions")) | set(load("noun_exceptions")) | set(load("verb_exceptions"))
with open(out / "words.txt", "w", encoding="utf-8") as f:
    for word in sorted(set(wn) | exceptions):
        stem = word in wn
        indexed = stem and wn[word] != 0
        known = indexed or word in exceptions
        place = indexed and senses[wn[word]][:1] == [15]
        flags = "s" * stem + "k" * known + "p" * place
        f.write(clean(word) + ("\n" if flags == "sk" else f"\t{flags}\n"))

with open(out / "rules.txt", "w", encoding="utf-8") as f:
    for n, table in enumerate(["value_rules_le0", "pos_rules_le0", "value_rules_ge0", "pos_rules_ge0"], 1):
        for tag, rules in sorted(load(table).items()):
            for rule in rules:
                assert rule["thenPosAt"] == 0, rule
                conditions = []
                for c in rule["rules"]:
                    a, b = (c.get("delta", 0),) * 2 if c["op"] == 0 else c.get("range", [0, 0])
                    assert c["op"] in (0, 1) and c["property"] in ("pos", "normal", "value"), c
                    pattern = c["matches"].replace("$$", "$")
                    assert " " not in pattern, pattern
                    conditions.append(f"{c['property']} {a}..{b} {clean(pattern)}")
                f.write("\t".join([str(n), tag, rule["willBe"], *conditions]) + "\n")

years = re.search(r"const YEARS: &\[&str\] = &\[(.*?)\];", (crate / "src" / "lib.rs").read_text(), re.S)
with open(out / "years.txt", "w", encoding="utf-8") as f:
    f.writelines(f"{clean(y)}\n" for y in re.findall(r'"([^"]*)"', years.group(1)))
