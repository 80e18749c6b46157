#![allow(dead_code)]

//! A generated workspace in the field's style, big enough to measure: datelines, full names
//! with roles, surnames, capitals as governments and places, bodies and instruments, filler.

use std::path::{Path, PathBuf};

const PEOPLE: [(&str, &str, &str); 8] = [
    ("UN envoy", "Geir Pedersen", "Pedersen"),
    ("Foreign Minister", "Sergey Lavrov", "Lavrov"),
    ("Syrian Foreign Minister", "Faisal Mekdad", "Mekdad"),
    ("President", "Bashar al-Assad", "Assad"),
    ("Secretary of State", "Antony Blinken", "Blinken"),
    ("the former envoy,", "Staffan de Mistura", "de Mistura"),
    ("President", "Recep Tayyip Erdoğan", "Erdoğan"),
    ("Foreign Minister", "Asaad al-Shaibani", "al-Shaibani"),
];
const CAPITALS: [&str; 6] = [
    "Washington",
    "Moscow",
    "Ankara",
    "Tehran",
    "Damascus",
    "Riyadh",
];
const BODIES: [&str; 6] = [
    "the UN Security Council",
    "the Syrian Negotiations Commission",
    "Resolution 2254",
    "the Caesar Act",
    "the Constitutional Committee",
    "the Astana format",
];
const FILLER: [&str; 8] = [
    "The talks resumed after a pause of several weeks, with both delegations saying little in public.",
    "Diplomats at the meeting described the atmosphere as businesslike but cool.",
    "Aid agencies warned that the crossing points would close within a month if nothing changed.",
    "The statement made no mention of the detainees, whose fate remains the most divisive issue.",
    "Prices in the capital rose again, and queues for bread returned to several districts.",
    "The sides agreed to meet again, though no date was set and no agenda published.",
    "It is believed that the draft was circulated to members before the session.",
    "Observers say the ceasefire has held in most of the north-west since the spring.",
];

/// A small deterministic generator, so that every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// One article of about `size` bytes.
pub fn article(seed: u64, size: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut text = format!(
        "{} {} {}; DOSSIER WIRE: talks in {}\n\n",
        1 + rng.next() % 28,
        ["Jan", "Mar", "May", "Jul", "Oct", "Dec"][rng.next() % 6],
        2012 + rng.next() % 14,
        rng.pick(&["Geneva", "Astana", "Sochi"]),
    );
    while text.len() < size {
        let (title, name, surname) = PEOPLE[rng.next() % PEOPLE.len()];
        let capital = rng.pick(&CAPITALS);
        let other = rng.pick(&CAPITALS);
        let body = rng.pick(&BODIES);
        text.push_str(&format!(
            "{title} {name} met delegations in {capital} on Tuesday. {surname} said {body} still \
             bound the parties, and {other} and {capital} agreed to keep in touch. {} {}\n\n",
            rng.pick(&FILLER),
            rng.pick(&FILLER),
        ));
    }
    text
}

/// Given names and surname parts of people no catalog knows (made up), for articles that
/// introduce someone as real archives do.
const GIVEN: [&str; 8] = [
    "Karim", "Layla", "Samir", "Rana", "Omar", "Hala", "Tarek", "Nadia",
];
const SURNAME_HEADS: [&str; 8] = ["Had", "Nas", "Kay", "Bar", "Sul", "Mar", "Tab", "Zah"];
const SURNAME_TAILS: [&str; 6] = ["dad", "ser", "ali", "oudi", "mani", "rawi"];
const ROLES: [&str; 4] = [
    "businessman",
    "the opposition negotiator",
    "Former Jordanian minister of state,",
    "the head of the local council,",
];

/// An article as [`article`] writes it, that first introduces with a role someone the catalog
/// does not know and then calls them by surname: one of 384 people, picked by `seed`.
pub fn introducing(seed: u64, size: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let surname = format!("{}{}", rng.pick(&SURNAME_HEADS), rng.pick(&SURNAME_TAILS));
    let name = format!("{} {surname}", rng.pick(&GIVEN));
    let role = rng.pick(&ROLES);
    let mut text = article(seed, size.saturating_sub(300));
    let intro = format!(
        "Speaking in Geneva, {role} {name} warned that the crossings would close. {surname} said \
         the talks had stalled and that nobody had asked the families.\n\n"
    );
    let at = text.find("\n\n").map_or(0, |i| i + 2);
    text.insert_str(at, &intro);
    text.push_str(&format!(
        "{surname} added that the next round would decide it.\n"
    ));
    text
}

/// Writes `count` articles of about `size` bytes under `dir`, in folders of 100.
pub fn write(dir: &Path, count: usize, size: usize) -> (Vec<PathBuf>, usize) {
    write_with(dir, count, size, article)
}

/// Writes `count` articles as [`write`] does, a third of them introducing people the catalog
/// does not know ([`introducing`]), as in a real archive.
pub fn write_archive(dir: &Path, count: usize, size: usize) -> (Vec<PathBuf>, usize) {
    write_with(dir, count, size, |seed, size| {
        if seed % 3 == 0 {
            introducing(seed, size)
        } else {
            article(seed, size)
        }
    })
}

fn write_with(
    dir: &Path,
    count: usize,
    size: usize,
    make: impl Fn(u64, usize) -> String,
) -> (Vec<PathBuf>, usize) {
    let mut bytes = 0;
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let folder = dir.join(format!("desk-{:03}", i / 100));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("article-{i:05}.md"));
        let text = make(i as u64 + 1, size);
        bytes += text.len();
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    (paths, bytes)
}
