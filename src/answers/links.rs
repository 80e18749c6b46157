//! Document links: the web addresses written in an article, so that a reader can follow a
//! source from the editor. Found by linkify, which knows where an address ends in running text
//! (a full stop or a closing bracket after it is no part of it).

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};

/// The addresses in `text` (`http://`, `https://` and other schemes linkify knows), each with
/// its byte range.
pub fn links(text: &str) -> Vec<(Range<usize>, String)> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder
        .links(text)
        .map(|link| (link.start()..link.end(), link.as_str().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_end_where_the_sentence_goes_on() {
        let text = "The ministry's statement (https://mfa.gov.example/2019/talks?id=4) said so. See https://reliefweb.int/report.";
        let found: Vec<&str> = links(text).iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(
            found,
            [
                "https://mfa.gov.example/2019/talks?id=4",
                "https://reliefweb.int/report"
            ]
        );
        assert!(links("No address, not even user@example.org.").is_empty());
    }
}
