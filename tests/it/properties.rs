//! Properties of the text model, checked on generated texts and edits: the open document always
//! holds the client's text, and positions convert between bytes, UTF-8 and UTF-16 columns and
//! back exactly as the client counts them. The client's side is `checks::ClientText`, written
//! from the protocol's description rather than from dossier's code.

use crate::checks;

use checks::{check_edits, check_positions};
use dossier::text::document::Edit;
use dossier::text::{Encoding, Position};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Characters chosen for what they do to positions: every line ending the protocol knows and
/// some it does not (U+2028, U+0085, form feed), one- to four-byte UTF-8, and characters outside
/// the BMP (two UTF-16 units, a flag is two of them).
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'e'),
        1 => Just(' '),
        2 => Just('\n'),
        1 => Just('\r'),
        1 => Just('\u{2028}'),
        1 => Just('\u{0085}'),
        1 => Just('\u{000C}'),
        1 => Just('é'),
        1 => Just('’'),
        1 => Just('س'),
        1 => Just('🇸'),
        1 => Just('😀'),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

fn position() -> impl Strategy<Value = Position> {
    // Mostly inside a short text, sometimes far outside it.
    let coordinate = prop_oneof![8 => 0u32..12, 1 => Just(u32::MAX), 1 => 12u32..100];
    (coordinate.clone(), coordinate).prop_map(|(l, c)| Position::new(l, c))
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        prop::option::weighted(0.95, (position(), position())),
        text(8),
    )
        .prop_map(|(range, text)| Edit { range, text })
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![Just(Encoding::Utf16), Just(Encoding::Utf8)]
}

proptest! {
    // The regressions file stays beside the test files it was written for, not beside this
    // module (where proptest would look by default).
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/properties.proptest-regressions"
        )))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn document_after_incremental_edits_equals_the_client_text(
        initial in text(40),
        edits in prop::collection::vec(edit(), 0..24),
        encoding in encoding(),
    ) {
        check_edits(encoding, &initial, &edits);
    }

    #[test]
    fn positions_round_trip_and_agree_with_the_client(text in text(60), encoding in encoding()) {
        check_positions(&text, encoding);
    }

    #[test]
    fn utf8_and_utf16_columns_name_the_same_byte(text in text(60)) {
        let index = dossier::text::LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let utf8 = index.position(&text, offset, Encoding::Utf8);
            let utf16 = index.position(&text, offset, Encoding::Utf16);
            prop_assert_eq!(utf8.line, utf16.line);
            prop_assert_eq!(
                index.offset(&text, utf8, Encoding::Utf8),
                index.offset(&text, utf16, Encoding::Utf16)
            );
        }
    }
}
