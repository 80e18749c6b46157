//! Files read and analysed on as many threads as there are cores, each asking the system to
//! read ahead the file it will take some files later, and the results handed on in the paths'
//! order. More threads than cores kept a cold disk busy, but on a warm page cache they only took
//! turns on the cores: each turn a context switch, each switch a chance that a thread is put
//! aside while it holds what the others need (a pattern's cache), and `dossier check` on real
//! news took a fifth longer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, LazyLock, Mutex, MutexGuard, PoisonError};

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
///
/// The thread that finishes the first result not handed on hands it on, and those finished
/// after it: a thread that only waited for results woke once a file, and on a machine with as
/// many threads as cores each of its turns put an analysing thread aside (a quarter of a
/// million context switches for 10,000 articles read twice).
pub(super) fn in_order<T: Send>(
    count: usize,
    ahead: impl Fn(usize) + Sync,
    work: impl Fn(usize) -> Result<T, Skip> + Sync,
    done: impl FnMut(usize, Result<T, Skip>) + Send,
) {
    (0..LOOKAHEAD.min(count)).for_each(&ahead);
    let next = AtomicUsize::new(0);
    let order = Order::new(done);
    std::thread::scope(|scope| {
        for _ in 0..THREADS.min(count) {
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
                    order.finished(i, work(i));
                }
            });
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

/// The results [`in_order`] holds until those before them are handed on, and how far it has
/// handed them, for its threads to wait on.
struct Order<T, D> {
    state: Mutex<OrderState<T, D>>,
    moved: Condvar,
}

struct OrderState<T, D> {
    /// The index of the first result not handed on yet.
    first: usize,
    /// The results finished ahead of it.
    finished: BTreeMap<usize, Result<T, Skip>>,
    /// What takes the results, in order.
    done: D,
    /// Whether reading has stopped.
    stopped: bool,
    /// How many threads wait: only then is a move announced, since telling a condition
    /// variable costs a system call even when nobody waits on it, and results are handed on
    /// one by one.
    waiting: usize,
}

impl<T, D: FnMut(usize, Result<T, Skip>)> Order<T, D> {
    fn new(done: D) -> Self {
        let state = OrderState {
            first: 0,
            finished: BTreeMap::new(),
            done,
            stopped: false,
            waiting: 0,
        };
        Order {
            state: Mutex::new(state),
            moved: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, OrderState<T, D>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until file `i` is no more than [`AHEAD`] past the first not handed on; false if
    /// reading stopped meanwhile.
    fn may_take(&self, i: usize) -> bool {
        let mut state = self.lock();
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

    /// Takes result `i`, and hands it on with those finished after it if it was the first not
    /// handed on.
    fn finished(&self, i: usize, result: Result<T, Skip>) {
        let mut state = self.lock();
        if state.stopped {
            return;
        }
        let OrderState {
            first,
            finished,
            done,
            ..
        } = &mut *state;
        if i != *first {
            finished.insert(i, result);
            return;
        }
        done(i, result);
        *first += 1;
        while let Some(result) = finished.remove(first) {
            done(*first, result);
            *first += 1;
        }
        let waiting = state.waiting > 0;
        drop(state);
        if waiting {
            self.moved.notify_all();
        }
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.moved.notify_all();
    }
}

/// Stops reading when a panic unwinds a thread or the thread handing results on, so that no
/// thread waits for an order that will never move.
struct Release<'a, T, D: FnMut(usize, Result<T, Skip>)>(&'a Order<T, D>);

impl<T, D: FnMut(usize, Result<T, Skip>)> Drop for Release<'_, T, D> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`in_order`] hands on for `count` indices, the work taking longer the lower the
    /// index, so that later ones finish first.
    fn handed(count: usize) -> Vec<usize> {
        let mut out = Vec::new();
        in_order(
            count,
            |_| {},
            |i| {
                std::thread::sleep(std::time::Duration::from_micros((count - i) as u64 * 5));
                Ok(i * 2)
            },
            |i, result| {
                assert_eq!(result, Ok(i * 2));
                out.push(i);
            },
        );
        out
    }

    #[test]
    fn results_are_handed_on_in_order_and_all_of_them() {
        for count in [0, 1, 2, AHEAD, 5 * AHEAD + 3] {
            assert_eq!(handed(count), (0..count).collect::<Vec<_>>());
        }
    }

    /// Whether `in_order` over many indices, with `work` or `done` panicking at one, returns
    /// the panic to its caller (rather than leaving threads waiting for ever).
    fn panics(in_work: bool) -> bool {
        std::panic::catch_unwind(|| {
            in_order(
                10 * AHEAD,
                |_| {},
                |i| {
                    assert!(!(in_work && i == 3), "work");
                    Ok(i)
                },
                |i, _| assert!(in_work || i != 3, "done"),
            )
        })
        .is_err()
    }

    #[test]
    fn a_panic_in_the_work_or_in_handing_on_reaches_the_caller() {
        assert!(panics(true));
        assert!(panics(false));
    }
}
