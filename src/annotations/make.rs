//! Making annotations in the editor: which words a code action offers to annotate (the claim,
//! the mention, the selection), which actors "This is …" offers, and the annotation itself.

use std::ops::Range;

use super::anchor::{position_of, quote_of};
use super::model::{Annotation, Body, Motivation};
use crate::article::Article;
use crate::catalog::{ActorId, ActorKind, Catalog};

/// At most this many actors are offered for one mention.
const MAX_CANDIDATES: usize = 6;

/// A new annotation on a byte range of `text`, the article `source` names.
pub fn annotation(
    text: &str,
    range: &Range<usize>,
    source: String,
    motivation: Motivation,
    body: Body,
) -> Annotation {
    Annotation {
        id: new_id(),
        motivation,
        source,
        quote: Some(quote_of(text, range)),
        position: Some(position_of(text, range)),
        body,
    }
}

/// A fresh `urn:uuid:` (version 4: random bits from the standard library's hasher keys).
pub fn new_id() -> String {
    use std::hash::{BuildHasher, RandomState};
    let time = std::time::SystemTime::now();
    let high = RandomState::new().hash_one(time);
    let low = RandomState::new().hash_one((time, high));
    let bits = ((u128::from(high) << 64 | u128::from(low)) & !(0xf000 << 64) & !(0xc << 60))
        | (0x4000 << 64)
        | (0x8 << 60);
    let hex = format!("{bits:032x}");
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The words a claim's verdict is on: the selection when there is one (trimmed), else the
/// sentence at `start` — of the prose, so never front matter or code.
pub fn claim_at(article: &Article, start: usize, end: usize) -> Option<Range<usize>> {
    let text = &article.text;
    if start < end {
        return trimmed(text, start..end.min(text.len()));
    }
    let markdown = crate::text::markdown::is_markdown(&article.path);
    let prose = crate::text::markdown::prose(text, markdown);
    crate::text::sentences::sentences(&prose)
        .into_iter()
        .find(|s| s.start <= start && start <= s.end)
        .and_then(|s| trimmed(text, s))
}

/// The words a mention's identity is on: the selection, else the mention at `start`.
pub fn mention_at(article: &Article, start: usize, end: usize) -> Option<Range<usize>> {
    if start < end {
        return trimmed(&article.text, start..end.min(article.text.len()));
    }
    article
        .mention_at(start)
        .map(|i| article.mentions[i].range.clone())
}

fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return None;
    }
    let words = &text[range.clone()];
    let start = range.start + (words.len() - words.trim_start().len());
    let end = range.start + words.trim_end().len();
    (start < end).then_some(start..end)
}

/// The actors "This is …" offers for the words at `range`: those the mention there may be
/// (the one it resolves to first), then the people whose surname is the words' last word.
pub fn candidates(
    catalog: &Catalog,
    article: &Article,
    resolved: Option<ActorId>,
    range: &Range<usize>,
) -> Vec<ActorId> {
    let mut out: Vec<ActorId> = resolved.into_iter().collect();
    if let Some(i) = article.mention_at(range.start) {
        out.extend(article.mentions[i].target.candidates());
    }
    let words = &article.text[range.clone()];
    if let Some(last) = words.split_whitespace().last() {
        let last = last
            .strip_suffix("’s")
            .or_else(|| last.strip_suffix("'s"))
            .unwrap_or(last);
        let namesakes = catalog.actors().filter(|(_, a)| {
            a.kind == ActorKind::Person
                && (a.name.rsplit(' ').next() == Some(last)
                    || a.aliases.iter().any(|n| n.rsplit(' ').next() == Some(last)))
        });
        out.extend(namesakes.map(|(id, _)| id));
    }
    let mut seen = Vec::new();
    out.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    out.truncate(MAX_CANDIDATES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use crate::mentions::Matcher;
    use std::path::PathBuf;

    #[test]
    fn ids_are_version_4_uuids_and_differ() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        let uuid = a.strip_prefix("urn:uuid:").unwrap();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "4");
        assert!("89ab".contains(&uuid[19..20]), "{uuid}");
    }

    #[test]
    fn a_claim_is_the_sentence_at_the_cursor_or_the_selection() {
        let catalog = default_catalog();
        let text =
            "---\ntitle: Talks\n---\nThe envoy left. It is believed that the talks failed.\n";
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        let at = text.find("believed").unwrap();
        let claim = claim_at(&article, at, at).unwrap();
        assert_eq!(&text[claim], "It is believed that the talks failed.");
        assert_eq!(claim_at(&article, 2, 2), None);
        let selected = claim_at(&article, at - 1, at + 9).unwrap();
        assert_eq!(&text[selected], "believed");
    }

    #[test]
    fn this_is_offers_the_namesakes() {
        let catalog = default_catalog();
        let text = "Foreign Minister Sergey Lavrov arrived. Lavrov spoke.";
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        let at = text.rfind("Lavrov").unwrap();
        let range = mention_at(&article, at, at).unwrap();
        let lavrov = catalog.by_id("sergey-lavrov").unwrap();
        assert_eq!(
            candidates(&catalog, &article, Some(lavrov), &range)[0],
            lavrov
        );
    }
}
