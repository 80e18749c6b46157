//! What the docs and the editors' settings say that the code also knows — the rules, their
//! levels and summaries, the catalog's counts — checked against the code, so they cannot drift.

use std::collections::BTreeMap;
use std::path::Path;

use dossier::catalog::default_catalog;
use dossier::rules::RULES;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn codes() -> Vec<&'static str> {
    RULES.iter().map(|r| r.code).collect()
}

#[test]
fn the_vscode_settings_list_every_rule_with_its_summary() {
    let package: Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    let configuration = &package["contributes"]["configuration"];
    let sections: Vec<&Value> = match configuration.as_array() {
        Some(all) => all.iter().collect(),
        None => vec![configuration],
    };
    let rules = sections
        .iter()
        .find_map(|s| s["properties"].get("dossier.rules"))
        .expect("a dossier.rules setting");
    // serde_json reads an object's keys in sorted order: compared as sets.
    let listed: BTreeMap<&str, &str> = rules["properties"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(code, p)| (code.as_str(), p["description"].as_str().unwrap()))
        .collect();
    let expected: BTreeMap<&str, &str> = RULES.iter().map(|r| (r.code, r.summary)).collect();
    assert_eq!(listed, expected);
    assert_eq!(rules["additionalProperties"], false);
}

#[test]
fn the_settings_schema_names_every_rule() {
    let schema: Value = serde_json::from_str(&read("schema/dossier.schema.json")).unwrap();
    let names: Vec<&str> = schema["properties"]["rules"]["propertyNames"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, codes());
}

#[test]
fn the_readme_lists_every_rule_at_its_default_level() {
    let readme = read("README.md");
    for rule in RULES {
        let row = format!(
            "| [`{}`]({}) | {} |",
            rule.code,
            rule.doc,
            rule.default_severity.as_str()
        );
        assert!(readme.contains(&row), "README.md has no row {row}");
    }
}

#[test]
fn the_readme_counts_the_catalog_right() {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let catalog = default_catalog();
    for (_, actor) in catalog.actors() {
        *kinds.entry(actor.kind.as_str()).or_default() += 1;
    }
    let total: usize = kinds.values().sum();
    let readme = read("README.md");
    let said = format!(
        "**{total} real entries** for the diplomacy of the Syrian conflict,\n2011–2026 ({} people, {} organisations, {} states, {} places, {} instruments, {} outlets)",
        kinds["person"],
        kinds["organization"],
        kinds["state"],
        kinds["place"],
        kinds["instrument"],
        kinds["outlet"],
    );
    assert!(readme.contains(&said), "README.md should say: {said}");
}

#[test]
fn the_neovim_versions_agree() {
    // The oldest Neovim the plugin runs on, as its health check tells it.
    let health = read("editors/nvim/lua/dossier/health.lua");
    assert!(
        health.contains("has(\"nvim-0.10\")"),
        "the health check's floor moved"
    );
    assert!(read("README.md").contains("**Neovim 0.10+**"));
    assert!(read("editors/README.md").contains("0.10 works through `vim.lsp.start`"));
}

#[test]
fn the_vscode_extension_declares_the_servers_token_legend() {
    use dossier::answers::tokens::{modifiers, types};
    let package: Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    let ids = |key: &str| -> Vec<String> {
        package["contributes"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("semanticTokenTypes"), types());
    assert_eq!(ids("semanticTokenModifiers"), modifiers());
    let scopes = &package["contributes"]["semanticTokenScopes"][0]["scopes"];
    for kind in types() {
        assert!(scopes.get(kind).is_some(), "no scope for {kind}");
    }
    // And the Neovim plugin links every type to a group.
    let nvim = read("editors/nvim/lua/dossier/init.lua");
    for kind in types() {
        let group = format!("[\"@lsp.type.{kind}\"]");
        assert!(
            nvim.contains(&group),
            "the Neovim plugin does not link {group}"
        );
    }
}

#[test]
fn the_ci_examples_name_no_placeholder_repository() {
    // A workflow names the action by where it finds dossier; this repository's own uses the path.
    for file in [
        "README.md",
        "docs/check.md",
        "action.yml",
        ".pre-commit-hooks.yaml",
    ] {
        assert!(!read(file).contains("OWNER/"), "{file} names a placeholder");
    }
    assert!(read(".github/workflows/dossier.yml").contains("- uses: ./\n"));
}
