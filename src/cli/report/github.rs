//! GitHub Actions workflow commands: `::warning file=…,line=…,col=…,title=CODE::message`, which
//! GitHub shows as annotations on the pull request. Lines and columns are one-based.

use dossier::rules::Severity;

use super::Checked;

/// One command per finding of the file.
pub fn part(file: &Checked) -> String {
    let mut out = String::new();
    for f in file.findings {
        let start = file.position(f.range.start);
        let end = file.position(f.range.end);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information | Severity::Hint => "notice",
        };
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(file.path),
            start.line + 1,
            start.character + 1,
            end.line + 1,
            end.character + 1,
            property(f.code),
            data(&f.message),
        ));
    }
    out
}

/// Escapes a command's message, as the workflow-command syntax requires.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value, which also may not hold `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
