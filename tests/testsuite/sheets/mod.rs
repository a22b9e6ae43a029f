//! Printed sheets, checked in a real browser: sheets are printed to PDF by
//! headless Chromium (tests/browser/print-sheets.mjs, after each sheet's
//! own check has run), in standard and in large print (`#large`), on A4
//! and on Letter, then read back with poppler: page counts, the text of
//! every step, text sizes, page numbers, red flags, QR codes that scan.

mod generate;
mod links_and_codes;
mod pages;
mod red_flags;
mod rules;
mod stress;

use generate::{sentence, Rng};
use rules::check_sheets;

use crate::common::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// One browser at a time: the machine has two cores.
pub(crate) static BROWSER: Mutex<()> = Mutex::new(());

/// A site copied into a temp folder, with its paper size set, and built.
struct Site {
    dir: tempfile::TempDir,
    paper: &'static str,
    stderr: String,
}

/// Problems that are reported but do not fail a test start with this.
const NOTE: &str = "note: ";

/// Splits problems into failures and notes (printed).
fn failures(problems: Vec<String>) -> Vec<String> {
    let (notes, failures): (Vec<_>, Vec<_>) =
        problems.into_iter().partition(|p| p.starts_with(NOTE));
    for n in &notes {
        eprintln!("{n}");
    }
    failures
}

impl Site {
    /// Whether the build warned that the routine sheet `html` takes more than one page.
    fn warned_about(&self, html: &Path) -> bool {
        let slug = html.file_stem().unwrap_or_default().to_string_lossy();
        let file = format!("content/routines/{slug}.md");
        self.stderr
            .split("\n\n")
            .any(|w| w.contains("takes") && w.contains(&file))
    }

    fn public(&self) -> PathBuf {
        self.dir.path().join("public")
    }
}

fn site_from(from: &Path, paper: &'static str) -> Site {
    let dir = tempfile::tempdir().expect("tempdir");
    for part in ["handout.toml", "content", "static", "templates", "i18n"] {
        let src = from.join(part);
        if src.is_dir() {
            std::fs::create_dir_all(dir.path().join(part)).expect("mkdir");
            copy_dir(&src, &dir.path().join(part));
        } else if src.is_file() {
            std::fs::copy(&src, dir.path().join(part)).expect("copy");
        }
    }
    set_paper(dir.path(), paper);
    build_site(dir, paper)
}

fn build_site(dir: tempfile::TempDir, paper: &'static str) -> Site {
    let out = run(dir.path(), &["build"]);
    let stderr = stderr(&out);
    assert!(out.status.success(), "build failed:\n{stderr}");
    Site { dir, paper, stderr }
}

fn set_paper(site: &Path, paper: &str) {
    let toml = site.join("handout.toml");
    let text = std::fs::read_to_string(&toml).expect("read handout.toml");
    let text: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("paper") {
                format!("paper = \"{paper}\"")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(&toml, text.join("\n") + "\n").expect("write handout.toml");
}

/// poppler's tools, or a loud skip (a failure with HANDOUT_REQUIRE_BROWSER=1).
fn poppler(test: &str) -> Option<()> {
    if Command::new("pdfinfo").arg("-v").output().is_ok() {
        return Some(());
    }
    let msg = format!("\n!!! SKIPPED {test}: no pdfinfo/pdftotext (install poppler-utils)\n");
    if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{msg}");
    }
    eprintln!("{msg}");
    None
}

/// The browser checks and poppler, or None (skipped loudly).
fn browser(test: &str) -> Option<PathBuf> {
    let dir = node_checks(test)?;
    poppler(test)?;
    Some(dir)
}

/// One sheet printed in one mode.
#[derive(Debug)]
struct Printed {
    html: PathBuf,
    pdf: PathBuf,
    large: bool,
    /// What the sheet's own check saw: page count, classes, status, whether it re-fitted.
    js_pages: usize,
    classes: String,
    status: String,
    refitted: bool,
    axe: Vec<String>,
}

impl Printed {
    fn name(&self) -> String {
        let file = self.html.file_name().unwrap_or_default().to_string_lossy();
        let kind = self
            .html
            .parent()
            .and_then(|p| p.file_name())
            .unwrap_or_default()
            .to_string_lossy();
        format!("{kind}/{file}{}", if self.large { "#large" } else { "" })
    }

    fn html(&self) -> String {
        std::fs::read_to_string(&self.html).expect("sheet html")
    }

    /// The body text size of the mode, pt (from its `density-N` class).
    fn font_pt(&self) -> f32 {
        if self.large {
            return 16.0;
        }
        match self
            .classes
            .split("density-")
            .nth(1)
            .and_then(|d| d.chars().next())
        {
            Some('1') => 12.0,
            Some('2') => 11.0,
            Some('3') => 10.0,
            _ => 9.0,
        }
    }
}

/// Every sheet of a built site, in both modes (or only `large` ones).
fn sheet_files(public: &Path, modes: &[bool]) -> Vec<(PathBuf, bool)> {
    let mut out = Vec::new();
    for dir in ["print/routines", "print/exercises"] {
        let Ok(entries) = std::fs::read_dir(public.join(dir)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        files.sort();
        for f in files {
            for &large in modes {
                out.push((f.clone(), large));
            }
        }
    }
    out
}

/// Prints `sheets` (html, large) to PDF in one browser.
fn print(checks: &Path, sheets: &[(PathBuf, bool)], axe: bool) -> Vec<Printed> {
    let list: Vec<serde_json::Value> = sheets
        .iter()
        .map(|(html, large)| {
            let pdf = html.with_extension(if *large { "large.pdf" } else { "pdf" });
            serde_json::json!({ "html": html, "pdf": pdf, "large": large })
        })
        .collect();
    let file = tempfile::NamedTempFile::new().expect("list file");
    std::fs::write(file.path(), serde_json::to_string(&list).expect("json")).expect("write list");
    let path = file.path().to_string_lossy().into_owned();
    let mut args = vec![path.as_str()];
    if axe {
        args.push("--axe");
    }
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let out = node_check(checks, "print-sheets.mjs", &args);
    let results: Vec<serde_json::Value> = serde_json::from_str(&out).expect("results");
    results
        .iter()
        .zip(sheets)
        .map(|(r, (html, large))| Printed {
            html: html.clone(),
            pdf: html.with_extension(if *large { "large.pdf" } else { "pdf" }),
            large: *large,
            js_pages: r["pages"].as_u64().unwrap_or(0) as usize,
            classes: r["classes"].as_str().unwrap_or("").to_string(),
            status: r["status"].as_str().unwrap_or("").to_string(),
            refitted: r["refitted"].as_bool().unwrap_or(true),
            axe: r["axe"]
                .as_array()
                .map(|v| {
                    v.iter()
                        .map(|x| format!("{} {}", x["id"], x["nodes"]))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

/// Page size in points, rounded.
fn page_size(pdf: &Path) -> (u32, u32) {
    let info = pdfinfo(pdf);
    let nums: Vec<f32> = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (
        nums.first().copied().unwrap_or(0.0).round() as u32,
        nums.get(1).copied().unwrap_or(0.0).round() as u32,
    )
}

/// The text of a PDF (or of one page), without whitespace.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw").arg("-enc").arg("UTF-8");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext");
    squeeze(&String::from_utf8_lossy(&out.stdout))
}

/// Text without whitespace (line breaks may fall anywhere; a word broken
/// at a hyphen loses nothing).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each word's box height, and the lowest text on each page (as a share of the page).
fn words_and_fill(pdf: &Path) -> (Vec<(String, f32)>, Vec<f32>) {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext -bbox");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut words = Vec::new();
    let mut fill = Vec::new();
    for page in html.split("<page ").skip(1) {
        let num = |s: &str, key: &str| -> Option<f32> {
            let at = s.find(&format!("{key}=\""))? + key.len() + 2;
            s[at..].split('"').next()?.parse().ok()
        };
        let height = num(page, "height").unwrap_or(1.0);
        let mut lowest: f32 = 0.0;
        for w in page.split("<word ").skip(1) {
            let word = w
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or("")
                .to_string();
            if let (Some(y0), Some(y1)) = (num(w, "yMin"), num(w, "yMax")) {
                lowest = lowest.max(y1);
                words.push((word, y1 - y0));
            }
        }
        fill.push(lowest / height);
    }
    (words, fill)
}

/// A word's box for text of `pt` points (the font's ascent and descent:
/// 1.24 em; any size at least this was printed at `pt` or more).
fn box_of(pt: f32) -> f32 {
    pt * 1.2 - 0.05
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    s.split(start)
        .skip(1)
        .filter_map(|part| part.split(end).next())
        .collect()
}

fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            _ if !tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
}

/// The HTML of one mode of a sheet.
fn mode_html(html: &str, large: bool) -> &str {
    let regular = html.find("sheet-regular").unwrap_or(html.len());
    if large {
        &html[..regular]
    } else {
        &html[regular..]
    }
}

/// The pages the build laid a mode out on (`data-pages`).
fn planned_pages(mode: &str) -> usize {
    between(mode, "data-pages=\"", "\"")
        .first()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The steps a mode prints, and how many each card has in all (from the "N steps" captions and notes).
fn printed_steps(mode: &str) -> Vec<String> {
    between(mode, "<ol class=\"card-steps\"", "</ol>")
        .into_iter()
        .flat_map(|list| between(list, "<li>", "</li>"))
        .map(plain)
        .collect()
}

fn card_count(html: &str) -> usize {
    mode_html(html, false)
        .matches("<span class=\"card-num\">")
        .count()
}

/// Every step of every exercise on a sheet (from the exercise pages' Markdown bodies
/// as the site renders them: the large-print mode prints them all).
fn all_steps(html: &str) -> Vec<String> {
    printed_steps(mode_html(html, true))
}
