//! `vague-attribution`: a source no reader can check — "observers say", "according to analysts",
//! "some say", "there are those who", "critics argue", "experts believe", "according to Western
//! diplomats".

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Reads, Rule, Severity};
use crate::attribution::Class;

pub static RULE: Rule = Rule {
    code: "vague-attribution",
    default_severity: Severity::Warning,
    summary: "A claim attributed to a group no reader can check (“observers say”, “according to analysts”).",
    doc: "docs/rules/vague-attribution.md",
    reads: Reads::Text {
        check,
        fix,
    },
};

fn check(cx: &Context, out: &mut Vec<Hit>) {
    for i in cx.speaker_sentences().iter().copied() {
        let vague = cx.sources(i).filter(|a| a.class == Class::Vague);
        // Asked only of sentences with something to report: the pattern costs more than that.
        if vague.clone().next().is_none() || cx.is_disclaimer(i) {
            continue;
        }
        for a in vague {
            let phrase = cx.quote(a.range.clone());
            let who = if a.speaker == a.range {
                "they".to_string()
            } else {
                format!("“{}”", cx.quote(a.speaker.clone()))
            };
            out.push(Hit::of_relation(
                cx,
                a,
                a.range.clone(),
                format!(
                    "“{phrase}” gives a source no reader can check. Say who {who} are — by name, or by institution and position: wire-service style guides ask for named sources."
                ),
            ));
        }
    }
}

/// Selects the vague words as a placeholder to type the real source over.
fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    let a = fix::attribution_at(cx, finding)?;
    if a.speaker == a.range && a.verb.is_none() {
        // A phrase like "there are those who": the source has to be added, not renamed.
        return fix::append_source(cx, finding.range.start, "Add a named source");
    }
    let who = &cx.text[a.speaker.clone()];
    Some(Fix {
        title: format!("Name the source instead of “{who}”"),
        edits: vec![(a.speaker.clone(), format!("${{1:{}}}", escape_snippet(who)))],
        snippet: true,
    })
}

/// Escapes the characters that are special inside a snippet placeholder.
fn escape_snippet(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

#[cfg(test)]
mod tests {
    use super::super::{check, RuleSettings};
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_on_vague_sources() {
        assert_eq!(
            phrases("Observers say the talks are dead."),
            ["Observers say"]
        );
        assert_eq!(
            phrases("The plan, according to analysts, is dead."),
            ["according to analysts"]
        );
        assert_eq!(phrases("Some say the plan is dead."), ["Some say"]);
        assert_eq!(
            phrases("There are those who think the plan is dead."),
            ["There are those who"]
        );
        assert_eq!(
            phrases("Critics argue that the plan is dead."),
            ["Critics argue"]
        );
        assert_eq!(
            phrases("Experts believe the plan is dead."),
            ["Experts believe"]
        );
        assert_eq!(
            phrases("The plan is dead, according to Western diplomats."),
            ["according to Western diplomats"]
        );
    }

    #[test]
    fn phrases_without_a_vague_noun_and_phrases_broken_across_lines() {
        assert_eq!(
            phrases("By all accounts the plan is dead."),
            ["By all accounts"]
        );
        assert_eq!(
            phrases("There are those who think the plan is dead."),
            ["There are those who"]
        );
        let text = "The talks stalled.\n\nIn the eyes\nof many, the plan is dead.\n";
        let found = check(text, &RuleSettings::default());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "In the eyes\nof many");
        // Quoted on one line: a raw line break would break the report's layout.
        assert!(found[0].message.starts_with("“In the eyes of many” gives"));
    }

    #[test]
    fn silent_on_identified_voices() {
        assert!(phrases("The delegation stressed that the plan is dead.").is_empty());
        assert!(phrases("The participants agreed the plan is dead.").is_empty());
        assert!(phrases("“Some say the plan is dead,” Haddad said.").is_empty());
        assert!(phrases("The observers of the mission said the road was open.").is_empty());
        assert!(phrases("Analyst Rami Khalil says the plan is dead.").is_empty());
    }

    #[test]
    fn fix_selects_the_vague_words() {
        let text = "Observers say the plan is dead.";
        let f = &check(text, &RuleSettings::default())[0];
        let fx = fix(&Context::new(text), f).unwrap();
        assert_eq!(fx.edits, [(0..9, "${1:Observers}".to_string())]);
    }
}
