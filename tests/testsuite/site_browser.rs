//! The sample and a site with videos in headless Chromium: no sideways
//! scrolling on phones, the header's height, search results before the
//! filters, pictures inside the page, dark mode, the text-size control, the
//! privacy of video previews; and the Nu HTML checker's verdict on every page.

use crate::common::media::{build_ok, media_site};
use crate::common::*;
use std::path::PathBuf;
use std::process::Command;

/// Every kind of page of the sample, as the browser checks load them.
const PAGE_KINDS: &[&str] = &[
    "index.html",
    "exercises/wall-angels.html",
    "exercises/cat-cow.html",
    "exercises/row.html",
    "exercises/index.html",
    "routines/desk-reset.html",
    "routines/index.html",
    "guides/faq.html",
    "guides/writing-exercise-pages.html",
    "region/index.html",
    "region/neck.html",
    "equipment/resistance-band.html",
    "search.html?q=neck",
    "404.html",
];

/// Runs a node check over the sample and fails with its problems.
fn check_sample_in_chromium(test: &str, script: &str, pages: &[&str]) {
    let Some(dir) = node_checks(test) else { return };
    // Served from the root of a local address: the 404 page's absolute
    // links must lead there, not to the sample's own web address.
    let t = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .args(["build", "--base-url", "/", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(t.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mut args = vec![t.path().to_str().unwrap()];
    args.extend_from_slice(pages);
    let out = node_check(&dir, script, &args);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON line");
    eprintln!("{test}: {}", value["figures"]);
    let problems = value["problems"].as_array().expect("problems");
    assert!(
        problems.is_empty(),
        "{test}:\n{}",
        serde_json::to_string_pretty(problems).unwrap()
    );
}

#[test]
fn phones_see_every_page_kind_without_sideways_scrolling() {
    check_sample_in_chromium(
        "phones_see_every_page_kind_without_sideways_scrolling",
        "layout.mjs",
        PAGE_KINDS,
    );
}

#[test]
fn dark_mode_and_the_text_size_control() {
    check_sample_in_chromium(
        "dark_mode_and_the_text_size_control",
        "comfort.mjs",
        &[
            "exercises/wall-angels.html",
            "routines/desk-reset.html",
            "index.html",
            "search.html?q=neck",
            "region/neck.html",
            "guides/writing-exercise-pages.html",
        ],
    );
}

#[test]
fn video_previews_load_nothing_from_other_sites_until_pressed() {
    let test = "video_previews_load_nothing_from_other_sites_until_pressed";
    let Some(dir) = node_checks(test) else { return };
    let site = media_site();
    let out = build_ok(site.path());
    let line = node_check(
        &dir,
        "video.mjs",
        &[
            out.to_str().unwrap(),
            "exercises/prone-w.html",
            "exercises/scapular-squeeze.html",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    eprintln!("{test}: {}", value["figures"]);
    assert_eq!(value["figures"]["foreignBeforePlay"], serde_json::json!([]));
    let problems = value["problems"].as_array().unwrap();
    assert!(
        problems.is_empty(),
        "{}",
        serde_json::to_string_pretty(problems).unwrap()
    );
}

/// The Nu HTML checker (vnu.jar from tests/browser's packages) and Java.
fn nu_checker(test: &str) -> Option<PathBuf> {
    let jar = repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if jar.is_file() && java {
        return Some(jar);
    }
    let msg = format!(
        "\n!!! SKIPPED {test}: the Nu HTML checker needs Java and `npm ci --prefix tests/browser`. \
         Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n"
    );
    if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{msg}");
    }
    eprintln!("{msg}");
    None
}

#[test]
fn the_nu_html_checker_finds_no_errors_in_the_sample() {
    let Some(jar) = nu_checker("the_nu_html_checker_finds_no_errors_in_the_sample") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    build_sample(t.path());
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--skip-non-html", "--errors-only", "--format", "json"])
        .arg(t.path())
        .output()
        .expect("run java");
    let report: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap_or_else(|e| {
        panic!(
            "Nu checker output ({e}): {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let messages = report["messages"].as_array().expect("messages");
    let shown: Vec<String> = messages
        .iter()
        .take(20)
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        messages.is_empty(),
        "{} errors:\n{}",
        messages.len(),
        shown.join("\n")
    );
}
