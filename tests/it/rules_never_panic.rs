//! The attribution rules on arbitrary text: no panic, and every range on character boundaries.

use dossier::rules::{check, fixes, RuleSettings};
use dossier::text::quotes::quotations;
use dossier::text::sentences::sentences;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Text built from the pieces that steer the rules, so that the generator reaches deep paths.
fn prose() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "It is believed that ",
        "observers say ",
        "a source said ",
        "the source added ",
        "according to ",
        "reportedly ",
        "is said to ",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'s ",
        "’s ",
        "40 percent ",
        "12,000 ",
        "6.2 million ",
        ". ",
        ", ",
        ": ",
        "\n",
        "\n\n",
        "Mr. ",
        "U.S. ",
        "Haddad ",
        "said ",
        "told ",
        "who ",
        "the ",
        "a ",
        "حرية ",
        "\u{a0}",
        "…",
        "— ",
        "? ",
        "<!-- dossier-disable-next-line -->\n",
        "dossier-enable\n",
        "view ",
        "’s point of view ",
        "there are those who ",
        "Some ",
        "figures ",
        "by ",
        "was ",
        "and said ",
        "é",
        "🙂",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    // The regressions file stays beside the test files it was written for, not beside this
    // module (where proptest would look by default).
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/rules_never_panic.proptest-regressions"
        )))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn rules_hold_on_generated_prose(text in prose()) {
        let settings = RuleSettings::default();
        for f in check(&text, &settings) {
            prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            prop_assert!(f.range.start <= f.range.end && f.range.end <= text.len());
            for r in &f.related {
                prop_assert!(text.is_char_boundary(r.range.start) && text.is_char_boundary(r.range.end));
            }
            for fix in fixes(&text, &f, true) {
                for (range, _) in &fix.edits {
                    prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                }
            }
        }
    }

    #[test]
    fn text_model_holds_on_any_string(text in any::<String>()) {
        for s in sentences(&text) {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        for q in quotations(&text) {
            prop_assert!(q.outer.start <= q.inner.start && q.inner.end <= q.outer.end);
            prop_assert!(text.is_char_boundary(q.inner.start) && text.is_char_boundary(q.inner.end));
        }
        check(&text, &RuleSettings::default());
    }
}
