//! Searches for the first byte of a class, eight bytes at a time: the scans that run over every
//! byte of every article (capital letters for discovery, digits for figures) and that no
//! vectorised library search covers, as they look for a range of bytes rather than a few.

use std::ops::RangeInclusive;

/// The first byte from `from` on that lies in `class` (ASCII, `1..=0x7E`), or that is part of a
/// non-ASCII character when `non_ascii` is set.
pub(crate) fn find_in(
    bytes: &[u8],
    mut from: usize,
    class: RangeInclusive<u8>,
    non_ascii: bool,
) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    const HIGHS: u64 = ONES * 0x80;
    let (low, high) = (u64::from(*class.start()), u64::from(*class.end()));
    debug_assert!(low >= 1 && high < 0x7F && low <= high);
    let also = if non_ascii { HIGHS } else { 0 };
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // The high bit of each byte in the class, computed on seven bits so that no byte
        // carries into the next (bytes with their own high bit set are never in it).
        let seven = x & LOW7;
        let inside = (ONES * (127 + high + 1) - seven) & !x & (seven + ONES * (127 - (low - 1)));
        let found = (inside | (x & also)) & HIGHS;
        if found != 0 {
            return Some(from + (found.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    bytes
        .get(from..)?
        .iter()
        .position(|b| class.contains(b) || (non_ascii && *b >= 0x80))
        .map(|k| from + k)
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
        }
    }
}
