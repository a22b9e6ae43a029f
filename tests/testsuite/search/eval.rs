//! The search evaluation: query sets with the pages a physiotherapist
//! would want first, run on the built search page in headless Chromium
//! (tests/browser/search-queries.mjs), scored by precision at 3.

use super::library::{self, Page};
use super::{file_url, node_check, node_checks, run, serve_dir, site, stderr};
use serde::Deserialize;
use std::path::Path;
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Set {
    query: Vec<Query>,
}

/// One query and what makes a page relevant to it (see the query files).
#[derive(Deserialize)]
pub struct Query {
    pub q: String,
    #[serde(default)]
    relevant: Vec<String>,
    #[serde(default)]
    pages: Vec<String>,
    #[serde(default)]
    muscles: Vec<String>,
    #[serde(default)]
    region: Vec<String>,
    #[serde(default)]
    equipment: Vec<String>,
    #[serde(default)]
    position: Vec<String>,
    category: Option<String>,
    #[serde(default)]
    bases: Vec<String>,
    /// This query must reach precision 1 at 3.
    #[serde(default)]
    must: bool,
    max_results: Option<usize>,
}

/// The queries of `tests/testsuite/search/NAME`.
pub fn queries(name: &str) -> Vec<Query> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/testsuite/search")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("read query set");
    toml::from_str::<Set>(&text).expect("query set").query
}

impl Query {
    /// The relevant pages' addresses (with `.html`), among `pages`.
    pub fn relevant(&self, pages: &[Page]) -> Vec<String> {
        let by_rule = !(self.muscles.is_empty()
            && self.region.is_empty()
            && self.equipment.is_empty()
            && self.position.is_empty()
            && self.category.is_none()
            && self.bases.is_empty());
        let mut out: Vec<String> = self
            .relevant
            .iter()
            .chain(&self.pages)
            .map(|p| format!("{p}.html"))
            .collect();
        if by_rule {
            let any = |want: &[String], have: &[String]| {
                want.is_empty() || want.iter().any(|w| have.contains(w))
            };
            for p in pages {
                let fits = any(&self.muscles, &p.muscles)
                    && any(&self.region, &p.region)
                    && any(&self.equipment, &p.equipment)
                    && (self.position.is_empty() || self.position.contains(&p.position))
                    && self.category.as_ref().is_none_or(|c| *c == p.category)
                    && (self.bases.is_empty() || self.bases.contains(&p.base));
                if fits {
                    out.push(format!("{}.html", p.path));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// What the search page showed for one query (the status line says how
/// many results there are).
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Shown {
    pub query: String,
    pub links: Vec<String>,
    pub status: String,
    pub errors: Vec<String>,
}

/// Runs `queries` on the site at `base` (a file:// or http:// address
/// ending in "/") and returns what the search page showed for each.
pub fn shown(dir: &Path, base: &str, queries: &[Query]) -> Vec<Shown> {
    let list: Vec<String> = queries
        .iter()
        .map(|q| {
            format!(
                "q={}",
                q.q.replace('%', "%25")
                    .replace('&', "%26")
                    .replace('+', "%2B")
                    .replace(' ', "+")
            )
        })
        .collect();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), serde_json::to_string(&list).unwrap()).unwrap();
    let out = super::node_check(
        dir,
        "search-queries.mjs",
        &[base, file.path().to_str().unwrap()],
    );
    serde_json::from_str(&out).expect("search-queries.mjs output")
}

/// Precision at 3 of one result list: relevant pages among the first three,
/// out of three (or out of the relevant pages there are, when fewer).
pub fn precision_at_3(links: &[String], relevant: &[String]) -> f64 {
    let want = relevant.len().min(3);
    if want == 0 {
        return 0.0;
    }
    let hits = links
        .iter()
        .take(3)
        .filter(|l| relevant.contains(l))
        .count();
    hits as f64 / want as f64
}

/// Scores a run: the mean precision at 3 and a table of every query (for
/// the test's output), worst first.
pub fn score(queries: &[Query], shown: &[Shown], pages: &[Page]) -> (f64, String, Vec<String>) {
    let mut rows = Vec::new();
    let mut sum = 0.0;
    let mut failures = Vec::new();
    for (q, s) in queries.iter().zip(shown) {
        let relevant = q.relevant(pages);
        assert!(!relevant.is_empty(), "query {:?} has no relevant page", q.q);
        assert!(s.errors.is_empty(), "{:?}: page errors {:?}", q.q, s.errors);
        let p = precision_at_3(&s.links, &relevant);
        sum += p;
        if q.must && p < 1.0 {
            failures.push(format!(
                "{:?} must have only relevant pages first, got {:?}",
                q.q,
                &s.links[..s.links.len().min(3)]
            ));
        }
        let total = results(&s.status);
        if let Some(max) = q.max_results.filter(|&max| total > max) {
            failures.push(format!("{:?} has {total} results, more than {max}", q.q));
        }
        let top: Vec<String> = s
            .links
            .iter()
            .take(3)
            .map(|l| {
                let name = l.trim_end_matches(".html").rsplit('/').next().unwrap_or(l);
                if relevant.contains(l) {
                    name.to_string()
                } else {
                    format!("✗{name}")
                }
            })
            .collect();
        rows.push((
            p,
            format!("{p:.2}  {:<34} {total:>4} results  {}", q.q, top.join(", ")),
        ));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = sum / queries.len() as f64;
    let table = rows
        .into_iter()
        .map(|(_, r)| r)
        .collect::<Vec<_>>()
        .join("\n");
    (mean, table, failures)
}

/// The number of results the status line gives ("12 results for …"), or 0.
fn results(status: &str) -> usize {
    status
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The generated exercise library (tests/testsuite/search/library.toml), built once.
fn library() -> &'static (PathBuf, Vec<Page>) {
    static LIBRARY: OnceLock<(PathBuf, Vec<Page>)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-library");
        let _ = std::fs::remove_dir_all(&root);
        let pages = library::write(&root);
        // What each page is about, for looking into a result by hand.
        let about: Vec<String> = pages.iter().map(|p| format!("{p:?}")).collect();
        std::fs::write(root.join("pages.txt"), about.join("\n")).unwrap();
        let out = root.join("public");
        let o = run(&root, &["build", "--output", out.to_str().unwrap()]);
        assert!(o.status.success(), "library build failed:\n{}", stderr(&o));
        (out, pages)
    })
}

/// The mean precision at 3 reached on each query set; a change that ranks
/// worse fails here. Raise them when search gets better.
const SAMPLE_FLOOR: f64 = 0.9;
const LIBRARY_FLOOR: f64 = 0.95;

/// Runs a query set over file:// and http (the same results both ways),
/// prints every query's precision at 3 and checks the mean.
fn evaluate(test: &str, built: &Path, pages: &[Page], set: &str, floor: f64) {
    let Some(dir) = node_checks(test) else {
        return;
    };
    let queries = queries(set);
    assert!(queries.len() >= 30, "{set}: {} queries", queries.len());
    for q in &queries {
        for page in q.relevant(pages) {
            assert!(
                built.join(&page).is_file(),
                "{set}: {:?} expects {page}, which the site does not have",
                q.q
            );
        }
    }
    let from_file = shown(&dir, &format!("{}/", file_url(built)), &queries);
    let over_http = shown(&dir, &serve_dir(built.to_path_buf()), &queries);
    let links = |s: &[Shown]| s.iter().map(|s| s.links.clone()).collect::<Vec<_>>();
    assert_eq!(
        links(&from_file),
        links(&over_http),
        "file:// and http give other results"
    );
    let (mean, table, failures) = score(&queries, &from_file, pages);
    eprintln!(
        "\n{set}: precision at 3 = {mean:.3} over {} queries\n{table}\n",
        queries.len()
    );
    assert!(
        failures.is_empty(),
        "{set}:\n{}\n{table}",
        failures.join("\n")
    );
    assert!(
        mean >= floor,
        "{set}: precision at 3 fell to {mean:.3} (floor {floor})\n{table}"
    );
}

#[test]
fn sample_queries_precision_at_3() {
    evaluate(
        "sample_queries_precision_at_3",
        site(),
        &[],
        "sample-queries.toml",
        SAMPLE_FLOOR,
    );
}

#[test]
fn library_queries_precision_at_3() {
    let (built, pages) = library();
    assert!(pages.len() >= 800, "{} pages", pages.len());
    evaluate(
        "library_queries_precision_at_3",
        built,
        pages,
        "library-queries.toml",
        LIBRARY_FLOOR,
    );
}

/// The browser's engine and the build agree on a built site: every part of
/// the index files is read and nothing missing is expected, and the
/// browser's stemmer gives every word of the index the build's stem.
fn index_agrees(test: &str, built: &Path) {
    let Some(dir) = node_checks(test) else {
        return;
    };
    let out = node_check(
        &dir,
        "search-index-check.mjs",
        &[&format!("{}/", file_url(built))],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "missing",
        "unread",
        "missingMore",
        "unreadMore",
        "stemsDiffer",
        "errors",
    ] {
        assert_eq!(v[key], serde_json::json!([]), "{key}: {v}");
    }
    assert!(v["words"].as_u64().unwrap() > 300, "{v}");
}

#[test]
fn the_browser_reads_the_sample_index_as_the_build_wrote_it() {
    index_agrees(
        "the_browser_reads_the_sample_index_as_the_build_wrote_it",
        site(),
    );
}

#[test]
fn the_browser_reads_the_library_index_as_the_build_wrote_it() {
    index_agrees(
        "the_browser_reads_the_library_index_as_the_build_wrote_it",
        &library().0,
    );
}
