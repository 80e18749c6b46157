//! The text model: positions, open documents and what an article says about itself.

mod bytes;
pub mod date;
pub mod document;
pub mod front_matter;
pub mod lines;
pub mod markdown;
mod prefixes;
pub mod quotes;
pub mod sentences;

pub(crate) use bytes::{
    all_in, char_at, char_before, char_starts, find_in, lines_inclusive, word_start_masks,
};
pub use bytes::{char_count, utf16_len};
pub use date::{article_date, Date};
pub use document::Document;
pub use lines::{Encoding, LineIndex, Position};
pub(crate) use prefixes::{padded, Prefixes};
