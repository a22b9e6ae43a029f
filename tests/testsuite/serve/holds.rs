//! `serve` holds up: hoarded, idle or slow connections and many open pages
//! lock no one out, requests for other host names are refused, every
//! response says `nosniff`, and source folders that are moved away and
//! back, or deleted and made again, keep being watched.

use super::{new_site, set_line, version_of, Server, DEADLINE};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::Path;

/// Opens `n` connections that send nothing.
fn idle_connections(server: &Server, n: usize) -> Vec<TcpStream> {
    (0..n)
        .map(|_| TcpStream::connect(&server.addr).expect("connect"))
        .collect()
}

/// What the server sent on `s` until it closed it (end of stream or
/// reset); `None` if it was still open at the deadline.
fn read_until_closed(s: &mut TcpStream) -> Option<String> {
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return None
            }
            Err(_) => break,
        }
    }
    Some(String::from_utf8_lossy(&got).into_owned())
}

#[test]
fn idle_connections_do_not_lock_others_out() {
    let (t, _) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let mut idle = idle_connections(&server, 300);
    let (status, _, body) = server.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("</html>"), "{body}");
    // The oldest of them made room: the server closed it.
    let oldest = read_until_closed(&mut idle[0]);
    assert_eq!(oldest.as_deref(), Some(""), "the oldest idle connection");
}

#[test]
fn slow_clients_block_no_one_and_are_timed_out() {
    let (t, _) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    // Many clients that send half a request and then nothing.
    let mut slow = idle_connections(&server, 300);
    let half = format!("GET / HTTP/1.1\r\nHost: {}\r\nUser-Agent: sl", server.addr);
    for s in &mut slow {
        // The oldest may already be closed to make room for newer ones.
        let _ = s.write_all(half.as_bytes());
    }
    let (status, _, _) = server.get("/exercises/");
    assert_eq!(status, 200, "others are served meanwhile");
    let newest = slow.last_mut().unwrap();
    let got = read_until_closed(newest).expect("a half-sent request was never timed out");
    assert!(!got.contains("200 OK"), "a half request got a page: {got}");
}

#[test]
fn open_reload_streams_do_not_lock_out_pages() {
    let (t, exercise) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let (_, _, home) = server.get("/");
    let version = version_of(&home);
    let mut streams = Vec::new();
    for _ in 0..300 {
        let mut s = TcpStream::connect(&server.addr).unwrap();
        write!(
            s,
            "GET /__handout/events?v={version} HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.addr
        )
        .unwrap();
        streams.push(s);
    }
    // The newest stream is open and waiting.
    let newest = streams.last_mut().unwrap();
    newest.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 1024];
    while !seen.contains("retry:") {
        let n = newest.read(&mut buf).expect("stream opened");
        assert!(n > 0, "stream closed early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("Content-Type: text/event-stream"), "{seen}");
    let (status, _, _) = server.get("/");
    assert_eq!(status, 200);
    // Open pages still hear of an edit.
    let slug = exercise.file_stem().unwrap().to_str().unwrap().to_string();
    set_line(&exercise, "title:", "title: Heard by every page");
    while !seen.contains("event: reload") {
        let n = newest.read(&mut buf).expect("reload event");
        assert!(n > 0, "stream closed before the reload: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    server.wait_for(&format!("/exercises/{slug}.html"), "the new title", |b| {
        b.contains("Heard by every page")
    });
}

#[test]
fn other_host_names_are_refused() {
    let (t, _) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let port = server.port().to_string();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let got = server.exchange(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert!(got.starts_with("HTTP/1.1 200"), "{host}: {got}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "localhost:1".to_string(),
    ] {
        let got = server.exchange(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert!(got.starts_with("HTTP/1.1 403"), "{host}: {got}");
        assert!(got.contains("answers only requests for localhost"), "{got}");
        assert!(!got.contains("<html"), "no page for {host}: {got}");
    }
    let got = server.exchange("GET / HTTP/1.0\r\n\r\n");
    assert!(got.contains(" 403 Forbidden"), "no Host header: {got}");
}

#[test]
fn every_response_says_nosniff_and_connections_are_kept_alive() {
    let (t, _) = new_site();
    let server = Server::start(&t.path().join("site"), &[]);
    let host = &server.addr;
    // Several requests on one connection, each answered.
    let mut raw = String::new();
    for (method, target, h) in [
        ("GET", "/", host.as_str()),
        ("GET", "/style.css", host),
        ("GET", "/no-such-page.html", host),
        ("GET", "/exercises", host),
        ("POST", "/", host),
        ("HEAD", "/", host),
        ("GET", "/", "evil.example"),
    ] {
        raw.push_str(&format!(
            "{method} {target} HTTP/1.1\r\nHost: {h}\r\nContent-Length: 0\r\n\r\n"
        ));
    }
    raw.push_str(&format!(
        "GET /search-index.js HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    ));
    let got = server.exchange(&raw);
    let statuses: Vec<&str> = got.split("HTTP/1.1 ").skip(1).map(|r| &r[..3]).collect();
    assert_eq!(
        statuses,
        ["200", "200", "404", "301", "405", "200", "403", "200"],
        "{got}"
    );
    assert_eq!(
        got.matches("X-Content-Type-Options: nosniff").count(),
        8,
        "{got}"
    );
    let mut events = TcpStream::connect(&server.addr).unwrap();
    write!(
        events,
        "GET /__handout/events?v=0 HTTP/1.1\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    let mut head = Vec::new();
    events.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = events.read(&mut buf).unwrap();
        assert!(n > 0);
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    assert!(head.contains("X-Content-Type-Options: nosniff"), "{head}");
}

/// Fetches a file that has no reload script until it reads `want`,
/// waiting for a rebuild in between.
fn wait_for_file(server: &Server, target: &str, want: &str) {
    let start = std::time::Instant::now();
    loop {
        let (_, _, home) = server.get("/");
        let (_, _, body) = server.get(target);
        if body == want {
            return;
        }
        let left = DEADLINE.saturating_sub(start.elapsed());
        assert!(!left.is_zero(), "{target} never read {want:?}: {body:?}");
        server.wait_reload(version_of(&home), left);
    }
}

/// Moves `dir` away and back, as a branch switch or a restore does.
fn move_away_and_back(dir: &Path) {
    let away = dir.with_extension("bak");
    std::fs::rename(dir, &away).unwrap();
    std::fs::rename(&away, dir).unwrap();
}

#[test]
fn moved_and_recreated_folders_keep_being_watched() {
    let (t, exercise) = new_site();
    let site = t.path().join("site");
    let card = site.join("templates/partials/exercise_card.html");
    std::fs::create_dir_all(card.parent().unwrap()).unwrap();
    let write_card = |word: &str| {
        std::fs::write(
            &card,
            format!("<li class=\"card\"><a href=\"{{{{ root }}}}{{{{ exercise.url }}}}\">{{{{ exercise.title }}}}</a> ({word})</li>\n"),
        )
        .unwrap()
    };
    write_card("first card");
    let server = Server::start(&site, &[]);
    let slug = exercise.file_stem().unwrap().to_str().unwrap().to_string();
    let page = format!("/exercises/{slug}.html");
    server.wait_for("/exercises/", "the site's card", |b| {
        b.contains("(first card)")
    });

    move_away_and_back(&site.join("content"));
    set_line(&exercise, "title:", "title: After the move");
    server.wait_for(&page, "an edit after moving content/", |b| {
        b.contains("After the move")
    });

    move_away_and_back(&site.join("templates"));
    write_card("moved card");
    server.wait_for("/exercises/", "an edit after moving templates/", |b| {
        b.contains("(moved card)")
    });

    // Deleted, then made again with other files.
    std::fs::remove_dir_all(site.join("templates")).unwrap();
    server.wait_for("/exercises/", "the built-in card again", |b| {
        !b.contains("card)")
    });
    std::fs::create_dir_all(card.parent().unwrap()).unwrap();
    write_card("recreated card");
    server.wait_for("/exercises/", "the recreated templates/", |b| {
        b.contains("(recreated card)")
    });
    set_line(&exercise, "title:", "title: Still watched");
    server.wait_for(&page, "content/ still watched", |b| {
        b.contains("Still watched")
    });

    std::fs::create_dir_all(site.join("static")).unwrap();
    std::fs::write(site.join("static/note.txt"), "one\n").unwrap();
    wait_for_file(&server, "/note.txt", "one\n");
    move_away_and_back(&site.join("static"));
    std::fs::write(site.join("static/note.txt"), "two\n").unwrap();
    wait_for_file(&server, "/note.txt", "two\n");

    let config = site.join("handout.toml");
    let away = site.join("handout.toml.bak");
    std::fs::rename(&config, &away).unwrap();
    std::fs::rename(&away, &config).unwrap();
    set_line(&config, "title =", "title = \"Renamed handbook\"");
    server.wait_for("/", "an edit after moving handout.toml", |b| {
        b.contains("Renamed handbook")
    });
}
