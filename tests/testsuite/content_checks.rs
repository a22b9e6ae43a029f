//! Content checks at build time: reading grade, numbered steps, and counts
//! in the steps against the dosage; each a warning kind a site can turn off.

use crate::common::*;

#[test]
fn the_sample_handbook_builds_with_no_warning() {
    let out = run(&repo(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Only the count of the pages not yet in Spanish (the sample translates
    // a part of the handbook).
    let err = stderr(&out);
    assert!(
        err.contains("(1 warning: 1 untranslated_pages)") && err.matches("warning").count() == 2,
        "{err}"
    );
    assert!(stderr(&out).contains("no errors"), "{}", stderr(&out));
}

const HARD: &str = "Thoracic hypomobility frequently necessitates individualised rehabilitation programmes incorporating progressive mobilisation techniques. Comprehensive biomechanical consideration remains essential throughout. Patients should demonstrate satisfactory neuromuscular coordination before progression. Subsequently, intermittent reassessment facilitates individualised modification of therapeutic parameters.\n\n1. Move.\n";

#[test]
fn a_page_above_the_reading_grade_names_its_grade_and_hardest_sentences() {
    let site = SiteTest::fixture("basic")
        .exercise("hard-words", "Hard words", HARD)
        .file("content/exercises/no-steps.md", "---\ntitle: No steps\nsummary: x\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 5 }\ncautions: []\n---\nJust move your neck a little. Then stop.\n")
        .exercise("counts", "Counts", "1. Lift your arm.\n2. Lower it. Repeat 8 to 12 times.\n");
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning: the page reads at grade"), "{err}");
    assert!(err.contains("above the limit of 8"), "{err}");
    assert!(
        err.contains("“Thoracic hypomobility frequently necessitates"),
        "{err}"
    );
    assert!(err.contains("(grade 39.1); “Subsequently, intermittent reassessment facilitates individualised modification of therapeutic parameters.” (grade 35.1)"), "{err}");
    assert!(
        err.contains(
            "warning: the exercise has no numbered steps\n  --> content/exercises/no-steps.md"
        ),
        "{err}"
    );
    assert!(err.contains("warning: the steps say “Repeat 8 to 12 times”, but the dosage says 10 reps\n  --> content/exercises/counts.md:12:1 (field `dosage.reps`)"), "{err}");
    assert!(
        err.contains("1 no_steps")
            && err.contains("1 reading_grade")
            && err.contains("1 steps_contradict_dosage"),
        "{err}"
    );

    // The limit is a setting, and each kind can be turned off.
    let base = read(repo().join("tests/fixtures/basic/handout.toml"));
    let site = site.file("handout.toml", &format!("{base}\n[checks]\nmax_reading_grade = 40\n\n[warnings]\nno_steps = false\nsteps_contradict_dosage = false\nexercise_in_no_routine = false\n"));
    let out = site.run(&["check", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}
