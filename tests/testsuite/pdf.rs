//! `handout pdf` with a real headless Chromium: which sheets it prints,
//! on which paper, how many pages (pdfinfo), a sheet's large-print mode
//! reached by `#large`, waiting for a sheet's own script, and clear errors
//! for a missing or broken browser.

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

#[test]
fn pdf_prints_every_routine_sheet_of_the_sample_on_one_a4_page() {
    let Some(chrome) = tools("pdf_prints_every_routine_sheet_of_the_sample_on_one_a4_page") else {
        return;
    };
    let site = sample("A4");
    let tmp = tempfile::tempdir().expect("tmp");
    let out = pdf(site.path(), &chrome, tmp.path(), &[]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_clean(&out, tmp.path());
    let prints = print_dirs(&site.path().join("public"));
    let sheets: Vec<PathBuf> = all_files(&prints, "routines", ".html")
        .into_iter()
        .filter(|p| !is_large(p))
        .collect();
    assert!(sheets.len() >= 10, "{sheets:?}");
    for html in &sheets {
        let (pages, size) = pdfinfo(&html.with_extension("pdf"));
        assert_eq!((pages, size), (1, (595, 842)), "{}", html.display());
    }
    let pdfs = all_files(&prints, "routines", ".pdf");
    assert_eq!(
        pdfs.len(),
        sheets.len(),
        "no large print without --all: {pdfs:?}"
    );
    assert_eq!(
        all_files(&prints, "exercises", ".pdf"),
        Vec::<PathBuf>::new()
    );
    assert!(
        err.contains(&format!("Printed {} sheets to PDF", sheets.len())),
        "{err}"
    );
}

#[test]
fn pdf_all_prints_exercise_and_large_print_sheets_on_letter() {
    let Some(chrome) = tools("pdf_all_prints_exercise_and_large_print_sheets_on_letter") else {
        return;
    };
    let site = sample("Letter");
    let tmp = tempfile::tempdir().expect("tmp");
    let out = pdf(site.path(), &chrome, tmp.path(), &["--all"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_clean(&out, tmp.path());
    let prints = print_dirs(&site.path().join("public"));
    let routines: Vec<PathBuf> = all_files(&prints, "routines", ".html")
        .into_iter()
        .filter(|p| !is_large(p))
        .collect();
    let exercises = all_files(&prints, "exercises", ".html");
    assert!(exercises.len() >= 30, "{exercises:?}");
    let mut printed = 0;
    for html in routines.iter().chain(&exercises) {
        let (pages, size) = pdfinfo(&html.with_extension("pdf"));
        assert_eq!((pages, size), (1, (612, 792)), "{}", html.display());
        printed += 1;
    }
    // Large print: the sheet's mode at x.html#large, printed to x.large.pdf
    // (a site's own template may still make a separate x.large.html).
    for html in &routines {
        let large = html.with_extension("large.pdf");
        let (pages, size) = pdfinfo(&large);
        assert!(pages >= 1 && size == (612, 792), "{}", large.display());
        printed += 1;
    }
    printed += all_files(&prints, "exercises", ".large.pdf").len();
    assert!(
        err.contains(&format!("Printed {printed} sheets to PDF")),
        "{err}"
    );
}

/// A site's own exercise sheet with a large-print mode at `#large` and a
/// script that checks its layout after the page has loaded.
const PROBE: &str = r##"<!DOCTYPE html>
<html lang="en" data-fit="pending">
<head><meta charset="utf-8"><title>{{ title }}</title>
<style>@page { size: {{ site.paper }}; margin: 12mm; } .big { font-size: 30pt; }</style></head>
<body>
<h1>{{ title }}</h1>
<p id="mode">Mode: normal print</p>
<p><a href="#large">Large print</a></p>
<script>
  if (location.hash === "#large") {
    document.getElementById("mode").textContent = "Mode: large print";
  }
  setTimeout(() => {
    document.body.insertAdjacentHTML("beforeend", "<p>Layout checked in the browser</p>");
    document.documentElement.dataset.fit = document.title.includes("Band") ? "overflow" : "done";
  }, 300);
</script>
</body>
</html>
"##;

#[test]
fn pdf_prints_a_sheets_large_mode_and_waits_for_its_own_check() {
    let Some(chrome) = tools("pdf_prints_a_sheets_large_mode_and_waits_for_its_own_check") else {
        return;
    };
    let parent = tempfile::tempdir().expect("tempdir");
    let site = parent.path().join("site");
    let made = run(parent.path(), &["init", "site"]);
    assert!(made.status.success(), "{}", stderr(&made));
    std::fs::create_dir_all(site.join("templates")).expect("templates");
    std::fs::write(site.join("templates/sheet_exercise.html"), PROBE).expect("probe");
    let tmp = tempfile::tempdir().expect("tmp");
    let out = pdf(&site, &chrome, tmp.path(), &["--all"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_clean(&out, tmp.path());
    let dir = site.join("public/print/exercises");
    let sheets = files(&dir, ".html");
    assert_eq!(sheets.len(), 2, "{sheets:?}");
    let mut notes = 0;
    for html in &sheets {
        let normal = text(&html.with_extension("pdf"));
        let large = text(&html.with_extension("large.pdf"));
        assert!(normal.contains("Mode: normal print"), "{normal}");
        assert!(large.contains("Mode: large print"), "{large}");
        for t in [&normal, &large] {
            assert!(
                t.contains("Layout checked in the browser"),
                "printed too early:\n{t}"
            );
        }
        let name = html.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains("band") {
            assert!(
                err.contains(&format!(
                    "note: print/exercises/{name}: its layout check reports data-fit=\"overflow\""
                )),
                "{err}"
            );
            notes += 1;
        }
    }
    assert_eq!(
        notes, 1,
        "the new site has one exercise with \"band\" in its name"
    );
}

#[test]
fn pdf_without_the_browser_it_was_given_exits_2_and_builds_nothing() {
    let site = fixture("twelve");
    let tmp = tempfile::tempdir().expect("tmp");
    let out = pdf(site.path(), Path::new("/nonexistent"), tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).lines().next().unwrap_or(""),
        "error: --chrome /nonexistent: no such file"
    );
    assert!(!site.path().join("public").exists(), "nothing built");
    assert_clean(&out, tmp.path());
}

#[cfg(unix)]
#[test]
fn pdf_with_a_browser_that_fails_says_so_and_cleans_up() {
    use std::os::unix::fs::PermissionsExt;
    let site = fixture("twelve");
    let tmp = tempfile::tempdir().expect("tmp");
    let fake = site.path().join("broken-chrome");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho 'cannot open display: the fake browser gives up' >&2\nexit 3\n",
    )
    .expect("fake browser");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = pdf(site.path(), &fake, tmp.path(), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("broken-chrome stopped while starting (exit status: 3)"),
        "{err}"
    );
    assert!(err.contains("the fake browser gives up"), "{err}");
    assert!(err.contains("--chrome PATH"), "{err}");
    assert_clean(&out, tmp.path());
}

/// Ctrl-C while printing: the sheet in hand is finished, the browser
/// closed, its profile folder removed, and every PDF written is whole.
#[cfg(unix)]
#[test]
fn pdf_interrupted_stops_and_cleans_up() {
    let Some(chrome) = tools("pdf_interrupted_stops_and_cleans_up") else {
        return;
    };
    let site = sample("A4");
    let tmp = tempfile::tempdir().expect("tmp");
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let mut child = Command::new(bin())
        .args(["pdf", "--all", "--root"])
        .arg(site.path())
        .arg("--chrome")
        .arg(&chrome)
        .env("TMPDIR", tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run handout pdf");
    // Wait for the first PDF, then press Ctrl-C.
    let routines = site.path().join("public/print/routines");
    let started = std::time::Instant::now();
    while files(&routines, ".pdf").is_empty() {
        assert!(
            child.try_wait().expect("wait").is_none(),
            "handout pdf ended before the first PDF was seen"
        );
        assert!(started.elapsed().as_secs() < 300, "no PDF after 300 s");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .expect("kill");
    assert!(kill.success());
    let out = child.wait_with_output().expect("wait");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: interrupted: "), "{err}");
    assert_clean(&out, tmp.path());
    let print = site.path().join("public/print");
    let pdfs: Vec<PathBuf> = [print.join("routines"), print.join("exercises")]
        .iter()
        .flat_map(|d| files(d, ".pdf"))
        .collect();
    let sheets = files(&print.join("routines"), ".html").len()
        + files(&print.join("exercises"), ".html").len();
    assert!(
        !pdfs.is_empty() && pdfs.len() < sheets,
        "{} of {sheets}",
        pdfs.len()
    );
    for pdf in &pdfs {
        assert!(pdfinfo(pdf).0 >= 1, "{}", pdf.display());
    }
    let parts: Vec<PathBuf> = [print.join("routines"), print.join("exercises")]
        .iter()
        .flat_map(|d| files(d, ".part"))
        .collect();
    assert!(parts.is_empty(), "{parts:?}");
}

/// Content errors: exit 1 with the errors, and the browser, started
/// while the site was being checked, closed and cleaned up.
#[test]
fn pdf_of_a_site_with_errors_exits_1_and_cleans_up() {
    let Some(chrome) = tools("pdf_of_a_site_with_errors_exits_1_and_cleans_up") else {
        return;
    };
    let site = fixture("broken");
    let tmp = tempfile::tempdir().expect("tmp");
    let out = pdf(site.path(), &chrome, tmp.path(), &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Build failed"), "{err}");
    assert_clean(&out, tmp.path());
}
