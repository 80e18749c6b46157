//! A view held as a state or a feeling caused: "aides were wary", "some remained skeptical",
//! "the envoy made clear that …"; "the raid angered many residents". The one who holds it is the
//! subject of the state, or the object of the verb that caused the feeling.

use super::phrase::{before, is_filler, np_after};
use super::source::Found;
use super::speaker::{apposed_subject, subject_of};
use super::tokens::Sent;
use crate::lexicon::{self, Classes};

/// A stance adjective at `i` after "be" and its auxiliaries ("aides were also complimentary",
/// "business leaders have been unsettled by"): its subject holds the stance.
pub(super) fn stance_adjective(s: &Sent, i: usize) -> Option<Found> {
    // "Some remained skeptical", "officials seem unconvinced": a linking verb is "be" here.
    const LINKS: Classes = Classes::BE.union(Classes::LINKING_VERB);
    // "The road was clear" is no one's view; "the envoy was clear that …", "some Republicans
    // made clear that …" state one.
    let clear = matches!(s.lower(i), "clear" | "plain");
    if clear && !s.is(i + 1, "that") {
        return None;
    }
    // "He is sure to lose": what is likely, not what he holds.
    if s.is(i, "sure") && s.is(i + 1, "to") {
        return None;
    }
    // ("made it clear that …": the "it" standing for the clause after.)
    let make = |k: usize| matches!(s.lower(k), "make" | "makes" | "made" | "making");
    let made = if !clear || i == 0 {
        None
    } else if make(i - 1) {
        Some(i - 1)
    } else {
        (i >= 2 && s.is(i - 1, "it") && make(i - 2)).then(|| i - 2)
    };
    let made_clear = made.is_some();
    let mut j = made.unwrap_or(i);
    while j > 0
        && s.word(j - 1)
        && (is_filler(s, j - 1) || lexicon::grades(s.lower(j - 1)) || s.has(j - 1, LINKS))
    {
        j -= 1;
    }
    if !made_clear && !(j..i).any(|k| s.has(k, LINKS)) {
        return None;
    }
    // "It is doubtful that …", "but it became clear that …": opening its clause, "it" stands
    // for the clause that follows, and no one holds the view. ("The ministry said it was
    // confident": after a verb, "it" is the ministry.)
    let opens_clause = |k: usize| k == 0 || !s.word(k - 1) || s.has(k - 1, Classes::CLAUSE_WORD);
    if j > 0 && s.is(j - 1, "it") && opens_clause(j - 1) {
        return None;
    }
    // "some Republicans, including Senator Lamar Alexander, were willing"
    if j >= 1 && s.is(j - 1, ",") {
        apposed_subject(s, j - 1, j, i)
    } else {
        subject_of(s, j, i)
    }
}

/// "That worries environmentalists", "the raid angered many residents": a verb at `v` whose
/// object feels, and so holds the stance. Not after "be" ("residents were angered"), where the
/// subject feels, and only an object that can feel: people, a name, a pronoun.
pub(super) fn felt_by(s: &Sent, v: usize) -> Option<Found> {
    // ("groups worried that …", "worried about": the subject feels, a view or a stance.)
    if v == 0
        || !s.word(v - 1)
        || s.has(v - 1, Classes::BE)
        || s.capitalized(v)
        || s.has(v + 1, Classes::CLAUSE_WORD | Classes::POSTMODIFIER)
        || s.is(v + 1, "about")
    {
        return None;
    }
    let mut np = np_after(s, v + 1, true)?;
    // "The leak so annoyed diplomats that they left": what the feeling led to, no part of who
    // felt it.
    if let Some(that) = (np.0 + 1..=np.1).find(|&k| s.is(k, "that")) {
        np.1 = that - 1;
    }
    // ("he worries the militias would fill the gap": a clause of its own follows, whose subject
    // is no object; the verb's subject feels.)
    // ("What worries them is …": "is" is the clause's own verb.)
    if s.has(np.1 + 1, Classes::MODAL)
        || s.has(np.1 + 1, Classes::BE) && s.has(v - 1, Classes::SUBJECT_PRONOUN)
    {
        return None;
    }
    let feels = (np.0..=np.1).any(|k| {
        s.capitalized(k) || s.has(k, Classes::PRONOUN | Classes::QUANTIFIER) || s.names_people(k)
    });
    feels.then(|| Found::new(np, (v, v), Some(v), before(s, v)))
}
