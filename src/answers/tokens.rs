//! Semantic tokens: the words an editor colours by what they are — each actor mention by the
//! actor's kind, each attribution's source by its class (named, vague, anonymous…), so that a
//! vague source stands out while the text is written.

use std::ops::Range;

use crate::attribution::Class;
use crate::catalog::ActorKind;
use crate::workspace::{ArticleId, Workspace};

/// What a token is: its type is an actor's kind or `source` ([`types`]), a source's class its
/// one modifier ([`modifiers`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Actor(ActorKind),
    Source(SourceClass),
}

/// The class of a source as a token modifier: [`Class`] with the anonymity's reason as a class
/// of its own, named as identifiers are (`anonymousExplained`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceClass {
    Named,
    Pronoun,
    Anonymous,
    AnonymousExplained,
    Vague,
    Collective,
    Data,
    Agentless,
}

impl SourceClass {
    /// Every class, in legend order.
    pub const ALL: [SourceClass; 8] = [
        SourceClass::Named,
        SourceClass::Pronoun,
        SourceClass::Anonymous,
        SourceClass::AnonymousExplained,
        SourceClass::Vague,
        SourceClass::Collective,
        SourceClass::Data,
        SourceClass::Agentless,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SourceClass::Named => "named",
            SourceClass::Pronoun => "pronoun",
            SourceClass::Anonymous => "anonymous",
            SourceClass::AnonymousExplained => "anonymousExplained",
            SourceClass::Vague => "vague",
            SourceClass::Collective => "collective",
            SourceClass::Data => "data",
            SourceClass::Agentless => "agentless",
        }
    }

    fn of(class: &Class) -> Self {
        match class {
            Class::Named => SourceClass::Named,
            Class::Pronoun => SourceClass::Pronoun,
            Class::Anonymous(a) if a.explained => SourceClass::AnonymousExplained,
            Class::Anonymous(_) => SourceClass::Anonymous,
            Class::Vague => SourceClass::Vague,
            Class::Collective => SourceClass::Collective,
            Class::Data => SourceClass::Data,
            Class::Agentless => SourceClass::Agentless,
        }
    }
}

/// The token type of a source.
const SOURCE: &str = "source";

/// The token types, in legend order: the actor kinds, then `source`.
pub fn types() -> Vec<&'static str> {
    ActorKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain([SOURCE])
        .collect()
}

/// The token modifiers, in legend order: the classes of a source.
pub fn modifiers() -> Vec<&'static str> {
    SourceClass::ALL.iter().map(|c| c.name()).collect()
}

impl Kind {
    /// The index of the token's type in [`types`].
    pub fn type_index(self) -> usize {
        match self {
            Kind::Actor(kind) => ActorKind::ALL.iter().position(|&k| k == kind).unwrap_or(0),
            Kind::Source(_) => ActorKind::ALL.len(),
        }
    }

    /// The bit set of the token's modifiers over [`modifiers`].
    pub fn modifiers(self) -> u32 {
        match self {
            Kind::Actor(_) => 0,
            Kind::Source(class) => {
                1 << SourceClass::ALL
                    .iter()
                    .position(|&c| c == class)
                    .unwrap_or(0)
            }
        }
    }
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
        .map(|a| (a.speaker, Kind::Source(SourceClass::of(&a.class))))
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
            .map(|(r, k)| (text[r].to_owned(), types()[k.type_index()], k.modifiers()))
            .collect()
    }

    #[test]
    fn actors_by_kind_and_sources_by_class() {
        let found = tokens_of(
            "a.md",
            "Geir Pedersen met officials in Damascus. Observers say the UN will fail.\n",
        );
        let vague = Kind::Source(SourceClass::Vague).modifiers();
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
        let named = Kind::Source(SourceClass::Named).modifiers();
        assert_eq!(
            found,
            [
                ("Geir Pedersen".to_owned(), "person", 0),
                ("Geir Pedersen".to_owned(), "source", named)
            ]
        );
    }
}
