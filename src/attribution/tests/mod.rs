use super::*;

/// (source words, class name) of every attribution of `s`, one sentence.
fn relations(s: &str) -> Vec<(String, &'static str)> {
    attributions(s, 0..s.len())
        .into_iter()
        .map(|a| (s[a.speaker].to_string(), a.class.name()))
        .collect()
}

fn first(s: &str) -> (String, &'static str) {
    relations(s)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no attribution in {s:?}"))
}

fn class(s: &str) -> &'static str {
    first(s).1
}

#[test]
fn named_sources() {
    assert_eq!(
        first("Haddad said the talks failed."),
        ("Haddad".into(), "named")
    );
    assert_eq!(
        first("The talks failed, Enab Baladi reports."),
        ("Enab Baladi".into(), "named")
    );
    assert_eq!(
        first("“We will stay,” said Samir Haddad."),
        ("Samir Haddad".into(), "named")
    );
    assert_eq!(
        class("The head of the body, Samir Haddad, said no."),
        "named"
    );
    assert_eq!(class("He told reporters it was over."), "pronoun");
    assert_eq!(
        first("From Nasser’s point of view, the plan is dead."),
        ("Nasser’s".into(), "named")
    );
    assert_eq!(class("According to the UN, aid is late."), "named");
    assert_eq!(class("The delegation stressed unity."), "collective");
    assert_eq!(
        class("Foreign Ministry spokesman Ahmad Khalil said no."),
        "named"
    );
    assert_eq!(class("A spokesman, Ahmad Khalil, said it failed."), "named");
    assert_eq!(class("The meeting was reported by SANA."), "named");
    // A group of people with a capitalised cause is a body's name, not a crowd.
    assert_eq!(
        class("Physicians for Human Rights says the hospital was struck."),
        "collective"
    );
    assert_eq!(
        class("Doctors Without Borders reported 40 wounded."),
        "collective"
    );
    assert_eq!(
        class("Veterans Against the War oppose the deployment."),
        "named"
    );
}

#[test]
fn vague_sources() {
    assert_eq!(class("Observers say the talks failed."), "vague");
    assert_eq!(
        first("The talks, according to Western diplomats, failed."),
        ("Western diplomats".into(), "vague")
    );
    assert_eq!(class("Some say it failed."), "vague");
    assert_eq!(class("Some observers believe it failed."), "vague");
    assert_eq!(class("There are those who doubt it."), "vague");
    assert_eq!(relations("Media reports say it failed.").len(), 1);
    assert_eq!(class("Doctors for years warned of it."), "vague");
    // Verbs of judging, foreseeing and restating are cues like "believe" and "say".
    assert_eq!(
        class("Few analysts imagined the army would fold so fast."),
        "vague"
    );
    assert_eq!(class("Some critics deem the vote a sham."), "vague");
    assert_eq!(
        class("Many diplomats underestimated the envoy's resolve."),
        "vague"
    );
    assert_eq!(
        class("Some lawmakers reaffirmed their opposition to the deal."),
        "vague"
    );
    assert_eq!(class("Observers hailed the ceasefire."), "vague");
    // A base form after a pronoun of no one in particular is the group's verb.
    assert_eq!(
        first("Some view the deal as a surrender."),
        ("Some".into(), "vague")
    );
    assert_eq!(
        first("No one forecast the collapse of the army."),
        ("No one".into(), "vague")
    );
    // The people a verb of feeling moves hold the stance.
    assert_eq!(class("The decision stunned many residents."), "vague");
    assert_eq!(
        class("The letter annoyed administration officials in Ankara."),
        "anonymous"
    );
    // A judge's finding is a cue; "determined to" is resolve, no finding.
    assert_eq!(
        class("A federal judge determined that the records were hidden."),
        "anonymous"
    );
    assert!(relations("Republicans determined to stop him met in Tampa.").is_empty());
    // "Someone" is one unnamed person, not a crowd; a negated "be" holds a stance too.
    assert_eq!(
        first("It seems someone told the minister the army would not fight."),
        ("someone".into(), "anonymous")
    );
    assert_eq!(
        class("Someone familiar with the talks said they had stalled."),
        "anonymous"
    );
    assert_eq!(
        first("City officials aren’t sure how to stop the convoys."),
        ("City officials".into(), "anonymous")
    );
    assert_eq!(
        class("Diplomats weren't convinced the truce would hold."),
        "vague"
    );
}

#[test]
fn anonymous_sources() {
    let anon = |s: &str| match first(s).1 {
        "anonymous" | "anonymous-explained" => attributions(s, 0..s.len())
            .into_iter()
            .find_map(|a| match a.class {
                Class::Anonymous(x) => Some((x.lemma, x.described, x.reference)),
                _ => None,
            })
            .unwrap(),
        other => panic!("{s:?} is {other}"),
    };
    assert_eq!(
        anon("A source said the talks failed."),
        ("source".into(), false, false)
    );
    assert_eq!(
        anon("According to a ministry official, the talks failed."),
        ("official".into(), true, false)
    );
    assert_eq!(
        first("A source familiar with the talks told Enab Baladi the plan failed."),
        ("A source familiar with the talks".into(), "anonymous")
    );
    assert_eq!(
        anon("An expert on regional affairs says it failed."),
        ("expert".into(), true, false)
    );
    assert_eq!(
        anon("Officials said it failed."),
        ("official".into(), false, false)
    );
    assert_eq!(
        anon("The source added that it failed."),
        ("source".into(), false, true)
    );
    assert_eq!(
        anon("“It failed,” said a senior official."),
        ("official".into(), false, false)
    );
    assert_eq!(
        class("A senior official, who asked not to be named, said it failed."),
        "anonymous-explained"
    );
}

#[test]
fn not_attributions() {
    assert!(relations("It is said that the talks failed.").is_empty());
    assert!(relations("Haddad is said to be angry.").is_empty());
    assert!(relations("Damascus agreed to attend the talks.").is_empty());
    assert!(relations("The envoy is going to say that the talks failed.").is_empty());
    assert!(relations("The envoy tried to find a compromise before the vote.").is_empty());
    assert!(relations("Residents of the camp came to speak to the envoy.").is_empty());
    assert!(relations("The new governor met the envoy after assuming his post.").is_empty());
    // Adding to a thing is no statement; adding words to somebody is.
    assert!(
        relations("The rebels took two villages, adding to their gains in the north.").is_empty()
    );
    assert!(relations("The strike only added to the uncertainty over the talks.").is_empty());
    // A past form between a count and its noun is an adjective; finding a thing is no finding.
    assert!(relations("Haddad has won 271 pledged seats so far.").is_empty());
    assert!(relations("On the portal you will find a list of every crossing.").is_empty());
    // A document that is the subject has no author in its sentence.
    assert!(relations("A letter calling for calm was read out in the mosque.").is_empty());
    // Only a document's participle is its author's: "its openness to opposing views" is not.
    assert_eq!(
        relations(
            "An aide to the envoy, Rana Khatib, praised the channel for its openness to opposing views."
        ),
        [("An aide to the envoy, Rana Khatib".into(), "named")]
    );
    assert_eq!(
        first("Haddad added to reporters that the talks would resume."),
        ("Haddad".into(), "named")
    );
    // A share after "compared to" is no subject.
    assert!(relations(
        "The monitor rated 32% of government claims as false, compared to 11% of Opposition claims."
    )
    .iter()
    .all(|(source, _)| !source.starts_with("compared")));
    assert!(relations("").is_empty());
}

#[test]
fn speaking_is_an_attribution_only_with_what_was_spoken_of() {
    assert!(relations("The envoy spoke to reporters in Geneva on Monday.").is_empty());
    assert!(relations("The minister spoke for about 40 minutes.").is_empty());
    assert_eq!(
        relations("The envoy spoke to Al-Watan about the detainees."),
        [("The envoy".into(), "named")]
    );
}

#[test]
fn a_view_after_an_opening_clause_is_the_articles_to_report() {
    // The main clause after "Though …," or "Even after …," is no part of what was pledged.
    assert_eq!(
        relations(
            "Though the minister pledged to reopen the crossing, some aid workers remained skeptical that it would happen."
        ),
        [
            ("the minister".into(), "named"),
            ("some aid workers".into(), "vague")
        ]
    );
    assert_eq!(
        relations(
            "Even after the envoy promised to return, many residents stayed doubtful that the truce would hold."
        )[1],
        ("many residents".into(), "vague")
    );
}

#[test]
fn a_name_given_to_a_thing_is_no_call() {
    assert!(
        relations("Residents formed a committee called Bridges of Aleppo to run the bakery.")
            .is_empty()
    );
    // A participle saying which report it is: the report found, it released nothing.
    assert_eq!(
        relations("A report released on Monday found that the camps were full."),
        [("A report released on Monday".into(), "data")]
    );
    // Finding oneself somewhere, a way or a thing, or founding one, finds no fact.
    assert!(relations("The envoy found himself in an awkward position in Geneva.").is_empty());
    assert!(relations("The council found a way to reopen the crossing.").is_empty());
    assert!(relations("Haddad helped found the relief committee in 2013.").is_empty());
    // What is likely is no one's view either.
    assert!(relations("The plan is sure to anger the opposition.").is_empty());
}

#[test]
fn negated_after_an_adverb() {
    let s = "The ministry did not immediately respond to a request for comment.";
    let a = &attributions(s, 0..s.len())[0];
    assert_eq!(&s[a.cue.clone()], "did not immediately respond");
    assert!(a.negated);
}

#[test]
fn cue_and_content() {
    let s = "Western diplomats have repeatedly argued that the plan is dead.";
    let a = &attributions(s, 0..s.len())[0];
    assert_eq!(&s[a.cue.clone()], "have repeatedly argued");
    assert_eq!(&s[a.content.clone()], "the plan is dead");
    let s = "“The plan is dead,” said one aide.";
    let a = &attributions(s, 0..s.len())[0];
    assert_eq!(&s[a.cue.clone()], "said");
    assert_eq!(&s[a.content.clone()], "“The plan is dead,”");
    let s = "According to Western and regional diplomats, the plan is dead.";
    let a = &attributions(s, 0..s.len())[0];
    assert_eq!(&s[a.speaker.clone()], "Western and regional diplomats");
    assert_eq!(&s[a.content.clone()], "the plan is dead");
    // After a comma, a speaker whose verb ends the sentence with when, where or to whom says
    // what came before; a clause after the verb is still what is said.
    for s in [
        "The crossing will reopen, the governor said on Tuesday.",
        "The crossing will reopen, he told reporters in Gaziantep.",
    ] {
        let a = &attributions(s, 0..s.len())[0];
        assert_eq!(&s[a.content.clone()], "The crossing will reopen", "{s}");
    }
    let s = "On Tuesday, the governor said the crossing would reopen.";
    let a = &attributions(s, 0..s.len())[0];
    assert_eq!(&s[a.content.clone()], "the crossing would reopen");
}

#[test]
fn relative_pronoun_speakers() {
    // A relative pronoun after a name or a body is the source, as a "he" would be.
    assert_eq!(
        first("The talks ended with a statement from Geir Pedersen, who said the committee would meet again."),
        ("who".into(), "pronoun")
    );
    assert_eq!(
        first("The pledge came from the Syrian Red Crescent, which said its convoys were ready."),
        ("which".into(), "pronoun")
    );
    // An unnamed or vague one is kept, to be flagged where it stands.
    assert_eq!(
        first("Reporters reached a defector who said the shelling resumed at dawn."),
        ("a defector".into(), "anonymous")
    );
    assert_eq!(
        relations("The plan is opposed by many analysts who say it rewards the siege."),
        vec![("many analysts".into(), "vague"); 2]
    );
}

#[test]
fn a_clause_after_said_is_what_is_said() {
    // The words after "said" have their own verb: the speaker is the subject before it.
    for s in [
        "Karim Haddad, a lawyer for the families, said he hadn't seen the convoy.",
        "Karim Haddad, a lawyer for the families, said the convoy hadn’t arrived.",
        "Karim Haddad, a lawyer for the families, said he expects more arrests.",
        "Karim Haddad, a lawyer for the families, said the ''reconciliation'' deals had failed.",
    ] {
        assert_eq!(first(s).0, "Karim Haddad, a lawyer for the families", "{s}");
    }
}

#[test]
fn a_dateline_is_no_subject() {
    assert_eq!(
        relations(
            "BEIRUT (Reuters) - Syria's foreign minister rejected the proposal on Sunday, saying it ignored the sovereignty of the state."
        ),
        vec![("Syria's foreign minister".into(), "named"); 2]
    );
    assert_eq!(
        relations("DAMASCUS, March 4 — The government extended the amnesty, saying the decree would cover deserters."),
        vec![("The government".into(), "named")]
    );
}

#[test]
fn labels_tallies_and_modifiers_are_no_attributions() {
    // A colon after a label or before a count opens no one's words.
    assert!(relations("CORRECTION:").is_empty());
    assert!(relations("Pedersen: 1,204.").is_empty());
    assert_eq!(
        first("PEDERSEN: The committee will meet again in Geneva."),
        ("PEDERSEN".into(), "named")
    );
    // A participle that is never a past tense describes a noun.
    assert!(
        relations("The body, known in Idlib as the Salvation Government, runs the crossing.")
            .is_empty()
    );
    assert!(relations("The envoy met a faction seen by many in Ankara as a proxy.").is_empty());
    // "back" with no object after it is an adverb.
    assert!(relations("Hours later the minister took it back.").is_empty());
    assert!(relations("The shelling drove them back from the river.").is_empty());
}

/// The shapes of attribution in `tests/corpus/attribution-shapes.tsv`, sentences written for
/// dossier: each one's first attribution has the expected source words and class.
#[test]
fn a_state_is_a_view_only_when_someone_holds_it() {
    // "It" opening the clause stands for what follows.
    assert!(relations("It is doubtful that the talks will resume in May.").is_empty());
    assert!(relations("But it became clear that the talks had failed.").is_empty());
    // "Clear" is a stance only before what someone made clear.
    assert!(relations("The road to Aleppo was clear by noon.").is_empty());
    assert!(relations("The council made clear progress on the water plan.").is_empty());
}

#[test]
fn citing_a_reason_is_the_subjects_word() {
    assert_eq!(
        relations("The council withdrew the bill, citing legal risks and the cost."),
        [("The council".into(), "named")]
    );
    assert_eq!(
        relations("Citing the attack on its convoy, Ankara closed the crossing."),
        [("Ankara".into(), "named")]
    );
    assert!(
        relations("The paper, citing a senior official, said the talks had failed.")
            .contains(&("a senior official".into(), "anonymous"))
    );
    assert_eq!(
        class("The agency cut its estimate, citing data from the UN refugee agency."),
        "named"
    );
    // Whoever cites speaks too: the wire reported it, on the word of an unnamed official.
    let both = relations("The wire reported, citing an unnamed official, that the road was shut.");
    assert!(both.contains(&("an unnamed official".into(), "anonymous")));
    assert!(both.contains(&("The wire".into(), "collective")));
    // ("…,” the envoy said, citing …": who spoke just before cites.)
    assert!(
        relations("“It has changed,” the country's envoy said, citing the release of prisoners.")
            .iter()
            .filter(|(who, _)| who == "the country's envoy")
            .count()
            == 2
    );
}

#[test]
fn an_opening_participle_or_gerund() {
    // A participle opening the sentence is said by the main clause's subject…
    assert_eq!(
        relations("Insisting that the border stay shut, the governor turned the trucks back."),
        [("the governor".into(), "named")]
    );
    // …but a gerund that is the subject says nothing, whoever speaks after it.
    assert!(!relations(
        "Holding the crossing is beyond the army's means, said a handful of officers."
    )
    .iter()
    .any(|(who, _)| who.starts_with("said")));
    assert!(relations("Criticizing the police will alienate moderates.").is_empty());
    // A time placed by "the" or "one" is no speaker; a count after them is people.
    assert_eq!(
        first("The day before, in Homs, the governor was blunt, saying the rebels had fled."),
        ("the governor".into(), "named")
    );
    assert_eq!(
        first("The two admit that the gap is wide."),
        ("The two".into(), "collective")
    );
    assert_eq!(
        first("One in three said the council does not care."),
        ("One in three".into(), "anonymous")
    );
}

#[test]
fn with_a_subject_and_a_participle_is_a_clause_of_its_own() {
    assert_eq!(
        relations("The talks broke up, with Moscow insisting the crossing stay closed."),
        [("Moscow".to_string(), "named")]
    );
    assert_eq!(
        relations("Turnout was low, with many residents saying they feared reprisals."),
        [("many residents".to_string(), "vague")]
    );
    // Not after a phrase with a verb of its own, nor a participle with nothing after it, nor
    // one that modifies the noun after it.
    for s in [
        "The envoy met with local reporters and made several statements supporting the plan.",
        "The count ended at dawn, with all districts reporting.",
        "She arrives with a key speaking slot on Monday.",
    ] {
        assert!(relations(s).is_empty(), "{s}");
    }
}

#[test]
fn a_headline_names_its_speaker_before_a_colon() {
    // (Each text a headline and the story's first sentence.)
    let first = |text: &str| {
        attributions(text, 0..text.find('\n').unwrap())
            .into_iter()
            .next()
            .map(|a| (text[a.speaker].to_string(), a.class))
    };
    let body =
        "\n\nGENEVA - The UN envoy, Geir Pedersen, told reporters that the talks would resume.";
    let (source, class) = first(&format!("UN envoy: talks to resume in Geneva.{body}")).unwrap();
    // A headline's role is the story's named person: no unnamed source to flag.
    assert!(source == "UN envoy" && matches!(class, Class::Anonymous(a) if a.reference));
    let (source, class) = first(&format!("Insiders: talks to resume in Geneva.{body}")).unwrap();
    assert_eq!((source.as_str(), class.name()), ("Insiders", "vague"));
    let (source, class) = first(&format!("Pedersen on Idlib: talks to resume.{body}")).unwrap();
    assert_eq!((source.as_str(), class.name()), ("Pedersen", "named"));
    // Labels and titles are no speakers; nor is a clause with its verb.
    for headline in [
        "The Geneva Files: talks to resume.",
        "Editor's Note: talks to resume in Geneva.",
        "Pedersen meets Syrian delegates: talks to resume.",
    ] {
        assert_eq!(first(&format!("{headline}{body}")), None, "{headline}");
    }
    // A credit line or a flash opens with a participle, a label; a transcript's speaker is
    // a name, in capitals or not.
    assert!(relations("Contributing: Rana Khatib in Beirut.").is_empty());
    assert!(relations("Breaking: Talks Collapse in Geneva.").is_empty());
    assert_eq!(
        relations("Fleming: We will not go back to Geneva."),
        [("Fleming".into(), "named")]
    );
}

#[test]
fn shapes_of_attribution() {
    let table = include_str!("../../../tests/corpus/attribution-shapes.tsv");
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [class, source, sentence] = line.splitn(3, '\t').collect::<Vec<_>>()[..] else {
            panic!("bad line {line:?}");
        };
        n += 1;
        let got = relations(sentence);
        if !got.iter().any(|(s, c)| s == source && *c == class) {
            wrong.push(format!(
                "{sentence}\n  want {class} “{source}”, got {got:?}"
            ));
        }
    }
    assert!(n >= 30, "{n} shapes");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn any_verb_before_a_comma_may_frame_a_quotation() {
    // As the rules find them: only sentences holding a cue word are parsed.
    let s = "The envoy spoke about the camps for an hour. He continued, “We will stay in Aleppo.”";
    let found: Vec<String> = crate::rules::attributions(s)
        .into_iter()
        .map(|a| s[a.speaker].to_string())
        .collect();
    assert_eq!(found, ["The envoy", "He"]);
}

#[test]
fn what_typewriter_quotation_marks_quote_is_no_attribution_of_the_article() {
    // ('' … '' in some newspapers' archives; the words quoted inside are the speaker's.)
    let s = "''They told us, 'Wait for the convoy,''' said Rami Khoury, a driver. ''Nobody has \
             told us why.''";
    let found: Vec<String> = crate::rules::attributions(s)
        .into_iter()
        .map(|a| s[a.speaker].to_string())
        .collect();
    assert_eq!(found, ["Rami Khoury, a driver"]);
}

mod cue_words;

proptest::proptest! {
    /// A verb frames a quotation only where `Sent::quoting` says one may be framed.
    #[test]
    fn no_quotation_is_framed_where_none_may_be(
        raw in "((he|She|continued|adds|said|went|on|[a-z]{1,6}|[“”\":,.]) ?){0,14}",
    ) {
        let (low, words) = super::tokens::read_alone(&raw);
        let s = super::tokens::Sent::new(&raw, &low, 0..raw.len(), &words);
        for i in 0..s.len() {
            let framed = super::source::frames_quotation(&s, i);
            proptest::prop_assert!(s.quoting || !framed, "{i} in {raw:?}");
        }
    }
}

#[test]
fn asking_that_ones_name_be_withheld_is_no_attribution() {
    let s = "Several of the families asked that their names be withheld for fear of reprisals.";
    assert_eq!(relations(s), vec![]);
}

#[test]
fn a_participle_after_a_verb_framing_a_quotation_has_its_speaker() {
    let s = "“We will not leave,” the envoy continued, adding that the talks would resume.";
    let envoy = ("the envoy".to_string(), "named");
    assert_eq!(relations(s), vec![envoy.clone(), envoy]);
}

#[test]
fn one_source_with_an_apposition_for_two_verbs() {
    // Read once with the apposition (the first verb's subject) and once without (the clause's
    // subject the participle hangs on): one source all the same, and two relations.
    let source = "Rana Khatib, a teacher from Homs";
    assert_eq!(
        relations("Rana Khatib, a teacher from Homs, praised the deal, saying it was overdue."),
        vec![(source.into(), "named"), (source.into(), "named")]
    );
}

/// (More times in `tests/corpus/attribution-shapes.tsv`.)
#[test]
fn a_time_set_off_by_commas_is_no_source() {
    assert_eq!(
        relations("The mayor vowed to reopen the crossing, and he, once again, promised that aid would flow.")[1],
        ("he".into(), "pronoun")
    );
}

#[test]
fn a_plural_noun_after_a_count_is_no_verb() {
    assert_eq!(
        relations("The campaign in Deir ez-Zor runs on a radio station and a few tweets."),
        vec![]
    );
    assert_eq!(
        first("Two aid workers say the convoy was turned back."),
        ("Two aid workers".into(), "vague")
    );
}

#[test]
fn a_coordinated_verb_keeps_the_subject_of_its_clause() {
    assert_eq!(
        relations("Farmers in Hama distrust the governor because he favors the traders and opposes any subsidy."),
        vec![("he".into(), "pronoun"), ("he".into(), "pronoun")]
    );
    // (No cue in the clause of "as", or a preposition's "because of": the sentence's subject
    // speaks, as `tests/corpus/attribution-shapes.tsv` has it.)
}

#[test]
fn a_participle_and_its_agent_tell_which_group() {
    // "backed" is no verb of the militias: the verb after its agent is.
    assert_eq!(
        relations("Militias backed by Tehran have denied the charge."),
        vec![("Militias backed by Tehran".into(), "vague")]
    );
    // "briefed" tells which diplomat: one relation, not two.
    assert_eq!(
        relations("A diplomat briefed on the talks said Moscow would not budge."),
        vec![("A diplomat briefed on the talks".into(), "anonymous")]
    );
    // "issued" is the council's verb: a statement is no preposition.
    assert_eq!(
        first("The council issued a statement calling the test a violation."),
        ("The council".into(), "named")
    );
    // ("the people they refuse to name": the cue has a subject of its own.)
    assert_eq!(
        relations("The raids were carried out by the very people they refuse to name."),
        vec![("they".into(), "pronoun")]
    );
}

#[test]
fn a_common_plural_opening_a_sentence_is_a_name_only_if_written_so_inside_one() {
    assert_eq!(first("Hostages said they were moved twice.").1, "vague");
    assert_eq!(
        first("Woods said the vote was fair. The council thanked Woods for the count.").1,
        "named"
    );
}

#[test]
fn a_reason_in_the_next_sentence_is_the_sources_only_if_it_refers_back() {
    let class_with = |next: &str| {
        let text = format!("A security source said three fighters were arrested. {next}");
        let first = text.find('.').unwrap() + 1;
        let low = text.to_ascii_lowercase();
        let mut words = Vec::new();
        lexicon::reader::read(&text, &low, 0..first, &mut words);
        attributions_in(&text, &low, &words, 0..first, Some(first + 1..text.len()))[0]
            .class
            .name()
    };
    assert_eq!(
        class_with("He was not authorised to speak to the press."),
        "anonymous-explained"
    );
    assert_eq!(
        class_with("Another source, who asked not to be named, said the council had split."),
        "anonymous"
    );
}
