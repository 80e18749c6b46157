//! The hover card: who or what an actor is, at the article's date, and what the workspace knows
//! of it.

use std::fmt::Write;
use std::ops::Range;

use crate::article::Article;
use crate::catalog::{Actor, ActorId, Catalog, Role};
use crate::mentions::{Form, Target};
use crate::text::Date;
use crate::workspace::{ArticleId, Workspace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: Range<usize>,
    pub markdown: String,
}

/// The card for the mention at `offset`, else for the attribution whose cue or source is there.
pub fn hover(ws: &Workspace, id: ArticleId, offset: usize) -> Option<Hover> {
    let article = ws.article(id);
    let Some(i) = article.mention_at(offset) else {
        return attribution_card(ws, article, offset);
    };
    let mention = &article.mentions[i];
    let written = &article.text[mention.range.clone()];
    let catalog = ws.catalog();
    let markdown = match ws.resolve(mention) {
        Some(actor) => {
            let mut card = String::new();
            if mention.form == Form::Metonym {
                let sense = catalog
                    .get(actor)
                    .metonyms
                    .iter()
                    .find(|m| m.term == written)
                    .map_or("its government", |m| m.sense.as_str());
                let _ = writeln!(card, "**{written}** — here: {sense}\n");
            }
            if mention.form == Form::Demonym {
                let state = &catalog.get(actor).name;
                let _ = writeln!(card, "**{written}** — here: {state}, the state\n");
            }
            if mention.form == Form::Role {
                let person = &catalog.get(actor).name;
                let _ = writeln!(
                    card,
                    "**the {written}** — here: {person}, whom the article names with this role\n"
                );
            }
            if mention.form == Form::GivenName {
                let person = &catalog.get(actor).name;
                let _ = writeln!(
                    card,
                    "**{written}** — here: {person}, whom the article names in full\n"
                );
            }
            card.push_str(&actor_card(ws, actor, article.date()));
            card
        }
        None => ambiguous_card(catalog, written, &mention.target, article.date()),
    };
    Some(Hover {
        range: mention.range.clone(),
        markdown,
    })
}

/// Who says what at a cue: the source and its class, the cue, the content's first words.
fn attribution_card(ws: &Workspace, article: &Article, offset: usize) -> Option<Hover> {
    let text = &article.text;
    let a = crate::rules::attribution_at(text, offset)?;
    let words = |r: &Range<usize>| text[r.clone()].split_whitespace().collect::<Vec<_>>();
    let content = words(&a.content);
    let mut says = content
        .iter()
        .take(12)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if content.len() > 12 {
        says.push_str(" …");
    }
    // "who" alone tells a reader nothing: the name it stands for is shown beside it.
    let standing_for = article.antecedent(&a.speaker).map_or(String::new(), |m| {
        let name = ws.resolve(m).map_or(&text[m.range.clone()], |actor| {
            ws.catalog().get(actor).name.as_str()
        });
        format!(" ({name})")
    });
    let mut markdown = format!(
        "**Attribution** · source “{}”{standing_for} — *{}*: {}\n\ncue “{}”",
        words(&a.speaker).join(" "),
        a.class.name(),
        a.class.meaning(),
        words(&a.cue).join(" "),
    );
    if !says.is_empty() {
        let _ = write!(markdown, "\n\nsays: “{says}”");
    }
    Some(Hover {
        range: a.cue,
        markdown,
    })
}

/// The card of an actor as of a date (the latest role when there is none).
pub fn actor_card(ws: &Workspace, actor: ActorId, date: Option<Date>) -> String {
    let catalog = ws.catalog();
    let a = catalog.get(actor);
    let mut card = format!("**{}** · {}\n", a.name, a.kind.as_str());
    if let Some(role) = a.role_at(date) {
        let _ = write!(card, "\n{}", role_line(catalog, role));
        match date {
            Some(date) if role.held_on(date) => {
                let _ = write!(card, " — *at the article's date, {date}*");
            }
            Some(date) => {
                let _ = write!(
                    card,
                    " — *latest role; none held at the article's date, {date}*"
                );
            }
            None => {}
        }
        card.push('\n');
        let later: Vec<String> = a
            .roles
            .iter()
            .filter(|r| r.from.is_some_and(|f| role.from.is_none_or(|rf| f > rf)))
            .map(|r| role_line(catalog, r))
            .collect();
        if !later.is_empty() && date.is_some() {
            let _ = writeln!(card, "\nLater: {}", later.join("; "));
        }
    }
    if !a.description.is_empty() {
        let _ = writeln!(card, "\n{}", a.description);
    }
    let others = other_spellings(a);
    if !others.is_empty() {
        let _ = writeln!(card, "\nAlso written: {}", others.join(", "));
    }
    let _ = write!(card, "\n---\n{}", workspace_facts(ws, actor));
    card
}

fn other_spellings(a: &Actor) -> Vec<&str> {
    let mut spellings: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
    spellings.extend(a.metonyms.iter().map(|m| m.term.as_str()));
    spellings.extend(a.demonyms.iter().map(String::as_str));
    spellings
}

/// "UN Special Envoy for Syria (United Nations), since 7 January 2019".
fn role_line(catalog: &Catalog, role: &Role) -> String {
    let mut line = role.title.clone();
    if let Some(org) = &role.organization {
        let org = catalog.organization_name(org);
        if !role.title.contains(org) {
            let _ = write!(line, " ({org})");
        }
    }
    match (role.from, role.to) {
        (Some(from), Some(to)) => {
            let _ = write!(line, ", {from} – {to}");
        }
        (Some(from), None) => {
            let _ = write!(line, ", since {from}");
        }
        (None, Some(to)) => {
            let _ = write!(line, ", until {to}");
        }
        (None, None) => {}
    }
    line
}

fn workspace_facts(ws: &Workspace, actor: ActorId) -> String {
    let count = ws.article_count(actor);
    let mut facts = match count {
        0 => "Not yet mentioned by name in the workspace".to_owned(),
        1 => "Mentioned in 1 article".to_owned(),
        n => format!("Mentioned in {n} articles"),
    };
    if let Some(intro) = ws.introduction(actor) {
        let article = ws.article(intro.article);
        let mention = &article.mentions[intro.mention];
        let line = article.lines.line_of(mention.range.start) + 1;
        let file = article.path.file_name().map_or_else(
            || article.path.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        );
        // The headline and byline say which article it is better than its file name does.
        let front = crate::text::front_matter::read(&article.text).unwrap_or_default();
        let by = match front.author.as_slice() {
            [] => String::new(),
            authors => format!(" by {}", authors.join(", ")),
        };
        match front.title {
            Some(title) => {
                let _ = write!(
                    facts,
                    " · introduced in “{title}”{by} (`{file}`, line {line})"
                );
            }
            None => {
                let _ = write!(facts, " · introduced in `{file}`{by}, line {line}");
            }
        }
    }
    facts
}

fn ambiguous_card(catalog: &Catalog, written: &str, target: &Target, date: Option<Date>) -> String {
    let mut card = format!("**{written}** — ambiguous: this article does not say which is meant\n");
    for &actor in target.candidates() {
        let a = catalog.get(actor);
        let role = a
            .role_at(date)
            .map(|r| format!(" — {}", role_line(catalog, r)))
            .unwrap_or_default();
        let _ = write!(card, "\n- **{}**{role}", a.name);
    }
    card.push_str("\n\nName the one you mean in full once in the article.");
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use std::path::PathBuf;

    fn card(articles: &[(&str, &str)], path: &str, word: &str) -> String {
        let mut ws = Workspace::new(default_catalog());
        for (p, text) in articles {
            ws.update(PathBuf::from(p), text.to_string());
        }
        let id = ws.id(std::path::Path::new(path)).unwrap();
        let offset = ws.article(id).text.find(word).unwrap();
        hover(&ws, id, offset).unwrap().markdown
    }

    #[test]
    fn the_role_at_the_article_date_and_what_came_later() {
        let text = "14 July 2013; SANA: Deputy Foreign Minister Faisal Mekdad met the envoy.";
        let md = card(&[("a.md", text)], "a.md", "Mekdad");
        assert!(md.starts_with("**Faisal Mekdad** · person"), "{md}");
        assert!(md.contains("Deputy Foreign Minister of Syria, 2006 – 22 November 2020 — *at the article's date, 14 July 2013*"), "{md}");
        assert!(md.contains("Later: Foreign Minister of Syria"), "{md}");
        assert!(md.contains("Also written: Faisal Miqdad"), "{md}");
        assert!(
            md.contains("Mentioned in 1 article · introduced in `a.md`, line 1"),
            "{md}"
        );
    }

    #[test]
    fn the_introducing_article_is_named_by_its_title() {
        let text = "---\ntitle: Envoy briefs the Council\ndate: 2013-07-14\n---\nDeputy Foreign Minister Faisal Mekdad met the envoy.";
        let md = card(&[("a.md", text)], "a.md", "Mekdad");
        assert!(
            md.contains("introduced in “Envoy briefs the Council” (`a.md`, line 5)"),
            "{md}"
        );
        assert!(md.contains("*at the article's date, 14 July 2013*"), "{md}");
    }

    #[test]
    fn the_latest_role_without_a_date() {
        let md = card(&[("a.md", "Mekdad spoke.")], "a.md", "Mekdad");
        assert!(
            md.contains("\nVice-President of Syria, 23 September 2024 – 8 December 2024\n"),
            "{md}"
        );
        assert!(!md.contains("article's date"), "{md}");
    }

    #[test]
    fn a_role_word_says_whom_it_stands_for() {
        let text = "Geir Pedersen arrived on Monday. The UN envoy met reporters.";
        let md = card(&[("a.md", text)], "a.md", "envoy");
        assert!(
            md.starts_with(
                "**the envoy** — here: Geir Pedersen, whom the article names with this role\n"
            ),
            "{md}"
        );
        assert!(md.contains("UN Special Envoy for Syria"), "{md}");
    }

    #[test]
    fn a_given_name_says_whom_it_stands_for() {
        let text = "UN envoy Geir Pedersen arrived on Monday. Later Geir met reporters.";
        let md = card(&[("a.md", text)], "a.md", "Geir met");
        assert!(
            md.starts_with("**Geir** — here: Geir Pedersen, whom the article names in full\n"),
            "{md}"
        );
        assert!(md.contains("UN Special Envoy for Syria"), "{md}");
    }

    #[test]
    fn a_relative_pronoun_source_shows_whom_it_stands_for() {
        let text = "The talks stalled on Monday, according to Geir Pedersen, who said the \
                    delegations would meet again in Geneva.";
        let md = card(&[("a.md", text)], "a.md", "said the");
        assert!(
            md.starts_with("**Attribution** · source “who” (Geir Pedersen) — *pronoun*"),
            "{md}"
        );
        // Any other source is shown as written, with nothing beside it.
        let text = "Karim Haddad, a trader in Idlib, said the crossing had closed.";
        let md = card(&[("a.md", text)], "a.md", "said the");
        assert!(
            md.contains("source “Karim Haddad, a trader in Idlib” — *named*"),
            "{md}"
        );
    }

    #[test]
    fn a_metonym_says_what_it_stands_for() {
        let md = card(
            &[("a.md", "Washington and Ankara agreed.")],
            "a.md",
            "Washington",
        );
        assert!(
            md.starts_with("**Washington** — here: the US government\n\n**United States** · state"),
            "{md}"
        );
    }

    #[test]
    fn ambiguous_mentions_list_the_candidates() {
        let md = card(&[("a.md", "The SNC met.")], "a.md", "SNC");
        assert!(md.contains("ambiguous"), "{md}");
        assert!(
            md.contains("**Syrian National Council**")
                && md.contains("**Syrian Negotiations Commission**"),
            "{md}"
        );
    }
}
