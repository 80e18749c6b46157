//! Cues that are no verb: "according to X", "in X's view", "UN figures", "WALLACE: …",
//! "criticism from X" — each names its source in a fixed place beside it.

use super::participle::participle_subject;
use super::phrase::{after, before, is_quote, np_after};
use super::source::Found;
use super::speaker::clause_subject;
use super::tokens::Sent;
use crate::lexicon::Classes;

/// "according to X", "according to Western and regional diplomats".
pub(super) fn according_to(s: &Sent, i: usize) -> Option<Found> {
    let np = np_after(s, i + 2, true)?;
    // "According to X, …": what follows the comma; "…, according to X": what comes before.
    let content = if s.is(np.1 + 1, ",") && (0..i).all(|j| !s.word(j)) {
        after(s, np.1 + 1)
    } else {
        before(s, i)
    };
    Some(Found::new(np, (i, i + 1), None, content))
}

/// "citing a senior official", "quoting internal documents": the object speaks when it can —
/// people, a name, a document, figures — and so does whoever cites it, the clause's subject, for
/// whom it is a reason or a ground ("The union backed her, citing her work", "Citing the attack,
/// Ankara closed the crossing", "the paper reported, citing a senior official"): the cited
/// first, then the citer.
pub(super) fn citing(s: &Sent, i: usize) -> [Option<Found>; 2] {
    let Some(np) = np_after(s, i + 1, true) else {
        return [None, None];
    };
    // The head: the last word before the phrase's modifiers ("data from the ministry",
    // "a poll conducted by …", "risks and the expenses …").
    let head = (np.0..=np.1)
        .take_while(|&k| {
            k == np.0
                || !(s.has(k, Classes::POSTMODIFIER | Classes::CLAUSE_WORD)
                    || s.is(k, "and")
                    || s.is(k, "or")
                    || s.is(k, "about")
                    || !s.capitalized(k) && s.has(k, Classes::PAST_FORM)
                    || !s.capitalized(k) && s.lower(k).ends_with("ed") && k > np.0 + 1)
        })
        .last()
        .unwrap_or(np.0);
    let speaks = s.capitalized(head) && !s.possessive(head)
        || s.has(
            head,
            Classes::PRONOUN | Classes::DATA_NOUN | Classes::REPORT_NOUN | Classes::FIGURE_NOUN,
        )
        || s.names_people(head);
    let cited = speaks.then(|| Found::new(np, (i, i), None, before(s, i)));
    // (Who cites is who spoke just before, as for any participle: "…,” McConnell said,
    // citing …".)
    let citer = if (0..i).any(|k| s.word(k)) {
        participle_subject(s, i - 1, i)
    } else {
        clause_subject(s, np.1 + 1, s.len()).map(|subject| Found::new(subject, (i, i), None, None))
    };
    let citer = citer.map(|f| Found {
        verb: None,
        content: Some(np),
        ..f
    });
    [cited, citer]
}

/// "WALLACE: …", "Poll: …": a speaker's name opening the sentence before a colon.
pub(super) fn speaker_colon(s: &Sent, colon: usize) -> Option<Found> {
    // (A transcript's line may open with a quotation mark: "\"WALLACE: …".)
    let first = usize::from(is_quote(s.text(0)));
    // ("Editor's Note: …": a possessive's thing is a label, not whose words follow.)
    // ("Contributing: …", "Breaking: …": a credit line's or a flash's participle is a label
    // too; a transcript's speaker is in capitals, "FLEMING: …", or no word of the lexicon.)
    let credit = || {
        colon == first + 1
            && s.lower(first).ends_with("ing")
            && s.text(first).bytes().any(|b| b.is_ascii_lowercase())
            && crate::grammar::is_known_word(s.text(first))
    };
    let names = first < colon
        && colon <= first + 4
        && (first..colon).all(|k| s.proper(k) && !s.possessive(k))
        && !credit();
    // "Poll: …", "Report: …": a document speaks for its authors.
    let document = colon == first + 1 && s.has(first, Classes::DATA_NOUN);
    let speaker = if names || document {
        (first, colon - 1)
    } else {
        headline_speaker(s, first, colon)?
    };
    // A speaker's colon opens words: "CORRECTION:" with nothing after it is a label, and
    // "Clinton: 1,769." a tally.
    let content = after(s, colon)?;
    let words = (content.0..=content.1).any(|k| s.text(k).bytes().any(|b| b.is_ascii_alphabetic()));
    words.then(|| Found::new(speaker, (colon, colon), None, Some(content)))
}

/// Whom a headline quotes before its colon, with whom or what they spoke to or of ("UN envoy:
/// …", "Insiders: …", "Pedersen on Idlib: …", "Erdogan to Putin: …"): a phrase of a few words
/// whose head names a speaker — a name after a title, a role, people, a document. (A single
/// capitalised word alone is left to [`speaker_colon`]'s reading of names and documents.)
fn headline_speaker(s: &Sent, first: usize, colon: usize) -> Option<(usize, usize)> {
    if colon <= first || !s.headline() || !s.capitalized(first) {
        return None;
    }
    let end = (first + 1..colon)
        .find(|&k| matches!(s.lower(k), "on" | "to" | "at" | "about"))
        .unwrap_or(colon);
    let last = end - 1;
    let words = end - first;
    // (A name recurs in the story, capitalised inside a sentence: "Delegate Update", "Editor's
    // Note" are a headline's labels. A headline drops its speaker's article: "The Ninth Circle:
    // …" is a title.)
    let name = || {
        s.capitalized(last) && s.capitalised_inside(last) && (first..end).all(|k| !s.possessive(k))
    };
    let head = s.names_people(last)
        || s.has(last, Classes::ROLE_WORD | Classes::MEMBER_NOUN)
        || (words > 1 || end < colon) && name()
        || words > 1
            && !s.capitalized(last)
            && s.has(last, Classes::REPORT_NOUN | Classes::DATA_NOUN);
    let head = head && !s.has(first, Classes::DETERMINER);
    // ("Silverman heckles Sanders supporters: …": a clause with its verb is no speaker's name,
    // and in a phrase a name comes before a role, "UN envoy", never after a word in lower case.)
    let phrase = || {
        (first..end).all(|k| {
            s.word(k)
                && (s.proper(k) || !s.verb(k))
                && !(k > first && s.capitalized(k) && !s.capitalized(k - 1))
        })
    };
    (words <= 5 && head && phrase()).then_some((first, last))
}

/// "from X's point of view", "in X's view", "in the view of X", "in the words of X", "in the
/// eyes of X".
pub(super) fn point_of_view(s: &Sent, i: usize) -> Option<Found> {
    if s.is(i + 1, "of") && i >= 2 && s.is(i - 1, "the") {
        let np = np_after(s, i + 2, true)?;
        return Some(Found::new(
            np,
            (i - 1, i + 1),
            None,
            before(s, i - 1).or_else(|| after(s, np.1)),
        ));
    }
    // "X's point of view" / "X's view": the possessive is the speaker.
    let mut p = i.checked_sub(1)?;
    if s.is(i, "view") && p >= 2 && s.is(p, "of") && s.is(p - 1, "point") {
        p -= 2;
    }
    if !s.possessive(p) {
        return None;
    }
    let mut first = p;
    while first > 0 && s.capitalized(first - 1) && !s.has(first - 1, Classes::POSTMODIFIER) {
        first -= 1;
    }
    Some(Found::new((first, p), (p + 1, i), None, after(s, i)))
}

/// "UN figures", "the UNHCR's estimate", "figures from the Syrian Observatory".
pub(super) fn figure_source(s: &Sent, i: usize) -> Option<Found> {
    // ("The World Bank estimates that …": a verb.)
    if s.has(i, Classes::CUE_VERB) && s.is(i + 1, "that") {
        return None;
    }
    if let Some(f) = in_poll(s, i) {
        return Some(f);
    }
    if i >= 1 {
        let prev = i - 1;
        let acronym = s.text(prev).len() >= 2 && s.text(prev).chars().all(|c| c.is_uppercase());
        let not_initial = i >= 2 || acronym || s.possessive(prev);
        // ("a June poll": a month is no author.)
        let owner = !s.has(
            prev,
            Classes::DETERMINER | Classes::WEEKDAY | Classes::MONTH,
        );
        if s.capitalized(prev) && not_initial && owner {
            return Some(Found::new((prev, prev), (i, i), None, after(s, i)));
        }
    }
    let mut k = i + 1;
    if s.is(k, "published") || s.is(k, "compiled") || s.is(k, "released") {
        k += 1;
    }
    if !(s.is(k, "from") || s.is(k, "by") || s.is(k, "of")) {
        return None;
    }
    let np = np_after(s, k + 1, false)?;
    let named = (np.0..=np.1).any(|t| s.capitalized(t));
    named.then(|| Found::new(np, (i, k), None, after(s, np.1)))
}

/// "drew criticism from rights groups", "amid an outcry from victims' families": a stance noun
/// at `i` before "from"; who follows holds the stance.
pub(super) fn stance_noun(s: &Sent, i: usize) -> Option<Found> {
    np_after(s, i + 2, true).map(|np| Found {
        stance: true,
        ..Found::new(np, (i, i + 1), None, before(s, i))
    })
}

/// "In the latest Arab Barometer survey, Haddad led", "Haddad gained in some polls": the poll
/// or survey at `i`, after "in", is where the figures around it come from; "in" is the cue.
fn in_poll(s: &Sent, i: usize) -> Option<Found> {
    if !matches!(s.lower(i), "poll" | "polls" | "survey" | "surveys") {
        return None;
    }
    let p = (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&k| s.word(k) && !s.has(k, Classes::CLAUSE_WORD | Classes::CUE_VERB))
        .find(|&k| s.is(k, "in"))?;
    let content = if (0..p).all(|k| !s.word(k)) {
        after(s, i)
    } else {
        before(s, p)
    };
    Some(Found::new((p + 1, i), (p, p), None, content))
}
