//! Document links: the web addresses written in an article, so that a reader can follow a
//! source from the editor, and the catalog's references of the actors it names (an entry's
//! Wikidata item, else its website), so that a reader can check who an actor is. Addresses are
//! found by linkify, which knows where an address ends in running text (a full stop or a
//! closing bracket after it is no part of it).

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};

use crate::catalog::{ActorSet, Links};
use crate::workspace::{ArticleId, Workspace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub target: String,
    /// What the link leads to, when the words linked do not say it.
    pub tooltip: Option<String>,
}

/// The addresses in `text` (`http://`, `https://` and other schemes linkify knows).
pub fn links(text: &str) -> Vec<Link> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder
        .links(text)
        .map(|link| Link {
            range: link.start()..link.end(),
            target: link.as_str().to_owned(),
            tooltip: None,
        })
        .collect()
}

/// Every link of an article: the addresses it cites, and on the first mention of each actor
/// whose catalog entry has a reference, that reference — one link an actor, not one a
/// mention, which would underline every "Syria" of the text. In order; a mention inside a
/// cited address is left to the address.
pub fn article_links(ws: &Workspace, id: ArticleId) -> Vec<Link> {
    let article = ws.article(id);
    let catalog = ws.catalog();
    let mut found = links(&article.text);
    let cited = found.clone();
    let mut seen = ActorSet::new(catalog.len());
    for mention in &article.mentions {
        let Some(actor) = ws.resolve(mention) else {
            continue;
        };
        let a = catalog.get(actor);
        let Some((target, place)) = reference(&a.links) else {
            continue;
        };
        let inside =
            |l: &Link| l.range.start < mention.range.end && mention.range.start < l.range.end;
        if cited.iter().any(inside) || !seen.insert(actor) {
            continue;
        }
        found.push(Link {
            range: mention.range.clone(),
            target,
            tooltip: Some(format!("{} on {place}", a.name)),
        });
    }
    found.sort_by_key(|l| l.range.start);
    found
}

/// An entry's reference and where it leads: its Wikidata item, else its website.
fn reference(links: &Links) -> Option<(String, &'static str)> {
    match (&links.wikidata, &links.website) {
        (Some(q), _) => Some((format!("https://www.wikidata.org/wiki/{q}"), "Wikidata")),
        (None, Some(site)) => Some((site.clone(), "its website")),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_end_where_the_sentence_goes_on() {
        let text = "The ministry's statement (https://mfa.gov.example/2019/talks?id=4) said so. See https://reliefweb.int/report.";
        let found: Vec<&str> = links(text).iter().map(|l| &text[l.range.clone()]).collect();
        assert_eq!(
            found,
            [
                "https://mfa.gov.example/2019/talks?id=4",
                "https://reliefweb.int/report"
            ]
        );
        assert!(links("No address, not even user@example.org.").is_empty());
    }
}
