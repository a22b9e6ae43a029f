//! Shared helpers for integration tests: run the binary, make temporary
//! sites, and find headless Chromium (loudly skipping, or failing when
//! `HANDOUT_REQUIRE_BROWSER=1`, when it is missing).
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built `handout` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_handout"))
}

/// Runs `handout ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run handout")
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The repository root (the sample handbook lives here).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares text with tests/snapshots/NAME; `HANDOUT_BLESS=1` rewrites it.
/// A difference shows the lines only in the snapshot (-) and only in the
/// output (+).
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = repo().join("tests/snapshots").join(name);
    if std::env::var("HANDOUT_BLESS").as_deref() == Ok("1") {
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let old: Vec<&str> = expected.lines().collect();
        let new: Vec<&str> = actual.lines().collect();
        let diff: Vec<String> = old
            .iter()
            .filter(|l| !new.contains(l))
            .map(|l| format!("- {l}"))
            .chain(
                new.iter()
                    .filter(|l| !old.contains(l))
                    .map(|l| format!("+ {l}")),
            )
            .collect();
        panic!(
            "output differs from tests/snapshots/{name} (HANDOUT_BLESS=1 updates it):\n{}",
            diff.join("\n")
        );
    }
}

/// Copies a fixture site from tests/fixtures/NAME into a fresh temp dir.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Recursively copies `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// Builds the sample handbook (the repository's own content) into `out`.
pub fn build_sample(out: &Path) {
    let o = Command::new(bin())
        .args(["build", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(out)
        .output()
        .expect("run handout");
    assert!(o.status.success(), "sample build failed:\n{}", stderr(&o));
}

/// Headless Chromium, if installed. Missing: a loud skip, or a failure when
/// `HANDOUT_REQUIRE_BROWSER=1` (as in CI).
pub fn chromium(test: &str) -> Option<PathBuf> {
    let found = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| which(name));
    if found.is_none() {
        let msg = format!(
            "\n!!! SKIPPED {test}: no Chromium found (install the `chromium` package). \
             Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n"
        );
        if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{msg}");
        }
        eprintln!("{msg}");
    }
    found
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

/// A Chromium command with the flags every headless run here needs and a
/// fresh profile folder (kept alive by the returned TempDir).
pub fn chrome_command(chrome: &Path) -> (Command, tempfile::TempDir) {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut cmd = Command::new(chrome);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()));
    (cmd, profile)
}

/// A `file://` URL for a local path.
pub fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("canonical path").display()
    )
}

/// The browser checks written in JavaScript (`tests/browser/`, driving the
/// system Chromium through playwright-core), if Chromium, Node.js and the
/// checks' packages (`npm ci --prefix tests/browser`) are all there.
/// Missing: a loud skip, or a failure when `HANDOUT_REQUIRE_BROWSER=1`.
pub fn node_checks(test: &str) -> Option<PathBuf> {
    let chrome = chromium(test)?;
    let dir = repo().join("tests/browser");
    let missing = if which("node").is_none() {
        Some("no Node.js found (install the `nodejs` package)")
    } else if !dir.join("node_modules/playwright-core").is_dir() {
        Some("the browser checks' packages are missing (run `npm ci --prefix tests/browser`)")
    } else {
        None
    };
    if let Some(why) = missing {
        let msg = format!(
            "\n!!! SKIPPED {test}: {why}. Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n"
        );
        if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{msg}");
        }
        eprintln!("{msg}");
        return None;
    }
    let _ = chrome;
    Some(dir)
}

/// Runs `node tests/browser/SCRIPT ARGS` with the found Chromium and
/// returns its last line of output (one JSON value); panics with the
/// script's output when it fails.
pub fn node_check(dir: &Path, script: &str, args: &[&str]) -> String {
    let chrome = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| which(name))
    .expect("chromium");
    let o = Command::new("node")
        .arg(dir.join(script))
        .args(args)
        .env("CHROMIUM", chrome)
        .output()
        .expect("run node");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{script} failed:\n{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out.lines().last().unwrap_or_default().to_string()
}
