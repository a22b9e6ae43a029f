//! Vocabularies as a clinic sets them in handout.toml: order as written,
//! `term = false`, empty labels, terms no page uses, the `goal` vocabulary,
//! and `[warnings]`.

use crate::common::*;

fn config(extra: &str) -> String {
    let base = read(repo().join("tests/fixtures/basic/handout.toml"));
    format!("{base}\n{extra}")
}

fn exercise(slug: &str, regions: &str) -> (String, String) {
    (
        format!("content/exercises/{slug}.md"),
        format!("---\ntitle: {slug}\nsummary: x\nregion: [{regions}]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: {{ reps: 5 }}\ncautions: []\n---\n1. Move.\n"),
    )
}

#[test]
fn terms_keep_the_order_written_and_unused_ones_are_left_out() {
    let (p1, e1) = exercise("ankle-circles", "ankle, knee");
    let site = SiteTest::fixture("basic")
        .file("handout.toml", &config("[vocabulary.region]\nknee = \"Knee\"\nankle = \"Ankle\"\nneck = \"Neck and throat\"\nwrists = \"Wrists\"\n\n[warnings]\nexercise_in_no_routine = false\n"))
        .file(&p1, &e1);
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let index = site.read("public/region/index.html");
    let at = |label: &str| {
        index
            .find(&format!("{label}</a>"))
            .unwrap_or_else(|| panic!("{label} missing: {index}"))
    };
    // Unmentioned built-in terms first, then the table's, as written.
    assert!(at("Shoulders") < at("Upper back"));
    assert!(at("Upper back") < at("Knee"));
    assert!(at("Knee") < at("Ankle") && at("Ankle") < at("Neck and throat"));
    // Terms no exercise uses: no entry, no page, no filter.
    for gone in ["Wrists", "Hips", "Chest"] {
        assert!(!index.contains(&format!("{gone}</a>")), "{gone}: {index}");
    }
    assert!(!site.path().join("public/region/wrists.html").exists());
    assert!(!site.read("public/search-index.js").contains("\"Wrists\""));
    // Asked for, each left-out term is a warning.
    let site = site.file("handout.toml", &config("[vocabulary.region]\nknee = \"Knee\"\nankle = \"Ankle\"\nwrists = \"Wrists\"\n\n[warnings]\nexercise_in_no_routine = false\nunused_term = true\n"));
    let err = stderr(&site.run(&["check"]));
    assert!(
        err.contains(
            "warning: no exercise uses the region term `wrists`, so the site leaves it out"
        ),
        "{err}"
    );
    assert!(
        err.contains("no exercise uses the equipment term `mat`"),
        "{err}"
    );
}

#[test]
fn removed_terms_empty_labels_and_unknown_terms_say_what_to_do() {
    let (p1, e1) = exercise("hip-hinge", "hips");
    let (p2, e2) = exercise("knee-bend", "knee");
    let site = SiteTest::fixture("basic")
        .file(
            "handout.toml",
            &config("[vocabulary.region]\nhips = false\n"),
        )
        .file(&p1, &e1)
        .file(&p2, &e2);
    let out = site.run(&["check", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    snapbox::assert_data_eq!(
        stderr(&out),
        snapbox::file!["snapshots/vocabulary-terms.txt"].raw()
    );
    let site = site.file(
        "handout.toml",
        &config("[vocabulary.region]\nknee = \"Knee\"\nwrists = \"  \"\n"),
    );
    let out = site.run(&["check", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    snapbox::assert_data_eq!(
        stderr(&out),
        snapbox::file!["snapshots/vocabulary-labels.txt"].raw()
    );
    let site = site.file(
        "handout.toml",
        &config("[vocabulary.region]\nhips = true\n"),
    );
    let err = stderr(&site.run(&["check"]));
    assert!(err.contains("error: `true` is not a label: give the term a label in quotes, or `false` to remove it\n  --> handout.toml:14:8"), "{err}");
}

#[test]
fn goal_is_a_vocabulary_like_the_others() {
    let routine = |goal: &str| {
        format!("---\ntitle: Strong\nsummary: x\ngoal: {goal}\nfrequency: 3x per week\nsections:\n  - name: Main\n    exercises: [wall-angels, prone-w, scapular-squeeze]\ncautions: []\n---\nShort.\n")
    };
    let site = SiteTest::fixture("basic")
        .file(
            "handout.toml",
            &config("[vocabulary.goal]\nstrength = \"Build strength\"\nmixed = false\n"),
        )
        .file("content/routines/strong.md", &routine("strength"));
    let out = site.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "desk.md uses the removed goal `mixed`"
    );
    let err = stderr(&out);
    assert!(err.contains("error: unknown goal `mixed`"), "{err}");
    assert!(
        err.contains("`mixed` is turned off in handout.toml"),
        "{err}"
    );
    let site = site.file(
        "handout.toml",
        &config("[vocabulary.goal]\nstrength = \"Build strength\"\n"),
    );
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site
        .read("public/routines/strong.html")
        .contains("Build strength"));
    assert!(site
        .read("public/routines/strong.html")
        .contains("3 times a week"));
}

#[test]
fn warning_kinds_are_turned_off_by_name() {
    let (p1, e1) = exercise("lonely", "neck");
    let site = SiteTest::fixture("basic").file(&p1, &e1);
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("warning: exercise `lonely` is in no routine"),
        "{err}"
    );
    assert!(
        err.contains("(1 warning: 1 exercise_in_no_routine)"),
        "{err}"
    );
    let site = site.file(
        "handout.toml",
        &config("[warnings]\nexercise_in_no_routine = false\n"),
    );
    let out = site.run(&["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let site = site.file(
        "handout.toml",
        &config("[warnings]\nexercise_in_no_routin = false\n"),
    );
    let err = stderr(&site.run(&["build"]));
    assert!(
        err.contains("error: unknown kind of warning `exercise_in_no_routin`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `exercise_in_no_routine`?"),
        "{err}"
    );
}
