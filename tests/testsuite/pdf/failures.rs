//! `handout pdf` when something goes wrong: no browser, a browser that
//! fails, an interruption, a site with errors; it says so and cleans up.

use super::*;

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
