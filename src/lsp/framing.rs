//! A guard in front of tower-lsp's reader. tower-lsp stops reading stdin at the first message it
//! cannot decode (its `FramedRead` ends the stream after a decoder error), and it trusts every
//! `Content-Length`, so one malformed message or header would end the server or swallow the
//! requests after it. Here every frame is read first: a frame that tower-lsp could not decode is
//! replaced by a `dossier/malformedMessage` request that is answered with the JSON-RPC error the
//! client should have had (under the message's id when one can be read), and after a bad header
//! the reader resynchronises on the next `Content-Length`.
//!
//! This file names nothing else of the crate, so that the fuzz target can compile it alone.

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response, Result};

/// The method that stands in for a malformed message.
pub const MALFORMED: &str = "dossier/malformedMessage";

/// A header line longer than this is no header: what follows is skipped to the next one.
const MAX_HEADER_LINE: usize = 8192;

/// Bodies larger than this are not held in memory: such a length is refused like a bad one.
const MAX_BODY: usize = 64 << 20;

/// The header every frame must have, matched without regard to case as the protocol's HTTP-like
/// headers are.
const LENGTH_HEADER: &[u8] = b"content-length";

/// Copies LSP frames from `input` to `output` until `input` ends, replacing malformed ones.
pub async fn guard(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut input = Input::new(input);
    while let Some(frame) = next_frame(&mut input).await {
        let body = match frame {
            Frame::Body(body) => accept(&body).unwrap_or_else(|| stand_in(&body)),
            Frame::Unusable { id, reason } => {
                eprintln!("dossier: unusable message: {reason}");
                stand_in_for(id, ErrorCode::ParseError, reason)
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

#[derive(Debug)]
enum Frame {
    Body(Vec<u8>),
    /// A frame whose header or length was wrong, with the id of its request if one could be
    /// read from what followed the header.
    Unusable {
        id: Value,
        reason: String,
    },
}

/// The input with a buffer of its own: resynchronising means looking ahead for the next header
/// and giving back what belongs to it.
struct Input<R> {
    source: R,
    buffer: Vec<u8>,
    at: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(source: R) -> Self {
        Self {
            source,
            buffer: Vec::new(),
            at: 0,
        }
    }

    fn pending(&self) -> &[u8] {
        &self.buffer[self.at..]
    }

    fn consume(&mut self, n: usize) -> Vec<u8> {
        let taken = self.buffer[self.at..self.at + n].to_vec();
        self.at += n;
        taken
    }

    /// Reads more; false at the end of the input (or on an error reading it, which ends it too).
    async fn fill(&mut self) -> bool {
        if self.at > 0 && (self.at == self.buffer.len() || self.at >= 1 << 16) {
            self.buffer.drain(..self.at);
            self.at = 0;
        }
        let mut chunk = [0; 1 << 16];
        match self.source.read(&mut chunk).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }
}

/// What a header block said about the body's length.
enum Length {
    Bytes(usize),
    Refused(String),
}

/// The next frame; `None` at the end of the input.
async fn next_frame(input: &mut Input<impl AsyncRead + Unpin>) -> Option<Frame> {
    loop {
        // Stray line breaks and spaces between messages.
        let blank = input
            .pending()
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        input.consume(blank);
        if input.pending().is_empty() {
            if !input.fill().await {
                return None;
            }
            continue;
        }
        match header(input).await? {
            Some(Length::Bytes(n)) => return body(input, n).await,
            Some(Length::Refused(reason)) => return Some(salvage(input, reason).await),
            None => {
                let (skipped, answered) = skip_to_header(input).await?;
                let reason = format!("{skipped} bytes that are no message");
                if answered {
                    return Some(Frame::Unusable {
                        id: Value::Null,
                        reason,
                    });
                }
                eprintln!("dossier: {reason} skipped");
            }
        }
    }
}

/// Reads a header block. `None` inside: what stands here is no header at all (to be skipped);
/// `None` outside: the input ended.
async fn header(input: &mut Input<impl AsyncRead + Unpin>) -> Option<Option<Length>> {
    let mut length: Option<Length> = None;
    let mut lines = 0;
    loop {
        if input.pending().is_empty() && !input.fill().await {
            return None;
        }
        if input.pending()[0] == b'{' {
            if lines > 0 {
                // A body that follows its header without the blank line: the header ends here.
                break;
            }
            // A message without any header: its id may still be read.
            return Some(Some(Length::Refused("a message without a header".into())));
        }
        let end = loop {
            let pending = input.pending();
            if let Some(i) = memchr::memchr(b'\n', &pending[..pending.len().min(MAX_HEADER_LINE)]) {
                break Some(i);
            }
            if pending.len() >= MAX_HEADER_LINE {
                break None;
            }
            if !input.fill().await {
                return None;
            }
        };
        let Some(end) = end else {
            if lines == 0 {
                return Some(None);
            }
            break;
        };
        let line = &input.pending()[..end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            input.consume(end + 1);
            break;
        }
        // A `Content-Length` inside a line: what stands before it is the rest of something
        // broken, and the header starts there.
        if let Some(p) = find_header(line, 0).filter(|&p| p > 0) {
            eprintln!("dossier: {p} bytes before a header skipped");
            input.consume(p);
            length = None;
            lines = 0;
            continue;
        }
        let Some((name, value)) = header_field(line) else {
            if lines == 0 {
                return Some(None);
            }
            // Not a header line after a header: the header ended without its blank line.
            break;
        };
        if name.eq_ignore_ascii_case(LENGTH_HEADER) {
            length = Some(parse_length(value));
        }
        input.consume(end + 1);
        lines += 1;
    }
    Some(Some(length.unwrap_or_else(|| {
        Length::Refused("a header without a Content-Length".into())
    })))
}

/// A header line's name and value, if it is one (`name: value`, the name a token).
fn header_field(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = memchr::memchr(b':', line)?;
    let name = &line[..colon];
    let token = |b: &u8| b.is_ascii_alphanumeric() || b"-_.!#$%&'*+^`|~".contains(b);
    (!name.is_empty() && name.iter().all(token)).then(|| (name, &line[colon + 1..]))
}

fn parse_length(value: &[u8]) -> Length {
    let text = String::from_utf8_lossy(value);
    let digits = text.trim();
    let number = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse::<usize>().ok())
        .flatten();
    match number {
        Some(n) if n <= MAX_BODY => Length::Bytes(n),
        Some(n) => Length::Refused(format!(
            "a Content-Length of {n} bytes is over the limit of {MAX_BODY}"
        )),
        None => Length::Refused(format!(
            "a Content-Length that is no number of bytes: {digits:?}"
        )),
    }
}

/// A body of `n` bytes. A length that does not fit its body (counted in characters, or just
/// wrong) is noticed when the JSON ends where the next header begins: too long, the body would
/// swallow the next message, so the reader stops at that header instead of waiting; too short,
/// the body read is cut, and the bytes up to the next header make the message whose id is
/// answered.
async fn body(input: &mut Input<impl AsyncRead + Unpin>, n: usize) -> Option<Frame> {
    let mut scanned = 0;
    loop {
        let pending = input.pending();
        let window = &pending[..pending.len().min(n)];
        let mut from = scanned;
        while let Some(p) = find_header(window, from) {
            if let Some(id) = json_id(&pending[..p]) {
                input.consume(p);
                return Some(Frame::Unusable {
                    id,
                    reason: format!(
                        "a Content-Length of {n} bytes for a body of {p}: the next message began"
                    ),
                });
            }
            from = p + 1;
        }
        if pending.len() >= n {
            break;
        }
        scanned = pending.len().saturating_sub(LENGTH_HEADER.len());
        if !input.fill().await {
            return None;
        }
    }
    let body = input.consume(n);
    if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_ok() {
        return Some(Frame::Body(body));
    }
    let pending = input.pending();
    let rest = find_header(pending, 0).unwrap_or(pending.len() - partial_header(pending));
    let mut whole = body.clone();
    whole.extend_from_slice(&pending[..rest]);
    match json_id(&whole) {
        Some(id) => {
            input.consume(rest);
            Some(Frame::Unusable {
                id,
                reason: format!(
                    "a Content-Length of {n} bytes for a body of {}",
                    whole.len()
                ),
            })
        }
        None => Some(Frame::Body(body)),
    }
}

/// After a header whose length cannot be used: the bytes already read up to the next header
/// are taken as the body, to read the id of the request to answer.
async fn salvage(input: &mut Input<impl AsyncRead + Unpin>, reason: String) -> Frame {
    // Only what has arrived is looked at: the client may be waiting for the answer.
    let pending = input.pending();
    let end = find_header(pending, 0).unwrap_or(pending.len() - partial_header(pending));
    let id = json_id(&pending[..end]).unwrap_or(Value::Null);
    input.consume(end);
    Frame::Unusable { id, reason }
}

/// Skips bytes that are no message, to the next `Content-Length` or past the blank line that
/// ends a header block, whichever comes first; returns how many bytes were skipped and whether
/// they ended as a header block does (and are answered as a broken one), `None` if the input
/// ended first.
async fn skip_to_header(input: &mut Input<impl AsyncRead + Unpin>) -> Option<(usize, bool)> {
    let mut skipped = 0;
    loop {
        let pending = input.pending();
        // The first byte is skipped in any case, so that the reader always moves on.
        let from = usize::from(skipped == 0);
        let header = find_header(pending, from);
        let blank = blank_line_end(pending, from);
        if let Some(end) = blank.filter(|&b| header.is_none_or(|h| b <= h)) {
            input.consume(end);
            return Some((skipped + end, true));
        }
        let keep = partial_header(pending).min(pending.len() - from);
        let n = header.unwrap_or(pending.len() - keep);
        input.consume(n);
        skipped += n;
        if header.is_some() {
            return Some((skipped, false));
        }
        if !input.fill().await {
            return None;
        }
    }
}

/// The end of the first blank line (`\n\n` or `\n\r\n`) at or after `from`.
fn blank_line_end(bytes: &[u8], from: usize) -> Option<usize> {
    let from = from.min(bytes.len());
    memchr::memchr_iter(b'\n', &bytes[from..])
        .map(|i| from + i + 1)
        .find_map(|after| match bytes.get(after..) {
            Some([b'\n', ..]) => Some(after + 1),
            Some([b'\r', b'\n', ..]) => Some(after + 2),
            _ => None,
        })
}

/// Where the next `Content-Length` header starts, at or after `from`.
fn find_header(bytes: &[u8], from: usize) -> Option<usize> {
    let from = from.min(bytes.len());
    memchr::memchr2_iter(b'c', b'C', &bytes[from..])
        .map(|i| from + i)
        .find(|&i| {
            bytes[i..]
                .get(..LENGTH_HEADER.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(LENGTH_HEADER))
        })
}

/// How many bytes at the end could be the start of a `Content-Length` still being written.
fn partial_header(bytes: &[u8]) -> usize {
    (1..LENGTH_HEADER.len())
        .rev()
        .find(|&k| {
            bytes.len() >= k && bytes[bytes.len() - k..].eq_ignore_ascii_case(&LENGTH_HEADER[..k])
        })
        .unwrap_or(0)
}

/// The id of the request these bytes hold, if they are one JSON object with a usable id.
fn json_id(bytes: &[u8]) -> Option<Value> {
    // Only an object is looked at, and only one that ends here: a body that merely mentions a
    // header is not parsed again at every mention.
    let last = bytes.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if bytes[last] != b'}' {
        return None;
    }
    let value: Value = serde_json::from_slice(bytes).ok()?;
    value.is_object().then(|| usable_id(&value))
}

/// A message's id if a response can carry it: an integer or a string, as tower-lsp reads ids.
/// Anything else (`1e25`, `1.5`) is answered under a null id: a stand-in carrying it would not
/// decode, and tower-lsp stops reading at the first message it cannot decode.
fn usable_id(message: &Value) -> Value {
    message
        .get("id")
        .filter(|id| !id.is_null() && serde_json::from_value::<Id>((*id).clone()).is_ok())
        .cloned()
        .unwrap_or(Value::Null)
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
            let id = usable_id(&value);
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

/// What the fuzz target (`fuzz/fuzz_targets/framing.rs`) and the replay of its kept inputs
/// check: any bytes, then a valid request. Every frame passed on is one tower-lsp decodes, and
/// unless the bytes hold a `Content-Length` of their own (which may rightly claim what follows
/// as its body), the valid request after them is passed on whole.
#[cfg(any(test, fuzzing))]
pub fn check(data: &[u8]) {
    const VALID: &str = r#"{"jsonrpc":"2.0","id":987654321,"method":"textDocument/hover"}"#;
    let mut input = data.to_vec();
    input.extend_from_slice(format!("Content-Length: {}\r\n\r\n{VALID}", VALID.len()).as_bytes());
    let mut output = Vec::new();
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
        .block_on(guard(&input[..], &mut output));
    let mut rest = &output[..];
    let mut passed = false;
    while !rest.is_empty() {
        let end = memchr::memmem::find(rest, b"\r\n\r\n").expect("a header block");
        let header = std::str::from_utf8(&rest[..end]).expect("an ASCII header");
        let n: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("a length");
        let body = &rest[end + 4..end + 4 + n];
        let value: Value = serde_json::from_slice(body).expect("JSON");
        assert!(
            serde_json::from_value::<Request>(value.clone()).is_ok()
                || serde_json::from_value::<Response>(value).is_ok(),
            "not JSON-RPC: {}",
            String::from_utf8_lossy(body)
        );
        passed |= body == VALID.as_bytes();
        rest = &rest[end + 4 + n..];
    }
    assert!(
        passed || find_header(data, 0).is_some(),
        "the valid request was lost"
    );
}

#[cfg(test)]
mod tests;
