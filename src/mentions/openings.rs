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
