//! A progress line on stderr for long builds ("rendering 5200/23041"),
//! shown only when stderr is a terminal and the build takes more than a
//! moment. The stages count their work here; `show` draws it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

static STAGE: Mutex<&str> = Mutex::new("");
static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// Starts counting a stage of `total` steps.
pub(crate) fn stage(name: &'static str, total: usize) {
    *crate::sync::lock(&STAGE) = name;
    DONE.store(0, Ordering::Relaxed);
    TOTAL.store(total, Ordering::Relaxed);
}

/// One step of the current stage is done.
pub(crate) fn tick() {
    DONE.fetch_add(1, Ordering::Relaxed);
}

/// Draws the progress line until dropped (then clears it).
pub struct Display {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Shows progress on stderr if it is a terminal; `None` otherwise.
pub fn show() -> Option<Display> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        // Short builds finish before anything is drawn.
        let mut waited = Duration::ZERO;
        let mut drawn = false;
        while !flag.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
            waited += Duration::from_millis(100);
            let total = TOTAL.load(Ordering::Relaxed);
            if waited < Duration::from_millis(500) || total == 0 {
                continue;
            }
            let stage = *crate::sync::lock(&STAGE);
            let done = DONE.load(Ordering::Relaxed).min(total);
            crate::console::err(&format!("\r\x1b[2K  {stage} {done}/{total}"));
            drawn = true;
        }
        if drawn {
            crate::console::err("\r\x1b[2K");
        }
    });
    Some(Display {
        stop,
        thread: Some(thread),
    })
}

impl Drop for Display {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
