//! Arbitrary bytes as a starting text and a sequence of incremental edits: the rope document
//! must end up holding exactly the client's text, and the line index must agree with the
//! client on every position. Regression inputs live in `fuzz/regressions/edits/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/checks/mod.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::edits(data);
});
