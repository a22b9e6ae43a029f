//! Phase timings on stderr when `HANDOUT_TIMINGS=1`, to see which stage of a
//! build is slow without a profiler.

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
