//! The programme builder (`builder.html`): the files the build writes for
//! it, the links to it from exercise and routine pages, its dosage wording
//! against the Rust renderer's, the whole of it in headless Chromium, and
//! the Spanish builder in Spanish.

use crate::common::*;

/// Dosages worded by the builder and by the pages: one exercise each.
const CASES: &[&str] = &[
    "{ sets: 2-3, reps: 10-15, hold: 2-3 s, frequency: 2-3 times a day }",
    "{ sets: 3, hold: 30 s, side: each, frequency: daily }",
    "{ reps: 1, frequency: 1x daily }",
    "{ sets: 1, reps: 10, side: alternating }",
    "{ duration: 1-2 min, frequency: 3 times a week }",
    "{ sets: 2, duration: 1 min, side: each }",
    "{ hold: 20-30 s }",
    "{ sets: 1, hold: 1 min }",
    "{ reps: 8, duration: 30 sec, frequency: 2x daily }",
    "{ sets: 4, reps: 6, hold: 5 seconds, duration: 2 minutes, side: both, frequency: 4x weekly }",
    "{ hold: 10 s, duration: 1 minute, frequency: 1x weekly }",
    "{ sets: 1-2, reps: 1, side: each }",
    "{ sets: 2 to 3, reps: 12–15 }",
    "{ sets: 3, reps: AMRAP, rest: 90 s, frequency: every other day }",
    "{ reps: amrap, frequency: 'Mon, Wed, Fri' }",
    "{ sets: 2, hold: 1 min 30 s, side: each leg, frequency: Tue }",
    "{ hold: 1 min 30 s, rest: 1 min, effort: RPE 5-6 }",
    "{ reps: 10, side: each arm, load: 2.5-5 kg, effort: moderate, frequency: 'Sat, Sun' }",
    "{ sets: 3, reps: 8, load: 10 lb, rest: 2 min, effort: 7/10 }",
    "{ sets: 1, reps: 12, load: red band, rest: 30 s }",
    "{ reps: 15, load: level 2, effort: somewhat hard, frequency: 3 times a week }",
    "{ duration: 1 hour, frequency: daily }",
    "{ sets: 2, duration: 2 min 15 s, effort: easy }",
];

fn built(site: &SiteTest) -> std::path::PathBuf {
    let o = site.run(&["build", "--output", "public"]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    site.path().join("public")
}

#[test]
fn every_exercise_and_routine_page_links_to_the_builder() {
    let site = SiteTest::fixture("basic");
    let out = built(&site);
    let exercise = read(out.join("exercises/wall-angels.html"));
    assert!(
        exercise.contains(r#"href="../builder.html#add=wall-angels">Add to a sheet"#),
        "{exercise}"
    );
    let routine = read(out.join("routines/desk.html"));
    assert!(
        routine.contains(r#"href="../builder.html#routine=desk">Make a sheet"#),
        "{routine}"
    );
    let page = read(out.join("builder.html"));
    assert!(page.contains("builder-data.js"));
    let data = read(out.join("builder-data.js"));
    assert!(data.starts_with("window.HANDOUT_BUILDER = {"));
    // Each exercise a short array, slug first.
    assert!(data.contains(r#"["wall-angels","#), "{data}");
    let part = read(out.join("builder/part-0.js"));
    // Steps are plain text: no markup a page could run.
    assert!(!part.contains('<'), "{part}");
    assert!(part.contains("HANDOUT_BUILDER_PARTS"));
}

#[test]
fn the_builder_words_every_dosage_as_the_pages_do() {
    let Some(dir) = node_checks("the_builder_words_every_dosage_as_the_pages_do") else {
        return;
    };
    // The sample handbook: every exercise and every routine override.
    let sample = tempfile::tempdir().expect("tempdir");
    build_sample(sample.path());
    let o = node_check(
        &dir,
        "builder-dosage.mjs",
        &[&sample.path().to_string_lossy()],
    );
    assert!(o.contains(r#""wrong":[]"#), "{o}");
    // A table of cases, each an exercise of its own.
    let mut site = SiteTest::fixture("basic");
    for (i, case) in CASES.iter().enumerate() {
        site = site.file(
            &format!("content/exercises/case-{i}.md"),
            &format!("---\ntitle: Case {i}\nsummary: A case.\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: {case}\ncautions: []\n---\n1. Move.\n"),
        );
    }
    let out = built(&site);
    let o = node_check(&dir, "builder-dosage.mjs", &[&out.to_string_lossy()]);
    assert!(o.contains(r#""wrong":[]"#), "{o}");
    let compared: usize = o
        .split(r#""compared":"#)
        .nth(1)
        .and_then(|s| s.split(',').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    assert!(compared > CASES.len(), "{o}");
}

#[test]
fn the_spanish_builder_is_in_spanish() {
    let sample = tempfile::tempdir().expect("tempdir");
    build_sample(sample.path());
    let es = read(sample.path().join("es/builder.html"));
    for spanish in [
        "<title>Hacer una hoja para un paciente · ",
        "<h1>Hacer una hoja para un paciente</h1>",
        "<h2 id=\"find-heading\">Buscar ejercicios</h2>",
        "<h2 id=\"programme-heading\">El programa</h2>",
        "<h2 id=\"print-heading\">Imprimir y guardar</h2>",
        "id=\"builder-print\">Imprimir la hoja</button>",
        "id=\"builder-copy\" class=\"secondary\">Copiar el enlace</button>",
        "<option value=\"Letter\">Carta</option>",
        "<legend>Repeticiones</legend>",
        "> lun</label>",
        // The patient's view and the script's words keep their blanks.
        "data-start=\"Empiece el {date}\"",
        "data-moved=\"{title}: ahora {n} de {total}.\"",
        "data-found=\"Encontrados: {n}\"",
        "data-fits=\"Cabe en una página {paper}.\"",
        "<a href=\"routines/index.html\">rutinas</a>",
    ] {
        assert!(es.contains(spanish), "es/builder.html has no {spanish}");
    }
    for english in [
        "Make a sheet",
        "Find exercises",
        "Print the sheet",
        "Copy link",
        "Start on {date}",
        "Fits one {paper} page.",
        "as many as they can",
        "Leave a box empty",
    ] {
        assert!(!es.contains(english), "es/builder.html still has {english}");
    }
    // The default language's builder keeps its English.
    let en = read(sample.path().join("builder.html"));
    assert!(en.contains("<h1>Make a sheet for a patient</h1>"), "{en}");
    assert!(en.contains("data-start=\"Start on {date}\""), "{en}");
}

#[test]
fn the_spanish_builder_speaks_spanish_in_chromium() {
    let Some(dir) = node_checks("the_spanish_builder_speaks_spanish_in_chromium") else {
        return;
    };
    let sample = tempfile::tempdir().expect("tempdir");
    build_sample(sample.path());
    let site = sample.path().canonicalize().expect("canonical");
    let o = node_check(&dir, "builder-es.mjs", &[&site.to_string_lossy()]);
    assert!(o.contains(r#""up":"Subir""#), "{o}");
    eprintln!("builder in Spanish: {o}");
}

#[test]
fn a_clinician_makes_prints_and_shares_a_programme() {
    let Some(dir) = node_checks("a_clinician_makes_prints_and_shares_a_programme") else {
        return;
    };
    let sample = tempfile::tempdir().expect("tempdir");
    build_sample(sample.path());
    let work = tempfile::tempdir().expect("tempdir");
    let site = sample.path().canonicalize().expect("canonical");
    let o = node_check(
        &dir,
        "builder.mjs",
        &[&site.to_string_lossy(), &work.path().to_string_lossy()],
    );
    // The script checks each step; here, what it saw.
    assert!(o.contains(r#""programme":{"pages":1"#), "{o}");
    assert!(o.contains(r#""twelve":{"#), "{o}");
    eprintln!("builder: {o}");
}
