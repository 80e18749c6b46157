//! Who a sentence says is speaking: the attributions of one sentence and what kind of voice each
//! gives ("Haddad said", "observers say", "a source said", "according to a ministry official").
//!
//! Every rule asks the same question — does this sentence give its source? — so the answer lives
//! here once. The parse is shallow on purpose: words and punctuation, a list of speech verbs, and
//! lists of the nouns that make a voice vague ("observers", "analysts") or anonymous ("a source",
//! "an official"). Anything else that speaks (a name, a pronoun, "the delegation") is identified.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::compile;
use crate::text::Words;

/// One attribution found in a sentence. Ranges are byte offsets into the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The attributing phrase, e.g. "observers say", "according to a ministry official".
    pub range: Range<usize>,
    /// The words naming the speaker ("observers", "a ministry official").
    pub speaker: Range<usize>,
    /// The speech verb, if the attribution has one.
    pub verb: Option<Range<usize>>,
    pub voice: Voice,
    /// The speaker says nothing ("the ministry has not said whether …"): a mention of the
    /// speaker, but no source for anything.
    pub negated: bool,
}

/// How far a reader can check who is speaking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Voice {
    /// A name, a pronoun standing for one, or a body the text identifies ("the delegation").
    Identified,
    /// A group no reader can check: "observers", "analysts", "some", "there are those who".
    Vague,
    /// The first mention of an unnamed person or persons ("a source", "officials").
    Anonymous(Anonymous),
    /// A later mention of an anonymous source ("the source added"); `lemma` is its noun.
    AnonymousRef { lemma: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anonymous {
    /// The role noun in singular lower case ("source", "official"), to match later mentions.
    pub lemma: String,
    /// Whether the text says more about the source than "a (senior) source".
    pub described: bool,
}

/// The attributions of the sentence `text[sentence]`, in order.
pub fn attributions(text: &str, sentence: Range<usize>) -> Vec<Attribution> {
    attributions_in(text, &text.to_ascii_lowercase(), sentence, true)
}

/// [`attributions`] with the whole text already in ASCII lower case (`low`), as the rules have it.
/// `vague_phrases`: whether the sentence may hold one of the vague phrases ("there are those
/// who"), as [`vague_markers`] tells.
pub(crate) fn attributions_in(
    text: &str,
    low: &str,
    sentence: Range<usize>,
    vague_phrases: bool,
) -> Vec<Attribution> {
    let base = sentence.start;
    let raw = &text[sentence.clone()];
    let toks = tokenize(raw);
    let s = &Sent {
        raw,
        low: &low[sentence],
    };
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.word {
            continue;
        }
        let w = t.lower(s);
        let found = match w {
            "according" if toks.get(i + 1).is_some_and(|n| n.is(s, "to")) => {
                speaker_after(s, &toks, i + 2).map(|np| (i, np.clone(), None, np.end_tok()))
            }
            "citing" | "quoting" => {
                speaker_after(s, &toks, i + 1).map(|np| (i, np.clone(), None, np.end_tok()))
            }
            "view" | "views" | "words" => point_of_view(s, &toks, i),
            "source" | "sources" if toks.get(i + 1).is_some_and(|n| n.is(s, ":")) => {
                speaker_after(s, &toks, i + 2).map(|np| (i, np.clone(), None, np.end_tok()))
            }
            _ => {
                let (figure, speech) = figure_or_speech(w);
                figure
                    .then(|| figure_source(s, &toks, i))
                    .flatten()
                    .or_else(|| speech.then(|| verb_attribution(s, &toks, i)).flatten())
            }
        };
        // "60 percent of refugees say": a statistic is not a source (of itself or anything else).
        let found = found.filter(|(_, np, _, _)| {
            !toks[np.first..=np.last].iter().any(|t| {
                let w = t.lower(s);
                matches!(
                    w,
                    "percent" | "cent" | "%" | "million" | "billion" | "thousand"
                )
            })
        });
        if let Some((first, mut np, verb, last)) = found {
            let voice = np.voice(s, &toks);
            let first = if matches!(voice, Voice::Identified) || first != np.first {
                first
            } else {
                // "Talks stalled on Tuesday as Western diplomats said": the source is the
                // noun phrase around the role word, not every word before the verb.
                np.first = core_start(s, &toks, &np);
                np.first
            };
            // Between the speaker (and any apposition, which may well say "not") and the verb.
            let speaker_end = np.apposition.map_or(np.last, |(_, b)| b.max(np.last));
            let negated = verb.is_some_and(|v| {
                toks.get(speaker_end + 1..v).is_some_and(|between| {
                    between.iter().any(|t| {
                        let w = t.lower(s);
                        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
                    })
                })
            });
            out.push(Attribution {
                range: base + toks[first.min(np.first)].start..base + toks[last].end,
                speaker: base + toks[np.first].start..base + toks[np.last].end,
                verb: verb.map(|v: usize| base + toks[v].start..base + toks[v].end),
                voice,
                negated,
            });
        }
    }
    // Most sentences hold none of the words every vague phrase has: they skip the pattern, whose
    // first words ("by", "in", "it") are too common for the regex engine to skip ahead by.
    let phrases = vague_phrases
        .then(|| VAGUE_PHRASES.find_iter(s.low))
        .into_iter()
        .flatten();
    for m in phrases {
        out.push(Attribution {
            range: base + m.start()..base + m.end(),
            speaker: base + m.start()..base + m.end(),
            verb: None,
            voice: Voice::Vague,
            negated: false,
        });
    }
    out.sort_by_key(|a| a.range.start);
    // "media reports say" is one attribution, not two: overlapping ones of a voice merge.
    out.dedup_by(|later, earlier| {
        let merge = later.range.start < earlier.range.end && later.voice == earlier.voice;
        if merge {
            earlier.range.end = earlier.range.end.max(later.range.end);
            earlier.verb = later.verb.clone().or(earlier.verb.take());
        }
        merge
    });
    out
}

/// Vague voices that are not "somebody says": kept as phrases.
static VAGUE_PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:there\s+are\s+(?:those|some|many|people)\s+who|by\s+(?:some|many|most|all)\s+accounts|in\s+the\s+eyes\s+of\s+(?:many|some|observers|analysts|critics)|it\s+is\s+said\s+by\s+(?:some|many|critics|observers))\b",
    )
});

/// Whether the lower-cased sentence `low` holds one of the vague phrases.
pub(crate) fn has_vague_phrase(low: &str) -> bool {
    VAGUE_PHRASES.is_match(low)
}

/// Where the lower-cased `low` holds words that one of the vague phrases holds ("who",
/// "accounts", …): a sentence without them has none of the phrases, whose first words ("by",
/// "in", "it") are too common for the regex engine to skip ahead by. One search over the
/// whole text, [`Context::low`](super::context::Context::low), whose white space is spaces: a
/// single space spelled out lets the prefilter look for "said by", not "said".
pub(crate) fn vague_markers(low: &str) -> Vec<usize> {
    static MARKERS: LazyLock<Regex> =
        LazyLock::new(|| compile(r"\b(?:who|accounts|eyes of|said by|eyes  +of|said  +by)\b"));
    MARKERS.find_iter(low).map(|m| m.start()).collect()
}

/// Where the lower-cased `low` holds a word without which a sentence has no vague or anonymous
/// speaker ("observers", "source", "some" …), the vague phrases aside ([`vague_markers`]): the
/// rules that look for those parse only the sentences that have one. One pattern of
/// alternatives: there are too many words for a literal prefilter to pay, and the regex
/// engine's DFA walks the text in half the time a multi-pattern automaton takes.
pub(crate) fn speaker_cues(low: &str) -> impl Iterator<Item = usize> + '_ {
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        let mut words: Vec<String> = Vec::new();
        for w in VAGUE_HEADS.list.iter().chain(ANONYMOUS_ROLES.list) {
            words.extend([w.to_string(), format!("{w}s"), format!("{w}es")]);
        }
        words.extend(["spokesmen", "spokeswomen"].map(String::from));
        let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        compile(&format!(r"\b(?:{})\b", words.join("|")))
    });
    CUES.find_iter(low).map(|m| m.start())
}

/// A sentence and its ASCII-lower-cased copy, which has the same byte offsets.
struct Sent<'a> {
    raw: &'a str,
    low: &'a str,
}

/// A word or a punctuation mark of a sentence, by byte offsets into the sentence.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

impl Tok {
    fn text<'s>(&self, s: &'s Sent) -> &'s str {
        &s.raw[self.start..self.end]
    }

    /// The token in ASCII lower case (keywords are all ASCII), without allocating.
    fn lower<'s>(&self, s: &'s Sent) -> &'s str {
        &s.low[self.start..self.end]
    }

    fn is(&self, s: &Sent, w: &str) -> bool {
        self.lower(s) == w
    }

    fn capitalized(&self, s: &Sent) -> bool {
        self.word && self.text(s).starts_with(|c: char| c.is_uppercase())
    }
}

/// Words are runs of letters and digits with inner apostrophes, hyphens and dots (Russia’s,
/// step-for-step, U.S); every other non-space character is a token of its own.
fn tokenize(s: &str) -> Vec<Tok> {
    let bytes = s.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 4);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Most of a sentence is runs of ASCII letters and digits between single spaces: no
        // character to decode.
        if bytes[i].is_ascii_alphanumeric() {
            word_start.get_or_insert(i);
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            continue;
        }
        if bytes[i] == b' ' {
            if let Some(ws) = word_start.take() {
                toks.push(Tok {
                    start: ws,
                    end: i,
                    word: true,
                });
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let next_is_alnum = || {
            s[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        let joins = matches!(c, '\'' | '’' | '-' | '.') && word_start.is_some() && next_is_alnum();
        if c.is_alphanumeric() || joins {
            word_start.get_or_insert(i);
            i += len;
            continue;
        }
        if let Some(ws) = word_start.take() {
            toks.push(Tok {
                start: ws,
                end: i,
                word: true,
            });
        }
        if !c.is_whitespace() {
            toks.push(Tok {
                start: i,
                end: i + len,
                word: false,
            });
        }
        i += len;
    }
    if let Some(ws) = word_start {
        toks.push(Tok {
            start: ws,
            end: s.len(),
            word: true,
        });
    }
    toks
}

/// The words naming a speaker: token indices `first..=last`, all words.
#[derive(Clone, Debug)]
struct Speaker {
    first: usize,
    last: usize,
    /// An appositive or relative clause set off by commas, which may hold the name.
    apposition: Option<(usize, usize)>,
}

impl Speaker {
    fn end_tok(&self) -> usize {
        self.last
    }

    fn voice(&self, s: &Sent, toks: &[Tok]) -> Voice {
        let main = classify(s, &toks[self.first..=self.last]);
        match (&main, self.apposition) {
            // "a spokesman, Ahmad Khalil, said": the apposition names the source.
            (Voice::Anonymous(_) | Voice::Vague, Some((a, b))) => {
                if classify(s, &toks[a..=b]) == Voice::Identified
                    && toks[a..=b].iter().any(|t| t.capitalized(s))
                {
                    Voice::Identified
                } else {
                    main
                }
            }
            _ => main,
        }
    }
}

/// What kind of voice a run of words gives.
fn classify(s: &Sent, words: &[Tok]) -> Voice {
    let lower = |j: usize| words[j].lower(s);
    let Some(key) = key_word(s, words) else {
        return Voice::Identified;
    };
    let k = lower(key);
    let determiner = (0..key)
        .rev()
        .take_while(|&j| !PREPOSITIONS.contains(lower(j)))
        .find(|&j| DETERMINERS.contains(lower(j)) || is_possessive(lower(j)))
        .map(lower);
    // "the source", and "the envoy's spokeswoman": a source the text has already placed.
    let definite = determiner.is_some_and(|d| {
        matches!(d, "the" | "this" | "that" | "these" | "those") || is_possessive(d)
    });
    let plural = k.ends_with('s') && !k.ends_with("ss");
    let lemma = singular(k);
    if VAGUE_HEADS.contains(k) {
        // "the observers" are a group the text has introduced; "state media" is the official
        // press, which readers know.
        let official_media = k == "media"
            && key > 0
            && matches!(
                lower(key - 1),
                "state" | "government" | "official" | "pro-government"
            );
        return if definite || official_media {
            Voice::Identified
        } else {
            Voice::Vague
        };
    }
    if plural && !PLURAL_ANONYMOUS.contains(&lemma) {
        return Voice::Identified;
    }
    // "people say" is a crowd; "two people" or "people familiar with the talks" are unnamed
    // individuals.
    if lemma == "people" && key + 1 == words.len() && determiner.is_none() {
        return Voice::Vague;
    }
    let lemma = lemma.into_owned();
    if definite {
        return Voice::AnonymousRef { lemma };
    }
    let described = (0..words.len())
        .any(|j| j != key && !UNDESCRIPTIVE.contains(lower(j)) && !is_adverb(lower(j)));
    Voice::Anonymous(Anonymous { lemma, described })
}

/// The role or group noun that decides the voice: the first vague or anonymous noun in the head
/// position, i.e. last before a preposition or the end. So "some observers" turns on
/// "observers", while "spokesman Ahmad Khalil" and "the official news agency" have no such noun:
/// a name or another noun follows the role word. Pronouns and names give none.
fn key_word(s: &Sent, words: &[Tok]) -> Option<usize> {
    let lower = |j: usize| words[j].lower(s);
    if words.len() == 1 && PRONOUNS.contains(lower(0)) {
        return None;
    }
    (0..words.len()).position(|j| {
        let is_head = j + 1 == words.len() || PREPOSITIONS.contains(lower(j + 1));
        let w = lower(j);
        is_head && (VAGUE_HEADS.contains(w) || ANONYMOUS_ROLES.contains(&singular(w)))
    })
}

/// A role noun in the singular ("sources" → "source", "spokesmen" → "spokesman"), copied only
/// for "-ies".
fn singular(w: &str) -> Cow<'_, str> {
    match w {
        "people" => "people".into(),
        "spokesmen" => "spokesman".into(),
        "spokeswomen" => "spokeswoman".into(),
        _ if w.ends_with("ies") => format!("{}y", &w[..w.len() - 3]).into(),
        _ if w.ends_with("sses") => w[..w.len() - 2].into(),
        _ if w.ends_with('s') && !w.ends_with("ss") => w[..w.len() - 1].into(),
        _ => w.into(),
    }
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "ally" | "assembly")
}

/// "X said", "X, the head of …, said", "“…,” said X", "…, X reports." and "was reported by X".
fn verb_attribution(
    s: &Sent,
    toks: &[Tok],
    v: usize,
) -> Option<(usize, Speaker, Option<usize>, usize)> {
    let w = toks[v].lower(s);
    let next = toks.get(v + 1).map(|t| t.lower(s));
    // "Damascus agreed to attend" is an act, not a view; "the participants agreed that …" is one.
    if matches!(w, "agree" | "agreed" | "agrees")
        && !next.is_none_or(|n| matches!(n, "that" | "with" | "," | "." | ";"))
    {
        return None;
    }
    let mut j = v;
    // Pass over adverbs and auxiliaries between the speaker and the verb ("has repeatedly said").
    while j > 0 && toks[j - 1].word && is_skippable(toks[j - 1].lower(s)) {
        j -= 1;
    }
    let prev = j.checked_sub(1).map(|p| toks[p]);
    let Some(prev) = prev else {
        // "Said Haddad: …" — an inverted attribution at the start of the sentence.
        return inverted_speaker(s, toks, v + 1).map(|np| (v, np.clone(), Some(v), np.end_tok()));
    };
    if prev.word {
        let pw = prev.lower(s);
        // After "the", "its" or "Haddad's" the word is a noun ("the reports"); after "to" it is
        // an infinitive ("is thought to have urged"), not a statement.
        if ARTICLES.contains(pw) || is_possessive(pw) || pw == "to" {
            return None;
        }
        if BE_FORMS.contains(pw) {
            // A passive: only "was reported by X" names the speaker.
            return if toks.get(v + 1).is_some_and(|t| t.is(s, "by")) {
                speaker_after(s, toks, v + 2).map(|np| (v, np.clone(), Some(v), np.end_tok()))
            } else {
                None
            };
        }
        if pw == "who" || pw == "which" {
            // "Haddad, who said …": the speaker stands before the relative pronoun.
            let before = j - 1;
            let comma = before.checked_sub(1).filter(|&c| toks[c].is(s, ","));
            let end = comma.unwrap_or(before);
            return speaker_before(s, toks, end).map(|np| (np.first, np, Some(v), v));
        }
        if pw == "and" || pw == "but" {
            // "He described the plan as … but said …": the clause's subject is the speaker.
            let first = toks.iter().position(|t| t.word)?;
            return speaker_after(s, toks, first)
                .filter(|np| np.last < j && np.last - np.first < 4)
                .map(|np| (np.first, np, Some(v), v));
        }
        if is_stop_word(pw) {
            return None;
        }
        return speaker_before(s, toks, j).map(|np| (np.first, np, Some(v), v));
    }
    let p = prev.text(s);
    if matches!(p, "”" | "\"" | "’" | "'" | ":" | "—" | "–" | "(") {
        return inverted_speaker(s, toks, v + 1).map(|np| (v, np.clone(), Some(v), np.end_tok()));
    }
    if p == "," {
        let after_quote = j >= 2 && matches!(toks[j - 2].text(s), "”" | "\"" | "’" | "'");
        // "…, said a source" / "…, reports Enab Baladi." — the speaker follows the verb.
        if let Some(np) = inverted_speaker(s, toks, v + 1) {
            return Some((v, np.clone(), Some(v), np.end_tok()));
        }
        if after_quote {
            return None;
        }
        // "X, the head of the body, said": the words between the commas are an apposition.
        // (A comma opening the sentence has nothing before it.)
        let app_end = j.checked_sub(2)?;
        let mut app_start = app_end;
        while app_start > 0 && toks[app_start - 1].word {
            app_start -= 1;
        }
        if !toks.get(app_end).is_some_and(|t| t.word) {
            return None;
        }
        let np = if app_start >= 2 && toks[app_start - 1].is(s, ",") {
            speaker_before(s, toks, app_start - 1).map(|mut np| {
                np.apposition = Some((app_start, app_end));
                np
            })
        } else {
            None
        };
        let np = np.or(Some(Speaker {
            first: app_start,
            last: app_end,
            apposition: None,
        }))?;
        // A relative clause is not a speaker: "a source, who asked not to be named, said".
        if toks[np.first].is(s, "who") || toks[np.first].is(s, "speaking") {
            return None;
        }
        return Some((np.first, np, Some(v), v));
    }
    None
}

/// Where the noun phrase of a vague or anonymous speaker begins: at the determiner or quantifier
/// before its role word ("a Turkish defence ministry source", "some analysts"), else at the
/// capitalised words right before it ("Western diplomats"), else at the role word.
fn core_start(s: &Sent, toks: &[Tok], np: &Speaker) -> usize {
    let Some(key) = key_word(s, &toks[np.first..=np.last]) else {
        return np.first;
    };
    let key = np.first + key;
    let lookback = key.saturating_sub(5).max(np.first);
    if let Some(d) = (lookback..key).rev().find(|&j| {
        let w = toks[j].lower(s);
        DETERMINERS.contains(w) || is_possessive(w) || matches!(w, "many" | "most")
    }) {
        return d;
    }
    let mut start = key;
    while start > np.first && toks[start - 1].capitalized(s) {
        start -= 1;
    }
    start
}

/// The speaker ending just before token `end` (exclusive), read backwards to a stop.
fn speaker_before(s: &Sent, toks: &[Tok], end: usize) -> Option<Speaker> {
    let mut first = end;
    while first > 0 && end - first < MAX_SPEAKER_WORDS {
        let t = toks[first - 1];
        let w = t.lower(s);
        // Another speech verb ends the speaker: "sources said the government expects …".
        if !t.word || is_stop_word(w) || is_speech_verb(w) {
            break;
        }
        first -= 1;
    }
    (first < end).then(|| Speaker {
        first,
        last: end - 1,
        apposition: None,
    })
}

/// The speaker starting at token `start`, read forwards to a stop.
fn speaker_after(s: &Sent, toks: &[Tok], start: usize) -> Option<Speaker> {
    let mut last = start;
    while last < toks.len() && last - start < MAX_SPEAKER_WORDS {
        let t = toks[last];
        let w = t.lower(s);
        if !t.word || (is_stop_word(w) && w != "the") || w == "who" {
            break;
        }
        if last > start && is_speech_verb(w) {
            break;
        }
        last += 1;
    }
    (last > start).then(|| Speaker {
        first: start,
        last: last - 1,
        apposition: None,
    })
}

/// The speaker after an inverted verb ("…,” said Haddad.", "…, reports Enab Baladi."): it must
/// look like one — a name, a role, a vague group — and end its clause, so that
/// "…, said Ankara “has no candidate”" is not read as Ankara speaking.
fn inverted_speaker(s: &Sent, toks: &[Tok], start: usize) -> Option<Speaker> {
    let np = speaker_after(s, toks, start)?;
    let first = toks[np.first];
    let looks_like_speaker = first.capitalized(s)
        || key_word(s, &toks[np.first..=np.last]).is_some()
        || PRONOUNS.contains(first.lower(s));
    let ends_clause = toks.get(np.last + 1).is_none_or(|t| {
        // … or runs on into a relative clause: "said a diplomat who follows the talks".
        matches!(
            t.lower(s),
            "," | "." | ";" | ":" | ")" | "!" | "?" | "—" | "–" | "who" | "which"
        )
    });
    (looks_like_speaker && ends_clause).then_some(np)
}

/// "from X's point of view", "in X's view", "in the view of X", "in the words of X".
fn point_of_view(
    s: &Sent,
    toks: &[Tok],
    i: usize,
) -> Option<(usize, Speaker, Option<usize>, usize)> {
    if toks.get(i + 1).is_some_and(|t| t.is(s, "of")) && i >= 2 && toks[i - 1].is(s, "the") {
        return speaker_after(s, toks, i + 2).map(|np| (i - 1, np.clone(), None, np.end_tok()));
    }
    // "X's point of view" / "X's view": the possessive is the speaker.
    let mut p = i.checked_sub(1)?;
    if toks[i].is(s, "view") && p >= 2 && toks[p].is(s, "of") && toks[p - 1].is(s, "point") {
        p -= 2;
    }
    let owner = toks[p];
    if !owner.word || !is_possessive(owner.lower(s)) {
        return None;
    }
    let mut first = p;
    while first > 0
        && toks[first - 1].capitalized(s)
        && !PREPOSITIONS.contains(toks[first - 1].lower(s))
    {
        first -= 1;
    }
    let np = Speaker {
        first,
        last: p,
        apposition: None,
    };
    Some((first, np, None, i))
}

/// "UN figures", "the UNHCR's estimate", "figures from the Syrian Observatory".
fn figure_source(
    s: &Sent,
    toks: &[Tok],
    i: usize,
) -> Option<(usize, Speaker, Option<usize>, usize)> {
    if i >= 1 {
        let prev = toks[i - 1];
        let acronym = prev.text(s).len() >= 2 && prev.text(s).chars().all(|c| c.is_uppercase());
        let not_initial = i >= 2 || acronym || is_possessive(prev.lower(s));
        if prev.capitalized(s) && not_initial && !DETERMINERS.contains(prev.lower(s)) {
            let np = Speaker {
                first: i - 1,
                last: i - 1,
                apposition: None,
            };
            return Some((i - 1, np, None, i));
        }
    }
    let mut k = i + 1;
    if toks
        .get(k)
        .is_some_and(|t| t.is(s, "published") || t.is(s, "compiled") || t.is(s, "released"))
    {
        k += 1;
    }
    let prep = toks.get(k)?;
    if !(prep.is(s, "from") || prep.is(s, "by") || prep.is(s, "of")) {
        return None;
    }
    let np = speaker_after(s, toks, k + 1)?;
    let named = toks[np.first..=np.last].iter().any(|t| t.capitalized(s));
    named.then(|| (i, np.clone(), None, np.end_tok()))
}

/// Whether a lower-case word is a figure noun ("figures", "survey"), and whether it is a
/// speech verb: asked of every word of the sentences parsed, so most words (short function
/// words) are turned away by their first letter and length before any lookup.
fn figure_or_speech(w: &str) -> (bool, bool) {
    (FIGURE_NOUNS.contains(w), is_speech_verb(w))
}

fn is_speech_verb(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| SPEECH_VERBS.list.iter().copied().collect());
    SPEECH_VERBS.may_hold(w) && SET.contains(w)
}

fn is_stop_word(w: &str) -> bool {
    static SET: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| STOP_WORDS.list.iter().copied().collect());
    SET.contains(w)
}

/// Verbs of belief or finding rather than of speech ("analysts believe", "figures show"): they
/// attribute a view, not somebody's words, so they cannot be the speaker of a nearby quotation.
pub(crate) fn is_view_verb(w: &str) -> bool {
    matches!(
        w,
        "believe"
            | "believes"
            | "believed"
            | "think"
            | "thinks"
            | "thought"
            | "see"
            | "sees"
            | "expect"
            | "expects"
            | "fear"
            | "fears"
            | "feared"
            | "agree"
            | "agrees"
            | "agreed"
            | "show"
            | "shows"
            | "showed"
            | "find"
            | "finds"
            | "found"
            | "estimate"
            | "estimates"
            | "estimated"
            | "predict"
            | "predicts"
            | "predicted"
            | "counted"
            | "recorded"
            | "documented"
            | "presented"
            | "presents"
            | "published"
            | "publishes"
    )
}

fn is_skippable(w: &str) -> bool {
    is_adverb(w) || SKIPPABLE.contains(w)
}

const MAX_SPEAKER_WORDS: usize = 10;

/// Verbs that report what someone says, thinks or finds.
static SPEECH_VERBS: Words = Words::new(&[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "affirmed",
    "affirms",
    "agree",
    "agreed",
    "agrees",
    "announced",
    "announces",
    "answered",
    "argue",
    "argued",
    "argues",
    "arguing",
    "asked",
    "assert",
    "asserted",
    "asserts",
    "believe",
    "believed",
    "believes",
    "chant",
    "chanted",
    "chants",
    "claim",
    "claimed",
    "claims",
    "complained",
    "conclude",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "counted",
    "declared",
    "declares",
    "denied",
    "denies",
    "describe",
    "described",
    "describes",
    "documented",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "estimate",
    "estimated",
    "estimates",
    "expect",
    "expects",
    "explained",
    "explains",
    "fear",
    "feared",
    "fears",
    "find",
    "finds",
    "found",
    "indicated",
    "indicates",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "maintain",
    "maintained",
    "maintains",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "point",
    "pointed",
    "points",
    "predict",
    "predicted",
    "predicts",
    "presented",
    "presents",
    "published",
    "publishes",
    "quoted",
    "recalled",
    "recalls",
    "recorded",
    "relay",
    "relayed",
    "relays",
    "remarked",
    "replied",
    "report",
    "reported",
    "reports",
    "responded",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "see",
    "sees",
    "shouted",
    "shouts",
    "show",
    "showed",
    "shows",
    "speaks",
    "spoke",
    "stated",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "think",
    "thinks",
    "told",
    "urged",
    "urges",
    "warn",
    "warned",
    "warning",
    "warns",
    "write",
    "writes",
    "wrote",
]);

/// Nouns whose speakers no reader can check, in the plural or as a bare quantifier.
static VAGUE_HEADS: Words = Words::new(&[
    "observers",
    "analysts",
    "experts",
    "critics",
    "commentators",
    "diplomats",
    "pundits",
    "insiders",
    "voices",
    "circles",
    "quarters",
    "media",
    "reports",
    "rumours",
    "rumors",
    "some",
    "many",
    "others",
    "most",
    "everyone",
    "several",
]);

/// Singular nouns for an unnamed individual ("a source", "an official", "an expert on X").
static ANONYMOUS_ROLES: Words = Words::new(&[
    "source",
    "official",
    "diplomat",
    "defector",
    "insider",
    "aide",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "member",
    "commander",
    "negotiator",
    "officer",
    "delegate",
    "staffer",
    "employee",
    "resident",
    "witness",
    "activist",
    "expert",
    "analyst",
    "observer",
    "critic",
    "commentator",
    "researcher",
    "lawmaker",
    "politician",
    "figure",
    "person",
    "someone",
    "insider",
    "people",
    "worker",
]);

/// Role nouns that stay anonymous in the plural ("officials said"); other plurals ("residents
/// said", "members of the delegation said") are collective voices the rule leaves alone, and the
/// plurals of "observer", "analyst" and the like are vague (see [`VAGUE_HEADS`]).
static PLURAL_ANONYMOUS: Words = Words::new(&["source", "official", "aide", "people"]);

/// Words that say nothing about an anonymous source's position.
static UNDESCRIPTIVE: Words = Words::new(&[
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "some",
    "several",
    "another",
    "senior",
    "informed",
    "reliable",
    "trusted",
    "well-placed",
    "well-informed",
    "credible",
    "high-ranking",
    "high-level",
    "unnamed",
    "anonymous",
    "private",
    "knowledgeable",
    "local",
    "certain",
    "other",
    "top",
    "key",
    "prominent",
]);

static DETERMINERS: Words = Words::new(&[
    "a", "an", "the", "one", "two", "three", "some", "several", "another", "this", "that", "these",
    "those", "his", "her", "their", "its", "our",
]);

/// Words after which a speech verb is a noun.
static ARTICLES: Words = Words::new(&[
    "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our",
]);

static PRONOUNS: Words = Words::new(&["he", "she", "they", "we", "i", "it", "you"]);

static PREPOSITIONS: Words = Words::new(&[
    "of",
    "in",
    "at",
    "on",
    "with",
    "from",
    "for",
    "to",
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "based",
    "within",
    "inside",
    "near",
    "among",
    "who",
    "briefed",
    "under",
    "speaking",
    "working",
    "quoted",
    "cited",
    "interviewed",
    "by",
]);

/// Words that end a speaker when reading backwards or forwards.
static STOP_WORDS: Words = Words::new(&[
    "that", "and", "but", "as", "while", "when", "because", "if", "so", "than", "where", "which",
    "what", "how", "though", "although", "whereas", "after", "before", "since", "until", "even",
    "whether", "nor", "or", "yet", "there", "it", "this", "is", "are", "was", "were", "be", "been",
    "not", "have", "has", "had", "will", "would", "can", "could", "may", "might", "amid",
    "despite", "without",
]);

/// Auxiliaries and adverbs that may stand between a speaker and the verb.
static SKIPPABLE: Words = Words::new(&[
    "also",
    "later",
    "then",
    "further",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "previously",
    "once",
    "again",
    "earlier",
    "recently",
    "often",
    "still",
    "already",
    "never",
    "always",
    "now",
    "even",
    "just",
    "first",
    "didn't",
    "doesn't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "didn’t",
    "doesn’t",
    "hasn’t",
    "haven’t",
    "hadn’t",
    "won’t",
]);

static BE_FORMS: Words = Words::new(&["is", "are", "was", "were", "be", "been", "being", "am"]);

/// Nouns for published numbers; a named owner makes them a source ("UN figures").
static FIGURE_NOUNS: Words = Words::new(&[
    "figures",
    "data",
    "statistics",
    "estimates",
    "estimate",
    "tally",
    "count",
    "census",
    "survey",
    "poll",
    "study",
    "toll",
]);

#[cfg(test)]
mod tests {
    use super::*;

    fn voices(s: &str) -> Vec<(String, Voice)> {
        attributions(s, 0..s.len())
            .into_iter()
            .map(|a| (s[a.range].to_string(), a.voice))
            .collect()
    }

    fn anon(lemma: &str, described: bool) -> Voice {
        Voice::Anonymous(Anonymous {
            lemma: lemma.into(),
            described,
        })
    }

    #[test]
    fn named_speakers() {
        assert_eq!(
            voices("Haddad said the talks failed.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("The talks failed, Enab Baladi reports.")[0],
            ("Enab Baladi reports".into(), Voice::Identified)
        );
        assert_eq!(
            voices("“We will stay,” said Samir Haddad.")[0],
            ("said Samir Haddad".into(), Voice::Identified)
        );
        assert_eq!(
            voices("The head of the body, Samir Haddad, said no.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("He told reporters it was over.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("From Nasser’s point of view, the plan is dead.")[0],
            ("Nasser’s point of view".into(), Voice::Identified)
        );
        assert_eq!(
            voices("According to the UN, aid is late.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("The delegation stressed unity.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("Foreign Ministry spokesman Ahmad Khalil said no.")[0].1,
            Voice::Identified
        );
    }

    #[test]
    fn vague_speakers() {
        assert_eq!(voices("Observers say the talks failed.")[0].1, Voice::Vague);
        assert_eq!(
            voices("The talks, according to Western diplomats, failed.")[0],
            ("according to Western diplomats".into(), Voice::Vague)
        );
        assert_eq!(voices("Some say it failed.")[0].1, Voice::Vague);
        assert_eq!(
            voices("Some observers believe it failed.")[0].1,
            Voice::Vague
        );
        assert_eq!(voices("There are those who doubt it.")[0].1, Voice::Vague);
        assert_eq!(voices("Media reports say it failed.").len(), 1);
    }

    #[test]
    fn anonymous_speakers() {
        assert_eq!(
            voices("A source said the talks failed.")[0].1,
            anon("source", false)
        );
        assert_eq!(
            voices("According to a ministry official, the talks failed.")[0].1,
            anon("official", true)
        );
        assert_eq!(
            voices("A source familiar with the talks told Enab Baladi the plan failed.")[0],
            (
                "A source familiar with the talks told".into(),
                anon("source", true)
            )
        );
        assert_eq!(
            voices("An expert on regional affairs says it failed.")[0].1,
            anon("expert", true)
        );
        assert_eq!(
            voices("Officials said it failed.")[0].1,
            anon("official", false)
        );
        assert_eq!(
            voices("The source added that it failed.")[0].1,
            Voice::AnonymousRef {
                lemma: "source".into()
            }
        );
        assert_eq!(
            voices("“It failed,” said a senior official.")[0].1,
            anon("official", false)
        );
        assert_eq!(
            voices("A spokesman, Ahmad Khalil, said it failed.")[0].1,
            Voice::Identified
        );
        assert_eq!(
            voices("A senior official, who asked not to be named, said it failed.")[0].1,
            anon("official", false)
        );
    }

    #[test]
    fn not_attributions() {
        assert!(voices("It is said that the talks failed.").is_empty());
        assert!(voices("Haddad is said to be angry.").is_empty());
        assert!(voices("").is_empty());
    }

    #[test]
    fn passive_with_agent() {
        assert_eq!(
            voices("The meeting was reported by SANA.")[0].1,
            Voice::Identified
        );
    }
}
