//! People introduced by what they do or are: a description in apposition ("Lars Jensen, a
//! fisherman,") or a noun made for people just before the name ("the fisherman Lars Jensen"),
//! and the firms and places described the same way, which are no people. All are made up; no
//! given name here is a common one, so the shape alone finds each person.

use super::*;

#[test]
fn a_description_after_the_name() {
    check(
        "Lars Jensen, a fisherman, said the quotas were unfair.",
        "Lars Jensen",
        "a fisherman",
        "Jensen",
    );
    check(
        "Torvald Quimby, a retired pharmacist from Hama, said the shelves were empty.",
        "Torvald Quimby",
        "a retired pharmacist from Hama",
        "Quimby",
    );
    check(
        "Ottoline Brask, a mother of three, said the rent had doubled.",
        "Ottoline Brask",
        "a mother of three",
        "Brask",
    );
    check(
        "Berit Solvang, a displaced widow, said she had nothing left.",
        "Berit Solvang",
        "a displaced widow",
        "Solvang",
    );
    check(
        "Lars Jensen, the taxi driver who found the car, spoke to the police.",
        "Lars Jensen",
        "the taxi driver who found the car",
        "Jensen",
    );
    // A verb may follow the noun; a listed noun may be capitalised.
    check(
        "Lars Jensen, a teacher arrested in March, was released on Friday.",
        "Lars Jensen",
        "a teacher arrested in March",
        "Jensen",
    );
    check(
        "Torvald Quimby, a longtime Democrat, said the count was wrong.",
        "Torvald Quimby",
        "a longtime Democrat",
        "Quimby",
    );
}

#[test]
fn an_age_may_stand_before_the_description_or_the_verb() {
    check(
        "Lars Jensen, 54, a fisherman from Skagen, said the quotas were unfair.",
        "Lars Jensen",
        "a fisherman from Skagen",
        "Jensen",
    );
    check(
        "Ottoline Brask, 61, the mayor of Kerrow, opened the session.",
        "Ottoline Brask",
        "the mayor of Kerrow",
        "Brask",
    );
    check(
        "Torvald Quimby, 41, said the count was wrong.",
        "Torvald Quimby",
        "",
        "Quimby",
    );
}

#[test]
fn a_long_description_is_read_to_its_noun() {
    check(
        "Torvald Quimby, a shopkeeper who has sold bread in the old market for more than thirty \
         years, said prices rose.",
        "Torvald Quimby",
        "a shopkeeper",
        "Quimby",
    );
    // A bracket ends the phrase: the role before it is read.
    check(
        "Ottoline Brask, the High Commissioner for Refugees (UNHCR), said the camps were full.",
        "Ottoline Brask",
        "the High Commissioner for Refugees",
        "Brask",
    );
}

#[test]
fn a_noun_for_people_before_the_name() {
    check(
        "The fisherman Lars Jensen said the quotas were unfair.",
        "Lars Jensen",
        "The fisherman",
        "Jensen",
    );
    check(
        "Police questioned shopkeeper Torvald Quimby on Monday.",
        "Torvald Quimby",
        "shopkeeper",
        "Quimby",
    );
    // Capitalised as its sentence's first word.
    check(
        "Shopkeeper Torvald Quimby said prices rose.",
        "Torvald Quimby",
        "Shopkeeper",
        "Quimby",
    );
    // A word that only ends like one is no noun for people.
    none("The talks resumed after Torvald Quimby arrived in the capital.");
    none("A national Quimby Survey found the race close.");
    // Nor is a nationality, nor a capitalised noun inside a name.
    none("Officials said the Syrian Quimby Brask group had left.");
    none("The grounds of the Quimby National Golf Club were sold.");
    // A given name and a suffix have no surname: "his son Torvald Jr.".
    none("His son Torvald Jr. spoke first.");
}

#[test]
fn firms_described_as_people_are_no_people() {
    none("Exxon Mobil, an oil producer, said profits rose.");
    none("Goldman Sachs, a lender, said rates would rise.");
    none("The lender Goldman Sachs said rates would rise.");
    none("Brask Solvang, the broadcaster, said the interview was cut.");
    none("Quimby Brask, a committee of growers, met on Monday.");
    none("The rival drugmaker Solvang Kerrow said the trial had failed.");
}

#[test]
fn places_described_are_no_people() {
    none("Vellmar Heights, a city of fishermen, voted no.");
    none("Boats left Brask Harbour, a haven for fishermen, at dawn.");
    // A phrase that runs on to its verb is the sentence's subject, no apposition.
    none("Against Vellmar Heights, the county sheriff won 51 percent of the vote.");
    // A clause word ends the words before the noun: the fisherman is someone else.
    none("The river reached Vellmar Heights, a town where the fisherman lived.");
}

#[test]
fn a_word_that_opens_a_clause_opens_no_name() {
    none("Even Quimby, a lifelong supporter of the mayor, said the vote was lost.");
    none("Against Brask, the county sheriff, the challenger won 51 percent.");
    none("Still Solvang, the harbour master, kept the boats in port.");
}
