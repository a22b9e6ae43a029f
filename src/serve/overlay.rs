//! What `serve` adds to every HTML page it sends: the live-reload script
//! and, while the latest build is broken, an overlay with its errors.

use super::{Snapshot, EVENTS_PATH};
use crate::markdown::html_escape;

/// Element id of the error overlay (for people who style or test it).
pub(crate) const OVERLAY_ID: &str = "handout-build-errors";

/// The page with the reload script (and the overlay, if any) before `</body>`.
pub(crate) fn inject(page: &[u8], snap: &Snapshot) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(report) = &snap.error {
        extra.push_str(&overlay(report));
    }
    extra.push_str(&format!(
        "<script>(function(){{var s=new EventSource(\"{EVENTS_PATH}?v={}\");\
         s.addEventListener(\"reload\",function(){{s.close();location.reload();}});}})();</script>\n",
        snap.version
    ));
    let at = find_body_end(page).unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + extra.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn overlay(report: &str) -> String {
    format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
         overflow:auto;margin:0;padding:1.5rem;background:rgba(25,25,25,.96);color:#f5f5f5;\
         font:14px/1.45 ui-monospace,Menlo,Consolas,monospace\">\
         <button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit;\
         padding:.25rem .75rem;cursor:pointer\">Hide</button>\
         <p style=\"margin:0 0 1rem;font-size:18px;font-weight:bold;color:#ff8a80\">The latest change \
         broke the build. You are seeing the last good build.</p>\
         <pre style=\"margin:0;padding:0;border:0;background:none;box-shadow:none;color:#f5f5f5;\
         font:inherit;white-space:pre-wrap\">{}</pre></div>\n",
        html_escape(report)
    )
}

/// Byte offset of the last `</body>` (any case).
fn find_body_end(page: &[u8]) -> Option<usize> {
    const TAG: &[u8] = b"</body";
    (0..page.len().saturating_sub(TAG.len() - 1))
        .rev()
        .find(|&i| page[i..i + TAG.len()].eq_ignore_ascii_case(TAG))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn snap(error: Option<&str>) -> Snapshot {
        Snapshot {
            files: HashMap::new(),
            error: error.map(String::from),
            version: 7,
        }
    }

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let out = inject(b"<html><BODY><p>x</p></BODY></html>", &snap(None));
        let out = String::from_utf8(out).unwrap();
        assert!(out.ends_with("</script>\n</BODY></html>"), "{out}");
        assert!(out.contains("/__handout/events?v=7"));
        assert!(!out.contains(OVERLAY_ID));
    }

    #[test]
    fn overlay_escapes_the_report() {
        let out = inject(b"<p>no body tag", &snap(Some("error: <b> in `x`")));
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("<p>no body tag<div id=\"handout-build-errors\""));
        assert!(out.contains("error: &lt;b&gt; in `x`"));
    }
}
