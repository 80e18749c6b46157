//! The attribution rules over a labelled corpus of articles written for the purpose.
//!
//! Each article in `tests/corpus/attribution/` has a sidecar `<file>.expected` listing the
//! findings it should produce, one per line: `code | phrase`, where the phrase is the first
//! occurrence in the article of (part of) the offending words. A finding matches a label when it
//! has the label's code and overlaps the phrase. Findings without a label are false positives,
//! labels without a finding false negatives. The test prints precision and recall per rule and
//! fails below the floors; a snapshot per article records every diagnostic.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use dossier::rules::{check, Finding, RuleSettings, RULES};
use dossier::text::sentences::sentences;
use dossier::text::LineIndex;

/// Every rule reached 1.00 on these articles but for these two, in the two articles a helper
/// wrote blind (labelled by the rule pages, never run through dossier before): "aid agencies" is
/// read as a body, not a vague group, and asking for a thing as a statement — as PolNeAR's
/// labels read it ("veterans ask for help"), so it is left so. A change may make nothing here
/// worse (a label changes only when the label was wrong), and a misreading fixed leaves the list.
const KNOWN: &[&str] = &[
    "blind-analysis-sanctions-2023.md: missed vague-attribution: \"Aid agencies have long complained\"",
    "blind-analysis-sanctions-2023.md: false alarm vague-attribution: \"compliance officers had asked\"",
];
/// The corpus must stay big enough for the figures to mean something.
const MIN_SENTENCES: usize = 200;

struct Article {
    name: String,
    text: String,
    labels: Vec<(String, String)>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/attribution")
}

fn articles() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).expect("article");
            let sidecar = path.with_file_name(format!("{name}.expected"));
            let labels = fs::read_to_string(&sidecar)
                .unwrap_or_else(|_| panic!("{} has no {}", name, sidecar.display()))
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| {
                    let (code, phrase) = l
                        .split_once(" | ")
                        .unwrap_or_else(|| panic!("{name}.expected: bad line {l:?}"));
                    (code.trim().to_string(), phrase.to_string())
                })
                .collect();
            Article { name, text, labels }
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[test]
fn precision_and_recall_per_rule() {
    let settings = RuleSettings::default();
    let mut counts: BTreeMap<&str, Counts> = RULES
        .iter()
        .filter(|r| r.reads_text_alone())
        .map(|r| (r.code, Counts::default()))
        .collect();
    let mut problems = Vec::new();
    let mut sentence_count = 0;
    for a in articles() {
        sentence_count += sentences(&a.text).len();
        let findings = check(&a.text, &settings);
        let mut matched = vec![false; findings.len()];
        for (code, phrase) in &a.labels {
            assert!(
                RULES.iter().any(|r| r.code == code),
                "{}: unknown code {code}",
                a.name
            );
            let start = a
                .text
                .find(phrase.as_str())
                .unwrap_or_else(|| panic!("{}: label phrase not found: {phrase:?}", a.name));
            let span = start..start + phrase.len();
            let hit = findings.iter().enumerate().position(|(i, f)| {
                !matched[i]
                    && f.code == code
                    && f.range.start < span.end
                    && span.start < f.range.end
            });
            let c = counts.get_mut(code.as_str()).unwrap();
            match hit {
                Some(i) => {
                    matched[i] = true;
                    c.tp += 1;
                }
                None => {
                    c.fn_ += 1;
                    problems.push(format!("{}: missed {code}: {phrase:?}", a.name));
                }
            }
        }
        for (f, m) in findings.iter().zip(&matched) {
            if !m {
                counts.get_mut(f.code).unwrap().fp += 1;
                problems.push(format!(
                    "{}: false alarm {}: {:?}",
                    a.name,
                    f.code,
                    &a.text[f.range.clone()]
                ));
            }
        }
    }

    println!("\ncorpus: {sentence_count} sentences\n");
    println!("| rule | TP | FP | FN | precision | recall |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (code, c) in &counts {
        println!(
            "| {code} | {} | {} | {} | {:.2} | {:.2} |",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    for p in &problems {
        println!("{p}");
    }

    assert!(
        sentence_count >= MIN_SENTENCES,
        "corpus has only {sentence_count} sentences"
    );
    for (code, c) in &counts {
        assert!(c.tp > 0, "{code}: no true case in the corpus");
    }
    let new: Vec<&String> = problems
        .iter()
        .filter(|p| !KNOWN.contains(&p.as_str()))
        .collect();
    assert!(new.is_empty(), "misread beyond the known:\n{new:#?}");
    for known in KNOWN {
        assert!(
            problems.iter().any(|p| p == known),
            "no longer misread, take it off KNOWN: {known}"
        );
    }
}

/// One line per diagnostic: position, code, severity, the flagged words, the message, and the
/// related places.
fn render(text: &str, findings: &[Finding]) -> String {
    let lines = LineIndex::new(text);
    let pos = |offset: usize| {
        let p = lines.position(text, offset, dossier::text::Encoding::Utf16);
        format!("{}:{}", p.line + 1, p.character + 1)
    };
    let mut out = String::new();
    for f in findings {
        out += &format!(
            "{} {} [{}] «{}»\n    {}\n",
            pos(f.range.start),
            f.code,
            f.severity,
            &text[f.range.clone()],
            f.message
        );
        for r in &f.related {
            out += &format!(
                "    related {} «{}»: {}\n",
                pos(r.range.start),
                &text[r.range.clone()],
                r.message
            );
        }
    }
    out
}

#[test]
fn snapshots_of_each_article() {
    let settings = RuleSettings::default();
    for a in articles() {
        let findings = check(&a.text, &settings);
        insta::assert_snapshot!(a.name.clone(), render(&a.text, &findings));
    }
}
