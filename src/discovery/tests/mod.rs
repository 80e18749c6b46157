//! One test per introduction pattern, then the negatives. All people are made up.

use super::*;

/// The introductions of `text` as (name, role, surname).
fn found(text: &str) -> Vec<(&str, String, String)> {
    introduced(text, &[])
        .into_iter()
        .map(|i| (&text[i.name], i.role, i.surname))
        .collect()
}

/// The one introduction of `text`, as (name, role, surname).
#[track_caller]
fn one(text: &str) -> (&str, String, String) {
    let mut all = found(text);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.remove(0)
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(found(text), vec![], "{text:?}");
}

/// Whoever `text` introduces, it gives them no role.
#[track_caller]
fn no_role(text: &str) {
    let roles: Vec<String> = found(text).into_iter().map(|(_, r, _)| r).collect();
    assert!(roles.iter().all(String::is_empty), "{text:?}: {roles:?}");
}

#[track_caller]
fn check(text: &str, name: &str, role: &str, surname: &str) {
    let (n, r, s) = one(text);
    assert_eq!(
        (n, r.as_str(), s.as_str()),
        (name, role, surname),
        "{text:?}"
    );
}

#[test]
fn a_suffix_after_the_name_is_no_part_of_it() {
    check(
        "The mediator, Hassan K. Darwish Jr., arrived in Beirut on Monday.",
        "Hassan K. Darwish",
        "The mediator",
        "Darwish",
    );
}

#[test]
fn apposition_before_the_name() {
    check(
        "Former Lebanese minister of finance, Karim Haddad, says the plan has failed.",
        "Karim Haddad",
        "Former Lebanese minister of finance",
        "Haddad",
    );
    check(
        "In Geneva, the head of the negotiating body, Samir Haddad, warned that talks had stalled.",
        "Samir Haddad",
        "the head of the negotiating body",
        "Haddad",
    );
    // The clause may end the sentence: "said the adviser to the president, Name."
    check(
        "The offer was rejected, said the adviser to the president, Layla Nasser.",
        "Layla Nasser",
        "the adviser to the president",
        "Nasser",
    );
    // A clause describing the body is passed over.
    check(
        "The head of the Syrian Business Council, a body close to the government, Samir Haddad, \
         warned of shortages.",
        "Samir Haddad",
        "The head of the Syrian Business Council",
        "Haddad",
    );
    // Two introductions in one sentence; the second role stops at "and".
    assert_eq!(
        found(
            "The head of the council, Karim Haddad, and the finance minister, Layla Nasser, met \
             on Monday."
        ),
        vec![
            (
                "Karim Haddad",
                "The head of the council".to_owned(),
                "Haddad".to_owned()
            ),
            (
                "Layla Nasser",
                "the finance minister".to_owned(),
                "Nasser".to_owned()
            ),
        ]
    );
}

#[test]
fn apposition_after_the_name() {
    check(
        "Layla Nasser, President of the Syrian Business Council, said exports had fallen.",
        "Layla Nasser",
        "President of the Syrian Business Council",
        "Nasser",
    );
    check(
        "Karim Haddad, a businessman close to the government, bought the hotel.",
        "Karim Haddad",
        "a businessman close to the government",
        "Haddad",
    );
    check(
        "Samir Haddad, Lebanon’s envoy to the UN, said the vote was postponed.",
        "Samir Haddad",
        "Lebanon’s envoy to the UN",
        "Haddad",
    );
    check(
        "\"No,\" said Samir Haddad, head of a detainees' association based in Gaziantep.",
        "Samir Haddad",
        "head of a detainees' association based in Gaziantep",
        "Haddad",
    );
    check(
        "The delegation met Layla Nasser, a lawyer.",
        "Layla Nasser",
        "a lawyer",
        "Nasser",
    );
    // A role written after the name wins over a clause before it that names someone else's.
    check(
        "In a letter to the envoy, Karim Haddad, an economist, said the figures were wrong.",
        "Karim Haddad",
        "an economist",
        "Haddad",
    );
}

#[test]
fn titles_before_the_name() {
    check(
        "The talks were hosted by businessman Karim Haddad at his villa.",
        "Karim Haddad",
        "businessman",
        "Haddad",
    );
    check(
        "Syrian Business Council head Samir Haddad said the sanctions hurt traders.",
        "Samir Haddad",
        "Syrian Business Council head",
        "Haddad",
    );
    check(
        "The plan was drafted by the adviser to the Syrian Negotiations Commission Karim Haddad \
         last year.",
        "Karim Haddad",
        "the adviser to the Syrian Negotiations Commission",
        "Haddad",
    );
    check(
        "Former Lebanese Prime Minister Karim Haddad arrived on Monday.",
        "Karim Haddad",
        "Former Lebanese Prime Minister",
        "Haddad",
    );
    check(
        "The delegation met UN Special Envoy Layla Nasser in Geneva.",
        "Layla Nasser",
        "UN Special Envoy",
        "Nasser",
    );
    check(
        "He spoke to Beirut-based lawyer Samir Haddad.",
        "Samir Haddad",
        "Beirut-based lawyer",
        "Haddad",
    );
    // At the start of a sentence, the occupation is capitalised and runs into the name.
    check(
        "Businessman Karim Haddad denied the report.",
        "Karim Haddad",
        "Businessman",
        "Haddad",
    );
    check(
        "He met European Union foreign policy chief Karim Haddad.",
        "Karim Haddad",
        "European Union foreign policy chief",
        "Haddad",
    );
    check(
        "The then foreign minister Karim Haddad signed the deal.",
        "Karim Haddad",
        "The then foreign minister",
        "Haddad",
    );
    check(
        "Secretary of State Layla Nasser flew to Ankara.",
        "Layla Nasser",
        "Secretary of State",
        "Nasser",
    );
    // A possessive is no part of the name.
    check(
        "Foreign Minister Karim Haddad’s visit was cancelled.",
        "Karim Haddad",
        "Foreign Minister",
        "Haddad",
    );
    check(
        "Foreign Minister Karim Haddad's visit was cancelled.",
        "Karim Haddad",
        "Foreign Minister",
        "Haddad",
    );
}

#[test]
fn titles_are_not_part_of_the_name() {
    check(
        "Dr Layla Nasser, the head of the Damascus Centre for Studies, said the survey was new.",
        "Layla Nasser",
        "the head of the Damascus Centre for Studies",
        "Nasser",
    );
    check(
        "Dr. Karim Haddad, a researcher, disagreed.",
        "Karim Haddad",
        "a researcher",
        "Haddad",
    );
    check(
        "The panel included Prof. Samir Haddad, an economist.",
        "Samir Haddad",
        "an economist",
        "Haddad",
    );
    check(
        "The head of the council, Mrs Layla Nasser, resigned.",
        "Layla Nasser",
        "The head of the council",
        "Nasser",
    );
    // Titles that are roles are the role.
    check(
        "Sheikh Karim Haddad addressed the tribes.",
        "Karim Haddad",
        "Sheikh",
        "Haddad",
    );
    check(
        "Gen. Samir Haddad denied it.",
        "Samir Haddad",
        "Gen.",
        "Haddad",
    );
    check(
        "General Samir Haddad denied it.",
        "Samir Haddad",
        "General",
        "Haddad",
    );
    // A title alone is no role.
    no_role("Dr Karim Haddad said the survey was new.");
    no_role("Mr. Karim Haddad declined to comment.");
}

#[test]
fn particles_hyphens_apostrophes_and_letters() {
    check(
        "businessman Samir al-Hassan bought the hotel.",
        "Samir al-Hassan",
        "businessman",
        "al-Hassan",
    );
    check(
        "businessman Samir Al-Hassan bought the hotel.",
        "Samir Al-Hassan",
        "businessman",
        "Al-Hassan",
    );
    check(
        "businessman Samir al Hassan bought the hotel.",
        "Samir al Hassan",
        "businessman",
        "al Hassan",
    );
    check(
        "activist Karim bin Haddad was released.",
        "Karim bin Haddad",
        "activist",
        "bin Haddad",
    );
    check(
        "The envoy, Layla de Nasser, arrived.",
        "Layla de Nasser",
        "The envoy",
        "de Nasser",
    );
    check(
        "journalist Karim Abdul-Aziz Haddad was detained.",
        "Karim Abdul-Aziz Haddad",
        "journalist",
        "Haddad",
    );
    check(
        "cleric Samir Ma’arouf preached.",
        "Samir Ma’arouf",
        "cleric",
        "Ma’arouf",
    );
    check(
        "cleric Samir Ma'arouf preached.",
        "Samir Ma'arouf",
        "cleric",
        "Ma'arouf",
    );
    check(
        "analyst Selim Yıldız Öztürk disagreed.",
        "Selim Yıldız Öztürk",
        "analyst",
        "Öztürk",
    );
    check(
        "The commander, Abu Karim al-Haddadi, was killed.",
        "Abu Karim al-Haddadi",
        "The commander",
        "al-Haddadi",
    );
    // Four capitalised words at most.
    check(
        "lawyer Karim Samir Nabil Haddad spoke.",
        "Karim Samir Nabil Haddad",
        "lawyer",
        "Haddad",
    );
    none("lawyer Karim Samir Nabil Fadi Haddad spoke.");
}

#[test]
fn ranges_and_order() {
    let text = "“Karim Haddad, a lawyer,” she said. Then businessman Karim Haddad left.";
    let all = introduced(text, &[]);
    assert_eq!(all.len(), 2);
    assert!(all[0].name.start < all[1].name.start);
    assert_eq!(&text[all[0].name.clone()], "Karim Haddad");
    assert_eq!(&text[all[1].name.clone()], "Karim Haddad");
    assert_eq!(all[1].role, "businessman");
    // Offsets count across lines.
    let text = "Headline without a stop\n\nThe lawyer, Layla Nasser, objected.\n";
    let all = introduced(text, &[]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name.start, text.find("Layla").unwrap());
}

#[test]
fn organisations_are_not_people() {
    none("The head of the Syrian Business Council, a body close to the government, said so.");
    none("The head of the Syrian Business Council said so.");
    none("the adviser to the Syrian Negotiations Commission said so.");
    for last in [
        "Council",
        "Committee",
        "Commission",
        "Coalition",
        "Ministry",
        "Army",
        "Front",
        "Forces",
        "Party",
        "Union",
        "University",
        "Institute",
        "Agency",
        "Centre",
        "Center",
        "Bank",
        "News",
        "Times",
        "Post",
        "Network",
        "Organisation",
        "Organization",
        "Office",
        "Department",
        "Movement",
        "Brigade",
        "Division",
        "Authority",
        "Government",
        "Republic",
        "Kingdom",
        "State",
        "States",
        "League",
        "Nations",
    ] {
        none(&format!("The head of the Karim {last} resigned."));
        none(&format!("The head of the council, Nabil {last}, resigned."));
        none(&format!("Nabil {last}, the head of the council, resigned."));
        none(&format!("The minister of the Haddad {last} said so."));
    }
    // Organisations and places in apposition without a role word.
    none("Hayat Tahrir al-Sham, the dominant group in Idlib, denied the report.");
    none("Asharq Al-Awsat, the Saudi daily, quoted a source close to the talks.");
    none("Saudi Arabia, a key backer of the opposition, changed course.");
    none("New York, the seat of the United Nations, hosted the meeting.");
    none("The Syrian Negotiations Commission, the main opposition body, said no.");
    // An organisation before a name is cut off the name.
    check(
        "The Syrian Business Council head Karim Haddad resigned.",
        "Karim Haddad",
        "The Syrian Business Council head",
        "Haddad",
    );
}

#[test]
fn places_are_not_people() {
    none("The envoy stayed in the capital, Damascus, for a week.");
    none("The minister, Damascus, and Ankara were named.");
    none("The envoy walked down Beirut’s Hamra Street at dusk.");
    none("The envoy walked down Beirut's Hamra Street at dusk.");
    none("Shelling hit the eastern province, Deir Ezzor, on Monday.");
    none("The minister’s hometown, Deir Ezzor, was shelled.");
    // A pair of names with no role after a preposition of place; a possessive is a person's.
    none("Hundreds of families fled a camp at Ain Issa; others stayed.");
    assert_eq!(
        one("It is told in Karim Haddad's book on the war.").0,
        "Karim Haddad"
    );
}

#[test]
fn sentence_initial_capitals_are_not_names() {
    // "Former Lebanese" is not a name, only Karim Haddad is.
    assert_eq!(
        found("Former Lebanese minister of finance, Karim Haddad, says so.")
            .into_iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        vec!["Karim Haddad"]
    );
    check(
        "Yesterday Karim Haddad, a lawyer, said so.",
        "Karim Haddad",
        "a lawyer",
        "Haddad",
    );
    check(
        "Lebanese Karim Haddad, a lawyer, said so.",
        "Karim Haddad",
        "a lawyer",
        "Haddad",
    );
    none("Western Diplomats, the envoy said, were worried.");
    none("But Western diplomats, the envoy said, were worried.");
}

#[test]
fn headings_introduce_no_one() {
    none("Businessman Karim Haddad buys a hotel");
    none("The head of the council, Karim Haddad, warns\nof shortages");
    none("# Businessman Karim Haddad buys a hotel.");
    none("## The envoy, Layla Nasser, resigns.");
    // A quoted line still ends with punctuation.
    check(
        "“Businessman Karim Haddad bought it.”",
        "Karim Haddad",
        "Businessman",
        "Haddad",
    );
}

#[test]
fn a_signature_under_a_quotation_names_its_speaker() {
    // A reader's or a resident's words, signed after a dash at the end of the line or on a
    // line of their own: a given name and a surname, with no role.
    let text =
        "“The bakery closed in March.” ― Samira Tannous\n“We queue for bread.”\n— Omar Khalil";
    let names: Vec<&str> = found(text).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["Samira Tannous", "Omar Khalil"]);
    // A heading with a dash is no signature.
    none("Syria — the road to Geneva");
}

#[test]
fn months_days_and_datelines_are_not_names() {
    none("The minister, Tuesday March, said so.");
    none("The minister spoke on Monday, January 4, 2021.");
    check(
        "On Monday Karim Haddad, a lawyer, said so.",
        "Karim Haddad",
        "a lawyer",
        "Haddad",
    );
    none("DAMASCUS — The minister said so.");
    none("KARIM HADDAD, a lawyer, said so.");
    check(
        "DAMASCUS — Businessman Karim Haddad said so.",
        "Karim Haddad",
        "Businessman",
        "Haddad",
    );
    check(
        "BEIRUT: The lawyer, Layla Nasser, said so.",
        "Layla Nasser",
        "The lawyer",
        "Nasser",
    );
}

#[test]
fn phrases_that_are_no_roles() {
    // (A common given name makes a person all the same, with no role.)
    no_role("In Raqqa, a city in the north, Karim Haddad, recalled the siege.");
    no_role("The minister met Karim Haddad.");
    no_role("After meeting the minister, Karim Haddad said he was hopeful.");
    no_role("Karim Haddad, speaking in Geneva, said so.");
    no_role("Karim Haddad, the minister said, was absent.");
    no_role("Karim Haddad, Layla Nasser and Samir Haddad met.");
    no_role("Karim Haddad said so.");
    no_role("The minister told Al Jazeera Karim Haddad was free.");
    no_role("In general, Karim Haddad, by all accounts, was absent.");
    no_role("The minister of Karim Haddad.");
}

#[test]
fn never_panics_on_odd_input() {
    let texts = [
        "",
        "\n\n\n",
        ",",
        "Karim",
        "Dr.",
        "the head of,",
        ", Karim Haddad,",
        "businessman Karim Haddad’",
        "— — Karim Haddad, —.",
        "’s ’s Haddad’s, a lawyer.",
        "Karim Haddad,\u{a0}a lawyer.",
        "الأسد، وزير الخارجية. businessman Karim Haddad؟",
        "🇸🇾 businessman Kárím Ḥaddād.",
        "al- Karim bin .",
        "Karim bin, a lawyer.",
    ];
    for text in texts {
        let _ = introduced(text, &[]);
        for (i, _) in text.char_indices() {
            for found in introduced(&text[..i], &[])
                .into_iter()
                .chain(introduced(&text[i..], &[]))
            {
                assert!(!found.name.is_empty() && found.name.end <= text.len());
            }
        }
    }
}

#[test]
fn a_megabyte_of_prose() {
    let paragraph = "Former Lebanese minister of finance, Karim Haddad, says the plan has failed. \
        The head of the negotiating body, Samir Haddad, warned on Monday that the talks in Geneva \
        had stalled, and Western diplomats said the UN envoy would travel to Damascus. Layla \
        Nasser, President of the Syrian Business Council, said exports fell by a third. \
        “We have not seen such a drop since 2012,” she said, according to Al-Watan. The \
        ministry’s statement did not mention Beirut’s Hamra Street or the capital, Damascus.\n";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str("A heading without a stop\n");
        text.push_str(paragraph);
    }
    let all = introduced(&text, &[]);
    assert_eq!(all.len() % 3, 0);
    assert!(all.len() >= 3 * 1000);
    for found in &all {
        assert!(text.is_char_boundary(found.name.start) && text.is_char_boundary(found.name.end));
    }
}

#[test]
fn a_name_the_text_later_uses_as_a_surname() {
    // No role, but the surname comes back as news writes a person's.
    check(
        "Omar Kayali opened the meeting. Mr. Kayali thanked the donors.",
        "Omar Kayali",
        "",
        "Kayali",
    );
    check(
        "The fund was set up by Omar Kayali. Kayali said it would grow.",
        "Omar Kayali",
        "",
        "Kayali",
    );
    check(
        "Omar Kayali spoke. “We will stay,” said Kayali.",
        "Omar Kayali",
        "",
        "Kayali",
    );
    // A place or a body used as a speaker is no surname; a capital beside the word makes it
    // part of another name; an adjective is no given name.
    none("Aid reached North Idlib. Idlib said nothing.");
    none("Delegates met in Kent County. The county's chair, said Republican Sen. Hall, left.");
    none("Poor Mexico has few options. Mexico said it would wait.");
    // With no return of the surname, a bare name introduces no one, unless it opens with a
    // common given name.
    none("Tarkan Kayali opened the meeting.");
    check(
        "Omar Kayali opened the meeting.",
        "Omar Kayali",
        "",
        "Kayali",
    );
    // A middle initial stays inside the name and out of the surname.
    check(
        "The letter was signed by Laura K. Whitfield on Monday.",
        "Laura K. Whitfield",
        "",
        "Whitfield",
    );
    // Or with a second given name or a family name before the surname.
    check(
        "The fund was run by Julie Hirsch Whitfield until March.",
        "Julie Hirsch Whitfield",
        "",
        "Whitfield",
    );
    none("A Kent County Democrat spoke first.");
    // (Nor before a body's or a place's word: "Rose Garden", "Omar Library".)
    none("They met at the Omar Library.");
}

#[test]
fn names_the_catalog_knows_are_no_introductions() {
    let text = "Former Lebanese minister of finance, Karim Haddad, says so.";
    let name = text.find("Karim").unwrap()..text.find(", says").unwrap();
    assert!(introduced(text, std::slice::from_ref(&name)).is_empty());
    // Overlapping a word of the name is enough ("Haddad" known as a surname).
    let surname = name.start + 6..name.end;
    assert!(introduced(text, std::slice::from_ref(&surname)).is_empty());
    let elsewhere = text.find("finance").unwrap()..text.find(", Karim").unwrap();
    assert_eq!(introduced(text, &[elsewhere]).len(), 1);
}

mod descriptions;
mod properties;
mod shapes;
