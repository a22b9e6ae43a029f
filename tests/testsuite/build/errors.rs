//! The errors and warnings a build or check reports: where they point, when
//! they fail the build, and a missing site.

use super::*;

#[test]
fn broken_site_reports_every_error_with_file_line_field_and_hint() {
    let site = SiteTest::fixture("broken");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // `SNAPSHOTS=overwrite cargo test` writes the new output to the file.
    snapbox::assert_data_eq!(
        stderr(&out),
        snapbox::file!["snapshots/broken-build.txt"].raw()
    );
    assert!(
        !site.path().join("public").exists(),
        "a failed build must write nothing"
    );
}

#[test]
fn check_finds_the_same_errors_and_never_writes() {
    let broken = fixture("broken");
    let out = run(broken.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with(
            "Check failed: 29 errors, 4 warnings: 2 exercise_in_no_routine, 1 image_without_alt, 1 no_steps.\n"
        ),
        "check writes nothing, so it says nothing about writing: {}",
        stderr(&out)
    );
    let good = fixture("basic");
    let out = run(good.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("no errors"));
    assert!(!good.path().join("public").exists());
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let site = fixture("basic");
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(
        site.path().join("templates/exercise.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ exercise.title }}</h1>\n<p>{{ exercise.no_such_field }}</p>\n{% endblock content %}\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("--> templates/exercise.html:4:"), "{err}");
    assert!(err.contains("no_such_field"), "{err}");
    // Syntax errors too.
    fs::write(site.path().join("templates/exercise.html"), "{% extends \"base.html\" %}\n{% block content %}\n{{ exercise.title \n{% endblock content %}\n").unwrap();
    let err = stderr(&build(site.path(), &[]));
    assert!(err.contains("--> templates/exercise.html:"), "{err}");
}

#[test]
fn config_errors_point_into_handout_toml() {
    let site = fixture("basic");
    let cfg =
        read(site.path().join("handout.toml")).replace("paper = \"Letter\"", "papr = \"Letter\"");
    fs::write(site.path().join("handout.toml"), cfg).unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: unknown setting `papr`"), "{err}");
    assert!(err.contains("--> handout.toml:3:1"), "{err}");
    assert!(err.contains("did you mean `paper`?"), "{err}");
}

#[test]
fn warnings_fail_only_with_strict_and_drafts_need_a_flag() {
    let site = fixture("basic");
    let ex = read(site.path().join("content/exercises/wall-angels.md"));
    fs::write(
        site.path().join("content/exercises/wall-angels.md"),
        ex.replace(
            "image_alt: A person standing with their back and arms against a wall.\n",
            "",
        ),
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("warning: image has no `image_alt` text"));
    assert!(stderr(&out).contains("(1 warning: 1 image_without_alt)"));
    let out = build(site.path(), &["--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let draft = read(site.path().join("content/exercises/prone-w.md")).replacen(
        "---\n",
        "---\ndraft: true\n",
        1,
    );
    fs::write(site.path().join("content/exercises/prone-w.md"), draft).unwrap();
    let out = build(site.path(), &[]);
    // The routine uses prone-w, so without --drafts that is an error.
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("`prone-w` in `sections` is not an exercise"));
    let out = build(site.path(), &["--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path().join("public/exercises/prone-w.html").exists());
}

#[test]
fn missing_site_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no handout.toml in the current folder"),
        "{}",
        stderr(&out)
    );
}
