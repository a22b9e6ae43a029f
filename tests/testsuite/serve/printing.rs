//! What `serve` prints goes through the command line's printer, as for
//! every other command: `--quiet` leaves out the line about each build
//! (never the problems, nor the address served), `--color always` colours,
//! and on a terminal `NO_COLOR` turns the colour off.

use super::{new_site, set_line, Server};
use crate::common::bin;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ESC: &str = "\x1b[";

/// Breaks the exercise's category, waits for the server to print the
/// problem, then mends it and waits for the good page to be served again.
fn break_and_mend(server: &Server, exercise: &Path, wrong: &str) -> String {
    let slug = exercise.file_stem().unwrap().to_str().unwrap();
    let page = format!("/exercises/{slug}.html");
    set_line(exercise, "category:", &format!("category: {wrong}"));
    server.wait_for(&page, "the error overlay", |b| {
        b.contains("handout-build-errors")
    });
    let log = server.wait_log(&format!("unknown category `{wrong}`"));
    set_line(exercise, "category:", "category: mobility");
    server.wait_for(&page, "the overlay to clear", |b| {
        !b.contains("handout-build-errors")
    });
    log
}

#[test]
fn quiet_keeps_the_problems_and_the_address_but_not_each_build() {
    let (t, exercise) = new_site();
    let server = Server::start(&t.path().join("site"), &["--quiet"]);
    break_and_mend(&server, &exercise, "stabilty");
    // Printed in order: once the second problem is read, everything about
    // the first failed build and the mended one has been read too.
    let log = break_and_mend(&server, &exercise, "mobilty");
    assert!(log.contains("Serving at http://"), "{log}");
    assert!(log.contains("unknown category `stabilty`"), "{log}");
    assert!(log.contains("error"), "{log}");
    for chatter in ["Built ", "Rebuilt ", "Build failed"] {
        assert!(
            !log.contains(chatter),
            "--quiet prints no `{chatter}`:\n{log}"
        );
    }
    assert!(!log.contains(ESC), "no colour through a pipe:\n{log}");
}

#[test]
fn colour_when_asked_and_plain_through_a_pipe() {
    let (t, exercise) = new_site();
    let coloured = Server::start(&t.path().join("site"), &["--color", "always"]);
    break_and_mend(&coloured, &exercise, "stabilty");
    let log = coloured.wait_log("Rebuilt");
    assert!(
        log.contains("\x1b[1m\x1b[32mBuilt\x1b[0m "),
        "the verb of each build is green:\n{log}"
    );
    assert!(
        log.contains("\x1b[1m\x1b[31merror\x1b[0m"),
        "errors are red:\n{log}"
    );
    assert!(
        log.contains("\x1b[1m\x1b[31mBuild failed:\x1b[0m "),
        "the closing line of a failed build is red:\n{log}"
    );
    assert!(
        log.contains("Still serving the last good build; save a fix to reload."),
        "{log}"
    );
    drop(coloured);

    let plain = Server::start(&t.path().join("site"), &[]);
    break_and_mend(&plain, &exercise, "stabilty");
    let log = plain.wait_log("Rebuilt");
    assert!(log.contains("Build failed: 1 error."), "{log}");
    assert!(!log.contains(ESC), "no colour through a pipe:\n{log}");
}

/// `handout serve` on a pseudo-terminal (util-linux `script`), killed when dropped.
struct OnTerminal(Child);

impl Drop for OnTerminal {
    fn drop(&mut self) {
        // Closing the terminal hangs up the server started in it.
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What `serve` printed on a terminal up to the address it serves; `None`
/// when `script` is missing (a failure with `HANDOUT_REQUIRE_BROWSER=1`).
fn serve_on_terminal(site: &Path, no_color: bool) -> Option<String> {
    let mut cmd = Command::new("script");
    cmd.args([
        "-qfec",
        &format!(
            "'{}' serve --root '{}' --port 0",
            bin().display(),
            site.display()
        ),
        "/dev/null",
    ])
    .env_remove("NO_COLOR")
    .env("TERM", "xterm")
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut child = match cmd.spawn() {
        Ok(c) => OnTerminal(c),
        Err(_) if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") => {
            panic!("`script` (util-linux) is needed for the terminal test")
        }
        Err(_) => {
            eprintln!("SKIPPED: no `script` command (util-linux) for the terminal test");
            return None;
        }
    };
    let out = child.0.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = String::new();
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            seen.push_str(&line);
            seen.push('\n');
            if line.contains("Serving at") {
                break;
            }
        }
        let _ = tx.send(seen);
    });
    let seen = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("serve on a terminal prints its address");
    drop(child);
    Some(seen)
}

#[test]
fn no_color_turns_off_the_colour_of_serve_on_a_terminal() {
    let (t, _) = new_site();
    let site = t.path().join("site");
    let Some(tty) = serve_on_terminal(&site, false) else {
        return;
    };
    assert!(tty.contains("Built"), "{tty}");
    assert!(tty.contains(ESC), "a terminal gets colour:\n{tty}");
    let Some(tty) = serve_on_terminal(&site, true) else {
        return;
    };
    assert!(tty.contains("Built"), "{tty}");
    assert!(!tty.contains(ESC), "NO_COLOR turns it off:\n{tty}");
}
