//! One headless browser for a whole `handout pdf` run: started with a
//! fresh profile folder and a DevTools port, closed and its profile folder
//! removed when dropped (also on an error), whatever happened.

use super::cdp::Cdp;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the browser may take to start.
const START: Duration = Duration::from_secs(30);
/// How long it may take to close before it is stopped.
const CLOSE: Duration = Duration::from_secs(5);
/// Lines of the browser's own output kept for error messages.
const LOG_LINES: usize = 8;

/// The flags of every headless run: no sandbox (it fails in containers and
/// under some security set-ups), no GPU, nothing fetched from the network,
/// and timers of pages in the background not slowed down.
const FLAGS: [&str; 14] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--remote-debugging-port=0",
];

/// A running browser.
pub(crate) struct Browser {
    program: PathBuf,
    child: Child,
    profile: PathBuf,
    /// The last lines the browser wrote to stderr.
    log: Arc<Mutex<VecDeque<String>>>,
    /// The DevTools address, once the browser has printed it.
    address: Receiver<String>,
}

impl Browser {
    /// Starts `program` headless; call `connect` to talk to it.
    pub(crate) fn start(program: &Path) -> Result<Browser, String> {
        let profile = fresh_profile()?;
        let spawned = Command::new(program)
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match spawned {
            Ok(c) => c,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&profile);
                return Err(format!("cannot start {}: {e}", program.display()));
            }
        };
        let log = Arc::new(Mutex::new(VecDeque::new()));
        let (tx, address) = mpsc::channel();
        if let Some(stderr) = child.stderr.take() {
            let log = Arc::clone(&log);
            std::thread::spawn(move || read_log(stderr, &log, &tx));
        }
        Ok(Browser {
            program: program.to_path_buf(),
            child,
            profile,
            log,
            address,
        })
    }

    /// Waits for the browser to be ready; its DevTools address and a
    /// first connection to it.
    pub(crate) fn connect(&mut self) -> Result<(String, Cdp), String> {
        let deadline = Instant::now() + START;
        loop {
            match self.address.recv_timeout(Duration::from_millis(100)) {
                Ok(url) => return Cdp::connect(&url, START).map(|c| (url, c)),
                Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!(
                        "{} did not start within {} s{}",
                        self.program.display(),
                        START.as_secs(),
                        self.log_tail()
                    ))
                }
                Err(RecvTimeoutError::Disconnected) => return Err(self.stopped("while starting")),
            }
        }
    }

    /// A message for a browser that stopped or lost its connection
    /// `when` (e.g. "while printing x.html"), with its exit status and
    /// last words.
    pub(crate) fn stopped(&mut self, when: &str) -> String {
        let status = (0..20).find_map(|_| match self.child.try_wait() {
            Ok(Some(s)) => Some(format!(" ({s})")),
            Ok(None) => {
                std::thread::sleep(Duration::from_millis(25));
                None
            }
            Err(_) => Some(String::new()),
        });
        format!(
            "the browser {} stopped {when}{}{}\n  = help: check that it starts on this computer \
             (`{} --headless about:blank`), or pass another one with --chrome PATH",
            self.program.display(),
            status.unwrap_or_default(),
            self.log_tail(),
            self.program.display()
        )
    }

    fn log_tail(&self) -> String {
        let lines = self.log.lock().map(|l| l.clone()).unwrap_or_default();
        lines.iter().map(|l| format!("\n    {l}")).collect()
    }

    /// Closes the browser politely through `cdp`, if it is still connected.
    pub(crate) fn close(&mut self, cdp: Option<&mut Cdp>) {
        if let Some(cdp) = cdp {
            let _ = cdp.call(
                None,
                "Browser.close",
                serde_json::json!({}),
                Instant::now() + CLOSE,
            );
        }
        let deadline = Instant::now() + CLOSE;
        while Instant::now() < deadline {
            match self.child.try_wait() {
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                _ => return,
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // On Linux and macOS the browser keeps a folder of its own next to
        // the profile (`org.chromium.Chromium.*`, linked from the profile's
        // `SingletonSocket`); it removes it when it closes, not when it is
        // stopped.
        if let Some(dir) = singleton_folder(&self.profile) {
            let _ = std::fs::remove_dir_all(dir);
        }
        // Helper processes may still be writing into the profile for a moment.
        for _ in 0..20 {
            match std::fs::remove_dir_all(&self.profile) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                _ => break,
            }
        }
    }
}

/// The browser's own folder in the temporary folder, named by the
/// profile's `SingletonSocket` link; only a folder directly in the
/// temporary folder with a name the browsers use.
fn singleton_folder(profile: &Path) -> Option<PathBuf> {
    let socket = std::fs::read_link(profile.join("SingletonSocket")).ok()?;
    let dir = socket.parent()?;
    let name = dir.file_name()?.to_string_lossy();
    let known = ["org.chromium.", "com.google.", "com.microsoft."];
    (dir.parent() == Some(std::env::temp_dir().as_path())
        && known.iter().any(|k| name.starts_with(k)))
    .then(|| dir.to_path_buf())
}

/// A new, empty folder for the browser's profile in the temporary folder.
fn fresh_profile() -> Result<PathBuf, String> {
    let base = std::env::temp_dir();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last = None;
    for n in 0..100 {
        let dir = base.join(format!(
            "handout-browser-{}-{stamp:x}-{n}",
            std::process::id()
        ));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                last = Some(e);
                break;
            }
        }
    }
    Err(format!(
        "cannot make a browser profile folder in {}: {}",
        base.display(),
        last.map_or_else(|| "every name is taken".to_string(), |e| e.to_string())
    ))
}

/// Reads the browser's stderr: passes on the DevTools address and keeps
/// the last lines.
fn read_log(
    stderr: std::process::ChildStderr,
    log: &Mutex<VecDeque<String>>,
    address: &mpsc::Sender<String>,
) {
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { break };
        if let Some(at) = line.find("ws://") {
            if line.contains("DevTools listening on") {
                let _ = address.send(line[at..].trim().to_string());
                continue;
            }
        }
        if let Ok(mut l) = log.lock() {
            if l.len() == LOG_LINES {
                l.pop_front();
            }
            l.push_back(line);
        }
    }
}
