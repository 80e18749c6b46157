//! The words the analysis knows by name, once: each list is a data file under `data/` (one entry a
//! line, or every form of a verb on one line; `#` starts a comment), read into one table when
//! first asked. A word is looked up once and answers with every class it belongs to, so a parse
//! asks "is this a cue verb, a quantifier, a role noun?" without a lookup per list.

use std::sync::LazyLock;

mod pattern;
pub use pattern::{pattern, Pattern};

use rustc_hash::FxHashMap;

pub mod reader;

/// The classes of one lower-case word, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u64);

macro_rules! classes {
    ($($(#[$doc:meta])* $name:ident = $bit:literal, $file:literal;)*) => {
        impl Classes {
            $($(#[$doc])* pub const $name: Classes = Classes(1 << $bit);)*
        }
        /// Every list with its class, in the order of the bits.
        const LISTS: &[(Classes, &str)] = &[$((Classes::$name, include_str!(concat!("data/", $file))),)*];
    };
}

classes! {
    /// Verbs that report words: "said", "told", "insisted", "relayed".
    SPEECH_VERB = 0, "speech_verbs.txt";
    /// Verbs of belief, perception or finding: "believe", "fear", "found".
    VIEW_VERB = 1, "view_verbs.txt";
    /// Verbs of a stance, cues only with people as subject: "oppose", "question", "want".
    STANCE_VERB = 2, "stance_verbs.txt";
    /// Adjectives after "be" that give a view: "afraid", "wary".
    STANCE_ADJECTIVE = 3, "stance_adjectives.txt";
    /// Role nouns of unnamed people, singular: "source", "official", "aide".
    ANONYMOUS_HEAD = 4, "anonymous_heads.txt";
    /// Group nouns no reader can check, singular: "observer", "analyst", "critic".
    VAGUE_HEAD = 5, "vague_heads.txt";
    /// "some", "many", "most" before a plural.
    QUANTIFIER = 6, "quantifiers.txt";
    /// "some", "others", "everyone" standing alone.
    VAGUE_PRONOUN = 7, "vague_pronouns.txt";
    /// Documents and figures: "poll", "study", "memo".
    DATA_NOUN = 8, "data_nouns.txt";
    /// Reports with no author: "reports", "rumours".
    REPORT_NOUN = 9, "report_nouns.txt";
    PRONOUN = 10, "pronouns.txt";
    DETERMINER = 11, "determiners.txt";
    /// "a", "an", "one", "another".
    INDEFINITE = 12, "indefinites.txt";
    /// "the", "these", "his".
    DEFINITE = 13, "definites.txt";
    /// "two", "three".
    NUMBER = 14, "numbers.txt";
    /// Words that open a head noun's modifiers: "of", "familiar", "close".
    POSTMODIFIER = 15, "postmodifiers.txt";
    /// Conjunctions, subordinators and auxiliaries that end a noun phrase.
    CLAUSE_WORD = 16, "clause_words.txt";
    /// Auxiliaries and adverbs between a speaker and the cue: "has", "not", "also".
    VERB_FILLER = 17, "verb_fillers.txt";
    BE = 18, "be.txt";
    /// Words that say nothing of an anonymous source's position: "senior", "informed".
    UNDESCRIPTIVE = 19, "undescriptive.txt";
    /// Nouns for published numbers: "figures", "toll".
    FIGURE_NOUN = 20, "figure_nouns.txt";
    /// Members of a set the text has introduced: "participant", "panellist".
    MEMBER_NOUN = 21, "member_nouns.txt";
    /// Verbs of finding and counting: "documented", "show", "estimate".
    FINDING_VERB = 22, "finding_verbs.txt";
    /// "will", "would", "may": a cue with one tells what someone will or might do.
    MODAL = 23, "modals.txt";
    /// Words that make the phrase around a name a role: "envoy", "minister", "professor".
    ROLE_WORD = 24, "role_words.txt";
    /// Verbs by which a source says nothing: "declined", "refused".
    REFUSAL_VERB = 25, "refusal_verbs.txt";
    /// Nouns that end in "-ly" like an adverb: "family", "rally".
    LY_NOUN = 26, "ly_nouns.txt";
    /// "his", "their": a possessive determiner.
    POSSESSIVE = 27, "possessives.txt";
    /// "he", "they", "who": a pronoun that stands as a subject.
    SUBJECT_PRONOUN = 28, "subject_pronouns.txt";
    /// Titles of address, no role: "Mr", "Dr".
    HONORIFIC = 29, "honorifics.txt";
    /// What follows a name and is no part of it: "Jr", "III".
    NAME_SUFFIX = 30, "name_suffixes.txt";
    /// Nouns of a level set by a rule, not measured: "rate", "tariff", "threshold".
    LEVEL_NOUN = 31, "level_nouns.txt";
    /// Words before a figure that make it a measure: "nearly", "estimated", "by".
    MEASURE_MARK = 32, "measure_marks.txt";
    /// What follows a sum to make it a price or a wage: "a year", "per", "annually".
    RATE_PERIOD = 33, "rate_periods.txt";
    /// Words before a role word that belong to the role: "former", "finance".
    TITLE_MODIFIER = 34, "title_modifiers.txt";
    /// Last words of organisations and places: "Council", "Ministry".
    INSTITUTION = 35, "institutions.txt";
    /// "Syrian", "Lebanese", "Kurdish".
    NATIONALITY = 36, "nationalities.txt";
    /// Words that open a clause and name nobody: "The", "But", "Meanwhile".
    FUNCTION_WORD = 37, "function_words.txt";
    /// Words that go on a role phrase after its role word: "of", "close", "who".
    ROLE_CONTINUATION = 38, "role_continuations.txt";
    /// Lower-case words inside a title: "of", "state", "former".
    TITLE_LINK = 39, "title_links.txt";
    /// Words after which a capital is the city: "in", "visited".
    LOCATIVE = 40, "locatives.txt";
    /// Words of movement before "to" or "from" a city: "flew", "travelled".
    MOVEMENT = 41, "movement_words.txt";
    /// Nouns after which a capital is the city: "countryside", "airport".
    PLACE_NOUN = 42, "place_nouns.txt";
    /// Short forms written with a capital whose full stop ends no sentence: "mr", "gen", "feb".
    ABBREVIATION = 43, "abbreviations.txt";
    /// "january" … "december", in order.
    MONTH = 44, "months.txt";
    /// "monday" … "sunday".
    WEEKDAY = 45, "weekdays.txt";
    /// "al", "el", "ash": Arabic article particles of names.
    ARABIC_PARTICLE = 46, "arabic_particles.txt";
    /// "de", "van", "bin": particles that stay with a surname.
    NAME_PARTICLE = 47, "name_particles.txt";
    /// Surnames that are everyday words: "hunt", "may".
    COMMON_SURNAME = 48, "common_surnames.txt";
    /// Words other than verbs that open an attribution: "according", "citing", "sources".
    PHRASE_CUE = 49, "phrase_cues.txt";
    /// Short forms written in lower case whose full stop ends no sentence: "approx", "vs".
    LOWER_ABBREVIATION = 50, "lower_abbreviations.txt";
    /// Singular nouns for people that no role list or ending tells: "witness", "man".
    PERSON_NOUN = 51, "person_nouns.txt";
    /// Nouns for states and governments: "country", "government", "regime".
    POLITY_NOUN = 52, "polity_nouns.txt";
    /// Nouns of a stance whose source follows "from": "criticism", "outcry".
    STANCE_NOUN = 53, "stance_nouns.txt";
    /// Verbs whose object feels: "worries", "angered".
    PSYCH_VERB = 54, "psych_verbs.txt";
    /// Common given names that are no everyday word: "paul", "sherrod".
    GIVEN_NAME = 55, "given_names.txt";
    /// What a nationality adjective names its state before: "officials", "government", "forces".
    STATE_ORGAN = 56, "state_organs.txt";
    /// Words between such an adjective and the organ: "foreign", "deputy", "security".
    STATE_TITLE = 57, "state_titles.txt";
    /// Words that make a title a second to another: "deputy", "vice", "assistant".
    SECOND_RANK = 58, "second_ranks.txt";
    /// Verbs that make their object act: "led (some to speculate)", "prompting".
    CONTROL_VERB = 59, "control_verbs.txt";
    /// First words of places' names, never of a person's: "South", "New", "San", "Fort".
    PLACE_OPENER = 60, "place_openers.txt";
    /// Nouns with a person's ending that name firms as often as people: "producer", "lender".
    FIRM_NOUN = 61, "firm_nouns.txt";
    /// Verbs that link a subject to its state as "be" does: "remained", "seem", "grew".
    LINKING_VERB = 62, "linking_verbs.txt";
}

impl Classes {
    /// A verb's past form or participle ("said", "told", "insisted"): a verb by its form alone,
    /// where a base or an "-s" form may be a noun ("reports", "claims"). Derived from the verb
    /// lists, whose lines give a verb's forms with its base first.
    pub const PAST_FORM: Classes = Classes(1 << 63);
}

impl Classes {
    pub const NONE: Classes = Classes(0);
    /// Any cue verb.
    pub const CUE_VERB: Classes = Classes(
        Classes::SPEECH_VERB.0
            | Classes::REFUSAL_VERB.0
            | Classes::FINDING_VERB.0
            | Classes::VIEW_VERB.0
            | Classes::STANCE_VERB.0,
    );

    /// These classes and those of `other`, where a constant needs them.
    pub const fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// These classes but those of `other`.
    pub fn without(self, other: Classes) -> Classes {
        Classes(self.0 & !other.0)
    }

    /// Whether any class of `other` is among these.
    pub fn has(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    fn bitor(self, rhs: Classes) -> Classes {
        Classes(self.0 | rhs.0)
    }
}

/// The classes of `word` in any ASCII case ("Council", "THE").
pub fn classes_any_case(word: &str) -> Classes {
    TABLE.get::<true>(word.as_bytes())
}

/// The classes of `word`, written in lower case.
pub fn classes(word: &str) -> Classes {
    TABLE.get::<false>(word.as_bytes())
}

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::of(entries()));

/// Every entry of the lists with all its classes.
fn entries() -> FxHashMap<&'static str, Classes> {
    let mut table: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for &(class, data) in LISTS {
        for w in words(data) {
            let entry = table.entry(w).or_default();
            *entry = *entry | class;
        }
        if class.has(Classes::CUE_VERB) {
            let lines = data.lines().map(|l| l.split('#').next().unwrap_or(""));
            for line in lines {
                let forms = line.split_whitespace().skip(1);
                for w in forms.filter(|w| !w.ends_with('s') && !w.ends_with("ing")) {
                    let entry = table.entry(w).or_default();
                    *entry = *entry | Classes::PAST_FORM;
                }
            }
        }
    }
    table
}

/// The lexicon as an open-addressed table of words read as numbers: the analysis looks up
/// every word of every sentence with a cue, and most words are in no list. A word is hashed,
/// compared (and its case folded) eight bytes at a time, with no copy and no call to memcmp;
/// a general hash map cost a hundred instructions a look-up. A word found reads its slot and
/// its entry: the entries hold only what a look-up compares and answers, in 32 bytes that
/// straddle no cache line (with their words, 48 bytes, half of them straddled two), and the
/// short words, the most frequent, come first, side by side.
struct Table {
    /// Where each entry is, one past its index; 0 for an empty slot.
    slots: Box<[u32]>,
    /// The entries' keys and classes, by length.
    entries: Vec<Entry>,
    /// The entries' words, by index: read only for words longer than a key.
    words: Vec<&'static str>,
    /// The hash's bits that are a slot: 64 less the slots' power of two.
    shift: u32,
}

/// An entry as a look-up reads it.
#[repr(align(32))]
struct Entry {
    head: u64,
    tail: u64,
    classes: Classes,
    len: u32,
}

impl Entry {
    /// Whether this is the entry of the word whose key is `key`.
    #[inline(always)]
    fn holds(&self, key: Key) -> bool {
        self.head == key.head && self.tail == key.tail && self.len as usize == key.len
    }
}

impl Table {
    fn of(entries: FxHashMap<&'static str, Classes>) -> Table {
        let mut entries: Vec<_> = entries.into_iter().collect();
        entries.sort_by_key(|&(w, _)| w.len());
        // (At most a quarter full: a word in no list, a third of those read, mostly meets an
        // empty slot at once; half full, it probed a slot and a half on average.)
        let size = (entries.len() * 4).next_power_of_two().max(2);
        let mut table = Table {
            slots: vec![0; size].into_boxed_slice(),
            entries: Vec::with_capacity(entries.len()),
            words: Vec::with_capacity(entries.len()),
            shift: 64 - size.trailing_zeros(),
        };
        for (w, classes) in entries {
            let key = Key::of(w.as_bytes());
            let mut at = table.slot(key);
            while table.slots[at] != 0 {
                at = table.next(at);
            }
            let len = u32::try_from(key.len).expect("a word");
            let (head, tail) = (key.head, key.tail);
            table.entries.push(Entry {
                head,
                tail,
                classes,
                len,
            });
            table.words.push(w);
            table.slots[at] = u32::try_from(table.entries.len()).expect("a lexicon of words");
        }
        table
    }

    fn slot(&self, key: Key) -> usize {
        (key.hash() >> self.shift) as usize
    }

    /// The classes of `word`; with `FOLD`, in any ASCII case (the entries are in lower case).
    #[inline(always)]
    fn get<const FOLD: bool>(&self, word: &[u8]) -> Classes {
        let key = Key::of(word);
        self.get_key::<FOLD>(|| word, if FOLD { key.folded() } else { key })
    }

    /// The classes of the lower-case word `text[start..end]`, its key read in place
    /// ([`Key::within`]).
    #[inline(always)]
    fn get_within(&self, text: &[u8], start: usize, end: usize) -> Classes {
        self.get_key::<false>(|| &text[start..end], Key::within(text, start, end))
    }

    /// The classes of `word`, whose key is `key`. (The word is sliced only when it is longer
    /// than its key: the reader's look-ups, most of them of short words, need not check its
    /// bounds.)
    #[inline(always)]
    fn get_key<'w, const FOLD: bool>(&self, word: impl FnOnce() -> &'w [u8], key: Key) -> Classes {
        let mut at = self.slot(key);
        while let Some(entry) = self.entry(at) {
            if entry.holds(key) {
                // (The key is the whole word up to sixteen bytes.)
                return if key.len <= 16 {
                    entry.classes
                } else {
                    self.get_long::<FOLD>(word(), key, at)
                };
            }
            at = self.next(at);
        }
        Classes::NONE
    }

    /// [`Table::get`] for a word longer than sixteen bytes, whose key matches the entry at `at`:
    /// the entries are compared whole.
    #[cold]
    fn get_long<const FOLD: bool>(&self, word: &[u8], key: Key, mut at: usize) -> Classes {
        while let Some(found) = self.entry(at) {
            let entry = self.words[self.slots[at] as usize - 1];
            let same = if FOLD {
                entry.as_bytes().eq_ignore_ascii_case(word)
            } else {
                entry.as_bytes() == word
            };
            if found.holds(key) && same {
                return found.classes;
            }
            at = self.next(at);
        }
        Classes::NONE
    }

    /// The entry in slot `at`, if any.
    fn entry(&self, at: usize) -> Option<&Entry> {
        self.entries.get((self.slots[at] as usize).wrapping_sub(1))
    }

    fn next(&self, at: usize) -> usize {
        (at + 1) & (self.slots.len() - 1)
    }
}

/// A word's length and its bytes as two little-endian numbers: the first eight and the last
/// eight (zero-padded, or overlapping under sixteen), so that the key is the whole word when
/// it is sixteen bytes or fewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    fn of(w: &[u8]) -> Key {
        let n = w.len();
        let eight = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("8 bytes"));
        let (head, tail) = if n >= 8 {
            (eight(0), eight(n - 8))
        } else {
            (short(w), 0)
        };
        Key { len: n, head, tail }
    }

    /// The key of `text[start..end]`, read as whole numbers: the eight bytes from `start`, masked
    /// to the word's length where it is shorter, saves [`Key::of`]'s branching on it. (The word
    /// reader's look-up, for every word read.)
    #[inline(always)]
    fn within(text: &[u8], start: usize, end: usize) -> Key {
        let n = end - start;
        let eight = |at: usize| u64::from_le_bytes(text[at..at + 8].try_into().expect("8 bytes"));
        if n >= 8 {
            Key {
                len: n,
                head: eight(start),
                tail: eight(end - 8),
            }
        } else if start + 8 <= text.len() {
            Key {
                len: n,
                head: eight(start) & ((1 << (8 * n)) - 1),
                tail: 0,
            }
        } else {
            Key::of(&text[start..end])
        }
    }

    /// The key of the word in ASCII lower case.
    fn folded(self) -> Key {
        Key {
            head: ascii_lower(self.head),
            tail: ascii_lower(self.tail),
            ..self
        }
    }

    fn hash(self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ self.len as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// The bytes of a word shorter than eight as a little-endian number, zero-padded: two
/// overlapping loads of four bytes, or the first, middle and last of three or fewer, each byte
/// written at its own place (where they overlap, twice over itself).
fn short(w: &[u8]) -> u64 {
    let n = w.len();
    let four = |at: usize| {
        u64::from(u32::from_le_bytes(
            w[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    match n {
        0 => 0,
        1..=3 => {
            u64::from(w[0])
                | u64::from(w[n / 2]) << (8 * (n / 2))
                | u64::from(w[n - 1]) << (8 * (n - 1))
        }
        _ => four(0) | four(n - 4) << (8 * (n - 4)),
    }
}

/// Eight bytes in ASCII lower case at once: 0x20 added to each byte from `A` to `Z`.
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // (Each byte's low seven bits plus a bias sets its high bit where it is at least `A`, or
    // past `Z`, with no carry into the next byte; a byte with its own high bit set is no letter.)
    let low = x & (0x7F * ONES);
    let from_a = low + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = from_a & !past_z & !x & (0x80 * ONES);
    x | upper >> 2
}

/// Every word of the lists of `class`.
pub fn words_of(class: Classes) -> impl Iterator<Item = &'static str> {
    LISTS
        .iter()
        .filter(move |(c, _)| c.has(class))
        .flat_map(|&(_, data)| words(data))
}

/// Whether `word`, in any ASCII case ("Minister", "IN"), is in the list of `class`.
pub fn is_any_case(word: &str, class: Classes) -> bool {
    classes_any_case(word).has(class)
}

/// Whether `word` (lower case) is in the list of `class`.
pub fn is(word: &str, class: Classes) -> bool {
    classes(word).has(class)
}

/// The entries of a data file: every white-space separated word outside comments.
fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// Lists asked of a word or two in a sentence, where a class bit would be wasted (all 64 are
/// taken).
static SUBORDINATORS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("data/subordinators.txt")).collect());
static ADDRESSING_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("data/addressing_verbs.txt")).collect());
static DEGREE_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("data/degree_words.txt")).collect());

/// Whether `word` (lower case) opens a clause before the main one: "though", "despite".
pub fn is_subordinator(word: &str) -> bool {
    SUBORDINATORS.contains(&word)
}

/// Whether the verb `word` (lower case) takes whom it addresses as its object: "told Reuters".
pub fn addresses(word: &str) -> bool {
    ADDRESSING_VERBS.contains(&word)
}

/// Whether `word` (lower case) grades the adjective after it: "far", "less", "both".
pub fn grades(word: &str) -> bool {
    DEGREE_WORDS.contains(&word)
}

/// Whether a lower-case plural names people by its ending ("environmentalists", "creditors",
/// "Americans"): asked only where a quantifier already says the phrase is a group.
pub fn has_person_ending(word: &str) -> bool {
    static ENDINGS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| words(include_str!("data/person_suffixes.txt")).collect());
    ends_with_any(word, &ENDINGS)
}

/// Whether a lower-case plural with a person's ending may be a family name too ("sanders",
/// "powers"): any but a people's or a party's ("americans", "democrats").
pub fn may_be_surname(word: &str) -> bool {
    has_person_ending(word) && !word.ends_with("ans") && !word.ends_with("ats")
}

/// Whether a lower-case singular noun names a person by its ending ("strategist", "detainee").
pub fn has_singular_person_ending(word: &str) -> bool {
    static ENDINGS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| words(include_str!("data/person_singular_endings.txt")).collect());
    ends_with_any(word, &ENDINGS)
}

/// Whether `word` ends with one of `endings`, with at least three letters before it.
fn ends_with_any(word: &str, endings: &[&str]) -> bool {
    endings
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// A noun in the singular ("sources" → "source", "spokesmen" → "spokesman", "authorities" →
/// "authority"); "people" stays.
pub fn singular(w: &str) -> std::borrow::Cow<'_, str> {
    match w {
        "people" => "people".into(),
        _ if w.ends_with("men") => format!("{}man", &w[..w.len() - 3]).into(),
        _ if w.ends_with("ies") && w.len() > 4 => format!("{}y", &w[..w.len() - 3]).into(),
        _ if w.ends_with("sses") => w[..w.len() - 2].into(),
        _ if w.ends_with('s') && !w.ends_with("ss") && w.len() > 2 => w[..w.len() - 1].into(),
        _ => w.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_and_a_word_answers_with_all_its_classes() {
        for &(class, data) in LISTS {
            let first = words(data).next().expect("a list has entries");
            assert!(is(first, class), "{first}");
        }
        let some = classes("some");
        assert!(some.has(Classes::QUANTIFIER) && some.has(Classes::VAGUE_PRONOUN));
        assert!(is("relayed", Classes::SPEECH_VERB) && is("insisting", Classes::CUE_VERB));
        assert!(!is("observers", Classes::VAGUE_HEAD) && classes("zebra") == Classes::NONE);
        // Comments are not words.
        assert!(!is("#", Classes::SPEECH_VERB) && !is("verbs", Classes::SPEECH_VERB));
    }

    #[test]
    fn entries_are_lower_case_and_unique_per_list() {
        for &(_, data) in LISTS {
            let mut seen = std::collections::HashSet::new();
            for w in words(data) {
                assert_eq!(w, w.to_lowercase(), "{w}");
                assert!(seen.insert(w), "{w} twice");
            }
        }
    }

    proptest::proptest! {
        /// The table answers as the map it is made from, in lower case and in any case.
        #[test]
        fn the_table_is_the_map(
            word in "[a-zA-Z’'.-]{0,20}",
            pick in proptest::prelude::any::<proptest::sample::Index>(),
            upper in proptest::collection::vec(proptest::bool::ANY, 20),
        ) {
            let map = entries();
            let low = word.to_ascii_lowercase();
            proptest::prop_assert_eq!(classes(&low), map.get(low.as_str()).copied().unwrap_or_default());
            proptest::prop_assert_eq!(classes_any_case(&word), classes(&low));
            // An entry, in mixed case.
            let mut all: Vec<&str> = map.keys().copied().collect();
            all.sort_unstable();
            let entry = all[pick.index(all.len())];
            let mixed: String = entry
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            proptest::prop_assert_eq!(classes(entry), map[entry]);
            proptest::prop_assert_eq!(classes_any_case(&mixed), map[entry]);
            proptest::prop_assert_eq!(classes(&mixed), map.get(mixed.as_str()).copied().unwrap_or_default());
        }

        #[test]
        fn keys_are_the_words_and_fold_as_ascii(a in "[a-zA-Z0-9’'@\\[`{-]{0,24}", b in "[a-zA-Z’'-]{0,24}") {
            let (ka, kb) = (Key::of(a.as_bytes()), Key::of(b.as_bytes()));
            if a.len() <= 16 && b.len() <= 16 {
                proptest::prop_assert_eq!(ka == kb, a == b);
            }
            proptest::prop_assert_eq!(ka.folded(), Key::of(a.to_ascii_lowercase().as_bytes()));
            // Read in place, at either end of a text or inside it, a word has the same key.
            for text in [a.clone(), format!("{a} and more"), format!("more {a}")] {
                let start = text.find(&a).unwrap_or(0);
                let key = Key::within(text.as_bytes(), start, start + a.len());
                proptest::prop_assert_eq!(key, ka);
            }
        }
    }

    #[test]
    fn singulars_and_person_endings() {
        assert_eq!(singular("sources"), "source");
        assert_eq!(singular("spokeswomen"), "spokeswoman");
        assert_eq!(singular("authorities"), "authority");
        assert_eq!(singular("people"), "people");
        assert!(has_person_ending("environmentalists") && has_person_ending("americans"));
        assert!(!has_person_ending("ers") && !has_person_ending("days"));
    }
}
