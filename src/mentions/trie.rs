//! The trie of a matcher's spellings, walked anchored from where a name may start.
//!
//! Not an Aho-Corasick automaton: the walks start only at word starts and die within a few
//! bytes, so failure links are never followed, and building them (with the prefilter and the
//! shuffles of a general automaton) cost more than building the trie. The spellings come
//! sorted, so the trie is laid out in one depth-first pass: each state's children side by
//! side, its first child's children right after them. Most spellings end in a chain of states
//! with one child each, which thus lie one after the other, so that a walk reads a few cache
//! lines, not one a byte. (Laid out breadth first, each step of a walk was a data-cache miss:
//! the trie's walks were a sixth of `dossier check`'s misses.)

/// A state, by its index in [`Trie::states`]: the root is the first.
type State = u32;

pub(super) struct Trie {
    states: Vec<Node>,
    /// The children of the dense states, 256 a state by byte ([`NONE`] for none).
    dense: Vec<State>,
}

/// A state as the walk reads it, in twelve bytes: the byte that leads to it is in it, so that a
/// sparse state's children are found by reading them alone.
struct Node {
    /// Its first child, or for a dense state where its children start in `dense`.
    first: u32,
    /// The pattern spelled up to here, or [`NONE`].
    pattern: u32,
    /// How many children it has, or [`DENSE`].
    len: u16,
    /// The byte from its parent to it.
    byte: u8,
}

/// No state, no pattern.
const NONE: u32 = u32::MAX;
/// A node whose children are looked up by byte in `dense`.
const DENSE: u16 = u16::MAX;
/// States this close to the root are dense: every walk passes through them, and they have
/// the most children.
const DENSE_DEPTH: usize = 3;

impl Trie {
    const ROOT: State = 0;

    /// The trie of `patterns`, sorted and distinct, each known by its index.
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Self {
        let patterns: Vec<&[u8]> = patterns.into_iter().map(str::as_bytes).collect();
        debug_assert!(patterns.windows(2).all(|w| w[0] < w[1]));
        let root = Node {
            first: 0,
            pattern: NONE,
            len: 0,
            byte: 0,
        };
        let mut trie = Self {
            states: Vec::with_capacity(patterns.len() * 4),
            dense: Vec::new(),
        };
        trie.states.push(root);
        // Each state's patterns, those that share the bytes up to it, are a run of the sorted
        // list; the state's children are the runs that share one byte more, laid out when it
        // is, and taken from the stack first to last.
        let mut stack = vec![(Self::ROOT, 0, patterns.len(), 0)];
        let mut runs = Vec::new();
        while let Some((state, mut lo, hi, depth)) = stack.pop() {
            let mut pattern = NONE;
            if lo < hi && patterns[lo].len() == depth {
                pattern = lo as u32;
                lo += 1;
            }
            let first = trie.states.len();
            runs.clear();
            let mut at = lo;
            while at < hi {
                let byte = patterns[at][depth];
                let end = at + patterns[at..hi].partition_point(|p| p[depth] == byte);
                runs.push((at, end));
                let child = Node {
                    first: 0,
                    pattern: NONE,
                    len: 0,
                    byte,
                };
                trie.states.push(child);
                at = end;
            }
            for (k, &(lo, hi)) in runs.iter().enumerate().rev() {
                let child = State::try_from(first + k).expect("a trie of names");
                stack.push((child, lo, hi, depth + 1));
            }
            let (from, len) = if depth < DENSE_DEPTH {
                let from = trie.dense.len();
                trie.dense.resize(from + 256, NONE);
                for (k, child) in trie.states[first..].iter().enumerate() {
                    trie.dense[from + child.byte as usize] = (first + k) as State;
                }
                (from, DENSE)
            } else {
                (first, runs.len() as u16)
            };
            let node = &mut trie.states[state as usize];
            node.first = u32::try_from(from).expect("a trie of names");
            node.pattern = pattern;
            node.len = len;
        }
        trie
    }

    /// The longest pattern that `bytes` starts with and that `ends` accepts (by its length),
    /// with its length and index.
    #[inline]
    pub fn longest(&self, bytes: &[u8], ends: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let mut longest = None;
        let mut node = &self.states[Self::ROOT as usize];
        for (i, &b) in bytes.iter().enumerate() {
            let first = node.first as usize;
            node = if node.len == DENSE {
                match self.dense[first + b as usize] {
                    NONE => break,
                    next => &self.states[next as usize],
                }
            } else {
                let children = &self.states[first..first + node.len as usize];
                match children.iter().find(|c| c.byte == b) {
                    Some(child) => child,
                    None => break,
                }
            };
            if node.pattern != NONE && ends(i + 1) {
                longest = Some((i + 1, node.pattern as usize));
            }
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::Trie;

    proptest::proptest! {
        /// The walk finds what a search of every pattern finds: the longest that the text starts
        /// with and that ends where a word does. (Two letters and a space, so that the trie is
        /// deep and bushy past its dense states.)
        #[test]
        fn the_walk_finds_the_longest_pattern(
            mut patterns in proptest::collection::vec("[ab ]{1,7}", 0..60),
            text in "[ab ]{0,9}",
        ) {
            patterns.sort();
            patterns.dedup();
            let trie = Trie::new(patterns.iter().map(String::as_str));
            let ends = |to: usize| to == text.len() || text[to..].starts_with(' ');
            let searched = patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| text.starts_with(p.as_str()) && ends(p.len()))
                .max_by_key(|(_, p)| p.len())
                .map(|(k, p)| (p.len(), k));
            proptest::prop_assert_eq!(trie.longest(text.as_bytes(), ends), searched);
        }
    }
}
