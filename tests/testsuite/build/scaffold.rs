//! `handout init` and `handout new`: a new site builds anywhere, and a new
//! page has every field.

use super::*;

#[test]
fn init_then_build_works_anywhere_with_only_the_embedded_theme() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("clinic-site");
    let out = run(dir.path(), &["init", "clinic-site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.join("templates").exists() && !site.join("static").exists());
    let out = run(&site, &["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(site.join("public/exercises/band-pull-apart.html").exists());
    assert!(site.join("public/print/routines/desk-break.html").exists());
    // init refuses a non-empty folder.
    assert_eq!(
        run(dir.path(), &["init", "clinic-site"]).status.code(),
        Some(2)
    );
}

#[test]
fn new_writes_every_field_with_comments_and_the_file_builds() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["init", "s"]).status.success());
    let site = dir.path().join("s");
    let out = run(&site, &["new", "exercise", "Wall angels"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = read(site.join("content/exercises/wall-angels.md"));
    for field in [
        "title:",
        "summary:",
        "region:",
        "equipment:",
        "category:",
        "position:",
        "dosage:",
        "sets:",
        "reps:",
        "hold:",
        "side:",
        "frequency:",
        "cautions:",
        "progression:",
        "regression:",
        "related:",
        "tags:",
        "image:",
        "image_alt:",
        "video:",
        "draft:",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().trim_start_matches("# ").starts_with(field))
            .unwrap_or_else(|| panic!("no {field}"));
        assert!(line.contains('#'), "{field} has no comment: {line}");
    }
    let out = run(&site, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("exercise `wall-angels` is in no routine"));
    assert_eq!(
        run(&site, &["new", "exercise", "Wall angels"])
            .status
            .code(),
        Some(2)
    );
    let out = run(&site, &["new", "routine", "Morning stretch"]);
    assert!(out.status.success());
    assert!(read(site.join("content/routines/morning-stretch.md")).contains("goal: mobility"));
}
