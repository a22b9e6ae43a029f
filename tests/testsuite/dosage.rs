//! The dosage grammar as a clinic meets it: every new field and form in a
//! built page, routine overrides of the new fields, and numbers refused as
//! written, each with file, line and field.

use crate::common::*;

const EXERCISE: &str = "---\ntitle: Split squat\nsummary: Lunge in place.\nregion: [hips]\nequipment: [dumbbell]\ncategory: stability\nposition: standing\ndosage:\n  sets: 3\n  reps: 8 each leg\n  rest: 1 min 30 s\n  load: 2.5-5 kg\n  effort: RPE 6\n  frequency: Mon, Wed, Fri\ncautions: []\n---\n1. Step one foot forward.\n2. Lower your back knee, then rise.\n";

const ROUTINE: &str = "---\ntitle: Legs\nsummary: Leg work.\ngoal: stability\nfrequency: every other day\nsections:\n  - name: Main\n    exercises:\n      - exercise: split-squat\n        dosage: { reps: AMRAP, load: green band, effort: easy }\n      - wall-angels\n      - prone-w\n      - scapular-squeeze\ncautions: []\n---\nShort.\n";

#[test]
fn new_fields_and_forms_get_one_patient_wording_and_routines_override_them() {
    let site = SiteTest::fixture("basic")
        .file("content/exercises/split-squat.md", EXERCISE)
        .file("content/routines/legs.md", ROUTINE);
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/exercises/split-squat.html");
    assert!(
        page.contains("3 sets of 8 reps, each leg · using 2.5–5 kg · effort 6 out of 10 · rest 1 minute 30 seconds between sets · Mon, Wed and Fri"),
        "{page}"
    );
    let routine = site.read("public/routines/legs.html");
    assert!(
        routine.contains("3 sets of as many reps as you can, each leg · using a green band · easy effort · rest 1 minute 30 seconds between sets · Mon, Wed and Fri"),
        "{routine}"
    );
    assert!(routine.contains("every other day"), "{routine}");
}

#[test]
fn numbers_not_in_plain_digits_and_values_out_of_bounds_are_errors() {
    let bad = "---\ntitle: Bad numbers\nsummary: x\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage:\n  sets: +5\n  reps: 0x10\n  hold: 1e3\n  duration: 25 hours\n  rest: 0o7 s\n  load: 600 kg\n  effort: RPE 11\n  frequency: 25 times a day\ncautions: []\n---\n1. Move.\n";
    let huge = "---\ntitle: Huge\nsummary: x\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage:\n  reps: 99999999999999999999\ncautions: []\n---\n1. Move.\n";
    let more = "---\ntitle: More\nsummary: x\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage:\n  sets: 101\n  reps: 1001\n  side: both\n  hold: 10 s each side\ncautions: []\n---\n1. Move.\n";
    let site = SiteTest::fixture("basic")
        .file("content/exercises/bad-numbers.md", bad)
        .file("content/exercises/huge.md", huge)
        .file("content/exercises/more.md", more);
    let out = site.run(&["check", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    snapbox::assert_data_eq!(
        stderr(&out),
        snapbox::file!["snapshots/dosage-numbers.txt"].raw()
    );
}
