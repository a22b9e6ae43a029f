//! What leads to and from a sheet: `handout pdf` without a browser, the
//! pages' links and Print button, and printed QR codes that scan.

use super::*;

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

/// Without a browser: links to the sheets (large print at `#large`), the
/// Print button, QR codes, the routine's dosage and notes.
#[test]
fn sheets_link_print_on_request_and_carry_qr_codes() {
    let site = fixture("twelve");
    let out = run(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let read = |p: &str| std::fs::read_to_string(public.join(p)).expect(p);
    let routine = read("routines/twelve.html");
    assert!(routine.contains("../print/routines/twelve.html\""));
    assert!(routine.contains("../print/routines/twelve.html#large\""));
    assert!(read("exercises/bridge.html").contains("../print/exercises/bridge.html"));
    assert!(
        !public.join("print/routines/twelve.large.html").exists(),
        "one file per sheet"
    );
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
    assert!(sheet.contains("id=\"large\"") && sheet.contains("href=\"#large\""));
    assert!(sheet.contains("<symbol id=\"qr1\""), "QR code to the page");
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
        read("print/exercises/bird-dog.html").contains("<figcaption>Video</figcaption>"),
        "the video keeps its code"
    );
}

/// Every QR code printed on a routine sheet of the sample scans (zbar,
/// from the PDF at 300 dpi) to the page or video it promises.
#[test]
fn printed_qr_codes_scan_to_their_pages() {
    let test = "printed_qr_codes_scan_to_their_pages";
    let Some(checks) = browser(test) else {
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
    let site = site_from(&repo(), "A4");
    let base = "https://harbourside-physio.example/handbook/";
    let videos: String = std::fs::read_dir(repo().join("content/exercises"))
        .expect("exercises")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let files: Vec<(PathBuf, bool)> = sheet_files(&site.public(), &[false])
        .into_iter()
        .filter(|(f, _)| f.to_string_lossy().contains("/routines/"))
        .collect();
    let printed = print(&checks, &files, false);
    let mut scanned = 0;
    for p in &printed {
        let png = p.pdf.with_extension("scan");
        let r = Command::new("pdftoppm")
            .args(["-r", "300", "-gray", "-singlefile", "-png"])
            .arg(&p.pdf)
            .arg(&png)
            .status()
            .expect("pdftoppm");
        assert!(r.success());
        let out = Command::new("zbarimg")
            .args(["-q", "--raw", "-Sdisable", "-Sqrcode.enable"])
            .arg(png.with_extension("scan.png"))
            .output()
            .expect("zbarimg");
        let found: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let html = p.html();
        let codes = mode_html(&html, false).matches("<use href=").count();
        assert!(codes > 0, "{}: no QR codes", p.name());
        assert_eq!(
            found.len(),
            codes,
            "{}: {codes} codes printed, scanned {found:?}",
            p.name()
        );
        let slug = p.html.file_stem().unwrap_or_default().to_string_lossy();
        let own = format!("{base}routines/{slug}.html");
        assert!(found.contains(&own), "{}: {own} not in {found:?}", p.name());
        for url in &found {
            let page = url.strip_prefix(base).map(|u| site.public().join(u));
            assert!(
                page.is_some_and(|p| p.is_file()) || videos.contains(&format!("video: {url}")),
                "{}: {url} leads nowhere",
                p.name()
            );
        }
        scanned += found.len();
    }
    // Each sheet's own code at least (and its videos'), all of them scanned above.
    assert!(scanned >= printed.len(), "only {scanned} codes scanned");
}
