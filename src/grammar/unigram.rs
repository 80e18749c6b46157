//! Each word's candidate tags read alone, the first the likeliest: numbers and punctuation by
//! their characters, words from the lexicon, and the rest guessed from WordNet and the word's
//! ending. The crate's `tag_raw_tokens` classification and `unigram.rs`, step for step.

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::tagset::{Tag, Tags};

/// The first candidate and all of them.
pub type Candidates = (Tag, Tags);

/// The crate's normal form of a word: lower case, without diacritics ("Nestlé" → "nestle").
pub fn normal(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        match word.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(word.to_ascii_lowercase()),
            false => Cow::Borrowed(word),
        }
    } else {
        Cow::Owned(
            word.to_lowercase()
                .nfd()
                .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
                .collect(),
        )
    }
}

/// Whether the lexicon holds the word whose normal form is `normal`.
pub fn is_known(normal: &str) -> bool {
    LEXICON.contains_key(normal)
}

/// The candidates the lexicon holds for the word whose normal form is `normal`, none guessed.
pub fn known(normal: &str) -> Option<Candidates> {
    LEXICON.get(normal).copied()
}

/// The candidates of `word`, whose normal form is `normal`.
pub fn candidates(word: &str, normal: &str) -> Candidates {
    if is_number(word) {
        return only(Tag::CD);
    }
    if is_punctuation(word) {
        return only(punctuation(word));
    }
    match LEXICON.get(normal) {
        Some(&known) => known,
        None => guessed(word, normal),
    }
}

/// [`guess`], remembered by each thread: the words no lexicon holds are mostly names, which come
/// back in every sentence about their bearer, and a guess searches WordNet up to eighteen times.
fn guessed(word: &str, normal: &str) -> Candidates {
    thread_local! {
        static GUESSED: RefCell<FxHashMap<Box<str>, Candidates>> = RefCell::default();
    }
    GUESSED.with_borrow_mut(|guessed| {
        if let Some(&known) = guessed.get(word) {
            return known;
        }
        let candidates = guess(word, normal);
        // A bound for a server that reads for weeks: forget and start again.
        if guessed.len() >= 1 << 14 {
            guessed.clear();
        }
        guessed.insert(word.into(), candidates);
        candidates
    })
}

fn only(tag: Tag) -> Candidates {
    (tag, Tags::of(tag))
}

/// `\d+/\d+` or `\d([.,\-/]?\d)*(\.\d+)?` in ASCII, whole: digits, single separators between them.
fn is_number(word: &str) -> bool {
    let b = word.as_bytes();
    let separator = |c: &u8| matches!(c, b'.' | b',' | b'-' | b'/');
    b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|c| c.is_ascii_digit() || separator(c))
        && !b.windows(2).any(|w| separator(&w[0]) && separator(&w[1]))
}

fn is_punctuation(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| {
            matches!(
                c,
                '\u{2019}'
                    | '\''
                    | '\u{2018}'
                    | '`'
                    | '\u{201C}'
                    | '\u{201D}'
                    | '"'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '{'
                    | '}'
                    | '\u{2026}'
                    | ','
                    | '.'
                    | '!'
                    | ';'
                    | '?'
                    | '-'
                    | ':'
            )
        })
}

/// The crate's punctuation table; anything else is its own tag.
fn punctuation(word: &str) -> Tag {
    match word {
        "." | "!" | "?" => Tag::PERIOD,
        "[" | "{" | "(" => Tag::LRB,
        "]" | "}" | ")" => Tag::RRB,
        "," => Tag::COMMA,
        ":" | ";" | "--" | "\u{2026}" | "..." => Tag::COLON,
        "-" => Tag::HYPH,
        "\"" | "'" => Tag::QUOTE,
        _ => Tag::named(word).unwrap_or(Tag::LITERAL),
    }
}

static LEXICON: LazyLock<FxHashMap<&'static str, Candidates>> = LazyLock::new(|| {
    let mut lexicon = FxHashMap::with_capacity_and_hasher(14_000, Default::default());
    for line in lines(include_str!("data/lexicon.txt")) {
        let (word, list) = split_tab(line).expect("lexicon line: word, tags");
        let mut tags = list
            .split_ascii_whitespace()
            .map(|t| Tag::named(t).unwrap_or_else(|| panic!("lexicon: tag {t:?}")));
        let first = tags.next().expect("lexicon: a tag");
        lexicon.insert(word, (first, tags.fold(Tags::of(first), Tags::with)));
    }
    lexicon
});

/// The lines of a data file, found faster than `str::lines` finds them.
fn lines(data: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', data.as_bytes()).map(move |end| {
        let line = &data[start..end];
        start = end + 1;
        line
    })
}

/// A data line's key and the rest, which a tab separates.
fn split_tab(line: &str) -> Option<(&str, &str)> {
    let tab = line.bytes().position(|c| c == b'\t')?;
    Some((&line[..tab], &line[tab + 1..]))
}

/// The crate's level-2 guess for a word not in the lexicon: a name unless it looks like a real
/// word, then by its ending.
fn guess(word: &str, normal: &str) -> Candidates {
    let entry = wordnet(normal);
    let known = entry.is_some_and(|flags| flags.contains('k')) || is_potential_word(normal);
    // Not a word by WordNet's lights, or a place written with a capital: a name.
    let place = entry.is_some_and(|flags| flags.contains('p')) && starts_capitalised(word);
    let tag = if !known || place {
        Some(Tag::NNP)
    } else {
        suffix_tag(normal).or_else(|| {
            normal
                .strip_prefix("un")
                .filter(|stem| LEXICON.contains_key(stem))
                .map(|_| Tag::JJ)
        })
    };
    match tag {
        None => (Tag::NN, Tags::of(Tag::NN).with(Tag::VBP).with(Tag::VB)),
        Some(Tag::NNS) => (Tag::NNS, Tags::of(Tag::NNS).with(Tag::VBZ)),
        Some(Tag::VBN) => (Tag::VBD, Tags::of(Tag::VBD).with(Tag::VBN)),
        Some(tag) => only(tag),
    }
}

/// `word`'s flags in data/words.txt (see scripts/tagger_data.py), if it is there: `s` WordNet
/// word, `k` known, `p` a place first; a bare line is `sk`.
fn wordnet(word: &str) -> Option<&'static str> {
    const WORDS: &str = include_str!("data/words.txt");
    // Sorted lines, searched in place: only where each begins is built at start-up.
    static STARTS: LazyLock<Vec<u32>> = LazyLock::new(|| {
        let ends = memchr::memchr_iter(b'\n', WORDS.as_bytes()).map(|end| end as u32 + 1);
        std::iter::once(0).chain(ends).collect()
    });
    let b = WORDS.as_bytes();
    let end = |c: u8| c == b'\t' || c == b'\n';
    // The key at `start` against `word`, byte by byte: most differ in the first few.
    let order = |&start: &u32| {
        let key = &b[start as usize..];
        for (&k, &w) in key.iter().zip(word.as_bytes()) {
            if end(k) {
                return Ordering::Less;
            }
            if k != w {
                return k.cmp(&w);
            }
        }
        match key.get(word.len()) {
            Some(&k) if !end(k) => Ordering::Greater,
            _ => Ordering::Equal,
        }
    };
    let lines = &STARTS[..STARTS.len() - 1];
    let after = lines[lines.binary_search_by(order).ok()?] as usize + word.len();
    match b[after] {
        b'\t' => WORDS[after + 1..].lines().next(),
        _ => Some("sk"),
    }
}

/// Whether stripping an inflection from `word` leaves a WordNet word.
fn is_potential_word(word: &str) -> bool {
    const INFLECTIONS: &[(&str, &str)] = &[
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("d", ""),
        ("er", ""),
        ("r", ""),
        ("est", ""),
        ("st", ""),
        ("xes", "x"),
        ("zes", "s"),
        ("ves", "f"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
    ];
    INFLECTIONS.iter().any(|(suffix, by)| {
        word.strip_suffix(suffix)
            .is_some_and(|stem| wordnet(&[stem, by].concat()).is_some_and(|f| f.contains('s')))
    })
}

/// `^[A-Z][a-z]`.
fn starts_capitalised(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_lowercase()
}

/// The crate's unknown-word endings, the longest that fits first.
fn suffix_tag(word: &str) -> Option<Tag> {
    const ENDINGS: &[(&str, Tag)] = &[
        ("less", Tag::JJ),
        ("sis", Tag::NN),
        ("ing", Tag::VBG),
        ("ble", Tag::JJ),
        ("ous", Tag::JJ),
        ("ful", Tag::JJ),
        ("ary", Tag::JJ),
        ("ish", Tag::JJ),
        ("lar", Tag::JJ),
        ("ory", Tag::JJ),
        ("ier", Tag::JJR),
        ("est", Tag::JJS),
        ("us", Tag::NN),
        ("ss", Tag::NN),
        ("ed", Tag::VBN),
        ("ly", Tag::RB),
        ("al", Tag::JJ),
        ("ic", Tag::JJ),
        ("ve", Tag::JJ),
        ("s", Tag::NNS),
    ];
    ENDINGS
        .iter()
        .find(|(ending, _)| word.ends_with(ending))
        .map(|&(_, tag)| tag)
}
