//! The parts of speech the attribution parse relies on, and our tagger against the crate it was
//! adapted from, `english-pos-tagger` 0.2.0 (a dev-dependency for this only): the same Penn tag
//! for every word, on PolNeAR's news (read at run time, when present) and on random sentences.

use std::path::Path;
use std::sync::LazyLock;

use english_pos_tagger::Tagger;
use proptest::prelude::*;

use super::*;

#[test]
fn a_cue_word_is_told_verb_from_noun() {
    let words = [
        "The", "senator", "said", "the", "debates", "were", "over", ".",
    ];
    let tags = tag(&words);
    assert_eq!(tags[2], Pos::Finite);
    assert_eq!(tags[4], Pos::Noun);
    assert_eq!(tags[1], Pos::Noun);
    assert_eq!(tags.len(), words.len());
}

static CRATE: LazyLock<Tagger> = LazyLock::new(Tagger::new);

/// Asserts both tag `words` alike; returns how many words were compared.
fn assert_same(words: &[&str]) -> usize {
    let theirs: Vec<String> = CRATE
        .tag_raw_tokens(words)
        .into_iter()
        .map(|t| t.pos.unwrap_or_default())
        .collect();
    let ours: Vec<&str> = brill::tag(words)
        .into_iter()
        .zip(words)
        .map(|(t, w)| t.penn(w))
        .collect();
    assert_eq!(ours, theirs, "tags of {words:?}");
    words.len()
}

/// Asserts that the word at `at` of `words`, tagged alone, has the tag `words` all tagged give it.
fn assert_one_as_all(words: &[&str], at: usize) {
    assert_eq!(
        brill::tag_at(words, at),
        brill::tag(words)[at],
        "tag {at} of {words:?}"
    );
}

/// Asserts that a word whose part of speech is settled has it among `words`.
fn assert_settled_alike(words: &[&str], at: usize) {
    if let Some(pos) = settled(words[at]) {
        assert_eq!(tag(words)[at], pos, "settled {at} of {words:?}");
    }
}

/// Every sentence as written, as `grammar::tag` passes it on (curly quotes made ASCII), and cut
/// into the windows `Sent::pos` tags (two words either side).
fn assert_same_in_every_form(sentence: &[&str]) -> usize {
    let quoted: Vec<&str> = sentence.iter().map(|w| ascii_quotes(w)).collect();
    let windows: usize = (0..quoted.len())
        .map(|i| {
            let from = i.saturating_sub(2);
            let window = &quoted[from..(i + 3).min(quoted.len())];
            assert_one_as_all(window, i - from);
            assert_settled_alike(window, i - from);
            assert_same(window)
        })
        .sum();
    assert_same(sentence) + assert_same(&quoted) + windows
}

#[test]
fn the_same_tags_as_the_crate_on_polnear() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/polnear");
    if !root.is_dir() {
        eprintln!("skipped: no PolNeAR at {}", root.display());
        return;
    }
    let (mut sentences, mut compared) = (0, 0);
    for split in ["train", "dev"] {
        let mut tables: Vec<_> = std::fs::read_dir(root.join(split).join("tokens"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        tables.sort();
        for table in tables {
            let name = table.file_stem().unwrap().to_str().unwrap();
            let text = std::fs::read_to_string(root.join(split).join(format!("text/{name}.txt")));
            let text = text.unwrap();
            // The tables count characters; the words as written are the text between offsets.
            let mut at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            at.push(text.len());
            let mut sentence: Vec<&str> = Vec::new();
            let mut number = "";
            for row in std::fs::read_to_string(&table).unwrap().lines() {
                let cells: Vec<&str> = row.split('\t').collect();
                if row.starts_with('#') || cells.len() < 4 {
                    continue;
                }
                if cells[0] != number && !sentence.is_empty() {
                    compared += assert_same_in_every_form(&sentence);
                    sentences += 1;
                    sentence.clear();
                }
                number = cells[0];
                let offset = |cell: &str| at[cell.parse::<usize>().unwrap()];
                sentence.push(&text[offset(cells[2])..offset(cells[3])]);
            }
            if !sentence.is_empty() {
                compared += assert_same_in_every_form(&sentence);
                sentences += 1;
            }
        }
    }
    eprintln!("{sentences} PolNeAR sentences, {compared} tags compared: all the same");
    assert!(sentences > 0, "no sentences read under {}", root.display());
}

/// The first column of `data`'s lines that have a flag in `flags` ("" for every line).
fn lines_of(data: &'static str, flags: &str) -> Vec<&'static str> {
    data.lines()
        .map(|l| l.split_once('\t').unwrap_or((l, "sk")))
        .filter(|(_, f)| flags.is_empty() || f.contains(|c| flags.contains(c)))
        .map(|(word, _)| word)
        .collect()
}

const WORDS: &str = include_str!("data/words.txt");
static LEXICON: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines_of(include_str!("data/lexicon.txt"), ""));
static WORDNET: LazyLock<Vec<&str>> = LazyLock::new(|| lines_of(WORDS, ""));
/// The rarer words the guesser treats apart: places, and irregular forms known only to Morphy.
static PLACES: LazyLock<Vec<&str>> = LazyLock::new(|| lines_of(WORDS, "p"));
static IRREGULAR: LazyLock<Vec<&str>> = LazyLock::new(|| {
    WORDS
        .lines()
        .filter_map(|l| l.strip_suffix("\tk"))
        .collect()
});

/// A word of the kinds news is made of, and of the kinds every branch of the tagger is for.
fn word() -> impl Strategy<Value = String> {
    let known = prop_oneof![
        prop::sample::select(LEXICON.clone()),
        prop::sample::select(WORDNET.clone()),
        prop::sample::select(PLACES.clone()),
        prop::sample::select(IRREGULAR.clone()),
    ];
    let stem = prop_oneof![
        3 => known.prop_map(str::to_owned),
        1 => "[a-z]{1,9}",
    ];
    let inflected = (
        stem,
        prop::sample::select(vec![
            "", "", "s", "es", "ing", "ed", "d", "er", "est", "ly", "less",
        ]),
        prop::sample::select(vec!["", "", "un"]),
        0..4,
    )
        .prop_map(|(stem, suffix, prefix, case)| {
            let word = format!("{prefix}{stem}{suffix}");
            match case {
                0 => capitalised(&word),
                1 => word.to_uppercase(),
                _ => word,
            }
        });
    prop_oneof![
        6 => inflected,
        1 => r"[0-9]{1,4}([.,/-]{1,2}[0-9]{1,3}){0,2}|[0-9]{1,3}[a-z]{0,2}",
        1 => r"[,.!?;:'`()\[\]{}\x22\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}-]{1,3}",
        1 => prop::sample::select(vec![
            "Mr.", "Mrs.", "U.S.", "1990s", "mid-1980s", "Mid-1970s", "1920s", "'s", "n't",
            "'ll", "Ca", "Wo", "Ai", "Nestlé", "İstanbul", "é", "that", "Is", "are", "\u{2014}",
            "--", "...", "&", "%", "@x", "a\nb", "",
        ])
        .prop_map(str::to_owned),
    ]
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_same_tags_as_the_crate_on_random_sentences(
        words in prop::collection::vec(word(), 0..12),
    ) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_same(&words);
        for at in 0..words.len() {
            assert_one_as_all(&words, at);
            assert_settled_alike(&words, at);
        }
    }
}
