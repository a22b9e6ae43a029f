//! Printed sheets, checked in a real browser: every sheet of the sample
//! handbook and of a 12-exercise test site is printed to PDF with headless
//! Chromium (through `handout pdf`) on A4 and on Letter paper, then checked
//! with poppler: one page, every title and dosage line there, text sizes
//! kept. Large-print sheets never split an exercise; a routine too long for
//! one page warns and prints cleanly on two.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// One built and printed site.
struct Printed {
    name: String,
    paper: &'static str,
    _dir: tempfile::TempDir,
    public: PathBuf,
}

/// The browser prints one site at a time (each `handout pdf` runs two).
static BROWSER: Mutex<()> = Mutex::new(());

/// Copies a site, sets its paper size, and prints every sheet to PDF.
fn print_site(name: &str, from: &Path, paper: &'static str, chrome: &Path) -> Printed {
    let dir = tempfile::tempdir().expect("tempdir");
    for part in ["handout.toml", "content", "static"] {
        let src = from.join(part);
        if src.is_dir() {
            std::fs::create_dir_all(dir.path().join(part)).expect("mkdir");
            copy_dir(&src, &dir.path().join(part));
        } else if src.is_file() {
            std::fs::copy(&src, dir.path().join(part)).expect("copy");
        }
    }
    set_paper(dir.path(), paper);
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let out = Command::new(bin())
        .args(["pdf", "--all", "--root"])
        .arg(dir.path())
        .arg("--chrome")
        .arg(chrome)
        .output()
        .expect("run handout pdf");
    let err = stderr(&out);
    assert!(
        out.status.success(),
        "handout pdf failed for {name} {paper}:\n{err}"
    );
    assert!(
        !err.contains("printable sheet"),
        "{name} {paper}: a sheet does not fit:\n{err}"
    );
    Printed {
        name: name.to_string(),
        paper,
        public: dir.path().join("public"),
        _dir: dir,
    }
}

fn set_paper(site: &Path, paper: &str) {
    let toml = site.join("handout.toml");
    let text = std::fs::read_to_string(&toml).expect("read handout.toml");
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("paper") {
                format!("paper = \"{paper}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&toml, text).expect("write handout.toml");
}

/// The sample handbook and the 12-exercise site, on A4 and on Letter,
/// printed once for all tests of this file.
fn printed(test: &str) -> Option<&'static [Printed]> {
    static SITES: OnceLock<Vec<Printed>> = OnceLock::new();
    let chrome = chromium(test)?;
    require_poppler(test)?;
    Some(SITES.get_or_init(|| {
        let twelve = repo().join("tests/fixtures/twelve");
        let mut sites = Vec::new();
        for paper in ["A4", "Letter"] {
            sites.push(print_site("sample", &repo(), paper, &chrome));
            sites.push(print_site("twelve", &twelve, paper, &chrome));
        }
        sites
    }))
}

/// pdfinfo and pdftotext, or a loud skip (a failure with HANDOUT_REQUIRE_BROWSER=1).
fn require_poppler(test: &str) -> Option<()> {
    let ok = Command::new("pdfinfo").arg("-v").output().is_ok();
    if !ok {
        let msg = format!("\n!!! SKIPPED {test}: no pdfinfo/pdftotext (install poppler-utils)\n");
        if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{msg}");
        }
        eprintln!("{msg}");
        return None;
    }
    Some(())
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
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("page size");
    let nums: Vec<f32> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums[0].round() as u32, nums[1].round() as u32)
}

/// The text of a PDF (or of one page), in drawing order, without whitespace.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw").arg("-enc").arg("UTF-8");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext");
    squeeze(&String::from_utf8_lossy(&out.stdout))
}

/// Text without whitespace, ligatures spelled out: line breaks may fall anywhere.
fn squeeze(s: &str) -> String {
    s.replace('\u{fb01}', "fi")
        .replace('\u{fb02}', "fl")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Word heights in points (roughly ascent plus descent of the font size).
fn word_heights(pdf: &Path) -> Vec<(String, f32)> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext -bbox");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    html.split("<word ")
        .skip(1)
        .filter_map(|w| {
            let num = |key: &str| -> Option<f32> {
                let at = w.find(&format!("{key}=\""))? + key.len() + 2;
                w[at..].split('"').next()?.parse().ok()
            };
            let word = w.split('>').nth(1)?.split('<').next()?.to_string();
            Some((word, num("yMax")? - num("yMin")?))
        })
        .collect()
}

/// What a sheet's HTML says each exercise shows.
#[derive(Debug, Default)]
struct Card {
    title: String,
    dosage: String,
    /// Steps and cautions as printed (plain text).
    rest: Vec<String>,
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
}

fn cards(html: &str) -> Vec<Card> {
    html.split("<li class=\"card")
        .skip(1)
        .map(|card| Card {
            title: plain(between(card, "<span class=\"card-name\">", "</span>")[0]),
            dosage: plain(between(card, "<p class=\"card-dosage\">", "</p>")[0]),
            rest: between(card, "<li>", "</li>")
                .into_iter()
                .chain(between(card, "<p class=\"card-caution\">", "</p>"))
                .map(plain)
                .collect(),
        })
        .collect()
}

fn sheets(site: &Printed) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["print/routines", "print/exercises"] {
        for e in std::fs::read_dir(site.public.join(dir)).expect("sheets") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn is_large(p: &Path) -> bool {
    p.to_string_lossy().ends_with(".large.html")
}

#[test]
fn every_sheet_prints_on_one_page_with_every_title_and_dosage() {
    let Some(sites) = printed("every_sheet_prints_on_one_page_with_every_title_and_dosage") else {
        return;
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for site in sites {
        let size = if site.paper == "A4" {
            (595, 842)
        } else {
            (612, 792)
        };
        for html_path in sheets(site).into_iter().filter(|p| !is_large(p)) {
            let pdf = html_path.with_extension("pdf");
            let name = format!(
                "{} {} {}",
                site.name,
                site.paper,
                html_path.strip_prefix(&site.public).unwrap().display()
            );
            let n = pages(&pdf);
            *counts
                .entry(format!(
                    "{} {}: sheets of {n} page(s)",
                    site.name, site.paper
                ))
                .or_default() += 1;
            if n != 1 {
                problems.push(format!("{name}: {n} pages"));
            }
            if page_size(&pdf) != size {
                problems.push(format!("{name}: page size {:?}", page_size(&pdf)));
            }
            let html = std::fs::read_to_string(&html_path).expect("sheet html");
            let printed = text(&pdf, None);
            let title = plain(between(&html, "<h1 class=\"sheet-title\">", "</h1>")[0]);
            let mut wanted = vec![title];
            for card in cards(&html) {
                if html_path.to_string_lossy().contains("/routines/") {
                    wanted.push(card.title);
                }
                wanted.push(card.dosage);
            }
            for w in wanted {
                if !printed.contains(&squeeze(&w)) {
                    problems.push(format!("{name}: missing {w:?}"));
                }
            }
        }
    }
    eprintln!("page counts (A4 and Letter): {counts:#?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// No text under 9 pt; body text at least 11 pt on sheets of up to six
/// exercises (the red-flag box is body text), 16 pt in large print.
#[test]
fn sheets_keep_their_text_sizes() {
    let Some(sites) = printed("sheets_keep_their_text_sizes") else {
        return;
    };
    // A word's box is about 1.1 to 1.2 times the font size.
    let box_of = |pt: f32| pt * 1.1 - 0.05;
    let mut problems = Vec::new();
    for site in sites {
        for html_path in sheets(site) {
            let pdf = html_path.with_extension("pdf");
            let html = std::fs::read_to_string(&html_path).expect("sheet html");
            let n = cards(&html).len();
            let body = if is_large(&html_path) {
                16.0
            } else if n <= 6 {
                11.0
            } else {
                9.0
            };
            let words = word_heights(&pdf);
            let name = format!("{} {} {}", site.name, site.paper, html_path.display());
            if let Some((w, h)) = words.iter().find(|(_, h)| *h < box_of(9.0)) {
                problems.push(format!("{name}: {w:?} is {h:.1} pt high"));
            }
            let stop = words.iter().find(|(w, _)| w == "Stop").map(|(_, h)| *h);
            match stop {
                Some(h) if h >= box_of(body) => {}
                other => problems.push(format!(
                    "{name}: red-flag text {other:?} pt, want {body} pt"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every exercise of a sheet (title, dosage, steps, cautions, log) on one page.
fn assert_no_exercise_split(pdf: &Path, html: &str, name: &str) -> usize {
    let n = pages(pdf);
    let page_texts: Vec<String> = (1..=n).map(|p| text(pdf, Some(p))).collect();
    for card in cards(html) {
        let title = squeeze(&card.title);
        let on: Vec<usize> = (0..n).filter(|&p| page_texts[p].contains(&title)).collect();
        assert_eq!(on.len(), 1, "{name}: {:?} is on pages {on:?}", card.title);
        let page = &page_texts[on[0]];
        for part in std::iter::once(&card.dosage).chain(&card.rest) {
            assert!(
                page.contains(&squeeze(part)),
                "{name}: {:?} is not on the page of {:?}",
                part,
                card.title
            );
        }
    }
    // Each exercise's log (a row per week) sits on the page of its title.
    let weeks = html
        .split("<table class=\"card-log\"")
        .nth(1)
        .map_or(1, |log| {
            log.split("</table>")
                .next()
                .unwrap_or("")
                .matches("<tr>")
                .count()
        });
    for (p, page) in page_texts.iter().enumerate() {
        let titles = cards(html)
            .iter()
            .filter(|c| page.contains(&squeeze(&c.title)))
            .count();
        assert_eq!(
            page.matches("Pain/10").count(),
            titles * weeks,
            "{name}: page {} has a log row without its exercise",
            p + 1
        );
    }
    n
}

#[test]
fn large_print_never_splits_an_exercise() {
    let Some(sites) = printed("large_print_never_splits_an_exercise") else {
        return;
    };
    let mut counts = Vec::new();
    for site in sites {
        for html_path in sheets(site).into_iter().filter(|p| is_large(p)) {
            let html = std::fs::read_to_string(&html_path).expect("sheet html");
            let name = format!("{} {} {}", site.name, site.paper, html_path.display());
            let n = assert_no_exercise_split(&html_path.with_extension("pdf"), &html, &name);
            counts.push(n);
        }
    }
    eprintln!("large-print page counts: {counts:?}");
}

/// A routine of 16 exercises: a warning naming its file and how many to
/// move, and a sheet on two pages with no exercise split.
#[test]
fn a_routine_too_long_for_one_page_warns_and_prints_on_two() {
    let Some(chrome) = chromium("a_routine_too_long_for_one_page_warns_and_prints_on_two") else {
        return;
    };
    if require_poppler("a_routine_too_long_for_one_page_warns_and_prints_on_two").is_none() {
        return;
    }
    let site = fixture("twelve");
    let mut slugs: Vec<String> = std::fs::read_dir(site.path().join("content/exercises"))
        .expect("exercises")
        .map(|e| {
            e.expect("entry")
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    slugs.sort();
    assert_eq!(slugs.len(), 16);
    let list: String = slugs.iter().map(|s| format!("      - {s}\n")).collect();
    std::fs::write(
        site.path().join("content/routines/sixteen.md"),
        format!(
            "---\ntitle: Sixteen at once\nsummary: Every exercise.\ngoal: mixed\nfrequency: daily\n\
             sections:\n  - name: All\n    exercises:\n{list}cautions: []\n---\nToo many for one page.\n"
        ),
    )
    .expect("write routine");
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let out = run(
        site.path(),
        &["pdf", "--chrome", chrome.to_str().expect("utf-8 path")],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let warning: Vec<&str> = err
        .split("\n\n")
        .filter(|w| w.contains("sixteen.md"))
        .collect();
    assert_eq!(warning.len(), 1, "one warning for the long routine:\n{err}");
    assert!(
        warning[0].starts_with("warning")
            && warning[0].contains("move ")
            && warning[0].contains("exercise"),
        "{err}"
    );
    assert!(
        !err.contains("twelve.md"),
        "the 12-exercise routine fits:\n{err}"
    );
    let html_path = site.path().join("public/print/routines/sixteen.html");
    let html = std::fs::read_to_string(&html_path).expect("sheet");
    let pdf = html_path.with_extension("pdf");
    let n = assert_no_exercise_split(&pdf, &html, "sixteen");
    assert_eq!(n, 2, "prints on two pages");
}

#[test]
fn pdf_without_a_browser_says_how_to_get_one() {
    let site = fixture("twelve");
    let empty = tempfile::tempdir().expect("tempdir");
    let out = Command::new(bin())
        .args(["pdf", "--root"])
        .arg(site.path())
        .env("PATH", empty.path())
        .output()
        .expect("run handout");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no Chromium or Chrome found; install one or pass --chrome PATH"),
        "{err}"
    );
    assert!(!site.path().join("public").exists(), "nothing built");
}

/// Without a browser: links to the sheets, the Print button, QR codes.
#[test]
fn sheets_link_print_on_request_and_carry_qr_codes() {
    let site = fixture("twelve");
    let out = run(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let read = |p: &str| std::fs::read_to_string(public.join(p)).expect(p);
    assert!(read("routines/twelve.html").contains("../print/routines/twelve.html"));
    assert!(read("exercises/bridge.html").contains("../print/exercises/bridge.html"));
    let sheet = read("print/routines/twelve.html");
    assert!(
        sheet.contains(r#"onclick="window.print()""#),
        "a Print button"
    );
    assert_eq!(
        sheet.matches("print()").count(),
        1,
        "never prints by itself"
    );
    assert!(sheet.contains("<svg"), "QR code to the page");
    let bird_dog = read("print/exercises/bird-dog.html");
    assert!(
        bird_dog.contains("<figcaption>Video</figcaption>"),
        "QR code to the video"
    );
    assert!(
        sheet.contains("Squeeze your buttocks at the top."),
        "the routine's note"
    );
    assert!(
        sheet.contains("3 sets of 10 reps"),
        "the routine's dosage override"
    );

    // Without an absolute base_url: no QR codes, and a warning on how to get them.
    let out = run(site.path(), &["build", "--base-url", "/handbook/"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("base_url") && err.contains("https://"),
        "{err}"
    );
    let sheet = read("print/routines/twelve.html");
    assert!(
        !sheet.contains("sheet-qr") && !sheet.contains(" steps</figcaption>"),
        "no page codes"
    );
    assert!(
        sheet.contains("<figcaption>Video</figcaption>"),
        "the video keeps its code"
    );
}

/// Every QR code printed on a sheet scans (with zbar, as a phone camera
/// would from paper) to the page or video it promises: each routine sheet
/// of the sample, rasterised at 300 dpi.
#[test]
fn printed_qr_codes_scan_to_their_pages() {
    let test = "printed_qr_codes_scan_to_their_pages";
    let Some(sites) = printed(test) else {
        return;
    };
    if Command::new("zbarimg").arg("--version").output().is_err() {
        let msg = format!("\n!!! SKIPPED {test}: no zbarimg (install zbar-tools)\n");
        if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{msg}");
        }
        eprintln!("{msg}");
        return;
    }
    let site = sites
        .iter()
        .find(|s| s.name == "sample" && s.paper == "A4")
        .expect("the sample on A4");
    let base = "https://harbourside-physio.example/handbook/";
    let videos: String = std::fs::read_dir(repo().join("content/exercises"))
        .expect("exercises")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let mut scanned = 0;
    for html_path in sheets(site)
        .iter()
        .filter(|p| p.starts_with(site.public.join("print/routines")))
    {
        let html = std::fs::read_to_string(html_path).expect("sheet");
        let pdf = html_path.with_extension("pdf");
        let png = html_path.with_extension("scan");
        let r = Command::new("pdftoppm")
            .args(["-r", "300", "-gray", "-singlefile", "-png"])
            .arg(&pdf)
            .arg(&png)
            .status()
            .expect("pdftoppm");
        assert!(r.success(), "pdftoppm {}", pdf.display());
        let out = Command::new("zbarimg")
            .args(["-q", "--raw", "-Sdisable", "-Sqrcode.enable"])
            .arg(png.with_extension("scan.png"))
            .output()
            .expect("zbarimg");
        let found: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let name = html_path.file_name().unwrap_or_default().to_string_lossy();
        let codes = html.matches("<svg").count();
        assert!(codes > 0, "{name}: no QR codes");
        assert_eq!(
            found.len(),
            codes,
            "{name}: {codes} codes printed, scanned {found:?}"
        );
        let slug = name.trim_end_matches(".html").trim_end_matches(".large");
        let own = format!("{base}routines/{slug}.html");
        assert!(
            found.contains(&own),
            "{name}: the header code leads to {own}: {found:?}"
        );
        for url in &found {
            let page = url.strip_prefix(base).map(|p| site.public.join(p));
            assert!(
                page.is_some_and(|p| p.is_file()) || videos.contains(&format!("video: {url}")),
                "{name}: {url} is neither a page of the site nor an exercise's video"
            );
        }
        scanned += found.len();
    }
    assert!(scanned >= 40, "only {scanned} codes scanned");
}
