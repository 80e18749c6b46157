//! From a cue to its source and content: the noun phrase that speaks (before the verb, after it
//! in an inversion, after "according to", across an apposition or a relative clause) and its words.

use super::class::classify;
use super::events::states_nothing;
use super::nominal::{
    according_to, citing, figure_source, point_of_view, speaker_colon, stance_noun,
};
use super::participle::{
    document_subject, gerund_phrase_subject, participle_subject, with_subject,
};
use super::phrase::{
    after, base_form, before, clause_after, counted_modifier, is_article, is_filler, is_quote,
    np_after, np_before, vague_group_before,
};
use super::speaker::{
    apposed_subject, caused, clause_subject, contact_relative, dashed_subject, inverted,
    restrictive_relative, subject_of,
};
use super::stance::{felt_by, stance_adjective};
use super::tokens::Sent;
use crate::grammar::Pos;
use crate::lexicon::{self, Classes};

/// One relation, in token indices of the sentence.
#[derive(Clone, Debug)]
pub(super) struct Found {
    /// The noun phrase that decides the class.
    pub np: (usize, usize),
    /// An apposition or relative clause after it, set off by commas, part of the source span.
    pub apposition: Option<(usize, usize)>,
    /// The cue: the verb with its auxiliaries, "according to", "view" …
    pub cue: (usize, usize),
    /// The verb of the cue, if it has one.
    pub verb: Option<usize>,
    pub content: Option<(usize, usize)>,
    /// A cue with no verb that gives a stance, not words ("criticism from").
    pub stance: bool,
}

impl Found {
    /// A relation whose source has no apposition.
    pub(super) fn new(
        np: (usize, usize),
        cue: (usize, usize),
        verb: Option<usize>,
        content: Option<(usize, usize)>,
    ) -> Self {
        Found {
            np,
            apposition: None,
            cue,
            verb,
            content,
            stance: false,
        }
    }

    /// The whole source span: the noun phrase and any apposition.
    pub fn source(&self) -> (usize, usize) {
        (self.np.0, self.apposition.map_or(self.np.1, |a| a.1))
    }
}

/// Every relation of the sentence, in the order of their cues.
pub(super) fn relations(s: &Sent) -> Vec<Found> {
    // The classes of the words that may open a relation below: any other word opens none,
    // unless it frames a quotation.
    const OPENS: Classes = Classes::PSYCH_VERB
        .union(Classes::PHRASE_CUE)
        .union(Classes::STANCE_NOUN)
        .union(Classes::FIGURE_NOUN)
        .union(Classes::CUE_VERB)
        .union(Classes::STANCE_ADJECTIVE);
    let mut out = Vec::new();
    for (i, t) in s.toks.iter().enumerate() {
        if t.word && !t.classes.has(OPENS) {
            // A word of no cue class: a cue only as a verb opening a quotation (every word the
            // match below names is of a class).
            if let Some(f) = opens_quotation(s, i).then(|| subject_of(s, i, i)).flatten() {
                push_unless_count(s, f, &mut out);
            }
            continue;
        }
        if !t.word && !matches!(s.text(i), ":" | "―" | "—" | "–") {
            continue;
        }
        // ("That worries environmentalists": before "worries" is read as a view's verb.)
        let felt = if s.has(i, Classes::PSYCH_VERB) {
            felt_by(s, i)
        } else {
            None
        };
        if matches!(s.lower(i), "citing" | "quoting") {
            for f in citing(s, i).into_iter().flatten() {
                push_unless_count(s, f, &mut out);
            }
            continue;
        }
        let found = felt.or_else(|| match s.lower(i) {
            "according" if s.is(i + 1, "to") => according_to(s, i),
            // ("Many Syrians view the plan as …": a verb, when no point of view is read.)
            "view" | "views" | "words" | "eyes" => point_of_view(s, i).or_else(|| {
                (view_as(s, i) && is_cue_verb(s, i))
                    .then(|| verb(s, i))
                    .flatten()
            }),
            _ if s.has(i, Classes::STANCE_NOUN) && s.is(i + 1, "from") => stance_noun(s, i),
            "source" | "sources" if s.is(i + 1, ":") => {
                np_after(s, i + 2, false).map(|np| Found::new(np, (i, i + 1), None, before(s, i)))
            }
            // "UN figures", "the ministry's estimate"; or a verb: "aid workers estimate".
            _ if s.has(i, Classes::FIGURE_NOUN | Classes::CUE_VERB) => s
                .has(i, Classes::FIGURE_NOUN)
                .then(|| figure_source(s, i))
                .flatten()
                .or_else(|| is_cue_verb(s, i).then(|| verb(s, i)).flatten()),
            // (A headline's speaker may name whom or what they spoke of: "Pedersen on the
            // Talks in Geneva: …".)
            ":" if i > 0 && (i <= 4 || i <= 10 && s.headline()) => speaker_colon(s, i),
            // "Limbaugh continued: “…”", "She went on, “…”": any verb opening a quotation.
            _ if opens_quotation(s, i) => subject_of(s, i, i),
            // "residents were angered": the subject feels.
            _ if s.has(i, Classes::STANCE_ADJECTIVE | Classes::PSYCH_VERB) => {
                stance_adjective(s, i)
            }
            // "“…” ― Rana Khatib": a reader's or a resident's words signed after a dash.
            // ("“…”\n― Rana Khatib": the signature may stand on a line of its own, a name and
            // nothing else.)
            "―" | "—" | "–" if i > 0 && is_quote(s.text(i - 1)) => np_after(s, i + 1, false)
                .filter(|np| s.capitalized(np.0))
                .map(|np| Found::new(np, (i, i), None, before(s, i))),
            "―" | "—" | "–" if i == 0 => np_after(s, 1, false)
                .filter(|np| {
                    (np.0..=np.1).all(|k| s.capitalized(k))
                        && (np.1 + 1..s.len()).all(|k| !s.word(k))
                })
                .map(|np| Found::new(np, (i, i), None, None)),
            _ => None,
        });
        if let Some(f) = found {
            push_unless_count(s, f, &mut out);
        }
    }
    out
}

/// Keeps relation `f` unless its source is a count.
fn push_unless_count(s: &Sent, f: Found, out: &mut Vec<Found>) {
    // "two million refugees say": a count, not a source (the rules flag figures). ("74 percent
    // said" is a poll's share: a source of the class data. "The coalition, which represents 20
    // million Americans": the count describes the source.)
    let (a, b) = f.source();
    let count = (a..=b)
        .take_while(|&j| s.word(j) && !s.is(j, "who") && !s.is(j, "which"))
        .any(|j| matches!(s.lower(j), "million" | "billion" | "thousand"));
    if !count {
        out.push(f);
    }
}

/// Whether the cue word at `i` is used as a verb. ("Some worry that …", "Some Democrats,
/// however, question the wisdom …": a cue word before "that", closing its clause, or between a
/// plural or a comma and a determiner is one, whatever the tagger says.)
pub(super) fn is_cue_verb(s: &Sent, i: usize) -> bool {
    // (Asked of every word a noun phrase is read back over: the questions are asked lazily, the
    // cheapest first, and most words are no cue word at all.)
    if !s.has(i, Classes::CUE_VERB) {
        return false;
    }
    let between = || {
        i > 0
            && (s.is(i - 1, ",") || s.word(i - 1) && s.lower(i - 1).ends_with('s'))
            && !s.has(i - 1, Classes::DETERMINER)
            && s.has(i + 1, Classes::DETERMINER | Classes::PRONOUN)
    };
    // The tagger is asked last: most cue words are past forms ("said", "told"), verbs by
    // themselves, and tagging every sentence with a cue would cost more than the rest of the
    // analysis.
    // (In a headline every word is capitalised: "Former Aide Says …". A past form opening the
    // sentence is an inversion: "Said Haddad: “…”"; a participle opening it is said by the
    // main clause's subject: "Noting that …, Saleh blamed …".)
    let opens = || {
        (0..i).all(|k| !s.word(k)) && (s.has(i, Classes::PAST_FORM) || s.lower(i).ends_with("ing"))
    };
    if s.capitalized(i) && !s.title_case && !opens() {
        return false;
    }
    // "determined to stop him", "learned to live with it": resolve or a skill, no finding.
    if s.is(i + 1, "to") && !s.has(i, Classes::CUE_VERB.without(Classes::FINDING_VERB)) {
        return false;
    }
    let before = i.checked_sub(1).filter(|&p| s.word(p));
    // After an article or a preposition a cue word is a noun ("the reports", "of talks"); after
    // a pronoun, a modal or an auxiliary it is a verb ("they argue", "will say", "is saying").
    // ("to" opens an infinitive: "continued to call for".)
    let gerund = s.lower(i).ends_with("ing");
    // ("an earlier report", "the first reports": a filler after an article modifies the noun.)
    let noun_slot = before.is_some_and(|p| {
        is_article(s, p)
            // ("a few tweets", "several reports": after a count of more than one, a verb's
            // form would be "say", "report"; an "-s" form is a plural noun.)
            || s.has(p, Classes::QUANTIFIER | Classes::NUMBER)
                && !matches!(
                    s.lower(p),
                    "one" | "each" | "every" | "another" | "either" | "neither"
                )
                && s.lower(i).ends_with('s')
            || s.has(p, Classes::VERB_FILLER) && p > 0 && is_article(s, p - 1)
            || counted_modifier(s, p, i)
            // ("people we interviewed said": after a participle, a verb.)
            || s.has(p, Classes::POSTMODIFIER)
                && !matches!(s.lower(p), "who" | "to")
                && !s.lower(p).ends_with("ed")
                && (!gerund || !is_gerund_preposition(s.lower(p)))
    });
    // (Before adverbs in "-ly": "did not immediately respond", "after initially saying".)
    let lead = i
        - (0..i)
            .rev()
            .take_while(|&k| {
                s.word(k) && s.lower(k).ends_with("ly") && !s.has(k, Classes::VERB_FILLER)
            })
            .count();
    let verb_slot = || {
        lead.checked_sub(1).filter(|&p| s.word(p)).is_some_and(|p| {
            (s.has(
                p,
                Classes::PRONOUN | Classes::MODAL | Classes::VERB_FILLER | Classes::BE,
            ) || s.is(p, "to"))
                && !is_article(s, p)
        })
    };
    if noun_slot {
        return false;
    }
    // A base or "-s" form is worth the tagger only after what could be its subject: a name, a
    // group of people, a document ("figures show"); after any other word ("presidential
    // debate", "came back") it names no source.
    // The subject may stand a few words back, past an adverb or a modifier ("some Democrats
    // privately express", "some analysts in the region see"), within the clause.
    let clause = || {
        (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&p| s.word(p) && !s.has(p, Classes::CLAUSE_WORD))
    };
    // (A noun right after an article is the subject when a clause or an object follows: "the
    // campaign believes it could", "his team expects Haddad to" — not "the jobs report was".)
    let subject = |p: usize| {
        s.capitalized(p)
            || p + 1 == i
                && p > 0
                && is_article(s, p - 1)
                && (s.has(i + 1, Classes::DETERMINER | Classes::PRONOUN)
                    || s.capitalized(i + 1)
                    || s.is(i + 1, "to"))
                && s.pos(p) == Pos::Noun
            || s.has(p, Classes::VAGUE_PRONOUN)
            || matches!(s.lower(p), "whom" | "who" | "which")
            || s.has(
                p,
                Classes::MEMBER_NOUN
                    | Classes::DATA_NOUN
                    | Classes::FIGURE_NOUN
                    | Classes::REPORT_NOUN,
            )
            || s.names_people(p)
    };
    // "…, calling for his dismissal": a participle opening its phrase after a comma speaks for
    // the clause before it.
    let participle_phrase = || comma_before(s, lead).is_some() && gerund;
    // "The envoy claims his mandate …", "the group claims to control …": an "-s" form between a
    // singular subject and its object's determiner or an infinitive, as `between` is after a
    // plural one.
    let agrees = || {
        i > 0
            && s.lower(i).ends_with('s')
            && s.word(i - 1)
            && !s.lower(i - 1).ends_with('s')
            && (s.has(i + 1, Classes::DETERMINER | Classes::PRONOUN)
                || s.is(i + 1, "to") && base_form(s, i + 2))
            && (subject(i - 1) || s.has(i - 1, Classes::ROLE_WORD))
    };
    // "…, calling them traitors and vowing to …", "says he respects her and calls her …",
    // "by saying", "before adding": a verb after a conjunction or, as a gerund, after a
    // preposition, whose subject is the clause's. (Not a view's: "after assuming his post",
    // "without seeing the returns", "and regarding the bill" are no attributions.)
    let linked = || {
        i > 0
            && !s.has(i, Classes::VIEW_VERB)
            && match s.lower(i - 1) {
                "and" | "but" => {
                    gerund && s.word(i + 1)
                        || s.lower(i).ends_with('s')
                            && (s.capitalized(i + 1)
                                || s.has(i + 1, Classes::DETERMINER | Classes::PRONOUN))
                }
                _ => gerund && lead > 0 && is_gerund_preposition(s.lower(lead - 1)),
            }
    };
    // "Some fear the worst", "many in Idlib fear a repeat", "no one forecast Assad's fall": a
    // base form between a pronoun of no one in particular (placed or not) and its object's
    // determiner is the group's verb, however the tagger reads a word that is a noun as often.
    // ("No one knows what …", "everybody agrees": after one of them standing for people one by
    // one, an "-s" form is the verb.)
    let after_vague = || {
        if i == 0 {
            return false;
        }
        let no_one = i > 1 && s.is(i - 1, "one") && s.is(i - 2, "no");
        let each = no_one || ["everyone", "everybody", "nobody"].contains(&s.lower(i - 1));
        (vague_group_before(s, i) || no_one)
            && (s.has(i + 1, Classes::DETERMINER | Classes::PRONOUN)
                || s.capitalized(i + 1)
                || each && s.lower(i).ends_with('s'))
    };
    // "…, with Moscow insisting on …": a participle after "with" and its subject.
    let absolute = || {
        gerund
            && (i.saturating_sub(8)..i)
                .rev()
                .take_while(|&p| s.word(p))
                .any(|p| s.is(p, "with"))
    };
    // (The subject is looked for last: a past form, most cue words, needs none.)
    let subject_before = || clause().any(subject);
    // "residents in the north-west fear …": the subject, then where they are. (Asked after
    // the clause that follows, which needs no tagger.)
    let placed_subject = || {
        clause().any(|p| {
            p > 0
                && matches!(s.lower(p), "in" | "of" | "from" | "at" | "among" | "across")
                && subject(p - 1)
        })
    };
    let subject_right_before = || i > 0 && s.word(i - 1) && subject(i - 1);
    // "put out a statement saying …": what a document says, its author says.
    let document_says = || gerund && i > 0 && s.has(i - 1, Classes::DATA_NOUN);
    s.has(i, Classes::PAST_FORM)
        || s.is(i, "says")
        || s.is(i, "say")
        || verb_slot()
        || s.is(i + 1, "that")
        || between()
        || agrees()
        || linked()
        || participle_phrase()
        || view_as(s, i) && i > 0 && (!s.word(i - 1) || subject_right_before())
        || after_vague()
        || absolute()
        || document_says()
        // An "-ing" form with none of these before it is a noun or a modifier ("the
        // meeting", "Senate leaders opposing"), read as neither by the parse. Closing its
        // clause after a name ("…, Enab Baladi reports.") a cue word is a verb, whatever the
        // tagger says; after a modifier ("the first debate.") a noun, as a bare form is after
        // a name ("the GOP debate.").
        || !s.lower(i).ends_with("ing")
            && subject_before()
            && (!s.word(i + 1) && s.lower(i).ends_with('s') && subject_right_before()
                || s.verb(i)
                || clause_after(s, i) && placed_subject())
}

/// "…, see reauthorization as an opportunity", "view the talks as a stunt": a view verb at `i`
/// with its object and an "as" complement after it.
fn view_as(s: &Sent, i: usize) -> bool {
    s.has(i, Classes::VIEW_VERB)
        && (i + 2..(i + 6).min(s.len()))
            .take_while(|&k| s.word(k))
            .any(|k| s.is(k, "as"))
}

/// Whether `w` (lower case) governs a gerund whose subject is its clause's ("by saying",
/// "while insisting", "before adding", "after telling", "without mentioning").
fn is_gerund_preposition(w: &str) -> bool {
    matches!(w, "by" | "while" | "before" | "after" | "without")
}

/// The comma that ends the clause right before token `i`: just before it, or inside the
/// closing mark of a quotation just before it ("… of “our families,” saying …").
fn comma_before(s: &Sent, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if s.is(p, ",") {
        return Some(p);
    }
    (p >= 1 && matches!(s.text(p), "”" | "’") && s.is(p - 1, ",")).then(|| p - 1)
}

/// A cue verb at `v`: its subject before it, or after it in an inversion, or after "by".
pub(super) fn verb(s: &Sent, v: usize) -> Option<Found> {
    // ("Residents we spoke to said": a relative clause with no pronoun of its own.)
    if let Some(f) = contact_relative(s, v) {
        return Some(f);
    }
    let w = s.lower(v);
    let mut j = v;
    // Auxiliaries and adverbs between the speaker and the verb ("has repeatedly said").
    let progressive = w.ends_with("ing");
    // ("She has since stressed": "since" after an auxiliary is an adverb.)
    while j > 0
        && s.word(j - 1)
        && (is_filler(s, j - 1)
            || progressive && s.has(j - 1, Classes::BE)
            || s.is(j - 1, "since") && j >= 2 && s.has(j - 2, Classes::VERB_FILLER))
    {
        j -= 1;
    }
    if states_nothing(s, j, v) {
        return None;
    }
    // "Senate leaders opposing the bill": a participle with no auxiliary or comma before it
    // modifies a noun; it is no cue.
    // (After a conjunction or a preposition it is a verb of its own: "and vowing", "by saying".)
    let bare_participle = j == v
        && progressive
        && j > 0
        && s.word(j - 1)
        && !matches!(s.lower(j - 1), "who" | "which" | "and" | "but")
        && !is_gerund_preposition(s.lower(j - 1));
    if bare_participle {
        return with_subject(s, v).or_else(|| document_subject(s, v));
    }
    let Some(p) = j.checked_sub(1) else {
        // "Said Haddad: …" — an inversion opening the sentence. "Noting that …, Saleh blamed
        // …": a participle opening it is the main clause's subject's.
        return inverted(s, v, v).or_else(|| {
            (progressive && j == v)
                .then(|| gerund_phrase_subject(s, v, v))
                .flatten()
        });
    };
    let p = if progressive {
        comma_before(s, j).unwrap_or(p)
    } else {
        p
    };
    if s.word(p) {
        let pw = s.lower(p);
        // After "the", "its" or "Haddad's" the word is a noun ("the reports"); after "to" it is
        // an infinitive ("is thought to have urged"), not a statement.
        if pw == "to" {
            return infinitive(s, p, v);
        }
        // "Having said that, …": a participle, with no subject.
        if pw == "having" {
            return None;
        }
        if is_article(s, p) {
            return None;
        }
        if s.has(p, Classes::BE) {
            // A passive: only "was reported by X" names the speaker ("has been called a
            // charlatan by fellow physicians": past the verb's complement).
            let by = (v + 1..(v + 5).min(s.len()))
                .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD))
                .find(|&k| s.is(k, "by"))?;
            return np_after(s, by + 1, true)
                .map(|np| Found::new(np, (p, by), Some(v), before(s, p)));
        }
        // "Officials who spoke to reporters said …": the relative clause tells which officials;
        // the cue is the verb after it.
        let describes_subject = || {
            (v + 1..(v + 10).min(s.len()))
                .take_while(|&k| s.word(k))
                .any(|k| {
                    is_cue_verb(s, k) && restrictive_relative(s, k).is_some_and(|(_, c)| c.0 == p)
                })
        };
        if (pw == "who" || pw == "which") && s.has(v, Classes::SPEECH_VERB) {
            if describes_subject() {
                return None;
            }
            // "Haddad, who said …": the relative pronoun is the verb's subject and stands for
            // the phrase before it, the source a reader checks. A name or a body is found there
            // already, and the pronoun is the source, as a "he" after it would be; an unnamed or
            // vague one ("an architect who said", "critics, who say") is kept, to be flagged
            // where it stands.
            let end = if p >= 1 && s.is(p - 1, ",") { p - 1 } else { p };
            let np = np_before(s, end)
                .filter(|np| !classify(s, np.0..=np.1).identified())
                .unwrap_or((p, p));
            return Some(Found::new(np, (j, v), Some(v), after(s, v)));
        }
        // "Haddad rejected the plan by saying …", "“…,” he said before adding …".
        // ("responded by saying": one cue, the verb before it. "rules that allow firms to tell
        // one state … while telling another": after a relative clause, whose subject the
        // gerund's is, unknown.)
        if progressive && is_gerund_preposition(pw) {
            let relative = (0..p).any(|k| {
                matches!(
                    s.lower(k),
                    "that" | "which" | "who" | "whose" | "because" | "if" | "when" | "whether"
                )
            });
            if relative || p > 0 && is_cue_verb(s, p - 1) {
                return None;
            }
            return participle_subject(s, p, v).or_else(|| gerund_phrase_subject(s, p, v));
        }
        if pw == "and" || pw == "but" {
            // "He described the plan as … but said …": the clause's subject is the speaker.
            // (Not in a quotation: "“…,” he said, “and say to them …”".)
            if is_quote(s.text(0)) {
                return None;
            }
            // "… because he favors the plan and opposes …": the verb before the conjunction is
            // a cue in a clause of its own, whose subject goes on.
            let own = (1..p)
                .rev()
                .find(|&k| lexicon::is_subordinator(s.lower(k)))
                // ("because of", "as of": a preposition, no clause; after a comma the clause
                // is over.)
                .filter(|&k| !s.has(k + 1, Classes::POSTMODIFIER) && !(k..p).any(|c| s.is(c, ",")))
                // (Any finite verb: "when Haddad spotted a banner and asked"; but "as" is a
                // preposition as often, "positioned her as the most qualified …", and opens a
                // clause of its own only with a cue.)
                .filter(|&k| {
                    (k + 1..p).any(|c| {
                        is_cue_verb(s, c)
                            || !s.is(k, "as")
                                && s.word(c)
                                && !s.capitalized(c)
                                && s.verb_pos(c) == Pos::Finite
                    })
                })
                .and_then(|k| {
                    // (A pronoun is a subject whatever the tagger makes of the verb after it.)
                    let pronoun = s
                        .has(k + 1, Classes::SUBJECT_PRONOUN)
                        .then_some((k + 1, k + 1));
                    clause_subject(s, k + 1, p).or(pronoun)
                });
            let np = own.or_else(|| clause_subject(s, 0, p))?;
            return Some(Found::new(np, (j, v), Some(v), after(s, v)));
        }
        // ("It says …": "it" ends a noun phrase, and is a subject all the same.)
        if s.has(p, Classes::CLAUSE_WORD) && !s.has(p, Classes::SUBJECT_PRONOUN) {
            return None;
        }
        return subject_of(s, j, v);
    }
    match s.text(p) {
        "—" | "–" => inverted(s, j, v).or_else(|| dashed_subject(s, p, j, v)),
        "”" | "\"" | "’" | "'" | ":" | "(" => inverted(s, j, v),
        // "Rep. Elijah E. Cummings (D-Md.) said": the parenthesis belongs to the subject; so
        // does a share's sign ("42% say").
        ")" | "%" => subject_of(s, j, v),
        // "Haddad rejected the plan, saying …": the clause's subject speaks.
        // ("…, even suggesting …": an adverb may stand before the participle.)
        "," if progressive && (j..v).all(|k| !s.has(k, Classes::BE)) => participle_subject(s, p, v),
        // "National Guard members, called to service by the governor, are …": a participle
        // phrase, no cue. ("X, director of Y, said in an interview": a verb of speech and
        // where it was said.)
        "," if j == v
            && s.has(v, Classes::PAST_FORM)
            && v + 1 < s.len()
            && match s.lower(v + 1) {
                "by" | "as" => true,
                // ("X, the council's deputy head, explained to reporters …": whom a verb of
                // speech addresses.)
                "to" => !(s.has(v, Classes::SPEECH_VERB) && addressee(s, v + 2)),
                "in" | "on" => !s.has(v, Classes::SPEECH_VERB),
                _ => false,
            } =>
        {
            None
        }
        // "Kasich offered the man a job, then says he'll …": a verb coordinated after a comma
        // and "then" is said by whoever spoke just before or the clause's subject, as a
        // participle there is.
        "," if j < v && s.is(j, "then") => {
            participle_subject(s, p, v).map(|f| Found { cue: (j, v), ..f })
        }
        "," => {
            let after_quote = p >= 1 && matches!(s.text(p - 1), "”" | "\"" | "’" | "'");
            // "…, said a source" / "…, reports Enab Baladi." — the speaker follows the verb.
            if let Some(f) = inverted(s, j, v) {
                return Some(f);
            }
            if after_quote {
                return None;
            }
            apposed_subject(s, p, j, v)
        }
        _ => None,
    }
}

/// Whether the word at `i` can be whom somebody speaks to: a name, a pronoun, people.
fn addressee(s: &Sent, i: usize) -> bool {
    let i = if is_article(s, i) { i + 1 } else { i };
    s.capitalized(i) || s.has(i, Classes::PRONOUN) || s.names_people(i)
}

/// Whether the word at `i` is a finite verb that frames a quotation: opening it after a colon or
/// a comma, or ending the sentence on a colon ("Caddell continued:", "She went on, “…”"), or
/// closing its clause right after the quotation and its speaker ("“…,” she continued."). A verb
/// of speech there, whatever verb it is.
// (Always inlined: asked of every word without a cue class, where a call costs more than the
// first test, `quoting`, which most sentences fail.)
#[inline(always)]
pub(super) fn opens_quotation(s: &Sent, i: usize) -> bool {
    // (Asked of every word of a sentence, most of which holds no quotation; and a mark after
    // the verb, a colon, a comma or the quotation's end, is needed either way: most words
    // have a word after them.)
    s.quoting && !s.word(i + 1) && frames_quotation(s, i)
}

/// [`opens_quotation`] in a sentence with a colon or a double quotation mark.
pub(super) fn frames_quotation(s: &Sent, i: usize) -> bool {
    // (The checks of the word itself come first.)
    let opens = || {
        s.is(i + 1, ":") && (i + 2 >= s.len() || is_quote(s.text(i + 2)))
            || s.is(i + 1, ",") && i + 2 < s.len() && matches!(s.text(i + 2), "“" | "\"")
    };
    let closes = || {
        !s.word(i + 1)
            && (i.saturating_sub(4)..i)
                .rev()
                .find(|&k| !s.word(k))
                // A closing mark: after the quotation's last comma or full stop.
                .is_some_and(|k| {
                    k + 1 < i
                        && matches!(s.text(k), "”" | "\"")
                        && k > 0
                        && matches!(s.text(k - 1), "," | "." | "!" | "?")
                })
    };
    // (Verbs that do so are regular past or present forms, "continued", "adds"; the
    // irregular ones are in the lexicon already. The tagger is asked last.)
    let regular = || {
        let w = s.lower(i);
        w.ends_with("ed") || w.ends_with('s')
    };
    i > 0
        && s.word(i)
        && regular()
        && s.word(i - 1)
        && (opens() || closes())
        && !s.capitalized(i)
        && s.verb_pos(i) == Pos::Finite
}

/// A cue in an infinitive (`to` at `to`, the verb at `v`): the subject of the verb it depends on
/// ("opponents try to convince", "protesters continued to call for"), but not a passive's or an
/// adjective's ("is thought to have urged", "is expected to say").
fn infinitive(s: &Sent, to: usize, v: usize) -> Option<Found> {
    let governor = to
        .checked_sub(1)
        .filter(|&k| s.word(k) && !s.capitalized(k))?;
    // ("is continuing to insist": a progressive, whose subject is the speaker; "is going to
    // say" is no statement yet, and "was responding to questions" no infinitive.)
    let base = !s.lower(v).ends_with('s') || s.lower(v).ends_with("ss");
    let progressive = s.lower(governor).ends_with("ing") && !s.is(governor, "going") && base;
    // "The announcement led some to speculate": the object speaks, whatever the verb's kind.
    if let Some(np) = caused(s, to) {
        return Some(Found::new(np, (to, v), Some(v), after(s, v)));
    }
    let passive = governor > 0 && s.has(governor - 1, Classes::BE) && !progressive;
    // ("tried to find a compromise", "wants to see the camps": a view or a finding in an
    // infinitive is an intention, unless it seems held or made: "the footage appears to show".)
    // ("came to speak", "wanted to speak to them": to speak, with nothing said.)
    let intended = s.has(v, Classes::VIEW_VERB | Classes::FINDING_VERB)
        && !s.has(v, Classes::SPEECH_VERB | Classes::STANCE_VERB)
        && !s.has(governor, Classes::LINKING_VERB)
        || s.is(v, "speak") && !s.has(governor, Classes::REFUSAL_VERB);
    if passive || intended || s.has(governor, Classes::BE) {
        return None;
    }
    // "Other leaders used blunt language to denounce …": an infinitive of purpose after the
    // verb's object; the clause's subject speaks.
    if !s.verb(governor) {
        let purpose = s.has(v, Classes::SPEECH_VERB | Classes::STANCE_VERB)
            && (0..to).all(|k| !s.has(k, Classes::BE | Classes::CLAUSE_WORD));
        let np = purpose.then(|| clause_subject(s, 0, to)).flatten()?;
        return Some(Found::new(np, (to, v), Some(v), after(s, v)));
    }
    let mut j = governor;
    while j > 0
        && s.word(j - 1)
        && (is_filler(s, j - 1) || progressive && s.has(j - 1, Classes::BE))
    {
        j -= 1;
    }
    let f = subject_of(s, j, v)?;
    Some(Found {
        content: after(s, v),
        ..f
    })
}
