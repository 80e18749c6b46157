//! `unattributed-claim`: a claim made through a construction without an agent — "it is believed
//! that", "it was revealed", "amid speculation that", "it seems that", "there seems to be",
//! "it is no secret that", "Russia is thought to have …" — in a sentence that names no source.

use crate::attribution::agentless::claims;

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Reads, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "unattributed-claim",
    default_severity: Severity::Warning,
    summary: "A claim made through an agentless construction (“it is believed that”) with no source in its sentence.",
    doc: "docs/rules/unattributed-claim.md",
    reads: Reads::Text {
        check,
        fix,
    },
};

fn check(cx: &Context, out: &mut Vec<Hit>) {
    for m in claims(&cx.low) {
        let Some(i) = cx.own_sentence(m.start) else {
            continue;
        };
        // A source inside the claim ("it is expected that the statement will say …") is part
        // of what is claimed, not its source; one after it ("…, Haddad said") is.
        let sourced = cx.attributions(i).iter().any(|a| {
            let inside = a.speaker.start >= m.end && a.content.start >= a.cue.end;
            a.sources_claims() && !inside
        });
        if sourced {
            continue;
        }
        let phrase = cx.quote(m.clone());
        out.push(Hit::new(
            m,
            format!(
                "“{phrase}” states a claim without saying whose it is. Name who believes, says or expects this (“Haddad believes that …”, “according to …”): wire-service style guides ask for named sources and warn against words that hide them."
            ),
        ));
    }
}

/// "It is believed that" becomes "${1:Source} believes that"; other constructions get
/// ", according to ${1:source}" at the end of the sentence.
fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    let phrase = &cx.text[finding.range.clone()];
    if let Some(rewritten) = with_subject(phrase) {
        return Some(Fix {
            title: "Say who holds this view".into(),
            edits: vec![(finding.range.clone(), rewritten)],
            snippet: true,
        });
    }
    fix::append_source(cx, finding.range.start, "Add the source of this claim")
}

/// Rewrites "it is/was [adverb] VERB that" with a placeholder subject, or `None`.
fn with_subject(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let [it, aux, .., verb, "that"] = words.as_slice() else {
        return None;
    };
    if !it.eq_ignore_ascii_case("it") {
        return None;
    }
    let past = match aux.to_ascii_lowercase().as_str() {
        "is" => false,
        "was" => true,
        _ => return None,
    };
    let (present, simple_past) = match verb.to_ascii_lowercase().as_str() {
        "believed" => ("believes", "believed"),
        "said" => ("says", "said"),
        "thought" => ("thinks", "thought"),
        "understood" => ("understands", "understood"),
        "expected" => ("expects", "expected"),
        "reported" => ("reports", "reported"),
        "claimed" => ("claims", "claimed"),
        "feared" => ("fears", "feared"),
        "known" => ("knows", "knew"),
        "argued" => ("argues", "argued"),
        "suggested" => ("suggests", "suggested"),
        "alleged" => ("alleges", "alleged"),
        "assumed" => ("assumes", "assumed"),
        "estimated" => ("estimates", "estimated"),
        "hoped" => ("hopes", "hoped"),
        "revealed" => ("reveals", "revealed"),
        _ => return None,
    };
    let placeholder = if it.starts_with('I') {
        "${1:Source}"
    } else {
        "${1:source}"
    };
    let verb = if past { simple_past } else { present };
    Some(format!("{placeholder} {verb} that"))
}

#[cfg(test)]
mod tests {
    use super::super::{check, RuleSettings};
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_on_agentless_claims() {
        assert_eq!(
            phrases("It is believed that Moscow vetoed the text."),
            ["It is believed that"]
        );
        assert_eq!(
            phrases("It was revealed on Sunday that talks had collapsed."),
            ["It was revealed"]
        );
        // Any white space between the words: a line break, a tab, a no-break space.
        assert_eq!(
            phrases("It is\nwidely\tbelieved\u{a0}that Moscow vetoed the text."),
            ["It is\nwidely\tbelieved\u{a0}that"]
        );
        assert_eq!(
            phrases("The envoy resigned amid speculation that Damascus had blocked him."),
            ["amid speculation that"]
        );
        assert_eq!(
            phrases("There are fears that the truce will not hold."),
            ["There are fears that"]
        );
        assert_eq!(
            phrases("There is a sense among some that the envoy has given up."),
            ["There is a sense among some that"]
        );
        assert_eq!(
            phrases("It seems that Ankara has changed course."),
            ["It seems that"]
        );
        assert_eq!(
            phrases("There seems to be a deal on the table."),
            ["There seems to be"]
        );
        assert_eq!(
            phrases("It is no secret that Tehran funds the militia."),
            ["It is no secret"]
        );
        assert_eq!(
            phrases("Iran is believed to have moved fighters south."),
            ["is believed to"]
        );
        assert_eq!(
            phrases("It is widely accepted in Geneva that the process is dead."),
            ["It is widely accepted"]
        );
    }

    #[test]
    fn silent_when_the_sentence_names_its_source() {
        assert!(phrases("It is believed that Moscow vetoed the text, Haddad said.").is_empty());
        assert!(
            phrases("According to Nasser, it seems that Ankara has changed course.").is_empty()
        );
        assert!(phrases("“It is no secret that we are tired,” Haddad said.").is_empty());
        assert!(phrases("The vote was expected on Monday.").is_empty());
        assert!(phrases("The envoy is expected to arrive on Monday.").is_empty());
    }

    #[test]
    fn fix_rewrites_the_construction() {
        assert_eq!(
            with_subject("It is believed that").as_deref(),
            Some("${1:Source} believes that")
        );
        assert_eq!(
            with_subject("it was widely thought that").as_deref(),
            Some("${1:source} thought that")
        );
        assert_eq!(with_subject("It seems that"), None);
        let text = "Talks stalled amid speculation that Moscow objected.";
        let f = &check(text, &RuleSettings::default())[0];
        let fx = fix(&Context::new(text), f).unwrap();
        assert_eq!(fx.edits[0].1, ", according to ${1:source}");
        assert_eq!(fx.edits[0].0.start, text.len() - 1);
    }
}
