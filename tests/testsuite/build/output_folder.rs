//! The output folder is safe: a folder handout did not make is never
//! replaced, and a failed rebuild leaves the last output as it was.

use super::*;

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let site = fixture("basic");
    let public = site.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("precious.txt"), "keep me").unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("public already exists and was not made by handout, so it was left alone"),
        "{err}"
    );
    assert!(err.contains("--force"));
    assert_eq!(read(public.join("precious.txt")), "keep me");
    // Never into the sources, even with --force.
    let out = build(site.path(), &["--output", "content/out", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("inside content/"));
    // With --force the site is added beside what is there.
    let out = build(site.path(), &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(public.join(".handout-output").exists());
    assert!(public.join("index.html").exists());
    assert_eq!(read(public.join("precious.txt")), "keep me");
}

#[test]
fn a_failed_rebuild_leaves_the_previous_output_byte_identical() {
    let site = SiteTest::fixture("basic");
    assert!(site.run(&["build"]).status.success());
    let public = site.path().join("public");
    let before = all_files(&public);
    // Break one file, and change another that would render differently.
    let site = site
        .exercise("prone-w", "Changed title", "1. Step.\n")
        .file(
            "content/exercises/scapular-squeeze.md",
            "---\ntitle: [broken\n---\n",
        );
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Nothing was written."));
    assert_eq!(all_files(&public), before, "previous output changed");
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}
