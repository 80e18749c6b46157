//! The W3C Web Annotation data model, as much of it as notes on an article need: read
//! permissively (any conformant annotation another tool wrote), written in one canonical form.
//!
//! Read: `target` a string, an object or an array of them; `selector` an object or an array;
//! `body` absent, a string (an IRI), an object or an array; `motivation` a string or an array.
//! What dossier does not understand is kept in the line as read (see `store`), never dropped.

use serde_json::{json, Map, Value};

/// The JSON-LD context every annotation names.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Why an annotation was made, of the motivations dossier acts on; any other is kept by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Motivation {
    /// A fact-checker's verdict on a claim (`body` says which: [`Assessment`]).
    Assessing,
    /// This mention is a given actor (`body` names the actor's id).
    Identifying,
    Commenting,
    Other(String),
}

impl Motivation {
    pub fn as_str(&self) -> &str {
        match self {
            Motivation::Assessing => "assessing",
            Motivation::Identifying => "identifying",
            Motivation::Commenting => "commenting",
            Motivation::Other(other) => other,
        }
    }

    pub fn parse(name: &str) -> Self {
        // A motivation may be written as a full IRI of the vocabulary.
        let name = name.rsplit(['#', '/', ':']).next().unwrap_or(name);
        match name {
            "assessing" => Motivation::Assessing,
            "identifying" => Motivation::Identifying,
            "commenting" => Motivation::Commenting,
            other => Motivation::Other(other.to_owned()),
        }
    }
}

/// A fact-checker's verdict on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assessment {
    Verified,
    Disputed,
    NeedsSource,
}

impl Assessment {
    pub const ALL: [Assessment; 3] = [
        Assessment::Verified,
        Assessment::Disputed,
        Assessment::NeedsSource,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Assessment::Verified => "verified",
            Assessment::Disputed => "disputed",
            Assessment::NeedsSource => "needs-source",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim().to_lowercase().replace([' ', '_'], "-");
        Self::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

/// A `TextQuoteSelector`: the words annotated and a little of what stands around them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// A `TextPositionSelector`: where the words were, in characters (Unicode code points, as the
/// model counts them) from the start of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// What an annotation says, read from its bodies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    pub assessment: Option<Assessment>,
    /// The actor an identifying annotation names: a catalog id.
    pub actor: Option<String>,
    pub note: Option<String>,
    /// The source that settles a claim, or any page the annotation points to.
    pub link: Option<String>,
}

/// One annotation of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: String,
    pub motivation: Motivation,
    /// The article, as the annotation names it: a path relative to the workspace root, or a
    /// `file:` IRI.
    pub source: String,
    pub quote: Option<Quote>,
    pub position: Option<Position>,
    pub body: Body,
}

impl Annotation {
    /// Reads an annotation from its JSON; says what is missing when it is none.
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let object = value.as_object().ok_or("an annotation is a JSON object")?;
        let kind = object.get("type").ok_or("no \"type\"")?;
        if !strings(kind).any(|t| t == "Annotation" || t.ends_with("#Annotation")) {
            return Err("\"type\" is not \"Annotation\"".into());
        }
        let id = object
            .get("id")
            .or_else(|| object.get("@id"))
            .and_then(Value::as_str)
            .ok_or("no \"id\"")?
            .to_owned();
        let target = object.get("target").ok_or("no \"target\"")?;
        let target = each(target)
            .find(|t| source_of(t).is_some())
            .ok_or("no target names an article")?;
        let mut quote = None;
        let mut position = None;
        if let Some(selectors) = target.get("selector") {
            for selector in selectors_in(selectors) {
                match selector.get("type").and_then(Value::as_str) {
                    Some("TextQuoteSelector") if quote.is_none() => {
                        let field = |k: &str| {
                            selector
                                .get(k)
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_owned()
                        };
                        quote = Some(Quote {
                            exact: field("exact"),
                            prefix: field("prefix"),
                            suffix: field("suffix"),
                        });
                    }
                    Some("TextPositionSelector") if position.is_none() => {
                        let n = |k: &str| selector.get(k).and_then(Value::as_u64);
                        if let (Some(start), Some(end)) = (n("start"), n("end")) {
                            let (start, end) = (start as usize, end as usize);
                            position = (start <= end).then_some(Position { start, end });
                        }
                    }
                    _ => {}
                }
            }
        }
        let motivations: Vec<Motivation> = object
            .get("motivation")
            .map(|m| strings(m).map(Motivation::parse).collect())
            .unwrap_or_default();
        let bodies: Vec<&Value> = object
            .get("body")
            .map(|b| each(b).collect())
            .unwrap_or_default();
        let body = read_body(&bodies);
        let motivation = [
            Motivation::Assessing,
            Motivation::Identifying,
            Motivation::Commenting,
        ]
        .into_iter()
        .find(|m| motivations.contains(m))
        .or_else(|| motivations.first().cloned())
        .unwrap_or(if body.assessment.is_some() {
            Motivation::Assessing
        } else {
            Motivation::Commenting
        });
        Ok(Annotation {
            id,
            motivation,
            source: source_of(target).unwrap_or_default().to_owned(),
            quote,
            position,
            body,
        })
    }

    /// The canonical form dossier writes: one body per thing said, the quote and the position
    /// both given.
    pub fn to_json(&self) -> Value {
        let mut bodies = Vec::new();
        let textual = |purpose: &str, value: &str| json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"});
        if let Some(assessment) = self.body.assessment {
            bodies.push(textual("assessing", assessment.as_str()));
        }
        if let Some(actor) = &self.body.actor {
            bodies.push(textual("identifying", actor));
        }
        if let Some(note) = &self.body.note {
            bodies.push(textual("commenting", note));
        }
        if let Some(link) = &self.body.link {
            bodies.push(json!({"id": link, "purpose": "linking"}));
        }
        let mut selectors = Vec::new();
        if let Some(q) = &self.quote {
            selectors.push(json!({
                "type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix,
            }));
        }
        if let Some(p) = self.position {
            selectors.push(position_selector(p));
        }
        let mut out = Map::new();
        out.insert("@context".into(), json!(CONTEXT));
        out.insert("id".into(), json!(self.id));
        out.insert("type".into(), json!("Annotation"));
        out.insert("motivation".into(), json!(self.motivation.as_str()));
        if !bodies.is_empty() {
            out.insert("body".into(), Value::Array(bodies));
        }
        out.insert(
            "target".into(),
            json!({"source": self.source, "selector": selectors}),
        );
        Value::Object(out)
    }
}

pub(super) fn position_selector(p: Position) -> Value {
    json!({"type": "TextPositionSelector", "start": p.start, "end": p.end})
}

/// The values of a field that may be one value or an array of them.
fn each(value: &Value) -> impl Iterator<Item = &Value> {
    match value {
        Value::Array(all) => all.iter().collect::<Vec<_>>().into_iter(),
        one => vec![one].into_iter(),
    }
}

/// The strings of a field that may be one string or an array of them.
fn strings(value: &Value) -> impl Iterator<Item = &str> {
    each(value).filter_map(Value::as_str)
}

/// The selectors of a `selector` field: one, an array, arrays within arrays.
fn selectors_in(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(all) => all.iter().flat_map(selectors_in).collect(),
        Value::Object(_) => vec![value],
        _ => Vec::new(),
    }
}

/// The resource a target names: a string, or a specific resource's `source`.
fn source_of(target: &Value) -> Option<&str> {
    match target {
        Value::String(s) => Some(s),
        Value::Object(o) => o
            .get("source")
            .and_then(|s| s.as_str().or_else(|| s.get("id").and_then(Value::as_str))),
        _ => None,
    }
}

/// What the bodies say: a textual body's `purpose` tells what its value is; an IRI alone (or an
/// object with only an `id`) is a link.
fn read_body(bodies: &[&Value]) -> Body {
    let mut body = Body::default();
    for b in bodies {
        match b {
            Value::String(iri) => {
                body.link.get_or_insert_with(|| iri.clone());
            }
            Value::Object(o) => {
                let value = o
                    .get("value")
                    .or_else(|| o.get("chars"))
                    .and_then(Value::as_str);
                let purposes: Vec<&str> = o
                    .get("purpose")
                    .map(|p| strings(p).collect())
                    .unwrap_or_default();
                let purpose = |name: &str| purposes.iter().any(|p| p.ends_with(name));
                match value {
                    Some(v) if purpose("assessing") => {
                        body.assessment = body.assessment.or(Assessment::parse(v));
                    }
                    Some(v) if purpose("identifying") => {
                        body.actor.get_or_insert_with(|| v.trim().to_owned());
                    }
                    Some(v) => match Assessment::parse(v).filter(|_| purposes.is_empty()) {
                        Some(a) if body.assessment.is_none() => body.assessment = Some(a),
                        _ => {
                            body.note.get_or_insert_with(|| v.to_owned());
                        }
                    },
                    None => {
                        let iri = o
                            .get("id")
                            .or_else(|| o.get("source"))
                            .and_then(Value::as_str);
                        if let Some(iri) = iri {
                            body.link.get_or_insert_with(|| iri.to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_other_tools_write() {
        let hypothesis_like = json!({
            "@context": CONTEXT,
            "id": "https://example.org/anno/1",
            "type": "Annotation",
            "motivation": ["oa:commenting", "tagging"],
            "body": "https://example.org/source",
            "target": [{
                "source": "desk/a.md",
                "selector": [[
                    {"type": "TextQuoteSelector", "exact": "Haddad", "prefix": "businessman "},
                    {"type": "TextPositionSelector", "start": 12, "end": 18}
                ]]
            }]
        });
        let a = Annotation::from_json(&hypothesis_like).unwrap();
        assert_eq!(a.motivation, Motivation::Commenting);
        assert_eq!(a.source, "desk/a.md");
        assert_eq!(a.quote.as_ref().unwrap().exact, "Haddad");
        assert_eq!(a.quote.unwrap().suffix, "");
        assert_eq!(a.position, Some(Position { start: 12, end: 18 }));
        assert_eq!(a.body.link.as_deref(), Some("https://example.org/source"));

        let bare = json!({"id": "x", "type": "Annotation", "target": "b.md"});
        let a = Annotation::from_json(&bare).unwrap();
        assert_eq!(
            (a.source.as_str(), a.quote, a.position),
            ("b.md", None, None)
        );

        let verdict = json!({"id": "y", "type": ["Annotation"], "target": {"source": "c.md"},
            "body": {"type": "TextualBody", "value": "Disputed"}});
        let a = Annotation::from_json(&verdict).unwrap();
        assert_eq!(a.motivation, Motivation::Assessing);
        assert_eq!(a.body.assessment, Some(Assessment::Disputed));
    }

    #[test]
    fn says_what_is_missing() {
        for (value, missing) in [
            (json!([1]), "object"),
            (json!({"id": "x", "target": "a.md"}), "type"),
            (json!({"type": "Annotation", "target": "a.md"}), "id"),
            (json!({"type": "Annotation", "id": "x"}), "target"),
        ] {
            let e = Annotation::from_json(&value).unwrap_err();
            assert!(e.contains(missing), "{e}");
        }
    }

    #[test]
    fn the_canonical_form_reads_back_the_same() {
        let a = Annotation {
            id: "urn:uuid:1".into(),
            motivation: Motivation::Assessing,
            source: "a.md".into(),
            quote: Some(Quote {
                exact: "the talks failed".into(),
                prefix: "said ".into(),
                suffix: ".".into(),
            }),
            position: Some(Position { start: 5, end: 21 }),
            body: Body {
                assessment: Some(Assessment::NeedsSource),
                actor: None,
                note: Some("ask the desk".into()),
                link: Some("https://example.org/report".into()),
            },
        };
        let json = a.to_json();
        assert_eq!(json["@context"], CONTEXT);
        assert_eq!(Annotation::from_json(&json).unwrap(), a);
    }
}
