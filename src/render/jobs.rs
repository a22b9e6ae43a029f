//! Rendering one page or file of the site (a [`Page`]) into bytes.

use super::context::{self, Views};
use super::{Bytes, Memo};
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::site::pages::Page as Job;
use crate::site::Site;
use crate::theme::{StaticSource, Theme};
use std::collections::HashMap;
use std::sync::Arc;

/// Runs one job: its output path and bytes, or a template error.
pub(super) fn run(
    site: &Site,
    theme: &Theme,
    views: &Views,
    bodies: &HashMap<usize, Arc<Rendered>>,
    job: &Job,
    memo: Option<&Memo>,
) -> Result<Option<(String, Bytes)>, Diagnostic> {
    let path = site.route(job).path();
    let bytes = match job {
        Job::Static(p) => match theme.statics.get(p) {
            Some(StaticSource::Embedded(b)) => b.to_vec(),
            Some(StaticSource::Disk(file)) => std::fs::read(file).map_err(|e| {
                Diagnostic::error(
                    format!("static/{p}"),
                    format!("cannot read static file: {e}"),
                )
            })?,
            None => return Ok(None),
        },
        Job::SearchIndex => crate::search::index_js_with(
            &views.search_docs(site, bodies),
            &views.search_facets(),
            &site.config.search.synonyms,
            memo.map(|m| &m.search),
        )
        .into_bytes(),
        Job::Sitemap => context::sitemap(site, views).into_bytes(),
        _ => {
            let (template, ctx) = context::page(site, views, bodies, job, &path);
            theme.render(template, &ctx)?.into_bytes()
        }
    };
    Ok(Some((path, Bytes::new(bytes))))
}
