//! The shapes that tell a person from a place or a group, and a speaker with no role. All
//! people and places are made up.

use super::*;

#[test]
fn a_place_s_opening_word_opens_no_name() {
    // The state after a town, in apposition to a person: no person.
    let text =
        "“I voted early,” said Dana Whitfield, a retiree from Pine Bluff, North Dakota, who \
                backs the senator.";
    let names: Vec<&str> = found(text).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["Dana Whitfield"]);
    none("The mayor flew to San Marcos, and then to Fort Ellery.");
    none("New Carthage, he said, was where the race would be won.");
    // A role before the place is no role of the place; the person after it is found.
    check(
        "South Dakota Gov. Kevin Marlowe signed the bill.",
        "Kevin Marlowe",
        "South Dakota Gov.",
        "Marlowe",
    );
    check(
        "The senator, Karen West, said the bill would pass.",
        "Karen West",
        "The senator",
        "West",
    );
}

#[test]
fn buildings_and_bodies_end_no_name() {
    none("Aides on Capitol Hill said the bill was dead, according to Haddad.");
    none("Members of the Black Caucus, a spokesman said, will meet on Monday.");
    none("Leaders of the Muslim Brotherhood, the group's spokesman said, were arrested.");
    none("Mourners filled the Greater Hope Baptist Church, Reyes said.");
    none("The Marlow Herald, Reyes said, endorsed the mayor.");
    none("Teachers United, the union, backed the levy, said Mr. Reyes.");
}

#[test]
fn the_speaker_of_a_verb_of_speech_is_a_person() {
    // Given names outside the common list, named once, with no role the patterns read.
    let names = |text| -> Vec<&str> { found(text).into_iter().map(|(n, _, _)| n).collect() };
    assert_eq!(
        names("“We will not wait,” said Torvald Quimby, 41, of Easton."),
        ["Torvald Quimby"]
    );
    assert_eq!(
        names("“It is over,” says Ottoline Brask of the growers’ union."),
        ["Ottoline Brask"]
    );
    assert_eq!(
        names("Torvald Quimby said the count was wrong."),
        ["Torvald Quimby"]
    );
    // Not beside the verb, or not the whole phrase: no person.
    none("Torvald Quimby Group said the count was wrong.");
    none("The count, Quimby Holdings Chairman, said nothing.");
    none("Analysts at Quimby Brask said the count was wrong on Monday.");
}

#[test]
fn a_party_s_or_a_nation_s_plural_is_a_group() {
    // Even where the last word comes back after a verb of speech ("Republicans said").
    none("Senate Republicans blocked the bill. Republicans said it was too costly.");
    none("House Democrats, Democrats said, will vote no.");
    none("Many Syrian Americans were wary. Americans say they want a change, said Mr. Haddad.");
    check(
        "Nadia Evans, a senior adviser to the governor, said the vote was close.",
        "Nadia Evans",
        "a senior adviser to the governor",
        "Evans",
    );
}
