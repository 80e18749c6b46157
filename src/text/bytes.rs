//! Work on the bytes of a text eight at a time or vectorised, for the scans that run over every
//! byte of every article and that no vectorised library search covers: the first byte of a class
//! (digits for figures) or every one (capital letters for discovery), where words may start (for
//! names), the length of a text in characters and in UTF-16 units (columns on lines that are
//! whole paragraphs), and its lines; and the character at or before a byte, read straight from
//! it when it is ASCII, for the scans that step through words.

use std::ops::RangeInclusive;

/// The first byte from `from` on that lies in `class` (ASCII, `1..=0x7E`), or that is part of a
/// non-ASCII character when `non_ascii` is set.
pub(crate) fn find_in(
    bytes: &[u8],
    mut from: usize,
    class: RangeInclusive<u8>,
    non_ascii: bool,
) -> Option<usize> {
    let (low, width) = (*class.start(), class.end() - class.start());
    // (No branch: the compiler tests a block's bytes all at once.)
    let hit = |b: u8| (b.wrapping_sub(low) <= width) | (non_ascii & (b >= 0x80));
    // Skipped thirty-two bytes at a time to the first block holding one: what is looked for
    // (digits for figures) is rare in prose, and a block is tested in a few instructions.
    while let Some(block) = bytes.get(from..from + 32) {
        if block.iter().fold(false, |found, &b| found | hit(b)) {
            break;
        }
        from += 32;
    }
    bytes
        .get(from..)?
        .iter()
        .position(|&b| hit(b))
        .map(|k| from + k)
}

/// Every byte of `bytes` that lies in `class` (ASCII, `1..=0x7E`), or that is part of a
/// non-ASCII character when `non_ascii` is set, in order: [`find_in`] for all of them, eight
/// bytes at a time (most blocks of thirty-two hold one: capitals, spaces), each read once.
pub(crate) fn all_in(
    bytes: &[u8],
    class: RangeInclusive<u8>,
    non_ascii: bool,
) -> impl Iterator<Item = usize> + '_ {
    let marks = Marks::of(&class, non_ascii);
    let mut chunk = 0;
    let mut found: u64 = 0;
    std::iter::from_fn(move || loop {
        if found != 0 {
            let at = chunk - 8 + (found.trailing_zeros() / 8) as usize;
            found &= found - 1;
            return Some(at);
        }
        if chunk >= bytes.len() {
            return None;
        }
        let x = match bytes.get(chunk..chunk + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => {
                // Past the end, NUL bytes: in no class.
                let mut eight = [0; 8];
                eight[..bytes.len() - chunk].copy_from_slice(&bytes[chunk..]);
                u64::from_le_bytes(eight)
            }
        };
        found = marks.of_eight(x);
        chunk += 8;
    })
}

/// What [`all_in`] looks for in eight bytes at once.
struct Marks {
    low: u64,
    high: u64,
    /// The high bits, when non-ASCII bytes are looked for.
    also: u64,
}

impl Marks {
    fn of(class: &RangeInclusive<u8>, non_ascii: bool) -> Marks {
        let (low, high) = (u64::from(*class.start()), u64::from(*class.end()));
        debug_assert!(low >= 1 && high < 0x7F && low <= high);
        let also = if non_ascii { HIGHS } else { 0 };
        Marks { low, high, also }
    }

    /// The high bit of each of the eight bytes of `x` that is looked for, computed on seven
    /// bits so that no byte carries into the next (bytes with their own high bit set are never
    /// in the class).
    fn of_eight(&self, x: u64) -> u64 {
        let seven = x & (ONES * 0x7F);
        let inside =
            (ONES * (127 + self.high + 1) - seven) & !x & (seven + ONES * (127 - (self.low - 1)));
        (inside | (x & self.also)) & HIGHS
    }
}

/// One in each of eight bytes, and each byte's high bit.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// Where a word may start in `bytes`, eight bytes at a time: for each eight from `chunk` (a
/// multiple of eight), the low bit of byte `k` of the mask set when byte `chunk + k` may start
/// one: the first, and each one after a byte that is no ASCII letter or digit (after a non-ASCII
/// byte, only the decoded character can tell). About one byte in six; a caller that looks at
/// each of them reads them straight from the mask, with no iterator between.
pub(crate) fn word_start_masks(bytes: &[u8]) -> impl Iterator<Item = (usize, u64)> + '_ {
    // Whether the byte before `chunk` ends a word: before the text, it does.
    let mut carry = 1;
    (0..bytes.len()).step_by(8).map(move |chunk| {
        let (x, valid) = match bytes.get(chunk..chunk + 8) {
            Some(eight) => (
                u64::from_le_bytes(eight.try_into().expect("eight bytes")),
                u64::MAX,
            ),
            None => {
                // Past the end, letters: they end no word, and start none.
                let mut eight = [b'a'; 8];
                let left = bytes.len() - chunk;
                eight[..left].copy_from_slice(&bytes[chunk..]);
                (u64::from_le_bytes(eight), u64::MAX >> (64 - 8 * left))
            }
        };
        // Per byte, the high bit when it is an ASCII letter or digit, computed on seven bits so
        // that no byte carries into the next.
        let seven = x & (ONES * 0x7F);
        let folded = seven | (ONES * 0x20);
        let letter =
            (folded + ONES * (0x80 - b'a' as u64)) & !(folded + ONES * (0x7F - b'z' as u64));
        let digit = (seven + ONES * (0x80 - b'0' as u64)) & !(seven + ONES * (0x7F - b'9' as u64));
        let gaps = !((letter | digit) & !x) & HIGHS;
        // Each gap marks the byte after it, the last one the first byte of the next eight.
        let starts = (((gaps >> 7) << 8) | carry) & valid;
        carry = gaps >> 63;
        (chunk, starts)
    })
}

/// The character that starts at byte `at` of `text`, none at the end (or inside a character):
/// taken from the byte itself when it is ASCII, as most of prose is, decoded otherwise.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// The character that ends at byte `at` of `text`, none at the start (or inside a character),
/// as [`char_at`] reads it.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(..at)?.last()? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// The lines of `text`, each with its `\n`, as `str::split_inclusive('\n')` gives them, found
/// by a vectorised search (the standard library's looks a word at a time). The blank line of a
/// paragraph break is taken without one: setting up a search costs more than such a line.
pub(crate) fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        let end = match *bytes.get(start)? {
            b'\n' => start + 1,
            _ => memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |k| start + k + 1),
        };
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// How many bytes of `bytes` continue a character, and how many start one of four bytes.
fn continuations_and_four_byte_leads(bytes: &[u8]) -> (usize, usize) {
    let mut chunks = bytes.chunks_exact(8);
    let (mut continuing, mut leading) = (0, 0);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, the high bit: `10xxxxxx` continues a character, `11110xxx` leads four.
        continuing += (x & !(x << 1) & HIGHS).count_ones() as usize;
        leading += (x & (x << 1) & (x << 2) & (x << 3) & HIGHS).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuing += usize::from(b & 0xC0 == 0x80);
        leading += usize::from(b >= 0xF0);
    }
    (continuing, leading)
}

/// How many characters `s` holds.
pub fn char_count(s: &str) -> usize {
    s.len() - continuations_and_four_byte_leads(s.as_bytes()).0
}

/// How many characters start in `bytes`, which may begin or end inside one.
pub(crate) fn char_starts(bytes: &[u8]) -> usize {
    bytes.len() - continuations_and_four_byte_leads(bytes).0
}

/// The length of `s` in UTF-16 code units: one per character, two for those of four bytes.
pub fn utf16_len(s: &str) -> usize {
    let (continuing, leading) = continuations_and_four_byte_leads(s.as_bytes());
    s.len() - continuing + leading
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Eight bytes at a time, what a search byte by byte finds.
        #[test]
        fn as_byte_by_byte(
            text in "[\\x00-\\x7F]{0,40}|\\PC{0,40}",
            from in 0usize..48,
            low in 1u8..0x7E,
            width in 0u8..40,
            non_ascii in any::<bool>(),
        ) {
            let high = low.saturating_add(width).min(0x7E);
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let expected = bytes[from..]
                .iter()
                .position(|&b| (low..=high).contains(&b) || (non_ascii && b >= 0x80))
                .map(|k| from + k);
            prop_assert_eq!(find_in(bytes, from, low..=high, non_ascii), expected);
            let all: Vec<usize> = all_in(bytes, low..=high, non_ascii).collect();
            let expected_all: Vec<usize> = (0..bytes.len())
                .filter(|&at| (low..=high).contains(&bytes[at]) || (non_ascii && bytes[at] >= 0x80))
                .collect();
            prop_assert_eq!(all, expected_all);
        }

        /// Eight bytes at a time, every offset that no ASCII letter or digit precedes.
        #[test]
        fn word_starts_as_byte_by_byte(text in "[a-zA-Z09 /:@`\\[{\n-]{0,40}|\\PC{0,40}") {
            let bytes = text.as_bytes();
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                .collect();
            let mut starts = Vec::new();
            for (chunk, mut mask) in word_start_masks(bytes) {
                while mask != 0 {
                    starts.push(chunk + (mask.trailing_zeros() / 8) as usize);
                    mask &= mask - 1;
                }
            }
            prop_assert_eq!(starts, expected);
        }

        /// The characters on either side of every boundary, as the standard library decodes them.
        #[test]
        fn characters_around(text in "\\PC{0,20}|[aé€😀 ]{0,12}") {
            for (at, c) in text.char_indices() {
                prop_assert_eq!(char_at(&text, at), Some(c));
                prop_assert_eq!(char_before(&text, at + c.len_utf8()), Some(c));
            }
            prop_assert_eq!(char_at(&text, text.len()), None);
            prop_assert_eq!(char_before(&text, 0), None);
        }

        /// The lines the standard library splits.
        #[test]
        fn lines_as_split(text in "[a\n\r]{0,12}|\\PC{0,30}") {
            let expected: Vec<&str> = text.split_inclusive('\n').collect();
            prop_assert_eq!(lines_inclusive(&text).collect::<Vec<_>>(), expected);
        }

        /// Counted eight bytes at a time, what the standard library counts.
        #[test]
        fn lengths_as_counted_by_characters(text in "\\PC{0,60}|[a-z😀é\u{a0}]{0,40}") {
            prop_assert_eq!(char_count(&text), text.chars().count());
            prop_assert_eq!(utf16_len(&text), text.encode_utf16().count());
        }
    }
}
