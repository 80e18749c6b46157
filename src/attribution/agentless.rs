//! Agentless attribution: a claim made through a construction without an agent ("it is
//! believed that", "amid speculation that") and a hedged report ("reportedly", "is said to").
//! The source is missing by construction; the rules flag these when nothing else in the
//! sentence gives one, and `dossier attributions` lists them with the class `agentless`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{self, pattern, Classes, Pattern};

/// The agentless constructions. `that` is required after most verbs, because "it was expected on
/// Monday" (the vote) is not a claim; "understood" and "believed" also stand without it. "It was
/// agreed that" is left out: it reports a decision of the parties in the story, not a claim.
/// Run over lower-cased text whose white space of any kind is spaces: ` +` lets the regex
/// engine's prefilter look for "it " instead of "it" (half the time per article).
static CLAIM: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:",
        // it is believed that / it was widely reported that / it has been suggested that
        r"it +(?:is|was|has +been|had +been|is +being|would +be|will +be|may +be|might +be|could +be|can +be) +",
        r"(?:(?:widely|generally|commonly|now|also|increasingly|still|further|largely|often|long|broadly|privately|openly|already|well|being) +)?",
        r"(?:believed|said|thought|understood|expected|reported|claimed|assumed|feared|known|argued|suggested|learned|learnt|revealed|acknowledged|accepted|considered|felt|speculated|suspected|presumed|recogni[sz]ed|held|alleged|estimated|predicted|hoped|anticipated|contended|maintained|whispered|rumou?red +by +some)",
        r"(?: +that|,? +however, +that)",
        // it is understood the envoy … / it is believed the talks …
        r"|it +(?:is|was) +(?:widely +|generally +)?(?:understood|believed|thought|feared) +(?:the|a|an|he|she|they|there|some|both|moscow|damascus|washington|ankara|tehran)\b",
        // it was revealed / it has emerged / it was learned
        r"|it +(?:was|has +been|had +been) +(?:revealed|learned|learnt|disclosed|leaked)\b",
        r"|it +has +emerged\b",
        // it is widely accepted / it is generally agreed
        r"|it +is +(?:widely|generally|commonly|universally) +(?:accepted|agreed|acknowledged|recogni[sz]ed|expected|known|assumed)\b",
        // it seems that / it appears that / it would seem
        r"|it +(?:seems|seemed|appears|appeared|would +seem|would +appear) +(?:that|as +(?:if|though)|likely +that|increasingly +likely|the|a|an|he|she|they|there|both)\b",
        r"|there +(?:seems|seem|seemed|appears|appear|appeared) +to +(?:be|have +been)\b",
        // it is no secret that / an open secret
        r"|it +is +(?:no|no +longer +a|an +open|an +ill-kept|hardly +a) +secret\b",
        r"|it +is +common +knowledge\b",
        // amid speculation that / there is talk that
        r"|amid +(?:growing +|mounting +|widespread +|increasing +|renewed +)?(?:speculation|rumou?rs|talk|suggestions) +(?:that|of)\b",
        // there is talk that / there is a sense among some that / there are fears that: whose
        // fears, the reader cannot tell. ("amid concerns that" is left out: the concerns are
        // often the subject's own, "leaders weigh plans amid concerns that they …". "there's"
        // is left out too: spelled with either apostrophe, it made the rule's search a fifth
        // dearer on every text.)
        r"|there +(?:is|are|was|were|has +been|have +been) +(?:growing +|widespread +|increasing +|much +|mounting +|also +)?",
        r"(?:speculation|talk|rumou?rs|suggestions|fears|concerns|worries|suspicions|hopes|expectations|a +(?:belief|feeling|sense|perception))",
        r"(?: +among +[a-z]+(?: +[a-z]+)?)? +that\b",
        r"|word +(?:is|has +it) +that\b",
        // Russia is believed to have … / the commander is thought to be …
        r"|\b(?:is|are|was|were) +(?:widely +|generally +|also +|now +)?(?:believed|thought|understood|feared|suspected|presumed|assumed) +to\b",
        r"|\b(?:is|are|was|were) +widely +(?:seen|regarded|viewed|considered|perceived) +as\b",
        r")",
    ))
});

/// The agentless constructions of the lower-cased text `low` (white space as spaces).
pub fn claims(low: &str) -> impl Iterator<Item = Range<usize>> {
    CLAIM.find_iter(low).map(|m| m.range())
}

/// The hedges, but for "is said to" and its kin only from the verb on: the auxiliary before it
/// ([`auxiliary_before`]) is too common a word for the regex engine to skip ahead by.
static TRIGGER: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red",
        r"|(?:said|alleged|reported)\s+to)\b",
    ))
});

/// The hedges of the lower-cased text: "reportedly" and the like, and "is/are/was/were/been
/// (also) said/alleged/reported to".
pub fn hedges(low: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    TRIGGER.find_iter(low).filter_map(|m| {
        let hedge = &low[m.range()];
        if hedge.ends_with("ly") || hedge.starts_with("rumo") {
            return Some(m.range());
        }
        auxiliary_before(low, m.start()).map(|start| start..m.end())
    })
}

/// Where a form of "be" ("is", "were", "been"), then white space, then "also" and white space if
/// it is there, end right at `at`: the start of that auxiliary.
fn auxiliary_before(low: &str, at: usize) -> Option<usize> {
    let spaced = |end: usize| {
        let kept = low[..end].trim_end_matches(char::is_whitespace).len();
        (kept < end).then_some(kept)
    };
    // A word of the pattern stands alone: no ASCII letter, digit or `_` before it (`\b`).
    let bytes = low.as_bytes();
    let word_before = |end: usize, word: &str| {
        // Compared as bytes: `end - word.len()` may fall inside a character before the word.
        if !bytes[..end].ends_with(word.as_bytes()) {
            return None;
        }
        let start = end - word.len();
        let alone = bytes[..start]
            .last()
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
        alone.then_some(start)
    };
    let auxiliary =
        |end: usize| lexicon::words_of(Classes::BE).find_map(|aux| word_before(end, aux));
    let end = spaced(at)?;
    auxiliary(end).or_else(|| auxiliary(spaced(word_before(end, "also")?)?))
}

#[cfg(test)]
mod tests {
    /// The hedges are those of the whole pattern, auxiliary included, written as one regex.
    mod definition {
        use super::super::hedges;
        use crate::lexicon::pattern;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            let words = prop::sample::select(vec![
                "is",
                "are",
                "was",
                "were",
                "been",
                "also",
                "said",
                "alleged",
                "reported",
                "to",
                "reportedly",
                "rumoured",
                "rumored",
                "this",
                "Was",
                "tomorrow",
                "_is",
                "é",
                "x",
            ]);
            let gaps = prop::sample::select(vec![" ", "  ", "\n", "\u{a0}", "", ", ", "-"]);
            prop::collection::vec((words, gaps), 0..16)
                .prop_map(|parts| parts.into_iter().flat_map(|(w, g)| [w, g]).collect())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5000))]
            #[test]
            fn as_the_single_pattern(text in text()) {
                let whole = pattern(concat!(
                    r"\b(?:reportedly|allegedly|purportedly|supposedly|reputedly|rumou?red",
                    r"|(?:is|are|was|were|been)\s+(?:also\s+)?(?:said|alleged|reported)\s+to)\b",
                ));
                let low = text.to_ascii_lowercase();
                let expected: Vec<_> = whole.find_iter(&low).map(|m| m.range()).collect();
                prop_assert_eq!(hedges(&low).collect::<Vec<_>>(), expected);
            }
        }
    }
}
