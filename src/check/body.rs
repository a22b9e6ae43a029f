//! What a Markdown body must not publish as written: links and images that
//! run a script or open a non-picture `data:` document (errors), and raw
//! HTML (a warning: left out of the page, or, with `[markdown] raw_html =
//! true`, written as it is unless all its tags are in `allowed_html`).

use super::links::body_position;
use crate::config::MarkdownConfig;
use crate::diag::Diagnostic;
use crate::markdown::safety::tag_names;
use crate::markdown::Scan;
use crate::source::load::SourceFile;
use std::collections::BTreeMap;

/// The problems of the body of `f`, scanned as `scan`.
pub(crate) fn check(f: &SourceFile, scan: &Scan, md: &MarkdownConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (offset, url, image) in &scan.unsafe_urls {
        let (line, col) = body_position(f, *offset);
        let what = if *image { "image" } else { "link" };
        out.push(
            Diagnostic::error(
                &f.display,
                format!(
                    "{what} `{}` would run a script or open a document in the patient's browser",
                    short(url)
                ),
            )
            .at(line, col)
            .width(url.chars().count() + 4)
            .allowed("web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures")
            .help("link to a web page instead; handout never publishes javascript:, vbscript: or data: documents")
            .with_snippet(&f.text),
        );
    }
    // One report per line: `<b>x</b>` is two inline tags.
    let mut lines: BTreeMap<usize, (usize, String, Vec<String>)> = BTreeMap::new();
    for (offset, html) in &scan.raw_html {
        let (line, col) = body_position(f, *offset);
        let entry = lines
            .entry(line)
            .or_insert_with(|| (col, html.clone(), Vec::new()));
        for tag in tag_names(html) {
            if !entry.2.contains(&tag) {
                entry.2.push(tag);
            }
        }
    }
    for (line, (col, html, tags)) in lines {
        let shown = short(html.lines().next().unwrap_or(""));
        let d = if md.raw_html {
            let new: Vec<&String> = tags
                .iter()
                .filter(|t| !md.allowed_html.iter().any(|a| a.eq_ignore_ascii_case(t)))
                .collect();
            if new.is_empty() {
                continue;
            }
            let list: Vec<String> = new.iter().map(|t| format!("\"{t}\"")).collect();
            Diagnostic::warning(
                &f.display,
                format!("raw HTML is written into the page as it is: `{shown}`"),
            )
            .kind("raw_html")
            .help(format!(
                "make sure it is safe for patients; to allow these tags without a warning, add them to handout.toml: [markdown] allowed_html = [{}]",
                list.join(", ")
            ))
        } else {
            Diagnostic::warning(
                &f.display,
                format!("raw HTML is left out of the page: `{shown}`"),
            )
            .kind("raw_html_left_out")
            .help("write it in Markdown; or, if every body's HTML is trusted, set `raw_html = true` under [markdown] in handout.toml")
        };
        out.push(
            d.at(line, col)
                .width(shown.chars().count())
                .with_snippet(&f.text),
        );
    }
    out
}

/// At most 60 characters of `text`, for a message.
fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
