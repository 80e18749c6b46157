//! An open document: the text an editor holds, kept in a rope so that incremental edits cost
//! little however long the article.

use ropey::Rope;

use super::{Encoding, Position};

/// One change an editor sends: a range to replace (none: the whole text) and the new text.
#[derive(Clone, Debug)]
pub struct Edit {
    pub range: Option<(Position, Position)>,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    version: i32,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
        }
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// Applies edits in order. A range that lies past the end, or whose end comes before its
    /// start, is clamped to the text so that an edit is never dropped.
    pub fn apply(
        &mut self,
        edits: impl IntoIterator<Item = Edit>,
        version: i32,
        encoding: Encoding,
    ) {
        for edit in edits {
            match edit.range {
                None => self.rope = Rope::from_str(&edit.text),
                Some((start, end)) => {
                    let start = self.char_index(start, encoding);
                    let end = self.char_index(end, encoding).max(start);
                    self.rope.remove(start..end);
                    self.rope.insert(start, &edit.text);
                }
            }
        }
        self.version = version;
    }

    /// The char index of a position, clamped to its line and to the document.
    fn char_index(&self, position: Position, encoding: Encoding) -> usize {
        let rope = &self.rope;
        let line = position.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let line_start = rope.line_to_char(line);
        let slice = rope.line(line);
        let mut content = slice.len_chars();
        // The column never reaches into the line ending.
        while content > 0 && matches!(slice.char(content - 1), '\n' | '\r') {
            content -= 1;
        }
        let want = position.character as usize;
        let mut units = 0;
        for (i, c) in slice.chars().take(content).enumerate() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > want {
                return line_start + i;
            }
            units += width;
        }
        line_start + content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> Edit {
        Edit {
            range: Some((Position::new(l0, c0), Position::new(l1, c1))),
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_in_utf16_and_utf8() {
        let mut doc = Document::new("“Assad” met 🇸🇾 Lavrov\nin Moscow.\n", 1);
        // After the flag (4 UTF-16 units from column 12) insert a word.
        doc.apply([edit(0, 17, 0, 17, "and ")], 2, Encoding::Utf16);
        assert_eq!(doc.text(), "“Assad” met 🇸🇾 and Lavrov\nin Moscow.\n");
        let moscow = "in ".len() as u32;
        doc.apply([edit(1, moscow, 1, moscow + 6, "Sochi")], 3, Encoding::Utf8);
        assert_eq!(doc.text(), "“Assad” met 🇸🇾 and Lavrov\nin Sochi.\n");
        assert_eq!(doc.version(), 3);
    }

    #[test]
    fn bad_ranges_are_clamped_not_dropped() {
        let mut doc = Document::new("ab\ncd", 1);
        doc.apply([edit(0, 99, 0, 99, "!")], 2, Encoding::Utf16);
        assert_eq!(doc.text(), "ab!\ncd");
        doc.apply([edit(9, 0, 9, 0, "?")], 3, Encoding::Utf16);
        assert_eq!(doc.text(), "ab!\ncd?");
        // End before start: treated as an insertion at the start.
        doc.apply([edit(1, 2, 1, 0, "x")], 4, Encoding::Utf16);
        assert_eq!(doc.text(), "ab!\ncdx?");
    }

    #[test]
    fn full_replacement() {
        let mut doc = Document::new("old", 1);
        doc.apply(
            [Edit {
                range: None,
                text: "new".into(),
            }],
            2,
            Encoding::Utf16,
        );
        assert_eq!(doc.text(), "new");
    }
}
