//! The Penn tags the tagger can give, as small integers, and sets of them as bits: a word's
//! candidate tags, or the tags a rule's pattern accepts, are then one `u64`.

/// A Penn tag, or `Tag::LITERAL`: punctuation the tagger has no tag for is tagged with its own
/// characters (as the crate does), which no name here can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag(u8);

macro_rules! tagset {
    ($($id:ident = $name:literal,)*) => {
        #[allow(clippy::upper_case_acronyms, non_camel_case_types)]
        enum Id { $($id,)* LITERAL }

        #[allow(dead_code)]
        impl Tag {
            $(pub const $id: Tag = Tag(Id::$id as u8);)*
            pub const LITERAL: Tag = Tag(Id::LITERAL as u8);

            /// The tag called `name`.
            pub fn named(name: &str) -> Option<Tag> {
                match name {
                    $($name => Some(Tag::$id),)*
                    _ => None,
                }
            }
        }

        const NAMES: &[&str] = &[$($name,)*];
    };
}

// Every tag of the lexicon, the punctuation table and the rules; `dead_code` above because some
// are only ever read from the data.
tagset! {
    CC = "CC", CD = "CD", DT = "DT", EX = "EX", FW = "FW", IN = "IN", JJ = "JJ", JJR = "JJR",
    JJS = "JJS", LS = "LS", MD = "MD", NN = "NN", NNP = "NNP", NNPS = "NNPS", NNS = "NNS",
    PDT = "PDT", POS = "POS", PRP = "PRP", PRP_S = "PRP$", RB = "RB", RBR = "RBR", RBS = "RBS",
    RP = "RP", TO = "TO", UH = "UH", VB = "VB", VBD = "VBD", VBG = "VBG", VBN = "VBN",
    VBP = "VBP", VBZ = "VBZ", WDT = "WDT", WP = "WP", WP_S = "WP$", WRB = "WRB",
    LRB = "-LRB-", RRB = "-RRB-", COMMA = ",", COLON = ":", HYPH = "HYPH", PERIOD = ".",
    QUOTE = "\"",
}

impl Tag {
    /// Every tag but `LITERAL`, for tables indexed by tag.
    pub const COUNT: usize = NAMES.len();

    pub fn all() -> impl Iterator<Item = Tag> {
        (0..NAMES.len() as u8).map(Tag)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The Penn name; `LITERAL` has none of its own.
    pub fn name(self) -> Option<&'static str> {
        NAMES.get(self.index()).copied()
    }

    /// The tag as the crate spells it for `word`, the word it tags.
    pub fn penn(self, word: &str) -> &str {
        self.name().unwrap_or(word)
    }
}

/// A set of tags. `LITERAL` has a bit of its own, which no rule gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tags(u64);

const _: () = assert!(NAMES.len() < 64);

impl Tags {
    pub fn of(tag: Tag) -> Tags {
        Tags(1 << tag.0)
    }

    pub fn with(self, tag: Tag) -> Tags {
        Tags(self.0 | Tags::of(tag).0)
    }

    pub fn has(self, tag: Tag) -> bool {
        self.0 & Tags::of(tag).0 != 0
    }

    /// The tags of the set, in the order of their bits.
    pub fn iter(self) -> impl Iterator<Item = Tag> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let tag = Tag(bits.trailing_zeros() as u8);
                bits &= bits - 1;
                tag
            })
        })
    }

    /// Whether the two sets share a tag.
    pub fn meets(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }
}
