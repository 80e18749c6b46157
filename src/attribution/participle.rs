//! Who speaks a participle or a gerund, which has no subject of its own: the subject of the
//! clause it hangs on or of the clause after it, who spoke just before it, the phrase after
//! "with" ("with Moscow insisting"), or whoever put out the document it describes.

use super::phrase::{after, is_article, is_filler, np_after, np_before};
use super::source::{is_cue_verb, opens_quotation, verb, Found};
use super::speaker::{adverbial, clause_subject};
use super::tokens::Sent;
use crate::lexicon::Classes;

/// The speaker of a participle or gerund `v` that hangs on the clause before `p`, its comma or
/// preposition: who spoke just before ("“…,” the mayor said on Monday, adding that …", "“…,”
/// the envoy continued, adding …"), else the clause's subject.
pub(super) fn participle_subject(s: &Sent, p: usize, v: usize) -> Option<Found> {
    let spoke = (p.saturating_sub(4)..p)
        .rev()
        .find(|&k| s.has(k, Classes::SPEECH_VERB) && is_cue_verb(s, k) || opens_quotation(s, k))
        .and_then(|k| verb(s, k));
    if let Some(f) = spoke {
        return Some(Found {
            cue: (v, v),
            verb: Some(v),
            content: after(s, v),
            ..f
        });
    }
    let np = clause_subject(s, 0, p)?;
    Some(Found::new(np, (v, v), Some(v), after(s, v)))
}

/// "The talks stalled, with Moscow insisting on …": after "with", a noun phrase and a participle
/// make a clause of their own (an absolute), whose subject the phrase is.
pub(super) fn with_subject(s: &Sent, v: usize) -> Option<Found> {
    let with = (v.saturating_sub(8)..v)
        .rev()
        .take_while(|&k| s.word(k))
        .find(|&k| s.is(k, "with"))?;
    // ("with all precincts reporting, …": a participle with nothing after it is no one's
    // statement. "with a key speaking slot": after a word that names nobody, a participle
    // the tagger does not read as a verb modifies the noun after it.)
    let says = |np: (usize, usize)| {
        v + 1 < s.len()
            && !matches!(s.text(v + 1), "," | "." | ";")
            && (s.capitalized(np.1) || s.names_people(np.1) || s.verb(v))
    };
    // ("with Moscow again insisting": an adverb may stand before the participle. "met with
    // reporters and made statements affirming …", "with savings to avoid adding …": a phrase
    // with a verb of its own is no subject.)
    let np = np_after(s, with + 1, true).filter(|np| {
        np.1 < v
            && (np.1 + 1..v).all(|k| is_filler(s, k))
            && (np.0..=np.1).all(|k| s.capitalized(k) || !s.verb(k))
    })?;
    says(np).then(|| Found::new(np, (v, v), Some(v), after(s, v)))
}

/// "After saying …, Haddad left", "Haddad, while insisting …, signed": a gerund's phrase with no
/// clause before it stands beside the subject of the clause it is part of, before it and set off
/// by a comma or after the phrase's closing comma. `p` is the preposition, or the gerund itself
/// when it opens the sentence ("Noting that …, Saleh blamed …").
pub(super) fn gerund_phrase_subject(s: &Sent, p: usize, v: usize) -> Option<Found> {
    // (The phrase ends at the comma after the gerund, or with the sentence.)
    let comma = (v + 1..s.len()).find(|&k| s.is(k, ","));
    let content = after(s, v).map(|(a, b)| (a, b.min(comma.unwrap_or(s.len()) - 1)));
    let opens = |k: usize| (0..k).all(|o| !s.word(o) || matches!(s.lower(o), "and" | "but"));
    if p >= 1 && s.is(p - 1, ",") {
        // ("Now, after arguing …": an adverb is no subject.)
        let np = np_before(s, p - 1).filter(|np| {
            opens(np.0)
                && !(np.0 == np.1 && (adverbial(s, np.0) || s.has(np.0, Classes::VERB_FILLER)))
        })?;
        return Some(Found::new(np, (v, v), Some(v), content));
    }
    if !opens(p) {
        return None;
    }
    // ("Defending that ground is …, said a handful of Democrats": a gerund that is a subject,
    // with a speaker inverted after it, is nobody's statement.)
    let np = clause_subject(s, comma? + 1, s.len()).filter(|np| !is_cue_verb(s, np.0))?;
    Some(Found::new(np, (v, v), Some(v), content))
}

/// "His office put out a statement saying …": a participle `v` right after a document that is
/// the clause's object says what the document says, and the clause's subject put it out. (A
/// document that is the subject, "A letter calling for …", has no author here; a cue verb before
/// it, "issued a statement saying", is the relation's cue already.)
pub(super) fn document_subject(s: &Sent, v: usize) -> Option<Found> {
    if v == 0 || !s.has(v - 1, Classes::DATA_NOUN) {
        return None;
    }
    // (The document's phrase starts at its determiner: "a press release", "its statement".)
    let start = (v.saturating_sub(5)..v - 1)
        .rev()
        .take_while(|&k| s.word(k))
        .find(|&k| is_article(s, k) || s.has(k, Classes::DETERMINER) || s.possessive(k))?;
    let before = start.checked_sub(1).filter(|&k| s.word(k))?;
    if is_cue_verb(s, before) {
        return None;
    }
    let np = clause_subject(s, 0, start)?;
    (np.1 < before).then(|| Found::new(np, (v, v), Some(v), after(s, v)))
}
