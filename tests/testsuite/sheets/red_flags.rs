//! The red flags a sheet prints: the clinic's, by region, and a routine's own.

use super::*;

/// Red flags are the clinic's: a site with knee red flags prints them on
/// the sheets of knee exercises (and routines with one), not on the neck
/// ones; a routine adds its own; the built-in list names no body part.
#[test]
fn red_flags_come_from_the_clinic_and_the_region() {
    let site = fixture("twelve");
    let root = site.path();
    let toml = std::fs::read_to_string(root.join("handout.toml")).expect("toml");
    std::fs::write(
        root.join("handout.toml"),
        format!(
            "{toml}\n[vocabulary.region]\nknee = \"Knee\"\n\n[red_flags]\nknee = [\"your knee locks, gives way or swells up\"]\n"
        ),
    )
    .expect("toml");
    let step_up = root.join("content/exercises/step-up.md");
    let text = std::fs::read_to_string(&step_up).expect("step-up");
    std::fs::write(
        &step_up,
        text.replace("region: [hips]", "region: [knee, hips]"),
    )
    .expect("write");
    let four = root.join("content/routines/four.md");
    let text = std::fs::read_to_string(&four).expect("four");
    std::fs::write(
        &four,
        text.replace("cautions:", "red_flags: [\"a new rash\"]\ncautions:"),
    )
    .expect("write");
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |p: &str| std::fs::read_to_string(root.join("public").join(p)).expect(p);
    let knee = "your knee locks, gives way or swells up";
    assert!(read("print/exercises/step-up.html").contains(knee));
    assert!(
        !read("print/exercises/chin-tuck.html").contains(knee),
        "not on a neck sheet"
    );
    let four_sheet = read("print/routines/four.html");
    assert!(four_sheet.contains("a new rash"), "the routine's own");
    assert!(!read("print/routines/twelve.html").contains("a new rash"));
    assert_eq!(
        read("print/routines/twelve.html").contains(knee),
        read("routines/twelve.html").contains("Step-up"),
        "on a routine sheet when one of its exercises is for the knee"
    );
    // The built-in list: general warning signs only.
    let chin = read("print/exercises/chin-tuck.html");
    let flags =
        plain(between(&chin, "<aside class=\"sheet-redflags\"", "</aside>")[0]).to_lowercase();
    for part in [
        "neck", "arm", "leg", "knee", "back", "chest", "rib", "shoulder", "hip", "head", "hand",
        "foot", "spine", "bladder", "bowel",
    ] {
        assert!(
            !flags
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == part || w == format!("{part}s")),
            "the built-in red flags name `{part}`: {flags}"
        );
    }
    assert!(flags.contains("emergency"), "{flags}");
    // An unknown region in [red_flags] is an error with its line.
    std::fs::write(
        root.join("handout.toml"),
        format!("{toml}\n[red_flags]\nelbow = [\"x\"]\n"),
    )
    .expect("toml");
    let out = run(root, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("`elbow` in [red_flags] is not a body region"),
        "{err}"
    );
    assert!(err.contains("handout.toml:"), "{err}");
}

/// The sample's neck and upper-back red flags come from its handout.toml.
#[test]
fn the_sample_sheets_carry_its_region_red_flags() {
    let out = tempfile::tempdir().expect("tempdir");
    build_sample(&out.path().join("public"));
    let sheet = std::fs::read_to_string(out.path().join("public/print/routines/desk-reset.html"))
        .expect("sheet");
    assert!(sheet.contains("numbness, tingling or weakness in an arm"));
    assert!(sheet.contains("pain spreading around your ribs"));
}
