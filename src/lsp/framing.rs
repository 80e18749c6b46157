//! A guard in front of tower-lsp's reader. tower-lsp stops reading stdin at the first message it
//! cannot decode (its `FramedRead` ends the stream after a decoder error), so one malformed
//! message would end the server. Here every frame is read first; a frame that tower-lsp could
//! not decode is replaced by a `dossier/malformedMessage` request that is answered with the
//! JSON-RPC error the client should have had, and the server reads on.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp::jsonrpc::{Error, ErrorCode, Request, Response, Result};

/// The method that stands in for a malformed message.
pub const MALFORMED: &str = "dossier/malformedMessage";

/// Longer header lines are cut into pieces.
const MAX_HEADER_LINE: u64 = 8192;

/// Bodies larger than this are not held in memory: they are read past and refused.
const MAX_BODY: usize = 64 << 20;

/// Copies LSP frames from `input` to `output` until `input` ends, replacing malformed ones.
pub async fn guard(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut reader = BufReader::new(input);
    while let Some(frame) = next_frame(&mut reader).await {
        let body = match frame {
            Frame::Body(body) => accept(&body).unwrap_or_else(|| stand_in(&body)),
            Frame::Unusable(reason) => {
                eprintln!("dossier: unusable message: {reason}");
                stand_in_for(Value::Null, ErrorCode::ParseError, reason)
            }
        };
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let sent = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            output.flush().await
        };
        if sent.await.is_err() {
            return;
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    Unusable(String),
}

/// The next frame; `None` at the end of the input.
async fn next_frame(reader: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Frame> {
    let mut length = None;
    let mut header_lines = 0;
    loop {
        let mut line = Vec::new();
        // A header line is short; a longer one is read in pieces, each an unknown header, so
        // that bytes without a newline cannot grow memory without end.
        let mut limited = (&mut *reader).take(MAX_HEADER_LINE);
        if limited.read_until(b'\n', &mut line).await.ok()? == 0 {
            return None;
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if header_lines == 0 {
                // Stray blank lines between messages.
                continue;
            }
            break;
        }
        header_lines += 1;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let Some(length) = length else {
        return Some(Frame::Unusable("a header without a Content-Length".into()));
    };
    if length > MAX_BODY {
        let skipped = tokio::io::copy(
            &mut (&mut *reader).take(length as u64),
            &mut tokio::io::sink(),
        )
        .await
        .ok()?;
        if skipped < length as u64 {
            return None;
        }
        return Some(Frame::Unusable(format!(
            "a body of {length} bytes is over the limit of {MAX_BODY}"
        )));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.ok()?;
    Some(Frame::Body(body))
}

/// The body to pass on, if tower-lsp will decode it (as a request or a response). `"params":
/// null` is dropped first: some clients send it for `shutdown` and `exit`, whose params are
/// void, and tower-lsp would refuse the request as having unexpected params.
fn accept(body: &[u8]) -> Option<Vec<u8>> {
    let mut value: Value = serde_json::from_slice(body).ok()?;
    let null_params = value.get("params").is_some_and(Value::is_null);
    if null_params {
        value.as_object_mut()?.remove("params");
    }
    let decodes = serde_json::from_value::<Request>(value.clone()).is_ok()
        || serde_json::from_value::<Response>(value.clone()).is_ok();
    match (decodes, null_params) {
        (false, _) => None,
        (true, true) => Some(value.to_string().into_bytes()),
        (true, false) => Some(body.to_vec()),
    }
}

/// The stand-in for a body tower-lsp would not decode: not JSON is a parse error, JSON that
/// is not a JSON-RPC message an invalid request, answered under the message's id if it has one.
fn stand_in(body: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<Value>(body) {
        Err(e) => {
            eprintln!("dossier: a message that is not JSON: {e}");
            stand_in_for(Value::Null, ErrorCode::ParseError, format!("not JSON: {e}"))
        }
        Ok(value) => {
            eprintln!("dossier: a message that is not JSON-RPC 2.0: {value}");
            let id = value
                .get("id")
                .filter(|id| id.is_number() || id.is_string())
                .cloned()
                .unwrap_or(Value::Null);
            stand_in_for(
                id,
                ErrorCode::InvalidRequest,
                "not a JSON-RPC 2.0 request, response or notification".into(),
            )
        }
    }
}

fn stand_in_for(id: Value, code: ErrorCode, message: String) -> Vec<u8> {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": MALFORMED,
        "params": {"code": code.code(), "message": message},
    })
    .to_string()
    .into_bytes()
}

#[derive(serde::Deserialize)]
pub struct Malformed {
    code: i64,
    message: String,
}

/// Answers the stand-in with the error the malformed message deserved.
pub async fn answer(params: Malformed) -> Result<()> {
    Err(Error {
        code: ErrorCode::from(params.code),
        message: params.message.into(),
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &[u8]) -> String {
        let mut output = Vec::new();
        guard(input, &mut output).await;
        String::from_utf8(output).unwrap()
    }

    #[tokio::test]
    async fn good_frames_pass_and_bad_ones_are_replaced() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: {}\r\n\r\n{good}Content-Length: 5\r\n\r\n{{\"a\":X-Junk: 1\r\n\r\nContent-Length: 10\r\n\r\n{{\"id\": 42}}",
            good.len()
        );
        let out = run(input.as_bytes()).await;
        let frames: Vec<&str> = out.split("Content-Length: ").skip(1).collect();
        assert_eq!(frames.len(), 4, "{out}");
        assert!(frames[0].ends_with(good));
        assert!(frames[1].contains("-32700") && frames[1].contains("\"id\":null"));
        assert!(frames[2].contains("without a Content-Length"));
        assert!(frames[3].contains("-32600") && frames[3].contains("\"id\":42"));
    }
}
