//! Sentence boundaries of an article, as byte ranges.
//!
//! Articles arrive as they really are: lines that are whole paragraphs, hard-wrapped Markdown,
//! headings without a full stop, abbreviations (Mr., U.N., Feb.), initials (Geir O. Pedersen) and
//! quotations that run over several sentences. The splitter is a single forward pass; it never
//! looks further than the next word, so it stays linear and cheap on large workspaces.

use std::ops::Range;
use std::sync::LazyLock;

use super::char_before;
use crate::lexicon::{self, Classes};

/// Byte ranges of the sentences of `text`, in order, trimmed of surrounding white space.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when the
/// next word starts like a sentence; at a blank line; and at the end of a line unless the next line
/// visibly continues it (it starts with a lower-case letter), so headings and one-line paragraphs
/// stand alone.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    // The text's next ellipsis (U+2026), looked for again only once passed: most articles have
    // none, so one search over the whole text answers for all their lines.
    let mut ellipsis = ELLIPSIS.find(text.as_bytes());
    for line in super::lines_inclusive(text) {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let Some(first) = first_char(content) else {
            close(text, &mut out, &mut start, line_start);
            continue;
        };
        // A line that visibly continues the sentence left open by the line before it
        // (hard-wrapped prose) starts with a lower-case letter.
        if start.is_some() && !first.is_lowercase() {
            close(text, &mut out, &mut start, line_start);
        }
        scan_line(
            text,
            line_start,
            content,
            &mut ellipsis,
            &mut out,
            &mut start,
        );
    }
    close(text, &mut out, &mut start, text.len());
    out
}

/// Built once: building a searcher costs more than most texts take to search.
static ELLIPSIS: LazyLock<memchr::memmem::Finder> =
    LazyLock::new(|| memchr::memmem::Finder::new("…"));

/// The first character of `line` that is not white space, read straight from its byte when that
/// is plainly not white space (ASCII, but for the vertical tab, which `char` counts as such).
fn first_char(line: &str) -> Option<char> {
    let at = line.bytes().position(|b| !b.is_ascii_whitespace())?;
    match line.as_bytes()[at] {
        b if b.is_ascii() && b != 0x0B => Some(char::from(b)),
        _ => line[at..].trim_start().chars().next(),
    }
}

/// Ends the open sentence (if any) at `end`, trimming white space.
fn close(text: &str, out: &mut Vec<Range<usize>>, start: &mut Option<usize>, end: usize) {
    if let Some(s) = start.take() {
        let trimmed = text[s..end].trim_end();
        if !trimmed.is_empty() {
            out.push(s..s + trimmed.len());
        }
    }
}

/// Ends the sentences that end on the line `content` (starting at `line_start` of `text`) and
/// opens the one that starts on it, if any. `ellipsis` is the text's next ellipsis at or after
/// the line's start, or one before it, passed.
fn scan_line(
    text: &str,
    line_start: usize,
    content: &str,
    ellipsis: &mut Option<usize>,
    out: &mut Vec<Range<usize>>,
    start: &mut Option<usize>,
) {
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if start.is_none() {
            if b.is_ascii_whitespace() || is_nbsp_at(content, i) {
                i += utf8_len(b);
                continue;
            }
            *start = Some(line_start + i);
        }
        // Jump to the next character that may end the sentence: a vectorised search for
        // the three stops, and the text's next ellipsis (rare).
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|k| i + k);
        if ellipsis.is_some_and(|e| e < line_start + i) {
            let from = line_start + i;
            *ellipsis = ELLIPSIS.find(&text.as_bytes()[from..]).map(|k| from + k);
        }
        let in_line = ellipsis
            .map(|e| e - line_start)
            .filter(|&e| e < bytes.len());
        let Some(at) = (match (stop, in_line) {
            (Some(s), Some(e)) => Some(s.min(e)),
            (s, e) => s.or(e),
        }) else {
            return;
        };
        i = at;
        // U+2026 HORIZONTAL ELLIPSIS is three bytes.
        let terminator_len = if bytes[i] == 0xE2 {
            '…'.len_utf8()
        } else {
            1
        };
        // Swallow the whole run of terminators and closers: `?!`, `...`, `.”`, `.)`.
        let mut end = i + terminator_len;
        while let Some(c) = super::char_at(content, end) {
            if matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
            ) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if is_boundary(content, i, end) {
            close(text, out, start, line_start + end);
        }
        i = end;
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        // A continuation byte is never the start of a char we visit; step over it all the same.
        _ => 1,
    }
}

fn is_nbsp_at(s: &str, i: usize) -> bool {
    s[i..].starts_with('\u{a0}')
}

/// Whether the terminator at `dot..end` ends a sentence.
fn is_boundary(line: &str, dot: usize, end: usize) -> bool {
    let rest = &line[end..];
    let next = rest.trim_start();
    if let Some(first_after) = rest.chars().next() {
        // Mid-token, as in "3.5" or "example.com"; or a lower-case word after it ("…?” she asked").
        if !first_after.is_whitespace() || !next.chars().next().is_none_or(starts_sentence) {
            return false;
        }
    }
    // A closing quote or bracket after the stop ends the sentence even after "No." or "U.S.".
    let closed = line[dot..end].contains(['"', '\'', '”', '’', ')', ']', '»']);
    closed || line.as_bytes()[dot] != b'.' || !is_abbreviation(&line[..dot], next)
}

/// Characters a new sentence can begin with.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '*' | '_' | '#' | '-' | '—')
        // Scripts without case (Arabic) can start a sentence too.
        || (c.is_alphabetic() && !c.is_lowercase())
}

/// Whether the word ending just before a `.` is an abbreviation or an initial, so the `.` does not
/// end the sentence. `next` is the text after the terminator run, for dotted acronyms.
fn is_abbreviation(before: &str, next: &str) -> bool {
    // Back over letters, digits and dots.
    let mut word_start = before.len();
    while let Some(c) = char_before(before, word_start).filter(|&c| c.is_alphanumeric() || c == '.')
    {
        word_start -= c.len_utf8();
    }
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // An initial: one capital letter ("Geir O. Pedersen", "J. Smith").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Dotted acronyms (U.S., U.N., e.g.): a boundary only if what follows plainly opens a sentence.
    if word.contains('.') {
        let next_word = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        return !(next_word.starts_with(char::is_uppercase)
            && lexicon::is_any_case(next_word, Classes::FUNCTION_WORD));
    }
    is_short_form(word)
}

/// Whether a word written before a full stop (without it) is a short form whose stop ends no
/// sentence: "Mr", "Gen", "Feb", "approx". Most sentences end on a lower-case word: the capital
/// is looked at before the lexicon.
pub(crate) fn is_short_form(word: &str) -> bool {
    let class = if word.starts_with(|c: char| c.is_uppercase()) {
        Classes::ABBREVIATION
    } else {
        Classes::LOWER_ABBREVIATION
    };
    lexicon::is_any_case(word, class)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("The talks resumed. Both sides attended! Will they agree?"),
            [
                "The talks resumed.",
                "Both sides attended!",
                "Will they agree?"
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Haddad met Dr. Nasser on Feb. 3 at No. 10. The U.N. envoy Geir O. Pedersen attended."),
            [
                "Mr. Haddad met Dr. Nasser on Feb. 3 at No. 10.",
                "The U.N. envoy Geir O. Pedersen attended."
            ]
        );
        assert_eq!(
            split("Gen. Karimov spoke in St. Petersburg. Talks with the U.S. The envoy left."),
            [
                "Gen. Karimov spoke in St. Petersburg.",
                "Talks with the U.S.",
                "The envoy left."
            ]
        );
        assert_eq!(
            split("Sanctions by the U.S. Treasury took effect."),
            ["Sanctions by the U.S. Treasury took effect."]
        );
    }

    #[test]
    fn quotes_inside_and_across_sentences() {
        assert_eq!(
            split("“We will not go back. We will stay,” Haddad said. He left."),
            [
                "“We will not go back.",
                "We will stay,” Haddad said.",
                "He left."
            ]
        );
        assert_eq!(
            split("\"Is this a ceasefire?\" she asked. Nobody answered."),
            ["\"Is this a ceasefire?\" she asked.", "Nobody answered."]
        );
        assert_eq!(
            split("He said: ‘No.’ Then he left."),
            ["He said: ‘No.’", "Then he left."]
        );
    }

    #[test]
    fn headings_lines_and_blank_lines() {
        let text = "# Talks in Geneva\n\nA new round opened on Monday. The envoy spoke\nbriefly to reporters.\nBackground of the talks\nThe process began in 2015\n\nLast line";
        assert_eq!(
            split(text),
            [
                "# Talks in Geneva",
                "A new round opened on Monday.",
                "The envoy spoke\nbriefly to reporters.",
                "Background of the talks",
                "The process began in 2015",
                "Last line"
            ]
        );
    }

    #[test]
    fn decimals_ellipses_and_odd_spacing() {
        assert_eq!(
            split("Inflation hit 3.5 percent… Prices rose.\u{a0} Then  calm."),
            ["Inflation hit 3.5 percent…", "Prices rose.", "Then  calm."]
        );
        assert_eq!(split("Wait... what now?"), ["Wait... what now?"]);
    }

    #[test]
    fn arabic_and_crlf() {
        assert_eq!(
            split("The slogan read حرية. It was new.\r\nNext line.\r\n"),
            ["The slogan read حرية.", "It was new.", "Next line."]
        );
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(split("").is_empty());
        assert!(split(" \n\n\t ").is_empty());
        assert_eq!(split("."), ["."]);
    }
}
