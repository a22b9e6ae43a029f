//! Load and parse: `content/` on disk → typed [`Content`].

pub mod dosage;
pub mod front_matter;
pub mod load;
pub mod locate;
pub mod media;
pub mod model;

pub use model::*;

use crate::diagnostics::Diagnostic;
use front_matter::Document;
use load::SourceFile;
use rayon::prelude::*;
use std::path::Path;

/// True for a valid slug: non-empty, only a–z, 0–9 and '-'.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns any title into a slug: "Wall Angels!" → "wall-angels".
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Reads and parses every content file. Drafts are dropped unless `drafts`.
pub fn read(root: &Path, drafts: bool) -> (Content, Vec<Diagnostic>) {
    read_with(root, drafts, None)
}

/// `read`, reusing the parse of files unchanged since the last build (`serve`).
pub fn read_with(
    root: &Path,
    drafts: bool,
    memo: Option<&ParseMemo>,
) -> (Content, Vec<Diagnostic>) {
    let (files, mut diags) =
        load::load_all_with(root, &root.join("content"), memo.map(|m| &m.files));
    parse_files_with(files, drafts, &mut diags, memo)
}

/// Parses already-loaded files (used by `read`, `serve` and tests).
pub fn parse_files(
    files: Vec<SourceFile>,
    drafts: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Content, Vec<Diagnostic>) {
    let files = files.into_iter().map(std::sync::Arc::new).collect();
    parse_files_with(files, drafts, diags, None)
}

fn parse_files_with(
    files: Vec<std::sync::Arc<SourceFile>>,
    drafts: bool,
    diags: &mut Vec<Diagnostic>,
    memo: Option<&ParseMemo>,
) -> (Content, Vec<Diagnostic>) {
    let parsed: Vec<(Option<Document>, Vec<Diagnostic>)> = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| match memo {
            Some(m) => m.parse(f, i),
            None => {
                let mut d = Vec::new();
                let doc = front_matter::parse(f, i, &mut d);
                (doc, d)
            }
        })
        .collect();
    let mut content = Content::default();
    for (doc, d) in parsed {
        diags.extend(d);
        match doc {
            Some(Document::Exercise(e)) if drafts || !e.draft => content.exercises.push(e),
            Some(Document::Routine(r)) if drafts || !r.draft => content.routines.push(r),
            Some(Document::Guide(g)) if drafts || !g.draft => content.guides.push(g),
            Some(Document::Home(h)) => content.home = h,
            _ => {}
        }
    }
    content
        .guides
        .sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
    content
        .exercises
        .sort_by_cached_key(|a| a.title.to_lowercase());
    content
        .routines
        .sort_by_cached_key(|a| a.title.to_lowercase());
    content.files = files;
    (content, std::mem::take(diags))
}

/// Parsed front-matter kept between builds by `serve`, by file.
#[derive(Default)]
pub struct ParseMemo {
    /// Each file's document and problems (fingerprint of the file).
    parsed: crate::fingerprint::Kept<(Option<Document>, Vec<Diagnostic>)>,
    files: load::FileMemo,
}

impl ParseMemo {
    fn parse(&self, f: &SourceFile, src: usize) -> (Option<Document>, Vec<Diagnostic>) {
        let print = crate::fingerprint::of((&f.display, &f.rel, &f.text, f.fm_line, f.body_line));
        let known = self.parsed.get_with(&f.rel, print, |(doc, d)| {
            (doc.as_ref().map(|doc| doc.at(src)), d.clone())
        });
        if let Some(known) = known {
            return known;
        }
        let mut d = Vec::new();
        let doc = front_matter::parse(f, src, &mut d);
        let kept = doc.as_ref().map(|doc| doc.at(src));
        self.parsed.keep(&f.rel, print, (kept, d.clone()));
        (doc, d)
    }

    /// Forgets the parses of content files for which `wanted` is false.
    pub fn retain(&self, wanted: impl Fn(&str) -> bool) {
        self.parsed.retain(|rel| wanted(rel));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("wall-angels-2"));
        assert!(!is_slug("Wall angels"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Wall Angels!"), "wall-angels");
        assert_eq!(slugify("  Cat / cow  "), "cat-cow");
    }
}
