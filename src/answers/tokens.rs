//! Semantic tokens: the words an editor colours by what they are — each actor mention by the
//! actor's kind, each attribution's source by its class (named, vague, anonymous…), so that a
//! vague source stands out while the text is written.

use std::ops::Range;

use crate::attribution::Class;
use crate::catalog::ActorKind;
use crate::workspace::{ArticleId, Workspace};

/// What a token is. Its legend name is [`Kind::name`]; a source's class is its modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Actor(ActorKind),
    Source(SourceClass),
}

/// The classes of a source, as token modifiers: [`SOURCE_CLASSES`] in legend order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceClass(pub usize);

/// The token types, in legend order: the actor kinds, then `source`.
pub const TYPES: [&str; 7] = [
    "person",
    "organization",
    "state",
    "place",
    "instrument",
    "outlet",
    "source",
];

/// The token modifiers, in legend order: a source's class (`anonymousExplained` for the
/// class named `anonymous-explained`, as modifiers are identifiers).
pub const SOURCE_CLASSES: [&str; 8] = [
    "named",
    "pronoun",
    "anonymous",
    "anonymousExplained",
    "vague",
    "collective",
    "data",
    "agentless",
];

impl Kind {
    /// The index of the token's type in [`TYPES`].
    pub fn type_index(self) -> usize {
        match self {
            Kind::Actor(kind) => TYPES.iter().position(|&t| t == kind.as_str()).unwrap_or(0),
            Kind::Source(_) => TYPES.len() - 1,
        }
    }

    /// The bit set of the token's modifiers over [`SOURCE_CLASSES`].
    pub fn modifiers(self) -> u32 {
        match self {
            Kind::Actor(_) => 0,
            Kind::Source(SourceClass(i)) => 1 << i,
        }
    }
}

fn source_class(class: &Class) -> SourceClass {
    let name = match class.name() {
        "anonymous-explained" => "anonymousExplained",
        other => other,
    };
    SourceClass(SOURCE_CLASSES.iter().position(|&c| c == name).unwrap_or(0))
}

/// The article's tokens, in order and not overlapping: a source that holds a mention ("Foreign
/// Minister Faisal Mekdad said") is the source, coloured by its class; the mentions outside any
/// source are coloured by the actor's kind. Sources are read in the prose only, as the rules
/// read them: not in a Markdown file's front matter or code.
pub fn tokens(ws: &Workspace, id: ArticleId) -> Vec<(Range<usize>, Kind)> {
    let article = ws.article(id);
    let markdown = crate::text::markdown::is_markdown(&article.path);
    let prose = crate::text::markdown::prose(&article.text, markdown);
    let mut sources: Vec<(Range<usize>, Kind)> = crate::rules::attributions(&prose)
        .into_iter()
        .filter(|a| a.speaker.start < a.speaker.end)
        .map(|a| (a.speaker, Kind::Source(source_class(&a.class))))
        .collect();
    sources.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    // A source met twice (a relation per cue) or inside another is coloured once.
    let mut out: Vec<(Range<usize>, Kind)> = Vec::new();
    for (range, kind) in sources {
        if out.last().is_none_or(|(last, _)| last.end <= range.start) {
            out.push((range, kind));
        }
    }
    let inside_a_source = |r: &Range<usize>| {
        let i = out.partition_point(|(s, _)| s.end <= r.start);
        out.get(i).is_some_and(|(s, _)| s.start < r.end)
    };
    let mentions: Vec<(Range<usize>, Kind)> = article
        .mentions
        .iter()
        .filter(|m| !inside_a_source(&m.range))
        .filter_map(|m| {
            let actor = ws.resolve(m)?;
            Some((m.range.clone(), Kind::Actor(ws.catalog().get(actor).kind)))
        })
        .collect();
    out.extend(mentions);
    out.sort_by_key(|(r, _)| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use std::path::PathBuf;

    fn tokens_of(path: &str, text: &str) -> Vec<(String, &'static str, u32)> {
        let mut ws = Workspace::new(default_catalog());
        let id = ws.update(PathBuf::from(path), text.to_owned());
        tokens(&ws, id)
            .into_iter()
            .map(|(r, k)| (text[r].to_owned(), TYPES[k.type_index()], k.modifiers()))
            .collect()
    }

    #[test]
    fn actors_by_kind_and_sources_by_class() {
        let found = tokens_of(
            "a.md",
            "Geir Pedersen met officials in Damascus. Observers say the UN will fail.\n",
        );
        let vague = 1 << SOURCE_CLASSES.iter().position(|&c| c == "vague").unwrap();
        assert_eq!(
            found,
            [
                ("Geir Pedersen".to_owned(), "person", 0),
                ("Damascus".to_owned(), "place", 0),
                ("Observers".to_owned(), "source", vague),
                ("UN".to_owned(), "organization", 0),
            ]
        );
    }

    #[test]
    fn a_named_source_is_one_token_and_front_matter_has_no_source() {
        let found = tokens_of(
            "a.md",
            "---\ntitle: Observers say Geir Pedersen left\n---\nGeir Pedersen said the talks failed.\n",
        );
        let named = 1 << SOURCE_CLASSES.iter().position(|&c| c == "named").unwrap();
        assert_eq!(
            found,
            [
                ("Geir Pedersen".to_owned(), "person", 0),
                ("Geir Pedersen".to_owned(), "source", named)
            ]
        );
    }
}
