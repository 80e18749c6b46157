//! `unsourced-figure`: a percentage or statistic ("40 percent", "12,000 families", "6.8 million")
//! with no source in its sentence. One finding per sentence, on its first figure.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Rule, Severity};
use crate::attribution::{Class, CueKind};
use crate::lexicon::pattern;

pub static RULE: Rule = Rule {
    code: "unsourced-figure",
    default_severity: Severity::Hint,
    summary: "A percentage or statistic with no source in its sentence.",
    doc: "docs/rules/unsourced-figure.md",
    needs_workspace: false,
    check,
    fix,
};

/// Percentages, numbers with a magnitude word, and numbers grouped by thousands, in ASCII digits,
/// at the start of the text it is given. Years, dates, resolution numbers and small counts are
/// not statistics.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(concat!(
        r"^(?:[0-9]+(?:[.,][0-9]+)?\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)",
        r"|[0-9]+(?:\.[0-9]+)?\s+(?:million|billion|trillion|thousand)\b",
        r"|[0-9]{1,3}(?:,[0-9]{3})+\b)",
    ))
});

/// The figures of `low`. Every figure starts with a digit at a word boundary, and prose has few
/// digits: the pattern is tried only there, instead of scanning every byte for a number.
fn figures(low: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = low.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let digit = crate::text::find_in(bytes, at, b'0'..=b'9', false)?;
        // A word boundary as the other rules' `\b`: ASCII letters, digits and `_` make words.
        let starts_word =
            digit == 0 || !(bytes[digit - 1].is_ascii_alphanumeric() || bytes[digit - 1] == b'_');
        if let Some(m) = starts_word.then(|| FIGURE.find(&low[digit..])).flatten() {
            at = digit + m.end();
            return Some(digit..at);
        }
        at = digit + 1;
    })
}

fn check(cx: &Context, out: &mut Vec<Hit>) {
    let mut last_sentence = None;
    for m in figures(&cx.low) {
        let Some(i) = cx.own_sentence(m.start) else {
            continue;
        };
        if last_sentence == Some(i) {
            continue;
        }
        last_sentence = Some(i);
        if cx.has_voice(i) || follows_a_finding(cx, i) {
            continue;
        }
        let figure = &cx.text[m.clone()];
        out.push(Hit::new(
            m,
            format!(
                "“{figure}” is given without a source in its sentence. Say where the figure comes from (“according to UNHCR”, “the ministry’s figures show”), so readers can weigh it."
            ),
        ));
    }
}

/// "A new poll by the Times found … Among likely voters, 46 percent …": the figures of a
/// paragraph whose sentence before gives a finding or a document as their source.
fn follows_a_finding(cx: &Context, i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return false;
    };
    let same_paragraph = !cx.text[cx.sentences[before].end..cx.sentences[i].start].contains('\n');
    same_paragraph
        && cx
            .attributions(before)
            .iter()
            .any(|a| a.sources_claims() && (a.kind == CueKind::Finding || a.class == Class::Data))
}

fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    fix::append_source(cx, finding.range.start, "Add the source of this figure")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_on_unsourced_statistics() {
        assert_eq!(phrases("Some 40 percent of the camp left."), ["40 percent"]);
        assert_eq!(
            phrases("Over 12,000 families and 90% of homes."),
            ["12,000"]
        );
        assert_eq!(phrases("Aid fell by 6.8 million dollars."), ["6.8 million"]);
        assert_eq!(phrases("Turnout was 45 per cent."), ["45 per cent"]);
    }

    #[test]
    fn silent_with_a_source_or_no_statistic() {
        assert!(phrases("Some 40 percent of the camp left, UNHCR said.").is_empty());
        assert!(phrases("UN figures put the toll at 12,000.").is_empty());
        assert!(phrases("Resolution 2254 was adopted in 2015 after 3 days.").is_empty());
        assert!(phrases("“Half of us, 50 percent, will leave,” Haddad said.").is_empty());
        // The sentence before, in the same paragraph, gives the finding the figures come from.
        let poll = "A new survey by the Arab Barometer found trust had fallen. Among young \
                    people, 46 percent distrust the parliament.";
        assert!(phrases(poll).is_empty());
        let apart = poll.replace("fallen. ", "fallen.\n\n");
        assert_eq!(phrases(&apart), ["46 percent"]);
    }
}
