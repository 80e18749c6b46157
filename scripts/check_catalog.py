#!/usr/bin/env python3
"""Check the embedded dossier catalog (src/catalog/data/*.json).

Stdlib only. Checks, by hand, the structure defined in
schema/catalog.schema.json (required fields, allowed keys, kinds, id and
date patterns, unique aliases), ids unique across files, no alias or name
claimed by two actors unless both list it in `ambiguous`, role dates in
order, every state metonym term present as a place name or alias, and that
role organizations given as ids (lower-case-hyphenated) exist.
Prints counts by kind. Exit status 1 on any error.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "catalog", "data")
FILES = ["people", "organizations", "states", "places", "instruments", "outlets"]
KINDS = {"person", "organization", "state", "place", "instrument", "outlet"}
FILE_KIND = {"people": "person", "organizations": "organization", "states": "state",
             "places": "place", "instruments": "instrument", "outlets": "outlet"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
QID_RE = re.compile(r"^Q[0-9]+$")
ACTOR_KEYS = {"id", "name", "kind", "aliases", "surname", "ambiguous", "description",
              "roles", "metonyms", "links"}
ROLE_KEYS = {"title", "organization", "from", "to"}
METONYM_KEYS = {"term", "sense"}
LINK_KEYS = {"wikidata", "website"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def is_str(v, nonempty=False):
    return isinstance(v, str) and (len(v) >= 1 if nonempty else True)


def date_key(d):
    """Earliest and latest day a partial date can mean, as comparable tuples."""
    parts = [int(p) for p in d.split("-")]
    lo = tuple(parts + [0] * (3 - len(parts)))
    hi = tuple(parts + [99] * (3 - len(parts)))
    return lo, hi


def check_actor(where, a):
    if not isinstance(a, dict):
        err(f"{where}: actor is not an object")
        return False
    for k in a:
        if k not in ACTOR_KEYS:
            err(f"{where}: unknown key {k!r}")
    for k in ("id", "name", "kind"):
        if k not in a:
            err(f"{where}: missing required {k!r}")
    if not (is_str(a.get("id")) and ID_RE.match(a["id"])):
        err(f"{where}: bad id {a.get('id')!r}")
    if not is_str(a.get("name"), True):
        err(f"{where}: bad name")
    if a.get("kind") not in KINDS:
        err(f"{where}: bad kind {a.get('kind')!r}")
    if "aliases" in a:
        al = a["aliases"]
        if not isinstance(al, list) or not all(is_str(x, True) for x in al):
            err(f"{where}: aliases must be non-empty strings")
        elif len(set(al)) != len(al):
            err(f"{where}: duplicate aliases")
    if "surname" in a:
        if not is_str(a["surname"]):
            err(f"{where}: surname must be a string")
        if a.get("kind") != "person":
            err(f"{where}: surname on a non-person")
    if "ambiguous" in a:
        amb = a["ambiguous"]
        if not isinstance(amb, list) or not all(is_str(x) for x in amb):
            err(f"{where}: ambiguous must be strings")
        else:
            forms = set(a.get("aliases", [])) | {a.get("name")}
            for x in amb:
                if x not in forms:
                    err(f"{where}: ambiguous {x!r} is not one of its name/aliases")
    if "description" in a:
        d = a["description"]
        if not is_str(d):
            err(f"{where}: description must be a string")
        elif "\n" in d:
            err(f"{where}: description must be one line")
    if "roles" in a:
        if not isinstance(a["roles"], list):
            err(f"{where}: roles must be an array")
        else:
            for i, r in enumerate(a["roles"]):
                rw = f"{where} role {i}"
                if not isinstance(r, dict):
                    err(f"{rw}: not an object")
                    continue
                for k in r:
                    if k not in ROLE_KEYS:
                        err(f"{rw}: unknown key {k!r}")
                if not is_str(r.get("title"), True):
                    err(f"{rw}: missing title")
                if "organization" in r and not is_str(r["organization"]):
                    err(f"{rw}: organization must be a string")
                for k in ("from", "to"):
                    if k in r and not (is_str(r[k]) and DATE_RE.match(r[k])):
                        err(f"{rw}: bad {k} date {r[k]!r}")
                if ("from" in r and "to" in r and is_str(r["from"]) and is_str(r["to"])
                        and DATE_RE.match(r["from"]) and DATE_RE.match(r["to"])):
                    if date_key(r["from"])[0] > date_key(r["to"])[1]:
                        err(f"{rw}: from {r['from']} after to {r['to']}")
    if "metonyms" in a:
        if not isinstance(a["metonyms"], list):
            err(f"{where}: metonyms must be an array")
        else:
            for i, m in enumerate(a["metonyms"]):
                if not isinstance(m, dict):
                    err(f"{where} metonym {i}: not an object")
                    continue
                for k in m:
                    if k not in METONYM_KEYS:
                        err(f"{where} metonym {i}: unknown key {k!r}")
                if not is_str(m.get("term"), True) or not is_str(m.get("sense")):
                    err(f"{where} metonym {i}: needs term and sense")
    if "links" in a:
        ln = a["links"]
        if not isinstance(ln, dict):
            err(f"{where}: links must be an object")
        else:
            for k in ln:
                if k not in LINK_KEYS:
                    err(f"{where}: unknown links key {k!r}")
            if "wikidata" in ln and not (is_str(ln["wikidata"]) and QID_RE.match(ln["wikidata"])):
                err(f"{where}: bad wikidata id {ln['wikidata']!r}")
            if "website" in ln and not is_str(ln["website"]):
                err(f"{where}: website must be a string")
    return True


def main():
    actors = []
    for f in FILES:
        path = os.path.join(DATA, f + ".json")
        try:
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
        except (OSError, ValueError) as e:
            err(f"{f}.json: cannot read/parse: {e}")
            continue
        if not isinstance(doc, dict):
            err(f"{f}.json: top level is not an object")
            continue
        for k in doc:
            if k not in ("$schema", "actors"):
                err(f"{f}.json: unknown top-level key {k!r}")
        if "$schema" in doc and not is_str(doc["$schema"]):
            err(f"{f}.json: $schema must be a string")
        if not isinstance(doc.get("actors"), list):
            err(f"{f}.json: missing actors array")
            continue
        for i, a in enumerate(doc["actors"]):
            where = f"{f}.json[{i}]" + (f" ({a.get('id')})" if isinstance(a, dict) else "")
            if check_actor(where, a):
                if a.get("kind") != FILE_KIND[f]:
                    warnings.append(f"{where}: kind {a.get('kind')} in {f}.json")
                actors.append((f, a))

    # ids unique across files
    ids = Counter(a.get("id") for _, a in actors)
    for i, n in ids.items():
        if n > 1:
            err(f"id {i!r} used {n} times")
    idset = set(ids)

    # names/aliases claimed by two actors must be ambiguous in both
    claims = defaultdict(list)
    for _, a in actors:
        forms = {a.get("name")} | set(a.get("aliases", []))
        for form in forms:
            claims[form].append(a)
    for form, owners in claims.items():
        if len(owners) > 1:
            bad = [o["id"] for o in owners if form not in o.get("ambiguous", [])]
            if bad:
                err(f"{form!r} claimed by {[o['id'] for o in owners]}; not ambiguous in {bad}")

    # metonym terms must be places
    place_forms = set()
    for _, a in actors:
        if a.get("kind") == "place":
            place_forms.add(a.get("name"))
            place_forms.update(a.get("aliases", []))
    for _, a in actors:
        for m in a.get("metonyms", []) or []:
            if isinstance(m, dict) and m.get("term") not in place_forms:
                err(f"{a['id']}: metonym {m.get('term')!r} is not a place name or alias")
        if a.get("kind") == "state" and not a.get("metonyms"):
            warnings.append(f"{a['id']}: state without a capital metonym")

    # role organizations that look like ids must exist
    for _, a in actors:
        for r in a.get("roles", []) or []:
            o = r.get("organization") if isinstance(r, dict) else None
            if is_str(o) and ID_RE.match(o) and o not in idset:
                err(f"{a['id']}: role organization {o!r} looks like an id but no such actor")

    kinds = Counter(a.get("kind") for _, a in actors)
    for k in sorted(KINDS):
        print(f"{k:13} {kinds.get(k, 0)}")
    print(f"{'total':13} {len(actors)}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
