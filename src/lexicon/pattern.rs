//! The patterns run over every article (the rules', the date's), compiled as `regex::Regex`
//! compiles them, with their lazy DFAs' caches lent from one stack. A `regex::Regex` keeps a
//! cache for each thread that searches it, and every cache builds the DFA's states again from
//! nothing: the server searches from its request threads and its indexing threads alike, and
//! those states cost more than the searches that needed them. Here there are at most as many
//! caches as cores, each kept warm; a search that finds them all lent waits for one (searches
//! are short: a few thousand instructions on a sentence, some tens of thousands on an article)
//! rather than learn the states again in a cache of its own, which cost more than the search (a
//! cold cache learns the agentless claims' pattern for two million instructions).

use std::sync::{Condvar, LazyLock, Mutex, PoisonError};

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::{Input, Match, MatchKind};

/// A compiled pattern, searched from any thread.
pub struct Pattern {
    regex: Regex,
    caches: Mutex<Caches>,
    /// Told when a cache goes back on the stack.
    returned: Condvar,
}

/// A pattern's caches.
#[derive(Default)]
struct Caches {
    /// Those no search holds now, boxed: a cache is a large value, and moving it in and out of
    /// the stack by value cost as much as the short searches themselves.
    #[allow(clippy::vec_box)]
    idle: Vec<Box<meta::Cache>>,
    /// How many there are, idle or lent.
    made: usize,
    /// How many searches wait for one: only then is a returned cache announced, since telling
    /// a condition variable costs a system call even when nobody waits on it.
    waiting: usize,
}

/// How many caches a pattern makes at most: one for each search that can run at once.
static MOST_CACHES: LazyLock<usize> =
    LazyLock::new(|| std::thread::available_parallelism().map_or(2, |n| n.get()));

/// Compiles a pattern over lower-cased text, with `\b` meaning an ASCII word boundary. Patterns
/// are written in lower case and run over ASCII-lower-cased text, which keeps the same byte
/// offsets: case-sensitive literals let the regex engine skip ahead far faster than
/// case-insensitive ones. And the engine's fast DFA gives up on Unicode word boundaries as soon
/// as it meets a non-ASCII byte (articles are full of curly quotes), while the words looked for
/// are all ASCII.
pub fn pattern(pattern: &str) -> Pattern {
    Pattern::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

impl Pattern {
    /// `source` compiled with `regex::Regex::new`'s own settings, so that it matches as there.
    pub fn new(source: &str) -> Self {
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 << 20))
            .hybrid_cache_capacity(2 << 20)
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true);
        let regex = meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build(source)
            .expect("valid pattern");
        Self {
            regex,
            caches: Mutex::new(Caches::default()),
            returned: Condvar::new(),
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.with_cache(|regex, cache| regex.is_match_with(cache, &Input::new(haystack)))
    }

    /// The first match, leftmost.
    pub fn find(&self, haystack: &str) -> Option<Match> {
        self.with_cache(|regex, cache| regex.search_with(cache, &Input::new(haystack)))
    }

    /// The matches, leftmost first and none overlapping, all found before the cache goes back.
    pub fn find_iter(&self, haystack: &str) -> std::vec::IntoIter<Match> {
        let found = self.with_cache(|regex, cache| {
            let mut searcher = Searcher::new(Input::new(haystack));
            std::iter::from_fn(|| searcher.advance(|input| Ok(regex.search_with(cache, input))))
                .collect::<Vec<_>>()
        });
        found.into_iter()
    }

    /// The groups of the first match, leftmost: `None` when nothing matches.
    pub fn captures(&self, haystack: &str) -> Option<Captures> {
        let mut groups = self.regex.create_captures();
        self.with_cache(|regex, cache| {
            regex.search_captures_with(cache, &Input::new(haystack), &mut groups)
        });
        groups.is_match().then_some(groups)
    }

    /// Runs `search` with a cache off the stack, a new one when every cache is in use and
    /// there are fewer than [`MOST_CACHES`], else the first to come back; and puts it back
    /// after. The lock is held only to take and to return it.
    fn with_cache<T>(&self, search: impl FnOnce(&Regex, &mut meta::Cache) -> T) -> T {
        let mut caches = self.caches.lock().unwrap_or_else(PoisonError::into_inner);
        let idle = loop {
            if let Some(cache) = caches.idle.pop() {
                break Some(cache);
            }
            if caches.made < *MOST_CACHES {
                caches.made += 1;
                break None;
            }
            caches.waiting += 1;
            caches = self
                .returned
                .wait(caches)
                .unwrap_or_else(PoisonError::into_inner);
            caches.waiting -= 1;
        };
        drop(caches);
        let mut lent = Lent {
            pattern: self,
            cache: Some(idle.unwrap_or_else(|| Box::new(self.regex.create_cache()))),
        };
        search(&self.regex, lent.cache.as_mut().expect("lent"))
    }
}

/// A cache lent to a search, put back when the search is done. (A search that panics loses
/// its cache, and with it the right to make one: no search is left waiting for it.)
struct Lent<'p> {
    pattern: &'p Pattern,
    cache: Option<Box<meta::Cache>>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let mut caches = self
            .pattern
            .caches
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match self.cache.take() {
            Some(cache) if !std::thread::panicking() => caches.idle.push(cache),
            _ => caches.made -= 1,
        }
        let waiting = caches.waiting > 0;
        drop(caches);
        if waiting {
            self.pattern.returned.notify_one();
        }
    }
}
