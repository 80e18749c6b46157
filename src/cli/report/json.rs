//! JSON Lines: one object per diagnostic, with an LSP range (zero-based line, UTF-16 character).

use serde_json::json;

use super::Checked;

pub fn render(files: &[Checked]) -> String {
    let mut out = String::new();
    for file in files {
        for f in &file.findings {
            let start = file.position(f.range.start);
            let end = file.position(f.range.end);
            let related: Vec<_> = f
                .related
                .iter()
                .map(|r| {
                    let s = file.position(r.range.start);
                    let e = file.position(r.range.end);
                    json!({
                        "range": {
                            "start": { "line": s.line, "character": s.character },
                            "end": { "line": e.line, "character": e.character },
                        },
                        "message": r.message,
                    })
                })
                .collect();
            let line = json!({
                "path": file.path,
                "range": {
                    "start": { "line": start.line, "character": start.character },
                    "end": { "line": end.line, "character": end.character },
                },
                "severity": f.severity,
                "code": f.code,
                "message": f.message,
                "source": "dossier",
                "related": related,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    out
}
