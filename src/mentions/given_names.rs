//! Given names standing for a person the article names in full: "Hillary" after "Hillary
//! Clinton", "Bashar" after "Bashar al-Assad". As for a surname, the article decides: only the
//! people it names in full are candidates, two of them with the same given name make it
//! ambiguous, and a given name alone never reaches into the catalog (too many people share one).

use std::ops::Range;

use super::{Form, Mention, Openings, Target};
use crate::catalog::ActorId;
use crate::grammar::{self, Pos};
use crate::lexicon::{self, Classes};
use crate::text::{char_at, char_before};

/// Words that open a written name and are no given name: "Abu" of a kunya, "Sheikh", "Mr".
const NO_GIVEN_NAME: Classes = Classes::NAME_PARTICLE
    .union(Classes::ARABIC_PARTICLE)
    .union(Classes::HONORIFIC)
    .union(Classes::ROLE_WORD)
    .union(Classes::ABBREVIATION);

/// Adds to `mentions` (in order, of `text`) each given name written alone that stands for a
/// person the article names in full. `name_words` (by actor) holds each person's name words in
/// lower case, and nothing for others. A surname the automaton read there is the given name
/// instead when the article names nobody of that surname in full: "Ahmed" after "Ahmed
/// al-Sharaa" is not a catalog Ahmed the article never names.
///
/// A given name opens with a capital and stands alone only where no letter or digit precedes
/// it, so it is looked for at `names` alone, the word starts where a name may open (in order):
/// a few in every hundred bytes, where a search through the text for each name read them all.
pub(super) fn add_references<'w>(
    text: &str,
    names: &Openings,
    mentions: &mut Vec<Mention>,
    name_words: impl Fn(ActorId) -> &'w [String],
) {
    let mut named: Vec<(&str, Vec<ActorId>)> = Vec::new();
    let mut in_full = Vec::new();
    // Whether each first word met is a given name: a person is named in full many times.
    let mut asked: Vec<(&str, bool)> = Vec::new();
    for m in mentions.iter() {
        let (Form::Name, Target::Actor(actor)) = (m.form, &m.target) else {
            continue;
        };
        if !in_full.contains(actor) {
            in_full.push(*actor);
        }
        let Some((given, _)) = text[m.range.clone()].split_once(' ') else {
            continue;
        };
        let bearers = named.iter_mut().find(|(g, _)| *g == given);
        if bearers
            .as_ref()
            .is_some_and(|(_, people)| people.contains(actor))
        {
            continue;
        }
        let is_given = match asked.iter().find(|(w, _)| *w == given) {
            Some(&(_, yes)) => yes,
            None => {
                let yes = is_given_name(given);
                asked.push((given, yes));
                yes
            }
        };
        if !is_given
            || !name_words(*actor)
                .iter()
                .any(|w| w.eq_ignore_ascii_case(given))
        {
            continue;
        }
        match bearers {
            Some((_, people)) => people.push(*actor),
            None => named.push((given, vec![*actor])),
        }
    }
    if named.is_empty() {
        return;
    }
    let named: Vec<(&str, Target)> = named
        .into_iter()
        .map(|(given, people)| match *people {
            [one] => (given, Target::Actor(one)),
            _ => (given, Target::Ambiguous(people.into())),
        })
        .collect();
    // Most capitals open none of them: their first bytes say so.
    let mut opens = [false; 256];
    for (given, _) in &named {
        opens[given.as_bytes()[0] as usize] = true;
    }
    // The names by their first two bytes (the second none for a name of one), each run in the
    // order of `named`: a capital is compared with the names that open like it alone, as most
    // capitals that share a name's first byte share none's second.
    let opening = |bytes: &[u8]| (bytes[0], bytes.get(1).copied());
    let mut by_opening: Vec<_> = (0..named.len())
        .map(|i| (opening(named[i].0.as_bytes()), i))
        .collect();
    by_opening.sort_unstable();
    let mut found = Vec::new();
    for at in names.iter() {
        let written = &text.as_bytes()[at..];
        if !opens[written[0] as usize] {
            continue;
        }
        let key = opening(written);
        let from = by_opening.partition_point(|&(k, _)| k < key);
        let same = by_opening[from..].iter().take_while(|&&(k, _)| k == key);
        for (given, target) in same.map(|&(_, i)| &named[i]) {
            if !written.starts_with(given.as_bytes()) {
                continue;
            }
            let range = at..at + given.len();
            let after = mentions.partition_point(|m| m.range.start < range.end);
            let covering = after
                .checked_sub(1)
                .filter(|&i| mentions[i].range.end > range.start);
            // Most are the given name inside the full name: asked no more.
            if let Some(m) = covering.map(|i| &mut mentions[i]) {
                let surname_of_nobody_named = m.range == range
                    && m.form == Form::Surname
                    && !m.target.candidates().iter().any(|a| in_full.contains(a));
                if surname_of_nobody_named && stands_alone(text, &range) {
                    m.target = target.clone();
                    m.form = Form::GivenName;
                }
                continue;
            }
            if stands_alone(text, &range) {
                found.push(Mention {
                    range,
                    target: target.clone(),
                    form: Form::GivenName,
                });
            }
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.range.start);
    }
}

/// A capitalised word of letters, no initial, acronym, particle or title; a common given name
/// ("Bill") or no English word ("Bernie"), not a word that opens an organisation's or a place's
/// name taken for a person's ("Senate Republicans", "Asian Studies").
fn is_given_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !lexicon::is_any_case(word, NO_GIVEN_NAME)
        && (lexicon::is_any_case(word, Classes::GIVEN_NAME) || !grammar::is_known_word(word))
}

/// Words before a capital that make it no person's given name: "the Taj", "a Muslim", "in
/// Orlando".
const NO_NAME_BEFORE: Classes = Classes::DETERMINER
    .union(Classes::DEFINITE)
    .union(Classes::INDEFINITE)
    .union(Classes::LOCATIVE);

/// Whether the given name at `range` is a whole word that stands for a person: no part of a
/// longer name (a capital after it, "Hillary Rodham", or a name word before it, "Mohammed
/// Bashar"), no
/// modifier of a noun ("Muslim voters"), and after no determiner or "in". At a sentence's start,
/// where every word is capitalised, it must also be no English word ("Mark", "Will" and "Bill"
/// there are more often words).
fn stands_alone(text: &str, range: &Range<usize>) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    if word_char(char_before(text, range.start)) || word_char(char_at(text, range.end)) {
        return false;
    }
    let given = &text[range.clone()];
    let after = &text[range.end..];
    let spaced = after.trim_start_matches(' ');
    if spaced.len() < after.len() {
        let next = spaced
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        if next.starts_with(char::is_uppercase) {
            return false;
        }
        if next.starts_with(char::is_lowercase)
            && matches!(grammar::tag_at(&[given, next], 1), Pos::Noun)
        {
            return false;
        }
    }
    let before = text[..range.start].trim_end_matches(' ');
    let opens_sentence = match before.chars().next_back() {
        None => true,
        Some(c) if c.is_alphanumeric() => {
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '.')
                .last()
                .map_or(0, |(i, _)| i);
            let previous = &before[start..];
            // A capital before: a name word ("Mohammed Bashar"), unless an English word
            // ("Later Bashar", "Senator Bernie") or an honorific ("Mr. Xi").
            let word = previous.trim_end_matches('.');
            let name_word =
                !grammar::is_known_word(word) && !lexicon::is_any_case(word, Classes::HONORIFIC);
            if previous.starts_with(char::is_uppercase) && name_word
                || lexicon::is_any_case(previous, NO_NAME_BEFORE)
            {
                return false;
            }
            false
        }
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | '\n' | '"' | '“' | '‘' | '(' | '—' | ':'
        ),
    };
    !opens_sentence || !grammar::is_known_word(given)
}
