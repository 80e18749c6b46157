//! `hedged-report`: "reportedly", "allegedly", "is said to", "rumoured" — a report whose author is
//! not given, unless the same or the next sentence names whose report it is.

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Reads, Rule, Severity};
use crate::attribution::agentless::hedges;

pub static RULE: Rule = Rule {
    code: "hedged-report",
    default_severity: Severity::Information,
    summary: "A hedge (“reportedly”, “allegedly”, “is said to”) with no source in its sentence or the next.",
    doc: "docs/rules/hedged-report.md",
    reads: Reads::Text {
        check,
        fix,
    },
};

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
}
