//! Semantic tokens: actors coloured by kind, sources by class (`answers::tokens`), in the
//! protocol's relative encoding, each token within one line as clients without
//! `multilineTokenSupport` require.

use dossier::answers::tokens::{self, Kind};
use dossier::article::Article;
use dossier::text::Encoding;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens,
    SemanticTokensFullOptions, SemanticTokensLegend, SemanticTokensOptions, SemanticTokensParams,
    SemanticTokensResult, SemanticTokensServerCapabilities,
};

use super::navigation::ask;
use crate::lsp::server::Backend;

/// What `initialize` offers: whole documents, with the legend the plugins map to colours.
pub fn offered() -> SemanticTokensServerCapabilities {
    SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
        legend: SemanticTokensLegend {
            token_types: tokens::types()
                .into_iter()
                .map(SemanticTokenType::new)
                .collect(),
            token_modifiers: tokens::modifiers()
                .into_iter()
                .map(SemanticTokenModifier::new)
                .collect(),
        },
        full: Some(SemanticTokensFullOptions::Bool(true)),
        range: None,
        work_done_progress_options: Default::default(),
    })
}

pub async fn full(
    backend: &Backend,
    params: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    ask(
        backend,
        "semanticTokens",
        &params.text_document.uri,
        |ws, id, article, enc| {
            let data = encode(article, &tokens::tokens(ws, id), enc);
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            }))
        },
    )
    .await
}

/// Tokens in order as the protocol's five numbers each, relative to the token before; a token
/// over a line break is cut into one per line.
fn encode(
    article: &Article,
    found: &[(std::ops::Range<usize>, Kind)],
    enc: Encoding,
) -> Vec<SemanticToken> {
    let (mut line, mut start) = (0, 0);
    let mut out = Vec::with_capacity(found.len());
    for (range, kind) in found {
        let mut from = range.start;
        while from < range.end {
            let l = article.lines.line_of(from);
            let to = range
                .end
                .min(article.lines.line_range(&article.text, l).end);
            if to <= from {
                break;
            }
            let a = article.lines.position(&article.text, from, enc);
            let b = article.lines.position(&article.text, to, enc);
            if b.character > a.character {
                let delta_line = a.line - line;
                out.push(SemanticToken {
                    delta_line,
                    delta_start: if delta_line == 0 {
                        a.character - start
                    } else {
                        a.character
                    },
                    length: b.character - a.character,
                    token_type: kind.type_index() as u32,
                    token_modifiers_bitset: kind.modifiers(),
                });
                (line, start) = (a.line, a.character);
            }
            from = to;
            // Past the line break, to the next line's first byte.
            while from < range.end && matches!(article.text.as_bytes()[from], b'\n' | b'\r') {
                from += 1;
            }
        }
    }
    out
}
