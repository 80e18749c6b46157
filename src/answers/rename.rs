//! Renaming a spelling across the workspace: how a desk applies a change of house style for a
//! transliteration ("Mekdad" → "Miqdad") to every article at once.

use std::ops::Range;

use crate::mentions::Form;
use crate::workspace::{ArticleId, Workspace};

/// Replacements in one article: byte ranges and the text to write there.
pub type ArticleEdits = (ArticleId, Vec<(Range<usize>, String)>);

/// The word of the name under the cursor that a rename replaces ("Mekdad" in "Faisal Mekdad").
pub fn prepare(ws: &Workspace, id: ArticleId, offset: usize) -> Option<Range<usize>> {
    let (i, _) = ws.actor_at(id, offset)?;
    let article = ws.article(id);
    // "the minister" is no spelling of the minister's name: there is nothing to rename.
    if article.mentions[i].form == Form::Role {
        return None;
    }
    let mention = &article.mentions[i].range;
    let mut start = mention.start;
    for word in article.text[mention.clone()].split(' ') {
        let range = start..start + word.len();
        if range.start <= offset && offset <= range.end && !word.is_empty() {
            return Some(range);
        }
        start = range.end + 1;
    }
    Some(mention.clone())
}

/// The edits, article by article, that write `new` for the spelling under the cursor in every
/// mention of the same actor across the workspace. Other spellings of the actor are left alone.
pub fn rename(
    ws: &Workspace,
    id: ArticleId,
    offset: usize,
    new: &str,
) -> Result<Vec<ArticleEdits>, String> {
    let new = new.trim();
    if new.is_empty() || new.contains(['\n', '\r']) {
        return Err("a name must be one line of text".into());
    }
    let (_, actor) = ws.actor_at(id, offset).ok_or("no actor under the cursor")?;
    let range = prepare(ws, id, offset).ok_or("no actor under the cursor")?;
    let old = &ws.article(id).text[range];
    let mut out: Vec<ArticleEdits> = Vec::new();
    for (article_id, i) in ws.mentions_of(actor) {
        let article = ws.article(article_id);
        let mention = article.mentions[i].range.clone();
        let mut start = mention.start;
        let mut edits = Vec::new();
        for word in article.text[mention].split(' ') {
            if word == old {
                edits.push((start..start + word.len(), new.to_owned()));
            }
            start += word.len() + 1;
        }
        match out.last_mut() {
            Some((last, all)) if *last == article_id => all.extend(edits),
            _ if !edits.is_empty() => out.push((article_id, edits)),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use std::path::{Path, PathBuf};

    /// Applies edits (non-overlapping) to a text.
    fn apply(text: &str, edits: &[(Range<usize>, String)]) -> String {
        let mut out = text.to_owned();
        let mut edits = edits.to_vec();
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (range, new) in edits {
            out.replace_range(range, &new);
        }
        out
    }

    /// A new transliteration of a given name reaches where the name is written alone.
    #[test]
    fn a_given_name_alone_is_renamed_with_the_full_name() {
        let text = "President Bashar al-Assad spoke. Later Bashar left.\n";
        let mut ws = Workspace::new(default_catalog());
        ws.update(PathBuf::from("a.md"), text.into());
        let a = ws.id(Path::new("a.md")).unwrap();
        let offset = text.rfind("Bashar").unwrap();
        let edits = rename(&ws, a, offset, "Bashshar").unwrap();
        assert_eq!(
            apply(text, &edits[0].1),
            "President Bashshar al-Assad spoke. Later Bashshar left.\n"
        );
    }

    #[test]
    fn a_house_style_change_across_three_articles() {
        let articles = [
            (
                "a.md",
                "Foreign Minister Faisal Mekdad arrived. Mekdad’s aides followed.\n",
            ),
            (
                "b.txt",
                "Mekdad said little. Faisal Miqdad, as the agency spells him, left.\n",
            ),
            ("c.md", "The talks stalled; Mekdad blamed Washington.\n"),
        ];
        let mut ws = Workspace::new(default_catalog());
        for (p, t) in articles {
            ws.update(PathBuf::from(p), t.into());
        }
        let b = ws.id(Path::new("b.txt")).unwrap();
        let offset = ws.article(b).text.find("Mekdad").unwrap() + 2;
        assert_eq!(
            &ws.article(b).text[prepare(&ws, b, offset).unwrap()],
            "Mekdad"
        );
        let edits = rename(&ws, b, offset, "Meqdad").unwrap();
        let mut results: Vec<(String, String)> = edits
            .iter()
            .map(|(id, e)| {
                let article = ws.article(*id);
                (article.path.display().to_string(), apply(&article.text, e))
            })
            .collect();
        results.sort();
        assert_eq!(
            results,
            vec![
                (
                    "a.md".into(),
                    "Foreign Minister Faisal Meqdad arrived. Meqdad’s aides followed.\n".into()
                ),
                (
                    "b.txt".into(),
                    "Meqdad said little. Faisal Miqdad, as the agency spells him, left.\n".into()
                ),
                (
                    "c.md".into(),
                    "The talks stalled; Meqdad blamed Washington.\n".into()
                ),
            ]
        );
    }

    #[test]
    fn a_role_word_is_no_name_to_rename() {
        let mut ws = Workspace::new(default_catalog());
        let text = "Geir Pedersen arrived. The envoy met reporters.";
        ws.update(PathBuf::from("a.md"), text.into());
        let id = ws.id(Path::new("a.md")).unwrap();
        let envoy = text.find("envoy").unwrap() + 1;
        assert!(ws.actor_at(id, envoy).is_some());
        assert_eq!(prepare(&ws, id, envoy), None);
        // Renaming the name leaves the role word alone.
        let edits = rename(&ws, id, text.find("Pedersen").unwrap(), "Petersen").unwrap();
        let article = ws.article(id);
        assert_eq!(
            apply(&article.text, &edits[0].1),
            "Geir Petersen arrived. The envoy met reporters."
        );
    }

    #[test]
    fn bad_names_and_empty_places() {
        let mut ws = Workspace::new(default_catalog());
        ws.update(PathBuf::from("a.md"), "Lavrov spoke. Nothing else.".into());
        let id = ws.id(Path::new("a.md")).unwrap();
        assert!(rename(&ws, id, 1, "  ").is_err());
        assert!(rename(&ws, id, 1, "a\nb").is_err());
        assert!(rename(&ws, id, 20, "X").is_err());
        assert_eq!(prepare(&ws, id, 20), None);
    }
}
