//! Properties of discovery over text made of name-like pieces: known names remove only their own
//! introductions, reading only the sentences with capitals together finds what parsing whole
//! lines finds, and any text yields well-formed introductions.

use super::words::{any_kind, is_joiner, letters_kind, lower_case_kind, SPACED_PARTICLES};
use super::*;
use crate::mentions::is_role_word;
use proptest::prelude::*;

/// The default catalog's matcher, built once for the many cases.
static MATCHER: std::sync::LazyLock<crate::mentions::Matcher> =
    std::sync::LazyLock::new(|| crate::mentions::Matcher::new(&crate::catalog::default_catalog()));

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Karim",
        "Haddad",
        "Layla",
        "al-Hassan",
        "bin",
        "de",
        "Al",
        "the",
        "head",
        "of",
        ",",
        ".",
        " ",
        " ",
        " ",
        "\n",
        "’s",
        "'s",
        "Dr.",
        "Mr",
        "minister",
        "Council",
        "—",
        "“",
        "”",
        "a",
        "lawyer",
        "businessman",
        "é",
        "Ḥ",
        "\u{a0}",
        "DAMASCUS",
        ":",
        "Monday",
        "New",
    ])
}

/// Words of introductions and of what surrounds them, to be joined by spaces.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Karim",
        "Haddad",
        "Layla",
        "Nasser,",
        "al-Hassan",
        "bin",
        "de",
        "Al",
        "minister",
        "Minister",
        "businessman",
        "lawyer",
        "of",
        "the",
        "head",
        "Council",
        "Lebanese",
        "New",
        "South",
        "Dr",
        "said",
        ",",
        "—",
        "Haddad’s",
        "\n",
        "a",
    ])
}

proptest! {
    // A difference needs a few words in a row to form an introduction: many cases, as
    // each takes microseconds.
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Skipping the lines whose names are all known changes nothing but the time taken.
    #[test]
    fn known_names_only_remove_their_own_introductions(
        words in prop::collection::vec((word(), any::<bool>()), 0..40),
    ) {
        let mut text = String::new();
        let mut known = Vec::new();
        for (word, is_known) in words {
            if is_known && word.chars().any(char::is_alphanumeric) {
                known.push(text.len()..text.len() + word.len());
            }
            text.push_str(word);
            text.push(' ');
        }
        text.push('.');
        let expected: Vec<Introduced> = introduced(&text, &[])
            .into_iter()
            .filter(|i| !overlaps(&known, &i.name))
            .collect();
        prop_assert_eq!(introduced(&text, &known), expected);
    }
}

/// The introductions found by parsing every prose line whole, with the line's edges as the
/// patterns' edges: what [`introduced`] finds reading only the sentences with two capitals
/// together.
fn introduced_in_whole_lines(text: &str, known: &[Range<usize>]) -> Vec<Introduced> {
    let mut found = Vec::new();
    let mut words = words::Words::default();
    let mut surnames = Surnames::default();
    let mut offset = 0;
    for line in crate::text::lines_inclusive(text) {
        let next = offset + line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        if is_prose(line) {
            words.read(line, offset);
            find_in_line(text, &words, words.len(), known, &mut surnames, &mut found);
        }
        offset = next;
    }
    found
}

/// Sentences' ends and what stands around them, beside the pieces of names.
fn stop() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "said.",
        "Haddad.",
        "U.S.",
        "Dr.",
        "J.",
        "Mr.",
        "Nasser.,",
        "up!",
        "why?",
        "”.",
        ".”",
        "said.”",
        "Council.",
        "...",
        "Haddad.”",
        "(",
        ")",
        "\"",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Reading the sentences with two capitals together, and the word after each, finds what
    /// parsing the whole lines finds: the look at the capitals turns away no sentence worth
    /// parsing, and a sentence's edges are as good as the line's.
    #[test]
    fn the_sentences_with_capitals_together_find_all(
        parts in prop::collection::vec(
            (prop_oneof![2 => piece(), 2 => word(), 1 => stop()], any::<bool>()),
            0..60,
        ),
    ) {
        let mut text = String::new();
        let mut known = Vec::new();
        for (part, is_known) in parts {
            if is_known && part.chars().any(char::is_alphanumeric) {
                known.push(text.len()..text.len() + part.len());
            }
            text.push_str(part);
            if part.len() % 2 == 0 {
                text.push(' ');
            }
        }
        text.push('.');
        let found = introduced(&text, &known);
        prop_assert_eq!(&found, &introduced_in_whole_lines(&text, &known));
        // Looked for at the catalog walk's name openings alone, the capitals find the same.
        let openings = MATCHER.spelled(&text);
        prop_assert_eq!(introduced_at(&text, &known, openings.name_openings()), found);
    }
}

proptest! {
    #[test]
    fn any_text_yields_well_formed_introductions(
        pieces in prop::collection::vec(piece(), 0..40),
        noise in "\\PC{0,20}",
    ) {
        let text = pieces.concat() + &noise;
        for found in introduced(&text, &[]) {
            prop_assert!(text.is_char_boundary(found.name.start));
            prop_assert!(text.is_char_boundary(found.name.end));
            let name = &text[found.name.clone()];
            prop_assert!(name.ends_with(&found.surname), "{name:?} {found:?}");
            prop_assert!(name.contains(char::is_whitespace));
            // (The role may be empty: a common given name makes a person without one.)
            prop_assert_eq!(found.role.trim(), found.role.as_str());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// The quick look at a lower-case word's first letter classes it as its letters would.
    #[test]
    fn lower_case_words_are_classed_as_by_their_letters(
        core in "(bin|de|al|el|an|ash|van|[a-zA-Z\u{e9}\u{1e24}'\u{2019}-]){1,4}",
    ) {
        if let Some(kind) = lower_case_kind(&core) {
            prop_assert_eq!(kind, any_kind(&core), "{:?}", core);
        }
    }

    /// A line's words are the stretches between white space and dashes, and each dash, as the
    /// line's characters cut it.
    #[test]
    fn a_lines_words_are_cut_at_white_space_and_dashes(
        line in "[a-zA-Z .,\t\u{b}\u{1c}\u{a0}\u{2014}\u{2013}\u{e9}\u{2019}-]{0,30}",
    ) {
        let mut expected = Vec::new();
        let mut start = None;
        for (at, c) in line.char_indices() {
            if words::separates(c) {
                if let Some(s) = start.take() {
                    expected.push((&line[s..at], s));
                }
                if words::is_dash(c) {
                    expected.push(("", at));
                }
            } else {
                start.get_or_insert(at);
            }
        }
        if let Some(s) = start {
            expected.push((&line[s..], s));
        }
        let mut words = words::Words::default();
        words.read(&line, 0);
        let found: Vec<(&str, usize)> = (0..words.len()).map(|k| words.token(k)).collect();
        prop_assert_eq!(found, expected);
    }

    /// The byte search for the last dash finds the last character that is one.
    #[test]
    fn the_last_dash_is_the_last_dash_character(line in "[a \u{2012}-\u{2016}\u{2212}\u{e9}]{0,12}") {
        prop_assert_eq!(last_dash(&line), line.rfind(words::is_dash));
    }

    /// A word of ASCII letters is classed from its bytes as from its characters.
    #[test]
    fn letter_words_are_classed_as_any_word(
        core in "(bin|de|Al|El|van|Van|ibn|[a-zA-Z]){1,4}",
    ) {
        prop_assert_eq!(letters_kind(&core), Some(any_kind(&core)), "{:?}", core);
    }

    /// Only a word of ASCII letters is classed from its bytes alone, whatever its length.
    #[test]
    fn only_letter_words_are_classed_from_their_bytes(
        core in "[a-zA-Z@\\[`{0-9.'\u{e9}\u{c1}-]{0,20}|[a-zA-Z]{0,20}",
    ) {
        let letters = core.bytes().all(|b| b.is_ascii_alphabetic());
        prop_assert_eq!(letters_kind(&core).is_some(), letters, "{:?}", core);
    }

    /// A word's role, told from its one look-up, is the role the lexicon gives its bare form,
    /// its singular or its last part after a hyphen ("ex-minister").
    #[test]
    fn a_words_role_is_the_lexicons(
        word in "(minister|envoy|Minister|ENVOYS|head|heads|ex|Al|U\\.S\\.|said|[a-z]{1,3})",
        around in "(|-minister|s|’s|,|\\.|’s,|\"|\\)|-)",
        before in "(|“|\\(|\"|-)",
    ) {
        let token = format!("{before}{word}{around}");
        let w = words::word(&token, 0, 0, token.len());
        let core = w.core;
        let expected = !core.is_empty()
            && (is_role_word(core) || core.rsplit_once('-').is_some_and(|(_, w)| is_role_word(w)));
        prop_assert_eq!(w.is_role(), expected, "{:?}", token);
    }
}

/// The short particles are found as the lexicon has them, in every word of up to three
/// letters.
#[test]
fn short_particles_are_the_lexicons() {
    let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
    let mut words: Vec<String> = letters.iter().map(|a| a.to_string()).collect();
    for a in &letters {
        for b in &letters {
            words.push(format!("{a}{b}"));
            words.extend(letters.iter().map(|c| format!("{a}{b}{c}")));
        }
    }
    let mut joiners = 0;
    for w in &words {
        let expected = crate::lexicon::is(w, crate::lexicon::Classes::NAME_PARTICLE)
            || SPACED_PARTICLES.contains(&w.as_str());
        assert_eq!(is_joiner(w), expected, "{w:?}");
        joiners += usize::from(expected);
    }
    assert!(joiners >= SPACED_PARTICLES.len(), "{joiners}");
}
