//! A quick no for a look-up in a list of words: most words of a text start like no entry.

/// A Bloom filter of three-byte strings: 64 kibibits, a fraction of the first-level cache, for
/// the few thousand prefixes of a list's entries (a catalog's spellings, the cue words). A string
/// it does not hold is the prefix of no entry; one it holds may be.
pub(crate) struct Prefixes(Box<[u64; 1024]>);

impl Default for Prefixes {
    fn default() -> Self {
        Self(Box::new([0; 1024]))
    }
}

impl Prefixes {
    /// The prefixes of `words`, each as [`padded`] reads it.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut prefixes = Self::default();
        for w in words {
            prefixes.insert(padded(w.as_bytes()));
        }
        prefixes
    }

    fn bit(prefix: [u8; 3]) -> usize {
        let key = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], 0]);
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    pub fn insert(&mut self, prefix: [u8; 3]) {
        let bit = Self::bit(prefix);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether the three bytes from `at` (a space for any past the end) may start an entry.
    pub fn may_hold(&self, bytes: &[u8], at: usize) -> bool {
        self.holds(padded(&bytes[at.min(bytes.len())..]))
    }

    /// Whether `prefix` may start an entry.
    pub fn holds(&self, prefix: [u8; 3]) -> bool {
        let bit = Self::bit(prefix);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The first three bytes of `bytes`, a space for each past its end: how a word shorter than
/// three bytes is inserted and asked for, as if the text went on with a space.
pub(crate) fn padded(bytes: &[u8]) -> [u8; 3] {
    match *bytes {
        [b0, b1, b2, ..] => [b0, b1, b2],
        [b0, b1] => [b0, b1, b' '],
        [b0] => [b0, b' ', b' '],
        [] => [b' '; 3],
    }
}
