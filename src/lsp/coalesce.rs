//! Work asked for again while it runs is run once more afterwards, not once per asking. A burst of
//! notifications whose handlers each waited for the client (`workspace/configuration`) filled
//! tower-lsp's queue of four handlers at a time and a hundred waiting: the client's replies
//! were then never read, and the server froze for good. Here the handlers after the first
//! return at once, and the first runs the work again for them.

use std::future::Future;
use std::sync::Mutex;

#[derive(Default)]
pub struct Coalesced {
    runs: Mutex<Runs>,
}

#[derive(Default)]
struct Runs {
    running: bool,
    again: bool,
}

impl Coalesced {
    /// Runs `work` until nobody asked for it during the last run, unless a run is under way
    /// already: then it is asked for again and this call returns `false` at once. Otherwise
    /// returns whether any run returned `true`.
    pub async fn run<F: Future<Output = bool>>(&self, mut work: impl FnMut() -> F) -> bool {
        {
            let mut runs = self.lock();
            if runs.running {
                runs.again = true;
                return false;
            }
            runs.running = true;
        }
        // Lets the next caller run the work should this future be dropped half-way.
        let _running = Running(self);
        let mut any = false;
        loop {
            any |= work().await;
            let mut runs = self.lock();
            if !std::mem::take(&mut runs.again) {
                return any;
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Runs> {
        self.runs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct Running<'a>(&'a Coalesced);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.lock().running = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn askings_during_a_run_make_one_more_run() {
        let coalesced = Coalesced::default();
        let runs = AtomicUsize::new(0);
        let (go, wait) = tokio::sync::watch::channel(false);
        let work = || {
            let mut wait = wait.clone();
            let runs = &runs;
            async move {
                runs.fetch_add(1, Ordering::SeqCst);
                let _ = wait.wait_for(|go| *go).await;
                true
            }
        };
        let first = coalesced.run(work);
        let later = async {
            tokio::task::yield_now().await;
            for _ in 0..10 {
                assert!(!coalesced.run(work).await);
            }
            go.send_replace(true);
        };
        let (ran, ()) = tokio::join!(first, later);
        assert!(ran);
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        assert!(!coalesced.run(|| async { false }).await);
    }
}
