//! Which sheets of a built site to print, and the PDF each one becomes.

use std::path::{Path, PathBuf};

/// A sheet to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sheet {
    /// The sheet's HTML file.
    pub html: PathBuf,
    /// The address fragment that selects a mode of the sheet (`large`).
    pub fragment: Option<&'static str>,
    /// Where its PDF goes.
    pub pdf: PathBuf,
}

impl Sheet {
    /// The sheet as the progress line and messages name it, relative to `out`.
    pub(crate) fn name(&self, out: &Path) -> String {
        let rel = self.html.strip_prefix(out).unwrap_or(&self.html);
        let mut name = rel.to_string_lossy().replace('\\', "/");
        if let Some(f) = self.fragment {
            name.push('#');
            name.push_str(f);
        }
        name
    }
}

/// The routine sheets under `out` (with `all`: also the exercise sheets
/// and the large-print version of every sheet that has one), in every
/// language's `print/` folder, sorted.
pub(crate) fn sheets(out: &Path, all: bool) -> Result<Vec<Sheet>, String> {
    let mut print_dirs = vec![out.join("print")];
    if let Ok(entries) = std::fs::read_dir(out) {
        let mut langs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path().join("print"))
            .filter(|p| p.is_dir() && !p.starts_with(out.join("print")))
            .collect();
        langs.sort();
        print_dirs.extend(langs);
    }
    let mut out_sheets = Vec::new();
    for dir in print_dirs {
        let kinds: &[&str] = if all {
            &["routines", "exercises"]
        } else {
            &["routines"]
        };
        for kind in kinds {
            let folder = dir.join(kind);
            if folder.is_dir() {
                out_sheets.extend(in_folder(&folder, all)?);
            }
        }
    }
    Ok(out_sheets)
}

/// The sheets of one folder; with `large`, each followed by its large print.
fn in_folder(dir: &Path, large: bool) -> Result<Vec<Sheet>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut html: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter(|p| !p.to_string_lossy().ends_with(".large.html"))
        .collect();
    html.sort();
    let mut out = Vec::new();
    for page in html {
        let pdf = page.with_extension("pdf");
        // `x.large.pdf`: a slug never has a dot, so no sheet's own PDF has this name.
        let large_pdf = page.with_extension("large.pdf");
        let separate = page.with_extension("large.html");
        out.push(Sheet {
            html: page.clone(),
            fragment: None,
            pdf,
        });
        if !large {
            continue;
        }
        if separate.is_file() {
            out.push(Sheet {
                html: separate,
                fragment: None,
                pdf: large_pdf,
            });
        } else if has_large_mode(&page) {
            out.push(Sheet {
                html: page,
                fragment: Some("large"),
                pdf: large_pdf,
            });
        }
    }
    Ok(out)
}

/// Whether a sheet switches to large print at the address `#large` (it
/// links to that address, e.g. with its "Large print" button).
fn has_large_mode(html: &Path) -> bool {
    std::fs::read_to_string(html)
        .is_ok_and(|text| text.contains("\"#large\"") || text.contains("'#large'"))
}

/// A `file://` URL for a local file, with unusual characters escaped.
pub(crate) fn file_url(path: &Path, fragment: Option<&str>) -> Result<String, String> {
    let abs = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = abs.to_string_lossy().replace('\\', "/");
    // Windows: `\\?\C:\…` becomes `//?/C:/…`; the URL wants `/C:/…`.
    let text = text.strip_prefix("//?/").unwrap_or(&text);
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
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn names(out: &Path, list: &[Sheet]) -> Vec<String> {
        list.iter()
            .map(|s| {
                let pdf = s.pdf.strip_prefix(out).unwrap().display();
                format!("{} -> {pdf}", s.name(out))
            })
            .collect()
    }

    #[test]
    fn file_urls_escape_spaces_and_keep_the_fragment() {
        let dir = site(&[("a b/c d.html", "x")]);
        let url = file_url(&dir.path().join("a b/c d.html"), Some("large")).unwrap();
        assert!(url.starts_with("file:///"), "{url}");
        assert!(url.ends_with("/a%20b/c%20d.html#large"), "{url}");
    }

    #[test]
    fn routine_sheets_by_default_and_everything_with_all() {
        let dir = site(&[
            ("print/routines/b.html", "x"),
            ("print/routines/b.large.html", "x"),
            ("print/routines/a.html", "x"),
            ("print/exercises/c.html", "x"),
        ]);
        let out = dir.path();
        assert_eq!(
            names(out, &sheets(out, false).unwrap()),
            [
                "print/routines/a.html -> print/routines/a.pdf",
                "print/routines/b.html -> print/routines/b.pdf"
            ]
        );
        assert_eq!(
            names(out, &sheets(out, true).unwrap()),
            [
                "print/routines/a.html -> print/routines/a.pdf",
                "print/routines/b.html -> print/routines/b.pdf",
                "print/routines/b.large.html -> print/routines/b.large.pdf",
                "print/exercises/c.html -> print/exercises/c.pdf",
            ]
        );
    }

    #[test]
    fn a_sheet_with_a_large_mode_prints_twice_and_languages_too() {
        let button = r##"<a class="mode" href="#large">Large print</a>"##;
        let dir = site(&[
            ("print/routines/desk-reset.html", button),
            ("print/routines/desk-reset-large.html", "x"),
            ("print/exercises/chin-tuck.html", button),
            ("es/print/routines/desk-reset.html", button),
        ]);
        let out = dir.path();
        assert_eq!(
            names(out, &sheets(out, true).unwrap()),
            [
                "print/routines/desk-reset-large.html -> print/routines/desk-reset-large.pdf",
                "print/routines/desk-reset.html -> print/routines/desk-reset.pdf",
                "print/routines/desk-reset.html#large -> print/routines/desk-reset.large.pdf",
                "print/exercises/chin-tuck.html -> print/exercises/chin-tuck.pdf",
                "print/exercises/chin-tuck.html#large -> print/exercises/chin-tuck.large.pdf",
                "es/print/routines/desk-reset.html -> es/print/routines/desk-reset.pdf",
                "es/print/routines/desk-reset.html#large -> es/print/routines/desk-reset.large.pdf",
            ]
        );
        assert_eq!(sheets(out, false).unwrap().len(), 3);
    }

    #[test]
    fn a_site_without_routines_has_no_sheets_to_print() {
        let dir = site(&[("index.html", "x"), ("print/exercises/a.html", "x")]);
        assert_eq!(sheets(dir.path(), false).unwrap(), []);
        assert_eq!(sheets(dir.path(), true).unwrap().len(), 1);
    }
}
