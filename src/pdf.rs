//! `handout pdf`: builds the site, then prints its sheets to PDF with a
//! locally installed Chromium or Chrome, headless, next to the HTML
//! (`print/routines/<slug>.pdf`). Chromium is what the sheets are laid out
//! and tested for, so its PDFs are the ones that fit one page.

use crate::diag::Diagnostic;
use crate::{Failure, Options};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Browser names looked for on `PATH`, in order.
const NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// Where browsers live when they are not on `PATH` (macOS, Windows).
const PLACES: [&str; 4] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
];

/// At most this many browsers print at once.
const PARALLEL: usize = 2;
/// A sheet that takes longer than this to print is given up on.
const TIMEOUT: Duration = Duration::from_secs(90);

/// What `handout pdf` made.
pub struct Printed {
    pub pdfs: Vec<PathBuf>,
    /// The build's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// The browser to print with: `--chrome PATH`, or the first one found.
pub fn find_chrome(explicit: Option<&Path>) -> Result<PathBuf, Failure> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(Failure::Usage(format!(
                "--chrome {}: no such file\n  = help: pass the path of a Chromium or Chrome program",
                p.display()
            )))
        };
    }
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default();
    NAMES
        .iter()
        .flat_map(|name| {
            on_path
                .iter()
                .flat_map(move |dir| [dir.join(name), dir.join(format!("{name}.exe"))])
        })
        .chain(PLACES.iter().map(PathBuf::from))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Failure::Usage(
                "no Chromium or Chrome found; install one or pass --chrome PATH".to_string(),
            )
        })
}

/// Builds the site, then prints the routine sheets (with `all`, also the
/// large-print and exercise sheets) to PDF next to their HTML.
pub fn run(opts: &Options, chrome: Option<&Path>, all: bool) -> Result<Printed, Failure> {
    let chrome = find_chrome(chrome)?;
    let compiled = crate::build(opts)?;
    let out = opts.output_dir();
    let mut sheets = sheets_in(&out.join("print/routines"), all)?;
    if all {
        sheets.extend(sheets_in(&out.join("print/exercises"), true)?);
    }
    let next = AtomicUsize::new(0);
    let errors = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for worker in 0..PARALLEL.min(sheets.len()) {
            let (chrome, sheets, next, errors) = (&chrome, &sheets, &next, &errors);
            scope.spawn(move || {
                while let Some(html) = sheets.get(next.fetch_add(1, Ordering::SeqCst)) {
                    if let Err(e) = print_one(chrome, html, &html.with_extension("pdf"), worker) {
                        if let Ok(mut list) = errors.lock() {
                            list.push(e);
                        }
                    }
                }
            });
        }
    });
    let mut errors = errors.into_inner().unwrap_or_default();
    if !errors.is_empty() {
        errors.sort();
        return Err(Failure::Usage(errors.join("\n")));
    }
    Ok(Printed {
        pdfs: sheets.iter().map(|h| h.with_extension("pdf")).collect(),
        warnings: compiled.warnings,
    })
}

/// The sheets in a folder, sorted; large-print ones only with `large`.
fn sheets_in(dir: &Path, large: bool) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", dir.display())))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter(|p| large || !p.to_string_lossy().ends_with(".large.html"))
        .collect();
    out.sort();
    Ok(out)
}

/// Prints one sheet with a fresh browser profile; `slot` keeps the
/// profiles of parallel browsers apart.
fn print_one(chrome: &Path, html: &Path, pdf: &Path, slot: usize) -> Result<(), String> {
    let fail = |why: String| format!("{}: {why}", html.display());
    let profile = std::env::temp_dir().join(format!(
        "handout-pdf-{}-{slot}-{}",
        std::process::id(),
        html.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ));
    std::fs::create_dir_all(&profile)
        .map_err(|e| fail(format!("cannot make a browser profile: {e}")))?;
    let log_path = profile.join("browser.log");
    let result = (|| {
        let log = std::fs::File::create(&log_path).map_err(|e| fail(e.to_string()))?;
        let _ = std::fs::remove_file(pdf);
        let mut child = Command::new(chrome)
            .args([
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
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(file_url(html).map_err(fail)?)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| fail(format!("cannot start {}: {e}", chrome.display())))?;
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(fail(format!(
                        "the browser took more than {} s",
                        TIMEOUT.as_secs()
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => return Err(fail(e.to_string())),
            }
        };
        let made = std::fs::metadata(pdf).is_ok_and(|m| m.len() > 0);
        if status.success() && made {
            Ok(())
        } else {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(5).collect();
            Err(fail(format!(
                "the browser made no PDF ({status}){}",
                tail.iter()
                    .rev()
                    .map(|l| format!("\n    {l}"))
                    .collect::<String>()
            )))
        }
    })();
    let _ = std::fs::remove_dir_all(&profile);
    result
}

/// A `file://` URL for a local file, with unusual characters escaped.
fn file_url(path: &Path) -> Result<String, String> {
    let abs = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_spaces() {
        let dir = std::env::temp_dir().join("handout pdf url test");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a b.html");
        std::fs::write(&file, "x").unwrap();
        let url = file_url(&file).unwrap();
        assert!(url.starts_with("file:///"), "{url}");
        assert!(
            url.ends_with("/handout%20pdf%20url%20test/a%20b.html"),
            "{url}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_browser_names_the_flag() {
        let Err(Failure::Usage(msg)) = find_chrome(Some(Path::new("/no/such/chrome"))) else {
            panic!("expected a usage error");
        };
        assert!(msg.contains("--chrome"), "{msg}");
    }
}
