//! What a site's files must not publish or hide: script links and raw HTML
//! in bodies, NUL bytes, names Windows cannot store, static files in the
//! place of a page, skipped and symlinked files, and the paths and address
//! in handout.toml. Exact messages are snapshots (`SNAPSHOTS=overwrite
//! cargo test` rewrites them).

mod bodies;
mod config;
mod names;

use crate::common::*;
use snapbox::{assert_data_eq, str, IntoData};

/// A copy of the basic fixture with `files` written over it.
fn site(files: &[(&str, &str)]) -> SiteTest {
    files
        .iter()
        .fold(SiteTest::fixture("basic"), |s, (p, t)| s.file(p, t))
}

/// `handout check` on `site`: its exit code and what it printed.
fn check(site: &SiteTest) -> (Option<i32>, String) {
    let out = site.run(&["check"]);
    (out.status.code(), stderr(&out))
}

const EXERCISE_FIELDS: &str = "summary: S.\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 10 }\n";

fn exercise(title: &str, cautions: &str) -> String {
    format!("---\ntitle: {title}\n{EXERCISE_FIELDS}cautions: {cautions}\n---\n## Tips\n\nBody.\n")
}
