//! The README's "How the code is laid out" table names every folder and
//! file directly under `src/`, and only ones that exist.

use crate::common::*;
use std::collections::BTreeSet;

#[test]
fn the_readme_layout_table_matches_the_source_tree() {
    let readme = read(repo().join("README.md"));
    let table = readme
        .split("## How the code is laid out")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README has a 'How the code is laid out' section");
    let on_disk: BTreeSet<String> = std::fs::read_dir(repo().join("src"))
        .expect("src")
        .filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            let dir = e.file_type().ok()?.is_dir();
            (dir || name.ends_with(".rs"))
                .then(|| format!("src/{name}{}", if dir { "/" } else { "" }))
        })
        .collect();
    // A folder counts as named when the table names it or a file in it.
    let missing: Vec<&String> = on_disk
        .iter()
        .filter(|p| !table.contains(&format!("`{p}")))
        .collect();
    assert!(
        missing.is_empty(),
        "the README's layout table does not name {missing:?}"
    );
    let named: BTreeSet<&str> = table
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("src/"))
        .collect();
    let gone: Vec<&&str> = named
        .iter()
        .filter(|p| !repo().join(p.trim_end_matches('/')).exists())
        .collect();
    assert!(
        gone.is_empty(),
        "the README's layout table names {gone:?}, which do not exist"
    );
}
