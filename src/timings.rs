//! Phase timings on stderr with `--verbose` (or `HANDOUT_TIMINGS=1`), to see
//! which stage of a build is slow without a profiler.

use crate::say;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

static FORCED: AtomicBool = AtomicBool::new(false);

/// Turns the timings on for the rest of the process (`--verbose`).
pub fn enable() {
    FORCED.store(true, Ordering::Relaxed);
}

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    FORCED.load(Ordering::Relaxed)
        || *ON.get_or_init(|| std::env::var_os("HANDOUT_TIMINGS").is_some_and(|v| v != "0"))
}

/// Measures consecutive phases; prints each one's time when enabled.
pub(crate) struct Timer {
    last: Instant,
}

impl Timer {
    /// Starts timing now.
    pub(crate) fn start() -> Timer {
        Timer {
            last: Instant::now(),
        }
    }

    /// Ends the current phase, named `name`, and starts the next one.
    pub(crate) fn phase(&mut self, name: &str) {
        let now = Instant::now();
        if enabled() {
            say!(
                "timing: {name:<14} {:>8.1} ms{}",
                (now - self.last).as_secs_f64() * 1000.0,
                resident().map_or(String::new(), |mb| format!("   (resident {mb} MB)"))
            );
        }
        self.last = now;
    }
}

/// Resident memory of this process in MB, where the system tells it (Linux).
fn resident() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}

/// Time summed over many small pieces of work on all threads (e.g. every
/// code block highlighted), reported as one line.
pub(crate) struct Total {
    nanos: AtomicU64,
    count: AtomicU64,
}

/// Syntax highlighting of fenced code, across all pages.
pub(crate) static HIGHLIGHT: Total = Total::new();

impl Total {
    const fn new() -> Total {
        Total {
            nanos: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }

    /// Runs `f`, adding its time when timings are enabled.
    pub(crate) fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        if !enabled() {
            return f();
        }
        let start = Instant::now();
        let out = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.nanos.fetch_add(nanos, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
        out
    }

    /// Prints the total so far (thread time, not wall time) and resets it.
    pub(crate) fn report(&self, name: &str) {
        let nanos = self.nanos.swap(0, Ordering::Relaxed);
        let count = self.count.swap(0, Ordering::Relaxed);
        if enabled() {
            say!(
                "timing: {name:<14} {:>8.1} ms of thread time, {count} calls",
                nanos as f64 / 1e6
            );
        }
    }
}

/// Thread time per kind of render job (pages, sheets, term lists …).
pub(crate) struct ByKind(Mutex<BTreeMap<&'static str, (f64, u64)>>);

/// Render jobs, by kind.
pub(crate) static JOBS: ByKind = ByKind(Mutex::new(BTreeMap::new()));

impl ByKind {
    /// Runs `f`, adding its time to `kind` when timings are enabled.
    pub(crate) fn time<T>(&self, kind: &'static str, f: impl FnOnce() -> T) -> T {
        if !enabled() {
            return f();
        }
        let start = Instant::now();
        let out = f();
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let mut map = crate::sync::lock(&self.0);
        let entry = map.entry(kind).or_insert((0.0, 0));
        entry.0 += ms;
        entry.1 += 1;
        out
    }

    /// Prints each kind's total (thread time), slowest first, and resets.
    pub(crate) fn report(&self) {
        let mut map = crate::sync::lock(&self.0);
        let mut rows: Vec<_> = std::mem::take(&mut *map).into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
        if enabled() {
            for (kind, (ms, n)) in rows {
                say!("timing:   {kind:<14} {ms:>8.1} ms of thread time, {n} jobs");
            }
        }
    }
}
