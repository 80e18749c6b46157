//! Framing, end to end: bad headers and bytes that are no message between requests, written to
//! the real `dossier lsp`; every well-framed request after them is answered.

use crate::common;

use common::{Client, Options};
use proptest::prelude::*;
use serde_json::{json, Value};

fn hover_body(id: u64) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": "file:///nowhere/a.md"}, "position": {"line": 0, "character": 0}}})
    .to_string()
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn started() -> Client {
    let mut client = Client::spawn(&Options::default());
    client.initialize(&[], json!({}));
    client
}

/// Guarantee 3f: each bad header of the battery, followed by three good requests at once: the
/// bad frame is answered under its id (-32700, or answered in full when only the blank line
/// after the header is missing), the three after it as usual.
#[test]
fn the_reader_resynchronises_after_a_bad_header() {
    let mut client = started();
    let unicode = json!({"jsonrpc": "2.0", "id": 0, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": "file:///nowhere/Ünïcødé — “b”.md"},
                   "position": {"line": 0, "character": 0}}})
    .to_string();
    type Bad = Box<dyn Fn(&str) -> String>;
    let cases: Vec<(&str, Bad)> = vec![
        (
            "a negative length",
            Box::new(|b| format!("Content-Length: -1\r\n\r\n{b}")),
        ),
        (
            "no length",
            Box::new(|b| format!("Content-Type: x\r\n\r\n{b}")),
        ),
        (
            "a word",
            Box::new(|b| format!("Content-Length: twelve\r\n\r\n{b}")),
        ),
        (
            "20 digits",
            Box::new(|b| format!("Content-Length: 99999999999999999999\r\n\r\n{b}")),
        ),
        (
            "10^12",
            Box::new(|b| format!("Content-Length: 1000000000000\r\n\r\n{b}")),
        ),
        (
            "too long",
            Box::new(|b| format!("Content-Length: {}\r\n\r\n{b}", b.len() + 30)),
        ),
        ("no header", Box::new(|b| b.to_owned())),
        (
            "no blank line",
            Box::new(|b| format!("Content-Length: {}\r\n{b}", b.len())),
        ),
    ];
    let mut id = 100;
    for (what, bad) in &cases {
        let bad_id = id;
        let mut write = bad(&hover_body(bad_id));
        for next in 1..=3 {
            write += &frame(&hover_body(bad_id + next));
        }
        client.send_raw(write.as_bytes());
        let answer = client.response(&json!(bad_id), what);
        if *what == "no blank line" {
            assert_eq!(answer, Value::Null, "{what}: {answer}");
        } else {
            assert_eq!(answer["error"]["code"], -32700, "{what}: {answer}");
        }
        for next in 1..=3 {
            let answer = client.response(&json!(bad_id + next), what);
            assert_eq!(answer, Value::Null, "{what}: {answer}");
        }
        id += 10;
    }
    // A length counted in characters instead of bytes.
    let body = unicode.replace("\"id\":0", &format!("\"id\":{id}"));
    let mut write = format!("Content-Length: {}\r\n\r\n{body}", body.chars().count());
    write += &frame(&hover_body(id + 1));
    client.send_raw(write.as_bytes());
    let answer = client.response(&json!(id), "a length in characters");
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    assert_eq!(client.response(&json!(id + 1), "after it"), Value::Null);
    assert!(client.alive());
}

/// Bytes between messages that cannot start a header.
fn garbage() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..48).prop_filter("no header inside", |g| {
        !String::from_utf8_lossy(g)
            .to_ascii_lowercase()
            .contains("content-length")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Guarantee 3f, as a property: random bytes between valid frames, all written at once;
    /// every valid frame is answered.
    #[test]
    fn garbage_between_frames_loses_no_request(gaps in prop::collection::vec(garbage(), 1..5)) {
        let mut client = started();
        let mut write = Vec::new();
        for (i, gap) in gaps.iter().enumerate() {
            write.extend_from_slice(gap);
            write.extend_from_slice(frame(&hover_body(1000 + i as u64)).as_bytes());
        }
        client.send_raw(&write);
        for i in 0..gaps.len() {
            let answer = client.response(&json!(1000 + i as u64), "a request after garbage");
            prop_assert_eq!(answer, Value::Null);
        }
    }
}

/// Guarantee 3f: a message whose id no response can carry (a 25-digit number is a float to
/// JSON; found by the fuzzer) is answered under a null id, and the server reads on: a stand-in
/// carrying that id would have stopped tower-lsp's reader for good.
#[test]
fn an_id_no_response_can_carry_stops_nothing() {
    let mut client = started();
    for body in [
        r#"{"jsonrpc":"2.0","id":9999999999999999999999999,"method":"textDocument/hover"}"#,
        r#"{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover"}"#,
    ] {
        client.send_raw(frame(body).as_bytes());
        let answer = client.response(&Value::Null, body);
        assert!(answer.get("error").is_some(), "{answer}");
    }
    let answer = client.request("workspace/symbol", json!({"query": "x"}));
    assert!(answer.is_array(), "{answer}");
}
