//! `dossier lsp`: the Language Server Protocol over stdio, a thin layer over the library.

mod cancel;
mod coalesce;
mod convert;
mod diagnostics;
mod framing;
mod handlers;
mod index;
mod server;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Error, Request, Response};
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
        cancels: cancel::Cancels::default(),
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

/// The lifecycle as the protocol specifies it, where tower-lsp departs from it: `shutdown`
/// counts only once it succeeded (one refused before `initialize` does not make `exit` orderly);
/// `shutdown` or `initialize` sent as a notification is ignored (tower-lsp would take the first
/// as a shutdown and refuse every later request); `exit` sent as a request is refused, not
/// obeyed; `shutdown` is answered once the requests before it are; and a `$/` request with an
/// id gets MethodNotFound (tower-lsp drops that answer for
/// every `$/` method, so the client would wait for ever). It also notes a `$/cancelRequest` as
/// soon as it is read, not when tower-lsp's queue reaches it (see `cancel`).
struct ExitWatch<S> {
    inner: S,
    exit: Arc<Notify>,
    shutdown: Arc<AtomicBool>,
    cancels: cancel::Cancels,
}

type Answer = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

fn answer(response: Option<Response>) -> Answer {
    Box::pin(std::future::ready(Ok(response)))
}

impl<S> Service<Request> for ExitWatch<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let id = request.id().cloned();
        match (request.method(), id) {
            (method, Some(id)) if method.starts_with("$/") => {
                let mut error = Error::method_not_found();
                error.message = format!("no such request: {method}").into();
                answer(Some(Response::from_error(id, error)))
            }
            ("exit", Some(id)) => {
                let error = Error::invalid_request();
                answer(Some(Response::from_error(id, error)))
            }
            ("exit", None) => {
                self.exit.notify_one();
                Box::pin(self.inner.call(request))
            }
            (method @ ("shutdown" | "initialize"), None) => {
                eprintln!("dossier: a notification named like the request {method} ignored");
                answer(None)
            }
            ("shutdown", Some(_)) => {
                let shutdown = Arc::clone(&self.shutdown);
                let cancels = self.cancels.clone();
                let response = self.inner.call(request);
                Box::pin(async move {
                    let response = response.await?;
                    cancels.none_in_flight().await;
                    if response.as_ref().is_some_and(Response::is_ok) {
                        shutdown.store(true, Ordering::SeqCst);
                    }
                    Ok(response)
                })
            }
            ("$/cancelRequest", None) => {
                if let Some(id) = cancel::cancelled_id(request.params()) {
                    self.cancels.cancel(&id);
                }
                Box::pin(self.inner.call(request))
            }
            (_, Some(id)) => Box::pin(self.cancels.track(id, self.inner.call(request))),
            (_, None) => Box::pin(self.inner.call(request)),
        }
    }
}
