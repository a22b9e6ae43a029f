//! Shared helpers for integration tests: run the binary, make temporary
//! sites, and find headless Chromium (loudly skipping, or failing when
//! `HANDOUT_REQUIRE_BROWSER=1`, when it is missing).
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod media;

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

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The text of a file; a missing file fails the test, naming it.
pub fn read(p: impl AsRef<Path>) -> String {
    fs::read_to_string(p.as_ref()).unwrap_or_else(|e| panic!("read {}: {e}", p.as_ref().display()))
}

/// A new site made by `handout init` in a fresh temp folder.
pub fn new_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["init", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// Copies a fixture site from tests/fixtures/NAME into a fresh temp dir.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A site in a fresh temporary folder to run `handout` on: a copy of a
/// fixture, with the files a test adds or changes.
pub struct SiteTest {
    dir: tempfile::TempDir,
}

impl SiteTest {
    /// A copy of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> SiteTest {
        SiteTest { dir: fixture(name) }
    }

    /// Writes `text` to `path` (relative to the site), making its folders.
    pub fn file(self, path: &str, text: &str) -> SiteTest {
        let path = self.dir.path().join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write site file");
        self
    }

    /// Adds `content/exercises/SLUG.md` with every required field, the
    /// title `title` and the body `body`.
    pub fn exercise(self, slug: &str, title: &str, body: &str) -> SiteTest {
        let text = format!(
            "---\ntitle: {title}\nsummary: Test.\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: {{ reps: 10 }}\ncautions: []\n---\n{body}"
        );
        self.file(&format!("content/exercises/{slug}.md"), &text)
    }

    /// The site's folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `handout ARGS` in the site's folder.
    pub fn run(&self, args: &[&str]) -> Output {
        run(self.dir.path(), args)
    }

    /// The text of `path` (relative to the site), e.g. `public/index.html`.
    pub fn read(&self, path: &str) -> String {
        let path = self.dir.path().join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }
}

/// Every file under `dir`: its path (relative, `/`-separated) and bytes.
pub fn all_files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect()
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
