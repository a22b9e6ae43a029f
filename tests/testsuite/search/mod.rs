//! Search in a real browser: headless Chromium loads the sample handbook's
//! `search.html?q=…` from `file://` and from a local HTTP server, and checks
//! the results a patient sees, best first; and drives the header search box
//! (lazy loading, dropdown, keyboard) on an exercise page.

mod eval;
mod header;
mod library;
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

/// What a query's results must satisfy.
enum Check {
    /// This page is among the first n results.
    Within(usize, &'static str),
    /// Each of the first n results is one of these pages.
    TopFrom(usize, &'static [&'static str]),
    /// This page is not in the results.
    Absent(&'static str),
    /// Exactly these pages, in any order.
    Exactly(&'static [&'static str]),
    /// No results, a kind message and the region pages offered.
    NoResults,
}
use Check::*;

const NECK_NO_EQUIPMENT: &[&str] = &[
    "exercises/isometric-lateral-neck-flexion.html",
    "exercises/neck-flexion-extension.html",
    "exercises/neck-roll.html",
    "exercises/levator-scapulae-stretch.html",
    "exercises/upper-trapezius-stretch.html",
    "exercises/active-thoracic-rotation.html",
];
const SUPINE: &[&str] = &[
    "exercises/foam-roller-thoracic-mobilization.html",
    "exercises/iron-cross.html",
    "exercises/knee-to-chest-march.html",
    "exercises/knee-to-chest.html",
    "exercises/peanut-segmental-flexion-extension.html",
];
const PRONE: &[&str] = &[
    "exercises/prone-w.html",
    "exercises/prone-shoulder-blade-retraction.html",
    "exercises/superman.html",
    "exercises/opposite-arm-and-leg-raise.html",
];
const THORACIC: &[&str] = &[
    "exercises/active-thoracic-rotation.html",
    "exercises/thoracic-extension-wall.html",
    "exercises/thoracic-extension.html",
    "exercises/thoracic-rotation-stretch.html",
    "exercises/foam-roller-thoracic-mobilization.html",
    "exercises/peanut-segmental-flexion-extension.html",
];

/// The query table: what a patient types (the part after `search.html?`)
/// and what they must find.
const QUERIES: &[(&str, &[Check])] = &[
    // Everyday words for anatomy, via synonyms.
    (
        "q=shoulder+blade",
        &[Within(1, "exercises/scapular-squeeze.html")],
    ),
    ("q=scapula", &[Within(2, "exercises/scapular-squeeze.html")]),
    ("q=t-spine", &[TopFrom(4, THORACIC)]),
    ("q=upper+back", &[TopFrom(4, THORACIC)]),
    ("q=cervical", &[TopFrom(3, NECK_NO_EQUIPMENT)]),
    // Positions in patient words.
    ("q=lying+on+your+back", &[TopFrom(5, SUPINE)]),
    ("q=on+my+back", &[TopFrom(5, SUPINE)]),
    ("q=face+down", &[TopFrom(4, PRONE)]),
    ("q=prone", &[TopFrom(4, PRONE)]),
    (
        "q=hands+and+knees",
        &[
            Within(3, "exercises/cat-cow.html"),
            Within(3, "exercises/thread-the-needle.html"),
        ],
    ),
    // Equipment.
    (
        "q=foam+roller",
        &[Within(
            2,
            "exercises/foam-roller-thoracic-mobilization.html",
        )],
    ),
    ("q=theraband", &[Within(3, "exercises/row.html")]),
    // Typos and word forms.
    (
        "q=rotaton",
        &[
            Within(2, "exercises/trunk-rotation.html"),
            Within(2, "exercises/active-thoracic-rotation.html"),
        ],
    ),
    (
        "q=sholder+blade",
        &[Within(1, "exercises/scapular-squeeze.html")],
    ),
    ("q=stretching", &[Within(3, "exercises/pec-stretch.html")]),
    ("q=stretches", &[Within(3, "exercises/pec-stretch.html")]),
    // As the patient types: a prefix.
    (
        "q=shoulder+bl",
        &[Within(2, "exercises/scapular-squeeze.html")],
    ),
    // Stop words and words no page has are left out.
    (
        "q=exercises+for+my+sore+neck",
        &[TopFrom(3, NECK_NO_EQUIPMENT)],
    ),
    // Routines and guides.
    ("q=desk", &[Within(1, "routines/desk-reset.html")]),
    ("q=when+to+stop", &[Within(1, "guides/when-to-stop.html")]),
    // Filters, with and without words.
    (
        "q=neck&equipment=none",
        &[
            TopFrom(5, NECK_NO_EQUIPMENT),
            Absent("exercises/wall-angels.html"),
            Absent("exercises/foam-roller-thoracic-mobilization.html"),
        ],
    ),
    ("q=upper+back&position=supine", &[TopFrom(3, SUPINE)]),
    (
        "region=neck&category=stretch",
        &[Exactly(&[
            "exercises/levator-scapulae-stretch.html",
            "exercises/upper-trapezius-stretch.html",
        ])],
    ),
    // Nothing to find.
    ("q=xylophone", &[NoResults]),
];

fn check(base: &str, query: &str, checks: &[Check], dom: &str) -> Vec<String> {
    let links = result_links(dom);
    let mut failures = Vec::new();
    for c in checks {
        let ok = match c {
            Within(n, page) => links.iter().take(*n).any(|l| l == page),
            TopFrom(n, pages) => {
                links.len() >= *n && links.iter().take(*n).all(|l| pages.contains(&l.as_str()))
            }
            Absent(page) => !links.iter().any(|l| l == page),
            Exactly(pages) => {
                let mut got = links.clone();
                got.sort();
                let mut want: Vec<String> = pages.iter().map(|p| p.to_string()).collect();
                want.sort();
                got == want
            }
            NoResults => {
                let status = text(element(dom, "p", "search-status"));
                let empty = element(dom, "div", "search-empty");
                let shown = dom.contains("id=\"search-empty\" class=\"search-empty\">");
                links.is_empty()
                    && status.contains("Sorry, nothing matches “xylophone”")
                    && shown
                    && empty.contains("href=\"region/neck.html\"")
            }
        };
        if !ok {
            let which = match c {
                Within(n, p) => format!("{p} within the first {n}"),
                TopFrom(n, _) => format!("the first {n} from the expected set"),
                Absent(p) => format!("{p} absent"),
                Exactly(_) => "exactly the expected pages".to_string(),
                NoResults => "no results, kindly said, with region links".to_string(),
            };
            failures.push(format!(
                "{base}search.html?{query}: expected {which}; got {links:?}"
            ));
        }
    }
    failures
}

/// Runs the whole table against `base` (a `file://` or `http://` URL of the
/// site folder, ending in `/`), a few browsers at a time.
fn run_table(chrome: &Path, base: &str) {
    let failures: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<_> = QUERIES.chunks(QUERIES.len().div_ceil(3)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .flat_map(|(query, checks)| {
                            let dom = dump_dom(chrome, &format!("{base}search.html?{query}"));
                            check(base, query, checks, &dom)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        QUERIES.len(),
        failures.join("\n")
    );
}

#[test]
fn query_table_from_file_urls() {
    let Some(chrome) = chromium("query_table_from_file_urls") else {
        return;
    };
    assert!(QUERIES.len() >= 15);
    let base = format!("{}/", file_url(site()));
    run_table(&chrome, &base);
}

#[test]
fn query_table_over_http() {
    let Some(chrome) = chromium("query_table_over_http") else {
        return;
    };
    run_table(&chrome, server());
}

#[test]
fn results_show_dosage_regions_and_a_highlighted_snippet() {
    let Some(chrome) = chromium("results_show_dosage_regions_and_a_highlighted_snippet") else {
        return;
    };
    let dom = dump_dom(
        &chrome,
        &format!("{}/search.html?q=shoulder+blade", file_url(site())),
    );
    let results = element(&dom, "ol", "search-results");
    let first = &results[..results.find("</li>").unwrap()];
    assert!(first.contains("<mark>blades</mark>"), "{first}");
    let first = text(first);
    assert!(first.contains("Shoulder blade squeeze"), "{first}");
    assert!(
        first.contains("2–3 sets of 10 reps"),
        "dosage line: {first}"
    );
    assert!(first.contains("Shoulders, Upper back"), "regions: {first}");
    let status = text(element(&dom, "p", "search-status"));
    assert!(status.contains("results for “shoulder blade”"), "{status}");
}

#[test]
fn filters_show_counts_and_keep_their_state_in_the_url() {
    let Some(chrome) = chromium("filters_show_counts_and_keep_their_state_in_the_url") else {
        return;
    };
    let dom = dump_dom(
        &chrome,
        &format!("{}search.html?q=neck&equipment=none", server()),
    );
    let facets = element(&dom, "div", "search-facets");
    for legend in ["Body region", "Equipment", "Type of exercise", "Position"] {
        assert!(
            facets.contains(&format!("<legend>{legend}</legend>")),
            "{facets}"
        );
    }
    let none = facets
        .split("<label")
        .find(|l| l.contains("value=\"none\""))
        .expect("a 'No equipment' checkbox");
    assert!(none.contains("checked"), "{none}");
    let n = result_links(&dom).len();
    assert!(
        text(none).contains(&format!("No equipment ({n})")),
        "count of the checked term = number of results ({n}): {}",
        text(none)
    );
    // Counts follow the query: a term that no neck result has is hidden.
    let supine = facets
        .split("<label")
        .find(|l| l.contains("value=\"supine\""))
        .unwrap();
    assert!(supine.contains("hidden"), "{supine}");
    let seated = facets
        .split("<label")
        .find(|l| l.contains("value=\"seated\""))
        .unwrap();
    assert!(
        !seated.contains("hidden") && text(seated).contains("Seated (2)"),
        "{seated}"
    );
}
