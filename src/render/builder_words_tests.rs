//! The builder's `describe` (static/builder-dosage.js) gives the build's
//! wording in English, Spanish, French and German, over every dosage of the
//! sample handbook (exercises, and routine items after their override) and
//! the cases of tests/data/dosage-wording.toml, from the words the builder
//! data carries. Runs Node.js; without it a loud skip, or a failure with
//! `HANDOUT_REQUIRE_BROWSER=1`.

use super::{code, words};
use crate::i18n::Catalog;
use crate::model::dosage::Dosage;
use crate::model::wording::tests::{table_dosages, LANGS};
use serde_json::json;
use std::path::Path;
use std::process::Command;

fn sample_dosages(root: &Path) -> Vec<Dosage> {
    let (content, _) = crate::parse::read_with(root, false, None);
    let mut out: Vec<Dosage> = content.exercises.iter().map(|e| e.dosage).collect();
    for r in &content.routines {
        for s in &r.sections {
            for item in &s.items {
                if let Some(e) = content.exercises.iter().find(|e| e.slug == item.exercise) {
                    out.push(e.dosage.merged(&item.dosage));
                }
            }
        }
    }
    out
}

#[test]
fn the_builder_words_every_dosage_as_the_build_in_four_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let node_ok = Command::new("node").arg("--version").output().is_ok();
    if !node_ok {
        let msg = "\n!!! SKIPPED the_builder_words_every_dosage_as_the_build_in_four_languages: no Node.js found. Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n";
        assert!(
            std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{msg}"
        );
        eprintln!("{msg}");
        return;
    }
    let sample = sample_dosages(root);
    assert!(sample.len() > 40, "{} sample dosages", sample.len());
    let all: Vec<Dosage> = sample.into_iter().chain(table_dosages()).collect();
    let languages: Vec<_> = LANGS
        .iter()
        .map(|lang| {
            let c = Catalog::builtin(lang);
            let cases: Vec<_> = all
                .iter()
                .map(|d| json!({ "code": code(d), "text": d.describe_in(&c) }))
                .collect();
            json!({ "words": words(&c), "cases": cases })
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("cases.json");
    std::fs::write(&file, json!({ "languages": languages }).to_string()).expect("write");
    let o = Command::new("node")
        .arg(root.join("tests/browser/builder-dosage-langs.mjs"))
        .arg(&file)
        .arg(root.join("static/builder-dosage.js"))
        .output()
        .expect("run node");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("builder wording, cases per language that agree: {out}");
    let n = all.len();
    for lang in LANGS {
        assert!(out.contains(&format!("\"{lang}\":{n}")), "{lang}: {out}");
    }
}
