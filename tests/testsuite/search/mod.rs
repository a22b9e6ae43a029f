//! Search in a real browser: headless Chromium loads the sample handbook's
//! `search.html?q=…` from `file://` and from a local HTTP server, and checks
//! the results a patient sees, best first; and drives the header search box
//! (lazy loading, dropdown, keyboard) on an exercise page.

mod eval;
mod header;
mod library;
mod queries;
mod results;
mod spanish;

use crate::common::*;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The sample handbook, built once for all tests in this file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-sample");
        let _ = std::fs::remove_dir_all(&out);
        build_sample(&out);
        out
    })
}

/// A tiny static file server for `site()` on 127.0.0.1, alive until the
/// test process ends.
fn server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| serve_dir(site().to_path_buf()))
}

/// Serves `root` on 127.0.0.1 (port chosen by the system), one thread per
/// connection; returns its address, ending in "/".
fn serve_dir(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || serve(stream, &root));
        }
    });
    base
}

fn serve(mut stream: TcpStream, root: &Path) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let file = root.join(rel);
    let (status, body) = match std::fs::read(&file) {
        Ok(b) if !rel.contains("..") => ("200 OK", b),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// The DOM of `url` after its scripts ran.
fn dump_dom(chrome: &Path, url: &str) -> String {
    let (mut cmd, _profile) = chrome_command(chrome);
    let out = cmd
        .args(["--dump-dom", "--virtual-time-budget=5000", url])
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "no DOM from {url}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dom
}

/// The inner HTML of the element with `id` (up to its closing `tag`).
fn element<'a>(dom: &'a str, tag: &str, id: &str) -> &'a str {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in:\n{dom}"));
    let open_end = start + dom[start..].find('>').unwrap() + 1;
    let end = open_end + dom[open_end..].find(&format!("</{tag}>")).unwrap();
    &dom[open_end..end]
}

/// The link targets inside `#search-results`, in order.
fn result_links(dom: &str) -> Vec<String> {
    element(dom, "ol", "search-results")
        .split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
}
