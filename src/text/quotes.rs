//! Quotations of an article: where a quoted passage opens and closes.
//!
//! Double quotes (curly “ ” and straight ") mark quotations; a quotation may run over several
//! sentences. Curly single quotes ‘ ’ mark a quotation only outside a double-quoted one and only
//! when the closing ’ is not followed by a letter, so that Russia’s or Russia's stay apostrophes.
//! Straight single quotes are never taken for quotation marks: they are apostrophes far more often;
//! two of them in a row are a double quotation mark ([`with_typewriter_quotes`]).

use std::borrow::Cow;
use std::ops::Range;

/// A quoted passage: `outer` includes the quotation marks, `inner` is what was quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub outer: Range<usize>,
    pub inner: Range<usize>,
}

impl Quotation {
    /// The quoted words: runs of letters, digits, apostrophes and hyphens that hold a letter or
    /// a digit. Read lazily: a rule asking for a few need not split the whole quotation.
    pub fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        text[self.inner.clone()]
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| w.chars().any(char::is_alphanumeric))
    }
}

/// The top-level quotations of `text`, in order. Quotations do not nest in the result: a quote
/// inside a quotation belongs to it. An opening mark left unclosed runs to the end of its paragraph
/// (the press convention for a quotation that goes on in the next paragraph), and a paragraph that
/// starts with a new opening mark ends it; a closing mark with no opening one is ignored.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Only quote marks and line breaks matter: jump from one to the next.
    for (i, c) in marks(text) {
        let after = i + c.len_utf8();
        if c == '\n' {
            if open.is_none() {
                continue;
            }
            // A blank line, or a new line opening with a quote mark, ends an unclosed quotation.
            let rest = text[after..].trim_start_matches([' ', '\t', '\r']);
            let blank = rest.starts_with('\n') || rest.is_empty();
            let reopens = rest.starts_with(['“', '"']);
            if let Some(o) = open.take_if(|_| blank || reopens) {
                out.push(o.run_to(text, i));
            }
            continue;
        }
        let prev = super::char_before(text, i);
        let next = super::char_at(text, after);
        match (c, open.as_ref().map(|o| o.mark)) {
            ('“', None) => open = Some(Open::new(i, Mark::CurlyDouble, after)),
            ('”', Some(Mark::CurlyDouble | Mark::Straight)) => {
                let o = open.take().expect("matched Some");
                out.push(o.close(i, after));
            }
            ('"', None) if opens(prev) => open = Some(Open::new(i, Mark::Straight, after)),
            ('"', Some(Mark::Straight)) => {
                let o = open.take().expect("matched Some");
                out.push(o.close(i, after));
            }
            // A straight pair inside a curly quotation ("“He called it "a sham" today”") is
            // part of it.
            ('"', Some(Mark::CurlyDouble))
                if opens(prev) || open.as_ref().is_some_and(|o| o.nested) =>
            {
                let o = open.as_mut().expect("matched Some");
                o.nested = !o.nested;
            }
            // Typed in haste: “…," or “…,“ — a mark that cannot open (it follows a word or a
            // comma) closes the quotation it would otherwise leave running to the paragraph's end.
            ('"' | '“', Some(Mark::CurlyDouble | Mark::Straight)) if !opens(prev) => {
                let o = open.take().expect("matched Some");
                out.push(o.close(i, after));
            }
            ('‘', None) if opens(prev) => open = Some(Open::new(i, Mark::CurlySingle, after)),
            ('’', Some(Mark::CurlySingle)) if !next.is_some_and(char::is_alphabetic) => {
                let o = open.take().expect("matched Some");
                out.push(o.close(i, after));
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        // Single quotes left open were apostrophes after all; double quotes run to the end.
        if o.mark != Mark::CurlySingle {
            out.push(o.run_to(text, text.len()));
        }
    }
    out
}

/// `text` with each pair of straight apostrophes that stands for a double quotation mark (the
/// typewriter convention of some newspapers' archives: ''We will not leave,'' he said) written
/// as a straight double quote, byte for byte: an opening pair becomes a space and the mark, a
/// closing one the mark and a space, so that every offset still points at the same character.
/// Borrowed, and found by one vectorised search, when the text holds no such pair.
pub fn with_typewriter_quotes(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut pairs = memchr::memmem::find_iter(bytes, b"''").peekable();
    if pairs.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for at in pairs {
        let opening = opens(super::char_before(text, at));
        // Three in a row are a quotation inside another, opening or closing with it: the double
        // mark is the outer one (after a word, the single closes first). The search steps past
        // all three.
        let at = if !opening && bytes.get(at + 2) == Some(&b'\'') {
            at + 1
        } else {
            at
        };
        let opening = opening && super::char_at(text, at + 2).is_some_and(|c| !c.is_whitespace());
        out[at..at + 2].copy_from_slice(if opening { b" \"" } else { b"\" " });
    }
    // Two ASCII bytes replaced two ASCII bytes: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_owned()))
}

/// The quote marks and line breaks of `text`, with their offsets. The curly marks are the only
/// characters the scan stops at that start with the byte E2 and continue with 80 and 98–9D, so
/// a vectorised search for three bytes finds every candidate.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes).filter_map(move |i| match bytes[i] {
        b'"' => Some((i, '"')),
        b'\n' => Some((i, '\n')),
        _ => match bytes.get(i + 1..i + 3)? {
            [0x80, 0x9C] => Some((i, '“')),
            [0x80, 0x9D] => Some((i, '”')),
            [0x80, 0x98] => Some((i, '‘')),
            [0x80, 0x99] => Some((i, '’')),
            _ => None,
        },
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    CurlySingle,
    Straight,
}

struct Open {
    start: usize,
    mark: Mark,
    inner_start: usize,
    /// A straight quotation is open inside this curly one.
    nested: bool,
}

impl Open {
    fn new(start: usize, mark: Mark, inner_start: usize) -> Self {
        Self {
            start,
            mark,
            inner_start,
            nested: false,
        }
    }

    /// An unclosed quotation, ended at `end` (less trailing white space).
    fn run_to(self, text: &str, end: usize) -> Quotation {
        let end = text[..end].trim_end().len().max(self.inner_start);
        Quotation {
            outer: self.start..end,
            inner: self.inner_start..end,
        }
    }

    fn close(self, at: usize, after: usize) -> Quotation {
        Quotation {
            outer: self.start..after,
            inner: self.inner_start..at,
        }
    }
}

/// A straight or single opening mark follows white space (or starts the text), an opening
/// bracket or a dash.
fn opens(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/' | '«' | '“')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quotations(text)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            inner("He said “we will stay” and \"we will not leave\" today."),
            ["we will stay", "we will not leave"]
        );
        let q = &quotations("a “b” c")[0];
        assert_eq!(q.outer, 2..9);
        assert_eq!(q.inner, 5..6);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Russia’s role and Russia's veto and the rebels’ positions.").is_empty());
        assert_eq!(
            inner("The party’s ‘moderates’ left, Moscow’s envoy said."),
            ["moderates"]
        );
    }

    #[test]
    fn spans_sentences_and_nests() {
        assert_eq!(
            inner("“We will not go back. They said ‘never’ to us,” Haddad said."),
            ["We will not go back. They said ‘never’ to us,"]
        );
    }

    #[test]
    fn a_mistyped_closing_mark_closes() {
        assert_eq!(
            inner("“We will build it,\" he said. Then “It is unusual,“ said Aziz."),
            ["We will build it,", "It is unusual,"]
        );
        // A straight pair inside a curly quotation stays inside it.
        assert_eq!(
            inner("“He called it \"a sham\" today,” she said."),
            ["He called it \"a sham\" today,"]
        );
    }

    #[test]
    fn unclosed_runs_to_paragraph_end() {
        let text = "“We will stay here.\n\nNext paragraph.";
        assert_eq!(inner(text), ["We will stay here."]);
        let text = "“First part of it.\n“Second part,” he said.";
        assert_eq!(inner(text), ["First part of it.", "Second part,"]);
        assert_eq!(inner("open \"forever"), ["forever"]);
        assert_eq!(inner("x “"), [""]);
    }

    #[test]
    fn typewriter_quotes_are_double_quotes_byte_for_byte() {
        let text = "''We will not leave,'' he said. ''They called it 'a sham,''' she added.";
        let read = with_typewriter_quotes(text);
        assert_eq!(read.len(), text.len());
        assert_eq!(
            inner(&read),
            ["We will not leave,", "They called it 'a sham,'"]
        );
        // Elsewhere each byte is the text's own.
        let kept = |(a, b): (char, char)| a == b || a == '\'' && matches!(b, '"' | ' ');
        assert!(text.chars().zip(read.chars()).all(kept));
        // No pair: the text itself, not a copy.
        assert!(matches!(
            with_typewriter_quotes("Russia's veto, the rebels' view"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn words() {
        let text = "the “step-for-step approach” and “we will not leave -- this city”";
        let counts: Vec<usize> = quotations(text)
            .iter()
            .map(|q| q.words(text).count())
            .collect();
        assert_eq!(counts, [2, 6]);
    }
}
