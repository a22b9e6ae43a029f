//! What the command line prints: quiet and verbose output, plurals, colour
//! on a terminal and `NO_COLOR`, JSON diagnostics, and closed pipes.

use crate::common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn quiet_prints_only_problems_and_verbose_adds_timings() {
    let site = new_site();
    let out = run(site.path(), &["build", "--quiet"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "a clean quiet build prints nothing");
    let out = run(site.path(), &["-q", "new", "exercise", "Neck turn"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    // The new exercise is in no routine: a warning, still printed.
    let out = run(site.path(), &["check", "-q"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.starts_with("warning: exercise `neck-turn` is in no routine"),
        "{err}"
    );
    assert!(!err.contains("Checked"), "{err}");

    let out = run(site.path(), &["build", "--verbose"]);
    assert!(out.status.success());
    let err = stderr(&out);
    for phase in ["timing: config+theme", "timing: load+parse", "timing: swap"] {
        assert!(err.contains(phase), "no `{phase}` in:\n{err}");
    }
    assert!(err.contains("Built "), "{err}");
    assert_eq!(
        run(site.path(), &["build", "-q", "-v"]).status.code(),
        Some(2),
        "--quiet and --verbose contradict each other"
    );
}

#[test]
fn success_lines_use_the_right_plurals() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    fs::write(
        site.join("handout.toml"),
        "title = \"One\"\nbase_url = \"/\"\n",
    )
    .unwrap();
    fs::create_dir_all(site.join("content/exercises")).unwrap();
    fs::write(
        site.join("content/exercises/one.md"),
        "---\ntitle: One\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 5 }\ncautions: []\n---\n1. Move.\n",
    )
    .unwrap();
    let out = run(site, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(" pages, 1 sheet in "), "{err}");
    assert!(
        err.contains("(2 warnings: 1 exercise_in_no_routine, 1 no_qr_code)"),
        "{err}"
    );
    let out = run(site, &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with("Check failed: 2 warnings: 1 exercise_in_no_routine, 1 no_qr_code (--strict treats warnings as errors).\n"),
        "{}",
        stderr(&out)
    );
}

/// Runs `handout ARGS` on a pseudo-terminal (util-linux `script`), so that
/// `--color auto` sees a terminal; `None` when `script` is missing.
fn on_terminal(dir: &Path, args: &str, no_color: bool) -> Option<String> {
    let mut cmd = Command::new("script");
    cmd.args([
        "-qec",
        &format!("'{}' {args}", bin().display()),
        "/dev/null",
    ])
    .current_dir(dir)
    .env_remove("NO_COLOR")
    .env("TERM", "xterm");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    match cmd.output() {
        Ok(o) => Some(stdout(&o)),
        Err(_) if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") => {
            panic!("`script` (util-linux) is needed for the terminal test")
        }
        Err(_) => {
            eprintln!("SKIPPED: no `script` command (util-linux) for the terminal test");
            None
        }
    }
}

#[test]
fn colour_on_a_terminal_unless_no_color_or_never() {
    let site = fixture("broken");
    let esc = "\x1b[";
    // Not a terminal: plain, unless asked.
    let piped = run(site.path(), &["check"]);
    assert!(!stderr(&piped).contains(esc));
    let always = run(site.path(), &["check", "--color", "always"]);
    let err = stderr(&always);
    assert!(
        err.contains("\x1b[1m\x1b[31merror\x1b[0m"),
        "errors are red:\n{err}"
    );
    assert!(
        err.contains("\x1b[1m\x1b[33mwarning\x1b[0m"),
        "warnings are yellow"
    );
    assert!(
        err.contains("\x1b[1m\x1b[34m-->\x1b[0m"),
        "locations are blue"
    );
    assert!(
        err.contains("\x1b[1m\x1b[34m 9 |\x1b[0m"),
        "line numbers are blue"
    );
    // Without the escape codes, the coloured text is the plain text.
    let stripped = strip_escapes(&err);
    assert_eq!(stripped, stderr(&piped));

    let Some(tty) = on_terminal(site.path(), "check", false) else {
        return;
    };
    assert!(tty.contains(esc), "a terminal gets colour:\n{tty}");
    let Some(tty) = on_terminal(site.path(), "check", true) else {
        return;
    };
    assert!(!tty.contains(esc), "NO_COLOR turns it off:\n{tty}");
    let Some(tty) = on_terminal(site.path(), "check --color never", false) else {
        return;
    };
    assert!(!tty.contains(esc), "--color never turns it off");
    let Some(tty) = on_terminal(site.path(), "check --color always", true) else {
        return;
    };
    assert!(tty.contains(esc), "--color always wins over NO_COLOR");
}

fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn json_diagnostics_are_one_object_a_line_in_the_documented_schema() {
    let site = fixture("broken");
    let out = run(site.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // `SNAPSHOTS=overwrite cargo test` writes the new output to the file.
    snapbox::assert_data_eq!(
        text.as_str(),
        snapbox::file!["snapshots/broken-check.jsonl"].raw()
    );
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let (summary, diags) = lines.split_last().unwrap();
    assert_eq!(diags.len(), 33);
    let keys = [
        "type",
        "severity",
        "kind",
        "file",
        "line",
        "column",
        "end_column",
        "field",
        "message",
        "allowed",
        "help",
    ];
    for d in diags {
        let got: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = keys.to_vec();
        want.sort();
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(sorted, want, "{d}");
    }
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["command"], "check");
    assert_eq!(summary["ok"], false);
    assert_eq!(summary["errors"], 29);
    assert_eq!(summary["warnings"], 4);
    assert_eq!(summary["warning_kinds"]["exercise_in_no_routine"], 2);
    // People still get the closing line on stderr, and nothing else.
    assert_eq!(
        stderr(&out),
        "Check failed: 29 errors, 4 warnings: 2 exercise_in_no_routine, 1 image_without_alt, 1 no_steps.\n"
    );

    // `build` reports the same problems the same way.
    let out = run(site.path(), &["build", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let built = stdout(&out);
    let (b, c) = (built.lines(), text.lines());
    assert_eq!(b.clone().count(), c.clone().count());
    for (b, c) in b.zip(c).take(33) {
        assert_eq!(b, c);
    }

    // A success ends with a summary; a usage error too, with its message.
    let good = new_site();
    let out = run(good.path(), &["build", "--format", "json"]);
    let summary: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(summary["ok"], true);
    assert_eq!(summary["output"], "public");
    assert!(summary["pages"].as_u64().unwrap() > 10);
    let empty = tempfile::tempdir().unwrap();
    let out = run(empty.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let summary: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(summary["ok"], false);
    assert!(summary["message"]
        .as_str()
        .unwrap()
        .contains("no handout.toml"));
}

#[test]
fn a_closed_pipe_ends_the_build_quietly_with_the_site_complete() {
    let site = new_site();
    let code = with_closed_pipes(site.path(), &["build", "--verbose", "--format", "json"]);
    assert_eq!(code, Some(0), "no panic (101) on a closed pipe");
    let built = run(site.path(), &["build", "-q", "-o", "again"]);
    assert!(built.status.success());
    let names = |d: &str| -> Vec<String> { all_files(&site.path().join(d)).into_keys().collect() };
    assert_eq!(names("public"), names("again"), "the site is complete");

    // As typed in a shell: `handout build 2>&1 | head -1`.
    let script = format!(
        "set -o pipefail; '{}' build --verbose 2>&1 | head -1",
        bin().display()
    );
    if let Ok(out) = Command::new("bash")
        .args(["-c", &script])
        .current_dir(site.path())
        .output()
    {
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 1);
    }
    // A content failure still exits 1.
    let broken = fixture("broken");
    let code = with_closed_pipes(broken.path(), &["check", "--format", "json"]);
    assert_eq!(code, Some(1));
}

/// Runs `handout ARGS` with stdout and stderr into pipes whose read ends
/// are closed before it writes a line; its exit code.
fn with_closed_pipes(dir: &Path, args: &[&str]) -> Option<i32> {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().unwrap().code()
}

#[test]
fn pdf_counts_its_sheets_in_the_singular_too() {
    let Some(chrome) = chromium("pdf_counts_its_sheets_in_the_singular_too") else {
        return;
    };
    let site = new_site();
    let out = Command::new(bin())
        .args(["pdf", "--chrome"])
        .arg(&chrome)
        .current_dir(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("Printed 1 sheet to PDF in "), "{err}");
    assert!(err.contains("→ public/print"), "{err}");
    assert!(site
        .path()
        .join("public/print/routines/desk-break.pdf")
        .is_file());
}
