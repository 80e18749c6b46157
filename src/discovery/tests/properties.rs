//! Properties of discovery over text made of name-like pieces: known names remove only their own
//! introductions, the quick look at capitals turns away no line worth parsing, and any text
//! yields well-formed introductions.

use super::*;
use proptest::prelude::*;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// The look at the capitals turns away no line the look at the words would parse.
    #[test]
    fn capitals_together_whenever_two_name_words_may_be(
        parts in prop::collection::vec((prop_oneof![piece(), word()], any::<bool>()), 0..40),
    ) {
        let mut line = String::new();
        let mut known = Vec::new();
        for (part, is_known) in parts {
            if part == "\n" {
                continue;
            }
            if is_known && part.chars().any(char::is_alphanumeric) {
                known.push(line.len()..line.len() + part.len());
            }
            line.push_str(part);
            if part.len() % 2 == 0 {
                line.push(' ');
            }
        }
        if may_name_someone(&line, 0, &known) {
            prop_assert!(capitals_together(&line, 0, &known), "{line:?} {known:?}");
        }
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
