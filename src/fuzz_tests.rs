//! Property tests (proptest) of the parsers a site's files go through:
//! front-matter (with the dosage grammar inside it), Markdown bodies and
//! `handout.toml`. Each feeds generated input, half built from the real
//! field names and the values people get wrong, half arbitrary text, and
//! asserts that nothing panics and that every error names its file and,
//! when it is about a field, the field.
//!
//! `cargo test` runs 64 cases of each (a few seconds); run longer with
//! `PROPTEST_CASES=20000 cargo test --lib fuzz_tests`.

use crate::diag::{Diagnostic, Severity};
use crate::source::load::{split, Section};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Errors that concern a whole file, not one of its fields.
const WHOLE_FILE: &[&str] = &[
    "file is empty",
    "file is not UTF-8",
    "file has no front-matter",
    "front-matter is never closed",
    "front-matter must be fields",
    "file name `",
];

/// Every diagnostic names `file`; an error names its field unless it is
/// about the whole file, or is a syntax error above any field (`fm` is the
/// front-matter text, whose first line is line 2 of the file).
fn assert_named(diags: &[Diagnostic], file: &str, fm: Option<&str>) {
    for d in diags {
        assert_eq!(d.file, file, "{}", d.render());
        let before_any_field = d.message.starts_with("front-matter is not valid YAML")
            && fm.is_some_and(|fm| {
                crate::source::yaml_hints::field_at(fm, d.line.saturating_sub(1)).is_empty()
            });
        if d.severity == Severity::Error && d.field.is_empty() && !before_any_field {
            assert!(
                WHOLE_FILE.iter().any(|w| d.message.starts_with(w)),
                "an error about a field names no field:\n{}",
                d.render()
            );
        }
    }
}

/// Values that people write, and get wrong, in front-matter.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("~".to_string()),
        Just("\"\"".to_string()),
        Just("\"  \"".to_string()),
        Just("\"\u{200B}\"".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("[neck, upper-back]".to_string()),
        Just("{ sets: 2, reps: 10 }".to_string()),
        Just("{ sets: 0x10, reps: 99999999999999999999 }".to_string()),
        Just("{ reps: 1e3, hold: 30 s, side: both }".to_string()),
        Just("{ duration: 1 min 30 s, frequency: twice a day }".to_string()),
        Just("Hamstrings: the Nordic curl".to_string()),
        Just("\"unclosed".to_string()),
        Just("-1".to_string()),
        Just("true".to_string()),
        Just("\n  - a\n  -b".to_string()),
        Just("\n\t- tab".to_string()),
        Just("\n  - name: A\n    exercises: []".to_string()),
        Just(
            "\n  - name: A\n    exercises: [x, { exercise: y, dosage: { reps: ten } }]".to_string()
        ),
        "[ -~]{0,20}",
        "\\PC{0,12}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "title", "summary", "region", "equipment", "category", "position", "dosage",
            "cautions", "progression", "regression", "related", "image", "image_alt",
            "video", "tags", "slug", "draft", "goal", "frequency", "sections", "order",
        ])
        .prop_map(String::from),
        1 => "[a-z_]{1,8}",
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec((key(), value()), 0..10).prop_map(|fields| {
            let mut s = String::from("---\n");
            for (k, v) in fields {
                s.push_str(&format!("{k}: {v}\n"));
            }
            s.push_str("---\nBody with [a link](../x.md#y).\n");
            s
        }),
        "\\PC{0,200}".prop_map(|t| format!("---\n{t}\n---\n")),
        "\\PC{0,200}",
    ]
}

fn section() -> impl Strategy<Value = (Section, &'static str)> {
    prop::sample::select(vec![
        (Section::Exercises, "exercises/a.md"),
        (Section::Routines, "routines/a.md"),
        (Section::Guides, "guides/a.md"),
        (Section::Home, "index.md"),
    ])
}

/// Found by the property test below: a key YAML reads as empty (`?`).
#[test]
fn a_field_without_a_name_is_named_as_such() {
    let shown = "content/exercises/a.md".to_string();
    let text = "---\n?\n---\n";
    let file = split(
        shown.clone(),
        "exercises/a.md".into(),
        Section::Exercises,
        text.as_bytes(),
    );
    let mut diags = Vec::new();
    if let Ok(file) = &file {
        let _ = crate::parse::front_matter::parse(file, 0, &mut diags);
    }
    let d = diags.iter().find(|d| d.message == "a field has no name");
    assert!(
        d.is_some_and(|d| d.field == "(no name)" && d.allowed.is_some()),
        "{diags:?}"
    );
    assert_named(
        &diags,
        &shown,
        file.as_ref().ok().and_then(|f| f.front_matter()),
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn front_matter_never_panics_and_names_file_and_field(
        text in front_matter(),
        (section, rel) in section(),
    ) {
        let shown = format!("content/{rel}");
        let mut diags = Vec::new();
        let file = split(shown.clone(), rel.to_string(), section, text.as_bytes());
        match &file {
            Ok(file) => {
                let _ = crate::parse::front_matter::parse(file, 0, &mut diags);
            }
            Err(d) => diags.push(d.clone()),
        }
        let fm = file.as_ref().ok().and_then(|f| f.front_matter());
        assert_named(&diags, &shown, fm);
    }

    #[test]
    fn dosage_grammar_never_panics(text in prop_oneof![
        "[0-9a-zA-Z \\-–.,/x]{0,24}",
        "\\PC{0,24}",
    ]) {
        use crate::parse::dosage::*;
        for r in [
            parse_count(&text, SETS).err(),
            parse_reps(&text).err(),
            parse_time(&text).err(),
            parse_frequency(&text).err(),
            parse_side(&text).err(),
            parse_load(&text).err(),
            parse_effort(&text).err(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(!r.message.is_empty());
        }
    }

    #[test]
    fn markdown_never_panics_and_never_writes_raw_html(body in prop_oneof![
        "[\\[\\]()<>!#*`a-z:/ \n\0&;-]{0,200}",
        "\\PC{0,200}",
        prop::collection::vec(prop::sample::select(vec![
            "<script>alert(1)</script>", "<SCRIPT>", "[x](javascript:y)", "![i](data:text/html,z)",
            "<!-- c -->", "<div>\n\n*a*\n\n</div>", "```rust\nfn x(){}\n```\n", "# H\n", "1. step\n",
            "<img src=x onerror=alert(1)>", "&#60;script&#62;", "\0", "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "[^1]\n\n[^1]: note", "<javascript:x>", "\n\n", "text ",
        ]), 0..12).prop_map(|parts| parts.concat()),
    ]) {
        // As a body is read: through the file loader (which turns NUL into
        // U+FFFD; pulldown-cmark 0.13 leaves NUL in text as it is).
        let file = split("g".into(), "guides/a.md".into(), Section::Guides, format!("---\ntitle: A\n---\n{body}").as_bytes());
        prop_assert!(file.is_ok());
        let Ok(file) = file else { return Ok(()) };
        let body = file.body();
        let scan = crate::markdown::scan(body);
        for (offset, _) in &scan.links {
            prop_assert!(*offset <= body.len());
        }
        let pages = std::collections::HashMap::new();
        let ctx = crate::markdown::LinkContext {
            content_path: "guides/a.md",
            output_path: "guides/a.html",
            pages: &pages,
            raw_html: false,
        };
        let html = crate::markdown::render(body, &ctx).html.to_ascii_lowercase();
        prop_assert!(!html.contains("<script"), "{html}");
        prop_assert!(!html.contains("<img src=x"), "{html}");
        prop_assert!(!html.contains('\0'));
    }

    #[test]
    fn config_never_panics_and_names_file_and_field(
        fields in prop::collection::vec((
            prop::sample::select(vec![
                "title", "base_url", "language", "description", "paper", "papr",
                "clinic.logo", "clinic.name", "vocabulary.region.wrists", "vocabulary.regoin.a",
                "markdown.raw_html", "markdown.allowed_html", "search.synonyms",
            ]),
            prop_oneof![
                Just("\"T\"".to_string()),
                Just("\"https://\"".to_string()),
                Just("\"HTTPS://A.EXAMPLE/\"".to_string()),
                Just("\"../../etc/passwd\"".to_string()),
                Just("\"/\"".to_string()),
                Just("true".to_string()),
                Just("[[\"a\", \"b\"]]".to_string()),
                Just("3".to_string()),
                "\"[ -~&&[^\"\\\\]]{0,16}\"",
            ],
        ), 0..8),
        noise in "\\PC{0,16}",
    ) {
        let mut text = String::from("title = \"T\"\n");
        for (k, v) in &fields {
            text.push_str(&format!("{k} = {v}\n"));
        }
        if fields.len() % 3 == 2 {
            text.push_str(&noise);
        }
        match crate::config::parse(&text) {
            Ok(cfg) => {
                let theme = crate::theme::Theme::load(std::path::Path::new("/nonexistent-site"))
                    .map_err(|d| format!("{d:?}"));
                prop_assert!(theme.is_ok());
                if let Ok(theme) = theme {
                    let errors = crate::check::config::errors(&cfg, &theme, false);
                    for d in &errors {
                        prop_assert_eq!(&d.file, crate::config::FILE);
                        prop_assert!(!d.field.is_empty() && d.line > 0, "{}", d.render());
                    }
                }
            }
            Err(diags) => {
                for d in &diags {
                    prop_assert_eq!(&d.file, crate::config::FILE);
                    prop_assert!(d.line > 0 || !d.field.is_empty(), "{}", d.render());
                }
            }
        }
    }
}
