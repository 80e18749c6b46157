//! `unattributed-quote`: a quotation of a clause or more with no speaker in its sentence or the
//! sentences around it. Scare quotes of one to three words (the party's “moderates”) and quoted
//! titles ("an op-ed titled “…”", "Read Also: “…”") are not quotations of speech.

use std::sync::LazyLock;

use super::context::Context;
use super::{Finding, Fix, Hit, Reads, Rule, Severity};
use crate::lexicon::{self, pattern, Classes, Pattern};
use crate::text::quotes::Quotation;

pub static RULE: Rule = Rule {
    code: "unattributed-quote",
    default_severity: Severity::Warning,
    summary: "A quotation of a clause or more with no speaker in its sentence or the sentences around it.",
    doc: "docs/rules/unattributed-quote.md",
    reads: Reads::Text {
        check,
        fix,
    },
};

/// Quotations of one to three words are scare quotes or terms, not speech.
const MIN_WORDS: usize = 4;

/// Words just before a quotation that make it a title or a slogan, not speech.
static TITLE_CUE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:entitled|titled|headlined|headed|called|named|dubbed|labelled|labeled|slogan|slogans|chanting|chanted",
        r"|hashtag|banner|read\s+also|also\s+read|read\s+more|under\s+the\s+(?:title|heading)|known\s+as)\s*:?\s*$",
    ))
});

fn check(cx: &Context, out: &mut Vec<Hit>) {
    for q in &cx.quotations {
        if q.words(&cx.text).nth(MIN_WORDS - 1).is_none() || is_title(cx, q) {
            continue;
        }
        let (Some(first), Some(last)) = (
            cx.sentence_at(q.outer.start),
            cx.sentence_at(q.outer.end.saturating_sub(1)),
        ) else {
            continue;
        };
        if cx.is_disclaimer(first) || has_speaker(cx, q, first, last) {
            continue;
        }
        out.push(Hit::new(
            q.outer.clone(),
            "This quotation has no speaker in its sentence or the sentences around it. Say who said it (“…,” Haddad said): readers must be able to tell whose words these are.".into(),
        ));
    }
}

fn is_title(cx: &Context, q: &Quotation) -> bool {
    let before = &cx.low[..q.outer.start];
    let line_start = cx.text[..q.outer.start].rfind('\n').map_or(0, |i| i + 1);
    let window = before.len().saturating_sub(40).max(line_start);
    let window = (window..=before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(before.len());
    TITLE_CUE.is_match(&before[window..])
}

/// A speaker in the quotation's sentences or the ones on either side of them, or a colon after a
/// name introducing it ("Haddad was blunt: “…”").
fn has_speaker(cx: &Context, q: &Quotation, first: usize, last: usize) -> bool {
    // In its own sentences any voice will do; next to it, only somebody saying something:
    // "Supporters of the law see it as leverage" after a quotation is not its speaker.
    let speaks = |j: usize| cx.attributions(j).iter().any(|a| a.speaks());
    // "Trump attacked “the hateful ideology …”": the quotation is what the source's stance is
    // about, in the source's words.
    let quoted_by = |j: usize| {
        cx.attributions(j)
            .iter()
            .any(|a| !a.negated && a.content.contains(&q.outer.start))
    };
    (first..=last).any(|j| cx.has_voice(j) || quoted_by(j))
        || (first > 0 && speaks(first - 1))
        || (last + 1 < cx.sentences.len() && speaks(last + 1))
        || introduced_by_colon(cx, q, first)
        || transcript(cx, q)
}

/// "“WALLACE: Do you really see …”": a transcript's line, its speaker before the colon.
fn transcript(cx: &Context, q: &Quotation) -> bool {
    let inner = &cx.text[q.outer.clone()];
    let inner = inner.trim_start_matches(|c: char| !c.is_alphanumeric());
    inner.split_once(':').is_some_and(|(name, _)| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
    })
}

fn introduced_by_colon(cx: &Context, q: &Quotation, first: usize) -> bool {
    let start = cx.sentences[first].start;
    let before = cx.text[start.min(q.outer.start)..q.outer.start].trim_end();
    let Some(clause) = before.strip_suffix(':') else {
        return false;
    };
    let mut words = clause.split_whitespace();
    let Some(opener) = words.next() else {
        return false;
    };
    let named_later = words.any(|w| w.starts_with(|c: char| c.is_uppercase()));
    let opener_lower = opener.to_lowercase();
    let names_opener = opener.starts_with(|c: char| c.is_uppercase())
        && !lexicon::is(&opener_lower, Classes::FUNCTION_WORD);
    named_later || names_opener || matches!(opener_lower.as_str(), "he" | "she" | "they" | "we")
}

/// "${1:Speaker} said: " before a quotation that opens its sentence; otherwise
/// ", ${1:speaker} said" at the end of the sentence.
fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    let i = cx.sentence_at(finding.range.start)?;
    let title = "Say who said this".to_string();
    if cx.sentences[i].start == finding.range.start {
        let at = finding.range.start;
        return Some(Fix {
            title,
            edits: vec![(at..at, "${1:Speaker} said: ".into())],
            snippet: true,
        });
    }
    let last = cx.sentence_at(finding.range.end.saturating_sub(1))?;
    let sentence = cx.sentence_text(last);
    let body = sentence.trim_end_matches(['.', '!', '?', '…']);
    let at = cx.sentences[last].start + body.len();
    Some(Fix {
        title,
        edits: vec![(at..at, ", ${1:speaker} said".into())],
        snippet: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{check, RuleSettings};
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_without_a_speaker() {
        let text =
            "The talks ended. “We will never accept this plan,” the statement said. It was late.";
        assert!(phrases(text).is_empty(), "the statement is the speaker");
        let text = "The talks ended.\n\n“We will never accept this plan.”\n\nThe hall emptied.";
        assert_eq!(phrases(text), ["“We will never accept this plan.”"]);
        let text = "Talks ended. “We will never accept this plan.” The ministry has not said more.";
        assert_eq!(
            phrases(text),
            ["“We will never accept this plan.”"],
            "silence is no speaker"
        );
        let text = "Talks ended. “We will never accept this plan.” Supporters see it as leverage.";
        assert_eq!(
            phrases(text),
            ["“We will never accept this plan.”"],
            "a view is no speaker"
        );
        let text = "Prices rose. The plan is \"a betrayal of the revolution\" and must go. Crowds gathered.";
        assert_eq!(phrases(text), ["\"a betrayal of the revolution\""]);
    }

    #[test]
    fn silent_with_a_speaker_nearby_or_for_scare_quotes() {
        assert!(phrases("“We will never accept this plan,” Haddad said.").is_empty());
        assert!(phrases("Haddad spoke at length. “We will never accept this plan.”").is_empty());
        assert!(
            phrases("“We will never accept this plan.” Those were Haddad’s words, he said.")
                .is_empty()
        );
        assert!(
            phrases("The party’s “moderates” left the “step-for-step approach” behind.").is_empty()
        );
        assert!(phrases("Nasser was blunt: “We will never accept this plan.”").is_empty());
        assert!(phrases("Read Also: “Russia and Turkey agree on a new line”").is_empty());
        assert!(phrases("She wrote an op-ed titled “Why the talks in Geneva failed”.").is_empty());
    }

    #[test]
    fn fix_adds_a_speaker() {
        let text = "“We will never accept this plan.”";
        let f = &check(text, &RuleSettings::default())[0];
        let fx = fix(&Context::new(text), f).unwrap();
        assert_eq!(fx.edits, [(0..0, "${1:Speaker} said: ".to_string())]);
    }
}
