//! SARIF 2.1.0, the format code-scanning services (GitHub among them) take for upload. Regions are
//! one-based lines and columns counted in UTF-16 code units, SARIF's default column kind.

use serde_json::{json, Value};

use dossier::rules::{Severity, RULES};

use super::Checked;

/// The file's results, as comma-separated JSON objects for the log's `results` array.
pub fn part(file: &Checked) -> String {
    let results: Vec<String> = file
        .findings
        .iter()
        .map(|f| {
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut loc = location(file, r.range.start, r.range.end);
                    loc["id"] = json!(i);
                    loc["message"] = json!({ "text": r.message });
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [location(file, f.range.start, f.range.end)],
            });
            if let Some(i) = RULES.iter().position(|r| r.code == f.code) {
                result["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result.to_string()
        })
        .collect();
    results.join(",\n")
}

/// The SARIF log up to its results: one run of dossier and its rules. The files' parts follow,
/// separated by commas, then [`TAIL`].
pub fn head() -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": { "text": r.summary },
                "help": { "text": format!("See {} in the dossier repository.", r.doc) },
                "defaultConfiguration": { "level": level(r.default_severity) },
            })
        })
        .collect();
    let tool = json!({
        "driver": {
            "name": "dossier",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }
    });
    // The results are JSON made file by file: the log is written around them.
    format!(
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\
         \"runs\":[{{\"tool\":{tool},\"columnKind\":\"utf16CodeUnits\",\"results\":[\n"
    )
}

/// What closes the log after its results.
pub const TAIL: &str = "\n]}]}\n";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn location(file: &Checked, start: usize, end: usize) -> Value {
    let s = file.position(start);
    let e = file.position(end);
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file.path },
            "region": {
                "startLine": s.line + 1,
                "startColumn": s.character + 1,
                "endLine": e.line + 1,
                "endColumn": e.character + 1,
            }
        }
    })
}
