//! Lists of lower-case words, asked about by first byte and length before any word is compared:
//! most words of a text are in none of them, and each list is asked about every word near a
//! name or in a sentence that may name a speaker.

pub(crate) struct Words {
    pub list: &'static [&'static str],
    /// By first byte: a bit for each length (below 64) that a word of the list has.
    lengths: [u64; 256],
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Self {
        let mut lengths = [0u64; 256];
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            if !word.is_empty() && word.len() < 64 {
                lengths[word[0] as usize] |= 1 << word.len();
            }
            i += 1;
        }
        Self { list, lengths }
    }

    /// Whether a word of the list has the first byte and the length of `w` (lower case).
    pub fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&first| self.has(first, w.len()))
    }

    /// Whether the list holds `w`, written in lower case.
    pub fn contains(&self, w: &str) -> bool {
        self.may_hold(w) && self.list.contains(&w)
    }

    /// Whether the list holds `w` in any ASCII case ("Minister", "IN").
    pub fn contains_any_case(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&first| self.has(first.to_ascii_lowercase(), w.len()))
            && self.list.iter().any(|l| l.eq_ignore_ascii_case(w))
    }

    fn has(&self, first: u8, len: usize) -> bool {
        len < 64 && self.lengths[first as usize] & (1 << len) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: Words = Words::new(&["in", "minister", "co-chair"]);

    #[test]
    fn lookups() {
        assert!(LIST.contains("in") && LIST.contains("co-chair"));
        assert!(!LIST.contains("In") && !LIST.contains("it") && !LIST.contains(""));
        assert!(LIST.contains_any_case("Minister") && LIST.contains_any_case("IN"));
        assert!(!LIST.contains_any_case("Ministers") && !LIST.contains_any_case("on"));
        // The first byte and the length alone: "it" passes the gate, "inn" and "on" do not.
        assert!(LIST.may_hold("it") && !LIST.may_hold("inn") && !LIST.may_hold("on"));
    }
}
