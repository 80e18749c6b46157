//! Who says what: the attribution relations of a sentence, each a cue ("said", "according to",
//! "believe"), its source (the noun phrase that speaks, wherever the grammar puts it) and its
//! content, with the source's class as an editor would sort it.
//!
//! A sentence is read as words with their lexicon classes ([`crate::lexicon::reader`]); every
//! cue word starts a search for its source: the subject before the verb (across auxiliaries, an
//! apposition or a relative clause set off by commas), the speaker after an inverted verb
//! ("…,” said one aide"), the agent of a passive, the object of "according to". The source's
//! noun phrase is then classified by its head noun, determiners and quantifiers, and names.

pub mod agentless;
mod class;
mod events;
mod nominal;
mod participle;
mod phrase;
mod source;
mod speaker;
mod stance;
mod tokens;

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{self, pattern, reader::Word, Classes, Pattern};
pub use class::{Anonymous, Class};
use tokens::Sent;

/// One attribution relation. Ranges are byte offsets into the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The attributing phrase from the source to the cue, e.g. "observers say", "according to a
    /// ministry official".
    pub range: Range<usize>,
    /// The words naming the source ("observers", "a ministry official"), with any description
    /// set off by commas.
    pub speaker: Range<usize>,
    /// The cue: "said", "has repeatedly argued", "according to", "view".
    pub cue: Range<usize>,
    /// The cue's verb, if it has one.
    pub verb: Option<Range<usize>>,
    /// What the source is said to say, think or find; empty when the sentence holds nothing else.
    pub content: Range<usize>,
    pub class: Class,
    /// What kind of cue it is, which decides what it can be the source of.
    pub kind: CueKind,
    /// The source says nothing ("the ministry has not said whether …"): a mention of the
    /// source, but no source for anything.
    pub negated: bool,
}

/// The kinds of cue, by what they can be the source of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Somebody's words: "said", "told", "insisted". A claim's source and a quotation's speaker.
    Speech,
    /// "according to", "in X's view", "UN figures": a claim's source and a quotation's.
    Phrase,
    /// A finding or a count: "documented", "figures show". A claim's or a figure's source.
    Finding,
    /// A belief: "believe", "fear", "expect". A claim's source, nobody's words.
    View,
    /// A stance taken: "oppose", "question", "are wary". The source of a position, but of no
    /// claim beside it ("amid speculation that Moscow objected").
    Stance,
}

impl Attribution {
    /// Whether the relation gives a source for the claims and figures of its sentence.
    pub fn sources_claims(&self) -> bool {
        !self.negated && self.kind != CueKind::Stance && self.class != Class::Agentless
    }

    /// Whether the source is said to have spoken: it can be a quotation's speaker.
    pub fn speaks(&self) -> bool {
        !self.negated
            && matches!(self.kind, CueKind::Speech | CueKind::Phrase)
            && self.class != Class::Agentless
    }
}

/// The attributions of the sentence `text[sentence]`, in order.
pub fn attributions(text: &str, sentence: Range<usize>) -> Vec<Attribution> {
    let low = text.to_ascii_lowercase();
    let mut words = Vec::new();
    lexicon::reader::read(text, &low, sentence.clone(), &mut words);
    attributions_in(text, &low, &words, sentence, None)
}

/// [`attributions`] with the whole text already in ASCII lower case (`low`, same offsets) and
/// the sentence already read (`words`, by [`lexicon::reader::read`]), as the rules have them.
/// `next`: the sentence after, where a reason for a source's anonymity may be given.
pub fn attributions_in(
    text: &str,
    low: &str,
    words: &[Word],
    sentence: Range<usize>,
    next: Option<Range<usize>>,
) -> Vec<Attribution> {
    let base = sentence.start;
    let s = Sent::new(text, low, sentence.clone(), words);
    let at = |i: usize| s.toks[i].start;
    let to = |i: usize| s.toks[i].end;
    let span = |(a, b): (usize, usize)| at(a)..to(b);
    // Asked only of a sentence with an unnamed source: most have none.
    let explained = std::cell::OnceCell::new();
    let explained = || {
        *explained.get_or_init(|| {
            REASON.is_match(&low[sentence.clone()])
                || next
                    .clone()
                    .is_some_and(|n| refers_back(&low[n.clone()]) && REASON.is_match(&low[n]))
        })
    };
    let mut out = Vec::new();
    for f in source::relations(&s) {
        let mut class = class::classify(&s, f.np.0..=f.np.1);
        // (An apposition inside the phrase: "The other delegate, Deputy Foreign Minister Faisal
        // Mekdad, drew …", read with its subject; not where a place lies, "a woman in
        // Worcester, Massachusetts".)
        let inside = || {
            (f.np.0 + 1..f.np.1)
                .find(|&k| s.is(k, ","))
                .filter(|&k| !speaker::locates_place(&s, k, f.np.1 + 1))
                .map(|k| (k + 1, f.np.1))
        };
        if let Some((a, _)) = f.apposition.or_else(inside) {
            // "a spokesman, Ahmad Khalil, said": the apposition names the source. "Officials,
            // including Haddad, said": it names one of them, whom a reader can ask. (A vague
            // group stays one with an example: "some observers, including Tufekci", as
            // PolNeAR's annotators read it.)
            let a = if s.is(a, "including") && matches!(class, Class::Anonymous(_)) {
                a + 1
            } else {
                a
            };
            if class != Class::Pronoun && s.proper(a) && !s.has(a, Classes::SUBJECT_PRONOUN) {
                class = Class::Named;
            }
            // "Those who have returned say": people told by what they did, nobody to check.
            if f.np.0 == f.np.1 && s.is(f.np.0, "those") && s.is(a, "who") {
                class = Class::Vague;
            }
        }
        // "investors have shown interest": people show, they do not find; figures show.
        if f.verb.is_some_and(|v| s.lower(v).starts_with("show")) && !class.identified() {
            continue;
        }
        if let Class::Anonymous(anon) = &mut class {
            // "UN envoy: …": a headline drops the article of a role the story names ("the UN
            // envoy, Geir Pedersen, said …"), as "the official" refers to one introduced.
            let (a, b) = f.source();
            anon.reference |= s.is(f.cue.0, ":")
                && s.headline()
                && s.lower(b) == anon.lemma
                && !s.has(a, Classes::INDEFINITE | Classes::NUMBER);
            anon.explained = !anon.reference && explained();
        }
        let (sa, sb) = f.source();
        let speaker = span((sa, sb));
        let cue = span(f.cue);
        // Between the speaker and the verb (an apposition may well say "not").
        // ("declined to comment" says nothing either.)
        let negated = f.verb.is_some_and(|v| {
            s.has(v, Classes::REFUSAL_VERB)
                || (sb + 1..v).any(|k| {
                    let w = s.lower(k);
                    w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
                        // "declined to comment"
                        || s.has(k, Classes::REFUSAL_VERB)
                })
        });
        out.push(Attribution {
            range: speaker.start.min(cue.start)..speaker.end.max(cue.end),
            speaker,
            cue,
            verb: f.verb.map(|v| at(v)..to(v)),
            content: f.content.map_or(sentence.end..sentence.end, span),
            class,
            negated,
            kind: match f.verb {
                None if f.stance => CueKind::Stance,
                None => CueKind::Phrase,
                // "the government will ask for …": what someone will do is no statement yet.
                Some(_) if (f.cue.0..f.cue.1).any(|k| s.has(k, Classes::MODAL)) => CueKind::Stance,
                Some(v) if s.has(v, Classes::SPEECH_VERB) || source::opens_quotation(&s, v) => {
                    CueKind::Speech
                }
                Some(v) if s.has(v, Classes::FINDING_VERB) => CueKind::Finding,
                Some(v) if s.has(v, Classes::VIEW_VERB) => CueKind::View,
                Some(_) => CueKind::Stance,
            },
        });
    }
    // Whether a subordinate clause opens the sentence ("Though …", "Even after …").
    let mut opening = low[sentence.clone()]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let first = opening.next();
    let first = if first == Some("even") {
        opening.next()
    } else {
        first
    };
    let subordinate = first.is_some_and(lexicon::is_subordinator);
    // "Clinton says she opposes the deal", "nobody objected, according to two delegates": a view
    // or a stance inside what someone is said to say is theirs to report, not the article's.
    // ("He proposed a cut, but analysts agreed …": a clause of its own after a comma and a
    // conjunction is the article's again, as is the main clause after an opening subordinate
    // one: "Though Trump pledged to spend it, some remained skeptical".)
    let own_clause = |a: &Attribution| {
        let before = low[..a.speaker.start].trim_end();
        before.ends_with(';')
            || subordinate && before.ends_with(',')
            || [", but", ", and", ", yet", ", while", ", whereas"]
                .iter()
                .any(|c| before.ends_with(c))
    };
    let nested = |a: &Attribution| {
        matches!(a.kind, CueKind::View | CueKind::Stance)
            && !own_clause(a)
            && out.iter().any(|o: &Attribution| {
                let says = o.kind == CueKind::Speech
                    || o.kind == CueKind::Phrase && low[o.cue.clone()].starts_with("according");
                says && o.content.contains(&a.speaker.start)
            })
    };
    let keep: Vec<bool> = out.iter().map(|a| !nested(a)).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    // The phrases' words, looked for among the tokens before the pattern is run (all but "by"
    // are phrase cues: the class is asked first). "who" and "by", in most sentences, only
    // where the pattern wants them: three words after "there", after "said".
    let phrase_words = (0..s.len()).any(|k| {
        s.has(k, Classes::PHRASE_CUE)
            && match s.lower(k) {
                "accounts" | "eyes" | "amid" => true,
                // (The pattern's "there" opens at a word boundary, which may stand inside a
                // token: "so-there".)
                "who" => k >= 3 && s.lower(k - 3).ends_with("there"),
                _ => false,
            }
            || k > 0 && s.is(k, "by") && s.is(k - 1, "said")
    });
    let phrases = phrase_words.then(|| VAGUE_PHRASES.find_iter(&low[sentence.clone()]));
    for m in phrases.into_iter().flatten() {
        let range = base + m.start()..base + m.end();
        out.push(Attribution {
            range: range.clone(),
            speaker: range.clone(),
            cue: range.clone(),
            verb: None,
            content: range.end..sentence.end,
            class: Class::Vague,
            negated: false,
            kind: CueKind::Phrase,
        });
    }
    out.sort_by_key(|a| a.range.start);
    // "media reports say" is one attribution, not two: overlapping ones of a class merge. (One
    // source with two cues, "the mayor said, adding …", is two.)
    out.dedup_by(|later, earlier| {
        let overlap = later.speaker.start <= earlier.speaker.end
            && later.class == earlier.class
            && later.speaker != earlier.speaker;
        // "Khalil, the envoy, praised the plan, saying …": two verbs, one source read twice,
        // once with its apposition and once without; both relations keep the longer reading.
        let two_verbs =
            later.verb.is_some() && earlier.verb.is_some() && later.verb != earlier.verb;
        let (short, long) = if later.speaker.end < earlier.speaker.end {
            (&later.speaker, &earlier.speaker)
        } else {
            (&earlier.speaker, &later.speaker)
        };
        let apposed = short.start == long.start
            && text[short.end..long.end]
                .trim_start()
                .starts_with([',', '(']);
        if overlap && two_verbs && apposed {
            let speaker = long.clone();
            for a in [&mut *later, &mut *earlier] {
                a.range = a.range.start.min(speaker.start)..a.range.end.max(speaker.end);
                a.speaker = speaker.clone();
            }
            return false;
        }
        if overlap {
            earlier.range.end = earlier.range.end.max(later.range.end);
            earlier.verb = later.verb.clone().or(earlier.verb.take());
        }
        overlap
    });
    out
}

/// Vague voices that are not "somebody says": kept as phrases.
static VAGUE_PHRASES: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:there +(?:are|were|is) +(?:those|some|many|people|others) +who",
        r"|by +(?:some|many|most|all) +accounts",
        r"|in +the +eyes +of +(?:many|some|observers|analysts|critics)",
        r"|it +is +said +by +(?:some|many|critics|observers)",
        r"|amid +(?:\w+ +)?(?:reports|rumou?rs) +(?:that|of))\b",
    ))
});

/// The usual ways of saying why a source is not named.
static REASON: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(concat!(
        r"\b(?:condition +of +anonymity|on +condition +(?:that +)?(?:he|she|they|it) +(?:not +be|remain|were +not|was +not)",
        r"|asked +not +to +be +(?:named|identified)|requested +anonymity|declined +to +be +(?:named|identified)|names? +be +withheld",
        r"|speaking +anonymously|(?:not|n't) +authori[sz]ed +to|anonymity +because|for +fear +of|for +(?:security|safety) +reasons",
        r"|(?:not|n't) +(?:allowed|permitted) +to +(?:speak|talk|brief|comment|discuss)|protect +(?:his|her|their) +identit",
        r"|for +(?:his|her|their) +(?:own +)?(?:safety|protection)|under +(?:the +)?(?:ground +)?rules +of|because +of +the +sensitivity)",
    ))
});

/// Whether the lower-cased sentence `low` opens with a word that refers back ("He was not
/// authorised to speak", "The official asked not to be named"), so that the reason it gives is
/// the sentence before's source's, not a new source's ("Another aide, who asked …").
fn refers_back(low: &str) -> bool {
    let first = low
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    lexicon::is(first, Classes::SUBJECT_PRONOUN | Classes::DEFINITE)
}

/// Whether the lower-cased text `low` gives a reason for a source's anonymity.
pub fn gives_reason(low: &str) -> bool {
    REASON.is_match(low)
}

/// Where the lower-cased `low` holds a word that may open an attribution: a cue verb or
/// adjective, "according", "view", a figure noun, a word of the vague phrases. A sentence
/// without one holds none, and is not parsed. The words are the parse's own, read once with
/// their classes (`sentences`, each sentence's words in order; the marks among them are no
/// cue): a word is a cue word when the parse can read it as one.
pub fn cue_words<'w>(
    low: &'w str,
    sentences: impl IntoIterator<Item = &'w [Word]>,
) -> impl Iterator<Item = usize> + 'w {
    const CUE: Classes = Classes::CUE_VERB
        .union(Classes::STANCE_ADJECTIVE)
        .union(Classes::FIGURE_NOUN)
        .union(Classes::PHRASE_CUE)
        .union(Classes::PSYCH_VERB);
    let bytes = low.as_bytes();
    // A stance noun is a cue only before "from" ("criticism from"); alone ("support",
    // "concerns") it is in too many sentences to parse them all.
    let from = |end: usize| {
        let rest = &bytes[end..];
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        let after = rest.get(spaces + 4).copied().unwrap_or(b' ');
        spaces > 0
            && rest[spaces..].starts_with(b"from")
            && !(after.is_ascii_alphanumeric() || after == b'_')
    };
    let mut at = Vec::new();
    for words in sentences {
        for w in words {
            if w.classes.has(CUE) || w.classes.has(Classes::STANCE_NOUN) && from(w.end) {
                at.push(w.start);
            }
        }
    }
    // And colons: "WALLACE: …", "Poll: …", "Limbaugh continued: …".
    // After a word, before a space, a quotation or the end ("10:30" and "https:" are none).
    at.extend(memchr::memchr_iter(b':', bytes).filter(|&i| {
        i > 0
            && bytes[i - 1].is_ascii_alphabetic()
            && bytes
                .get(i + 1)
                .is_none_or(|&b| matches!(b, b' ' | b'"' | 0xE2))
    }));
    // And around quotation marks and dashes, found in one pass (curly quotes, apostrophes and
    // dashes all begin with the byte 0xE2):
    for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        // (The mark's length, and whether it may close or open a quotation.)
        let (mark, closes, opens) = match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'"', _) => (1, true, true),
            (_, Some([0x80, 0x9D])) => (3, true, false),
            (_, Some([0x80, 0x9C])) => (3, false, true),
            (_, Some([0x80, 0x93..=0x95])) => {
                // A signature's dash: "“…” ― Rana Khatib", or opening a line of its own.
                let before = &low[..i];
                let after_quote = before.strip_suffix(' ').unwrap_or(before);
                let line = before.trim_end_matches([' ', '\t']);
                if after_quote.ends_with(['”', '"']) || line.is_empty() || line.ends_with('\n') {
                    at.push(i);
                }
                continue;
            }
            _ => continue,
        };
        // The word after a quotation's closing mark: "“…,” he continued." (any verb there may
        // give the quotation its speaker; see `source::opens_quotation`).
        let word = i + mark + 1;
        if closes
            && i > 0
            && matches!(bytes[i - 1], b',' | b'.' | b'!' | b'?')
            && bytes.get(i + mark) == Some(&b' ')
            && bytes.get(word).is_some_and(u8::is_ascii_lowercase)
        {
            at.push(word);
        }
        // The word before a comma that opens a quotation: "He continued, “…”" (any verb there
        // may frame it, as after one).
        if let Some(comma) = i.checked_sub(2).filter(|&c| opens && &bytes[c..i] == b", ") {
            let word = bytes[..comma]
                .iter()
                .rposition(|b| !b.is_ascii_lowercase())
                .map_or(0, |k| k + 1);
            if word < comma {
                at.push(word);
            }
        }
    }
    at.sort_unstable();
    at.into_iter()
}

#[cfg(test)]
mod tests;
