//! Notes that survive edits: W3C Web Annotations on an article's words, kept beside the
//! articles in `.dossier/annotations.jsonl` ([`store`]), found again in the text as it is now
//! ([`anchor`]), and what they change in the answers: a claim marked verified is no finding (in
//! the editor, a finding of information that says so), an annotation whose words are gone is a
//! finding at the top of the article (`orphaned-annotation`), an identifying annotation names
//! the actor of the mention it covers, and hover shows the notes on a span.

pub mod anchor;
pub mod make;
pub mod model;
pub mod store;

use std::fmt::Write;
use std::ops::Range;

pub use anchor::{anchor, Anchor, State};
pub use model::{Annotation, Assessment, Body, Motivation, Position, Quote};
pub use store::Store;

use crate::article::Article;
use crate::catalog::Catalog;
use crate::mentions::{Form, Mention, Target};
use crate::rules::{self, Finding, RuleSettings, Severity};

/// An annotation and where it stands in the text now.
#[derive(Clone, Debug)]
pub struct Placed<'a> {
    pub annotation: &'a Annotation,
    pub anchor: Anchor,
}

impl Placed<'_> {
    /// The range it covers now, if it is still in the text.
    pub fn range(&self) -> Option<Range<usize>> {
        self.anchor.range.clone()
    }
}

/// Where each annotation of an article stands in its text, in the order given.
pub fn place<'a>(text: &str, annotations: &'a [Annotation]) -> Vec<Placed<'a>> {
    if annotations.is_empty() {
        return Vec::new();
    }
    let chars = anchor::Chars::new(text);
    annotations
        .iter()
        .map(|annotation| Placed {
            anchor: anchor::anchor_in(&chars, annotation.quote.as_ref(), annotation.position),
            annotation,
        })
        .collect()
}

/// What the editor and `dossier check` do with a finding on a claim marked verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    /// Leave it out (`dossier check`).
    Suppress,
    /// Keep it as information that says the claim was verified (the editor).
    Inform,
}

/// The findings of an article with its annotations taken into account: those on a claim marked
/// verified left out or turned into information, and one `orphaned-annotation` finding (when the
/// rule is on) for each annotation whose words are gone.
pub fn review(
    findings: &mut Vec<Finding>,
    placed: &[Placed],
    settings: &RuleSettings,
    verified: Verified,
) {
    let verdicts: Vec<(Range<usize>, &Annotation)> = placed
        .iter()
        .filter(|p| p.annotation.body.assessment == Some(Assessment::Verified))
        .filter_map(|p| Some((p.range()?, p.annotation)))
        .collect();
    if !verdicts.is_empty() {
        findings.retain_mut(|f| {
            let Some((_, a)) = verdicts.iter().find(|(r, _)| overlaps(r, &f.range)) else {
                return true;
            };
            if verified == Verified::Suppress {
                return false;
            }
            f.severity = Severity::Information;
            f.message = format!("Marked verified{}. {}", said(&a.body), f.message);
            true
        });
    }
    if let Some(severity) = settings.severity(rules::ORPHANED_ANNOTATION) {
        let orphans = placed
            .iter()
            .filter(|p| p.anchor.state == State::Orphaned)
            .map(|p| rules::orphaned_annotation(&describe(p.annotation), severity));
        findings.splice(0..0, orphans);
    }
}

/// Whether a finding's range touches an annotated span (an empty finding at its start counts).
fn overlaps(span: &Range<usize>, finding: &Range<usize>) -> bool {
    finding.start < span.end && span.start < finding.end.max(finding.start + 1)
}

/// The note and link of a body, as a clause: " (note; link)".
fn said(body: &Body) -> String {
    let parts: Vec<&str> = [body.note.as_deref(), body.link.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// One line about an annotation: what it says and of which words.
pub fn describe(a: &Annotation) -> String {
    let what = match (&a.motivation, a.body.assessment, &a.body.actor) {
        (_, Some(assessment), _) => format!("claim marked {}", assessment.as_str()),
        (Motivation::Identifying, _, Some(actor)) => format!("mention identified as {actor}"),
        (motivation, ..) => format!("{} note", motivation.as_str()),
    };
    let words = a
        .quote
        .as_ref()
        .map(|q| q.exact.as_str())
        .unwrap_or_default();
    let mut shown: String = words.chars().take(60).collect();
    if shown.len() < words.len() {
        shown.push('…');
    }
    format!("{what} on “{shown}”{}", said(&a.body))
}

/// The notes on the span at `offset`, as Markdown, and the span they cover together.
pub fn hover(
    placed: &[Placed],
    catalog: &Catalog,
    offset: usize,
) -> Option<(Range<usize>, String)> {
    let here: Vec<(Range<usize>, &Annotation)> = placed
        .iter()
        .filter_map(|p| Some((p.range()?, p.annotation)))
        .filter(|(r, _)| r.start <= offset && offset <= r.end && !r.is_empty())
        .collect();
    let first = here.first()?.0.clone();
    let span = here
        .iter()
        .fold(first, |s, (r, _)| s.start.min(r.start)..s.end.max(r.end));
    let mut markdown = String::from("**Annotations**\n");
    for (_, a) in &here {
        let what = match (&a.motivation, a.body.assessment, &a.body.actor) {
            (_, Some(assessment), _) => format!("claim **{}**", assessment.as_str()),
            (Motivation::Identifying, _, Some(actor)) => {
                let name = catalog
                    .by_id(actor)
                    .map_or(actor.as_str(), |id| catalog.get(id).name.as_str());
                format!("this is **{name}**")
            }
            (motivation, ..) => motivation.as_str().to_owned(),
        };
        let _ = write!(markdown, "\n- {what}");
        if let Some(note) = &a.body.note {
            let _ = write!(markdown, " — {note}");
        }
        if let Some(link) = &a.body.link {
            let _ = write!(markdown, " ([source]({link}))");
        }
    }
    Some((span, markdown))
}

/// Makes the mentions that identifying annotations cover name the actor they say (a span with
/// no mention becomes one). Annotations naming no actor of the catalog are left aside.
pub fn identify(article: &mut Article, annotations: &[Annotation], catalog: &Catalog) {
    let identities: Vec<(Range<usize>, crate::catalog::ActorId)> =
        place(&article.text, annotations)
            .iter()
            .filter(|p| p.annotation.motivation == Motivation::Identifying)
            .filter_map(|p| {
                let actor = catalog.by_id(p.annotation.body.actor.as_deref()?)?;
                Some((p.range().filter(|r| !r.is_empty())?, actor))
            })
            .collect();
    for (range, actor) in identities {
        let mut covered = false;
        for m in article
            .mentions
            .iter_mut()
            .filter(|m| overlaps(&range, &m.range))
        {
            m.target = Target::Actor(actor);
            covered = true;
        }
        if !covered {
            let at = article
                .mentions
                .partition_point(|m| m.range.start < range.start);
            article.mentions.insert(
                at,
                Mention {
                    range,
                    target: Target::Actor(actor),
                    form: Form::Name,
                },
            );
        }
    }
}

/// Whether any of an article's annotations identifies a mention (and so changes its analysis).
pub fn identifies(annotations: &[Annotation]) -> bool {
    annotations
        .iter()
        .any(|a| a.motivation == Motivation::Identifying)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use crate::mentions::Matcher;
    use std::path::PathBuf;

    fn note(text: &str, words: &str, motivation: Motivation, body: Body) -> Annotation {
        let start = text.find(words).unwrap();
        let range = start..start + words.len();
        Annotation {
            id: format!("urn:test:{words}"),
            motivation,
            source: "a.md".into(),
            quote: Some(anchor::quote_of(text, &range)),
            position: Some(anchor::position_of(text, &range)),
            body,
        }
    }

    #[test]
    fn a_verified_claim_is_no_warning() {
        let text = "It is believed that the talks failed. Observers say the envoy left.";
        let verified = note(
            text,
            "It is believed that the talks failed.",
            Motivation::Assessing,
            Body {
                assessment: Some(Assessment::Verified),
                link: Some("https://example.org/minutes".into()),
                ..Body::default()
            },
        );
        let settings = RuleSettings::default();
        let all = rules::check(text, &settings);
        assert_eq!(all.len(), 2);
        let notes = [verified];
        let placed = place(text, &notes);
        let mut editor = all.clone();
        review(&mut editor, &placed, &settings, Verified::Inform);
        assert_eq!(editor[0].severity, Severity::Information);
        assert!(editor[0]
            .message
            .starts_with("Marked verified (https://example.org/minutes)."));
        assert_eq!(editor[1], all[1]);
        let mut check = all.clone();
        review(&mut check, &placed, &settings, Verified::Suppress);
        assert_eq!(check, all[1..]);
    }

    #[test]
    fn an_orphan_is_a_finding_at_the_top() {
        let text = "The envoy met Haddad in Geneva on Monday.";
        let notes = [note(
            text,
            "met Haddad in Geneva",
            Motivation::Commenting,
            Body::default(),
        )];
        let now = "The envoy stayed home.";
        let mut findings = Vec::new();
        review(
            &mut findings,
            &place(now, &notes),
            &RuleSettings::default(),
            Verified::Inform,
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].code, findings[0].range.clone()),
            ("orphaned-annotation", 0..0)
        );
        assert!(
            findings[0].message.contains("“met Haddad in Geneva”"),
            "{}",
            findings[0].message
        );
        let mut off = RuleSettings::default();
        off.set("orphaned-annotation", None).unwrap();
        let mut none = Vec::new();
        review(&mut none, &place(now, &notes), &off, Verified::Inform);
        assert!(none.is_empty());
    }

    #[test]
    fn an_identifying_note_names_the_actor() {
        let catalog = default_catalog();
        let text = "Pedersen met the businessman in Geneva.";
        let mut article =
            Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        let lavrov = catalog.by_id("sergey-lavrov").unwrap();
        let body = |actor: &str| Body {
            actor: Some(actor.into()),
            ..Body::default()
        };
        let notes = [
            note(
                text,
                "Pedersen",
                Motivation::Identifying,
                body("sergey-lavrov"),
            ),
            note(
                text,
                "the businessman",
                Motivation::Identifying,
                body("sergey-lavrov"),
            ),
            note(
                text,
                "Geneva",
                Motivation::Identifying,
                body("no-such-actor"),
            ),
        ];
        identify(&mut article, &notes, &catalog);
        let named: Vec<(&str, Option<_>)> = article
            .mentions
            .iter()
            .map(|m| (&text[m.range.clone()], m.target.actor()))
            .collect();
        assert_eq!(named[0], ("Pedersen", Some(lavrov)));
        assert_eq!(named[1], ("the businessman", Some(lavrov)));
        let placed = place(text, &notes);
        let (span, card) = hover(&placed, &catalog, 2).unwrap();
        assert_eq!(span, 0..8);
        assert!(card.contains("this is **Sergey Lavrov**"), "{card}");
    }

    #[test]
    fn the_workspace_lets_an_identifying_note_decide_and_undecide() {
        use crate::workspace::Workspace;
        use std::collections::HashMap;
        let mut ws = Workspace::new(default_catalog());
        let text = "UN envoy Geir Pedersen met the press. Pedersen left for Moscow.";
        let path = PathBuf::from("/ws/a.md");
        let id = ws.update(path.clone(), text.into());
        let (pedersen, lavrov) = (
            ws.catalog().by_id("geir-pedersen").unwrap(),
            ws.catalog().by_id("sergey-lavrov").unwrap(),
        );
        let at = text.rfind("Pedersen").unwrap();
        assert_eq!(ws.actor_at(id, at).map(|(_, a)| a), Some(pedersen));
        let body = Body {
            actor: Some("sergey-lavrov".into()),
            ..Body::default()
        };
        let mut notes = note(text, "Pedersen left", Motivation::Identifying, body);
        notes.quote = Some(anchor::quote_of(text, &(at..at + 8)));
        notes.position = Some(anchor::position_of(text, &(at..at + 8)));
        let root = PathBuf::from("/ws");
        ws.set_annotations(&root, HashMap::from([(path.clone(), vec![notes])]));
        assert_eq!(ws.actor_at(id, at).map(|(_, a)| a), Some(lavrov));
        assert_eq!(ws.mentions_of(lavrov).len(), 1);
        // An edit keeps it: the article is identified again as it is indexed.
        ws.update(path.clone(), format!("Update. {text}"));
        assert_eq!(ws.actor_at(id, at + 8).map(|(_, a)| a), Some(lavrov));
        ws.set_annotations(&root, HashMap::new());
        assert_eq!(ws.actor_at(id, at + 8).map(|(_, a)| a), Some(pedersen));
        assert!(ws.mentions_of(lavrov).is_empty());
    }
}
