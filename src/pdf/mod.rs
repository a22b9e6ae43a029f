//! `handout pdf`: builds the site, then prints its sheets to PDF next to
//! the HTML (`print/routines/<slug>.pdf`) with a locally installed Chrome,
//! Chromium or Edge. One headless browser prints every sheet, in two tabs
//! side by side, driven through the DevTools protocol. Chromium is what
//! the sheets are laid out and tested for, so its PDFs are the ones that
//! fit one page.

mod browser;
mod cdp;
mod find;
mod print;
mod sheets;

use crate::config::Paper;
use crate::diag::Diagnostic;
use crate::{Failure, Options};
use browser::Browser;
use cdp::{Cdp, Error};
use print::Tab;
use sheets::Sheet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::Duration;

/// Tabs printing at the same time.
const TABS: usize = 2;

/// Set by Ctrl-C (or a termination signal): the tabs stop after the sheet
/// in hand, and the browser is closed and its profile folder removed.
static STOP: AtomicBool = AtomicBool::new(false);

/// What `handout pdf` made.
pub struct Printed {
    pub pdfs: Vec<PathBuf>,
    /// The build's warnings.
    pub warnings: Vec<Diagnostic>,
    /// Sheets that printed but need a look (e.g. their own layout check
    /// says they overflow), one line each, naming the sheet.
    pub notes: Vec<String>,
}

/// Builds the site, then prints the routine sheets (with `all`, also the
/// exercise sheets and the large print) to PDF next to their HTML.
pub fn run(opts: &Options, chrome: Option<&Path>, all: bool) -> Result<Printed, Failure> {
    let program = find::find_chrome(chrome).map_err(Failure::Usage)?;
    watch_interrupts();
    // The browser starts while the site builds.
    let mut browser = Browser::start(&program).map_err(Failure::Usage)?;
    let compiled = crate::build(opts)?;
    let paper = crate::config::load(&opts.root)
        .map(|c| c.paper)
        .unwrap_or_default();
    let out = opts.output_dir();
    let list = sheets::sheets(&out, all).map_err(Failure::Usage)?;
    if list.is_empty() {
        return Err(Failure::Usage(format!(
            "no sheets to print in {}: the site has no routines{}",
            out.join("print").display(),
            if all {
                " or exercises"
            } else {
                "\n  = help: --all prints the exercise sheets too"
            }
        )));
    }
    let connected = browser.connect();
    stopped_by_user(0, list.len())?;
    let (address, mut control) = connected.map_err(Failure::Usage)?;
    crate::progress::stage("printing sheets", list.len());
    let done = Mutex::new(Done::default());
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..TABS.min(list.len()) {
            scope.spawn(|| worker(&address, &list, &out, paper, &next, &done));
        }
    });
    let done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    if done.gone.is_none() {
        browser.close(Some(&mut control));
    }
    stopped_by_user(done.printed, list.len())?;
    if let Some(when) = done.gone {
        return Err(Failure::Usage(browser.stopped(&when)));
    }
    if !done.errors.is_empty() {
        let mut errors = done.errors;
        errors.sort();
        return Err(Failure::Usage(format!(
            "{} of {} sheets did not print:\n  {}",
            errors.len(),
            list.len(),
            errors.join("\n  ")
        )));
    }
    let mut notes = done.notes;
    notes.sort();
    Ok(Printed {
        pdfs: list.into_iter().map(|s| s.pdf).collect(),
        warnings: compiled.warnings,
        notes,
    })
}

/// Ctrl-C, or a termination signal, sets `STOP`; a second one ends the
/// program at once.
fn watch_interrupts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        for signal in [SIGINT, SIGTERM] {
            let _ = signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, &STOP);
            let _ = signal_hook::flag::register(signal, &STOP);
        }
    });
}

/// An error if printing was interrupted, after `printed` of `total` sheets.
fn stopped_by_user(printed: usize, total: usize) -> Result<(), Failure> {
    if STOP.load(Ordering::SeqCst) {
        return Err(Failure::Usage(format!(
            "interrupted: {printed} of {total} sheets were printed (each of those PDFs is complete)"
        )));
    }
    Ok(())
}

/// What the tabs have to tell.
#[derive(Default)]
struct Done {
    /// Sheets printed.
    printed: usize,
    notes: Vec<String>,
    errors: Vec<String>,
    /// When the browser went away ("while printing x.html").
    gone: Option<String>,
}

/// Prints sheets in a tab of its own, on a connection of its own, until
/// none are left or the browser has gone.
fn worker(
    address: &str,
    list: &[Sheet],
    out: &Path,
    paper: Paper,
    next: &AtomicUsize,
    done: &Mutex<Done>,
) {
    let report = |f: &mut dyn FnMut(&mut Done)| {
        if let Ok(mut d) = done.lock() {
            f(&mut d);
        }
    };
    let mut cdp = match Cdp::connect(address, Duration::from_secs(30)) {
        Ok(c) => c,
        Err(e) => return report(&mut |d| d.gone = Some(format!("while connecting: {e}"))),
    };
    let mut tab = None;
    while let Some(sheet) = list.get(next.fetch_add(1, Ordering::SeqCst)) {
        if STOP.load(Ordering::SeqCst) || done.lock().map_or(true, |d| d.gone.is_some()) {
            break;
        }
        let name = sheet.name(out);
        let result = sheets::file_url(&sheet.html, sheet.fragment)
            .map_err(Error::Failed)
            .and_then(|url| print_retrying(&mut cdp, &mut tab, sheet, &url, paper));
        match result {
            Ok(None) => report(&mut |d| d.printed += 1),
            Ok(Some(note)) => report(&mut |d| {
                d.printed += 1;
                d.notes.push(format!("{name}: {note}"))
            }),
            Err(Error::Failed(why)) => report(&mut |d| d.errors.push(format!("{name}: {why}"))),
            Err(Error::Crashed) => report(&mut |d| {
                d.errors
                    .push(format!("{name}: the browser's page crashed (twice)"))
            }),
            Err(Error::Gone(why)) => {
                return report(&mut |d| d.gone = Some(format!("while printing {name} ({why})")))
            }
        }
        crate::progress::tick();
    }
    if let Some(t) = tab {
        t.close(&mut cdp);
    }
}

/// Prints a sheet in `tab` (opened if need be). A tab that failed is
/// closed and the sheet tried once more in a new one: a page can crash,
/// and Chromium now and then answers "Printing failed" to a sheet it
/// prints the next time.
fn print_retrying(
    cdp: &mut Cdp,
    tab: &mut Option<Tab>,
    sheet: &Sheet,
    url: &str,
    paper: Paper,
) -> Result<Option<String>, Error> {
    let mut retried = false;
    loop {
        let opened = match tab.take() {
            Some(t) => Ok(t),
            None => Tab::open(cdp),
        };
        let result = match opened {
            Ok(mut t) => match t.print(cdp, sheet, url, paper) {
                Ok(note) => {
                    *tab = Some(t);
                    Ok(note)
                }
                Err(e) => {
                    t.close(cdp);
                    Err(e)
                }
            },
            Err(e) => Err(e),
        };
        match result {
            Err(Error::Crashed | Error::Failed(_)) if !retried => retried = true,
            other => return other,
        }
    }
}
