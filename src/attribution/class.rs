//! What kind of source a noun phrase is, as an editor would sort it: a name, a pronoun, an
//! unnamed individual, a vague group, an identified body, a document.

use std::ops::RangeInclusive;

use super::tokens::Sent;
use crate::grammar::Pos;
use crate::lexicon::{self, Classes};

/// The kind of source an attribution gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// A person or body named in the phrase ("Haddad", "the UN", "Foreign Minister Faisal Mekdad").
    Named,
    /// A pronoun standing for a source named before ("he", "they", "who").
    Pronoun,
    /// An unnamed individual or insiders ("a source", "officials", "one aide", "his advisers").
    Anonymous(Anonymous),
    /// A group no reader can check ("observers", "some analysts", "many Democrats", "reports").
    Vague,
    /// An identified group speaking as a body ("the ministry", "the delegation", "Republicans").
    Collective,
    /// A document or figures ("a poll", "the study", "UN figures").
    Data,
    /// No source at all: "it is believed that", "reportedly", "is said to".
    Agentless,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anonymous {
    /// The role noun in singular lower case ("source", "official"), to match later mentions.
    pub lemma: String,
    /// Whether the text says more about the source than "a (senior) source".
    pub described: bool,
    /// Whether the sentence gives the reason the source is not named (AP style).
    pub explained: bool,
    /// A later mention of a source already introduced ("the source added").
    pub reference: bool,
}

impl Class {
    /// The class as `dossier attributions` writes it.
    pub fn name(&self) -> &'static str {
        match self {
            Class::Named => "named",
            Class::Pronoun => "pronoun",
            Class::Anonymous(a) if a.explained => "anonymous-explained",
            Class::Anonymous(_) => "anonymous",
            Class::Vague => "vague",
            Class::Collective => "collective",
            Class::Data => "data",
            Class::Agentless => "agentless",
        }
    }

    /// What the class means to a reader, for hover and related information.
    pub fn meaning(&self) -> &'static str {
        match self {
            Class::Named => "a person or body named in the text",
            Class::Pronoun => "a pronoun for a source named before",
            Class::Anonymous(a) if a.reference => "a later mention of an unnamed source",
            Class::Anonymous(a) if a.explained => {
                "an unnamed source; the text says why it is not named"
            }
            Class::Anonymous(_) => "an unnamed source",
            Class::Vague => "a group no reader can check",
            Class::Collective => "an identified group speaking as a body",
            Class::Data => "a document or figures",
            Class::Agentless => "none: the construction hides who says so",
        }
    }

    /// Whether a reader can tell who speaks (a name, a pronoun for one, a body, a document).
    pub fn identified(&self) -> bool {
        matches!(
            self,
            Class::Named | Class::Pronoun | Class::Collective | Class::Data
        )
    }
}

/// The class of the noun phrase `words` (token indices of `s`).
pub(super) fn classify(s: &Sent, words: RangeInclusive<usize>) -> Class {
    let (first, last) = (*words.start(), *words.end());
    if first == last && s.has(first, Classes::PRONOUN) {
        return Class::Pronoun;
    }
    // A conjunction takes the class of its first member: "Regulators and environmental groups".
    // ("Federal and state officials" is one group: the word before "and" is no noun's end.)
    let last = (first + 1..=last)
        .find(|&j| {
            // ("RT and its defenders", "the nominee and his aides": the first member is a name
            // or a role, the class of the whole.)
            (s.is(j, "and") || s.is(j, "or"))
                && (s.lower(j - 1).ends_with('s')
                    || matches!(
                        s.pos(j - 1),
                        Pos::ProperNoun | Pos::ProperPlural | Pos::Noun
                    ) && (s.proper(j + 1) || s.has(j + 1, Classes::POSSESSIVE)))
        })
        .map_or(last, |j| j - 1);
    // "some", "others", "many in the party", "not everyone": a vague group by itself.
    let lead = if s.is(first, "not") && first < last {
        first + 1
    } else {
        first
    };
    // "a few", "quite a few", "a handful": the article counts the group, it picks out nobody.
    let lead = if s.is(lead, "quite") && lead + 2 <= last && s.counts_a_group(lead + 1) {
        lead + 2
    } else if lead < last && s.counts_a_group(lead) {
        lead + 1
    } else {
        lead
    };
    // "Merkley, Brown and Menendez all suggested": "all" floats after the names it counts.
    let floating = lead > 0 && (s.is(lead, "all") || s.is(lead, "both")) && {
        let before = s.text(lead - 1);
        before == ")" || s.proper(lead - 1)
    };
    // "No one expected …", "no one could have envisioned": nobody in particular.
    if s.is(lead, "no") && s.is(lead + 1, "one") {
        return Class::Vague;
    }
    if s.has(lead, Classes::VAGUE_PRONOUN)
        && !floating
        && (lead == last || opens_modifier(s, lead + 1))
    {
        return of_phrase(s, lead, last).unwrap_or(Class::Vague);
    }
    if (s.is(lead, "one") || s.is(lead, "another")) && (lead == last || opens_modifier(s, lead + 1))
    {
        return of_phrase(s, lead, last).unwrap_or_else(|| anonymous(s, lead, lead..=last, false));
    }
    // "74 percent", "Only 52 percent of registered voters": a poll's share speaks as its data.
    if is_share(s, lead, last) {
        return Class::Data;
    }
    if let Some(class) = of_phrase(s, lead, last) {
        return class;
    }
    let head = head(s, lead, last);
    let h = s.lower(head);
    let lemma = lexicon::singular(h);
    let plural = (lemma != h || matches!(h, "people" | "media")) && !s.possessive(head);
    let before = lead..head;
    let quantified = before
        .clone()
        .any(|j| s.has(j, Classes::QUANTIFIER | Classes::NUMBER));
    let determiner = before
        .clone()
        .rev()
        .find(|&j| s.has(j, Classes::DETERMINER) || s.possessive(j));
    // ("both men", like "the two men", are a pair the text has named.)
    let definite = determiner.is_some_and(|d| s.has(d, Classes::DEFINITE) || s.possessive(d))
        || before.clone().any(|j| s.is(j, "both"));
    let owned = determiner.is_some_and(|d| s.possessive(d) || s.has(d, Classes::POSSESSIVE));
    let indefinite = determiner.is_some_and(|d| s.has(d, Classes::INDEFINITE));
    // (A day or a month is no name of the source's: "a poll released on Sunday".)
    let name = |j: usize| s.proper(j) && !s.has(j, Classes::WEEKDAY | Classes::MONTH);
    let named = (lead..=last).any(|j| j != head && name(j)) || s.proper(head);

    if lexicon::is(&lemma, Classes::MEMBER_NOUN) {
        return Class::Collective;
    }
    // "two people", "three people familiar with …": unnamed individuals, counted.
    if h == "people" && before.clone().any(|j| s.has(j, Classes::NUMBER)) {
        return anonymous(s, head, lead..=last, false);
    }
    // "Western diplomats" are a vague group, "a diplomat" an unnamed person: a plural of both
    // lists is vague when bare or quantified.
    let vague_plural = plural && !owned && !definite && lexicon::is(&lemma, Classes::VAGUE_HEAD);
    // "people familiar with the talks", "people close to him": insiders, not a crowd.
    let insiders = matches!(h, "people" | "those" | "someone" | "somebody")
        && head < last
        && matches!(
            s.lower(head + 1),
            "familiar" | "close" | "involved" | "briefed" | "knowledgeable"
        );
    if insiders || lexicon::is(&lemma, Classes::ANONYMOUS_HEAD) && !vague_plural {
        // "Foreign Ministry spokesman Ahmad Khalil": the role word is not the head, a name is.
        if head < last && s.proper(head + 1) {
            return Class::Named;
        }
        // "the envoy's spokeswoman": a role that picks out one person is as good as a name.
        if owned && !plural {
            return Class::Named;
        }
        // "the source added" after "a source": the same source; "his aides", "Clinton aides",
        // "a Pentagon spokesman": anonymous, whatever names stand beside the role.
        return anonymous(s, head, lead..=last, definite && !owned);
    }
    // A plural read as people by its ending alone ("traders", "Americans") is a vague group
    // only when counted vaguely ("many traders"); bare, it is the text's own group ("traders
    // in Sarmada").
    // "demonstrators", "many Mexicans": a plural read as people by its ending; bare and placed
    // ("traders in Sarmada") it is the text's own group, not a vague one.
    let placed = s.is(head + 1, "in") || s.is(head + 1, "from") || s.is(head + 1, "at");
    let placed = placed && head + 2 <= last && s.capitalized(head + 2);
    // ("Sanders said": a bare name with a plural's ending is a person's; "Doctors Without
    // Borders", with a function word in it or cut at one, a body's.)
    let surname = s.proper(head)
        && determiner.is_none()
        && (lead.saturating_sub(1)..head)
            .all(|j| !s.has(j, Classes::FUNCTION_WORD) || !s.capitalized(j))
        && !quantified
        && lexicon::may_be_surname(h)
        && !lexicon::is(
            &lemma,
            Classes::VAGUE_HEAD | Classes::ANONYMOUS_HEAD | Classes::PERSON_NOUN,
        );
    let people = lexicon::is(&lemma, Classes::VAGUE_HEAD)
        // "many European countries", "Western governments": states as a vague group.
        || plural && lexicon::is(&lemma, Classes::POLITY_NOUN)
        // "witnesses", "women", "relatives"; not "figures", which are mostly numbers.
        || plural && lexicon::is(&lemma, Classes::PERSON_NOUN) && !s.has(head, Classes::FIGURE_NOUN)
        || plural
            && (lexicon::has_person_ending(h) && (quantified || !placed) && !surname
                || quantified && s.proper(head));
    // "the member", "the activist": a person the text introduced, maybe as an unnamed source.
    // ("the energy minister", a role that picks out one person, is as good as a name.)
    if definite && !owned && !plural && !named && lexicon::is(&lemma, Classes::VAGUE_HEAD) {
        return anonymous(s, head, lead..=last, true);
    }
    if people && plural {
        if owned {
            // "his surrogates", "Clinton's advisers": people attached to someone, unnamed.
            return anonymous(s, head, lead..=last, false);
        }
        if definite {
            // "the observers", "these voters": a group the text has introduced.
            return Class::Collective;
        }
        // ("Twenty-seven states are challenging the rule": states counted are a set the
        // reader can check, "many states" are not.)
        if lexicon::is(&lemma, Classes::POLITY_NOUN) && before.clone().any(|j| s.number(j)) {
            return Class::Collective;
        }
        if quantified {
            return Class::Vague;
        }
        // "Republicans", "E.U. leaders": a known body; "Gulf analysts", "Western diplomats"
        // are not.
        if s.proper(head) && !lexicon::is(&lemma, Classes::VAGUE_HEAD) {
            return Class::Collective;
        }
        if official_media(s, head) || campaign_name(s, head, last) {
            return Class::Collective;
        }
        return Class::Vague;
    }
    if s.has(head, Classes::REPORT_NOUN) && !named && !definite {
        return Class::Vague;
    }
    if lexicon::is(&lemma, Classes::DATA_NOUN) || s.has(head, Classes::FIGURE_NOUN) {
        // (A place after another noun says where, not whose: "video obtained by activists in
        // Idlib", unlike "a report in The Washington Post".)
        let placed = |j: usize| {
            j >= lead + 2
                && j - 2 != head
                && s.has(j - 1, Classes::LOCATIVE)
                && !s.capitalized(j - 2)
        };
        let authored = s.proper(head) || (lead..=last).any(|j| j != head && name(j) && !placed(j));
        return if authored { Class::Named } else { Class::Data };
    }
    if quantified && plural && !named && !definite {
        return Class::Vague;
    }
    // "One Republican", "an Israeli": one member of a party or a people, not a name.
    let member = s.proper(head) && (lead..head).all(|j| !s.proper(j)) && head == last;
    if indefinite && !plural && (member || !s.proper(head) && names_someone(&lemma)) {
        // "a doctor", "an arbitration panel", "one resident": somebody the text does not name.
        return anonymous(s, head, lead..=last, false);
    }
    // "citing a threat to public health", "according to a speech": a thing speaks for nobody.
    if indefinite && !plural && !s.proper(head) && !named {
        return Class::Data;
    }
    // "Former DNC chairman calls for …", "Senator from Texas says …": a headline's bare role,
    // with no article and no name, is somebody the text does not name.
    // (It opens its sentence, as a headline's subject does, and no name follows the role:
    // "Secretary of State John F. Kerry" is named.)
    // (Or after the comma of a headline's inversion: "Clinton Hid …, Former Aide Says".)
    let opens = (0..lead).all(|j| !s.word(j)) || s.title_case && lead > 0 && s.is(lead - 1, ",");
    let longest_name_run = (head + 1..=last)
        .fold((0, 0), |(run, longest), j| {
            let run = if s.proper(j) { run + 1 } else { 0 };
            (run, longest.max(run))
        })
        .1;
    let bare_role = opens
        && determiner.is_none()
        && !plural
        && !s.proper(head)
        && lexicon::is_any_case(
            &lemma,
            Classes::ROLE_WORD | Classes::VAGUE_HEAD | Classes::PERSON_NOUN,
        )
        && longest_name_run < 2;
    if bare_role {
        return anonymous(s, head, lead..=last, false);
    }
    // "the president", "the agency", "the woman": one person or body the text has named.
    let one_named_before = definite && !plural && names_someone(&lemma);
    if named || one_named_before {
        return Class::Named;
    }
    if people {
        return if definite {
            Class::Collective
        } else {
            Class::Vague
        };
    }
    Class::Collective
}

/// Whether the singular `lemma` can name somebody, a person or a body: a role, a group's member,
/// a person noun, or a noun made for people ("strategist", "campaigner", "historian",
/// "detainee").
fn names_someone(lemma: &str) -> bool {
    lexicon::is(
        lemma,
        Classes::ANONYMOUS_HEAD
            | Classes::VAGUE_HEAD
            | Classes::ROLE_WORD
            | Classes::INSTITUTION
            | Classes::MEMBER_NOUN
            | Classes::PERSON_NOUN,
    ) || lexicon::has_singular_person_ending(lemma)
}

/// "one of his advisers", "some of the experts", "a number of economists", "dozens of
/// lawmakers": a part of the group after "of" — vague, or anonymous if the group is insiders.
/// Whether the phrase `lead..=last` is a share counted in percent before any "of": a figure of
/// a poll, not people.
pub(super) fn is_share(s: &Sent, lead: usize, last: usize) -> bool {
    // ("42%": the sign is a token of its own; "six in 10", a ratio.)
    (lead..=last.min(lead + 3))
        .take_while(|&j| (s.word(j) || s.text(j) == "%") && !s.is(j, "of"))
        .any(|j| matches!(s.lower(j), "percent" | "cent" | "%") || s.lower(j).ends_with('%'))
        || super::phrase::is_ratio(s, lead, last)
}

fn of_phrase(s: &Sent, lead: usize, last: usize) -> Option<Class> {
    let of = (lead + 1..=last.min(lead + 3)).find(|&j| s.is(j, "of"))?;
    let partitive = (lead..of).all(|j| {
        s.has(
            j,
            Classes::QUANTIFIER | Classes::NUMBER | Classes::VAGUE_PRONOUN,
        ) || matches!(
            s.lower(j),
            "a" | "one"
                | "number"
                | "chorus"
                | "handful"
                | "majority"
                | "lot"
                | "host"
                | "couple"
                | "group"
                | "few"
                | "none"
        )
    });
    if !partitive || of == last {
        return None;
    }
    let inner = classify(s, of + 1..=last);
    let single = s.is(lead, "one") || s.is(lead, "a") && s.is(lead + 1, "group");
    Some(match inner {
        Class::Anonymous(a) => Class::Anonymous(Anonymous {
            reference: false,
            ..a
        }),
        // "one of them": a member of a group named before.
        Class::Pronoun => Class::Pronoun,
        // "one of many analysts", "a group of doctors": one party picked out, unnamed.
        Class::Named | Class::Collective | Class::Vague if single => {
            anonymous(s, lead, lead..=last, false)
        }
        Class::Named => Class::Vague,
        Class::Data => Class::Data,
        _ => Class::Vague,
    })
}

/// The head noun of `lead..=last`: the word before its first modifier ("officials at the
/// ministry", "a source familiar with …", "advisers to Mr. Obama"), else its last word.
fn head(s: &Sent, lead: usize, last: usize) -> usize {
    (lead + 1..=last)
        .find(|&j| opens_modifier(s, j))
        .map_or(last, |j| j - 1)
}

fn opens_modifier(s: &Sent, j: usize) -> bool {
    // "protesters marching through the streets": a participle after a noun, not after "the".
    let participle = j > 0
        && s.lower(j).ends_with("ing")
        && !s.capitalized(j)
        && !s.has(j - 1, Classes::DETERMINER);
    // "a resident reached by telephone", "rebels backed by Ankara": a past participle after a
    // noun and before a preposition ("three unnamed officials", "Republican elected officials":
    // an adjective). (A speaker's phrase holds no verb of its own: the form tells.)
    let past = j > 0
        && s.lower(j).ends_with("ed")
        && s.opens_postmodifier(j + 1)
        && !s.capitalized(j)
        && s.word(j - 1)
        && !s.has(j - 1, Classes::DETERMINER | Classes::NUMBER);
    // ("the Reuters/Ipsos poll": a slash joins two words of one name.)
    s.has(j, Classes::POSTMODIFIER)
        || !s.word(j) && !super::phrase::joins(s, j)
        || participle
        || past
}

/// "Citizens for Tax Justice", "Doctors Without Borders", "Veterans Against the War": a
/// capitalised group of people followed by "for", "without" or "against" and a capitalised
/// word is the name of a body that speaks for itself, not a vague crowd.
fn campaign_name(s: &Sent, head: usize, last: usize) -> bool {
    let connector = head + 1;
    s.capitalized(head)
        && connector < last
        && (s.is(connector, "for") || s.is(connector, "without") || s.is(connector, "against"))
        && (connector + 1..=last)
            .find(|&j| !s.has(j, Classes::DEFINITE))
            .is_some_and(|j| s.capitalized(j))
}

/// "state media", "government media": the official press, which readers know.
/// "state media", "state news media", "government media": the official press, which readers
/// know.
fn official_media(s: &Sent, head: usize) -> bool {
    s.is(head, "media")
        && (head.saturating_sub(2)..head).any(|k| {
            matches!(
                s.lower(k),
                "state" | "government" | "official" | "pro-government"
            )
        })
}

fn anonymous(s: &Sent, head: usize, words: RangeInclusive<usize>, reference: bool) -> Class {
    let described = words
        .clone()
        .any(|j| j != head && s.word(j) && !s.has(j, Classes::UNDESCRIPTIVE) && !s.adverb(j));
    Class::Anonymous(Anonymous {
        lemma: lexicon::singular(s.lower(head)).into_owned(),
        described,
        explained: false,
        reference,
    })
}
