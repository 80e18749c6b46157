//! `unsourced-figure`: a percentage or statistic ("40 percent", "12,000 families", "6.8 million",
//! "half a million") with no source in its sentence. One finding per sentence, on its first
//! figure.

use std::ops::Range;
use std::sync::LazyLock;

use super::context::Context;
use super::{fix, Finding, Fix, Hit, Reads, Rule, Severity};
use crate::attribution::{Attribution, Class, CueKind};
use crate::lexicon::{self, pattern, Classes, Pattern};

pub static RULE: Rule = Rule {
    code: "unsourced-figure",
    default_severity: Severity::Hint,
    summary: "A percentage or statistic with no source in its sentence.",
    doc: "docs/rules/unsourced-figure.md",
    reads: Reads::Text { check, fix },
};

/// Percentages, numbers with a magnitude word, and numbers grouped by thousands, in ASCII digits,
/// at the start of the text it is given. Years, dates, resolution numbers and small counts are
/// not statistics.
static FIGURE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"^(?:[0-9]+(?:[.,][0-9]+)?\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)",
        r"|[0-9]+(?:\.[0-9]+)?\s+(?:million|billion|trillion|thousand)\b",
        r"|[0-9]{1,3}(?:,[0-9]{3})+\b)",
    ))
});

/// The figures of `low`. Every figure starts with a digit at a word boundary, and prose has few
/// digits: the pattern is tried only there, instead of scanning every byte for a number.
fn figures(low: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = low.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let digit = crate::text::find_in(bytes, at, b'0'..=b'9', false)?;
        // A word boundary as the other rules' `\b`: ASCII letters, digits and `_` make words.
        let starts_word =
            digit == 0 || !(bytes[digit - 1].is_ascii_alphanumeric() || bytes[digit - 1] == b'_');
        let tried = starts_word && may_be_figure(bytes, digit);
        if let Some(m) = tried.then(|| FIGURE.find(&low[digit..])).flatten() {
            at = digit + m.end();
            return Some(digit..at);
        }
        // The digits after the first of a run start no word.
        at = digit
            + bytes[digit..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
    })
}

/// Whether a [`FIGURE`] may start at the digit `at`: its number is the run of digits, points and
/// commas there, which holds a comma (thousands) or is followed, after any spaces, by what a
/// percentage or a magnitude starts with. Most numbers in prose, years and days, are neither,
/// and the pattern is not tried on them.
fn may_be_figure(bytes: &[u8], at: usize) -> bool {
    let run = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        .count();
    let after = bytes[at + run..].iter().find(|&&b| b != b' ');
    bytes[at..at + run].contains(&b',') || after.is_some_and(|b| b"%pmbt".contains(b))
}

/// Figures written in words: "two million", "half a million", "tens of thousands". Found from
/// their magnitude word, which is rare in prose, and read back from there.
fn word_figures(low: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    static MAGNITUDE: LazyLock<memchr::memmem::Finder> =
        LazyLock::new(|| memchr::memmem::Finder::new("illion"));
    static THOUSANDS: LazyLock<memchr::memmem::Finder> =
        LazyLock::new(|| memchr::memmem::Finder::new("thousands"));
    let magnitudes = MAGNITUDE
        .find_iter(low.as_bytes())
        .chain(THOUSANDS.find_iter(low.as_bytes()));
    magnitudes.filter_map(move |at| {
        let letter = |c: char| c.is_ascii_alphabetic();
        let start = low[..at].trim_end_matches(letter).len();
        let end = low.len() - low[at..].trim_start_matches(letter).len();
        let before: Vec<(usize, &str)> = words_back(low, start).take(2).collect();
        let is = |k: usize, class: Classes| {
            before
                .get(k)
                .is_some_and(|&(_, w)| w.split('-').all(|part| lexicon::is(part, class)))
        };
        let first = match &low[start..end] {
            "million" | "billion" | "trillion" => {
                let count = Classes::NUMBER | Classes::INDEFINITE | Classes::QUANTIFIER;
                // "half a million": the half is part of the figure.
                match before.get(1) {
                    Some(&(half, "half")) if before[0].1 == "a" => Some(half),
                    _ => is(0, count).then(|| before[0].0),
                }
            }
            // "tens of millions", "hundreds of thousands"
            "millions" | "thousands" => (before.first().is_some_and(|&(_, w)| w == "of")
                && before
                    .get(1)
                    .is_some_and(|&(_, w)| w == "tens" || w == "hundreds"))
            .then(|| before[1].0),
            _ => None,
        };
        first.map(|first| first..end)
    })
}

/// The words of `low` before byte `at`, nearest first, each with its start.
fn words_back(low: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    let head = &low[..at];
    head.trim_end_matches(' ')
        .rsplit(' ')
        .scan(head.trim_end_matches(' ').len(), |end, word| {
            let start = *end - word.len();
            *end = start.saturating_sub(1);
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Whether the figure at `m` is no statistic to source: a level that a law, plan or contract
/// sets ("a 35 percent tariff", "a tax rate of 28 percent", "a margin of error of 3 percent"), a
/// price or a wage ("$25,000 a year"), or a sum that names the thing it is the sum of ("a $9
/// million loan") — unless the writer estimated it ("an estimated $10 trillion hole").
fn sets_a_level(cx: &Context, m: &Range<usize>) -> bool {
    let low = &cx.low;
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_ascii_alphabetic())
            .to_owned()
    };
    let after: Vec<String> = low[m.end..]
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(4)
        .map(word)
        .collect();
    // Read from before a currency sign: "a $9 million loan".
    let from = cx.text[..m.start].trim_end_matches(['$', '€', '£']).len();
    let currency = from < m.start;
    let before: Vec<String> = words_back(low, from)
        .take(4)
        .map(|(_, w)| word(w))
        .collect();
    let is = |w: &String, class: Classes| lexicon::is(w, class);
    if after[..after.len().min(2)]
        .iter()
        .chain(&before)
        .any(|w| is(w, Classes::LEVEL_NOUN))
    {
        return true;
    }
    let unit = after
        .first()
        .is_some_and(|w| matches!(w.as_str(), "dollars" | "euros" | "pounds"));
    if !(currency || unit) || before.iter().take(2).any(|w| is(w, Classes::MEASURE_MARK)) {
        return false;
    }
    // "$500 a month", "$10,000 to $20,000 a year"
    let priced = after.iter().any(|w| is(w, Classes::RATE_PERIOD));
    let determiner =
        Classes::DETERMINER | Classes::INDEFINITE | Classes::DEFINITE | Classes::POSSESSIVE;
    let names_a_thing = currency
        && before.first().is_some_and(|w| is(w, determiner))
        && after
            .first()
            .is_some_and(|w| !w.is_empty() && !is(w, Classes::POSTMODIFIER | Classes::CLAUSE_WORD));
    priced || names_a_thing
}

fn check(cx: &Context, out: &mut Vec<Hit>) {
    let mut last_sentence = None;
    // The last sentence whose shares a poll or a study gave, or that went on giving them: the
    // shares of the paragraphs that follow it, one after another, are read as its results.
    let mut results = None;
    let mut found: Vec<Range<usize>> = figures(&cx.low).chain(word_figures(&cx.low)).collect();
    found.sort_by_key(|m| m.start);
    for m in found {
        // The sentence is looked up before the words around the figure are read: a sentence
        // already flagged, or not the article's own, needs no more of them.
        let Some(i) = cx.own_sentence(m.start) else {
            continue;
        };
        if last_sentence == Some(i) || sets_a_level(cx, &m) {
            continue;
        }
        last_sentence = Some(i);
        let share = is_share(&cx.low[m.clone()]);
        let mut sources = cx.attributions(i).iter().filter(|a| sources_figures(cx, a));
        if let Some(a) = sources.next() {
            if share && (is_finding(a) || sources.any(is_finding)) {
                results = Some(i);
            }
            continue;
        }
        let goes_on = share && results.is_some_and(|r| paragraphs_between(cx, r, i) <= 1);
        if goes_on || follows_a_finding(cx, i) {
            results = share.then_some(i).or(results);
            continue;
        }
        let figure = &cx.text[m.clone()];
        out.push(Hit::new(
            m,
            format!(
                "“{figure}” is given without a source in its sentence. Say where the figure comes from (“according to UNHCR”, “the ministry’s figures show”), so readers can weigh it."
            ),
        ));
    }
}

/// How many paragraph breaks (runs of line ends) stand between sentences `a` and `b`.
fn paragraphs_between(cx: &Context, a: usize, b: usize) -> usize {
    let between = &cx.text.as_bytes()[cx.sentences[a].end..cx.sentences[b].start];
    let mut breaks = 0;
    let mut in_break = false;
    for &c in between {
        match c {
            b'\n' if !in_break => {
                breaks += 1;
                in_break = true;
            }
            b'\n' | b' ' | b'\t' | b'\r' => {}
            _ => in_break = false,
        }
    }
    breaks
}

/// Whether the figure `low` is a share: a percentage, or percentage points.
fn is_share(low: &str) -> bool {
    low.ends_with('%') || low.contains("per")
}

/// Whether relation `a` gives a finding or a document's figures ("a new poll found", "a study by
/// X", "the survey shows"), whose results may run on past their sentence.
fn is_finding(a: &Attribution) -> bool {
    a.kind == CueKind::Finding || a.class == Class::Data
}

/// "A new poll by the Times found … Among likely voters, 46 percent …": the figures of a
/// paragraph whose sentence before gives a finding or a document as their source.
fn follows_a_finding(cx: &Context, i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return false;
    };
    let same_paragraph = !cx.text[cx.sentences[before].end..cx.sentences[i].start].contains('\n');
    same_paragraph
        && cx
            .attributions(before)
            .iter()
            .any(|a| sources_figures(cx, a) && is_finding(a))
}

/// Whether the relation `a` gives a source for figures: a poll's share that speaks ("74 percent
/// said") is itself a figure, and says nothing of where it comes from.
fn sources_figures(cx: &Context, a: &Attribution) -> bool {
    a.sources_claims() && figures(&cx.low[a.speaker.clone()]).next().is_none()
}

fn fix(cx: &Context, finding: &Finding) -> Option<Fix> {
    fix::append_source(cx, finding.range.start, "Add the source of this figure")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<&str> {
        super::super::phrases_of(RULE.code, text)
    }

    #[test]
    fn fires_on_unsourced_statistics() {
        assert_eq!(phrases("Some 40 percent of the camp left."), ["40 percent"]);
        assert_eq!(
            phrases("Over 12,000 families and 90% of homes."),
            ["12,000"]
        );
        assert_eq!(phrases("Aid fell by 6.8 million dollars."), ["6.8 million"]);
        assert_eq!(phrases("Turnout was 45 per cent."), ["45 per cent"]);
        // Written in words.
        assert_eq!(
            phrases("More than half a million fled."),
            ["half a million"]
        );
        assert_eq!(phrases("Some two million remain."), ["two million"]);
        assert_eq!(phrases("Tens of thousands marched."), ["Tens of thousands"]);
        assert_eq!(
            phrases("About twenty-five million need aid."),
            ["twenty-five million"]
        );
        // Money, when it is estimated.
        assert_eq!(
            phrases("The war cost an estimated $226 billion."),
            ["226 billion"]
        );
        assert_eq!(
            phrases("Trade is worth nearly $250 billion."),
            ["250 billion"]
        );
        assert_eq!(
            phrases("Damascus sought $15 billion in pledges."),
            ["15 billion"]
        );
    }

    proptest::proptest! {
        /// The pattern is tried only where it may match: the figures are those of the pattern
        /// tried at every digit that starts a word.
        #[test]
        fn figures_as_the_pattern_finds_them(text in "(1|25|2015|3\\.5|4,000|12,500,000|,|\\.|%| |  |percent|per cent|percentage points|million|billion|thousand|tons|page|x|_|é){0,16}") {
            let low = text.as_str();
            let bytes = low.as_bytes();
            let mut expected = Vec::new();
            let mut at = 0;
            while at < bytes.len() {
                let starts_word = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
                let digit = bytes[at].is_ascii_digit() && starts_word;
                match digit.then(|| FIGURE.find(&low[at..])).flatten() {
                    Some(m) => {
                        expected.push(at..at + m.end());
                        at += m.end();
                    }
                    None => at += 1,
                }
            }
            proptest::prop_assert_eq!(figures(low).collect::<Vec<_>>(), expected);
        }

        /// Figures are read back word by word from their magnitude, across any characters.
        #[test]
        fn any_text_around_figures(text in "((half a|tens of|two|‘|’|\\$|€|é|by|rate|[0-9]{1,4}|,|\\.|million|thousands|\\s)[ \n]?){0,12}") {
            let found = phrases(&text);
            proptest::prop_assert!(found.len() <= text.len());
        }
    }

    #[test]
    fn levels_set_by_a_rule_and_sums_paid_are_no_statistics() {
        for text in [
            "It imposed a 35 percent tariff on steel.",
            "The tax rate would fall to 28 percent.",
            "The survey has a margin of error of 3 percent.",
            "The bank paid a $185 million fine.",
            "They took a $9.1 million loan from the state.",
            "He earned 60,000 dollars a year.",
            "Managers could get $10,000 to $20,000 a year.",
            "Thousands marched and millions watched.",
        ] {
            assert!(phrases(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn silent_with_a_source_or_no_statistic() {
        assert!(phrases("Some 40 percent of the camp left, UNHCR said.").is_empty());
        assert!(phrases("UN figures put the toll at 12,000.").is_empty());
        assert!(phrases("Resolution 2254 was adopted in 2015 after 3 days.").is_empty());
        assert!(phrases("“Half of us, 50 percent, will leave,” Haddad said.").is_empty());
        // The sentence before, in the same paragraph, gives the finding the figures come from.
        let poll = "A new survey by the Arab Barometer found trust had fallen. Among young \
                    people, 46 percent distrust the parliament.";
        assert!(phrases(poll).is_empty());
        let apart = poll.replace("fallen. ", "fallen.\n\n");
        assert_eq!(phrases(&apart), ["46 percent"]);
    }

    #[test]
    fn a_polls_shares_run_on_through_the_paragraphs_that_give_them() {
        let survey = "A survey by the Arab Barometer found that 38 percent of young Lebanese \
                      want to emigrate.\n\nAmong those in Tripoli, 52 percent said so.\n\nIn \
                      Beirut, 41 percent agreed. Some 12,000 families have left.\n\nThe central \
                      bank has spent its reserves.\n\nInflation reached 190 percent.";
        // The shares of the paragraphs that follow one another are the survey's; a count is
        // not a share, and a paragraph with none ends the survey's run.
        assert_eq!(phrases(survey), ["12,000", "190 percent"]);
        // A source that is no poll or study gives no run of results.
        let said = survey.replace(
            "A survey by the Arab Barometer found that",
            "Khalil said that",
        );
        assert_eq!(
            phrases(&said),
            ["52 percent", "41 percent", "12,000", "190 percent"]
        );
    }
}
