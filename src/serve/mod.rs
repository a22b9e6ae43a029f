//! `handout serve`: builds the site into memory, serves it on the loopback
//! address, rebuilds when a source changes and tells open pages to reload
//! (server-sent events). A broken edit shows its errors over the page and in
//! the terminal while the last good build keeps being served.
//!
//! The live-reload script and the error overlay are added to HTML responses
//! here, at serve time; `build` output never contains them.

mod conns;
mod host;
mod http;
mod overlay;
mod reload;
mod respond;
mod server;
mod watch;

use crate::diag::{plural, tally, warning_tail, Diagnostic};
use crate::{Compiled, Failure, Options};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// Where the live-reload event stream is served.
const EVENTS_PATH: &str = "/__handout/events";

/// What `handout serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: Options,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    /// Poll the files instead of using native change events.
    pub poll: bool,
}

/// Where `serve` tells what happens. The command line prints through its
/// own printer, so `--quiet` and `--color`/`NO_COLOR` hold here as for
/// every other command.
pub trait Report {
    /// A build's warnings (printed again only when they change).
    fn warnings(&self, warnings: &[Diagnostic]);
    /// A build that worked: `line` starts with its verb ("Built 3 pages …").
    fn built(&self, line: &str);
    /// A build that failed: its problems, then the closing line with `after`.
    fn failed(&self, diags: Vec<Diagnostic>, after: &str);
    /// A problem that is not about the content (a vanished `handout.toml`).
    fn error(&self, message: &str);
    /// A problem with watching or opening a browser; serving goes on.
    fn warning(&self, message: &str);
    /// What the user needs even with `--quiet`: the address being served.
    fn serving(&self, line: &str);
}

/// What is served: the last good build, and the errors of the latest build
/// when it failed.
struct Snapshot {
    files: HashMap<String, crate::render::Bytes>,
    /// The failed build's report, as printed in the terminal.
    error: Option<String>,
    version: u64,
}

/// Shared between the rebuild loop and the server.
struct State {
    current: RwLock<Arc<Snapshot>>,
    version: Mutex<u64>,
    /// Announces each new version to the live-reload streams.
    reload: tokio::sync::watch::Sender<u64>,
}

impl State {
    fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces what is served (keeping the files when `files` is `None`)
    /// and wakes every waiting page.
    fn publish(&self, files: Option<Vec<(String, crate::render::Bytes)>>, error: Option<String>) {
        let mut version = self.version.lock().unwrap_or_else(|p| p.into_inner());
        *version += 1;
        let previous = self.snapshot();
        let files = match files {
            Some(f) => f.into_iter().collect(),
            None => previous.files.clone(),
        };
        let next = Arc::new(Snapshot {
            files,
            error,
            version: *version,
        });
        match self.current.write() {
            Ok(mut s) => *s = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        self.reload.send_replace(*version);
    }
}

/// Builds, serves and rebuilds until the process is stopped. Returns a
/// message for usage problems (no site, port taken, cannot watch).
pub fn serve(opts: &ServeOptions, report: &dyn Report) -> Result<(), String> {
    let root = &opts.build.root;
    if !root.join(crate::config::FILE).is_file() {
        // Let compile() word the message, as `build` does.
        if let Err(Failure::Usage(m)) = crate::compile(&opts.build) {
            return Err(m);
        }
    }
    let listener = bind(opts.bind, opts.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot read the server address: {e}"))?;
    let url = site_url(addr);
    let base = match &opts.build.base_url {
        Some(given) => given_url(given, addr.port()),
        None => url.clone(),
    };
    let mut build = opts.build.clone();
    // Pages whose links must be absolute (404, canonical, QR codes) point here.
    build.base_url = Some(base.clone());
    // Rebuilds render only what changed.
    build.memo = Some(Default::default());

    let mut watch = watch::Watch::start(root, opts.poll, report).map_err(|e| {
        format!(
            "cannot watch {} for changes: {e}\n  = help: try `--poll`",
            crate::paths::display_dir(root)
        )
    })?;
    let state = Arc::new(State {
        current: RwLock::new(Arc::new(Snapshot {
            files: HashMap::new(),
            error: None,
            version: 0,
        })),
        version: Mutex::new(0),
        reload: tokio::sync::watch::Sender::new(0),
    });
    let started = Instant::now();
    let mut warnings = String::new();
    rebuild(&build, &state, started, None, &mut warnings, report)?;

    let hosts = host::Hosts::new(opts.bind, addr.port()).with_base_url(&base);
    server::start(listener, Arc::clone(&state), hosts)?;
    if base == url {
        report.serving(&format!("Serving at {url} (press Ctrl-C to stop)"));
    } else {
        report.serving(&format!(
            "Serving at {url}, pages linking to {base} (press Ctrl-C to stop)"
        ));
    }
    if opts.open {
        open_browser(&url, report);
    }
    while let Some(changed) = watch.next_change(report) {
        let started = Instant::now();
        rebuild(
            &build,
            &state,
            started,
            Some(&changed),
            &mut warnings,
            report,
        )?;
    }
    Err("stopped watching for changes".into())
}

fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, String> {
    TcpListener::bind((ip, port)).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("port {port} is already in use on {ip}")
        } else {
            format!("cannot listen on {ip}:{port}: {e}")
        };
        format!(
            "{why}\n  = help: choose another port with `--port N` (`--port 0` picks a free one)"
        )
    })
}

/// The address to show and to use as the served site's base URL.
fn site_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    format!("http://{ip}:{}/", addr.port())
}

/// `--base-url`: a full address (`https://preview.clinic.example/`) as
/// given; a bare host (`192.168.1.20`, as Zola takes it) with `http://` and the port.
fn given_url(given: &str, port: u16) -> String {
    let url = if given.contains("://") {
        given.to_string()
    } else {
        format!("http://{}:{port}", given.trim_end_matches('/'))
    };
    format!("{}/", url.trim_end_matches('/'))
}

/// Compiles once and publishes the result; prints what happened.
fn rebuild(
    build: &Options,
    state: &State,
    started: Instant,
    changed: Option<&[String]>,
    last_warnings: &mut String,
    report: &dyn Report,
) -> Result<(), String> {
    let mut timer = crate::timings::Timer::start();
    let compiled = crate::compile(build);
    timer.phase("whole rebuild");
    match compiled {
        Ok(Compiled { output, warnings }) => {
            let text: String = warnings.iter().map(|w| w.render() + "\n").collect();
            if text != *last_warnings {
                report.warnings(&warnings);
                *last_warnings = text;
            }
            let (pages, sheets) = (output.pages, output.sheets);
            state.publish(Some(output.files), None);
            timer.phase("publish");
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let what = match changed {
                None => "Built".to_string(),
                Some(files) => format!(
                    "Rebuilt after a change to {}:",
                    changed_list(&build.root, files)
                ),
            };
            report.built(&format!(
                "{what} {}, {} in {ms:.0} ms{}",
                plural(pages, "page"),
                plural(sheets, "sheet"),
                warning_tail(&warnings)
            ));
        }
        Err(Failure::Content(diags)) => {
            // Printed before the overlay is served.
            let overlay = failure_report(&diags);
            report.failed(diags, STILL_SERVING);
            state.publish(None, Some(overlay));
        }
        // The first build must find a site; later, a vanished config is shown like any error.
        Err(Failure::Usage(m)) if changed.is_none() => return Err(m),
        Err(Failure::Usage(m)) => {
            report.error(&m);
            state.publish(None, Some(format!("error: {m}\n")));
        }
    }
    Ok(())
}

/// The changed files for a message; editors' temporary files (already gone) last.
fn changed_list(root: &Path, files: &[String]) -> String {
    let mut files = files.to_vec();
    files.sort_by_key(|f| !root.join(f).exists());
    match files.as_slice() {
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
        [] => "the site".into(),
    }
}

/// What follows "Build failed: …." while the last good build is served.
const STILL_SERVING: &str = " Still serving the last good build; save a fix to reload.";

/// Every diagnostic as the terminal shows it (without colour), and the
/// closing line: the text of the page's error overlay.
fn failure_report(diags: &[Diagnostic]) -> String {
    let mut out: String = diags.iter().map(|d| d.render() + "\n").collect();
    out.push_str(&format!("Build failed: {}.{STILL_SERVING}\n", tally(diags)));
    out
}

fn open_browser(url: &str, report: &dyn Report) {
    let tries: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else if cfg!(windows) {
        &[("cmd", &["/C", "start", ""])]
    } else {
        &[("xdg-open", &[]), ("sensible-browser", &[])]
    };
    for (cmd, args) in tries {
        let spawned = std::process::Command::new(cmd)
            .args(*args)
            .arg(url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return;
        }
    }
    report.warning(&format!("could not open a browser; open {url} yourself"));
}
