//! Where the speaker of a verb cue stands: the subject before it (across an apposition or a
//! relative clause set off by commas or not, or the subject of the clause before a participle or
//! a coordinated verb), or after it in an inversion ("…,” said Haddad").

use super::phrase::{
    after, before, is_article, is_filler, is_quote, is_when, np_after, np_before, trim_tail,
};
use super::source::Found;
use super::tokens::Sent;
use crate::grammar::{self, Pos};
use crate::lexicon::{self, Classes};

/// The subject of the clause that opens at `from` and whose verb stands before `end`: the words
/// up to that verb ("several environmental groups granted …", "Trump was similarly defensive
/// …"), after any adverbial set off by commas ("In a column on Monday, two speechwriters
/// implored …", "On Thursday, however, Trump spoke …"). Words without a verb after them are no
/// clause.
pub(super) fn clause_subject(s: &Sent, from: usize, end: usize) -> Option<(usize, usize)> {
    let mut first = (from..end).find(|&k| s.word(k))?;
    // "BEIRUT (Reuters) — The envoy …", "PARIS, Aug. 31 - …": a wire dateline, a place in
    // capitals with its date or agency, opens the article's first sentence.
    let dash = |k: usize| matches!(s.text(k), "—" | "–" | "-" | "--");
    let upper =
        |k: usize| s.text(k).len() > 1 && !s.text(k).bytes().any(|b| b.is_ascii_lowercase());
    // ("Beirut (AFP) – …": a place in title case has its agency beside it.)
    let agency = || s.capitalized(first) && s.is(first + 1, "(");
    if upper(first) || agency() {
        let dateline = (first + 1..end.min(first + 10))
            .take_while(|&k| {
                !s.word(k) || s.capitalized(k) || s.lower(k).bytes().all(|b| b.is_ascii_digit())
            })
            .find(|&k| dash(k));
        if let Some(d) = dateline {
            first = (d..end).find(|&k| s.word(k))?;
        }
    }
    // "And then the envoy went further": a conjunction or an adverb opens the clause.
    while first + 1 < end
        && (s.has(first, Classes::VERB_FILLER)
            || matches!(s.lower(first), "and" | "but" | "so" | "yet"))
    {
        first += 1;
    }
    // ("Walking back from the bakery, Khoury …", "Asked about the vote, he …": a participle's
    // clause opens the sentence.)
    let participle =
        |k: usize| k == from && s.participle_form(k) && s.verb_pos(k) == Pos::NonFinite;
    loop {
        let comma = (first..end).find(|&k| s.is(k, ","));
        // "At a rally in Homs, Syria, on Friday, the minister …": a place's state or country
        // between two adverbials.
        let state = |c: usize| {
            first > from
                && c - first <= 2
                && (first..c).all(|k| s.capitalized(k))
                && c + 1 < end
                && adverbial(s, c + 1)
        };
        // ("Two weeks after the envoy resigned, …": a time measured from an event.)
        let when = |c: usize| {
            let from_event = (first + 1..c)
                .find(|&k| matches!(s.lower(k), "after" | "before" | "since"))
                .is_some_and(|k| is_when(s, first, k - 1));
            c > first && (is_when(s, first, c - 1) || from_event)
        };
        // ("Ever since she took office, Haddad has …", "Because the talks failed, …": a
        // subordinate clause opens the sentence.)
        let subordinate = || {
            let k = if matches!(s.lower(first), "even" | "ever") {
                first + 1
            } else {
                first
            };
            lexicon::is_subordinator(s.lower(k))
        };
        // ("By Sunday afternoon she had canceled …, citing …": an adverbial with no comma
        // after it runs up to its clause's subject pronoun.)
        // (Not a clause's: "When asked whom she supported, …", "As they met, …".)
        let pronoun = comma.and_then(|c| {
            (first + 1..c.min(first + 5))
                .find(|&k| s.has(k, Classes::SUBJECT_PRONOUN) && !s.is(k, "who"))
        });
        let preposition = || adverbial(s, first) && !lexicon::is_subordinator(s.lower(first));
        if let Some(k) = pronoun.filter(|_| preposition()) {
            first = k;
            break;
        }
        if !(adverbial(s, first)
            || participle(first)
            || comma.is_some_and(|c| {
                state(c)
                    || when(c)
                    // ("Later in Aspen, Colo., the graduate …": where the place lies.)
                    || first > from && s.is(first - 1, ",") && locates_place(s, first - 1, c)
            })
            || subordinate())
        {
            break;
        }
        first = comma? + 1;
    }
    // (The tagger is asked only of words that may be verbs: not a determiner's, a
    // preposition's or a name's.)
    let verb = (first + 1..end).find(|&k| {
        s.word(k)
            && !s.capitalized(k)
            && (s.has(k, Classes::BE | Classes::MODAL)
                || !s.has(
                    k,
                    Classes::DETERMINER
                        | Classes::QUANTIFIER
                        | Classes::NUMBER
                        | Classes::POSTMODIFIER
                        | Classes::PRONOUN,
                ) && !is_article(s, k - 1)
                    && !s.lower(k).ends_with("ing")
                    && s.verb(k))
    })?;
    let np = np_after(s, first, false).map(|np| trim_tail(s, (np.0, np.1.min(verb - 1))))?;
    // ("The other candidate, former Secretary of State Hillary Clinton, drew …": an apposition
    // between the subject and its verb is part of who it is.)
    let apposed = s.is(np.1 + 1, ",")
        && np.1 + 3 < verb
        && s.is(verb - 1, ",")
        && (np.1 + 2..verb - 1).all(|k| !s.is(k, ","))
        && opens_apposition(s, np.1 + 2)
        // (Not what the subject was doing, "De Blasio, speaking on the radio,", nor an age.)
        && (s.capitalized(np.1 + 2) || !s.participle_form(np.1 + 2))
        && !is_age(s, np.1 + 2);
    Some(if apposed { (np.0, verb - 2) } else { np })
}

/// The subject ending right before token `j` of the cue `j..=v`.
pub(super) fn subject_of(s: &Sent, j: usize, v: usize) -> Option<Found> {
    // "People briefed on the talks said", "a poll conducted by Gallup found": a participle's
    // phrase is part of the noun phrase, and tells its class (insiders; a poll whose author is
    // named).
    // (Only a participle before a preposition: "a court document filed Thursday" is a document.)
    // ("nothing that sets them apart from people we would welcome": a pronoun right before the
    // verb is its subject, whatever clause stands before it.)
    if j > 0 && s.has(j - 1, Classes::SUBJECT_PRONOUN) && !s.is(j - 1, "who") {
        let np = (j - 1, j - 1);
        return Some(Found::new(np, (j, v), Some(v), said(s, np, v)));
    }
    let reduced = reduced_relative(s, j);
    if let Some(k) = reduced.filter(|&k| s.opens_postmodifier(k + 1)) {
        let np = np_before(s, k)?;
        return Some(Found::new((np.0, j - 1), (j, v), Some(v), after(s, v)));
    }
    if let Some((np, clause)) = relative_clause(s, j, reduced) {
        return Some(Found {
            apposition: Some(clause),
            ..Found::new(np, (j, v), Some(v), after(s, v))
        });
    }
    let np = np_before(s, j)?;
    Some(Found::new(np, (j, v), Some(v), said(s, np, v)))
}

/// What the speaker `np` of the verb `v` says: the quotation right before the speaker ("“…,”
/// the mayor said"), else the words after the verb, else those before the speaker.
fn said(s: &Sent, np: (usize, usize), v: usize) -> Option<(usize, usize)> {
    let quoted = np.0 > 0 && is_quote(s.text(np.0 - 1));
    // "The talks will resume, the envoy said on Monday.", "…, he told Reuters.": after a comma,
    // a speaker whose verb ends the sentence with no more than when, where or to whom says
    // what came before.
    let closes = || {
        np.0 > 0
            && s.is(np.0 - 1, ",")
            && (0..np.0 - 1).any(|k| s.word(k))
            && adverbial_to_end(s, v + 1)
    };
    let content = if quoted || closes() {
        before(s, np.0)
    } else {
        None
    };
    content.or_else(|| after(s, v)).or_else(|| before(s, np.0))
}

/// Whether the words from `k` to the sentence's end are only when, where or to whom something
/// was said: a few words, opening with a preposition or a day ("on Monday", "in a statement",
/// "yesterday"), or whom a verb of speech addressed ("reporters", "Reuters in Geneva"), and
/// no "that".
fn adverbial_to_end(s: &Sent, k: usize) -> bool {
    let words = (k..s.len()).filter(|&j| s.word(j)).count();
    let opens = !s.word(k)
        || s.has(k, Classes::POSTMODIFIER | Classes::WEEKDAY)
        || matches!(
            s.lower(k),
            "yesterday" | "today" | "earlier" | "later" | "last" | "late" | "during" | "after"
        )
        || lexicon::addresses(s.lower(k - 1))
            && (s.capitalized(k) || s.names_people(k) || s.has(k, Classes::PRONOUN));
    words <= 6 && opens && (k..s.len()).all(|j| !s.is(j, "that") && !s.is(j, ","))
}

/// "Officials who spoke to reporters said", "one of the doctors who signed the letter called": a
/// relative clause with no commas between the speaker and the cue `j..`. The speaker is the noun
/// phrase before the relative pronoun, the clause part of the source. Only a subject's relative
/// clause ("who signed", "that had insured") counts: after "the fact that officials" the cue's
/// subject is "officials".
pub(super) fn restrictive_relative(s: &Sent, j: usize) -> Option<((usize, usize), (usize, usize))> {
    relative_clause(s, j, reduced_relative(s, j))
}

/// [`restrictive_relative`], with the participle `reduced` of [`reduced_relative`] found.
fn relative_clause(
    s: &Sent,
    j: usize,
    reduced: Option<usize>,
) -> Option<((usize, usize), (usize, usize))> {
    if let Some(k) = reduced {
        return Some((np_before(s, k)?, (k, j - 1)));
    }
    let r = (j.saturating_sub(10)..j)
        .rev()
        .take_while(|&k| s.word(k))
        .find(|&k| matches!(s.lower(k), "who" | "that" | "which"))?;
    // Asked in this order: the tagger last, only where the words leave it open.
    let after_word =
        r > 0 && s.word(r - 1) && !s.has(r - 1, Classes::CUE_VERB | Classes::CLAUSE_WORD);
    let verbal = || {
        r + 1 < j
            && (s.has(r + 1, Classes::BE | Classes::MODAL | Classes::VERB_FILLER)
                || !s.has(
                    r + 1,
                    Classes::DETERMINER | Classes::PRONOUN | Classes::QUANTIFIER,
                ) && s.verb(r + 1))
    };
    // ("Those who have returned say", "many who fled": a pronoun standing for people.)
    let after_noun = || {
        matches!(
            s.pos(r - 1),
            Pos::Noun | Pos::ProperNoun | Pos::ProperPlural
        ) || s.is(r - 1, "those")
            || s.has(r - 1, Classes::VAGUE_PRONOUN)
    };
    if !(after_word && verbal() && after_noun()) {
        return None;
    }
    Some((np_before(s, r)?, (r, j - 1)))
}

/// "A poll released in late August found", "the report published by the ministry on Monday
/// says", "a diplomat briefed on the talks said": a participle right after a document, or after
/// a noun and before a preposition, before the cue `j..`, says which document or diplomat it is,
/// as a relative clause would. Where the participle is.
pub(super) fn reduced_relative(s: &Sent, j: usize) -> Option<usize> {
    (j.saturating_sub(8)..j)
        .rev()
        .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD))
        .find(|&k| {
            k + 1 < j
                && (participle_after_document(s, k)
                    // (The participle's phrase runs to the cue: in "executed by the people
                    // they refuse to name" the cue has a subject of its own.)
                    || modifying_participle(s, k)
                        && (k + 2..j).all(|a| {
                            s.word(a)
                                && !s.is(a, "to")
                                && !s.has(a, Classes::PRONOUN | Classes::CLAUSE_WORD)
                        }))
        })
}

/// Whether word `k` is a past participle after a noun and before a preposition, which it
/// modifies ("a diplomat briefed on the talks", "rebels backed by Ankara"): with its agent
/// ([`agent_participle`]) or another preposition.
fn modifying_participle(s: &Sent, k: usize) -> bool {
    s.opens_postmodifier(k + 1) && !s.is(k + 1, "by") && after_a_noun(s, k)
        || agent_participle(s, k)
}

/// Whether word `k` is a past participle with its agent after a noun ("rebels backed by
/// Ankara", "a council led by the envoy"): never the noun's verb. Not a gerund's "by"
/// ("responded by saying") nor a means ("said by telephone").
pub(super) fn agent_participle(s: &Sent, k: usize) -> bool {
    let agent = k + 2;
    s.is(k + 1, "by")
        && (s.capitalized(agent)
            || s.has(
                agent,
                Classes::DETERMINER | Classes::QUANTIFIER | Classes::NUMBER,
            )
            || s.lower(agent).ends_with('s'))
        && after_a_noun(s, k)
}

/// Whether word `k` is a past participle right after a word that no auxiliary, pronoun or clause
/// word is.
fn after_a_noun(s: &Sent, k: usize) -> bool {
    k > 0
        && s.word(k - 1)
        && !s.has(
            k - 1,
            Classes::BE | Classes::VERB_FILLER | Classes::CLAUSE_WORD | Classes::PRONOUN,
        )
        && !s.has(k + 1, Classes::PRONOUN)
        && grammar::may_be_past_participle(s.text(k))
        && s.pos(k) == Pos::NonFinite
}

/// Whether word `k` is a participle right after a document ("poll released").
pub(super) fn participle_after_document(s: &Sent, k: usize) -> bool {
    const DOCUMENT: Classes = Classes::REPORT_NOUN
        .union(Classes::DATA_NOUN)
        .union(Classes::FIGURE_NOUN);
    k > 0 && s.lower(k).ends_with("ed") && s.has(k - 1, DOCUMENT)
}

/// "The abrupt announcement led some to speculate", "leaving many Syrians to wonder": the object
/// of a verb that makes someone act, ending right before the infinitive's `to`, speaks the
/// infinitive; the clause's subject only made them. People only: "led the talks to collapse"
/// has no speaker.
pub(super) fn caused(s: &Sent, to: usize) -> Option<(usize, usize)> {
    let c = (to.saturating_sub(5)..to.saturating_sub(1))
        .rev()
        .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD | Classes::BE))
        .find(|&k| s.has(k, Classes::CONTROL_VERB))?;
    // ("the lead negotiator", "the left": after an article the word is no verb.)
    if c > 0 && is_article(s, c - 1) {
        return None;
    }
    let np = (c + 1, to - 1);
    let people = (np.0..=np.1).any(|k| {
        s.capitalized(k) || s.has(k, Classes::VAGUE_PRONOUN | Classes::PRONOUN) || s.names_people(k)
    });
    people.then_some(np)
}

/// "X, the head of the body, said", "a clerk at the ministry, who asked not to be named because
/// she was not authorised to speak, said": the words between commas belong to the speaker
/// before them. `comma` is the comma right before the cue `j..=v`.
pub(super) fn apposed_subject(s: &Sent, comma: usize, j: usize, v: usize) -> Option<Found> {
    let mut close = comma;
    // Where the speaker's own words end, before the phrases read back over that describe it
    // with no clause of their own: where its place lies ("a doctor in Douma, near Damascus,"),
    // what it is ("Vikram Amar, dean of the law school,").
    let mut own_end = comma;
    let mut described = true;
    for _ in 0..3 {
        let lookback = close.saturating_sub(40);
        let Some(open) = (lookback..close).rev().find(|&k| s.is(k, ",")) else {
            break;
        };
        if locates_place(s, open, close) {
            if described {
                own_end = open;
            }
            close = open;
            continue;
        }
        // "Mr. Obama, officials said, has grown skeptical": an attribution of its own between
        // the commas, no description of the subject before it.
        // ("X, a columnist who posts online, said", "the survey, conducted for Voice, found":
        // a past form, after its own subject.)
        if open + 2 < comma
            && s.has(comma - 1, Classes::SPEECH_VERB)
            && s.has(comma - 1, Classes::PAST_FORM)
            && !s.has(comma - 2, Classes::CLAUSE_WORD)
        {
            let np = np_before(s, open)?;
            return Some(Found::new(np, (j, v), Some(v), after(s, v)));
        }
        // "The commission, in a statement on its website, accused …", "The ministry, two
        // months later, announced …": an adverbial between commas; the subject stands before
        // it.
        // (Not an age: "Rana Khatib, 21, said".)
        let when = is_when(s, open + 1, comma - 1) && !is_age(s, open + 1);
        if open + 1 < comma && (adverbial(s, open + 1) || when) {
            let np = np_before(s, open)?;
            return Some(Found::new(np, (j, v), Some(v), after(s, v)));
        }
        if open + 1 < comma && opens_apposition(s, open + 1) {
            // "Haddad, speaking to reporters in Geneva, said": a participle's clause says what
            // the speaker was doing, not who they are; it is no part of the source.
            // ("Some donors, including two Gulf states, said": who they are, by example.)
            let doing = !s.capitalized(open + 1)
                && s.lower(open + 1).ends_with("ing")
                && !s.is(open + 1, "including");
            // "Rana Khatib, 21, a student from Aleppo, said": an age before the description
            // stands between the name and it.
            let aged = open >= 2 && is_age(s, open - 1) && s.is(open - 2, ",");
            let (open, np) = match aged.then(|| np_before(s, open - 2)).flatten() {
                Some(np) => (open - 2, np),
                None => (open, np_before(s, open)?),
            };
            return Some(Found {
                apposition: (!doing).then_some((open + 1, comma - 1)),
                ..Found::new(np, (j, v), Some(v), said(s, np, v))
            });
        }
        // (A figure is the speaker's share: "about two-thirds, 67 percent, say". A relative
        // clause of a thing tells of the noun right before it, which may itself describe the
        // speaker: "Murshed Zaheed, political director of CREDO Action, which organised the
        // letter, said".)
        let figure = s.has(open + 1, Classes::NUMBER)
            || s.lower(open + 1).starts_with(|c: char| c.is_ascii_digit());
        let of_a_thing = matches!(s.lower(open + 1), "which" | "where");
        described &=
            !figure && (of_a_thing || np_before(s, close).is_some_and(|np| np.0 == open + 1));
        if described {
            own_end = open;
        }
        close = open;
    }
    // No opening comma: the words before this one are the speaker, unless they are a clause.
    let np = np_before(s, own_end)?;
    let np = if own_end < comma {
        (np.0, comma - 1)
    } else {
        np
    };
    (!s.is(np.0, "who") && !s.is(np.0, "speaking"))
        .then(|| Found::new(np, (j, v), Some(v), after(s, v)))
}

/// Whether the words between the commas `open` and `close` say where the place before `open`
/// lies: "a resident of Saraqeb, Idlib province, said", "a doctor in Douma, near Damascus,
/// said", "the minister, at a meeting in Homs, Syria, said", "Haddad, of Qamishli, Hasakah,".
pub(super) fn locates_place(s: &Sent, open: usize, close: usize) -> bool {
    let place_before = open >= 2
        && s.capitalized(open - 1)
        && (open.saturating_sub(4)..open - 1)
            .any(|k| matches!(s.lower(k), "in" | "at" | "from" | "of"));
    let words = || (open + 1..close).filter(|&k| s.word(k));
    let n = words().count();
    if !place_before || n == 0 || n > 3 {
        return false;
    }
    let last = close - 1 - usize::from(!s.word(close - 1));
    // ("the governor of Hama, Ahmad Suleiman, said": a given name opens a person's name.)
    let named = n <= 2
        && words().all(|k| s.capitalized(k))
        && !(n == 2 && s.has(open + 1, Classes::GIVEN_NAME));
    let region = s.capitalized(open + 1) && s.has(last, Classes::PLACE_NOUN);
    let near = s.has(open + 1, Classes::LOCATIVE) && s.capitalized(open + 2);
    named || region || near
}

/// "Residents we spoke to said", "everyone I interviewed says": a relative clause with no
/// relative pronoun, whose subject is a pronoun, between the speaker and the cue verb `v`. The
/// clause tells which residents; its pronoun (the reporter, mostly) speaks no word of it.
pub(super) fn contact_relative(s: &Sent, v: usize) -> Option<Found> {
    let mut j = v;
    while j > 0 && s.has(j - 1, Classes::VERB_FILLER) {
        j -= 1;
    }
    let mut k = j.checked_sub(1)?;
    // (The clause may end on its preposition: "spoke to", "talked with".)
    if s.has(k, Classes::POSTMODIFIER) && !s.is(k, "who") && !s.participle_form(k) {
        k = k.checked_sub(1)?;
    }
    let pronoun = k.checked_sub(1).filter(|&p| p >= 1)?;
    // (Asked in this order: the tagger last. "the editor I was talking to": an auxiliary and a
    // participle are no clause of this kind; "a company he owns": the speaker is people.)
    let people =
        |n: usize| s.has(n, Classes::VAGUE_PRONOUN) || s.is(n, "people") || s.names_people(n);
    let clause = s.has(pronoun, Classes::SUBJECT_PRONOUN)
        && !s.is(pronoun, "who")
        && !s.is(pronoun, "it")
        && s.word(k)
        && !s.capitalized(k)
        && !s.has(k, Classes::BE | Classes::MODAL | Classes::VERB_FILLER)
        && !s.lower(v).ends_with("ing")
        && people(pronoun - 1)
        && s.verb(k);
    let np = clause.then(|| np_before(s, pronoun)).flatten()?;
    Some(Found {
        apposition: Some((pronoun, j - 1)),
        ..Found::new(np, (j, v), Some(v), after(s, v))
    })
}

/// "Rana Khatib — a teacher from Homs — says": the words between two dashes describe the
/// speaker before them, unless they say when or where ("Haddad — after a long pause — told
/// me"). `dash` is the dash right before the cue `j..=v`.
pub(super) fn dashed_subject(s: &Sent, dash: usize, j: usize, v: usize) -> Option<Found> {
    let open = (dash.saturating_sub(30)..dash)
        .rev()
        .find(|&k| s.text(k) == s.text(dash))?;
    if open + 1 >= dash {
        return None;
    }
    let np = np_before(s, open)?;
    Some(Found {
        apposition: (!adverbial(s, open + 1)).then_some((open + 1, dash - 1)),
        ..Found::new(np, (j, v), Some(v), said(s, np, v))
    })
}

/// Whether words from `i` can describe a noun phrase before them: a relative clause, a role or
/// a name ("who asked not to be named", "the head of …", "Samir Haddad").
fn opens_apposition(s: &Sent, i: usize) -> bool {
    let w = s.lower(i);
    s.word(i)
        // ("Critics of the program, like Senator Grassley, see …", "…, such as …": examples.)
        && (matches!(w, "who" | "whose" | "himself" | "herself" | "like" | "such")
            // "Lina Saleh, then a nurse in Aleppo, said": an adverb of time before it.
            || matches!(w, "now" | "then" | "once" | "also" | "still")
                && opens_apposition(s, i + 1)
            // "Rami Suleiman, 52, said": an age.
            || is_age(s, i)
            // "Samir Haddad, of the negotiating body, said", "Rana Khatib, from Aleppo, said":
            // where the speaker belongs or comes from.
            || matches!(w, "of" | "from")
                && (s.capitalized(i + 1) || s.has(i + 1, Classes::DETERMINER))
            || s.has(i, Classes::DETERMINER)
            || s.capitalized(i)
            // "…, executive director of AROS, said": a role, bare.
            || (i..(i + 3).min(s.len())).any(|k| {
                s.word(k) && lexicon::is(&lexicon::singular(s.lower(k)), Classes::ROLE_WORD)
            })
            // "headed by Ahmad Toma", "speaking on condition of anonymity"
            || !s.capitalized(i) && s.participle_form(i))
}

/// Whether the word at `i` is an age set off by commas ("Rami Suleiman, 52, said").
fn is_age(s: &Sent, i: usize) -> bool {
    s.lower(i).bytes().all(|b| b.is_ascii_digit()) && s.is(i + 1, ",")
}

/// Whether words from `i` are an adverbial: a preposition's phrase or an adverb ("in a
/// statement", "however").
pub(super) fn adverbial(s: &Sent, i: usize) -> bool {
    let w = s.lower(i);
    s.word(i)
        && (matches!(
            w,
            "in" | "on"
                | "at"
                | "for"
                | "with"
                | "after"
                | "before"
                | "during"
                | "when"
                | "while"
                | "despite"
                | "amid"
                | "among"
                | "according"
                | "by"
                | "over"
                | "from"
                | "under"
                | "without"
                | "throughout"
                | "within"
                | "as"
                | "however"
                | "meanwhile"
                | "too"
                | "though"
                | "instead"
                | "nonetheless"
                | "nevertheless"
                | "moreover"
        ) || s.adverb(i)
            || opening_adverb(s, i))
}

/// "Shortly after the call ended, …", "Separately, …": an adverb in "-ly" opening the sentence,
/// capitalised, which the tagger tells from a name ("Kelly").
fn opening_adverb(s: &Sent, i: usize) -> bool {
    let w = s.lower(i);
    w.len() > 4 && w.ends_with("ly") && (0..i).all(|k| !s.word(k)) && s.pos(i) == Pos::Other
}

/// The speaker after an inverted cue `j..=v` ("…,” said Haddad.", "…, reports Enab Baladi."): it
/// must look like one — a name, a role, a group, a pronoun — and end its clause, so that
/// "…, said Ankara “has no candidate”" is not read as Ankara speaking. A description set off by
/// a comma ("said Karim Haddad, a lawyer for the family") is part of it.
pub(super) fn inverted(s: &Sent, j: usize, v: usize) -> Option<Found> {
    // Only a bare verb of speech inverts ("…, said X"); "…, presented a list" and "…, have
    // urged Congress" have their object after them.
    // ("…,” Khoury, 61, told a visitor": who is told is no speaker.)
    if !s.has(v, Classes::SPEECH_VERB)
        || j != v
        || matches!(
            s.lower(v),
            "told" | "tell" | "tells" | "informed" | "assured" | "reminded"
        )
    {
        return None;
    }
    let np = np_after(s, v + 1, false)?;
    let first = np.0;
    // ("…, said that he …": a clause follows, and its subject is no speaker; "said about all
    // the activity", "said during the debate": what about and when.)
    // ("…, the governor said Tuesday.": when, not who.)
    let looks_like_speaker = !s.is(first, "that")
        && !crate::text::date::is_calendar_word(s.text(first))
        && !s.is(first, "about")
        && !adverbial(s, first)
        && (s.capitalized(first)
            // "said former Deputy Mayor Samir Aziz": a title's modifier before a name.
            || s.has(first, Classes::TITLE_MODIFIER) && s.capitalized(first + 1)
            // "said lobbyist and former minister Karim Haddad": a bare role before a name.
            || (s.names_people(first)
                || s.has(first, Classes::ROLE_WORD | Classes::PERSON_NOUN)
                || lexicon::has_singular_person_ending(s.lower(first)))
                && s.capitalized(np.1)
                && (first + 1..=np.1).all(|k| {
                    s.capitalized(k) || s.is(k, "and") || s.has(k, Classes::TITLE_MODIFIER)
                })
            || s.has(
                first,
                Classes::PRONOUN | Classes::DETERMINER | Classes::VAGUE_PRONOUN,
            )
            || (first..=np.1).any(|k| {
                s.has(
                    k,
                    Classes::ANONYMOUS_HEAD | Classes::VAGUE_HEAD | Classes::QUANTIFIER,
                )
            }));
    let next = np.1 + 1;
    let ends_clause = next >= s.len()
        // ("said the ''old model'' is …": a quotation may open with two apostrophes.)
        || !s.word(next) && !matches!(s.text(next), "“" | "\"" | "'" | "‘")
        || s.is(next, "who")
        || s.is(next, "which");
    // ("A source, who asked not to be named, said the talks failed": a clause follows the
    // verb, with its own verb; the speaker stands before the comma.)
    // ("…, said he makes $41,000 a year", "said Ivanka Trump's statement didn't clarify …": a
    // pronoun speaker stands alone, and an auxiliary, even negated, is a verb.)
    let clause = || {
        s.has(first, Classes::SUBJECT_PRONOUN) && np.1 > first
            || (first + 1..=np.1).any(|k| {
                !s.capitalized(k)
                    && (s.has(k, Classes::BE | Classes::MODAL)
                        || s.lower(k).ends_with("n't")
                        || s.lower(k).ends_with("n’t")
                        || s.verb_pos(k) == Pos::Finite)
            })
    };
    if !(looks_like_speaker && ends_clause) || clause() {
        return None;
    }
    // "said a diplomat who follows the file", "said Karim Haddad, a lawyer for the family".
    // ("said Caddell, speaking of her health": what the speaker does, not who they are.)
    let doing = next + 1 < s.len() && s.lower(next + 1).ends_with("ing");
    let described = s.is(next, "who") || s.is(next, ",") && !doing && opens_apposition(s, next + 1);
    let from = if s.is(next, "who") { next } else { next + 1 };
    let apposition = described.then(|| {
        let end = (from..s.len())
            .take(30)
            .take_while(|&k| s.word(k) || !matches!(s.text(k), "," | "." | ";" | ":" | "“" | "”"))
            .last()
            .unwrap_or(from);
        (from, end)
    });
    // ("Haddad, by contrast, wrote an op-ed …": what is said stands before an inversion — a
    // quotation, a clause with its verb — or after it, "The paradox, says Khoury, is …", unless
    // the inversion opens the sentence; else the words before are its subject.)
    let end = apposition.map_or(np.1, |a| a.1);
    let opens = (0..j).all(|k| !s.word(k) || is_filler(s, k) || s.is(k, "and") || s.is(k, "but"));
    let said_before = || {
        (0..j).any(|k| {
            is_quote(s.text(k)) || s.word(k) && !s.capitalized(k) && s.verb_pos(k) == Pos::Finite
        })
    };
    if !opens && (end + 1..s.len()).all(|k| !s.word(k)) && !said_before() {
        return None;
    }
    let content = if j > 0 { before(s, j) } else { None };
    let content = content.or_else(|| after(s, end));
    Some(Found {
        apposition,
        ..Found::new(np, (j, v), Some(v), content)
    })
}
