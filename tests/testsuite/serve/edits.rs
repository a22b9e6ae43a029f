//! What `serve` does for an author: edits reload, broken edits show an
//! overlay, only the built site is served, and rebuilt pages are those of a
//! fresh build.

use super::{new_site, set_line, Server};
use crate::common::{self, bin, run, stderr};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;

#[test]
fn edits_reload_and_broken_edits_show_an_overlay() {
    let (t, exercise) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let slug = exercise.file_stem().unwrap().to_str().unwrap().to_string();
    let page = format!("/exercises/{slug}.html");

    let (status, head, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html"), "{head}");
    assert!(
        home.contains("/__handout/events?v="),
        "reload script injected"
    );
    let (status, head, css) = server.get("/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/css"), "{head}");
    assert!(!css.contains("__handout"));

    // An edit shows up.
    set_line(&exercise, "title:", "title: Freshly edited title");
    server.wait_for(&page, "the new title", |b| {
        b.contains("Freshly edited title")
    });

    // A broken edit: the overlay names file:line, the last good page stays.
    let text = std::fs::read_to_string(&exercise).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("category:"))
        .unwrap()
        + 1;
    set_line(&exercise, "category:", "category: stabilty");
    let broken = server.wait_for(&page, "the error overlay", |b| {
        b.contains("handout-build-errors")
    });
    let location = format!("content/exercises/{slug}.md:{line}:11");
    assert!(
        broken.contains(&location),
        "overlay names {location}:\n{broken}"
    );
    assert!(broken.contains("unknown category `stabilty`"), "{broken}");
    assert!(
        broken.contains("Freshly edited title"),
        "last good build still served"
    );
    // The terminal shows the same report (printed before the overlay is served).
    let log = server.wait_log(&format!("--> {location}"));
    assert!(log.contains(&format!("--> {location}")), "{log}");

    // Fixing the file clears the overlay.
    set_line(&exercise, "category:", "category: mobility");
    server.wait_for(&page, "the overlay to clear", |b| {
        !b.contains("handout-build-errors") && b.contains("Freshly edited title")
    });
    drop(server);
    drop(t);
}

#[test]
fn serves_only_the_built_site() {
    let (t, exercise) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let slug = exercise.file_stem().unwrap().to_str().unwrap().to_string();
    for target in [
        "/../handout.toml".to_string(),
        "/exercises/../../handout.toml".into(),
        "/%2e%2e/handout.toml".into(),
        "/%2E%2E%2Fhandout.toml".into(),
        "/exercises/..%2f..%2fhandout.toml".into(),
        "/..%5chandout.toml".into(),
        "/..\\handout.toml".into(),
        "/handout.toml".into(),
        format!("/content/exercises/{slug}.md"),
        format!("/%2e%2e/content/exercises/{slug}.md"),
        "/no-such-page.html".into(),
    ] {
        let (status, _, body) = server.get(&target);
        assert_eq!(status, 404, "{target}");
        assert!(!body.contains("base_url"), "{target} leaked the config");
        assert!(
            body.contains("Page not found"),
            "{target}: the site's 404 page:\n{body}"
        );
    }
    let (status, head, _) = server.get("/exercises");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /exercises/"), "{head}");
    assert_eq!(server.get("/exercises/").0, 200);
    assert_eq!(server.request("POST", "/").0, 405);
    let (status, head, body) = server.request("HEAD", "/search-index.js");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/javascript"), "{head}");
    assert!(body.is_empty());
}

#[test]
fn a_missing_address_in_a_language_folder_gets_that_languages_404_page() {
    let (t, _) = new_site();
    let site = t.path().join("site");
    let toml = site.join("handout.toml");
    let text = std::fs::read_to_string(&toml).unwrap() + "\n[languages.es]\ntitle = \"Manual\"\n";
    std::fs::write(&toml, text).unwrap();
    let server = Server::start(&site, &[]);
    let (status, _, body) = server.get("/es/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Página no encontrada"), "{body}");
    let (status, _, body) = server.get("/exercises/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "{body}");
}

#[test]
fn polling_also_sees_edits() {
    let (t, exercise) = new_site();
    let server = Server::start(&t.path().join("site"), &["--poll"]);
    let slug = exercise.file_stem().unwrap().to_str().unwrap().to_string();
    set_line(&exercise, "title:", "title: Seen by polling");
    server.wait_for(&format!("/exercises/{slug}.html"), "the new title", |b| {
        b.contains("Seen by polling")
    });
}

#[test]
fn build_output_has_no_reload_script() {
    let (t, _) = new_site();
    let site = t.path().join("site");
    let o = run(&site, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for entry in walkdir::WalkDir::new(site.join("public")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            assert!(!text.contains("__handout"), "{}", entry.path().display());
        }
    }
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let (t, _) = new_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = run(&t.path().join("site"), &["serve", "--port", &port]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("port {port} is already in use")),
        "{err}"
    );
    assert!(err.contains("--port"), "{err}");
}

/// The served page without what `serve` adds (the reload script).
fn without_reload_script(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let start = "<script>(function(){var s=new EventSource(";
    match text.find(start) {
        Some(i) => {
            let end = text[i..]
                .find("</script>\n")
                .map_or(text.len(), |j| i + j + 10);
            format!("{}{}", &text[..i], &text[end..]).into_bytes()
        }
        None => page.to_vec(),
    }
}

/// Every file of a fresh build, served identically by the running server
/// (which re-renders only what an edit changed).
fn assert_serves_a_fresh_build(server: &Server, site: &Path, out: &Path) {
    let base = format!("--base-url=http://{}/", server.addr);
    let o = Command::new(bin())
        .args(["build", "--force", "--root"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .arg(&base)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !entry.file_type().is_file() || rel == ".handout-output" {
            continue;
        }
        let want = std::fs::read(entry.path()).unwrap();
        let mut s = TcpStream::connect(&server.addr).unwrap();
        write!(
            s,
            "GET /{rel} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let at = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let got = without_reload_script(&raw[at..]);
        assert!(got == want, "/{rel} differs from a fresh build");
    }
}

#[test]
fn rebuilt_pages_match_a_fresh_build() {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    common::copy_dir(&common::repo().join("content"), &site.join("content"));
    std::fs::copy(
        common::repo().join("handout.toml"),
        site.join("handout.toml"),
    )
    .unwrap();
    let out = t.path().join("out");
    let server = Server::start(&site, &[]);
    assert_serves_a_fresh_build(&server, &site, &out);

    // A step of an exercise that routines list: routine pages and sheets change too.
    let wall = site.join("content/exercises/wall-angels.md");
    let text = std::fs::read_to_string(&wall).unwrap();
    std::fs::write(
        &wall,
        text.replace("keeping them in contact", "keeping them touching the wall"),
    )
    .unwrap();
    server.wait_for("/exercises/wall-angels.html", "the new step", |b| {
        b.contains("touching the wall")
    });
    assert_serves_a_fresh_build(&server, &site, &out);

    // A title that other pages link to.
    set_line(&wall, "title:", "title: Wall slides");
    server.wait_for("/exercises/prone-w.html", "the new title", |b| {
        b.contains("Wall slides")
    });
    assert_serves_a_fresh_build(&server, &site, &out);

    // A new file that sorts first: every other file's index moves.
    let first = site.join("content/exercises/aaa-first.md");
    let text = std::fs::read_to_string(&wall).unwrap();
    std::fs::write(
        &first,
        text.replace("title: Wall slides", "title: A first exercise"),
    )
    .unwrap();
    server.wait_for("/exercises/aaa-first.html", "the new page", |b| {
        b.contains("A first exercise")
    });
    assert_serves_a_fresh_build(&server, &site, &out);

    // A site template overriding the theme's.
    std::fs::create_dir_all(site.join("templates/partials")).unwrap();
    std::fs::write(
        site.join("templates/partials/exercise_card.html"),
        "<li class=\"card\"><a href=\"{{ root }}{{ exercise.url }}\">{{ exercise.title }}</a> (own card)</li>\n",
    )
    .unwrap();
    server.wait_for("/exercises/index.html", "the site's own card", |b| {
        b.contains("(own card)")
    });
    assert_serves_a_fresh_build(&server, &site, &out);

    // A picture replaced by one of another size: the page's width and
    // height follow (the file, not the exercise, changed).
    let picture = site.join("static/images/wall-angels-start.svg");
    std::fs::create_dir_all(picture.parent().unwrap()).unwrap();
    let svg = |w: u32, h: u32| {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"/>")
    };
    std::fs::write(&picture, svg(40, 30)).unwrap();
    server.wait_for("/exercises/wall-angels.html", "the picture's size", |b| {
        b.contains("width=\"40\" height=\"30\"")
    });
    std::fs::write(&picture, svg(80, 64)).unwrap();
    server.wait_for(
        "/exercises/wall-angels.html",
        "the new picture's size",
        |b| b.contains("width=\"80\" height=\"64\""),
    );
    assert_serves_a_fresh_build(&server, &site, &out);
}
