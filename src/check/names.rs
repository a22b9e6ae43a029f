//! File names and page addresses that would not survive being copied or
//! served: names Windows keeps for devices (`con`, `aux`, `nul`, `com1` …)
//! or cannot store (a trailing dot or space), and static files that would
//! take the place of a generated page.

use crate::diag::Diagnostic;
use crate::model::taxonomy::Vocabularies;
use crate::model::Content;
use crate::site::pages::{self, Page};
use crate::theme::{StaticSource, Theme};
use std::collections::{HashMap, HashSet};

/// Why `name` (one part of a path) cannot be stored on Windows, if it cannot.
pub(crate) fn windows_problem(name: &str) -> Option<String> {
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("it ends with a dot or a space, which Windows drops".into());
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    let reserved = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0');
    reserved.then(|| format!("`{stem}` is a name Windows keeps for a device"))
}

/// A name like `name` that Windows can store: `aux.md` → `aux-1.md`, `x.` → `x`.
pub(crate) fn windows_fix(name: &str) -> String {
    let trimmed = name.trim_end_matches(['.', ' ']);
    if trimmed != name {
        return trimmed.to_string();
    }
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}-1.{ext}"),
        None => format!("{name}-1"),
    }
}

/// True when a page address made from `slug` can be stored everywhere.
pub(crate) fn slug_ok(slug: &str) -> bool {
    crate::model::is_slug(slug) && windows_problem(slug).is_none()
}

/// Errors for the names of content and static files, `slug:` values, and
/// static files that would replace a generated page.
pub(crate) fn check(content: &Content, vocabs: &Vocabularies, theme: &Theme) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in &content.files {
        // A file name that is no slug is reported as it is read, with a fix
        // that is a valid name everywhere.
        let stem = file_stem(&f.rel);
        if crate::model::is_slug(stem) || f.rel == "index.md" {
            path_names(&format!("content/{}", f.rel), &mut out);
        }
    }
    let disk: Vec<&String> = theme
        .statics
        .iter()
        .filter(|(_, s)| matches!(s, StaticSource::Disk(_)))
        .map(|(p, _)| p)
        .collect();
    for p in &disk {
        path_names(&format!("static/{p}"), &mut out);
    }
    slugs(content, &mut out);
    shadowed(content, vocabs, &disk, &mut out);
    out
}

/// An error for each part of `shown` (a site-relative path) Windows cannot store.
fn path_names(shown: &str, out: &mut Vec<Diagnostic>) {
    let parts: Vec<&str> = shown.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let Some(why) = windows_problem(part) else {
            continue;
        };
        let what = if i + 1 == parts.len() {
            "file"
        } else {
            "folder"
        };
        out.push(
            Diagnostic::error(
                shown,
                format!("{what} name `{part}` cannot be stored on Windows: {why}"),
            )
                .help(format!(
                    "rename the {what} (e.g. to `{}`): the site could not be copied to, or edited on, a Windows computer",
                    windows_fix(part)
                )),
        );
        return;
    }
}

fn slugs(content: &Content, out: &mut Vec<Diagnostic>) {
    let all = content
        .exercises
        .iter()
        .map(|e| (e.src, &e.slug))
        .chain(content.routines.iter().map(|r| (r.src, &r.slug)))
        .chain(content.guides.iter().map(|g| (g.src, &g.slug)));
    for (src, slug) in all {
        let f = &content.files[src];
        let stem = file_stem(&f.rel);
        // A slug taken from the file name is reported with the file name.
        let Some(why) = (slug != stem).then(|| windows_problem(slug)).flatten() else {
            continue;
        };
        let pos = f.positions().value(&["slug"]).unwrap_or_default();
        out.push(
            Diagnostic::error(
                &f.display,
                format!("slug `{slug}` cannot be a page address on Windows: {why}"),
            )
            .field("slug")
            .help(format!(
                "choose another slug, e.g. `slug: {}`",
                windows_fix(slug)
            ))
            .at(pos.line, pos.col)
            .width(pos.width)
            .with_snippet(&f.text),
        );
    }
}

/// A static file at the path of a generated page (or of one of its
/// folders) would replace it: an error naming both.
fn shadowed(content: &Content, vocabs: &Vocabularies, disk: &[&String], out: &mut Vec<Diagnostic>) {
    let sources: HashMap<String, usize> = pages::sources(content)
        .into_iter()
        .map(|(src, route)| (route.path(), src))
        .collect();
    let mut generated: HashMap<String, String> = HashMap::new();
    let mut folders: HashSet<String> = HashSet::new();
    for page in pages::all(content, vocabs, std::iter::empty()) {
        // A site's own static/robots.txt is meant to replace the made one.
        if matches!(page, Page::Static(_) | Page::Robots) {
            continue;
        }
        let path = page.route(content, vocabs).path();
        let mut folder = path.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folders.insert(parent.to_string());
            folder = parent;
        }
        let what = match sources.get(&path) {
            Some(src) => format!("the page made from {}", content.files[*src].display),
            None => format!("the generated page `{path}`"),
        };
        generated.insert(path, what);
    }
    for p in disk {
        let shown = format!("static/{p}");
        if let Some(what) = generated.get(p.as_str()) {
            out.push(
                Diagnostic::error(&shown, format!("{shown} would replace {what}")).help(format!(
                    "rename or remove {shown}: handout writes `{p}` itself"
                )),
            );
        } else if folders.contains(p.as_str()) {
            out.push(
                Diagnostic::error(&shown, format!("{shown} is in the place of the folder `{p}/` that handout writes pages into"))
                    .help(format!("rename or remove {shown}")),
            );
        }
    }
}

/// The name of a content file without its folder and `.md`.
fn file_stem(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or("").trim_end_matches(".md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_reserved_and_trailing_names() {
        for bad in [
            "con",
            "CON.md",
            "aux.md",
            "Nul.txt",
            "com1",
            "LPT9.png",
            "prn.tar.gz",
            "x.",
            "y ",
            "con .md",
        ] {
            assert!(windows_problem(bad).is_some(), "{bad}");
        }
        for good in [
            "console.md",
            "com10.md",
            "com0",
            "auxiliary",
            "lpt",
            "a.b",
            "nul-1.md",
        ] {
            assert!(windows_problem(good).is_none(), "{good}");
        }
        assert_eq!(windows_fix("aux.md"), "aux-1.md");
        assert_eq!(windows_fix("wall. "), "wall");
        assert_eq!(windows_fix("com1"), "com1-1");
    }
}
