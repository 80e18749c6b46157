//! Checks shared by the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path), the
//! replay of their regression inputs (`tests/it/fuzz_regressions.rs`) and the property tests
//! (`tests/it/properties.rs`), so that a minimized input means the same thing everywhere.
//!
//! `ClientText` is the text as an LSP client holds it, written from the protocol's own words
//! rather than from dossier's code: lines end at `\n`, `\r\n` or `\r`; a character is a UTF-8
//! byte or a UTF-16 code unit. Where the protocol says nothing (a line past the end, an end before
//! its start, a column inside a character), it follows what dossier documents: clamp to the end
//! of the text, insert at the start, and snap to the start of the character.

#![allow(dead_code)]

use std::path::PathBuf;

use dossier::answers;
use dossier::article::Article;
use dossier::catalog::Catalog;
use dossier::config::Config;
use dossier::text::document::Edit;
use dossier::text::{Document, Encoding, LineIndex, Position};
use dossier::workspace::{ArticleId, Workspace};

/// The text an editor holds, edited the way the protocol describes.
#[derive(Clone, Debug, Default)]
pub struct ClientText {
    pub text: String,
}

impl ClientText {
    pub fn new(text: &str) -> Self {
        Self { text: text.into() }
    }

    /// Byte ranges of each line's content (without its ending), in order.
    pub fn lines(&self) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push((start, i));
                    i += 1;
                    start = i;
                }
                b'\r' => {
                    lines.push((start, i));
                    i += if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = i;
                }
                _ => i += 1,
            }
        }
        lines.push((start, bytes.len()));
        lines
    }

    /// The byte offset a position names.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let lines = self.lines();
        let Some(&(start, end)) = lines.get(position.line as usize) else {
            return self.text.len();
        };
        let mut units = 0usize;
        for (i, c) in self.text[start..end].char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > position.character as usize {
                return start + i;
            }
            units += width;
        }
        end
    }

    /// The position of a byte offset at a char boundary.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let lines = self.lines();
        let line = lines
            .iter()
            .rposition(|&(start, _)| start <= offset)
            .unwrap_or(0);
        let (start, end) = lines[line];
        let prefix = &self.text[start..offset.min(end).max(start)];
        let character = match encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn apply(&mut self, edit: &Edit, encoding: Encoding) {
        match edit.range {
            None => self.text = edit.text.clone(),
            Some((start, end)) => {
                let start = self.offset(start, encoding);
                let end = self.offset(end, encoding).max(start);
                self.text.replace_range(start..end, &edit.text);
            }
        }
    }
}

/// A small reader over fuzz bytes; it never fails, running out yields zeros.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (&b, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        b
    }

    fn take(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A line or column: mostly small, sometimes far past any end.
    fn coordinate(&mut self) -> u32 {
        match self.byte() {
            250..=255 => u32::MAX - 3,
            b => u32::from(b % 40),
        }
    }

    /// Text for an edit: lossily decoded bytes, so that any input is usable.
    fn text(&mut self) -> String {
        let n = usize::from(self.byte() % 32);
        String::from_utf8_lossy(self.take(n)).into_owned()
    }
}

/// Turns fuzz bytes into an encoding, a starting text and a sequence of edits.
pub fn decode_edits(data: &[u8]) -> (Encoding, String, Vec<Edit>) {
    let mut bytes = Bytes(data);
    let flags = bytes.byte();
    let encoding = if flags & 1 == 0 {
        Encoding::Utf16
    } else {
        Encoding::Utf8
    };
    let n = usize::from(bytes.byte());
    let initial = String::from_utf8_lossy(bytes.take(n)).into_owned();
    let mut edits = Vec::new();
    while !bytes.is_empty() && edits.len() < 64 {
        let kind = bytes.byte();
        let range = if kind % 16 == 0 {
            None
        } else {
            let start = Position::new(bytes.coordinate(), bytes.coordinate());
            let end = Position::new(bytes.coordinate(), bytes.coordinate());
            Some((start, end))
        };
        edits.push(Edit {
            range,
            text: bytes.text(),
        });
    }
    (encoding, initial, edits)
}

/// Applies edits to a [`Document`] and to the client's text, one at a time, and insists that
/// they agree after each; then that the line index of the result names the same places as the
/// client does.
pub fn check_edits(encoding: Encoding, initial: &str, edits: &[Edit]) {
    let mut document = Document::new(initial, 1);
    let mut client = ClientText::new(initial);
    for (i, edit) in edits.iter().enumerate() {
        client.apply(edit, encoding);
        document.apply([edit.clone()], i as i32 + 2, encoding);
        assert_eq!(
            document.text(),
            client.text,
            "after edit {i} ({edit:?}) in {encoding:?}"
        );
    }
    check_positions(&client.text, encoding);
}

/// The line index (what hover and every answer use) agrees with the client on every char
/// boundary, and positions round-trip through it.
pub fn check_positions(text: &str, encoding: Encoding) {
    let index = LineIndex::new(text);
    let client = ClientText::new(text);
    let lines = client.lines();
    let in_content = |offset: usize| lines.iter().any(|&(s, e)| s <= offset && offset <= e);
    for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
        if !in_content(offset) {
            // Inside a line ending: no position names it.
            continue;
        }
        let position = index.position(text, offset, encoding);
        assert_eq!(
            position,
            client.position(offset, encoding),
            "position of byte {offset} in {text:?}"
        );
        assert_eq!(
            index.offset(text, position, encoding),
            offset,
            "round trip of byte {offset} in {text:?}"
        );
    }
    for line in 0..lines.len() as u32 + 2 {
        for character in [0, 1, 2, 3, 5, 8, 1000, u32::MAX] {
            let p = Position::new(line, character);
            assert_eq!(
                index.offset(text, p, encoding),
                client.offset(p, encoding),
                "offset of {p:?} in {text:?}"
            );
        }
    }
}

/// Runs the edits target on raw fuzz bytes.
pub fn edits(data: &[u8]) {
    let (encoding, initial, edits) = decode_edits(data);
    check_edits(encoding, &initial, &edits);
}

/// A workspace with the default catalog and one fixed article beside the fuzzed one, so that
/// answers reaching across articles are exercised too. Building the automaton is the costly
/// part, so a fuzz target builds this once.
pub fn fuzz_workspace() -> Workspace {
    let mut ws = Workspace::new(dossier::catalog::default_catalog());
    ws.update(
        PathBuf::from("/fuzz/companion.md"),
        "2 March 2020\n\nUN envoy Geir Pedersen met Sergei Lavrov in Moscow; Damascus said nothing.\n"
            .into(),
    );
    ws
}

/// Analyses arbitrary text and asks every question an editor can ask about it, at many
/// offsets; checks the invariants answers rely on. Also feeds the text to the parsers of the
/// two kinds of configuration, which read files nobody cleaned.
pub fn analyze(ws: &mut Workspace, data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let path = PathBuf::from("/fuzz/article.md");
    let id = ws.update(path.clone(), text.clone());
    let article = ws.article(id);
    assert_eq!(article.text, text);
    check_article(article);

    // Every offset of a short text (and one past the end), a sample of a long one, and the
    // edges of every mention, where answers change.
    let mut offsets: Vec<usize> = if text.len() <= 64 {
        (0..=text.len() + 1).collect()
    } else {
        (0..=32).map(|i| text.len() * i / 32).collect()
    };
    for m in article.mentions.iter().take(64) {
        offsets.extend([m.range.start, m.range.end]);
    }
    for (i, offset) in offsets.into_iter().enumerate() {
        // Completion scans the whole catalog: asked at a few places only, to keep the
        // fuzzer fast.
        ask_everything(ws, id, offset, i % 8 == 0);
    }
    let _ = answers::symbols::article_actors(ws, id);
    let query: String = text.chars().take(12).collect();
    let _ = answers::symbols::find_actors(ws, &query, 50);

    let _ = Config::parse(&path, &text);
    let _ = Catalog::parse_file(&path, &text);
    ws.remove(&path);
}

fn check_article(article: &Article) {
    let text = &article.text;
    let mut previous = 0;
    for m in &article.mentions {
        assert!(m.range.start <= m.range.end, "{m:?}");
        assert!(m.range.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.range.start), "{m:?}");
        assert!(text.is_char_boundary(m.range.end), "{m:?}");
        assert!(previous <= m.range.start, "mentions out of order: {m:?}");
        previous = m.range.start;
    }
}

fn ask_everything(ws: &Workspace, id: ArticleId, offset: usize, complete: bool) {
    let article = ws.article(id);
    if let Some(card) = answers::card::hover(ws, id, offset) {
        assert!(!card.markdown.is_empty());
        let _ = article
            .lines
            .position(&article.text, card.range.start, Encoding::Utf16);
        let _ = article
            .lines
            .position(&article.text, card.range.end, Encoding::Utf8);
    }
    let _ = answers::navigate::definition(ws, id, offset);
    for (other, range) in answers::navigate::references(ws, id, offset, true) {
        let other = ws.article(other);
        assert!(range.end <= other.text.len());
    }
    for range in answers::navigate::highlights(ws, id, offset) {
        assert!(range.end <= article.text.len());
    }
    if complete {
        for completion in answers::complete::completions(ws, id, offset) {
            assert!(completion.replace.end <= article.text.len());
        }
    }
}
