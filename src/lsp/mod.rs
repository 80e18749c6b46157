//! `dossier lsp`: the Language Server Protocol over stdio, a thin layer over the library.

mod convert;
mod diagnostics;
mod index;
mod server;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{ExitedError, LspService};
use tower_service::Service;

/// Serves one client on stdin/stdout until it sends `exit` or closes stdin. Returns whether the
/// client asked for `shutdown` first (the exit code's business, as the protocol says).
pub async fn run() -> bool {
    let (service, socket) = LspService::new(server::Backend::new);
    let exit = Arc::new(Notify::new());
    let shutdown = Arc::new(AtomicBool::new(false));
    let watched = ExitWatch {
        inner: service,
        exit: Arc::clone(&exit),
        shutdown: Arc::clone(&shutdown),
    };
    let serve =
        tower_lsp::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(watched);
    // tower-lsp only stops after `exit` once another message arrives or stdin closes; an
    // editor expects the process to end at `exit`.
    tokio::select! {
        _ = serve => {}
        _ = exit.notified() => {}
    }
    shutdown.load(Ordering::SeqCst)
}

struct ExitWatch<S> {
    inner: S,
    exit: Arc<Notify>,
    shutdown: Arc<AtomicBool>,
}

impl<S> Service<Request> for ExitWatch<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        match request.method() {
            "shutdown" => self.shutdown.store(true, Ordering::SeqCst),
            "exit" => self.exit.notify_one(),
            _ => {}
        }
        self.inner.call(request)
    }
}
