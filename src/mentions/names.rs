//! How one name is written in running text: particle casing, hyphens, surnames.
//!
//! The catalog lists a name once ("Bashar al-Assad"); articles write "Al-Assad", "al Assad" and
//! "Assad". These rules expand a catalog name into the spellings the matcher looks for, so that
//! one automaton pass finds them all.

use super::{Form, Reading};
use crate::catalog::{ActorKind, Catalog};
use crate::lexicon::{self, Classes};

/// Is a surname spelled like a common word, too weak to name a person on its own?
pub fn is_common_word(surname: &str) -> bool {
    lexicon::is_any_case(surname, Classes::COMMON_SURNAME)
        && surname.starts_with(char::is_uppercase)
        || crate::text::date::is_calendar_word(surname)
}

/// The spellings under which a name (or alias) is written in text.
pub fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    // Particle casing and joining: al-Assad, Al-Assad, al Assad, Al Assad.
    for word_start in word_starts(name) {
        let rest = &name[word_start..];
        let Some((particle, tail)) = split_particle(rest) else {
            continue;
        };
        let head = &name[..word_start];
        let lower = particle.to_lowercase();
        let upper = capitalize(&lower);
        for p in [lower.as_str(), upper.as_str()] {
            for s in ["-", " "] {
                let spelled = format!("{head}{p}{s}{tail}");
                if spelled != name && !out.contains(&spelled) {
                    out.push(spelled);
                }
            }
        }
    }
    // Hyphenated given names: Abdul-Aziz, Abdul Aziz, Abdulaziz.
    let mut joined = Vec::new();
    for spelled in &out {
        if let Some(i) = spelled.find('-') {
            let (a, b) = (&spelled[..i], &spelled[i + 1..]);
            if !is_particle(a.rsplit(' ').next().unwrap_or(a)) && b.starts_with(char::is_uppercase)
            {
                joined.push(format!("{a} {b}"));
                joined.push(format!("{a}{}", lower_first(b)));
            }
        }
    }
    for j in joined {
        if !out.contains(&j) {
            out.push(j);
        }
    }
    // "O'Malley" is also typeset "O’Malley".
    let curly: Vec<String> = out
        .iter()
        .filter(|s| s.contains('\''))
        .map(|s| s.replace('\'', "’"))
        .collect();
    out.extend(curly);
    out
}

/// The name a later reference uses for a person: an explicit surname, else the last word of the
/// name together with a particle before it ("Staffan de Mistura" → "de Mistura").
pub fn surname(name: &str, explicit: Option<&str>) -> Option<String> {
    if let Some(s) = explicit {
        return Some(s.to_owned());
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Joseph R. Biden Jr.": the suffix is no surname ("Abdullah II" keeps his: a given name
    // alone is too weak a surname).
    if words.len() >= 3 && words.last().is_some_and(|w| is_suffix(w)) {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    let last = words[words.len() - 1];
    let before = words[words.len() - 2];
    if words.len() >= 3 && lexicon::is_any_case(before, Classes::NAME_PARTICLE) {
        return Some(format!("{before} {last}"));
    }
    Some(last.to_owned())
}

/// "Jr.", "III": what follows a name and is no part of it.
pub(super) fn is_suffix(word: &str) -> bool {
    lexicon::is_any_case(word.trim_end_matches('.'), Classes::NAME_SUFFIX)
}

/// Spellings of a surname: those of [`spellings`], the sentence-initial capital of a leading
/// particle ("De Mistura"), and the bare name without an Arabic particle ("Assad").
pub fn surname_spellings(surname: &str) -> Vec<String> {
    let mut out = spellings(surname);
    if surname.starts_with(char::is_lowercase) {
        let capital = capitalize(surname);
        if !out.contains(&capital) {
            out.push(capital);
        }
    }
    if let Some((_, bare)) = split_particle(surname) {
        if bare.starts_with(char::is_uppercase) && !out.iter().any(|s| s == bare) {
            out.push(bare.to_owned());
        }
    }
    out
}

/// The words of a person's names in lower case, without Arabic particles ("Bashar al-Assad" →
/// "bashar", "assad").
pub fn words<'a>(names: impl Iterator<Item = &'a String>) -> Box<[String]> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        for word in name
            .split([' ', '-'])
            .filter(|w| !w.is_empty() && !is_particle(w))
        {
            let word = word.trim_end_matches('.').to_lowercase();
            if !out.contains(&word) {
                out.push(word);
            }
        }
    }
    out.into()
}

fn is_particle(word: &str) -> bool {
    lexicon::is_any_case(word, Classes::ARABIC_PARTICLE)
}

/// Splits "al-Assad" into ("al", "Assad") when the word starts with an Arabic particle.
fn split_particle(word: &str) -> Option<(&str, &str)> {
    let i = word.find(['-', ' '])?;
    let (particle, tail) = (&word[..i], &word[i + 1..]);
    (is_particle(particle) && tail.starts_with(char::is_uppercase)).then_some((particle, tail))
}

fn word_starts(name: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(name.match_indices(' ').map(|(i, _)| i + 1));
    starts
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Every spelling of every actor in a catalog from the `first` on, with its readings, sorted
/// by spelling: the automaton's patterns, in order.
pub(super) fn patterns(catalog: &Catalog, first: usize) -> Vec<(String, Vec<Reading>)> {
    // Every (spelling, reading) pair in the catalog's order, then grouped by a stable sort: a
    // spelling's readings keep the order they were met in, with no hashing of every spelling.
    let mut pairs: Vec<(String, Reading)> = Vec::new();
    for (actor, a) in catalog.actors().skip(first) {
        for name in std::iter::once(&a.name).chain(&a.aliases) {
            // "the Kremlin" is written "the Kremlin" and "Kremlin": the article is no part
            // of the name.
            let name = name.strip_prefix("the ").unwrap_or(name);
            for spelling in spellings(name) {
                let form = Form::Name;
                pairs.push((spelling, Reading { actor, form }));
            }
        }
        if a.kind == ActorKind::Person {
            if let Some(surname) = surname(&a.name, a.surname.as_deref()) {
                for spelling in surname_spellings(&surname) {
                    let form = Form::Surname;
                    pairs.push((spelling, Reading { actor, form }));
                }
            }
        }
        for metonym in &a.metonyms {
            let form = Form::Metonym;
            pairs.push((metonym.term.clone(), Reading { actor, form }));
        }
        for demonym in &a.demonyms {
            let form = Form::Demonym;
            pairs.push((demonym.clone(), Reading { actor, form }));
        }
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut patterns: Vec<(String, Vec<Reading>)> = Vec::new();
    for (spelling, reading) in pairs {
        match patterns.last_mut() {
            Some((last, readings)) if *last == spelling => {
                if !readings.contains(&reading) {
                    readings.push(reading);
                }
            }
            _ => patterns.push((spelling, vec![reading])),
        }
    }
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spellings of `name`, which hold every one of `want`.
    fn spells_all(name: &str, want: &[&str]) -> Vec<String> {
        let s = spellings(name);
        for want in want {
            assert!(s.contains(&(*want).to_owned()), "{want} missing from {s:?}");
        }
        s
    }

    #[test]
    fn arabic_particles_in_both_cases_and_joinings() {
        let s = spells_all(
            "Bashar al-Assad",
            &[
                "Bashar al-Assad",
                "Bashar Al-Assad",
                "Bashar al Assad",
                "Bashar Al Assad",
            ],
        );
        assert!(
            !s.contains(&"Bashar Assad".to_owned()),
            "a full name keeps its particle"
        );
    }

    #[test]
    fn hyphen_and_space_variants_of_given_names() {
        spells_all(
            "Abdul-Aziz Sager",
            &["Abdul-Aziz Sager", "Abdul Aziz Sager", "Abdulaziz Sager"],
        );
    }

    #[test]
    fn an_apostrophe_is_also_typeset() {
        spells_all(
            "Maarrat al-Nu'man",
            &[
                "Maarrat al-Nu'man",
                "Maarrat al-Nu’man",
                "Maarrat al Nu’man",
            ],
        );
    }

    #[test]
    fn surnames_with_particles() {
        assert_eq!(surname("Geir Pedersen", None).as_deref(), Some("Pedersen"));
        assert_eq!(
            surname("Staffan de Mistura", None).as_deref(),
            Some("de Mistura")
        );
        assert_eq!(
            surname("Bashar al-Assad", None).as_deref(),
            Some("al-Assad")
        );
        assert_eq!(surname("Erdoğan", None), None);
        assert_eq!(
            surname("Hassan K. Darwish Jr.", None).as_deref(),
            Some("Darwish")
        );
        assert_eq!(surname("Abdullah II", None).as_deref(), Some("II"));
        assert_eq!(
            surname("Recep Tayyip Erdoğan", Some("Erdoğan")).as_deref(),
            Some("Erdoğan")
        );
    }

    #[test]
    fn surname_spellings_drop_the_particle_and_capitalise() {
        let s = surname_spellings("al-Assad");
        for want in ["al-Assad", "Al-Assad", "al Assad", "Assad"] {
            assert!(s.contains(&want.to_owned()), "{want} missing from {s:?}");
        }
        let s = surname_spellings("de Mistura");
        assert!(s.contains(&"De Mistura".to_owned()), "{s:?}");
        assert!(!s.contains(&"Mistura".to_owned()), "{s:?}");
    }

    #[test]
    fn months_and_everyday_words_are_weak_surnames() {
        assert!(is_common_word("May"));
        assert!(!is_common_word("Pedersen"));
    }

    #[test]
    fn non_particles_are_left_alone() {
        // "Alan" starts with "al" but is not a particle; "As" alone is no particle either.
        assert_eq!(spellings("Alan Duncan"), vec!["Alan Duncan".to_owned()]);
        assert_eq!(spellings("Asma"), vec!["Asma".to_owned()]);
    }
}
