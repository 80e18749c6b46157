//! `hedged-report`: "reportedly", "allegedly", "is said to", "rumoured" — a report whose author is
//! not given, unless the same or the next sentence names whose report it is.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Rule, Severity};
use crate::lexicon::pattern;

pub static RULE: Rule = Rule {
    code: "hedged-report",
    default_severity: Severity::Information,
    summary: "A hedge (“reportedly”, “allegedly”, “is said to”) with no source in its sentence or the next.",
    doc: "docs/rules/hedged-report.md",
    needs_workspace: false,
    check,
    fix,
};

/// The hedges, but for "is said to" and its kin only from the verb on: the auxiliary before it
/// ([`auxiliary_before`]) is too common a word for the regex engine to skip ahead by.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red",
        r"|(?:said|alleged|reported)\s+to)\b",
    ))
});

/// The hedges of the lower-cased text: "reportedly" and the like, and "is/are/was/were/been
/// (also) said/alleged/reported to".
fn hedges(low: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    TRIGGER.find_iter(low).filter_map(|m| {
        if m.as_str().ends_with("ly") || m.as_str().starts_with("rumo") {
            return Some(m.range());
        }
        auxiliary_before(low, m.start()).map(|start| start..m.end())
    })
}

/// Where "is", "are", "was", "were" or "been", then white space, then "also" and white space if
/// it is there, end right at `at`: the start of that auxiliary.
fn auxiliary_before(low: &str, at: usize) -> Option<usize> {
    let spaced = |end: usize| {
        let kept = low[..end].trim_end_matches(char::is_whitespace).len();
        (kept < end).then_some(kept)
    };
    // A word of the pattern stands alone: no ASCII letter, digit or `_` before it (`\b`).
    let bytes = low.as_bytes();
    let word_before = |end: usize, word: &str| {
        // Compared as bytes: `end - word.len()` may fall inside a character before the word.
        if !bytes[..end].ends_with(word.as_bytes()) {
            return None;
        }
        let start = end - word.len();
        let alone = bytes[..start]
            .last()
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
        alone.then_some(start)
    };
    let auxiliary = |end: usize| {
        ["is", "are", "was", "were", "been"]
            .iter()
            .find_map(|aux| word_before(end, aux))
    };
    let end = spaced(at)?;
    auxiliary(end).or_else(|| auxiliary(spaced(word_before(end, "also")?)?))
}

fn check(cx: &Context, out: &mut Vec<Hit>) {
    for m in hedges(&cx.low) {
        let Some(i) = cx.own_sentence(m.start) else {
            continue;
        };
        // "He reportedly said …": the hedge is about that very attribution, which cannot answer
        // it. In the next sentence only a named source answers it: "observers say" or "an
        // official said" there does not say whose report this was.
        let answers = |j: usize| {
            cx.attributions(j).iter().any(|a| {
                // In the next sentence, only somebody saying so: "the paper learned that …"
                // there is a finding of its own, not the source of this report.
                let answers = if j == i {
                    a.sources_claims()
                } else {
                    a.speaks()
                };
                if !answers || (j != i && !a.class.identified()) {
                    return false;
                }
                a.verb.as_ref().is_none_or(|v| {
                    let between = cx.text.get(m.end..v.start).unwrap_or("x");
                    !between.trim().is_empty() || v.start < m.end
                })
            })
        };
        if answers(i) || (i + 1 < cx.sentences.len() && answers(i + 1)) {
            continue;
        }
        let phrase = cx.quote(m.clone());
        out.push(Hit::new(
            m,
            format!(
                "“{phrase}” passes on a report without saying whose it is, and neither this sentence nor the next names it. Attribute it (“according to …”, “… told Enab Baladi”): wire-service style guides ask for named sources."
            ),
        ));
    }
}

fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    fix::append_source(cx, finding.range.start, "Say whose report this is")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_on_unsourced_hedges() {
        assert_eq!(phrases("The envoy reportedly met Haddad."), ["reportedly"]);
        assert_eq!(
            phrases("The unit allegedly shelled the town."),
            ["allegedly"]
        );
        assert_eq!(phrases("Haddad is said to be furious."), ["is said to"]);
        assert_eq!(
            phrases("A rumoured deal collapsed. Talks went on."),
            ["rumoured"]
        );
        assert_eq!(
            phrases("Haddad reportedly told Russian officials to wait."),
            ["reportedly"]
        );
    }

    #[test]
    fn silent_when_this_or_the_next_sentence_names_the_report() {
        assert!(phrases("The envoy reportedly met Haddad, Enab Baladi reports.").is_empty());
        assert!(phrases(
            "The envoy reportedly met Haddad. Asharq Al-Awsat said the meeting lasted an hour."
        )
        .is_empty());
        assert!(phrases("“He reportedly left,” Haddad said.").is_empty());
    }

    /// The hedges are those of the whole pattern, auxiliary included, written as one regex.
    mod definition {
        use super::super::hedges;
        use crate::lexicon::pattern;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            let words = prop::sample::select(vec![
                "is",
                "are",
                "was",
                "were",
                "been",
                "also",
                "said",
                "alleged",
                "reported",
                "to",
                "reportedly",
                "rumoured",
                "rumored",
                "this",
                "Was",
                "tomorrow",
                "_is",
                "é",
                "x",
            ]);
            let gaps = prop::sample::select(vec![" ", "  ", "\n", "\u{a0}", "", ", ", "-"]);
            prop::collection::vec((words, gaps), 0..16)
                .prop_map(|parts| parts.into_iter().flat_map(|(w, g)| [w, g]).collect())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5000))]
            #[test]
            fn as_the_single_pattern(text in text()) {
                let whole = pattern(concat!(
                    r"\b(?:reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red",
                    r"|(?:is|are|was|were|been)\s+(?:also\s+)?(?:said|alleged|reported)\s+to)\b",
                ));
                let low = text.to_ascii_lowercase();
                let expected: Vec<_> = whole.find_iter(&low).map(|m| m.range()).collect();
                prop_assert_eq!(hedges(&low).collect::<Vec<_>>(), expected);
            }
        }
    }
}
