//! SARIF 2.1.0, the format code-scanning services (GitHub among them) take for upload. Regions are
//! one-based lines and columns counted in UTF-16 code units, SARIF's default column kind.

use serde_json::{json, Value};

use dossier::rules::{Severity, RULES};

use super::Checked;

pub fn render(files: &[Checked]) -> String {
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
    let mut results = Vec::new();
    for file in files {
        for f in &file.findings {
            let rule_index = RULES.iter().position(|r| r.code == f.code);
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
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "dossier",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

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
