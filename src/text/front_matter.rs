//! A Markdown article's YAML front matter read as data — what the article says about itself
//! (its date, title, authors and tags) rather than prose to check, which `markdown` blanks out.

use yaml_rust2::{Yaml, YamlLoader};

/// The fields of the front matter dossier reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `date:` as written ("2019-11-04", "4 November 2019").
    pub date: Option<String>,
    /// `title:`, the headline.
    pub title: Option<String>,
    /// `author:` (or `authors:`), one name or a list of them.
    pub author: Vec<String>,
    /// `tags:`, a list or one string of comma-separated tags.
    pub tags: Vec<String>,
}

/// The front matter of `text`, if it opens with a `---` block that holds a YAML mapping.
pub fn read(text: &str) -> Option<FrontMatter> {
    let docs = YamlLoader::load_from_str(block(text)?).ok()?;
    let fields = docs.first()?.as_hash()?;
    let get = |name: &str| fields.get(&Yaml::String(name.to_owned()));
    let field = |name: &str| scalar(get(name)?);
    // A list of scalars, or one scalar split at `split` (tags "geneva, talks"; never a name).
    let list = |yaml: Option<&Yaml>, split: Option<char>| -> Vec<String> {
        let items: Vec<String> = match yaml {
            Some(Yaml::Array(items)) => items.iter().filter_map(scalar).collect(),
            Some(one) => scalar(one).into_iter().collect(),
            None => Vec::new(),
        };
        items
            .iter()
            .flat_map(|s| match split {
                Some(c) if items.len() == 1 => s.split(c).map(str::trim).collect(),
                _ => vec![s.as_str()],
            })
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    Some(FrontMatter {
        date: field("date"),
        title: field("title").filter(|t| !t.is_empty()),
        author: list(get("author").or_else(|| get("authors")), None),
        tags: list(get("tags"), Some(',')),
    })
}

/// A scalar as text, trimmed: a string, a number.
fn scalar(yaml: &Yaml) -> Option<String> {
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_owned()),
        Yaml::Integer(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The YAML between the opening `---` line and the next `---` line.
fn block(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let end = rest.find("\n---")?;
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_title_as_yaml_writes_them() {
        let text = "---\ntitle: \"Talks: the “last” round\"\nauthor: [A. Writer, B. Writer]\ndate: 2019-11-04\ntags:\n  - geneva\n---\nBody.";
        assert_eq!(
            read(text),
            Some(FrontMatter {
                date: Some("2019-11-04".into()),
                title: Some("Talks: the “last” round".into()),
                author: vec!["A. Writer".into(), "B. Writer".into()],
                tags: vec!["geneva".into()],
            })
        );
        let folded = "---\r\ntitle: >\r\n  Envoy briefs\r\n  the Council\r\ndate: '4 November 2019'\r\n---\r\n";
        let read = read(folded).unwrap();
        assert_eq!(read.title.as_deref(), Some("Envoy briefs the Council"));
        assert_eq!(read.date.as_deref(), Some("4 November 2019"));
    }

    #[test]
    fn one_author_and_tags_in_one_string() {
        let text = "---\nauthor: Layla Nasser\ntags: Geneva talks, sanctions ,\n---\nBody.";
        let read = read(text).unwrap();
        assert_eq!(read.author, ["Layla Nasser"]);
        assert_eq!(read.tags, ["Geneva talks", "sanctions"]);
        let text = "---\nauthors:\n  - Omar Kayali\n  - Sara Haddad, Jr.\ntags: []\n---\n";
        let read = super::read(text).unwrap();
        assert_eq!(read.author, ["Omar Kayali", "Sara Haddad, Jr."]);
        assert!(read.tags.is_empty());
    }

    #[test]
    fn no_front_matter_or_no_mapping_is_none() {
        assert_eq!(read("Body only.\n---\ntitle: x\n---\n"), None);
        assert_eq!(read("---\n- a list\n---\n"), None);
        assert_eq!(read("---\ntitle: [unclosed\n---\n"), None);
        assert_eq!(read("---\ndate: 2019-11-04\n---\n").unwrap().title, None);
    }
}
