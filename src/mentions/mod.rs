//! Mentions of catalog actors in an article, found in one automaton pass over the text.

mod context;
mod given_names;
mod names;
mod openings;
mod resolve;
mod roles;
mod trie;

pub use context::has_role_beside;
pub(crate) use context::{bare, ends_sentence, is_role_or_roles, is_role_word};

/// The name a later reference uses for a person ("Pedersen", "de Mistura"); none for others.
pub fn surname_of(actor: &crate::catalog::Actor) -> Option<String> {
    (actor.kind == ActorKind::Person)
        .then(|| names::surname(&actor.name, actor.surname.as_deref()))
        .flatten()
}

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use crate::catalog::{ActorId, ActorKind, Catalog};
use crate::text::{char_at, char_before, word_start_masks, Prefixes};
use openings::NAME_OPENINGS;
pub use openings::{Openings, OpeningsIter};
use resolve::{resolve_in_article, Beside, Hit};
use trie::Trie;

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The canonical name or an alias ("Geir Pedersen", "HTS").
    Name,
    /// A person's surname alone ("Pedersen", "Assad").
    Surname,
    /// A word standing for the actor ("Washington" for the US government).
    Metonym,
    /// A state's nationality adjective before one of its organs ("Turkish officials").
    Demonym,
    /// A person's role word standing for them ("the minister", "the UN envoy"), after the
    /// article has named them with that role.
    Role,
    /// A person's given name alone ("Hillary", "Bashar"), where the article names them in full.
    GivenName,
}

/// Whom a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Actor(ActorId),
    /// The article alone cannot tell: a shared surname or abbreviation. The workspace may still
    /// decide (when only one candidate is named anywhere in it).
    Ambiguous(Box<[ActorId]>),
}

impl Target {
    pub fn actor(&self) -> Option<ActorId> {
        match self {
            Target::Actor(id) => Some(*id),
            Target::Ambiguous(_) => None,
        }
    }

    pub fn candidates(&self) -> &[ActorId] {
        match self {
            Target::Actor(id) => std::slice::from_ref(id),
            Target::Ambiguous(ids) => ids,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub target: Target,
    pub form: Form,
}

impl Mention {
    /// Whether the mention names its actor: a role reference ("the minister") or a given name
    /// alone ("Hillary") stands for someone named in full, and is no spelling of the name.
    pub fn names(&self) -> bool {
        !matches!(self.form, Form::Role | Form::GivenName)
    }

    /// Whether a role is written beside the name in `text` ("UN envoy Geir Pedersen"): the
    /// kind of mention that introduces an actor. Read from the words around it when asked, as
    /// only an actor's first mentions are asked about.
    pub fn with_role(&self, text: &str) -> bool {
        self.form == Form::Name && context::has_role_beside(text, self.range.start, self.range.end)
    }
}

/// One reading of a spelling: the actor it may name and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reading {
    actor: ActorId,
    form: Form,
}

/// The automaton over every spelling of every actor in a catalog. The people that articles
/// introduce are added to it ([`Matcher::with_added`]) in an automaton of their own, walked
/// beside the catalog's, so that the catalog's is built once.
pub struct Matcher {
    /// The spellings of the catalog's actors, shared with the matchers that add people to it.
    catalog: Arc<Part>,
    /// The spellings of the actors added after the catalog's (a spelling the catalog has too,
    /// with the readings of both), and what they know of those actors.
    added: Option<Part>,
}

/// A trie of the spellings of some actors, with what the matcher needs of them.
struct Part {
    /// The spellings, each known by its index in `spellings`.
    trie: Trie,
    /// By byte: [`START`] if a spelling starts with it, and [`SHORT`] if one is that byte
    /// alone.
    starts: [u8; 256],
    /// The first three bytes of every spelling, as a Bloom filter (see [`Prefixes`]).
    prefixes: Prefixes,
    /// What each pattern may name, by pattern index.
    spellings: Vec<Spelling>,
    /// The id of the part's first actor: the catalog's are first, those added after them.
    first: usize,
    /// The words of each person's names and aliases, in lower case (none for others): what
    /// a given name written beside a surname must be to name them.
    name_words: Vec<Box<[String]>>,
    /// Each person's roles, for the role words that stand for them (none for others).
    titles: Vec<roles::Titles>,
    /// Every spelling opens as a name may ([`NameOpenings`]): the part need only be walked from
    /// the word starts where one may, which the catalog's walk notes ([`Spelled`]). So are the
    /// people the articles introduce spelled.
    opens_names: bool,
}

/// The readings of one spelling that may fit a mention, worked out once for every mention.
struct Spelling {
    /// Every reading, as the catalog gives them: what a spelling that added actors share
    /// starts from.
    all: Box<[Reading]>,
    /// One word that names only people ("Scott", "Assad"): it may be part of a longer name
    /// written around it, someone else's ("Keith Lamont Scott").
    person_word: bool,
    /// A full name of people only ("Samir Haddad"): a given name before it makes it part of
    /// someone else's ("Nadia Samir Haddad").
    person_name: bool,
    /// One word that names no person but is a common given name ("Chad", a state): written
    /// beside another name word, it is a person's name ("Chad Johnson") and no mention.
    given_name: bool,
    /// A nationality adjective: a mention only before one of its state's organs.
    demonym: bool,
    /// Names first, so that the first is the default; for a capital, its government.
    readings: Option<Choice>,
    /// For a capital, the city: what it names after "in" and its kin.
    as_place: Option<Choice>,
}

impl Spelling {
    fn new(spelled: &str, readings: Vec<Reading>, actors: &[Known]) -> Self {
        let all = readings.clone().into();
        if readings.iter().any(|r| r.form == Form::Metonym) {
            let of = |keep: &dyn Fn(&Reading) -> bool| {
                Choice::new(
                    spelled,
                    readings.iter().copied().filter(keep).collect(),
                    actors,
                )
            };
            return Self {
                all,
                person_word: false,
                person_name: false,
                given_name: false,
                demonym: false,
                readings: of(&|r| r.form == Form::Metonym),
                as_place: of(&|r| actors[r.actor.0 as usize].kind == ActorKind::Place),
            };
        }
        let mut readings = readings;
        readings.sort_by_key(|r| r.form != Form::Name);
        readings.dedup_by_key(|r| r.actor);
        let one_word = !spelled.contains(' ');
        let people = readings
            .iter()
            .filter(|r| actors[r.actor.0 as usize].kind == ActorKind::Person)
            .count();
        Self {
            all,
            person_word: one_word && people == readings.len(),
            person_name: !one_word
                && people == readings.len()
                && readings.iter().all(|r| r.form == Form::Name),
            given_name: one_word
                && people == 0
                && crate::lexicon::is_any_case(spelled, crate::lexicon::Classes::GIVEN_NAME),
            demonym: readings.iter().all(|r| r.form == Form::Demonym),
            readings: Choice::new(spelled, readings, actors),
            as_place: None,
        }
    }
}

/// What a spelling names when it is read one way, before the article settles it.
struct Choice {
    target: Target,
    form: Form,
    /// For an ambiguous spelling, the actor it means unless the article names another: the one
    /// whose own name or alias is spelled so ("Assad", listed for Bashar al-Assad, over Asma and
    /// Maher al-Assad).
    default: Option<ActorId>,
    /// A surname spelled like a common word ("May"), or only of people that articles introduce:
    /// no mention unless the article names the person in full. Whom another article introduced
    /// is no reason to read this one's "Haddad", or "Ohio", as them.
    weak: bool,
}

/// What a spelling's readings need to know of each actor.
#[derive(Clone, Copy)]
struct Known {
    kind: ActorKind,
    /// Introduced by an article, not listed in a catalog.
    discovered: bool,
}

impl Choice {
    /// `readings` in order of preference; none if there are none.
    fn new(spelled: &str, readings: Vec<Reading>, actors: &[Known]) -> Option<Self> {
        let first = *readings.first()?;
        let names = readings.iter().filter(|r| r.form == Form::Name).count();
        let weak = first.form == Form::Surname
            && (names::is_common_word(spelled)
                || readings
                    .iter()
                    .all(|r| actors[r.actor.0 as usize].discovered));
        let all = || Target::Ambiguous(readings.iter().map(|r| r.actor).collect());
        let (target, default) = if weak {
            (all(), None)
        } else if readings.len() == 1 {
            (Target::Actor(first.actor), None)
        } else {
            // A surname one catalog person shares with people the articles introduce is the
            // catalog's unless the article names one of the others in full ("Pedersen" is Geir
            // Pedersen where another article's fisherman Lars Pedersen is not named).
            let mut listed = readings
                .iter()
                .filter(|r| !actors[r.actor.0 as usize].discovered);
            let default = match (names, listed.next(), listed.next()) {
                (1, ..) => Some(first.actor),
                (0, Some(one), None) if first.form == Form::Surname => Some(one.actor),
                _ => None,
            };
            (all(), default)
        };
        Some(Self {
            target,
            form: first.form,
            default,
            weak,
        })
    }
}

/// A spelling of a part written in a text: its bytes and pattern index. In 32 bits each:
/// `dossier check` keeps those of every text between its readings, and at 24 bytes they were
/// a tenth of its peak memory.
#[derive(Clone, Copy)]
struct Found {
    at: u32,
    to: u32,
    pattern: u32,
}

/// The catalog's spellings written in a text ([`Matcher::spelled`]): what a matcher that adds
/// actors to the same catalog ([`Matcher::with_added`]) reads instead of walking the catalog's
/// automaton over the text again.
#[derive(Clone)]
pub struct Spelled {
    /// The part that found them: another's pattern indices mean other spellings.
    part: Arc<Part>,
    found: Vec<Found>,
    /// The word starts where a person's name may open ([`NameOpenings`]), in order: all that
    /// the added part's walk reads, when its spellings all open so.
    names: Openings,
}

impl Spelled {
    /// The word starts where a person's name may open ([`NameOpenings`]), in order: where
    /// discovery looks for the capitals of the names no catalog knows.
    pub fn name_openings(&self) -> &Openings {
        &self.names
    }

    /// The bytes it holds.
    pub fn size(&self) -> usize {
        self.found.capacity() * std::mem::size_of::<Found>() + self.names.size()
    }
}

impl Part {
    /// The part of `catalog`'s actors from the `first`, with `patterns`, their spellings
    /// ([`spellings`]).
    fn new(catalog: &Catalog, first: usize, patterns: Vec<(String, Vec<Reading>)>) -> Self {
        let actors: Vec<Known> = catalog
            .actors()
            .map(|(_, a)| Known {
                kind: a.kind,
                discovered: a.discovered,
            })
            .collect();
        let name_words = catalog
            .actors()
            .skip(first)
            .map(|(_, a)| match a.kind {
                ActorKind::Person => names::words(std::iter::once(&a.name).chain(&a.aliases)),
                _ => Box::default(),
            })
            .collect();
        let titles = catalog
            .actors()
            .skip(first)
            .map(|(_, a)| match a.kind {
                ActorKind::Person => roles::Titles::of(a),
                _ => roles::Titles::default(),
            })
            .collect();
        let mut starts = [0; 256];
        let mut prefixes = Prefixes::default();
        for (spelling, _) in &patterns {
            let bytes = spelling.as_bytes();
            if let Some(&b) = bytes.first() {
                starts[b as usize] |= START;
            }
            match *bytes {
                [b] => starts[b as usize] |= SHORT,
                // Followed by whatever ends a word, or by the end of the text (read as a space).
                [b0, b1] => (0..=255u8)
                    .filter(|b2| !b2.is_ascii_alphanumeric())
                    .for_each(|b2| prefixes.insert([b0, b1, b2])),
                [b0, b1, b2, ..] => prefixes.insert([b0, b1, b2]),
                [] => {}
            }
        }
        // Walked anchored only, from where a name may start.
        let trie = Trie::new(patterns.iter().map(|(p, _)| p.as_str()));
        let opens_names = patterns
            .iter()
            .all(|(spelled, _)| NAME_OPENINGS.open(spelled.as_bytes()));
        Self {
            trie,
            opens_names,
            starts,
            prefixes,
            spellings: patterns
                .into_iter()
                .map(|(spelled, readings)| Spelling::new(&spelled, readings, &actors))
                .collect(),
            first,
            name_words,
            titles,
        }
    }

    /// Whether a spelling of this part may start at byte `at` of `bytes` (a word's first),
    /// as its first three bytes tell.
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let starts = self.starts[bytes[at] as usize];
        starts != 0 && (starts & SHORT != 0 || self.prefixes.may_hold(bytes, at))
    }

    /// The longest spelling that starts at byte `at` of `text` and ends a word, with its
    /// pattern index.
    fn longest_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let (to, pattern) = self
            .trie
            .longest(&text.as_bytes()[at..], |to| at_word_end(text, at + to))?;
        Some((at + to, pattern))
    }

    /// The longest spelling at each byte of `text` where one starts a word and ends one, in
    /// order, each standing alone or not; and the word starts where a person's name may open
    /// ([`NameOpenings`]), in order.
    ///
    /// Each list is gathered in a buffer the thread keeps from one text to the next and handed
    /// on in a block of its own length: `dossier check` keeps them for every text between its
    /// readings, and grown by doubling they held up to twice their length (`shrink_to_fit`
    /// would not give it back: mimalloc keeps a block that shrinks by less than half).
    fn found(&self, text: &str) -> (Vec<Found>, Openings) {
        thread_local! {
            static GATHERED: RefCell<(Vec<Found>, Vec<u32>)> = const {
                RefCell::new((Vec::new(), Vec::new()))
            };
        }
        let bytes = text.as_bytes();
        let openings = &*NAME_OPENINGS;
        GATHERED.with_borrow_mut(|(found, names)| {
            found.clear();
            names.clear();
            // A name starts with one of its first bytes (never inside a character), where no
            // letter or digit touches it: "Assad" is in "pro-Assad", "Syria" is not in "Syrian".
            for (chunk, mut starts) in word_start_masks(bytes) {
                while starts != 0 {
                    let at = chunk + (starts.trailing_zeros() / 8) as usize;
                    starts &= starts - 1;
                    if openings.at(bytes, at) {
                        names.push(at as u32);
                    }
                    self.find_at(text, at, found);
                }
            }
            (found.to_vec(), Openings::new(names))
        })
    }

    /// [`Part::found`] of a part whose spellings all open as names ([`Part::opens_names`]),
    /// walked from `names` alone, the word starts where a name may open: a few in every
    /// text's hundreds of word starts.
    fn found_from(&self, text: &str, names: &Openings) -> Vec<Found> {
        let mut found = Vec::new();
        for at in names.iter() {
            self.find_at(text, at, &mut found);
        }
        found
    }

    /// Adds to `found` the longest spelling at word start `at` of `text`, if one is there.
    #[inline(always)]
    fn find_at(&self, text: &str, at: usize, found: &mut Vec<Found>) {
        // Half of all words start with a byte that some spelling starts with ("a" for
        // "al-Assad", "s" for "said"): their first three bytes rule out most before the
        // automaton is walked. A word start ruled out costs a few instructions, and there are
        // hundreds of thousands in an archive.
        let bytes = text.as_bytes();
        if !self.may_start(bytes, at)
            || at > 0 && !bytes[at - 1].is_ascii() && !at_word_start(text, at)
        {
            return;
        }
        if let Some((to, pattern)) = self.longest_at(text, at) {
            let [at, to, pattern] = [at, to, pattern].map(|n| n as u32);
            found.push(Found { at, to, pattern });
        }
    }

    /// The pattern index of `spelled`, if it is one of this part's spellings.
    fn pattern_of(&self, spelled: &str) -> Option<usize> {
        self.longest_at(spelled, 0)
            .filter(|&(to, _)| to == spelled.len())
            .map(|(_, p)| p)
    }
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Self {
        Self {
            catalog: Arc::new(Part::new(catalog, 0, names::patterns(catalog, 0))),
            added: None,
        }
    }

    /// This matcher with the actors that `catalog` adds after those of the catalog this one
    /// was built from (the people the articles introduce): what [`Matcher::new`] of `catalog`
    /// would find, with the catalog's automaton shared rather than built again.
    pub fn with_added(&self, catalog: &Catalog) -> Self {
        let first = self.catalog.name_words.len();
        let mut patterns = names::patterns(catalog, first);
        // A spelling the catalog has too reads as the catalog's actors first, as in one
        // automaton over both; this part's pattern is the one found, as it is met first.
        for (spelled, readings) in &mut patterns {
            if let Some(p) = self.catalog.pattern_of(spelled) {
                let mut all = self.catalog.spellings[p].all.to_vec();
                all.append(readings);
                *readings = all;
            }
        }
        Self {
            catalog: Arc::clone(&self.catalog),
            added: Some(Part::new(catalog, first, patterns)),
        }
    }

    /// How many actors the matcher knows.
    fn actors(&self) -> usize {
        let added = self.added.as_ref();
        self.catalog.name_words.len() + added.map_or(0, |a| a.name_words.len())
    }

    /// The part that knows `actor`.
    fn part_of(&self, actor: ActorId) -> &Part {
        match &self.added {
            Some(added) if actor.0 as usize >= added.first => added,
            _ => &self.catalog,
        }
    }

    fn name_words(&self, actor: ActorId) -> &[String] {
        let part = self.part_of(actor);
        &part.name_words[actor.0 as usize - part.first]
    }

    fn titles(&self, actor: ActorId) -> &roles::Titles {
        let part = self.part_of(actor);
        &part.titles[actor.0 as usize - part.first]
    }

    /// What pattern `pattern` ([`Matcher::spans`]) may name.
    fn spelling(&self, pattern: usize) -> &Spelling {
        let catalog = self.catalog.spellings.len();
        match &self.added {
            Some(added) if pattern >= catalog => &added.spellings[pattern - catalog],
            _ => &self.catalog.spellings[pattern],
        }
    }

    /// Every mention in `text`, in order, with the article-local resolution of surnames and
    /// shared names applied.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_with(text, &self.spelled(text))
    }

    /// [`Matcher::find`], the catalog's spellings read from `spelled` (of `text`).
    pub fn find_with(&self, text: &str, spelled: &Spelled) -> Vec<Mention> {
        let spelled = self.own(text, spelled);
        let mut mentions = self.find_by_name_with(text, &spelled);
        self.add_role_references(text, &mut mentions);
        given_names::add_references(text, &spelled.names, &mut mentions, |a| self.name_words(a));
        mentions
    }

    /// `spelled` (of `text`) if this matcher's catalog found it; else that catalog's spellings,
    /// found again: another automaton's pattern indices mean other spellings.
    fn own<'s>(&self, text: &str, spelled: &'s Spelled) -> Cow<'s, Spelled> {
        match Arc::ptr_eq(&spelled.part, &self.catalog) {
            true => Cow::Borrowed(spelled),
            false => Cow::Owned(self.spelled(text)),
        }
    }

    /// [`Matcher::find`] without the role references ("the minister"): the mentions that name
    /// their actor, in order, the catalog's spellings read from `spelled` (of `text`).
    pub fn find_by_name_with(&self, text: &str, spelled: &Spelled) -> Vec<Mention> {
        let spelled = self.own(text, spelled);
        let mut read = Vec::with_capacity(text.len() / 32);
        self.spans(text, &spelled, |range, pattern| {
            read.extend(self.read(text, range, pattern));
        });
        resolve_in_article(read, self.actors())
    }

    /// The spellings of the catalog this matcher was built from that `text` holds, for
    /// [`Matcher::find_with`] of this matcher or of one that adds actors to it.
    pub fn spelled(&self, text: &str) -> Spelled {
        let (found, names) = self.catalog.found(text);
        Spelled {
            part: Arc::clone(&self.catalog),
            found,
            names,
        }
    }

    /// Adds to `mentions` ([`Matcher::find_by_name_with`] of `text`) the role references to the
    /// people they name: then they are [`Matcher::find`]'s.
    pub fn add_role_references(&self, text: &str, mentions: &mut Vec<Mention>) {
        roles::add_references(text, mentions, |a| self.titles(a));
    }

    /// Whether a role reference that [`Matcher::add_role_references`] adds to `mentions` may
    /// cover a byte of one of the `ranges`: no when no word there is a role word of someone
    /// they name.
    pub fn may_refer_by_role(
        &self,
        text: &str,
        mentions: &[Mention],
        ranges: impl Iterator<Item = Range<usize>>,
    ) -> bool {
        roles::may_cover(text, mentions, |a| self.titles(a), ranges)
    }

    /// Whether any spelling stands alone in `text`, whatever the words around it make of it: a
    /// quick look at whether an article may name one of the actors.
    pub fn spells_any(&self, text: &str) -> bool {
        let mut any = false;
        self.spans(text, &self.spelled(text), |_, _| any = true);
        any
    }

    /// The spellings written in `text`, standing alone, leftmost then longest ("Bashar
    /// al-Assad" over "al-Assad", "UN Security Council" over "UN"; a name that starts inside a
    /// longer one is none): each given to `found` as its bytes and pattern index, in order.
    /// The catalog's are read from `spelled` (of this matcher's catalog part); only the added
    /// part is walked.
    fn spans(&self, text: &str, spelled: &Spelled, mut found: impl FnMut(Range<usize>, usize)) {
        let first_added = self.catalog.spellings.len();
        let added = match &self.added {
            Some(added) if added.opens_names => added.found_from(text, &spelled.names),
            Some(added) => added.found(text).0,
            None => Vec::new(),
        };
        let (mut catalog, mut added) = (spelled.found.iter().peekable(), added.iter().peekable());
        let mut end = 0;
        loop {
            // Where both parts have a spelling at one byte, the longer; the added part's when
            // both end at the same byte: it is the same, with the readings of both.
            let (at, to, pattern) = match (catalog.peek(), added.peek()) {
                (None, None) => return,
                (Some(c), Some(a)) if a.at < c.at || a.at == c.at && a.to >= c.to => {
                    (a.at, a.to, first_added + a.pattern as usize)
                }
                (Some(c), _) => (c.at, c.to, c.pattern as usize),
                (None, Some(a)) => (a.at, a.to, first_added + a.pattern as usize),
            };
            // Each part has one spelling at a byte at most: both step past the byte.
            catalog.next_if(|c| c.at == at);
            added.next_if(|a| a.at == at);
            if at >= end {
                found(at as usize..to as usize, pattern);
            }
            end = end.max(to);
        }
    }

    /// Picks the readings that fit the context of one hit.
    fn read(&self, text: &str, range: Range<usize>, pattern: usize) -> Option<Hit<'_>> {
        let spelling = self.spelling(pattern);
        // A capital: the city after "in", the government otherwise.
        let choice = match &spelling.as_place {
            Some(place) if context::is_place_use(text, range.start, range.end) => place,
            _ => spelling.readings.as_ref()?,
        };
        if spelling.demonym && !context::stands_for_state(text, range.start, range.end)
            || spelling.given_name && context::longer_name(text, range.start, range.end).is_some()
            || spelling.person_name && self.someone_elses(text, range.start, choice)
        {
            return None;
        }
        let beside = match spelling.person_word {
            true => self.beside(text, &range, choice),
            false => Beside::Alone,
        };
        Some(Hit {
            range,
            choice,
            pattern,
            beside,
        })
    }

    /// Whether a given name before the full name at `start` makes it someone else's: a name word
    /// of none of its candidates ("Nadia Samir Haddad" is not Samir Haddad).
    fn someone_elses(&self, text: &str, start: usize, choice: &Choice) -> bool {
        context::given_name_before(text, start).is_some_and(|given| {
            !choice.target.candidates().iter().any(|&a| {
                self.name_words(a)
                    .iter()
                    .any(|own| own.eq_ignore_ascii_case(given))
            })
        })
    }

    /// What the name words written beside a one-word name of people make of it: one of its
    /// candidates named in full ("Bashar Assad", "Hafez Assad"), someone else ("Keith Lamont
    /// Scott" is not Bobby Scott), or nothing.
    fn beside(&self, text: &str, range: &Range<usize>, choice: &Choice) -> Beside {
        let Some(words) = context::longer_name(text, range.start, range.end) else {
            return Beside::Alone;
        };
        let names = |actor: &ActorId| {
            let own = self.name_words(*actor);
            words.iter().any(|w| {
                own.iter()
                    .any(|o| o.eq_ignore_ascii_case(w.trim_end_matches('.')))
            })
        };
        match choice.target.candidates().iter().find(|a| names(a)) {
            Some(&actor) => Beside::Named(actor),
            None => Beside::Other,
        }
    }
}

/// In [`Matcher`]'s `starts`: a spelling starts with this byte.
const START: u8 = 1;
/// In [`Matcher`]'s `starts`: a spelling is this one byte, too short for its [`Prefixes`].
const SHORT: u8 = 2;

/// No letter or digit stands right before byte `at` (a character boundary).
fn at_word_start(text: &str, at: usize) -> bool {
    !char_before(text, at).is_some_and(char::is_alphanumeric)
}

/// No letter or digit stands right after byte `at`.
fn at_word_end(text: &str, at: usize) -> bool {
    !char_at(text, at).is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests;
