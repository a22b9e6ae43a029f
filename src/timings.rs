//! Phase timings on stderr when `HANDOUT_TIMINGS=1`, to see which stage of a
//! build is slow without a profiler.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("HANDOUT_TIMINGS").is_some_and(|v| v != "0"))
}

/// Measures consecutive phases; prints each one's time when enabled.
pub struct Timer {
    last: Instant,
}

impl Timer {
    /// Starts timing now.
    pub fn start() -> Timer {
        Timer {
            last: Instant::now(),
        }
    }

    /// Ends the current phase, named `name`, and starts the next one.
    pub fn phase(&mut self, name: &str) {
        let now = Instant::now();
        if enabled() {
            eprintln!(
                "timing: {name:<14} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
        }
        self.last = now;
    }
}

/// Time summed over many small pieces of work on all threads (e.g. every
/// code block highlighted), reported as one line.
pub struct Total {
    nanos: AtomicU64,
    count: AtomicU64,
}

/// Syntax highlighting of fenced code, across all pages.
pub static HIGHLIGHT: Total = Total::new();

impl Total {
    const fn new() -> Total {
        Total {
            nanos: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }

    /// Runs `f`, adding its time when timings are enabled.
    pub fn time<T>(&self, f: impl FnOnce() -> T) -> T {
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
    pub fn report(&self, name: &str) {
        let nanos = self.nanos.swap(0, Ordering::Relaxed);
        let count = self.count.swap(0, Ordering::Relaxed);
        if enabled() {
            eprintln!(
                "timing: {name:<14} {:>8.1} ms of thread time, {count} calls",
                nanos as f64 / 1e6
            );
        }
    }
}
