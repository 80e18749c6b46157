//! The article-local resolution of what the automaton read: a shared surname or abbreviation
//! settled by whom the article names in full, a name inside someone else's dropped.

use std::ops::Range;

use super::{Choice, Form, Mention, Target};
use crate::catalog::{ActorId, ActorSet};

/// A mention as first read, before the article settles what the text alone cannot.
pub(super) struct Hit<'m> {
    pub range: Range<usize>,
    pub choice: &'m Choice,
    /// The spelling's pattern index.
    pub pattern: usize,
    pub beside: Beside,
}

/// What the words beside a one-word name of people say of whom it names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Beside {
    Alone,
    /// The given name of this candidate is written with it.
    Named(ActorId),
    /// It is part of another person's name.
    Other,
}

/// Settles shared surnames and abbreviations by what the article itself names: the candidate
/// named in full earlier, else anywhere in the article, else the mention's default. A surname
/// no other catalog person shares was settled by the automaton already; a weak one that the
/// article does not settle is no mention. A name that is part of someone else's full name is no
/// mention, and neither is that surname alone in an article that names none of its candidates
/// in full: it is more likely the other person's.
pub(super) fn resolve_in_article(hits: Vec<Hit>, actors: usize) -> Vec<Mention> {
    let named_in_full = |h: &Hit| match h.beside {
        Beside::Named(actor) => Some(actor),
        Beside::Alone if h.choice.form == Form::Name => h.choice.target.actor(),
        _ => None,
    };
    let mut named_anywhere = ActorSet::new(actors);
    let mut others = Vec::new();
    for h in &hits {
        if let Some(actor) = named_in_full(h) {
            named_anywhere.insert(actor);
        }
        if h.beside == Beside::Other {
            others.push(h.pattern);
        }
    }
    let mut named_before = ActorSet::new(actors);
    let mut mentions = Vec::with_capacity(hits.len());
    for hit in hits {
        let named = named_in_full(&hit);
        let Hit {
            range,
            choice,
            pattern,
            beside,
        } = hit;
        let someone_else = beside == Beside::Other
            || (others.contains(&pattern)
                && !choice
                    .target
                    .candidates()
                    .iter()
                    .any(|&c| named_anywhere.contains(c)));
        if someone_else {
            continue;
        }
        let target = match (&choice.target, named) {
            (_, Some(actor)) | (&Target::Actor(actor), None) => Target::Actor(actor),
            (Target::Ambiguous(candidates), None) => {
                let pick = |named: &ActorSet| {
                    let mut hits = candidates.iter().filter(|&&c| named.contains(c));
                    match (hits.next(), hits.next()) {
                        (Some(&one), None) => Some(one),
                        _ => None,
                    }
                };
                let named: Box<[ActorId]> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| named_anywhere.contains(c))
                    .collect();
                // Several the article names in full: none of them is the catalog's default
                // ("Assad" where Bashar and Maher al-Assad are both named).
                match pick(&named_before).or_else(|| pick(&named_anywhere)) {
                    Some(actor) => Target::Actor(actor),
                    None if named.len() > 1 => Target::Ambiguous(named),
                    None => match choice.default {
                        Some(actor) => Target::Actor(actor),
                        None if choice.weak => continue,
                        None => choice.target.clone(),
                    },
                }
            }
        };
        if let Some(actor) = named {
            named_before.insert(actor);
        }
        mentions.push(Mention {
            range,
            target,
            form: choice.form,
        });
    }
    mentions
}
