//! `dossier lsp`: the Language Server Protocol over stdio, a thin layer over the library.

mod convert;
mod diagnostics;
mod framing;
mod handlers;
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
    let mut builder = LspService::build(server::Backend::new);
    // A request that panics on purpose, so that an end-to-end test can prove a panic inside a
    // handler is answered as an internal error; absent unless the test asks for it at startup.
    if std::env::var_os("DOSSIER_TEST_PANIC").is_some_and(|v| v == "1") {
        builder = builder.custom_method("dossier/panic", server::Backend::deliberate_panic);
    }
    let builder = builder.custom_method(framing::MALFORMED, server::Backend::malformed);
    let (service, socket) = builder.finish();
    // Messages pass the framing guard on their way in, so that a malformed one is answered
    // instead of ending the server.
    let (guarded, to_server) = tokio::io::duplex(1 << 16);
    tokio::spawn(framing::guard(tokio::io::stdin(), to_server));
    let exit = Arc::new(Notify::new());
    let shutdown = Arc::new(AtomicBool::new(false));
    let watched = ExitWatch {
        inner: service,
        exit: Arc::clone(&exit),
        shutdown: Arc::clone(&shutdown),
    };
    let serve = tower_lsp::Server::new(guarded, tokio::io::stdout(), socket).serve(watched);
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
