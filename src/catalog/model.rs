//! The actor model as catalog files write it.

use serde::{Deserialize, Serialize};

use crate::text::Date;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CatalogFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub actors: Vec<Actor>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Place,
    Instrument,
    Outlet,
}

impl ActorKind {
    /// Every kind, in the order they are declared.
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::State,
        ActorKind::Place,
        ActorKind::Instrument,
        ActorKind::Outlet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Place => "place",
            ActorKind::Instrument => "instrument",
            ActorKind::Outlet => "outlet",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metonyms: Vec<Metonym>,
    /// States only: the adjectives that stand for the state before one of its organs
    /// ("Turkish officials", "French diplomats"), and only there ("Turkish coffee" is none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Not from a catalog file: introduced with a role in an article of the workspace.
    #[serde(skip)]
    pub discovered: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(
        default,
        with = "partial_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<Date>,
    #[serde(
        default,
        with = "partial_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<Date>,
}

impl Role {
    pub fn held_on(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from.earliest() <= date)
            && self.to.is_none_or(|to| date <= to.latest())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metonym {
    pub term: String,
    pub sense: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl Links {
    pub fn is_empty(&self) -> bool {
        self.wikidata.is_none() && self.website.is_none()
    }
}

impl Actor {
    /// What the schema's patterns say and serde cannot: the shape of ids and ordered roles.
    pub(super) fn validate(&self) -> Result<(), String> {
        let id_ok = !self.id.is_empty()
            && self.id.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !id_ok {
            return Err(format!(
                "actor id {:?} must be lower-case words and digits joined by hyphens",
                self.id
            ));
        }
        if self.name.trim().is_empty() {
            return Err(format!("actor {:?} has an empty name", self.id));
        }
        for role in &self.roles {
            if let (Some(from), Some(to)) = (role.from, role.to) {
                if from.earliest() > to.latest() {
                    return Err(format!(
                        "actor {:?}: role {:?} ends ({to}) before it begins ({from})",
                        self.id, role.title
                    ));
                }
            }
        }
        Ok(())
    }
}

mod partial_date {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    use crate::text::Date;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).map(Some).ok_or_else(|| {
            D::Error::custom(format!(
                "{s:?} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })
    }

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&match (d.month, d.day) {
                (0, _) => format!("{:04}", d.year),
                (m, 0) => format!("{:04}-{m:02}", d.year),
                (m, day) => format!("{:04}-{m:02}-{day:02}", d.year),
            }),
            None => s.serialize_none(),
        }
    }
}
