//! Decoding one file's bytes (UTF-8, a BOM, CRLF, NUL) and splitting its
//! front-matter from its body, with the line where each starts.

use super::{lang_of, Section, SourceFile};
use crate::diag::Diagnostic;

/// Decodes and splits one file. Public so that tests and `serve` can feed text directly.
pub(crate) fn split(
    display: String,
    rel: String,
    section: Section,
    bytes: &[u8],
) -> Result<SourceFile, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            return Err(Diagnostic::error(
                display,
                format!(
                    "file is not UTF-8 text (invalid byte 0x{:02X})",
                    bytes[e.valid_up_to()]
                ),
            )
            .at(line, col)
            .help("save the file as UTF-8 in your editor"));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // NUL is never text (CommonMark: U+FFFD instead), wherever it stands.
    let nul_free;
    let text = if text.contains('\0') {
        nul_free = text.replace('\0', "\u{FFFD}");
        nul_free.as_str()
    } else {
        text
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.trim().is_empty() && section != Section::Home {
        return Err(Diagnostic::error(display, "file is empty")
            .at(1, 1)
            .help("start the file with front-matter between `---` lines; `handout new exercise \"Title\"` writes a complete example"));
    }
    let lang = lang_of(&rel).map(str::to_string);
    let mut file = SourceFile {
        display,
        rel,
        section,
        lang,
        fm: None,
        fm_line: 0,
        body_start: 0,
        body_line: 1,
        text: String::new(),
        positions: Default::default(),
    };
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() == "---" {
        let after_open = first_line.len() + 1;
        let rest = text.get(after_open..).unwrap_or("");
        let mut offset = 0;
        let mut close = None;
        for (line_no, line) in (2..).zip(rest.split_inclusive('\n')) {
            if line.trim_end() == "---" {
                close = Some((offset, offset + line.len(), line_no));
                break;
            }
            offset += line.len();
        }
        let Some((fm_end, body_start, close_line)) = close else {
            return Err(
                Diagnostic::error(file.display, "front-matter is never closed")
                    .at(1, 1)
                    .width(3)
                    .help("add a line with only `---` after the last front-matter field")
                    .with_snippet(&text),
            );
        };
        file.fm = Some(after_open..after_open + fm_end);
        file.fm_line = 2;
        file.body_start = after_open + body_start;
        file.body_line = close_line + 1;
    }
    file.text = text;
    Ok(file)
}
