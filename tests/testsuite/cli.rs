//! The commands as a user meets them: short flags, `init` in the current
//! folder, shell completions, `theme eject` and `serve --base-url`.

use crate::common::*;
use std::fs;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

#[test]
fn short_flags_work_as_in_zola() {
    let site = new_site();
    let out = run(
        site.path(),
        &[
            "build",
            "-r",
            ".",
            "-o",
            "www",
            "-u",
            "https://a.example/hb/",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = fs::read_to_string(site.path().join("www/index.html")).unwrap();
    assert!(page.contains("https://a.example/hb/"), "base URL not used");
    // `-f` replaces a folder handout did not make.
    fs::create_dir(site.path().join("other")).unwrap();
    fs::write(site.path().join("other/x.txt"), "x").unwrap();
    assert_eq!(
        run(site.path(), &["build", "-o", "other"]).status.code(),
        Some(2)
    );
    let out = run(site.path(), &["build", "-o", "other", "-f"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path().join("other/index.html").exists());
    // The long names Zola users type are accepted too.
    let out = run(site.path(), &["build", "--output-dir", "www2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let help = stdout(&run(site.path(), &["serve", "--help"]));
    for flag in [
        "-p, --port",
        "-i, --bind",
        "--interface",
        "-u, --base-url",
        "-O, --open",
    ] {
        assert!(help.contains(flag), "serve --help lacks {flag}:\n{help}");
    }
}

#[test]
fn init_without_a_folder_uses_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    // A git checkout with nothing in it yet counts as empty.
    fs::create_dir(dir.path().join(".git")).unwrap();
    let out = run(dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("  created handout.toml\n"), "{err}");
    assert!(
        err.contains("  created content/exercises/band-pull-apart.md\n"),
        "{err}"
    );
    assert!(
        err.contains("New site in the current folder. Next: `handout serve`"),
        "{err}"
    );
    assert!(!err.contains("cd ."), "{err}");
    let out = run(dir.path(), &["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // `init .` words it the same way, and refuses a folder with files.
    let out = run(dir.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: the current folder is not empty (it has `content` and"),
        "{}",
        stderr(&out)
    );
    let other = tempfile::tempdir().unwrap();
    let out = run(other.path(), &["init", "."]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("New site in the current folder."));
    let out = run(other.path(), &["init", "my clinic"]);
    assert!(stderr(&out).contains("Next: `cd 'my clinic' && handout serve`"));
}

#[test]
fn the_init_example_progresses_from_easier_to_harder() {
    let site = new_site();
    assert!(run(site.path(), &["build", "-q"]).status.success());
    let squeeze = fs::read_to_string(
        site.path()
            .join("public/exercises/shoulder-blade-squeeze.html"),
    )
    .unwrap();
    let band =
        fs::read_to_string(site.path().join("public/exercises/band-pull-apart.html")).unwrap();
    let section = |page: &str, id: &str| -> String {
        let start = page
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("no {id}"));
        page[start..]
            .split("</section>")
            .next()
            .unwrap()
            .to_string()
    };
    assert!(section(&squeeze, "harder").contains("Band pull-apart"));
    assert!(section(&band, "easier").contains("Shoulder blade squeeze"));
    // The harder version loads the same movement: both work the upper back.
    for page in [&squeeze, &band] {
        assert!(page.contains("region/upper-back.html"));
    }
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.len() > 500, "{shell}: too short");
        for command in ["build", "check", "serve", "init", "completions", "eject"] {
            assert!(
                script.contains(command),
                "{shell} completion lacks {command}"
            );
        }
        assert!(
            script.contains("base-url"),
            "{shell} completion lacks flags"
        );
    }
    assert_eq!(
        run(dir.path(), &["completions", "tcsh"]).status.code(),
        Some(2)
    );
}

#[test]
fn theme_eject_copies_the_theme_and_keeps_edits_without_force() {
    let site = new_site();
    let out = run(site.path(), &["theme", "eject"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("theme files into templates/ and static/"));
    for f in [
        "templates/base.html",
        "templates/exercise.html",
        "templates/partials/exercise_card.html",
        "static/style.css",
        "static/search-engine.js",
    ] {
        let copied = fs::read(site.path().join(f)).unwrap_or_else(|_| panic!("no {f}"));
        assert_eq!(copied, fs::read(repo().join(f)).unwrap(), "{f} differs");
    }
    // The copies are used: an edit shows in the built site.
    let base = site.path().join("templates/base.html");
    let edited = fs::read_to_string(&base)
        .unwrap()
        .replace("</body>", "<p>EDITED</p></body>");
    fs::write(&base, &edited).unwrap();
    assert!(run(site.path(), &["build", "-q"]).status.success());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(home.contains("<p>EDITED</p>"));
    // Ejecting again keeps the edit and writes nothing…
    let out = run(site.path(), &["theme", "eject"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: templates/base.html is already there and differs from the built-in theme"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&base).unwrap(), edited);
    // …unless forced.
    let out = run(site.path(), &["theme", "eject", "--force"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("(1 file replaced)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read(&base).unwrap(),
        fs::read(repo().join("templates/base.html")).unwrap()
    );
    // Outside a site it refuses.
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        run(empty.path(), &["theme", "eject"]).status.code(),
        Some(2)
    );
    assert!(fs::read_dir(empty.path()).unwrap().next().is_none());
}

#[test]
fn serve_base_url_is_where_pages_link() {
    let site = new_site();
    let mut child = Command::new(bin())
        .args(["serve", "-p", "0", "-i", "127.0.0.1", "-u", "192.0.2.7"])
        .current_dir(site.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let mut log = String::new();
    let mut buf = [0u8; 512];
    while !log.contains("press Ctrl-C") {
        match err.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => log.push_str(&String::from_utf8_lossy(&buf[..n])),
        }
    }
    let found = log
        .split("Serving at http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .map(str::to_string);
    let Some(addr) = found else {
        let _ = child.kill();
        panic!("server did not start:\n{log}");
    };
    let port = addr.rsplit(':').next().unwrap().to_string();
    assert!(
        log.contains(&format!("pages linking to http://192.0.2.7:{port}/")),
        "{log}"
    );
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        s,
        "GET /exercises/band-pull-apart.html HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut page = String::new();
    let _ = s.read_to_string(&mut page);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        page.contains(&format!(
            "http://192.0.2.7:{port}/exercises/band-pull-apart.html"
        )),
        "the canonical link uses --base-url:\n{}",
        &page[..page.len().min(2000)]
    );
}
