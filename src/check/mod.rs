//! Check: every problem with the content is found here, all at once, before
//! anything is rendered: fields and vocabularies, slugs, images, references
//! between pages, and links and anchors in the bodies.

pub(crate) mod blank;
pub(crate) mod body;
pub(crate) mod config;
pub(crate) mod content;
pub(crate) mod fields;
pub(crate) mod links;
pub(crate) mod names;
mod readability;
pub(crate) mod refs;
pub(crate) mod translations;
pub(crate) mod warnings;

use crate::config::{Checks, Config};
use crate::diag::Diagnostic;
use crate::markdown::{self, Scan};
use crate::model::taxonomy::Vocabularies;
use crate::model::Content;
use crate::render::Memo;
use crate::site::pages;
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// What the checks read.
pub(crate) struct Inputs<'a> {
    pub(crate) content: &'a Content,
    /// Every term a page may use.
    pub(crate) vocabs: &'a Vocabularies,
    /// The terms the site shows (those some exercise uses).
    pub(crate) shown: &'a Vocabularies,
    pub(crate) theme: &'a Theme,
    pub(crate) limits: &'a Checks,
    pub(crate) config: &'a Config,
}

/// Every problem of the content: errors and warnings, in no particular order.
pub(crate) fn check(inputs: &Inputs, memo: Option<&Memo>) -> Vec<Diagnostic> {
    let Inputs {
        content,
        vocabs,
        shown,
        theme,
        limits,
        config,
    } = *inputs;
    let mut diags = fields::check(content, vocabs, theme);
    diags.extend(blank::check(content));
    diags.extend(names::check(content, vocabs, theme));
    diags.extend(refs::check(content));
    diags.extend(translations::check(content, config));
    let sources: Vec<(usize, String)> = pages::sources(content)
        .into_iter()
        .map(|(src, route)| (src, route.path()))
        .collect();
    let scans: HashMap<usize, Arc<Scan>> = sources
        .par_iter()
        .map(|(src, _)| {
            let f = &content.files[*src];
            let scan = match memo {
                Some(m) => m.scan(&f.rel, f.body(), || markdown::scan(f.body())),
                None => Arc::new(markdown::scan(f.body())),
            };
            (*src, scan)
        })
        .collect();
    let outputs: std::collections::HashSet<String> =
        pages::all(content, shown, theme.statics.keys())
            .iter()
            .map(|p| p.route(content, shown).path())
            .collect();
    for (src, _) in &sources {
        if let Some(scan) = scans.get(src) {
            diags.extend(body::check(&content.files[*src], scan, &config.markdown));
        }
    }
    diags.extend(translations::bodies(
        content, config, &sources, &scans, &outputs,
    ));
    diags.extend(links::check(content, &sources, &scans, outputs));
    let pages: Vec<usize> = sources.iter().map(|(src, _)| *src).collect();
    diags.extend(content::check(
        content,
        &pages,
        limits.max_reading_grade,
        memo,
    ));
    diags
}
