//! What `handout pdf` prints: every routine sheet of the sample on A4, with
//! `--all` the exercise and large-print sheets on Letter, a sheet's large-print
//! mode and its own check.

use super::*;

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
