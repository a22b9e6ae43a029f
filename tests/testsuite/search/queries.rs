//! The query table: queries and the pages their results must (not) show,
//! checked from `file://` URLs and over HTTP.

use super::*;

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
