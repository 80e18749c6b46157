//! The introduction patterns over one sentence's words: a run of capitalised words cut to a
//! name, and what stands beside it that makes it a person's (a title before it, an apposition
//! after or before it, a verb of speech, a common given name, the surname used alone elsewhere
//! in the text as a person's).

use std::ops::Range;

use super::words::{Kind, Word, Words};
use super::{overlaps, Introduced};
use crate::lexicon::{self, Classes};
use crate::text::{char_at, char_before};

/// Introductions among the first `until` words of `words`, of names none of `known` overlaps.
pub(super) fn find_in_line<'a>(
    text: &'a str,
    words: &Words<'a>,
    until: usize,
    known: &[Range<usize>],
    surnames: &mut Surnames<'a>,
    found: &mut Vec<Introduced>,
) {
    let mut i = 0;
    while i < until {
        if !words.may_be_capital(i) || words[i].kind != Kind::Capital {
            i += 1;
            continue;
        }
        // The run of name words from i, to the first punctuation between words.
        let mut end = i + 1;
        while end < until && !separated(words, end - 1) && words[end].kind != Kind::Other {
            end += 1;
        }
        let next = end;
        while matches!(words[end - 1].kind, Kind::Joiner | Kind::Initial) {
            end -= 1;
        }
        if let Some(intro) = person(text, words, known, i, end, surnames) {
            found.push(intro);
        }
        i = next;
    }
}

/// Does punctuation (or a possessive) separate word `k` from the next?
fn separated(words: &Words, k: usize) -> bool {
    boundary(words, k) || words[k].possessive
}

/// Does a phrase end after word `k`: a comma, a quote, a sentence's end, a dash?
fn boundary(words: &Words, k: usize) -> bool {
    words[k].closes || words[k].stop || words.get(k + 1).is_some_and(|w| w.opens)
}

/// The person named by the run of name words `run..end`, if a role stands beside the name and
/// none of `known` overlaps it.
fn person<'a>(
    text: &'a str,
    words: &Words<'a>,
    known: &[Range<usize>],
    run: usize,
    end: usize,
    surnames: &mut Surnames<'a>,
) -> Option<Introduced> {
    // Most runs are one capitalised word (a sentence's first, a place): no name, and no need
    // to look the words up.
    if words
        .iter(run..end)
        .filter(|w| !matches!(w.kind, Kind::Joiner | Kind::Initial))
        .count()
        < 2
    {
        return None;
    }
    // The name is what follows the run's last word that no name contains ("Foreign Minister
    // Karim Haddad", "Syrian Business Council head"), starting with a capitalised word.
    let mut start = (run..end)
        .rev()
        .find(|&k| words[k].kind == Kind::Capital && words[k].splits_names())
        .map_or(run, |k| k + 1);
    while start < end && words[start].kind != Kind::Capital {
        start += 1;
    }
    // "Shopkeeper Ahmed Assad said": a sentence's first word, capitalised as such, may be a
    // noun made for people before a name of two words or more, whose first word may be a given
    // name ("Justice Against Sponsors of Terrorism Act" is no person's).
    if start + 2 < end
        && (start == 0 || boundary(words, start - 1))
        && words[start].opens_with_person_noun()
        && given_name(words[start + 1].core)
    {
        start += 1;
    }
    // "South Carolina", "San Diego": a place, whatever stands beside it ("Hilton Head, South
    // Carolina, who …").
    if start < end && words[start].opens_place() {
        return None;
    }
    let capitals = words
        .iter(start..end)
        .filter(|w| !matches!(w.kind, Kind::Joiner | Kind::Initial))
        .count();
    if !(2..=4).contains(&capitals) {
        return None;
    }
    // "John G. Roberts Jr.": the suffix follows the name and is no surname; the role stands
    // beside the two together.
    let (name_end, capitals) = match capitals >= 3 && words[end - 1].is_name_suffix() {
        true => (end - 1, capitals - 1),
        false => (end, capitals),
    };
    let last = &words[name_end - 1];
    // "his son Donald Jr.": a given name and a suffix, no surname.
    if last.is_name_suffix() {
        return None;
    }
    let name = words[start].start..last.core_end();
    // A name the catalog knows is no introduction, whatever stands beside it: told before the
    // role and the surname's other uses are looked for. Nor is a group's ("House Democrats").
    if overlaps(known, &name) || last.is_group_plural() {
        return None;
    }
    // Titles that are no role ("Dr", "Mr.") stand between the name and its role.
    let mut before = start;
    while before > 0 && !boundary(words, before - 1) && words[before - 1].is_title() {
        before -= 1;
    }
    let surname_start = match name_end - start {
        n if n >= 3 && words[name_end - 2].kind == Kind::Joiner => words[name_end - 2].start,
        _ => last.start,
    };
    let surname = &text[surname_start..last.core_end()];
    let role = title(words, before)
        .or_else(|| apposition_after(words, end))
        .or_else(|| apposition_before(words, before, end));
    let role = match role {
        Some(role) => {
            let role_end = words[role.end - 1].end + usize::from(words[role.end - 1].dot);
            text[words[role.start].start..role_end].to_owned()
        }
        // A name with no role: one that opens with a common given name, else one that speaks
        // right beside a verb of speech or whose surname the text uses alone as a person's (the
        // search through the text asked last: the tagger's look-up costs less, and turns most
        // pairs of capitals away). (A given name is no adjective, verb or function word in lower
        // case: "Poor Mexico", "Fifth Amendment", "Islamic Holiday" are no names.)
        None if (!after_place_preposition(words, before) || last.possessive)
            && (named_in_full(words, start, name_end, capitals)
                || given_name(words[start].core)
                    && (speaker(words, before, end)
                        || surnames.referred_to(text, surname, &name))) =>
        {
            String::new()
        }
        None => return None,
    };
    Some(Introduced {
        name,
        role,
        surname: surname.to_owned(),
    })
}

/// "a camp at Ain Issa", "near Tal Abyad": a preposition of place (a locative the tagger, on
/// its own, reads as no verb: not "visited") right before a name that the text gives no role
/// makes it a place's, unless the name is a possessive ("in Peter Burrows's book").
fn after_place_preposition(words: &Words, at: usize) -> bool {
    at > 0
        && !boundary(words, at - 1)
        && lexicon::is_any_case(words[at - 1].core, Classes::LOCATIVE)
        && !crate::grammar::tag_word(words[at - 1].core).verb()
}

/// "Paul Ryan", "Mary J. Blige": a common given name and a surname, `capitals` words of
/// `start..end`, are a person's name with no role and no second mention. (Not before a word of
/// a body or a place: "Rose Garden", "Mark Twain Library".)
fn named_in_full(words: &Words, start: usize, end: usize, capitals: usize) -> bool {
    (2..=3).contains(&capitals)
        && words[end - 1].kind == Kind::Capital
        && lexicon::is_any_case(words[start].core, Classes::GIVEN_NAME)
        // (No word after the given name that the lexicon knows: "Kent County Republican",
        // "Lindsey Graham Says".)
        && words.iter(start + 1..end).all(|w| {
            // (A noun for people is a surname too: "Tim Cook", "Colleen Deacon".)
            let surname = Classes::GIVEN_NAME | Classes::COMMON_SURNAME | Classes::PERSON_NOUN;
            lexicon::classes_any_case(w.core).without(surname) == Classes::NONE
        })
        && !words
            .get(end)
            .is_some_and(|w| w.kind == Kind::Capital && w.splits_names())
}

/// Whether the name at `start..end` (its titles from `start` on) is the speaker of a verb of
/// speech right beside it, as news names a person and not a body or a place: "…,” said Dana
/// Whitfield, a retiree", "said Dana Whitfield of the union", "Dana Whitfield said". The name
/// stands alone as the phrase: the clause's first words before the verb, the verb's last after.
fn speaker(words: &Words, start: usize, end: usize) -> bool {
    let phrase_ends = end == words.len()
        || boundary(words, end - 1)
        || words[end].continues_role() && !words[end].is_proper();
    let said_before = start > 0 && !boundary(words, start - 1) && words[start - 1].is_speech_verb();
    // ("Dana Whitfield, 41, said": an age may stand between.)
    let verb_after = match words.get(end) {
        Some(age) if age.is_age() && age.comma && words[end - 1].comma => end + 1,
        _ if boundary(words, end - 1) => return said_before && phrase_ends,
        _ => end,
    };
    let said_after = (start == 0 || boundary(words, start - 1))
        && words.get(verb_after).is_some_and(Word::is_speech_verb);
    said_before && phrase_ends || said_after
}

/// Whether a capitalised word may be a given name: in lower case it reads as a noun or a name
/// ("keith", "mark"), not as an adjective, a verb or a function word ("poor", "say", "the").
fn given_name(word: &str) -> bool {
    use crate::grammar::{tag_word, Pos};
    matches!(
        tag_word(&word.to_lowercase()),
        Pos::Noun | Pos::ProperNoun | Pos::ProperPlural
    )
}

/// Where a text uses each surname alone the way news writes a person's — after a title of
/// address ("Mr. Ryan", "Dr Haddad") or as the speaker of a verb of speech ("Ryan said", "said
/// Ryan"): "… Paul Ryan … Mr. Ryan said …". A name so used is a person's even where the text
/// gives no role; a place or a company is not written so. Each surname is searched for once per
/// text, as a text names its people again and again without a role ("Karim Haddad" in one
/// paragraph, again in the next).
#[derive(Default)]
pub(super) struct Surnames<'a>(rustc_hash::FxHashMap<&'a str, Vec<usize>>);

impl<'a> Surnames<'a> {
    /// Whether `text` uses `surname` so outside the full name at `name`, the text these
    /// surnames are of.
    fn referred_to(&mut self, text: &'a str, surname: &'a str, name: &Range<usize>) -> bool {
        let uses = self
            .0
            .entry(surname)
            .or_insert_with(|| uses_as_a_person(text, surname));
        uses.iter().any(|&at| !(name.start <= at && at < name.end))
    }
}

/// Where `text` uses `surname` alone as a person's: see [`Surnames`].
fn uses_as_a_person(text: &str, surname: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let alone = |at: usize| {
        let end = at + surname.len();
        !char_before(text, at).is_some_and(char::is_alphanumeric)
            && !char_at(text, end).is_some_and(char::is_alphanumeric)
    };
    let word_before = |at: usize| {
        let head = text[..at].trim_end();
        let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        (head.len() < at).then_some(word)
    };
    let word_after = |end: usize| {
        let rest = text[end..]
            .strip_prefix("’s")
            .or(text[end..].strip_prefix("'s"));
        let rest = rest.unwrap_or(&text[end..]);
        let tail = rest.trim_start();
        (tail.len() < rest.len()).then(|| {
            tail.split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
        })
    };
    let speech = |w: &str| lexicon::is(w, Classes::SPEECH_VERB);
    // Alone as a name too: no capitalised word right before or after it ("said Republican Sen.
    // …", "Kent County Republican said" are no surnames).
    // (A word that ends its sentence or clause stands apart: "… Omar Kayali. Kayali said".)
    let capital = |w: Option<&str>| {
        w.is_some_and(|w| {
            w.starts_with(char::is_uppercase) && w.ends_with(|c: char| c.is_alphanumeric())
        })
    };
    memchr::memmem::find_iter(bytes, surname.as_bytes())
        .filter(|&at| alone(at))
        .filter(|&at| {
            let (before, after) = (word_before(at), word_after(at + surname.len()));
            before
                .is_some_and(|w| lexicon::is_any_case(w.trim_end_matches('.'), Classes::HONORIFIC))
                || before.is_some_and(speech) && !capital(after)
                || after.is_some_and(speech) && !capital(before)
        })
        .collect()
}

/// A role written as a title just before the name, without a comma: "businessman Karim
/// Haddad", "Foreign Minister Karim Haddad", "Syrian Business Council head Karim Haddad",
/// "the adviser to the Syrian Negotiations Commission Karim Haddad". Between the role word and
/// the name only capitalised words, "of", "to", "for", determiners and modifiers.
fn title(words: &Words, name: usize) -> Option<Range<usize>> {
    if name == 0 || boundary(words, name - 1) {
        return None;
    }
    let next = &words[name - 1];
    if next.is_connector() || next.is_determiner() {
        return None;
    }
    let mut k = name - 1;
    let role = loop {
        let w = &words[k];
        // (A noun made for people only just before the name: "the fisherman Lars Jensen",
        // capitalised only as its phrase's first word, before what may be a given name:
        // "Shopkeeper Ahmed Assad", not "“Justice Against Sponsors of Terrorism Act”".)
        let person_noun = || match k == 0 || boundary(words, k - 1) {
            true => w.opens_with_person_noun() && given_name(words[name].core),
            false => w.is_person_noun(),
        };
        if w.is_role() || k + 1 == name && person_noun() {
            break k;
        }
        let complement = w.is_connector() || w.is_determiner() || w.is_modifier() || w.is_proper();
        if !complement || name - k > 6 || k == 0 || boundary(words, k - 1) {
            return None;
        }
        k -= 1;
    };
    Some(extend_left(words, role, 0)..name)
}

/// A role in apposition after the name, or a description of the person: "Layla Nasser,
/// President of the Syrian Business Council,", "Karim Haddad, a businessman close to the
/// government,", "Lars Jensen, 54, a fisherman,". The phrase runs, after an age, to the next
/// comma, bracket or quote, or the sentence's end; a description of a person may run on
/// further, and is then read to its noun ("Lars Jensen, a fisherman who has worked these
/// waters since the sixties and his father before him, said").
fn apposition_after(words: &Words, name_end: usize) -> Option<Range<usize>> {
    let last = &words[name_end - 1];
    if !last.comma || last.possessive || last.stop {
        return None;
    }
    let from = match words.get(name_end) {
        Some(age) if age.is_age() && age.comma => name_end + 1,
        _ => name_end,
    };
    let until = words.len().min(from + 12);
    let end = (from..until)
        .find_map(|k| match words[k] {
            // (A bracket or quote inside starts another phrase: "(UNHCR)".)
            ref w if k > from && w.opens => Some(k),
            ref w if w.closes || w.stop => Some(k + 1),
            _ => None,
        })
        .or((words.len() <= from + 12).then_some(until));
    if let Some(end) = end.filter(|&end| is_role_phrase(words, &(from..end))) {
        return Some(from..end);
    }
    let head = described_person(words, from, end.unwrap_or(until))?;
    Some(from..end.unwrap_or(head + 1))
}

/// Whether the apposition `phrase` gives a role: its first role word comes after words of a
/// role only and is followed by the phrase's end or a word that continues a role ("of",
/// "close", "who").
fn is_role_phrase(words: &Words, phrase: &Range<usize>) -> bool {
    let Some(first) = words.iter(phrase.clone()).position(Word::is_role) else {
        return false;
    };
    let from = phrase.start;
    if words
        .iter(from..from + first)
        .any(|w| !leads_to_role(w) || w.is_connector())
    {
        return false;
    }
    // The phrase's word `k`, if it has one.
    let at = |k: usize| (k < phrase.len()).then(|| &words[from + k]);
    let mut role = first;
    while at(role + 1).is_some_and(Word::is_role) {
        role += 1;
    }
    at(role + 1).is_none_or(Word::continues_role)
}

/// The noun of the apposition from `from` (to `end` at most) when it describes a person by what
/// they do or are: "a fisherman", "the mother of three", "a retired pharmacist from Hama", "a
/// displaced widow who …", "a teacher turned activist". A determiner, words that may modify a
/// noun, then a noun made for people that ends the phrase or is followed by a word that
/// continues a role or by a verb. "An oil producer", "a city of …" describe no one.
fn described_person(words: &Words, from: usize, end: usize) -> Option<usize> {
    if from >= end || !words[from].is_determiner() {
        return None;
    }
    for k in from + 1..end.min(from + 7) {
        let w = &words[k];
        // (A verb after the noun only where a comma closes the phrase: in "Against Clinton,
        // the Ohio governor earned 51 percent" the phrase is the sentence's subject.)
        let follows =
            |next: &Word| next.continues_role() || words[end - 1].comma && next.follows_a_head();
        if w.heads_a_description() && (k + 1 == end || words.get(k + 1).is_none_or(follows)) {
            return Some(k);
        }
        if !w.may_modify_a_noun() {
            return None;
        }
    }
    None
}

/// A role in apposition before the name, which the comma after the name (or the sentence's
/// end) closes: "Former Lebanese minister of finance, Karim Haddad, says", "the head of the
/// negotiating body, Samir Haddad, warned". The role phrase is the end of the clause before
/// the comma, from its last role word that ends the clause or is followed by "of", "to", …
/// with the words of a role before it. A clause that describes something else ("…, a body
/// close to the government,") is passed over to the one before it.
fn apposition_before(words: &Words, name: usize, name_end: usize) -> Option<Range<usize>> {
    let last = &words[name_end - 1];
    let closed = !last.possessive && (last.closes || last.stop || name_end == words.len());
    if !closed || name == 0 || !words[name - 1].comma {
        return None;
    }
    let mut clause_end = name;
    for _ in 0..2 {
        let mut from = clause_end - 1;
        while from > 0 && !words[from].opens && !boundary(words, from - 1) && clause_end - from < 12
        {
            from -= 1;
        }
        let role = (from..clause_end).rev().find(|&k| {
            words[k].is_role() && (k + 1 == clause_end || words[k + 1].continues_role())
        });
        if let Some(role) = role {
            let start = extend_left(words, role, from);
            return (clause_end - start >= 2).then_some(start..clause_end);
        }
        // "…, a body close to the government, Name": the role may be in the clause before.
        let described = ["a", "an"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(words[from].core));
        if !described || from == 0 || !words[from - 1].comma {
            return None;
        }
        clause_end = from;
    }
    None
}

/// Words that may stand before a role word in its phrase: determiners, "of", "to", "for",
/// other role words, modifiers ("former", "finance") and capitalised words ("Lebanese",
/// "UN", "Russia’s"); not a capitalised function word ("Then businessman …").
fn leads_to_role(w: &Word) -> bool {
    w.is_determiner()
        || (!w.is_sentence_word()
            && (w.is_connector() || w.is_role() || w.is_modifier() || w.is_proper()))
}

/// The first word of the role phrase whose role word is `role`: back over the words that lead
/// to a role, no further than `floor` or punctuation, without a leading "of", "to" or "for".
fn extend_left(words: &Words, role: usize, floor: usize) -> usize {
    let mut start = role;
    while start > floor
        && role - start < 12
        && !boundary(words, start - 1)
        && leads_to_role(&words[start - 1])
    {
        start -= 1;
    }
    while start < role && words[start].is_connector() {
        start += 1;
    }
    start
}
