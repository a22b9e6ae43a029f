//! `handout pdf` with a real headless Chromium: which sheets it prints,
//! on which paper, how many pages (pdfinfo), a sheet's large-print mode
//! reached by `#large`, waiting for a sheet's own script, and clear errors
//! for a missing or broken browser.

mod failures;
mod printing;

use crate::common::*;
use crate::sheets::BROWSER;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Chromium and pdfinfo, or a loud skip (a failure with HANDOUT_REQUIRE_BROWSER=1).
fn tools(test: &str) -> Option<PathBuf> {
    let chrome = chromium(test)?;
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        let msg = format!("\n!!! SKIPPED {test}: no pdfinfo (install poppler-utils)\n");
        if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{msg}");
        }
        eprintln!("{msg}");
        return None;
    }
    Some(chrome)
}

/// A copy of the sample handbook with its paper set to `paper`.
fn sample(paper: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for part in ["content", "static", "i18n"] {
        if repo().join(part).is_dir() {
            copy_dir(&repo().join(part), &dir.path().join(part));
        }
    }
    let toml = std::fs::read_to_string(repo().join("handout.toml")).expect("handout.toml");
    let toml: Vec<String> = toml
        .lines()
        .map(|l| {
            if l.starts_with("paper") {
                format!("paper = \"{paper}\"")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(dir.path().join("handout.toml"), toml.join("\n")).expect("write toml");
    dir
}

/// Runs `handout pdf ARGS --root SITE --chrome CHROME` through `sh`, with
/// stdout closed and a temporary folder of its own (`tmp`).
fn pdf(site: &Path, chrome: &Path, tmp: &Path, args: &[&str]) -> Output {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    Command::new("sh")
        .arg("-c")
        .arg("exec \"$@\" >&-")
        .arg("sh")
        .arg(bin())
        .arg("pdf")
        .args(args)
        .arg("--root")
        .arg(site)
        .arg("--chrome")
        .arg(chrome)
        .env("TMPDIR", tmp)
        .output()
        .expect("run handout pdf")
}

fn pdfinfo(pdf: &Path) -> (usize, (u32, u32)) {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}:\n{info}", pdf.display()));
    let size: Vec<f32> = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(size.len() >= 2, "no page size for {}", pdf.display());
    (pages, (size[0].round() as u32, size[1].round() as u32))
}

fn text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The files of a folder with a name ending in `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.to_string_lossy().ends_with(suffix));
    out.sort();
    out
}

/// The sheets folders of a built site: `print/`, and `<code>/print/` of
/// each further language.
fn print_dirs(public: &Path) -> Vec<PathBuf> {
    let mut out = vec![public.join("print")];
    let mut langs: Vec<PathBuf> = std::fs::read_dir(public)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path().join("print"))
                .collect()
        })
        .unwrap_or_default();
    langs.retain(|p| p.is_dir() && !p.starts_with(public.join("print")));
    langs.sort();
    out.extend(langs);
    out
}

/// The files ending in `suffix` in `sub` of every sheets folder.
fn all_files(prints: &[PathBuf], sub: &str, suffix: &str) -> Vec<PathBuf> {
    prints
        .iter()
        .flat_map(|p| files(&p.join(sub), suffix))
        .collect()
}

fn is_large(p: &Path) -> bool {
    p.to_string_lossy().contains(".large.")
}

/// The browser's profile folder is gone and nothing panicked.
fn assert_clean(out: &Output, tmp: &Path) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{err}");
    let left: Vec<_> = std::fs::read_dir(tmp)
        .expect("tmp")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "left in the temporary folder: {left:?}");
}
