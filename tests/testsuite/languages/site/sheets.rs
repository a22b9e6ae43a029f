//! Spanish routine sheets, printed in a browser, on one page on A4 and Letter.

use super::*;

#[test]
fn spanish_routine_sheets_print_on_one_page_on_a4_and_letter() {
    let test = "spanish_routine_sheets_print_on_one_page_on_a4_and_letter";
    let Some(checks) = node_checks(test) else {
        return;
    };
    if std::process::Command::new("pdfinfo")
        .arg("-v")
        .output()
        .is_err()
    {
        let msg = format!("\n!!! SKIPPED {test}: no pdfinfo (install poppler-utils)\n");
        assert!(
            std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{msg}"
        );
        eprintln!("{msg}");
        return;
    }
    for paper in ["A4", "Letter"] {
        let out = tempfile::tempdir().expect("tempdir");
        let site = out.path().join("site");
        std::fs::create_dir_all(&site).expect("mkdir");
        for part in ["handout.toml", "content", "static"] {
            let from = repo().join(part);
            if from.is_dir() {
                copy_dir(&from, &site.join(part));
            } else {
                std::fs::copy(&from, site.join(part)).expect("copy");
            }
        }
        let toml = read(site.join("handout.toml"))
            .replace("paper = \"A4\"", &format!("paper = \"{paper}\""));
        std::fs::write(site.join("handout.toml"), toml).expect("write");
        let built = run(&site, &["build"]);
        assert!(built.status.success(), "{}", stderr(&built));
        assert!(
            !stderr(&built).contains("sheet_over_one_page"),
            "{}",
            stderr(&built)
        );
        let dir = site.join("public/es/print/routines");
        let mut list = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("es/print/routines") {
            let html = entry.expect("entry").path();
            // Standard print (large print of a routine may take more pages).
            let pdf = out.path().join(format!(
                "{}.pdf",
                html.file_stem().unwrap_or_default().to_string_lossy()
            ));
            list.push(serde_json::json!({ "html": html, "pdf": pdf, "large": false }));
        }
        assert!(list.len() >= 3, "{list:?}");
        // An exercise sheet too, in both modes (the script fails on a log
        // label wider than its box).
        let sheet = site.join("public/es/print/exercises/wall-angels.html");
        for large in [false, true] {
            let pdf = out.path().join(format!("wall-angels-{large}.pdf"));
            list.push(serde_json::json!({ "html": sheet, "pdf": pdf, "large": large }));
        }
        let file = out.path().join("list.json");
        std::fs::write(&file, serde_json::to_string(&list).expect("json")).expect("write");
        node_check(&checks, "print-sheets.mjs", &[&file.to_string_lossy()]);
        for item in list.iter().filter(|i| i["large"] == false) {
            let pdf = item["pdf"].as_str().unwrap_or_default();
            let info = std::process::Command::new("pdfinfo")
                .arg(pdf)
                .output()
                .expect("pdfinfo");
            let info = String::from_utf8_lossy(&info.stdout).into_owned();
            let pages = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .map(|n| n.trim().to_string());
            assert_eq!(pages.as_deref(), Some("1"), "{paper} {pdf}: {info}");
            let text = std::process::Command::new("pdftotext")
                .args([pdf, "-"])
                .output()
                .expect("pdftotext");
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            assert!(
                text.contains("Tenga cuidado") || text.contains("Pare"),
                "{paper} {pdf}: {text}"
            );
        }
    }
}
