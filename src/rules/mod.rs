//! Attribution diagnostics: does the text say who says so?
//!
//! Wire-service style guides ask for named sources, allow anonymous ones only when needed (with a
//! reason and a description of the source's position) and warn against words that hide the
//! source. Each rule checks one of those norms and lives in its own file with its code, default
//! severity and documentation link ([`Rule`]); [`RULES`] lists them. [`check`] runs the enabled
//! rules over a text and applies inline suppression comments; [`fixes`] offers code actions.
//!
//! Everything here is pure: text in, findings out, byte offsets throughout.

mod context;
mod fix;
mod suppress;

pub use orphaned_annotation::finding as orphaned_annotation;
pub use suppress::UNKNOWN_RULE;

/// The code of the rule on annotations whose words are gone (`annotations::review` runs it).
pub const ORPHANED_ANNOTATION: &str = orphaned_annotation::RULE.code;

mod anonymous_source;
mod hedged_report;
mod inconsistent_spelling;
mod orphaned_annotation;
mod unattributed_claim;
mod unattributed_quote;
mod unintroduced_actor;
mod unsourced_figure;
mod vague_attribution;

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::attribution::{Attribution, Class};
use crate::catalog::Catalog;
use context::Context;

/// How loudly a finding is reported; the order is from quietest to loudest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a level as written in `dossier.json` and on the command line.
    pub fn parse(level: &str) -> Option<Self> {
        [
            Severity::Hint,
            Severity::Information,
            Severity::Warning,
            Severity::Error,
        ]
        .into_iter()
        .find(|s| s.as_str() == level)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A diagnostic rule: what it is called and how it reports, next to the code that runs it.
pub struct Rule {
    pub code: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// The rule's documentation page, relative to the repository root.
    pub doc: &'static str,
    reads: Reads,
}

impl Rule {
    /// Whether the rule reads the text alone ([`check`] runs it), not an article's mentions.
    pub fn reads_text_alone(&self) -> bool {
        matches!(self.reads, Reads::Text { .. })
    }

    /// Whether the rule reads the article's annotations, not its text: its findings come from
    /// `annotations::review`, with no fix and no inline comment to switch them off.
    pub fn reads_annotations(&self) -> bool {
        matches!(self.reads, Reads::Annotations)
    }
}

/// What a rule reads, and so where it runs.
enum Reads {
    /// The text alone: [`check`] runs it, for any text, with its own fix.
    Text {
        check: fn(&Context, &mut Vec<Hit>),
        fix: fn(&Context, &Finding) -> Option<Fix>,
    },
    /// The article's mentions of the catalog's actors, those that name them
    /// ([`crate::mentions::Mention::names`]: `dossier check` finds no other): [`article_findings`]
    /// runs it. Its findings carry their own replacement ([`Finding::suggestion`]) where there is
    /// one.
    Article(fn(&Catalog, &Article, Severity) -> Vec<Finding>),
    /// The article's annotations (`.dossier/annotations.jsonl`): `annotations::review` runs it.
    Annotations,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("default_severity", &self.default_severity)
            .finish_non_exhaustive()
    }
}

/// Every rule, in the order they are documented.
pub static RULES: &[&Rule] = &[
    &unattributed_claim::RULE,
    &vague_attribution::RULE,
    &anonymous_source::RULE,
    &hedged_report::RULE,
    &unattributed_quote::RULE,
    &unsourced_figure::RULE,
    &unintroduced_actor::RULE,
    &inconsistent_spelling::RULE,
    &orphaned_annotation::RULE,
];

/// The rule with this code, if there is one.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// Which rules run, and at what severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSettings {
    levels: BTreeMap<&'static str, Option<Severity>>,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            levels: RULES
                .iter()
                .map(|r| (r.code, Some(r.default_severity)))
                .collect(),
        }
    }
}

impl RuleSettings {
    /// Settings from a `rules` map of `dossier.json`: code → "off" or a severity. Rules not in
    /// the map keep their default severity.
    pub fn from_config(map: &BTreeMap<String, String>) -> Result<Self, String> {
        let mut settings = Self::default();
        for (code, level) in map {
            let level = match level.as_str() {
                "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    format!(
                        "rule `{code}`: unknown level `{other}` (expected off, hint, information, warning or error)"
                    )
                })?),
            };
            settings.set(code, level)?;
        }
        Ok(settings)
    }

    /// Sets one rule's severity (`None` turns it off).
    pub fn set(&mut self, code: &str, level: Option<Severity>) -> Result<(), String> {
        let rule = rule(code).ok_or_else(|| {
            let known: Vec<&str> = RULES.iter().map(|r| r.code).collect();
            format!("unknown rule `{code}` (known rules: {})", known.join(", "))
        })?;
        self.levels.insert(rule.code, level);
        Ok(())
    }

    /// The severity a rule reports with, or `None` if it is off.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        self.levels.get(code).copied().flatten()
    }
}

/// One diagnostic: which rule, how serious, where (bytes of the offending phrase) and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub related: Vec<Related>,
    /// Text that should replace the finding's range, when the rule knows it (the catalog's
    /// spelling of a name); offered as a quick fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// Another place that belongs to a finding, e.g. a later mention of the same anonymous source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

/// What a rule reports before the engine gives it a code and severity.
struct Hit {
    range: Range<usize>,
    message: String,
    related: Vec<Related>,
}

impl Hit {
    fn new(range: Range<usize>, message: String) -> Self {
        Self {
            range,
            message,
            related: Vec::new(),
        }
    }

    /// A finding about an attribution relation, which it carries as related information: its
    /// source with the source's class, and what the source is said to say.
    fn of_relation(cx: &Context, a: &Attribution, range: Range<usize>, message: String) -> Self {
        let mut related = vec![Related {
            range: a.speaker.clone(),
            message: format!("source ({}): {}", a.class.name(), a.class.meaning()),
        }];
        if a.content.start < a.content.end {
            related.push(Related {
                range: a.content.clone(),
                message: format!("what “{}” is said to say", cx.quote(a.speaker.clone())),
            });
        }
        Self {
            range,
            message,
            related,
        }
    }
}

/// Every attribution relation of the article's own voice in `text` (not those inside a
/// quotation), in order: what the rules read, and what `dossier attributions` lists.
pub fn attributions(text: &str) -> Vec<Attribution> {
    use crate::attribution::{agentless, CueKind};
    let cx = Context::new(text);
    let mut all: Vec<Attribution> = cx
        .speaker_sentences()
        .iter()
        .flat_map(|&i| cx.attributions(i).iter().cloned())
        .collect();
    // Claims and reports with no source by construction: "it is believed that", "reportedly".
    for cue in agentless::claims(&cx.low).chain(agentless::hedges(&cx.low)) {
        let Some(i) = cx
            .sentence_at(cue.start)
            .filter(|_| !cx.in_quotation(cue.start))
        else {
            continue;
        };
        let rest = &text[cue.end..cx.sentences[i].end];
        let said = rest.trim_end_matches(|c: char| c.is_whitespace() || ".!?;,".contains(c));
        let content = cue.end + (said.len() - said.trim_start().len())..cue.end + said.len();
        all.push(Attribution {
            range: cue.clone(),
            speaker: cue.start..cue.start,
            content,
            cue,
            verb: None,
            class: Class::Agentless,
            negated: false,
            kind: CueKind::Phrase,
        });
    }
    all.sort_by_key(|a| a.range.start);
    all
}

/// The relations of [`attributions`] that lie in the sentences holding any of `offsets` (given in
/// order), the agentless constructions aside: only those sentences are parsed, for a question
/// about a few places of an article (who an actor's mentions quote).
pub fn attributions_near(text: &str, offsets: impl IntoIterator<Item = usize>) -> Vec<Attribution> {
    let cx = Context::new(text);
    let speakers = cx.speaker_sentences();
    let mut sentences: Vec<usize> = offsets
        .into_iter()
        .filter_map(|at| cx.sentence_at(at))
        .filter(|i| speakers.binary_search(i).is_ok())
        .collect();
    sentences.dedup();
    sentences
        .iter()
        .flat_map(|&i| cx.attributions(i).iter().cloned())
        .collect()
}

/// The attribution of the article's own voice whose cue or source holds byte `offset`, if any:
/// what hover shows on a cue. Only the sentence at `offset` is parsed.
pub fn attribution_at(text: &str, offset: usize) -> Option<Attribution> {
    let cx = Context::new(text);
    let i = cx.sentence_at(offset)?;
    let holds = |r: &Range<usize>| r.start <= offset && offset < r.end;
    cx.attributions(i)
        .iter()
        .find(|a| holds(&a.cue) || holds(&a.speaker))
        .cloned()
}

/// Runs every enabled rule over `text`. Findings come sorted by where they start; those switched
/// off by inline comments (`dossier-disable-next-line`, `dossier-disable` … `dossier-enable`)
/// are left out.
pub fn check(text: &str, settings: &RuleSettings) -> Vec<Finding> {
    check_prose(text, text, settings)
}

/// [`check`] over `prose`, `text` with what is no prose blanked out byte for byte (a Markdown
/// file's front matter, code, HTML): the rules read the prose, the inline comments that switch
/// them off are read from the text as written.
pub fn check_prose(text: &str, prose: &str, settings: &RuleSettings) -> Vec<Finding> {
    debug_assert_eq!(text.len(), prose.len());
    let cx = Context::new(prose);
    let suppressions = suppress::Suppressions::parse(text);
    let mut findings = Vec::new();
    let mut hits = Vec::new();
    for rule in RULES {
        let Reads::Text { check, .. } = rule.reads else {
            continue;
        };
        let Some(severity) = settings.severity(rule.code) else {
            continue;
        };
        hits.clear();
        check(&cx, &mut hits);
        findings.extend(
            hits.drain(..)
                .filter(|h| !suppressions.is_suppressed(rule.code, h.range.start))
                .map(|h| Finding {
                    code: rule.code,
                    severity,
                    range: h.range,
                    message: h.message,
                    related: h.related,
                    suggestion: None,
                }),
        );
    }
    findings.extend(
        suppressions
            .unknown
            .into_iter()
            .map(|range| unknown_rule(text, range)),
    );
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}

/// The finding on a code in an inline comment that names no rule.
fn unknown_rule(text: &str, range: Range<usize>) -> Finding {
    let known: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    Finding {
        code: UNKNOWN_RULE,
        severity: Severity::Warning,
        message: format!(
            "“{}” is no dossier rule, so this comment switches nothing off. The rules are {}.",
            &text[range.clone()],
            known.join(", ")
        ),
        range,
        related: Vec::new(),
        suggestion: None,
    }
}

/// A code action: edits to apply, with `snippet` set when the new text holds `${1:…}` tab stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Range<usize>, String)>,
    pub snippet: bool,
}

/// Code actions for a finding: the rule's own fix (name the source, give the reason for the
/// anonymity, …) and one that disables the rule for that line. `markdown` picks the syntax of the
/// disabling comment: `<!-- … -->` for Markdown, a bare line for plain text.
pub fn fixes(text: &str, finding: &Finding, markdown: bool) -> Vec<Fix> {
    let Some(rule) = rule(finding.code).filter(|r| !r.reads_annotations()) else {
        return Vec::new();
    };
    if finding.range.end > text.len()
        || !text.is_char_boundary(finding.range.start)
        || !text.is_char_boundary(finding.range.end)
    {
        return Vec::new();
    }
    // The rule's fix reads the sentences the rule read: a Markdown file's prose, so that a
    // sentence never runs on into front matter or code and no edit lands there.
    let prose = crate::text::markdown::prose(text, markdown);
    let mut out: Vec<Fix> = match rule.reads {
        Reads::Text { fix, .. } => fix(&Context::new(&prose), finding).into_iter().collect(),
        Reads::Article(_) | Reads::Annotations => Vec::new(),
    };
    if let Some(replacement) = &finding.suggestion {
        out.push(Fix {
            title: format!("Write “{replacement}”"),
            edits: vec![(finding.range.clone(), replacement.clone())],
            snippet: false,
        });
    }
    out.push(fix::disable_next_line(text, finding, markdown));
    out
}

/// The findings of the enabled rules that read an article's mentions ([`Reads::Article`]),
/// without those inline comments switch off.
pub fn article_findings(
    catalog: &Catalog,
    article: &Article,
    settings: &RuleSettings,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        if let (Reads::Article(run), Some(severity)) = (&rule.reads, settings.severity(rule.code)) {
            findings.extend(run(catalog, article, severity));
        }
    }
    // (Most articles have none, and need not have their comments read.)
    if findings.is_empty() {
        return findings;
    }
    let suppressions = suppress::Suppressions::parse(&article.text);
    findings.retain(|f| !suppressions.is_suppressed(f.code, f.range.start));
    findings
}

/// The phrases one rule flags in a text, with every rule at its default severity: what the
/// rules' own tests compare.
#[cfg(test)]
fn phrases_of<'t>(code: &str, text: &'t str) -> Vec<&'t str> {
    check(text, &RuleSettings::default())
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| &text[f.range])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_doc_page_named_after_its_code() {
        for r in RULES {
            assert_eq!(r.doc, format!("docs/rules/{}.md", r.code));
            let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(r.doc);
            assert!(page.exists(), "{} is missing", r.doc);
        }
    }

    #[test]
    fn settings_from_config() {
        let map = BTreeMap::from([
            ("unsourced-figure".to_string(), "off".to_string()),
            ("anonymous-source".to_string(), "error".to_string()),
        ]);
        let s = RuleSettings::from_config(&map).unwrap();
        assert_eq!(s.severity("unsourced-figure"), None);
        assert_eq!(s.severity("anonymous-source"), Some(Severity::Error));
        assert_eq!(s.severity("vague-attribution"), Some(Severity::Warning));

        let bad_code = BTreeMap::from([("no-such-rule".to_string(), "off".to_string())]);
        let err = RuleSettings::from_config(&bad_code).unwrap_err();
        assert!(err.contains("no-such-rule"), "{err}");
        let bad_level = BTreeMap::from([("hedged-report".to_string(), "loud".to_string())]);
        let err = RuleSettings::from_config(&bad_level).unwrap_err();
        assert!(
            err.contains("loud") && err.contains("hedged-report"),
            "{err}"
        );
    }

    #[test]
    fn severity_order_and_names() {
        assert!(Severity::Hint < Severity::Information);
        assert!(Severity::Warning < Severity::Error);
        assert_eq!(Severity::parse("information"), Some(Severity::Information));
        assert_eq!(
            serde_json::to_string(&Severity::Warning).unwrap(),
            "\"warning\""
        );
    }

    #[test]
    fn settings_change_severity_and_turn_rules_off() {
        let text = "It is believed that the talks failed.";
        let mut s = RuleSettings::default();
        assert_eq!(check(text, &s)[0].severity, Severity::Warning);
        s.set("unattributed-claim", Some(Severity::Error)).unwrap();
        assert_eq!(check(text, &s)[0].severity, Severity::Error);
        s.set("unattributed-claim", None).unwrap();
        assert!(check(text, &s).is_empty());
    }

    #[test]
    fn findings_are_sorted_and_cover_the_phrase() {
        let text = "Observers say talks stalled. It is believed that 40 percent left.";
        let f = check(text, &RuleSettings::default());
        let phrases: Vec<&str> = f.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            phrases,
            ["Observers say", "It is believed that", "40 percent"]
        );
    }

    #[test]
    fn inline_suppression() {
        let text = "<!-- dossier-disable-next-line unattributed-claim -->\nIt is believed that it failed.\nIt is believed that it failed.";
        let f = check(text, &RuleSettings::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].range.start, text.rfind("It is").unwrap());
    }

    #[test]
    fn fixes_offer_a_source_and_a_disable_comment() {
        let text = "Talks reportedly stalled.";
        let f = &check(text, &RuleSettings::default())[0];
        let md = fixes(text, f, true);
        assert_eq!(md.len(), 2);
        assert!(md[0].snippet);
        assert_eq!(
            md[1].edits,
            [(
                0..0,
                "<!-- dossier-disable-next-line hedged-report -->\n".to_string()
            )]
        );
        let txt = fixes(text, f, false);
        assert_eq!(
            txt[1].edits,
            [(
                0..0,
                "dossier-disable-next-line hedged-report\n".to_string()
            )]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            "“",
            "”",
            "\"",
            "‘’",
            ".",
            "...",
            "\n\n",
            "It is",
            "according to",
            "a source",
            "حرية “سوريا” ‘",
            "it is believed that\u{a0}",
            "“a”b“c",
            "50%",
            "U.S. U.N.",
            "— said",
            ", said",
            "said",
            "view",
            "’s view",
            "by some accounts",
        ];
        for t in odd {
            for f in check(t, &RuleSettings::default()) {
                assert!(t.is_char_boundary(f.range.start) && t.is_char_boundary(f.range.end));
                fixes(t, &f, true);
            }
        }
    }
}
