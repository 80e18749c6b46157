//! The patterns of the context rules, matched as the `regex` crate matches them, without it: the
//! tables use only literal characters, `.` (any character but a line feed), the anchors `^` and
//! `$`, and `|` between alternatives ("^is$|^are$", "^Mr.$", "..ing$").

/// A compiled rule pattern.
#[derive(Debug)]
pub struct Pattern(Box<[Alternative]>);

#[derive(Debug)]
enum Alternative {
    /// `^word$`, most of them: the whole text compared at once.
    Exact(Box<str>),
    Atoms {
        start: bool,
        end: bool,
        /// `None` is the wildcard.
        atoms: Box<[Option<char>]>,
    },
}

impl Pattern {
    /// Compiles `source`; panics on any syntax beyond the subset above, which the tables (compiled
    /// in) would have to gain first.
    pub fn new(source: &str) -> Pattern {
        Pattern(
            source
                .split('|')
                .map(|alt| {
                    let (start, alt) = alt.strip_prefix('^').map_or((false, alt), |a| (true, a));
                    let (end, alt) = alt.strip_suffix('$').map_or((false, alt), |a| (true, a));
                    let atoms: Box<[Option<char>]> = alt
                        .chars()
                        .map(|c| match c {
                            '.' => None,
                            '\\' | '[' | ']' | '(' | ')' | '{' | '}' | '*' | '+' | '?' | '^'
                            | '$' => panic!("rule pattern {source:?}: unsupported {c:?}"),
                            c => Some(c),
                        })
                        .collect();
                    match atoms.iter().copied().collect::<Option<String>>() {
                        Some(word) if start && end => Alternative::Exact(word.into()),
                        _ => Alternative::Atoms { start, end, atoms },
                    }
                })
                .collect(),
        )
    }

    pub fn matches(&self, text: &str) -> bool {
        self.0.iter().any(|alt| alt.matches(text))
    }
}

impl Alternative {
    fn matches(&self, text: &str) -> bool {
        let (start, end, atoms) = match self {
            Alternative::Exact(word) => return text == &**word,
            Alternative::Atoms { start, end, atoms } => (*start, *end, atoms),
        };
        let at = |from: usize| {
            let mut rest = text[from..].chars();
            atoms.iter().all(|atom| {
                rest.next()
                    .is_some_and(|c| atom.map_or(c != '\n', |a| a == c))
            }) && (!end || rest.next().is_none())
        };
        if start {
            at(0)
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .any(at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SOURCES: &[&str] = &[
        "^is$|^are$|^was$",
        "^Mr.$",
        "^.$",
        "..ing$",
        "^U.S.$",
        "^PRP$",
        "^n't$",
        "^,$",
        "a.c",
        "^ab",
        "b$",
        "",
    ];

    proptest! {
        // The `regex` crate is the reference the tables were written for.
        #[test]
        fn matches_as_the_regex_crate_does(
            which in 0..SOURCES.len(),
            text in r"is|are|Mr\.|MrX|U\.S\.|n't|,|PRP|bring|[abcMrSU.'\n é]{0,6}",
        ) {
            let source = SOURCES[which];
            let reference = regex::Regex::new(source).unwrap();
            prop_assert_eq!(Pattern::new(source).matches(&text), reference.is_match(&text));
        }
    }
}
