//! The tagger: each word's likeliest tag read alone, then the context rules, then the crate's
//! last fix-ups. The same tags as `english_pos_tagger::Tagger::new().tag_raw_tokens` for every
//! input, which the tests below check against the crate itself.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::rules::{self, Words};
use super::tagset::{Tag, Tags};
use super::unigram;

/// The tags of `words` (a sentence's words and marks, in order).
pub fn tag(words: &[&str]) -> Vec<Tag> {
    let normal = normals(words);
    let mut tags = tagged(words, &normal, words.len());
    for ((tag, word), normal) in tags.iter_mut().zip(words).zip(&normal) {
        *tag = fixed(*tag, word, normal);
    }
    tags
}

/// The tag of `words[at]` alone, as [`tag`] gives it: what the words after it become in the last
/// table can change no tag before them, so the last table stops at it.
pub fn tag_at(words: &[&str], at: usize) -> Tag {
    let normal = normals(words);
    let tags = tagged(words, &normal, at + 1);
    fixed(tags[at], words[at], &normal[at])
}

/// Every tag [`tag`] can give `word`, in any sentence: the context rules only choose among its
/// candidates.
pub fn possible(word: &str) -> impl Iterator<Item = Tag> + '_ {
    let normal = unigram::normal(word);
    let (_, candidates) = unigram::candidates(word, &normal);
    candidates.iter().map(move |t| fixed(t, word, &normal))
}

fn normals<'a>(words: &[&'a str]) -> Vec<Cow<'a, str>> {
    words.iter().map(|w| unigram::normal(w)).collect()
}

/// Each word's likeliest tag, then the context rules over them, the last table's over the first
/// `upto` words only (the others keep the tag the table before gave them).
fn tagged(words: &[&str], normal: &[Cow<str>], upto: usize) -> Vec<Tag> {
    let (mut tags, candidates): (Vec<Tag>, Vec<Tags>) = words
        .iter()
        .zip(normal)
        .map(|(w, n)| unigram::candidates(w, n))
        .unzip();
    rules::apply(
        &mut Words {
            value: words,
            normal,
            candidates: &candidates,
            tags: &mut tags,
        },
        upto,
    );
    tags
}

/// What the crate's lemmatiser makes of `tag`: decades are numbers, and a capitalised adjective
/// or noun is a proper noun. (It skips the parts of contractions, "ca" of "can't", but their
/// candidates hold no adjective or noun, so that never changes a tag.)
fn fixed(tag: Tag, word: &str, normal: &str) -> Tag {
    static YEARS: LazyLock<Vec<&str>> =
        LazyLock::new(|| include_str!("data/years.txt").lines().collect());
    // (Every decade ends so: most words are passed over at once.)
    let tag = if normal.ends_with("0s") && YEARS.contains(&normal) {
        Tag::CD
    } else {
        tag
    };
    let capital = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    match capital && tag.name().is_some_and(|n| n.starts_with(['J', 'N'])) {
        true => Tag::NNP,
        false => tag,
    }
}
