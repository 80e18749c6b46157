//! The context rules: four tables run in turn over the sentence, each rewriting a word's tag to
//! another of its candidates when the words around it match. A `pos` pattern is matched against
//! every tag name once, when the tables are read, so that testing it is a bit test.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::pattern::Pattern;
use super::tagset::{Tag, Tags};

/// A sentence being tagged: each word as written, its normal form, candidates and current tag.
pub struct Words<'a> {
    pub value: &'a [&'a str],
    pub normal: &'a [Cow<'a, str>],
    pub candidates: &'a [Tags],
    pub tags: &'a mut [Tag],
}

struct Rule {
    to: Tag,
    conditions: Box<[Condition]>,
}

struct Condition {
    field: Field,
    /// Offsets from the rule's word, both included; one of the words there must match.
    from: isize,
    to: isize,
    pattern: Pattern,
}

enum Field {
    /// The tags `pattern` accepts.
    Tag(Tags),
    Normal,
    Value,
}

/// The rules for one current tag, in the order tried.
#[derive(Default)]
struct Rules {
    rules: Vec<Rule>,
    /// Each tag they can give, with the rules that give it as bits (rule `k` is bit `k`): a
    /// word's rules to try are those of its candidates, found without looking at the others.
    by_tag: Vec<(Tag, u64)>,
    /// Every tag they can give: a word none of whose candidates is one has no rule to try.
    gives: Tags,
}

/// Per table, in the order they run, the rules for each current tag.
type Tables = Vec<Vec<Rules>>;

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut tables: Tables = Vec::new();
    for line in include_str!("data/rules.txt").lines() {
        let mut fields = line.split('\t');
        let mut next = || fields.next().expect("rule line: pass, tag, new tag");
        let pass: usize = next().parse().expect("rule pass");
        let tag = named(next());
        let to = named(next());
        let conditions = fields.map(condition).collect();
        if tables.len() < pass {
            tables.resize_with(pass, || (0..Tag::COUNT).map(|_| Rules::default()).collect());
        }
        let rules = &mut tables[pass - 1][tag.index()];
        let bit = 1u64
            .checked_shl(rules.rules.len() as u32)
            .expect("rules: at most 64 for a tag in a table");
        match rules.by_tag.iter_mut().find(|(t, _)| *t == to) {
            Some((_, bits)) => *bits |= bit,
            None => rules.by_tag.push((to, bit)),
        }
        rules.gives = rules.gives.with(to);
        rules.rules.push(Rule { to, conditions });
    }
    tables
});

fn named(name: &str) -> Tag {
    Tag::named(name).unwrap_or_else(|| panic!("rules: tag {name:?}"))
}

/// `property from..to pattern`.
fn condition(text: &str) -> Condition {
    let mut parts = text.splitn(3, ' ');
    let (Some(property), Some(range), Some(pattern)) = (parts.next(), parts.next(), parts.next())
    else {
        panic!("rule condition {text:?}");
    };
    let offset = |s: &str| s.parse().unwrap_or_else(|_| panic!("rule offset {text:?}"));
    let (from, to) = range.split_once("..").expect("rule offsets");
    let pattern = Pattern::new(pattern);
    let field = match property {
        "pos" => Field::Tag(
            Tag::all()
                .filter(|t| t.name().is_some_and(|n| pattern.matches(n)))
                .fold(Tags::default(), Tags::with),
        ),
        "normal" => Field::Normal,
        "value" => Field::Value,
        _ => panic!("rule property {text:?}"),
    };
    Condition {
        field,
        from: offset(from),
        to: offset(to),
        pattern,
    }
}

/// Runs every table over `words`, left to right; a word's new tag is seen by the words after it.
/// The last table runs over the first `upto` words only: a caller that wants no tag after them
/// need not have it.
pub fn apply(words: &mut Words, upto: usize) {
    let last = TABLES.len() - 1;
    for (t, table) in TABLES.iter().enumerate() {
        let end = if t == last { upto } else { words.tags.len() };
        for i in 0..end {
            let (tag, candidates) = (words.tags[i], words.candidates[i]);
            let Some(rules) = table.get(tag.index()) else {
                continue;
            };
            if !candidates.meets(rules.gives) {
                continue;
            }
            let mut tried = rules
                .by_tag
                .iter()
                .filter(|(to, _)| candidates.has(*to))
                .fold(0, |tried, (_, bits)| tried | bits);
            while tried != 0 {
                let rule = &rules.rules[tried.trailing_zeros() as usize];
                tried &= tried - 1;
                if rule.conditions.iter().all(|c| c.holds(words, i)) {
                    words.tags[i] = rule.to;
                    break;
                }
            }
        }
    }
}

impl Condition {
    fn holds(&self, words: &Words, i: usize) -> bool {
        let n = words.tags.len() as isize;
        let (from, to) = (self.from + i as isize, self.to + i as isize);
        (from.max(0)..(to + 1).min(n)).any(|j| {
            let j = j as usize;
            match self.field {
                Field::Tag(_) if words.tags[j] == Tag::LITERAL => {
                    self.pattern.matches(words.value[j])
                }
                Field::Tag(tags) => tags.has(words.tags[j]),
                Field::Normal => self.pattern.matches(&words.normal[j]),
                Field::Value => self.pattern.matches(words.value[j]),
            }
        })
    }
}
