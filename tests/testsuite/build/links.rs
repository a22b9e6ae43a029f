//! Every relative link of a built site resolves, checked by a small link
//! checker that is itself tested.

use super::*;
use std::collections::BTreeMap;

/// Every relative href/src in every HTML file points to a file, and its #anchor to an id.
fn check_links(public: &Path) -> Vec<String> {
    let files = all_files(public);
    let mut ids: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let html: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
        .collect();
    for (path, text) in &html {
        let list = text
            .split(" id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(String::from)
            .collect();
        ids.insert(path.as_str(), list);
    }
    let mut broken = Vec::new();
    for (path, text) in &html {
        for attr in [" href=\"", " src=\""] {
            for chunk in text.split(attr).skip(1) {
                let Some(url) = chunk.split('"').next() else {
                    continue;
                };
                let url = url.replace("&amp;", "&");
                if url.is_empty()
                    || url.starts_with('/')
                    || url.contains("://")
                    || url.starts_with("mailto:")
                    || url.starts_with("tel:")
                    || url.starts_with("data:")
                    || url.starts_with("javascript:")
                {
                    continue;
                }
                if url.contains("{{") {
                    broken.push(format!("{path}: unrendered template in {url}"));
                    continue;
                }
                let (file, frag) = match url.split_once('#') {
                    Some((f, a)) => (f.to_string(), Some(a.to_string())),
                    None => (url.clone(), None),
                };
                let file = file.split('?').next().unwrap_or("").to_string();
                let target = if file.is_empty() {
                    path.to_string()
                } else {
                    let mut parts: Vec<&str> = path.split('/').collect();
                    parts.pop();
                    for seg in file.split('/') {
                        match seg {
                            "." | "" => {}
                            ".." => {
                                if parts.pop().is_none() {
                                    broken.push(format!("{path}: {url} climbs above the site"));
                                }
                            }
                            s => parts.push(s),
                        }
                    }
                    parts.join("/")
                };
                if !files.contains_key(&target) {
                    broken.push(format!("{path}: {url} → missing {target}"));
                } else if let Some(f) = frag {
                    // `builder.html#add=slug` is the builder's state, not an anchor.
                    let state = target.ends_with("builder.html") && f.contains('=');
                    if !f.is_empty()
                        && !state
                        && !ids.get(target.as_str()).is_some_and(|l| l.contains(&f))
                    {
                        broken.push(format!("{path}: {url} → no id {f} in {target}"));
                    }
                }
            }
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_fixture_site_resolves() {
    let site = fixture("basic");
    assert!(build(site.path(), &[]).status.success());
    let broken = check_links(&site.path().join("public"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_relative_link_in_the_sample_handbook_resolves() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build_sample(&public);
    let broken = check_links(&public);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn link_checker_catches_a_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a")).unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<a href=\"a/x.html#top\">x</a><a href=\"a/y.html\">y</a>",
    )
    .unwrap();
    fs::write(dir.path().join("a/x.html"), "<h1 id=\"other\">x</h1>").unwrap();
    let broken = check_links(dir.path());
    assert_eq!(broken.len(), 2, "{broken:?}");
}
