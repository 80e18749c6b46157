//! Line starts of a text and conversions between byte offsets and editor positions.
//!
//! Everything inside dossier speaks UTF-8 byte offsets; editors speak (line, character) where a
//! character is counted in UTF-16 code units unless the client negotiated UTF-8. This is the one
//! place that converts between the two.

use std::ops::Range;
use std::sync::OnceLock;

use super::utf16_len;

/// How the `character` of a [`Position`] is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// A zero-based line and a column counted in the units of an [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Position {
    pub fn new(line: u32, character: u32) -> Self {
        Self { line, character }
    }
}

/// Byte offsets at which each line of a text starts. Lines end at `\n`, `\r\n` or a lone `\r`,
/// as the protocol counts them (and as the rope of an open document does), so that a file saved
/// with old Mac line endings gets the same positions in the editor and in dossier.
///
/// An index belongs to one text: the text its methods are given must be the one it was built
/// from.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// UTF-16 columns in constant time: the UTF-16 units before every [`STRIDE`]th byte, built
    /// at the first UTF-16 position asked for (none for a text that is all ASCII, whose columns
    /// are its bytes). Counting from the start of the line instead cost a megabyte line with
    /// 40,000 mentions ten seconds.
    utf16: OnceLock<Option<Vec<usize>>>,
}

/// Bytes between two UTF-16 checkpoints: a column costs counting at most this many.
const STRIDE: usize = 256;

/// How far into its line a UTF-16 column is counted from the line's start, with no checkpoints.
const NEAR: usize = 4 * STRIDE;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                // A `\r` followed by `\n` ends its line at the `\n`.
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        Self {
            starts,
            len: text.len(),
            utf16: OnceLock::new(),
        }
    }

    /// The UTF-16 units of `text[..offset]`, `offset` a char boundary.
    fn utf16_before(&self, text: &str, offset: usize) -> usize {
        let checkpoints = self.utf16.get_or_init(|| {
            (!text.is_ascii()).then(|| {
                let mut before = 0;
                let mut checkpoints = vec![0];
                let mut from = 0;
                for k in 1..=text.len() / STRIDE {
                    let to = checkpoint_byte(text, k);
                    before += utf16_len(&text[from..to]);
                    checkpoints.push(before);
                    from = to;
                }
                checkpoints
            })
        });
        let Some(checkpoints) = checkpoints else {
            return offset;
        };
        let k = (offset / STRIDE).min(checkpoints.len() - 1);
        checkpoints[k] + utf16_len(&text[checkpoint_byte(text, k)..offset])
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The zero-based line holding a byte offset (offsets past the end belong to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The bytes of a line without its line ending; an empty range for a line past the end.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.len..self.len;
        };
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        start..end
    }

    /// The position of a byte offset. Offsets inside a character or past the end are clamped.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            // A column near its line's start is counted from there: the checkpoints cost a
            // pass over the whole text, more than the few columns most texts ask for.
            Encoding::Utf16 if offset - start <= NEAR => utf16_len(&text[start..offset]),
            Encoding::Utf16 => self.utf16_before(text, offset) - self.utf16_before(text, start),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a position. A line past the end clamps to the end of the text, a
    /// character past the end of its line to the end of the line, and a UTF-16 position inside a
    /// surrogate pair to the start of that character.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let range = self.line_range(text, line);
        let want = position.character as usize;
        let mut units = 0;
        for (i, c) in text[range.clone()].char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > want {
                return range.start + i;
            }
            units += width;
        }
        range.end
    }
}

/// Where the `k`th UTF-16 checkpoint lies: the char boundary at or before byte `k`·[`STRIDE`],
/// so at or before any offset of which `k` is the quotient.
fn checkpoint_byte(text: &str, k: usize) -> usize {
    floor_char_boundary(text, k * STRIDE)
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Assad’s envoy 🇸🇾 met\r\nالأسد — “Pedersen”\nend";

    #[test]
    fn utf16_and_utf8_columns_differ_on_non_ascii() {
        let index = LineIndex::new(TEXT);
        let offset = TEXT.find("met").unwrap();
        assert_eq!(
            index.position(TEXT, offset, Encoding::Utf8),
            Position::new(0, 25)
        );
        // ’ is one UTF-16 unit, each regional indicator two.
        assert_eq!(
            index.position(TEXT, offset, Encoding::Utf16),
            Position::new(0, 19)
        );
        let offset = TEXT.find("Pedersen").unwrap();
        assert_eq!(
            index.position(TEXT, offset, Encoding::Utf16),
            Position::new(1, 9)
        );
    }

    #[test]
    fn positions_round_trip_at_every_char_boundary() {
        let index = LineIndex::new(TEXT);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, c) in TEXT.char_indices() {
                if c == '\n' || c == '\r' {
                    continue;
                }
                let position = index.position(TEXT, offset, encoding);
                assert_eq!(
                    index.offset(TEXT, position, encoding),
                    offset,
                    "{position:?}"
                );
            }
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let index = LineIndex::new(TEXT);
        assert_eq!(
            index.offset(TEXT, Position::new(0, 999), Encoding::Utf16),
            TEXT.find('\r').unwrap()
        );
        assert_eq!(
            index.offset(TEXT, Position::new(99, 0), Encoding::Utf16),
            TEXT.len()
        );
        // Inside the surrogate pair of 🇸: the start of that character.
        let flag = TEXT.find('🇸').unwrap();
        assert_eq!(
            index.offset(TEXT, Position::new(0, 15), Encoding::Utf16),
            flag
        );
        assert_eq!(
            index.position(TEXT, flag + 1, Encoding::Utf8),
            index.position(TEXT, flag, Encoding::Utf8)
        );
    }

    #[test]
    fn utf16_columns_on_a_long_line_agree_with_counting_from_its_start() {
        let text = format!("ascii\n{}", "é🇸a’".repeat(300));
        let index = LineIndex::new(&text);
        let start = index.starts[1];
        for (offset, _) in text.char_indices().filter(|(o, _)| *o >= start) {
            let counted = utf16_len(&text[start..offset]) as u32;
            assert_eq!(
                index.position(&text, offset, Encoding::Utf16),
                Position::new(1, counted)
            );
        }
    }

    #[test]
    fn line_of_and_line_range() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_of(TEXT.find("end").unwrap()), 2);
        assert_eq!(&TEXT[index.line_range(TEXT, 0)], "Assad’s envoy 🇸🇾 met");
        assert_eq!(index.line_range(TEXT, 7), TEXT.len()..TEXT.len());
    }
}
