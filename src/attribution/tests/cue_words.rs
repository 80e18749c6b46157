//! The cue words are those a regex of every cue list would find, word boundaries and all, that
//! the word reader reads as words of their own ("so-called" is one word, no cue); and the
//! signatures' dashes and the words after a quotation those a regex of their places would.

use super::*;
use proptest::prelude::*;
use regex::Regex;

fn read(low: &str) -> Vec<Word> {
    let mut words = Vec::new();
    lexicon::reader::read(low, low, 0..low.len(), &mut words);
    words
}

fn oracle(low: &str) -> Vec<usize> {
    let alternatives = |class| {
        let mut words: Vec<&str> = lexicon::words_of(class).collect();
        words.sort_unstable();
        words.join("|")
    };
    let cues = alternatives(
        Classes::CUE_VERB
            | Classes::STANCE_ADJECTIVE
            | Classes::FIGURE_NOUN
            | Classes::PHRASE_CUE
            | Classes::PSYCH_VERB,
    );
    let stance = alternatives(Classes::STANCE_NOUN);
    // (As `lexicon::pattern` reads `\b`: an ASCII word boundary.)
    let ascii = |p: String| Regex::new(&p.replace(r"\b", r"(?-u:\b)")).unwrap();
    let cue = ascii(format!(r"\b(?:{cues})\b"));
    let stance = ascii(format!(r"\b({stance}) +from\b"));
    let read: std::collections::HashSet<(usize, usize)> =
        read(low).iter().map(|w| (w.start, w.end)).collect();
    let mut at: Vec<usize> = cue
        .find_iter(low)
        .map(|m| m.range())
        .chain(
            stance
                .captures_iter(low)
                .filter_map(|c| Some(c.get(1)?.range())),
        )
        .filter(|m| read.contains(&(m.start, m.end)))
        .map(|m| m.start)
        .collect();
    at.sort_unstable();
    at.dedup();
    let signature = Regex::new(r"(?m)(?:^[ \t]*|[”\x22] ?)[―—–]").unwrap();
    at.extend(signature.find_iter(low).map(|m| m.end() - '―'.len_utf8()));
    let after_quote = Regex::new(r#"[,.!?][”"] [a-z]"#).unwrap();
    at.extend(after_quote.find_iter(low).map(|m| m.end() - 1));
    let before_quote = Regex::new(r#"[a-z]+, [“"]"#).unwrap();
    at.extend(before_quote.find_iter(low).map(|m| m.start()));
    at.sort_unstable();
    at
}

fn words_only(low: &str) -> Vec<usize> {
    // (Colons are looked for by bytes alone.)
    cue_words(low, [read(low).as_slice()])
        .filter(|&i| low.as_bytes()[i] != b':')
        .collect()
}

#[test]
fn on_our_own_texts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let texts = [
        walk(&root.join("fixtures")),
        walk(&root.join("tests/corpus")),
    ];
    for entry in texts.concat() {
        let low = std::fs::read_to_string(entry).unwrap().to_ascii_lowercase();
        assert_eq!(words_only(&low), oracle(&low));
        compared += low.len();
    }
    assert!(compared > 40_000, "our texts hold {compared} bytes");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path
            .extension()
            .is_some_and(|e| e == "md" || e == "txt" || e == "tsv")
        {
            found.push(path);
        }
    }
    found
}

proptest! {
    #[test]
    fn on_any_mix(parts in prop::collection::vec(prop_oneof![
        prop::sample::select(vec![
            "said", "criticism", "from", "figures", "according", "worries", "afraid",
            "outcry", "unsaid", "2said", "saidx", "so-called",
        ]).prop_map(str::to_owned),
        "[a-z]{1,8}",
        prop::sample::select(vec![
            " ", "  ", ", ", "-", "’", "'", "“", "”", "\"", ".", "\n", "\t", "é", "―",
            "—", "–", "… ",
        ]).prop_map(str::to_owned),
    ], 0..40)) {
        let low = parts.concat();
        prop_assert_eq!(words_only(&low), oracle(&low));
    }
}
