//! A Markdown article's YAML front matter read as data — what the article says about itself
//! (its date, its title) rather than prose to check, which `markdown` blanks out.

use yaml_rust2::{Yaml, YamlLoader};

/// The fields of the front matter dossier reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `date:` as written ("2019-11-04", "4 November 2019").
    pub date: Option<String>,
    /// `title:`, the headline.
    pub title: Option<String>,
}

/// The front matter of `text`, if it opens with a `---` block that holds a YAML mapping.
pub fn read(text: &str) -> Option<FrontMatter> {
    let docs = YamlLoader::load_from_str(block(text)?).ok()?;
    let fields = docs.first()?.as_hash()?;
    let field = |name: &str| match fields.get(&Yaml::String(name.to_owned()))? {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_owned()),
        Yaml::Integer(n) => Some(n.to_string()),
        _ => None,
    };
    Some(FrontMatter {
        date: field("date"),
        title: field("title").filter(|t| !t.is_empty()),
    })
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
            })
        );
        let folded = "---\r\ntitle: >\r\n  Envoy briefs\r\n  the Council\r\ndate: '4 November 2019'\r\n---\r\n";
        let read = read(folded).unwrap();
        assert_eq!(read.title.as_deref(), Some("Envoy briefs the Council"));
        assert_eq!(read.date.as_deref(), Some("4 November 2019"));
    }

    #[test]
    fn no_front_matter_or_no_mapping_is_none() {
        assert_eq!(read("Body only.\n---\ntitle: x\n---\n"), None);
        assert_eq!(read("---\n- a list\n---\n"), None);
        assert_eq!(read("---\ntitle: [unclosed\n---\n"), None);
        assert_eq!(read("---\ndate: 2019-11-04\n---\n").unwrap().title, None);
    }
}
