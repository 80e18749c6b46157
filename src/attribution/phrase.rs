//! The spans a parse reads around a cue: a speaker's noun phrase before or after it, where that
//! phrase's core begins, and what the speaker is said to say, before or after the cue.

use super::source::is_cue_verb;
use super::tokens::Sent;
use crate::grammar::Pos;
use crate::lexicon::Classes;

/// Words a speaker's noun phrase may hold at most.
const MAX_NP: usize = 12;

/// The noun phrase ending right before token `end`, read backwards to a clause's edge; for an
/// unnamed or vague speaker, from its determiner or quantifier on ("Talks stalled as Western
/// diplomats said": "Western diplomats", not every word before the verb).
pub(super) fn np_before(s: &Sent, end: usize) -> Option<(usize, usize)> {
    // "In a speech in Amman he said": a pronoun right before the cue is the subject.
    if end > 0 && s.has(end - 1, Classes::SUBJECT_PRONOUN) {
        return Some((end - 1, end - 1));
    }
    let mut first = end;
    while first > 0 && end - first < MAX_NP {
        let k = first - 1;
        // "Rep. Elijah E. Cummings (D-Md.) said": a parenthesis inside the phrase is skipped.
        if s.is(k, ")") {
            match (k.saturating_sub(8)..k).rev().find(|&o| s.is(o, "(")) {
                Some(open) if open > 0 => {
                    first = open;
                    continue;
                }
                _ => break,
            }
        }
        // "42% say", "only 52% of voters said": a share's sign is part of it (which opens
        // the phrase: "compared to 11% of Democratic claims" is no subject).
        let opens_share = |n: usize| n == 0 || !s.word(n - 1) || before_figure(s, n - 1);
        if s.is(k, "%") && k > 0 && s.word(k - 1) && opens_share(k - 1) {
            first -= 1;
            continue;
        }
        if joins(s, k) {
            first -= 1;
            continue;
        }
        if !s.word(k) {
            break;
        }
        if s.is(k, "and") || s.is(k, "or") {
            // "Regulators and environmental groups worried": a coordination of nouns goes on.
            let nominal =
                k >= 1 && s.word(k - 1) && !s.has(k - 1, Classes::CLAUSE_WORD | Classes::CUE_VERB);
            // ("The envoy and his aides said": a role, as a name, heads the first member.)
            let group = k >= 1
                && (s.capitalized(k - 1)
                    || s.has(
                        k - 1,
                        Classes::VAGUE_HEAD | Classes::ANONYMOUS_HEAD | Classes::ROLE_WORD,
                    )
                    || crate::lexicon::has_person_ending(s.lower(k - 1)));
            // "progressive and Muslim organizations", "federal and state officials": two
            // modifiers of one noun, the first opening the phrase. ("The town was quiet and
            // local leaders said": an adjective after a verb is no modifier.)
            let modifiers = || {
                k >= 1
                    && k + 2 < end
                    && s.word(k + 1)
                    && !s.has(
                        k + 1,
                        Classes::DETERMINER
                            | Classes::QUANTIFIER
                            | Classes::NUMBER
                            | Classes::PRONOUN,
                    )
                    && (k < 2
                        || !s.word(k - 2)
                        || s.has(
                            k - 2,
                            Classes::DETERMINER | Classes::QUANTIFIER | Classes::NUMBER,
                        )
                        || s.possessive(k - 2))
                    && s.pos(k - 1) == Pos::Adjective
            };
            if !(nominal && (group || modifiers())) {
                break;
            }
        } else if s.has(k, Classes::CLAUSE_WORD) && !where_inside(s, k, end)
            || is_cue_verb(s, k) && !s.has(k, Classes::POSTMODIFIER)
            // "not paying an architect who said", "likely to placate nervous Democrats, who
            // have argued": a verb taking the phrase as its object.
            || s.lower(k).ends_with("ing") && is_article(s, k + 1) && !s.capitalized(k)
            || s.is(k, "to")
                && k + 1 < end
                && !s.capitalized(k + 1)
                && s.verb_pos(k + 1) == Pos::NonFinite
        {
            break;
        }
        first -= 1;
    }
    if first == end {
        return None;
    }
    // "Then someone asked", "But officials said": an adverb or a conjunction opens the clause,
    // not the phrase.
    while first + 1 < end && s.has(first, Classes::VERB_FILLER | Classes::CLAUSE_WORD) {
        first += 1;
    }
    let start = share_start(s, first, core_start(s, first, end - 1));
    let start = if in_participles_phrase(s, first, start, end) {
        first
    } else {
        start
    };
    // "At Monday's presidential debate": a preposition's phrase, no subject. ("In 2011 no one
    // could have": unless somebody stands after it.)
    let prepositional = s.has(start, Classes::POSTMODIFIER) && !s.is(start, "who");
    if prepositional {
        let nobody = (start + 1..end)
            .find(|&k| s.has(k, Classes::VAGUE_PRONOUN) || s.is(k, "no") && s.is(k + 1, "one"))?;
        return Some(trim_tail(s, (nobody, end - 1)));
    }
    let np = trim_tail(s, (start, end - 1));
    (!is_when(s, np.0, np.1)).then_some(np)
}

/// Whether "where" at `k` opens a relative clause inside the phrase before the cue at `end`, a
/// verb of its own before the cue ("Residents of towns where the shells fell have said"), not the
/// clause the cue is in ("a village where her uncle described").
fn where_inside(s: &Sent, k: usize, end: usize) -> bool {
    s.is(k, "where") && (k + 1..end).any(|j| s.word(j) && !s.capitalized(j) && s.verb(j))
}

/// The noun phrase starting at token `start`, read forwards to a clause's edge. `lists`: a
/// coordination ("Western and regional diplomats") goes on after "and".
pub(super) fn np_after(s: &Sent, start: usize, lists: bool) -> Option<(usize, usize)> {
    let mut last = start;
    while last < s.len() && last - start < MAX_NP {
        if joins(s, last) {
            last += 1;
            continue;
        }
        if !s.word(last) || s.is(last, "who") || s.is(last, "which") {
            break;
        }
        let coordination = lists
            && (s.is(last, "and") || s.is(last, "or"))
            && last > start
            && s.word(last + 1)
            && !s.has(last + 1, Classes::CLAUSE_WORD);
        // "fellow clerics for backing the amnesty", "rights groups within hours": what they did
        // and when, not who they are.
        let adjunct = last > start
            && (matches!(s.lower(last), "during" | "after" | "before" | "since")
                // ("officials within the ministry" are who they are.)
                || s.is(last, "within")
                    && !s.capitalized(last + 1)
                    && !s.has(last + 1, Classes::DETERMINER)
                || s.has(last, Classes::POSTMODIFIER)
                    && s.word(last + 1)
                    && s.lower(last + 1).ends_with("ing"));
        if !coordination
            && (s.has(last, Classes::CLAUSE_WORD) && !s.is(last, "that")
                || adjunct
                || last > start && (is_cue_verb(s, last) || opens_time(s, last)))
        {
            break;
        }
        last += 1;
    }
    (last > start).then(|| (start, last - 1))
}

/// Whether the group the speaker's phrase would begin with at `start` is the object of a
/// preposition after a participle, which modifies the noun before it: "Footage obtained by
/// activists showed", "a video circulating on social media shows". The phrase is that noun's,
/// from `first`. (Not before a relative pronoun `end`: "remarks made by an aide who said".)
fn in_participles_phrase(s: &Sent, first: usize, start: usize, end: usize) -> bool {
    if start < first + 3 || s.has(end, Classes::CLAUSE_WORD) {
        return false;
    }
    let (p, participle) = (start - 1, start - 2);
    s.has(p, Classes::POSTMODIFIER)
        && !matches!(s.lower(p), "of" | "to")
        && s.pos(p) == Pos::Other
        && !s.capitalized(participle)
        && s.participle_form(participle)
        && (s.lower(participle).ends_with("ing") || s.verb_pos(participle) == Pos::NonFinite)
}

/// Where the speaker's phrase begins among `first..=last`: at the determiner or quantifier before
/// a role or group noun ("In recent days some analysts" → "some analysts"), else at the run of
/// capitalised words right before it ("Western diplomats"), else at the noun.
pub(super) fn core_start(s: &Sent, first: usize, last: usize) -> usize {
    let key = (first..=last).find(|&k| {
        let head = k == last || s.has(k + 1, Classes::POSTMODIFIER) || s.is(k + 1, "and");
        let lemma = crate::lexicon::singular(s.lower(k));
        head && crate::lexicon::is(&lemma, Classes::ANONYMOUS_HEAD | Classes::VAGUE_HEAD)
    });
    let Some(key) = key else {
        // "a strategy some believe …", "the deal many fear": a vague pronoun right after a noun
        // is the subject of a relative clause with no "that". ("The delegates all agreed": a
        // quantifier floating after its group is none; "the candidates most often described
        // as": nor is an adverb's "most".)
        if last > first
            && s.has(last, Classes::VAGUE_PRONOUN)
            && !matches!(s.lower(last), "all" | "both" | "each" | "most")
            && s.pos(last - 1) == Pos::Noun
        {
            return last;
        }
        // A name or an identified body: leave out an opening preposition's phrase only when a
        // comma does not already cut it off, which is rare; keep every word.
        return first;
    };
    let lookback = key.saturating_sub(5).max(first);
    // "Joseph and other community members": a coordination is kept whole.
    if (first..key).any(|k| s.is(k, "and") || s.is(k, "or")) {
        return first;
    }
    if let Some(d) = (lookback..key).rev().find(|&k| {
        s.has(
            k,
            Classes::DETERMINER | Classes::QUANTIFIER | Classes::NUMBER | Classes::VAGUE_PRONOUN,
        ) || s.possessive(k)
    }) {
        // "one of his advisers": from "one".
        let partitive = d >= first + 2
            && s.is(d - 1, "of")
            && s.has(
                d - 2,
                Classes::QUANTIFIER
                    | Classes::NUMBER
                    | Classes::INDEFINITE
                    | Classes::VAGUE_PRONOUN,
            );
        // "the envoy's aides": from the article before the possessive.
        if s.possessive(d) && d > first && is_article(s, d - 1) && !s.possessive(d - 1) {
            return d - 1;
        }
        // "a few diplomats", "a handful of delegates": from the article that counts them.
        let counted = d > first && s.counts_a_group(d - 1);
        return if partitive {
            d - 2
        } else if counted {
            d - 1
        } else {
            d
        };
    }
    let mut start = key;
    // "Western diplomats", "environmental groups", "Clinton aides", "opposition negotiator":
    // names, adjectives and nouns before the head, three at most.
    let modifier = |k: usize| {
        s.capitalized(k) || matches!(s.pos(k), Pos::Adjective | Pos::Noun | Pos::ProperNoun)
    };
    while start > first && key - start < 3 && modifier(start - 1) {
        start -= 1;
    }
    start
}

/// Whether the token at `k` is a slash joining the words beside it into one: "the CNN/ORC poll",
/// "9/11 families", "a Times/Siena survey".
pub(super) fn joins(s: &Sent, k: usize) -> bool {
    s.is(k, "/") && k > 0 && s.word(k - 1) && s.word(k + 1)
}

/// Whether the word at `k` may stand before a share's figure: "only", "about", "than", an
/// adverb, a quantifier or a number.
fn before_figure(s: &Sent, k: usize) -> bool {
    s.adverb(k)
        || s.has(k, Classes::QUANTIFIER | Classes::NUMBER)
        || matches!(
            s.lower(k),
            "than" | "only" | "just" | "about" | "nearly" | "almost" | "roughly"
        )
}

/// `start`, or where a poll's share of the group beginning at `start` begins: "52 percent of
/// registered voters", "Only 4 in 10 Republican voters" — the figure is part of the phrase, and
/// makes it a poll's data. No earlier than `first`.
fn share_start(s: &Sent, first: usize, start: usize) -> usize {
    if start < first + 2 {
        return start;
    }
    // ("52 percent of registered voters": "of" may stand a modifier or two before the core.)
    let of = (start.saturating_sub(3).max(first + 1)..start)
        .rev()
        .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD))
        .find(|&k| s.is(k, "of"));
    let e = of.map_or(start - 1, |of| of - 1);
    let figure = |k: usize| {
        s.text(k) == "%"
            || s.word(k)
                && (s.lower(k).bytes().any(|b| b.is_ascii_digit())
                    || matches!(s.lower(k), "percent" | "in")
                    || is_article(s, k)
                    || s.pos(k) == Pos::Adjective
                    || before_figure(s, k))
    };
    let lead = (first..=e).rev().take_while(|&k| figure(k)).last();
    match lead {
        Some(lead) if super::class::is_share(s, lead, e) || is_ratio(s, lead, e) => lead,
        _ => start,
    }
}

/// The phrase `(a, b)` without what closes it but names nobody: an adverb or an auxiliary's
/// filler ("The Republican nominee also"), or when ("David Axelrod on Wednesday", "the Supreme
/// Court this month", "federal prosecutors in April", "a panel in 2001").
pub(super) fn trim_tail(s: &Sent, (a, mut b): (usize, usize)) -> (usize, usize) {
    loop {
        let year = s.text(b).len() == 4 && s.text(b).bytes().all(|c| c.is_ascii_digit());
        let when = crate::text::date::is_calendar_word(s.text(b))
            || year
            || matches!(s.lower(b), "week" | "month" | "year" | "weekend");
        if b > a + 1 && when && matches!(s.lower(b - 1), "on" | "in" | "at" | "this" | "last") {
            b -= 2;
        } else if b > a && (is_filler(s, b) && !s.capitalized(b) || s.is(b, "almost")) {
            b -= 1;
        } else {
            return (a, b);
        }
    }
}

/// Whether the words `a..=b` only say when ("last week", "eight years ago", "earlier this
/// month", "a week later", "once again"): no speaker.
pub(super) fn is_when(s: &Sent, a: usize, b: usize) -> bool {
    // ("Day said …": one capitalised word is a name; "six in 10 said" a share.)
    if a == b && s.capitalized(a) || is_ratio(s, a, b) {
        return false;
    }
    // "only two months later", "a week later", "once again": a time, measured or repeated.
    let a = if a < b
        && matches!(
            s.lower(a),
            "only" | "just" | "nearly" | "almost" | "once" | "a" | "an" | "the" | "one"
        ) {
        a + 1
    } else {
        a
    };
    // ("the two", "one in three": after "the" or "one" a count is people, not a time.)
    let counted = a > 0 && matches!(s.lower(a - 1), "the" | "one");
    // ("a few days later", "a couple of years later": a count that measures a time, never
    // a time by itself: "many said".)
    let count = |k: usize| matches!(s.lower(k), "few" | "couple" | "several" | "many" | "of");
    // ("the day before", "one Sunday in late 2001", "later that month": words that place a
    // time, never a time by themselves.)
    let places = |k: usize| {
        matches!(
            s.lower(k),
            "the"
                | "one"
                | "that"
                | "before"
                | "after"
                | "late"
                | "early"
                | "same"
                | "following"
                | "on"
                | "in"
                | "at"
        )
    };
    (a..=b).any(|k| !(count(k) || places(k) || counted && s.number(k)))
        && (a..=b).all(|k| {
            let w = s.lower(k);
            s.word(k)
                && (count(k)
                    || places(k)
                    || crate::text::date::is_calendar_word(s.text(k))
                    || s.number(k)
                    || matches!(
                        w,
                        "last"
                            | "this"
                            | "next"
                            | "earlier"
                            | "later"
                            | "again"
                            | "ago"
                            | "week"
                            | "weeks"
                            | "month"
                            | "months"
                            | "year"
                            | "years"
                            | "day"
                            | "days"
                            | "weekend"
                            | "moments"
                            | "minutes"
                            | "hour"
                            | "hours"
                            | "yesterday"
                            | "today"
                            | "tonight"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                    ))
        })
}

/// "271 pledged delegates", "3,000 promised tents": between a count at `p` and its noun, the past
/// form at `i` is an adjective, no verb. (A count that is a subject is followed by what its verb
/// takes: "six in 10 said they", "the two suggested both", "in 2009 sought to".)
pub(super) fn counted_modifier(s: &Sent, p: usize, i: usize) -> bool {
    const NO_NOUN: Classes = Classes::CLAUSE_WORD
        .union(Classes::DETERMINER)
        .union(Classes::PRONOUN)
        .union(Classes::QUANTIFIER)
        .union(Classes::POSTMODIFIER);
    s.number(p)
        && !is_ratio(s, p.saturating_sub(2), p)
        && !(p > 0 && (s.is(p - 1, "the") || s.is(p - 1, "in")))
        && s.has(i, Classes::PAST_FORM)
        && s.word(i + 1)
        && !s.capitalized(i + 1)
        && !s.has(i + 1, NO_NOUN)
        && !s.is(i + 1, "to")
}

/// Whether the words `a..=b` end in a share given as a ratio: "six in 10", "two out of three",
/// "More than four in 10".
pub(super) fn is_ratio(s: &Sent, a: usize, b: usize) -> bool {
    b >= a + 2
        && s.number(b)
        && (s.is(b - 1, "in") && s.number(b - 2)
            || b >= a + 3 && s.is(b - 1, "of") && s.is(b - 2, "out") && s.number(b - 3))
}

/// "on Tuesday", "in March": when, not who.
pub(super) fn opens_time(s: &Sent, k: usize) -> bool {
    matches!(s.lower(k), "on" | "in" | "at" | "last" | "this")
        && k + 1 < s.len()
        && crate::text::date::is_calendar_word(s.text(k + 1))
}

/// Whether a pronoun of no one in particular ends right before word `i`, alone or placed: "some",
/// "many in Idlib", "some in the opposition" (a few words after "in" or "among", no clause's).
pub(super) fn vague_group_before(s: &Sent, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    s.has(i - 1, Classes::VAGUE_PRONOUN)
        || (i.saturating_sub(5)..i - 1)
            .rev()
            .take_while(|&p| s.word(p) && !s.has(p, Classes::CLAUSE_WORD | Classes::CUE_VERB))
            .find(|&p| s.is(p, "in") || s.is(p, "among"))
            .is_some_and(|p| p > 0 && s.has(p - 1, Classes::VAGUE_PRONOUN))
}

pub(super) fn is_article(s: &Sent, k: usize) -> bool {
    s.possessive(k)
        || s.has(k, Classes::DEFINITE | Classes::INDEFINITE)
            && !matches!(s.lower(k), "that" | "one" | "another")
}

pub(super) fn is_filler(s: &Sent, k: usize) -> bool {
    // ("The ministry wouldn’t say", "They don't know": a negated auxiliary.)
    let w = s.lower(k);
    s.has(k, Classes::VERB_FILLER)
        || s.adverb(k)
        || s.word(k) && (w.ends_with("n't") || w.ends_with("n’t"))
}

/// The content after token `k`: from the next word ("that" left out) to the sentence's end;
/// after "told the paper that", from the word after "that".
pub(super) fn after(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let mut a = k + 1;
    if s.lower(k).starts_with("tell") || s.is(k, "told") {
        if let Some(that) = (k + 1..s.len().min(k + 7))
            .take_while(|&t| s.word(t))
            .find(|&t| s.is(t, "that"))
        {
            a = that + 1;
        }
    }
    while a < s.len() && (!s.word(a) && !is_quote(s.text(a)) || s.is(a, "that")) {
        a += 1;
    }
    let mut b = s.len();
    while b > a && !s.word(b - 1) && !is_quote(s.text(b - 1)) {
        b -= 1;
    }
    (a < b).then(|| (a, b - 1))
}

/// The content before token `k`: from the sentence's start to the mark before `k`.
pub(super) fn before(s: &Sent, k: usize) -> Option<(usize, usize)> {
    let mut b = k;
    while b > 0 && !s.word(b - 1) && !is_quote(s.text(b - 1)) {
        b -= 1;
    }
    let a = (0..b).find(|&a| s.word(a) || is_quote(s.text(a)))?;
    (a < b).then(|| (a, b - 1))
}

pub(super) fn is_quote(t: &str) -> bool {
    matches!(t, "“" | "”" | "\"" | "‘" | "’" | "'")
}

/// Whether the word at `k` may be a verb's base form after "to": lower case, no article, no
/// plural ("claims to control", not "claims to the land", "comments to co-workers").
pub(super) fn base_form(s: &Sent, k: usize) -> bool {
    let w = s.lower(k);
    s.word(k)
        && !s.capitalized(k)
        && !s.has(k, Classes::DETERMINER | Classes::NUMBER)
        && (!w.ends_with('s') || w.ends_with("ss"))
}

/// "Many Syrians in the north-west fear aid money will flow": a clause with no "that" after
/// the base form at `i`, its modal a few words on past no verb, makes it a verb where the
/// tagger, reading the words just before it ("the north-west fear"), takes it for a noun.
pub(super) fn clause_after(s: &Sent, i: usize) -> bool {
    let plain = |k: usize| {
        s.word(k)
            && !s.has(k, Classes::CUE_VERB | Classes::VERB_FILLER)
            && !s.lower(k).ends_with("ed")
    };
    !s.lower(i).ends_with('s')
        && plain(i + 1)
        && (i + 2..(i + 5).min(s.len()))
            .take_while(|&k| s.word(k))
            .find(|&k| !plain(k) || s.has(k, Classes::MODAL))
            .is_some_and(|k| s.has(k, Classes::MODAL))
}
