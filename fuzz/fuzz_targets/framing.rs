//! Arbitrary bytes, then a valid request, through the framing guard in front of tower-lsp: every
//! frame it passes on decodes as JSON-RPC, and bytes without a header of their own never cost
//! the request after them. Regression inputs live in `fuzz/regressions/framing/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/lsp/framing.rs"]
#[allow(dead_code)]
mod framing;

fuzz_target!(|data: &[u8]| {
    framing::check(data);
});
