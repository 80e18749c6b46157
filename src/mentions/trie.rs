//! The trie of a matcher's spellings, walked anchored from where a name may start.
//!
//! Not an Aho-Corasick automaton: the walks start only at word starts and die within a few
//! bytes, so failure links are never followed, and building them (with the prefilter and the
//! shuffles of a general automaton) cost more than building the trie. The spellings come
//! sorted, so the trie is laid out in one breadth-first pass, each state's children side by
//! side.

/// A state: the root is the first; a state's pattern, if one ends there.
pub(super) type State = u32;

pub(super) struct Trie {
    states: Vec<Node>,
    /// The children of the dense states, 256 a state by byte ([`NONE`] for none).
    dense: Vec<State>,
    /// The children of the sparse states: their bytes and states, side by side.
    bytes: Vec<u8>,
    next: Vec<State>,
}

struct Node {
    /// Where its children start in `dense` or in `bytes` and `next`.
    from: u32,
    /// How many children it has, or [`DENSE`].
    len: u32,
    /// The pattern spelled up to here, or [`NONE`].
    pattern: u32,
}

/// No state, no pattern.
const NONE: u32 = u32::MAX;
/// A node whose children are looked up by byte in `dense`.
const DENSE: u32 = u32::MAX;
/// States this close to the root are dense: every walk passes through them, and they have
/// the most children.
const DENSE_DEPTH: usize = 3;

impl Trie {
    const ROOT: State = 0;

    /// The trie of `patterns`, sorted and distinct, each known by its index.
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Self {
        let patterns: Vec<&[u8]> = patterns.into_iter().map(str::as_bytes).collect();
        debug_assert!(patterns.windows(2).all(|w| w[0] < w[1]));
        let mut trie = Self {
            states: Vec::with_capacity(patterns.len() * 4),
            dense: Vec::new(),
            bytes: Vec::new(),
            next: Vec::new(),
        };
        // Breadth first: each state's patterns, those that share the bytes up to it, are a
        // run of the sorted list; the state's children are the runs that share one byte more.
        let mut queue = std::collections::VecDeque::new();
        let mut children = Vec::new();
        queue.push_back((0, patterns.len(), 0));
        while let Some((mut lo, hi, depth)) = queue.pop_front() {
            let mut pattern = NONE;
            if lo < hi && patterns[lo].len() == depth {
                pattern = lo as u32;
                lo += 1;
            }
            let first = trie.states.len() as u32 + queue.len() as u32 + 1;
            children.clear();
            let mut at = lo;
            while at < hi {
                let b = patterns[at][depth];
                let end = at + patterns[at..hi].partition_point(|p| p[depth] == b);
                children.push(b);
                queue.push_back((at, end, depth + 1));
                at = end;
            }
            let (from, len) = if depth < DENSE_DEPTH {
                let from = trie.dense.len();
                trie.dense.resize(from + 256, NONE);
                for (k, &b) in children.iter().enumerate() {
                    trie.dense[from + b as usize] = first + k as u32;
                }
                (from as u32, DENSE)
            } else {
                let from = trie.bytes.len();
                trie.bytes.extend_from_slice(&children);
                trie.next
                    .extend((0..children.len() as u32).map(|k| first + k));
                (from as u32, children.len() as u32)
            };
            trie.states.push(Node { from, len, pattern });
        }
        trie
    }

    /// The longest pattern that `bytes` starts with and that `ends` accepts (by its length),
    /// with its length and index: the walk reads each state once, its children and its pattern
    /// side by side.
    #[inline]
    pub fn longest(&self, bytes: &[u8], ends: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let mut longest = None;
        let mut node = &self.states[Self::ROOT as usize];
        for (i, &b) in bytes.iter().enumerate() {
            let from = node.from as usize;
            let next = if node.len == DENSE {
                self.dense[from + b as usize]
            } else {
                let children = &self.bytes[from..from + node.len as usize];
                match children.iter().position(|&c| c == b) {
                    Some(k) => self.next[from + k],
                    None => NONE,
                }
            };
            if next == NONE {
                break;
            }
            node = &self.states[next as usize];
            if node.pattern != NONE && ends(i + 1) {
                longest = Some((i + 1, node.pattern as usize));
            }
        }
        longest
    }
}
