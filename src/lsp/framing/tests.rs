use proptest::prelude::*;

use super::*;

async fn run(input: &[u8]) -> Vec<Value> {
    let mut output = Vec::new();
    guard(input, &mut output).await;
    let mut frames = Vec::new();
    let mut rest = &output[..];
    while let Some(at) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = std::str::from_utf8(&rest[..at]).unwrap();
        let n: usize = header["Content-Length: ".len()..].parse().unwrap();
        frames.push(serde_json::from_slice(&rest[at + 4..at + 4 + n]).unwrap());
        rest = &rest[at + 4 + n..];
    }
    assert!(rest.is_empty());
    frames
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn request(id: u32) -> String {
    format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{}}}}"#)
}

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

/// The error a stand-in carries, and the id it is answered under.
fn stand_in_of(frame: &Value) -> Option<(i64, Value)> {
    (frame["method"] == MALFORMED).then(|| {
        (
            frame["params"]["code"].as_i64().unwrap(),
            frame["id"].clone(),
        )
    })
}

#[tokio::test]
async fn good_frames_pass_and_bad_ones_are_replaced() {
    let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
    let input = format!(
        "{}Content-Length: 5\r\n\r\n{{\"a\":X-Junk: 1\r\n\r\nContent-Length: 10\r\n\r\n{{\"id\": 42}}",
        frame(good)
    );
    let frames = run(input.as_bytes()).await;
    assert_eq!(frames.len(), 4, "{frames:?}");
    assert_eq!(frames[0], serde_json::from_str::<Value>(good).unwrap());
    assert_eq!(stand_in_of(&frames[1]), Some((-32700, Value::Null)));
    assert!(frames[2]["params"]["message"]
        .as_str()
        .unwrap()
        .contains("without a Content-Length"));
    assert_eq!(stand_in_of(&frames[3]), Some((-32600, json!(42))));
}

/// An id no response can carry (found by the fuzzer: a 25-digit number is a float to JSON) is
/// answered under a null id; a stand-in carrying it would stop tower-lsp's reader.
#[tokio::test]
async fn an_id_that_is_no_integer_or_string_is_answered_as_null() {
    for id in ["9999999999999999999999999", "1.5", "[1]", "{}", "true"] {
        let body = format!(r#"{{"id":{id},"method":5}}"#);
        let frames = run(frame(&body).as_bytes()).await;
        assert_eq!(stand_in_of(&frames[0]), Some((-32600, Value::Null)), "{id}");
        let headless = run(body.as_bytes()).await;
        assert_eq!(
            stand_in_of(&headless[0]),
            Some((-32700, Value::Null)),
            "{id}"
        );
    }
}

/// Each bad header of the battery, followed by three good requests: the bad one is answered
/// under its id, and the three after it pass untouched.
#[tokio::test]
async fn the_reader_resynchronises_after_a_bad_header() {
    let body = request(7);
    let bad_headers = [
        format!("Content-Length: -1\r\n\r\n{body}"),
        format!("Content-Type: application/json\r\n\r\n{body}"),
        format!("Content-Length: twelve\r\n\r\n{body}"),
        format!("Content-Length: 99999999999999999999\r\n\r\n{body}"),
        format!("Content-Length: 1000000000000\r\n\r\n{body}"),
        format!("Content-Length: {}\r\n\r\n{body}", body.len() + 40),
        format!("Content-Length: {}\r\n{body}", body.len()),
        body.clone(),
    ];
    let unicode = r#"{"jsonrpc":"2.0","id":7,"method":"x","params":{"q":"Ünïcødé — “quoted”"}}"#;
    let in_chars = format!(
        "Content-Length: {}\r\n\r\n{unicode}",
        unicode.chars().count()
    );
    for bad in bad_headers.iter().chain([&in_chars]) {
        let input = format!(
            "{bad}{}{}{}",
            frame(&request(1)),
            frame(&request(2)),
            frame(&request(3))
        );
        let frames = run(input.as_bytes()).await;
        let ids: Vec<&Value> = frames.iter().map(|f| &f["id"]).collect();
        let missing_blank_line = !bad.contains("\r\n\r\n") && bad.starts_with("Content");
        if missing_blank_line {
            // The body after a header without its blank line is read as the body.
            assert_eq!(ids, [&json!(7), &json!(1), &json!(2), &json!(3)], "{bad:?}");
            assert_eq!(frames[0]["method"], "textDocument/hover");
        } else {
            assert_eq!(
                ids,
                [&json!(7), &json!(1), &json!(2), &json!(3)],
                "{bad:?}: {frames:?}"
            );
            assert_eq!(
                stand_in_of(&frames[0]).map(|s| s.0),
                Some(-32700),
                "{bad:?}"
            );
        }
        for (i, f) in frames[1..].iter().enumerate() {
            assert_eq!(
                f,
                &serde_json::from_str::<Value>(&request(i as u32 + 1)).unwrap()
            );
        }
    }
}

#[tokio::test]
async fn a_length_over_the_limit_is_refused_without_waiting_for_its_body() {
    // No more input follows, yet the over-long frame is answered and the next one passes.
    let input = format!(
        "Content-Length: 1000000000000\r\n\r\n{}{}",
        request(5),
        frame(&request(6))
    );
    let frames = run(input.as_bytes()).await;
    assert_eq!(frames.len(), 2);
    assert_eq!(stand_in_of(&frames[0]), Some((-32700, json!(5))));
    assert_eq!(frames[1]["id"], 6);
}

#[test]
fn a_header_split_across_reads_is_kept_whole() {
    assert_eq!(partial_header(b"xyzContent-Le"), 10);
    assert_eq!(partial_header(b"xyz"), 0);
    assert_eq!(find_header(b"ab CONTENT-LENGTH: 1", 0), Some(3));
}

/// Bytes between messages that cannot start a header (no `Content-Length` in them).
fn garbage() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..64)
        .prop_filter("no header inside", |g| find_header(g, 0).is_none())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Random bytes between valid frames: every valid frame after them is passed on whole.
    #[test]
    fn garbage_between_frames_loses_no_valid_frame(
        gaps in prop::collection::vec(garbage(), 1..6),
    ) {
        let mut input = Vec::new();
        for (i, gap) in gaps.iter().enumerate() {
            input.extend_from_slice(gap);
            input.extend_from_slice(frame(&request(i as u32 + 1)).as_bytes());
        }
        let frames = block_on(run(&input));
        let passed: Vec<Value> = frames
            .iter()
            .filter(|f| f["method"] == "textDocument/hover")
            .map(|f| f["id"].clone())
            .collect();
        let expected: Vec<Value> = (1..=gaps.len() as u32).map(|i| json!(i)).collect();
        prop_assert_eq!(passed, expected);
    }
}

/// The inputs the fuzz target kept (`fuzz/regressions/framing/`), replayed through its check.
#[test]
fn framing_fuzz_regressions_replay() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/framing");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in inputs {
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}
