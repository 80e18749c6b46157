//! The rooms of the server: one module per family of requests, each a set of free functions
//! over the [`Backend`](super::server::Backend) that turn protocol types into library calls and
//! back. tower-lsp wants its trait implemented in one block; `server.rs` holds it and sends
//! each request here.

pub mod actions;
pub mod annotations;
pub mod diagnostics;
pub mod documents;
pub mod lenses;
pub mod lifecycle;
pub mod links;
pub mod navigation;
pub mod settings;
pub mod tokens;
pub mod workspace;
