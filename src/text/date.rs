//! Dates: the article's own date (a dateline, a feature's date line, front matter) and the
//! partial dates of catalog roles.

use std::fmt;
use std::sync::LazyLock;

use regex_automata::util::captures::Captures;

use crate::lexicon::{self, Classes, Pattern};

/// A calendar date; month and day are 0 when unknown ("2019" or "2019-03").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?;
        if year.len() != 4 {
            return None;
        }
        let year = year.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?.unwrap_or(0);
        let day = parts.next().map(str::parse).transpose().ok()?.unwrap_or(0);
        let date = Self::new(year, month, day);
        date.is_valid().then_some(date)
    }

    fn is_valid(self) -> bool {
        (1000..=2999).contains(&self.year)
            && self.month <= 12
            && self.day <= 31
            && (self.month > 0 || self.day == 0)
    }

    /// The first day a partial date can mean.
    pub fn earliest(self) -> Self {
        Self::new(self.year, self.month.max(1), self.day.max(1))
    }

    /// The last day a partial date can mean.
    pub fn latest(self) -> Self {
        Self::new(
            self.year,
            if self.month == 0 { 12 } else { self.month },
            if self.day == 0 { 31 } else { self.day },
        )
    }
}

impl fmt::Display for Date {
    /// As a reader writes it: "9 March 2019", "March 2019", "2019".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{}", self.year),
            (m, 0) => write!(f, "{} {}", month_name(m), self.year),
            (m, d) => write!(f, "{} {} {}", d, month_name(m), self.year),
        }
    }
}

/// Is a word the name of a month or a day, written as one ("May", "Tuesday")?
pub fn is_calendar_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && lexicon::is_any_case(word, Classes::MONTH | Classes::WEEKDAY)
}

/// The months' names in lower case, in order.
fn months() -> impl Iterator<Item = &'static str> {
    lexicon::words_of(Classes::MONTH)
}

/// A month's name as a reader writes it ("March").
fn month_name(m: u8) -> String {
    let name = months().nth(m as usize - 1).unwrap_or("");
    let mut chars = name.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn month_number(name: &str) -> Option<u8> {
    let prefix = name.get(..3)?.to_ascii_lowercase();
    months().position(|m| m[..3] == prefix).map(|i| i as u8 + 1)
}

/// How far into an article its date is looked for: a dateline or date line sits above the body.
const HEAD: usize = 1500;

const MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";

// Word boundaries and digits in ASCII: a Unicode word boundary makes the regex crate's DFA give
// up at the first curly quote of an article and fall back to an engine ten times slower, and a
// date is written in ASCII digits.
const ISO: &str = r"(?-u:\b)([0-9]{4})-([0-9]{2})-([0-9]{2})(?-u:\b)";
static DAY_MONTH_YEAR: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?-u:\b)([0-9]{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+([0-9]{{4}})(?-u:\b)")
});
static MONTH_DAY_YEAR: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?-u:\b)({MONTH})\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)")
});

/// How a date is written: the pattern's three groups are year, month and day in some order.
#[derive(Clone, Copy)]
enum Form {
    Iso,
    DayMonthYear,
    MonthDayYear,
}

const FORMS: [Form; 3] = [Form::Iso, Form::DayMonthYear, Form::MonthDayYear];

impl Form {
    fn pattern(self) -> &'static str {
        match self {
            Form::Iso => ISO,
            Form::DayMonthYear => &DAY_MONTH_YEAR,
            Form::MonthDayYear => &MONTH_DAY_YEAR,
        }
    }

    /// The date in the three groups of `text` from `first` on.
    fn read(self, text: &str, c: &Captures, first: usize) -> Option<Date> {
        let group = |k: usize| c.get_group(first + k).map(|span| &text[span.range()]);
        let year = |k: usize| group(k)?.parse().ok();
        let small = |k: usize| group(k)?.parse().ok();
        let month = |k: usize| month_number(group(k)?);
        match self {
            Form::Iso => Some(Date::new(year(0)?, small(1)?, small(2)?)),
            Form::DayMonthYear => Some(Date::new(year(2)?, month(1)?, small(0)?)),
            Form::MonthDayYear => Some(Date::new(year(2)?, month(0)?, small(1)?)),
        }
    }
}

/// Each form's own pattern, and all three as one (the earliest date in any form, in one scan).
static BY_FORM: LazyLock<[Pattern; 3]> = LazyLock::new(|| FORMS.map(|f| Pattern::new(f.pattern())));
static ANY_FORM: LazyLock<Pattern> = LazyLock::new(|| {
    let any: Vec<&str> = FORMS.iter().map(|f| f.pattern()).collect();
    Pattern::new(&any.join("|"))
});

fn usable(date: &Date) -> bool {
    date.is_valid() && date.day > 0
}

/// The article's date: front matter `date:` first, else the first date near the top written as
/// "9 Mar 2019", "Monday, 3 May, 2021", "October 2, 2022" or "2022-10-02".
pub fn article_date(text: &str) -> Option<Date> {
    let front = super::front_matter::read(text).and_then(|f| f.date);
    if let Some(date) = front.as_deref().and_then(parse_loose) {
        return Some(date);
    }
    let head = &text[..super::lines::floor_char_boundary(text, HEAD)];
    parse_first(head).map(|(_, date)| date)
}

fn parse_loose(s: &str) -> Option<Date> {
    Date::parse_iso(s.trim()).or_else(|| parse_first(s).map(|(_, d)| d))
}

/// The earliest date in `text` in any of the written forms, with its byte offset, as
/// [`first_of_each_form`] defines it.
fn parse_first(text: &str) -> Option<(usize, Date)> {
    // One scan finds the earliest date in any form, usually the answer; each form's first date
    // is looked for only when that one is no real date (the forms are tried in the same order
    // at the same place).
    let c = ANY_FORM.captures(text)?;
    let earliest = FORMS
        .iter()
        .enumerate()
        .find(|&(k, _)| c.get_group(1 + 3 * k).is_some())
        .and_then(|(k, form)| form.read(text, &c, 1 + 3 * k));
    if let Some(date) = earliest.filter(usable) {
        return Some((c.get_match()?.start(), date));
    }
    first_of_each_form(text)
}

/// Of each form's first date in `text`, the earliest that is a real date.
fn first_of_each_form(text: &str) -> Option<(usize, Date)> {
    FORMS
        .iter()
        .zip(BY_FORM.iter())
        .filter_map(|(form, pattern)| {
            let c = pattern.captures(text)?;
            Some((c.get_match()?.start(), form.read(text, &c, 1)?))
        })
        .filter(|(_, d)| usable(d))
        .min_by_key(|(at, _)| *at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one scan for any form finds what each form's own first date defines.
        #[test]
        fn one_scan_as_each_form(parts in prop::collection::vec(prop::sample::select(vec![
            "2021-05-03", "2022-13-45", "3 May 2021", "31 Feb 2020", "0 Mar 2019", "May 3, 2021",
            "Sept 31st, 2020", "12", "2021", "x", " ", ", ", "\n",
        ]), 0..8)) {
            let text = parts.concat();
            prop_assert_eq!(parse_first(&text), first_of_each_form(&text));
        }
    }

    #[test]
    fn a_date_that_cannot_be_is_passed_over() {
        assert_eq!(
            date("Ref. 2022-13-45; published 3 May 2021.").as_deref(),
            Some("3 May 2021")
        );
    }

    fn date(text: &str) -> Option<String> {
        article_date(text).map(|d| d.to_string())
    }

    #[test]
    fn datelines_in_the_forms_the_field_uses() {
        assert_eq!(
            date("9 Mar 2019; Reuters: Envoy meets delegations").as_deref(),
            Some("9 March 2019")
        );
        assert_eq!(
            date("Headline\nHeadline\nMonday, 3 May, 2021 - 09:30\nBody").as_deref(),
            Some("3 May 2021")
        );
        assert_eq!(
            date("GENEVA, October 2, 2022 — The talks").as_deref(),
            Some("2 October 2022")
        );
        assert_eq!(
            date("Published 2023-06-14 by the desk").as_deref(),
            Some("14 June 2023")
        );
        assert_eq!(
            date("Tuesday, 14 July, 2020 - 09:30").as_deref(),
            Some("14 July 2020")
        );
        assert_eq!(
            date("Sept. 21st, 2016, Amman").as_deref(),
            Some("21 September 2016")
        );
    }

    #[test]
    fn front_matter_wins_over_the_body() {
        let text = "---\ntitle: Talks\ndate: 2019-11-04\n---\nOn 9 Mar 2012 the envoy…";
        assert_eq!(date(text).as_deref(), Some("4 November 2019"));
        let text = "---\ndate: \"October 30, 2019\"\n---\nbody";
        assert_eq!(date(text).as_deref(), Some("30 October 2019"));
    }

    #[test]
    fn no_date_and_non_dates() {
        assert_eq!(
            date("Resolution 2254 calls for talks; 1,200 detainees"),
            None
        );
        assert_eq!(date("The 2013-99-99 reference"), None);
        let late = format!("{}9 Mar 2019", "x".repeat(HEAD + 10));
        assert_eq!(date(&late), None);
    }

    #[test]
    fn partial_dates_and_bounds() {
        let d = Date::parse_iso("2019").unwrap();
        assert_eq!(d.earliest(), Date::new(2019, 1, 1));
        assert_eq!(d.latest(), Date::new(2019, 12, 31));
        assert_eq!(
            Date::parse_iso("2019-03").unwrap().to_string(),
            "March 2019"
        );
        assert!(Date::parse_iso("19-03").is_none());
        assert!(Date::parse_iso("2019-13").is_none());
    }
}
