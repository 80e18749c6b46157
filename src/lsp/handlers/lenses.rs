//! Code lenses: where they go is answered at once, what they say on `codeLens/resolve`, as an
//! actor's counts read every article that mentions it. Clicking an actor's lens runs the
//! client-side command `dossier.showReferences` (the plugins turn it into their references view).

use dossier::coverage::lenses;
use serde_json::{json, Value};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{CodeLens, CodeLensParams, Command, Position, Range, Url};

use super::navigation::ask;
use crate::lsp::convert;
use crate::lsp::server::Backend;

/// The command an actor's lens runs, with the document and the position of the mention.
pub const SHOW_REFERENCES: &str = "dossier.showReferences";

pub async fn code_lens(backend: &Backend, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let at = uri.clone();
    ask(backend, "codeLens", &at, move |ws, _, article, enc| {
        let top = Range::new(Position::new(0, 0), Position::new(0, 0));
        let mut found = vec![unresolved(top, json!({"uri": uri, "sources": true}))];
        for (actor, range) in lenses::first_mentions(ws, article) {
            let id = &ws.catalog().get(actor).id;
            let range = convert::range(article, &range, enc);
            found.push(unresolved(range, json!({"uri": uri, "actor": id})));
        }
        Some(found)
    })
    .await
}

fn unresolved(range: Range, data: Value) -> CodeLens {
    CodeLens {
        range,
        command: None,
        data: Some(data),
    }
}

pub async fn resolve(backend: &Backend, mut lens: CodeLens) -> Result<CodeLens> {
    let data = lens.data.clone().unwrap_or_default();
    let uri = data["uri"].as_str().and_then(|u| Url::parse(u).ok());
    let start = lens.range.start;
    let command = match (uri, data["actor"].as_str().map(str::to_owned)) {
        (Some(uri), Some(actor)) => {
            let at = uri.clone();
            ask(backend, "codeLens/resolve", &at, move |ws, _, _, _| {
                let id = ws.catalog().by_id(&actor)?;
                Some(Command {
                    title: lenses::actor_title(ws, id),
                    command: SHOW_REFERENCES.into(),
                    arguments: Some(vec![json!(uri), json!(start)]),
                })
            })
            .await?
        }
        (Some(uri), None) => {
            ask(backend, "codeLens/resolve", &uri, |ws, _, article, _| {
                Some(Command {
                    title: lenses::sources_title(ws, article),
                    command: String::new(),
                    arguments: None,
                })
            })
            .await?
        }
        _ => None,
    };
    // A lens whose article or actor is gone by now says so rather than failing the request.
    lens.command = Some(command.unwrap_or_else(|| Command {
        title: "(no longer in the workspace)".into(),
        command: String::new(),
        arguments: None,
    }));
    Ok(lens)
}
