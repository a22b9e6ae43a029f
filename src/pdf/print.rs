//! Prints sheets in a tab of the browser: open each, wait until it
//! is ready (loaded, web fonts in, the sheet's own layout check done),
//! print it on the site's paper, and write the PDF.

use super::cdp::{Cdp, Error};
use super::sheets::Sheet;
use crate::config::Paper;
use base64::Engine;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long one sheet may take from opening to PDF.
const SHEET: Duration = Duration::from_secs(60);
/// How long a sheet's own layout check may take (milliseconds).
const CHECK_MS: u64 = 10_000;

/// Runs in the page once it has loaded: waits for the web fonts and for
/// the sheet's own check. A sheet that checks its layout in the browser
/// marks it on `<html data-fit>`; printing waits while that is neither
/// `done` nor a verdict (`overflow`, `error`). Returns the mark, and
/// whether the wait ran out.
const READY: &str = r#"(async (limit) => {
  await document.fonts.ready;
  const root = document.documentElement;
  const busy = () => root.hasAttribute('data-fit')
    && !['done', 'overflow', 'error'].includes(root.dataset.fit);
  await new Promise(r => setTimeout(r, 0));
  let late = false;
  if (busy()) {
    await new Promise(resolve => {
      const timer = setTimeout(() => { late = true; seen.disconnect(); resolve(); }, limit);
      const seen = new MutationObserver(() => {
        if (!busy()) { clearTimeout(timer); seen.disconnect(); resolve(); }
      });
      seen.observe(root, { attributes: true, attributeFilter: ['data-fit'] });
    });
  }
  await document.fonts.ready;
  return { fit: root.getAttribute('data-fit'), late };
})"#;

/// A tab of the browser, on this connection, that prints one sheet after another.
pub(crate) struct Tab {
    target: String,
    session: String,
    /// The sheet (HTML file) shown.
    showing: Option<std::path::PathBuf>,
}

impl Tab {
    /// Opens a new, empty tab.
    pub(crate) fn open(cdp: &mut Cdp) -> Result<Tab, Error> {
        let deadline = Instant::now() + SHEET;
        let created = cdp.call(
            None,
            "Target.createTarget",
            json!({ "url": "about:blank" }),
            deadline,
        )?;
        let target = text(&created, "targetId")?;
        let attached = cdp.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
            deadline,
        );
        let tab = match attached.and_then(|a| text(&a, "sessionId")) {
            Ok(session) => Tab {
                target,
                session,
                showing: None,
            },
            Err(e) => {
                close_target(cdp, &target);
                return Err(e);
            }
        };
        let s = Some(tab.session.as_str());
        let enabled = cdp
            .call(s, "Page.enable", json!({}), deadline)
            .and_then(|_| {
                let on = json!({ "enabled": true });
                cdp.call(s, "Page.setLifecycleEventsEnabled", on, deadline)
            });
        match enabled {
            Ok(_) => Ok(tab),
            Err(e) => {
                tab.close(cdp);
                Err(e)
            }
        }
    }

    /// Closes the tab.
    pub(crate) fn close(self, cdp: &mut Cdp) {
        close_target(cdp, &self.target);
        cdp.forget(&self.session);
    }

    /// Prints `sheet` (at `url`) to its PDF. `Ok(Some(note))` when it
    /// printed but the person printing should hear something about it.
    /// After an error the tab is in an unknown state: close it.
    pub(crate) fn print(
        &mut self,
        cdp: &mut Cdp,
        sheet: &Sheet,
        url: &str,
        paper: Paper,
    ) -> Result<Option<String>, Error> {
        let deadline = Instant::now() + SHEET;
        let s = Some(self.session.as_str());
        // Going from `x.html` to `x.html#large` would only move within the
        // page; passing by an empty page loads the sheet anew, in the mode
        // its address asks for.
        if self.showing.as_deref() == Some(sheet.html.as_path()) {
            cdp.call(
                s,
                "Page.navigate",
                json!({ "url": "about:blank" }),
                deadline,
            )?;
        }
        self.showing = None;
        let nav = cdp.call(s, "Page.navigate", json!({ "url": url }), deadline)?;
        if let Some(err) = nav.get("errorText").and_then(Value::as_str) {
            return Err(Error::Failed(format!("cannot open the sheet: {err}")));
        }
        let loader = text(&nav, "loaderId")?;
        cdp.loaded(&self.session, &loader, deadline)?;
        self.showing = Some(sheet.html.clone());
        let ready = cdp.call(
            s,
            "Runtime.evaluate",
            json!({
                "expression": format!("{READY}({CHECK_MS})"),
                "awaitPromise": true,
                "returnByValue": true,
            }),
            deadline,
        )?;
        let note = readiness_note(&ready);
        let (width, height) = inches(paper);
        let printed = cdp.call(
            s,
            "Page.printToPDF",
            json!({
                "printBackground": true,
                "preferCSSPageSize": true,
                "paperWidth": width,
                "paperHeight": height,
                "displayHeaderFooter": false,
                "generateTaggedPDF": true,
            }),
            deadline,
        )?;
        let data = base64::engine::general_purpose::STANDARD
            .decode(text(&printed, "data")?)
            .map_err(|e| Error::Failed(format!("the browser sent an unreadable PDF: {e}")))?;
        write_pdf(&sheet.pdf, &data).map_err(Error::Failed)?;
        Ok(note)
    }
}

fn close_target(cdp: &mut Cdp, target: &str) {
    let _ = cdp.call(
        None,
        "Target.closeTarget",
        json!({ "targetId": target }),
        Instant::now() + Duration::from_secs(5),
    );
}

/// What to tell about a sheet whose own layout check did not say `done`.
fn readiness_note(ready: &Value) -> Option<String> {
    if let Some(ex) = ready.get("exceptionDetails") {
        let why = ex
            .pointer("/exception/description")
            .and_then(Value::as_str)
            .unwrap_or("a script error");
        return Some(format!(
            "could not wait for its fonts and layout check: {why}"
        ));
    }
    let value = ready.pointer("/result/value");
    let fit = value.and_then(|v| v.get("fit")).and_then(Value::as_str);
    let late = value.and_then(|v| v.get("late")).and_then(Value::as_bool);
    match (fit, late) {
        (Some(fit), Some(true)) => Some(format!(
            "its layout check did not finish within {} s (data-fit=\"{fit}\"); printed as it was",
            CHECK_MS / 1000
        )),
        (Some("done") | None, _) => None,
        (Some(fit), _) => Some(format!("its layout check reports data-fit=\"{fit}\"")),
    }
}

/// The paper size in inches, for pages whose CSS does not set `@page { size }`.
fn inches(paper: Paper) -> (f64, f64) {
    match paper {
        Paper::A4 => (210.0 / 25.4, 297.0 / 25.4),
        Paper::Letter => (8.5, 11.0),
    }
}

/// Writes the PDF next to a temporary name first, so a PDF is never half written.
fn write_pdf(path: &Path, data: &[u8]) -> Result<(), String> {
    let part = path.with_extension("pdf.part");
    std::fs::write(&part, data)
        .and_then(|()| std::fs::rename(&part, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&part);
            format!("cannot write {}: {e}", path.display())
        })
}

fn text(v: &Value, key: &str) -> Result<String, Error> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::Failed(format!("the browser's answer has no {key}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_that_says_done_or_nothing_prints_without_a_note() {
        let done = json!({ "result": { "value": { "fit": "done", "late": false } } });
        let none = json!({ "result": { "value": { "fit": null, "late": false } } });
        assert_eq!(readiness_note(&done), None);
        assert_eq!(readiness_note(&none), None);
    }

    #[test]
    fn a_verdict_or_a_late_check_is_told() {
        let over = json!({ "result": { "value": { "fit": "overflow", "late": false } } });
        let late = json!({ "result": { "value": { "fit": "pending", "late": true } } });
        assert_eq!(
            readiness_note(&over).as_deref(),
            Some("its layout check reports data-fit=\"overflow\"")
        );
        assert!(readiness_note(&late).is_some_and(|n| n.contains("within 10 s")));
    }
}
