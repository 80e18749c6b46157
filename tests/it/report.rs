//! `dossier report` end to end: the real binary over the fixtures, its numbers held against
//! those `dossier attributions --format json` gives on the same folder.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn dossier(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run dossier");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The fixtures, in two folders, and one article with no date.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for (i, entry) in fs::read_dir(&fixtures).unwrap().enumerate() {
        let path = entry.unwrap().path();
        let folder = dir
            .path()
            .join(if i % 2 == 0 { "news" } else { "analysis" });
        fs::create_dir_all(&folder).unwrap();
        fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    fs::write(
        dir.path().join("news/undated.txt"),
        "Officials said the crossing would reopen. Observers say it will not.\n",
    )
    .unwrap();
    dir
}

/// Path → class → relations, as `dossier attributions --format json` lists them.
fn listed(dir: &Path) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut by_path: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for line in dossier(dir, &["attributions", ".", "--format", "json"]).lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        let class = r["source"]["class"].as_str().unwrap().to_owned();
        *by_path
            .entry(r["path"].as_str().unwrap().to_owned())
            .or_default()
            .entry(class)
            .or_default() += 1;
    }
    by_path
}

#[test]
fn the_json_report_counts_the_relations_attributions_lists() {
    let dir = archive();
    let map: Value =
        serde_json::from_str(&dossier(dir.path(), &["report", ".", "--format", "json"])).unwrap();
    let listed = listed(dir.path());
    assert!(listed.len() >= 5, "{listed:?}");
    let articles = map["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 7);
    let mut total = 0;
    for a in articles {
        let path = a["path"].as_str().unwrap();
        let mut counts: BTreeMap<String, u64> = a["by_class"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(c, n)| (c.clone(), n.as_u64().unwrap()))
            .collect();
        counts.retain(|_, n| *n > 0);
        assert_eq!(
            counts,
            listed.get(path).cloned().unwrap_or_default(),
            "{path}"
        );
        let n: u64 = counts.values().sum();
        assert_eq!(a["attributions"], n, "{path}");
        total += n;
        let unnamed: u64 = ["anonymous", "anonymous-explained", "vague", "agentless"]
            .iter()
            .map(|c| counts.get(*c).copied().unwrap_or(0))
            .sum();
        assert_eq!(a["unnamed"], unnamed, "{path}");
        assert!(path.starts_with(a["folder"].as_str().unwrap()), "{path}");
    }
    assert_eq!(map["totals"]["attributions"], total);
    assert_eq!(map["totals"]["articles"], 7);
    // The dates are those of the articles: undated is in no month, the rest in theirs.
    let undated = articles
        .iter()
        .find(|a| a["path"] == "./news/undated.txt")
        .unwrap();
    assert!(undated["date"].is_null() && undated["month"].is_null());
    let months: u64 = map["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["attributions"].as_u64().unwrap())
        .sum();
    let dated: u64 = articles
        .iter()
        .filter(|a| !a["month"].is_null())
        .map(|a| a["attributions"].as_u64().unwrap())
        .sum();
    assert_eq!(months, dated);
    assert!(dated > 0);
    // Every quote counted for an actor is a quote of an article.
    let quotes: u64 = articles
        .iter()
        .map(|a| a["quotes"].as_array().unwrap().len() as u64)
        .sum();
    let quoted: u64 = map["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["quoted"].as_u64().unwrap())
        .sum();
    assert_eq!(quotes, quoted);
    assert!(quoted > 0);
}

#[test]
fn the_html_report_is_one_file_with_the_same_numbers_inside() {
    let dir = archive();
    dossier(dir.path(), &["report", ".", "-o", "report.html"]);
    let html = fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    for external in ["src=\"http", "href=\"http", "<link", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
    let start = html
        .find(r#"<script type="application/json" id="data">"#)
        .unwrap();
    let data = &html[start..];
    let data = &data[data.find('>').unwrap() + 1..data.find("</script>").unwrap()];
    let embedded: Value = serde_json::from_str(&data.replace("<\\/", "</")).unwrap();
    let json: Value =
        serde_json::from_str(&dossier(dir.path(), &["report", ".", "--format", "json"])).unwrap();
    assert_eq!(embedded["map"], json);
}

#[test]
fn an_empty_folder_is_an_empty_map_and_an_unwritable_page_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let map: Value =
        serde_json::from_str(&dossier(dir.path(), &["report", ".", "--format", "json"])).unwrap();
    assert_eq!(map["totals"]["articles"], 0);
    assert_eq!(map["articles"], serde_json::json!([]));
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["report", ".", "-o", "no/such/folder/report.html"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write no/such/folder/report.html"),
        "{stderr}"
    );
}
