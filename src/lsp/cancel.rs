//! Cancellation that works. tower-lsp aborts a request's future when it reaches the client's
//! `$/cancelRequest`, but that notification waits in the same queue as the requests before it,
//! and a handler that computes without yielding is never interrupted: twelve cancelled requests
//! were all answered in full while the questions after them waited. Here a cancellation is
//! noted as soon as it is read (`Cancels`, called from `lsp::ExitWatch`), each request carries
//! its flag (a task-local), and long work runs off the request loop ([`off_loop`]), skipped
//! when cancelled before it starts and dropped when cancelled while it runs.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Error, Id, Result};

tokio::task_local! {
    static CURRENT: Arc<AtomicBool>;
}

thread_local! {
    static WORKING_FOR: std::cell::RefCell<Option<Arc<AtomicBool>>> = const { std::cell::RefCell::new(None) };
}

/// The requests in flight, by id, with their cancellation flags.
#[derive(Clone, Default)]
pub struct Cancels {
    flights: Arc<Mutex<HashMap<Id, Arc<AtomicBool>>>>,
    /// Told when the last request in flight is answered.
    idle: Arc<Notify>,
}

impl Cancels {
    /// Runs a request's future with its flag, forgotten once it is answered.
    pub fn track<F: Future + Send + 'static>(
        &self,
        id: Id,
        answer: F,
    ) -> impl Future<Output = F::Output> + Send + 'static
    where
        F::Output: Send,
    {
        let flag = Arc::new(AtomicBool::new(false));
        self.lock().insert(id.clone(), Arc::clone(&flag));
        let cancels = self.clone();
        CURRENT.scope(flag, async move {
            let answered = answer.await;
            let mut flights = cancels.lock();
            flights.remove(&id);
            if flights.is_empty() {
                cancels.idle.notify_waiters();
            }
            answered
        })
    }

    /// Notes the client's `$/cancelRequest` for `id`.
    pub fn cancel(&self, id: &Id) {
        if let Some(flag) = self.lock().get(id) {
            flag.store(true, Ordering::SeqCst);
        }
    }

    /// Waits until every request in flight is answered: `shutdown` answers after them, so
    /// that `exit` never ends the server before a request sent earlier has its answer.
    pub async fn none_in_flight(&self) {
        loop {
            // Made before looking, so that an answer in between is not missed.
            let idle = self.idle.notified();
            if self.lock().is_empty() {
                return;
            }
            idle.await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Id, Arc<AtomicBool>>> {
        self.flights.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The id a `$/cancelRequest` names.
pub fn cancelled_id(params: Option<&serde_json::Value>) -> Option<Id> {
    serde_json::from_value(params?.get("id")?.clone()).ok()
}

/// Has the client cancelled the request this thread works for (inside [`off_loop`])?
pub fn requested() -> bool {
    WORKING_FOR.with(|w| {
        w.borrow()
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    })
}

/// Runs `work` on a blocking thread, so that the request loop reads on (and reads the
/// cancellation) meanwhile. Answers -32800 when the request was cancelled before the work
/// started or while it ran (its partial result is never sent).
pub async fn off_loop<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let flag = CURRENT.try_with(Arc::clone).ok();
    // Dropped with the request (tower-lsp drops a future it cancels): the work stops too.
    let mut stop = StopOnDrop(flag.clone());
    let cancelled = move |flag: &Option<Arc<AtomicBool>>| {
        flag.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    };
    let done = tokio::task::spawn_blocking(move || {
        if cancelled(&flag) {
            return Err(Error::request_cancelled());
        }
        WORKING_FOR.with(|w| *w.borrow_mut() = flag.clone());
        let result = work();
        WORKING_FOR.with(|w| *w.borrow_mut() = None);
        if cancelled(&flag) {
            return Err(Error::request_cancelled());
        }
        result
    })
    .await;
    stop.0 = None;
    done.unwrap_or_else(|e| {
        eprintln!("dossier: a request's work ended abnormally: {e}");
        Err(Error::internal_error())
    })
}

struct StopOnDrop(Option<Arc<AtomicBool>>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        if let Some(flag) = &self.0 {
            flag.store(true, Ordering::SeqCst);
        }
    }
}
