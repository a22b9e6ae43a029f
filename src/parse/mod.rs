//! Parse: the loaded content files → the typed model ([`Content`]).

pub(crate) mod dosage;
mod effort_load;
mod frequency;
pub(crate) mod front_matter;
mod media;
mod reader;
mod translation;

use crate::model::Content;

use crate::diag::Diagnostic;
use crate::source::load::{self, SourceFile};
use front_matter::Document;
use rayon::prelude::*;
use std::path::Path;

/// Reads and parses every content file (drafts are dropped unless
/// `drafts`), reusing the parse of files unchanged since the last build
/// (`serve`).
pub(crate) fn read_with(
    root: &Path,
    drafts: bool,
    memo: Option<&ParseMemo>,
) -> (Content, Vec<Diagnostic>) {
    let (files, mut diags) =
        load::load_all_with(root, &root.join("content"), memo.map(|m| &m.files));
    parse_files_with(files, drafts, &mut diags, memo)
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
            Some(Document::Translation(t)) => content.translations.push(t),
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
pub(crate) struct ParseMemo {
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
    pub(crate) fn retain(&self, wanted: impl Fn(&str) -> bool) {
        self.parsed.retain(|rel| wanted(rel));
    }
}
