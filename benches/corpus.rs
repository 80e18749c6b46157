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

/// Writes `count` articles of about `size` bytes under `dir`, in folders of 100.
pub fn write(dir: &Path, count: usize, size: usize) -> (Vec<PathBuf>, usize) {
    let mut bytes = 0;
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let folder = dir.join(format!("desk-{:03}", i / 100));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("article-{i:05}.md"));
        let text = article(i as u64 + 1, size);
        bytes += text.len();
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    (paths, bytes)
}
