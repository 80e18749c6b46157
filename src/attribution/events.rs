//! A cue verb that states nothing where it stands: an act or an event ("Damascus agreed to
//! attend", "the envoy spoke to reporters"), a reason for anonymity ("asked not to be named"), a
//! participle that names or describes a thing ("a company called Harmony", "a poll released in
//! August found", "a group known as"), finding no fact ("found himself", "found a way"), or
//! "back" as an adverb.

use super::phrase::{is_filler, is_quote};
use super::source::is_cue_verb;
use super::speaker::{agent_participle, participle_after_document, reduced_relative};
use super::tokens::Sent;
use crate::lexicon::Classes;

/// Whether the cue verb at `v`, its auxiliaries and adverbs from `j`, states nothing.
pub(super) fn states_nothing(s: &Sent, j: usize, v: usize) -> bool {
    let w = s.lower(v);
    // "the participants agreed that …" is a view; ("analysts agreed it was …": a clause with its
    // own subject follows.)
    let views = |k: usize| {
        s.is(k, "that")
            || s.is(k, "with")
            || s.is(k, "on")
            || !s.word(k)
            || s.has(k, Classes::SUBJECT_PRONOUN) && !s.is(k, "who")
    };
    // (A participle with no auxiliary before it may modify a noun.)
    let bare = j == v;
    w.starts_with("agree") && !views(v + 1)
        || matches!(w, "speak" | "speaks" | "spoke" | "spoken" | "speaking") && !spoke_of(s, v)
        || s.is(v + 1, "not") && s.is(v + 2, "to")
        // ("asked that their names be withheld": a reason for anonymity, like "asked not to".)
        || s.is(v + 1, "that") && s.has(v + 2, Classes::POSSESSIVE) && withheld_name(s, v + 3)
        || bare && names_a_thing(s, v)
        || bare && describes_its_noun(s, v)
        // "Rebels backed by Ankara said …": the participle tells which rebels.
        || bare && agent_participle(s, v)
        // "a group known as", "an option seen by its backers as": never a past tense.
        || bare && matches!(w, "known" | "seen")
        || w == "back" && back_is_an_adverb(s, v)
        || (w.starts_with("find") || w == "found") && finds_no_fact(s, v)
        || w.starts_with("add") && adds_to_a_thing(s, v)
}

/// Whether the words from `k` are a name or an identity kept back: "names be withheld",
/// "identity not be disclosed".
fn withheld_name(s: &Sent, k: usize) -> bool {
    matches!(s.lower(k), "name" | "names" | "identity" | "identities")
        && (k + 1..(k + 4).min(s.len())).any(|j| {
            matches!(
                s.lower(j),
                "withheld" | "disclosed" | "published" | "used" | "given"
            )
        })
}

/// "adding to his lead", "added to the uncertainty": adding to a thing is no statement, as adding
/// something to somebody is ("added to reporters", "added to CNN", "“…,” he added to the crowd").
fn adds_to_a_thing(s: &Sent, v: usize) -> bool {
    s.is(v + 1, "to") && !s.quoting && !s.capitalized(v + 2) && !s.names_people(v + 2)
}

/// "Obama found himself in an awkward position", "she found a way", "he helped found the
/// movement": finding at `v` oneself somewhere, a way or a thing, or founding one, is no finding
/// of a fact.
fn finds_no_fact(s: &Sent, v: usize) -> bool {
    let object = s.lower(v + 1);
    // ("you'll find a collection of papers", "could find some other way": someone finding a
    // thing; a poll's finding is "finds", and a view has its adjective after the object, "may
    // find Haddad convincing".)
    let a_thing = s.is(v, "find")
        && s.has(v + 1, Classes::INDEFINITE | Classes::QUANTIFIER)
        && !s.is(v + 1, "no");
    a_thing
        || object.ends_with("self")
        || object.ends_with("selves")
        || matches!(object, "way" | "ways")
        || matches!(object, "a" | "an") && s.is(v + 2, "way")
        || s.is(v, "found") && v > 0 && s.lower(v - 1).starts_with("help")
}

/// Whether what the speaking verb at `v` was about follows it: "spoke about the deal", "spoke
/// highly of him", "spoke out", "spoke on condition of anonymity", "spoke to CNN about it",
/// "spoke: “…”", "spoke at length. “…”". ("Trump spoke to the gathering", "she spoke for 30
/// minutes": an event.)
fn spoke_of(s: &Sent, v: usize) -> bool {
    // ("for about 30 minutes": "about" before a number is no topic's.)
    let about = |j: usize| s.is(j, "about") && !s.number(j + 1);
    let mut k = v + 1;
    while s.word(k) && is_filler(s, k) {
        k += 1;
    }
    if matches!(s.lower(k), "of" | "on" | "out")
        || about(k)
        || s.is(k, ":")
        || is_quote(s.text(k))
        || s.quotation_follows()
    {
        return true;
    }
    (k..(k + 8).min(s.len()))
        .take_while(|&j| s.word(j) && !s.has(j, Classes::CLAUSE_WORD))
        .any(about)
}

/// "a company called Harmony", "a new show called “Brokers”": a participle at `v` naming a thing
/// just introduced. ("the letter called Oz a quack": the letter did.)
fn names_a_thing(s: &Sent, v: usize) -> bool {
    s.is(v, "called")
        && v > 0
        && s.word(v - 1)
        && !s.capitalized(v - 1)
        && !s.has(
            v - 1,
            Classes::PRONOUN | Classes::CLAUSE_WORD | Classes::ROLE_WORD,
        )
        && !s.names_people(v - 1)
        && (v.saturating_sub(3)..v - 1).any(|k| s.is(k, "a") || s.is(k, "an"))
        && (s.capitalized(v + 1) || is_quote(s.text(v + 1)))
}

/// "A poll released in August found that …", "a diplomat briefed on the talks said": the
/// participle at `v` says which poll or diplomat; the verb after it is the cue.
fn describes_its_noun(s: &Sent, v: usize) -> bool {
    // (The cue verbs after it are read only after a document or before a preposition: most
    // participles have none.)
    (participle_after_document(s, v) || s.opens_postmodifier(v + 1))
        && (v + 2..(v + 9).min(s.len()))
            .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD))
            .any(|k| is_cue_verb(s, k) && reduced_relative(s, k) == Some(v))
}

/// "then takes it back.", "knock him back": with no object after it, or after one, "back" at `v`
/// is an adverb, no one's support.
fn back_is_an_adverb(s: &Sent, v: usize) -> bool {
    // ("him", "them", "it": an object pronoun, not "who" nor "those".)
    let object = |k: usize| {
        s.is(k, "it")
            || s.has(k, Classes::PRONOUN)
                && !s.has(
                    k,
                    Classes::SUBJECT_PRONOUN | Classes::CLAUSE_WORD | Classes::DETERMINER,
                )
    };
    !s.word(v + 1) || v > 0 && object(v - 1)
}
