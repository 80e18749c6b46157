//! `anonymous-source`: an unnamed individual — "a source said", "an official said", "according to
//! a ministry official", "a source familiar with the talks", "an expert on regional affairs says",
//! "a defector relays". Each claim resting on one is reported: where the source is introduced,
//! and at each later mention ("the source added"), which points back to the introduction and is
//! listed in the introduction's related information.

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Reads, Related, Rule, Severity};
use crate::attribution::Class;
use crate::lexicon::{self, Classes};

pub static RULE: Rule = Rule {
    code: "anonymous-source",
    default_severity: Severity::Information,
    summary: "An unnamed source (“a source said”, “an official said”); says when no reason for the anonymity is given.",
    doc: "docs/rules/anonymous-source.md",
    reads: Reads::Text {
        check,
        fix,
    },
};

fn check(cx: &Context, out: &mut Vec<Hit>) {
    // Introductions so far, newest last: (role noun, index into `out`).
    let mut introduced: Vec<(String, usize)> = Vec::new();
    for i in cx.speaker_sentences().iter().copied() {
        let anonymous = cx
            .attributions(i)
            .iter()
            .any(|a| matches!(a.class, Class::Anonymous(_)));
        // Asked only of sentences with something to report: the pattern costs more than that.
        if !anonymous || cx.is_disclaimer(i) {
            continue;
        }
        for a in cx.sources(i) {
            match &a.class {
                Class::Anonymous(anon) if !anon.reference => {
                    // "A Turkish official, speaking on condition …, said": point at the source.
                    let range = if cx.text[a.range.clone()].contains(',') {
                        a.speaker.clone()
                    } else {
                        a.range.clone()
                    };
                    let phrase = cx.quote(range.clone());
                    introduced.push((anon.lemma.clone(), out.len()));
                    let message = message(&phrase, anon.explained, anon.described);
                    out.push(Hit::of_relation(cx, a, range, message));
                }
                // A later mention is another claim that rests on the same unnamed source: a
                // fact-checker goes through each. (One with no introduction before it is most
                // often a named person's role, "the official", and is left alone.)
                Class::Anonymous(anon) => {
                    let Some(&(_, at)) = introduced.iter().rev().find(|(l, _)| *l == anon.lemma)
                    else {
                        continue;
                    };
                    out[at].related.push(Related {
                        range: a.range.clone(),
                        message: "a later mention of the same anonymous source".into(),
                    });
                    // Only the nouns that keep a source unnamed ("the source", "the official")
                    // stay unnamed: a lede's "a lawmaker" or "a newspaper" is mostly named in
                    // the next lines, and "the lawmaker" is then that name.
                    // ("The official did not say whether …" makes no claim.)
                    if !lexicon::is(&anon.lemma, Classes::ANONYMOUS_HEAD) || a.negated {
                        continue;
                    }
                    let first = out[at].related[0].range.clone();
                    let message = format!(
                        "“{}” is the unnamed source introduced earlier as “{}”: this claim rests on it too, and a reader cannot check it either.",
                        cx.quote(a.speaker.clone()),
                        cx.quote(first.clone()),
                    );
                    let mut hit = Hit::of_relation(cx, a, a.range.clone(), message);
                    hit.related.push(Related {
                        range: first,
                        message: "where the unnamed source is introduced".into(),
                    });
                    out.push(hit);
                }
                _ => {}
            }
        }
    }
}

fn message(phrase: &str, reason: bool, described: bool) -> String {
    if reason {
        // AP style's anonymous source: the reason is given; only the position may be missing.
        let position = if described {
            "Check that it says what position gives them the information."
        } else {
            "Say what position gives them the information (“a ministry official involved in the talks”)."
        };
        return format!(
            "“{phrase}” is an unnamed source, and the text says why it is not named. {position}"
        );
    }
    let missing = if described {
        " The text gives no reason for the anonymity."
    } else {
        " The text gives no reason for the anonymity and does not describe the source's position."
    };
    format!(
        "“{phrase}” relies on an unnamed source.{missing} Wire-service style guides accept anonymous sources only when needed, saying why the source is not named and what position gives them the information; name the source if you can."
    )
}

/// Inserts a clause giving the reason for the anonymity after the words naming the source.
fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    let a = fix::attribution_at(cx, finding)?;
    // The text says why already ("who asked not to be named because …"): a second reason
    // would be wrong. A later mention's reason belongs where the source is introduced.
    if matches!(&a.class, Class::Anonymous(anon) if anon.explained || anon.reference) {
        return None;
    }
    let at = a.speaker.end;
    let rest = &cx.text[at..];
    let closes = rest.starts_with([',', '.', ';', ':', '!', '?']) || rest.trim().is_empty();
    let clause = if closes {
        ", who spoke on condition of anonymity because ${1:reason}"
    } else {
        ", who spoke on condition of anonymity because ${1:reason},"
    };
    Some(Fix {
        title: "Say why the source is not named".into(),
        edits: vec![(at..at, clause.into())],
        snippet: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{check, RuleSettings};
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        check(text, &RuleSettings::default())
            .into_iter()
            .filter(|f| f.code == RULE.code)
            .collect()
    }

    fn phrases(text: &str) -> Vec<&str> {
        findings(text).into_iter().map(|f| &text[f.range]).collect()
    }

    #[test]
    fn fires_on_unnamed_individuals() {
        assert_eq!(
            phrases("A source said the talks failed."),
            ["A source said"]
        );
        assert_eq!(
            phrases("An official said the talks failed."),
            ["An official said"]
        );
        assert_eq!(
            phrases("The talks failed, according to a ministry official."),
            ["according to a ministry official"]
        );
        assert_eq!(
            phrases("A defector relays that the unit moved."),
            ["A defector relays"]
        );
        assert_eq!(
            phrases("An expert on regional affairs says the unit moved."),
            ["An expert on regional affairs says"]
        );
    }

    #[test]
    fn later_mentions_are_claims_of_their_own_pointing_back() {
        let text = "A source said the talks failed. The source added that Moscow objected. Haddad said nothing. The source said more. The source did not say when.";
        let f = findings(text);
        let ranges: Vec<&str> = f.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            ranges,
            ["A source said", "The source added", "The source said"]
        );
        let related = |f: &Finding| -> Vec<&str> {
            f.related.iter().map(|r| &text[r.range.clone()]).collect()
        };
        // The relation itself first (its source, what it is said to say), then later mentions.
        assert_eq!(
            related(&f[0]),
            [
                "A source",
                "the talks failed",
                "The source added",
                "The source said",
                "The source did not say"
            ]
        );
        assert_eq!(
            related(&f[1]),
            ["The source", "Moscow objected", "A source"]
        );
        assert!(
            f[1].message.contains("introduced earlier as “A source”"),
            "{}",
            f[1].message
        );
        // The reason for the anonymity is asked for where the source is introduced.
        let cx = Context::new(text);
        assert!(fix(&cx, &f[0]).is_some());
        assert!(fix(&cx, &f[1]).is_none());
    }

    #[test]
    fn a_role_with_no_introduction_is_left_alone() {
        assert!(phrases("The official said the talks failed.").is_empty());
    }

    #[test]
    fn a_lede_s_description_is_named_after_it() {
        // The lede describes, the next paragraph names: "the lawmaker" is the named one.
        let text = "A lawmaker in Beirut wants the border closed.\n\nThe bill, said Nadim Gemayel, would end smuggling. The lawmaker added that the army agreed.";
        assert_eq!(phrases(text), ["A lawmaker in Beirut wants"]);
    }

    #[test]
    fn message_says_what_is_missing() {
        let bare = &findings("A source said the talks failed.")[0].message;
        assert!(bare.contains("no reason for the anonymity"), "{bare}");
        assert!(bare.contains("does not describe"), "{bare}");
        let full = &findings("A ministry official, who spoke on condition of anonymity because he was not authorised to brief the press, said the talks failed.")[0].message;
        assert!(!full.contains("no reason"), "{full}");
        assert!(full.contains("says why it is not named"), "{full}");
    }

    #[test]
    fn named_sources_are_not_anonymous() {
        assert!(phrases("A spokesman, Ahmad Khalil, said the talks failed.").is_empty());
        assert!(phrases("Foreign Ministry spokesman Ahmad Khalil said so.").is_empty());
        assert!(phrases("The official news agency SANA reported the visit.").is_empty());
    }

    #[test]
    fn fix_inserts_the_reason() {
        let text = "A source said the talks failed.";
        let f = &findings(text)[0];
        let fx = fix(&Context::new(text), f).unwrap();
        assert_eq!(
            fx.edits,
            [(
                8..8,
                ", who spoke on condition of anonymity because ${1:reason},".to_string()
            )]
        );
    }

    #[test]
    fn no_second_reason_where_the_text_gives_one() {
        for text in [
            "A source, who asked not to be named for fear of reprisals, said the talks failed.",
            "An official who was not authorised to discuss the talks said they failed.",
        ] {
            let f = &findings(text)[0];
            assert_eq!(fix(&Context::new(text), f), None, "{text}");
        }
    }
}
