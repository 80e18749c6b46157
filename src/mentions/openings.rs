//! Where a person's name may open in a text: at a capital, a character beyond ASCII, or a
//! particle ("al-Haddad", "de Blasio", "bin Laden"). The catalog's walk notes these word starts
//! in every text it reads; the people the articles introduce are all spelled so, and their
//! automaton and their given names are looked for there alone, a few word starts in every
//! hundred bytes.

use std::sync::LazyLock;

use crate::lexicon::{self, Classes};
use crate::text::Prefixes;

/// What may open a person's name: a capital, a character beyond ASCII, or a particle ("al-Haddad",
/// "de Blasio", "bin Laden"). Asked at every word start of every text, so a byte's table first.
pub(super) struct NameOpenings {
    /// By byte: [`ANY`] if it opens a name whatever follows, [`PARTICLE`] if a particle opens
    /// with it.
    first: [u8; 256],
    /// The particles' openings, followed by a hyphen or a space when shorter than three bytes.
    particles: Prefixes,
}

/// In [`NameOpenings`]' `first`: a name may open with this byte, whatever follows it.
const ANY: u8 = 1;
/// In [`NameOpenings`]' `first`: a particle opens with this byte.
const PARTICLE: u8 = 2;

pub(super) static NAME_OPENINGS: LazyLock<NameOpenings> = LazyLock::new(|| {
    let mut first = [0; 256];
    // A character beyond ASCII opens with one of the bytes from 0xC0: the others of its bytes
    // are each a word start too, and no name's first.
    for b in (b'A'..=b'Z').chain(0xC0..=0xFF) {
        first[b as usize] = ANY;
    }
    let mut particles = Prefixes::default();
    let class = Classes::NAME_PARTICLE.union(Classes::ARABIC_PARTICLE);
    for particle in lexicon::words_of(class).map(str::as_bytes) {
        let openings = match *particle {
            [b0, b1, b2, ..] => vec![[b0, b1, b2]],
            [b0, b1] => vec![[b0, b1, b'-'], [b0, b1, b' ']],
            _ => continue,
        };
        for opening in openings {
            first[opening[0] as usize] |= PARTICLE;
            particles.insert(opening);
        }
    }
    NameOpenings { first, particles }
});

impl NameOpenings {
    /// Whether a person's name may open at word start `at` of `bytes`.
    #[inline]
    pub fn at(&self, bytes: &[u8], at: usize) -> bool {
        match self.first[bytes[at] as usize] {
            0 => false,
            PARTICLE => self.particles.may_hold(bytes, at),
            _ => true,
        }
    }

    /// Whether `spelled` (a string's bytes: never a character's inner byte first), wherever it
    /// is written, opens where [`NameOpenings::at`] says a name may.
    pub fn open(&self, spelled: &[u8]) -> bool {
        match *spelled {
            [b, ..] if self.first[b as usize] & ANY != 0 => true,
            [b0, b1, b2, ..] => self.first[b0 as usize] != 0 && self.particles.holds([b0, b1, b2]),
            _ => false,
        }
    }
}

/// The word starts of a text where a person's name may open ([`NameOpenings`]), in order: each
/// written as its distance from the one before, seven bits a byte (the high bit set on all but
/// its last byte). `dossier check` keeps them for every text between its readings, where as
/// `u32`s they took a twelfth of its peak memory: most are a few dozen bytes apart, one byte.
#[derive(Clone, Debug, Default)]
pub struct Openings(Vec<u8>);

impl Openings {
    /// The openings at `starts`, in order. Written down here, once the walk that finds them
    /// is done, rather than as it goes: its loop, run at every word start, stays as tight.
    pub(super) fn new(starts: &[u32]) -> Self {
        let mut gaps = Vec::with_capacity(starts.len() + starts.len() / 8);
        let mut last = 0;
        for &at in starts {
            let mut gap = at - last;
            last = at;
            while gap >= 0x80 {
                gaps.push(gap as u8 | 0x80);
                gap >>= 7;
            }
            gaps.push(gap as u8);
        }
        // (In a block of its own length: see `Part::found`.)
        Self(gaps.as_slice().to_vec())
    }

    /// The bytes it holds.
    pub(super) fn size(&self) -> usize {
        self.0.capacity()
    }

    /// The word starts, in order.
    pub fn iter(&self) -> OpeningsIter<'_> {
        OpeningsIter {
            gaps: self.0.iter(),
            at: 0,
        }
    }
}

/// [`Openings::iter`].
#[derive(Clone)]
pub struct OpeningsIter<'a> {
    gaps: std::slice::Iter<'a, u8>,
    at: usize,
}

impl OpeningsIter<'_> {
    /// Steps past the openings before byte `at`.
    pub fn skip_to(&mut self, at: usize) {
        let mut rest = self.clone();
        while rest.next().is_some_and(|opening| opening < at) {
            *self = rest.clone();
        }
    }
}

impl Iterator for OpeningsIter<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        let mut byte = *self.gaps.next()?;
        let mut gap = usize::from(byte);
        // Past 127 bytes, a few in a hundred.
        if byte >= 0x80 {
            let mut shift = 0;
            gap &= 0x7F;
            while byte >= 0x80 {
                byte = *self.gaps.next()?;
                shift += 7;
                gap |= usize::from(byte & 0x7F) << shift;
            }
        }
        self.at += gap;
        Some(self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_read_back_as_noted_however_far_apart() {
        // Gaps of one, two and three bytes written, and a start past 64 KB.
        let starts = [0, 1, 127, 128, 300, 16_683, 16_684, 70_000, 3_000_000];
        let openings = Openings::new(&starts);
        let read: Vec<usize> = openings.iter().collect();
        assert_eq!(read, starts.map(|s| s as usize));
        assert_eq!(openings.size(), 1 + 1 + 1 + 1 + 2 + 2 + 1 + 3 + 4);
        let mut from = openings.iter();
        from.skip_to(16_684);
        assert_eq!(from.collect::<Vec<_>>(), [16_684, 70_000, 3_000_000]);
        let mut past = openings.iter();
        past.skip_to(3_000_001);
        assert_eq!(past.next(), None);
    }
}
