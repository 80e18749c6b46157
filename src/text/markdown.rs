//! Markdown read as Markdown: the prose of an article, with everything else — YAML front matter,
//! code, HTML, link targets, reference definitions, markup — blanked out byte for byte, so that
//! the rules read sentences only and every offset still points into the file as written.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Whether a path names a Markdown file.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The prose of `text` read as Markdown when `markdown` (else `text` itself): the same bytes
/// where CommonMark reads text of the document, spaces elsewhere (line breaks kept).
pub fn prose(text: &str, markdown: bool) -> Cow<'_, str> {
    if !markdown {
        return Cow::Borrowed(text);
    }
    let mut out: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for range in prose_ranges(text) {
        out[range.clone()].copy_from_slice(&text.as_bytes()[range]);
    }
    // Whole characters were copied or blanked, byte for byte: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_owned()))
}

/// The byte ranges CommonMark reads as the document's text: not inside front matter, a code
/// block or an HTML block, nor inline code or HTML.
fn prose_ranges(text: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    let mut ranges = Vec::new();
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_) | Tag::CodeBlock(_) | Tag::HtmlBlock) => hidden += 1,
            Event::End(TagEnd::MetadataBlock(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                hidden = hidden.saturating_sub(1);
            }
            Event::Text(_) if hidden == 0 => ranges.push(range),
            _ => {}
        }
    }
    // An entity or an escape is text whose range covers its markup ("&amp;", "\*"): what is
    // copied is the file's own bytes, which a rule reads as written.
    ranges.retain(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_code_and_html_are_blanked_prose_is_kept() {
        let text = "---\ntitle: \"A quoted headline\"\n---\n\nThe envoy *said* so.\n\n```\n\"quoted code\"\n```\n\n<!-- \"a comment\" -->\n\nSee [the report](https://example.org/\"x\").\n";
        let prose = prose(text, true);
        assert_eq!(prose.len(), text.len());
        assert!(!prose.contains("quoted headline") && !prose.contains("title"));
        assert!(!prose.contains("quoted code") && !prose.contains("a comment"));
        assert!(!prose.contains("example.org"));
        assert!(prose.contains("The envoy  said  so."));
        assert!(prose.contains("See  the report"));
        let at = text.find("The envoy").unwrap();
        assert_eq!(&prose[at..at + 9], "The envoy");
        assert_eq!(prose.lines().count(), text.lines().count());
    }

    #[test]
    fn plain_text_is_left_as_it_is() {
        let text = "---\ntitle: \"x\"\n---\n";
        assert_eq!(prose(text, false), text);
    }

    proptest::proptest! {
        /// Any text keeps its length and its line breaks, and stays valid UTF-8.
        #[test]
        fn offsets_survive(text in "(\\PC|[\\n*_`<>#\\-\\[\\]()&;!])*") {
            let prose = prose(&text, true);
            proptest::prop_assert_eq!(prose.len(), text.len());
            for (a, b) in prose.bytes().zip(text.bytes()) {
                proptest::prop_assert!(a == b || a == b' ');
            }
        }
    }
}
