//! Files read and analysed on as many threads as there are cores, each asking the system to
//! read ahead the file it will take some files later, and the results handed on in the paths'
//! order. More threads than cores kept a cold disk busy, but on a warm page cache they only took
//! turns on the cores: each turn a context switch, each switch a chance that a thread is put
//! aside while it holds what the others need (a pattern's cache), and `dossier check` on real
//! news took a fifth longer.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, LazyLock, Mutex, PoisonError};

use super::{read_article, Loaded, Skip};

/// How many files at once are read and analysed: one a core.
static THREADS: LazyLock<usize> =
    LazyLock::new(|| std::thread::available_parallelism().map_or(2, |n| n.get()));

/// How many files ahead of the one it takes a thread asks the system to read: while the cores
/// analyse, the disk reads what comes next (a page cache gone cold left every read waiting on
/// it, and the cores with it).
const LOOKAHEAD: usize = 32;

/// How many files past the first one not yet handed on the threads may take: what waits to be
/// handed on in order is at most this many files' results.
const AHEAD: usize = 64;

/// Reads files in parallel (files over `limit` bytes are skipped), each handed to `each` at once,
/// while the text is fresh in the cache. The results come in the order of `paths`.
pub fn read_each<T: Send>(
    paths: &[PathBuf],
    limit: u64,
    each: impl Fn(&Path, Loaded) -> T + Sync,
) -> Vec<Result<T, Skip>> {
    let mut results = Vec::with_capacity(paths.len());
    in_order(
        paths.len(),
        |i| read_ahead(&paths[i]),
        |i| read_article(&paths[i], limit).map(|loaded| each(&paths[i], loaded)),
        |_, result| results.push(result),
    );
    results
}

/// Runs `work` on each index below `count` (for [`read_each`], reading the file of that index
/// and analysing it) on [`THREADS`] threads, each taking the next index when done with one and
/// first telling `ahead` of the index [`LOOKAHEAD`] later, and gives each result to `done` (with
/// its index) as soon as those before it are given: only the files being analysed and the few
/// finished ahead of an earlier one are held at any time, however many there are.
pub(super) fn in_order<T: Send>(
    count: usize,
    ahead: impl Fn(usize) + Sync,
    work: impl Fn(usize) -> Result<T, Skip> + Sync,
    mut done: impl FnMut(usize, Result<T, Skip>),
) {
    (0..LOOKAHEAD.min(count)).for_each(&ahead);
    let next = AtomicUsize::new(0);
    let order = Order::default();
    let (results, finished) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        // A panic in `done` lets the threads go.
        let _release = Release(&order);
        for _ in 0..THREADS.min(count) {
            let results = results.clone();
            let (next, order, ahead, work) = (&next, &order, &ahead, &work);
            scope.spawn(move || {
                // A thread that panics lets the others go before the panic reaches the caller.
                let _release = Release(order);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count || !order.may_take(i) {
                        return;
                    }
                    if i + LOOKAHEAD < count {
                        ahead(i + LOOKAHEAD);
                    }
                    if results.send((i, work(i))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(results);
        let mut waiting = std::collections::BTreeMap::new();
        let mut first = 0;
        for (i, result) in finished {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&first) {
                done(first, result);
                first += 1;
            }
            order.handed(first);
        }
    });
}

/// Asks the system to start reading a file into its cache, and returns at once.
#[cfg(target_os = "linux")]
pub(super) fn read_ahead(path: &Path) {
    use std::os::fd::AsRawFd;
    if let Ok(file) = super::open_without_waiting(path) {
        // (Advice only: a file that cannot take it is read when its turn comes.)
        // SAFETY: the descriptor is open for the length of the call.
        unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED) };
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn read_ahead(_: &Path) {}

/// How far [`in_order`] has handed results on, for its threads to wait on.
#[derive(Default)]
struct Order {
    state: Mutex<OrderState>,
    moved: Condvar,
}

#[derive(Default)]
struct OrderState {
    /// The index of the first result not handed on yet.
    first: usize,
    /// Whether reading has stopped.
    stopped: bool,
    /// How many threads wait: only then is a move announced, since telling a condition
    /// variable costs a system call even when nobody waits on it, and results are handed on
    /// one by one.
    waiting: usize,
}

impl Order {
    /// Waits until file `i` is no more than [`AHEAD`] past the first not handed on; false if
    /// reading stopped meanwhile.
    fn may_take(&self, i: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while i >= state.first + AHEAD && !state.stopped {
            state.waiting += 1;
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            state.waiting -= 1;
        }
        !state.stopped
    }

    fn handed(&self, first: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.first = first;
        let waiting = state.waiting > 0;
        drop(state);
        if waiting {
            self.moved.notify_all();
        }
    }

    fn stop(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped = true;
        self.moved.notify_all();
    }
}

/// Stops reading when a panic unwinds a thread or the thread handing results on, so that no
/// thread waits for an order that will never move.
struct Release<'a>(&'a Order);

impl Drop for Release<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}
