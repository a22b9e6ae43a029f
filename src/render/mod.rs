//! Render: the linked site + theme → a list of (output path, bytes). Pure:
//! no disk access, run in parallel with rayon. `build`, `serve` and the tests
//! all use this same result.

pub(crate) mod bodies;
mod builder_code;
mod builder_data;
mod contexts;
mod jobs;
mod media;
mod memo;
mod search_docs;
mod sitemap;
mod values;
pub(crate) mod views;
pub(crate) mod words;

use crate::diag::Diagnostic;
use crate::markdown::{self, LinkContext, Rendered};
use crate::site::pages;
use crate::site::Site;
use crate::theme::Theme;
pub(crate) use builder_data::BUILDER_PART;
use jobs::run;
pub use memo::Memo;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use values::Views;

/// The rendered site, ready to be written or served.
pub struct Output {
    /// (site-relative path, bytes), sorted by path (empty after `render_into`).
    pub(crate) files: Vec<(String, Bytes)>,
    pub pages: usize,
    pub sheets: usize,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// A rendered file's bytes, shared with what `serve` keeps between builds.
pub(crate) type Bytes = std::sync::Arc<Vec<u8>>;

/// Renders every Markdown body, by source index, with `.md` links turned
/// into links to the built pages.
pub(crate) fn bodies(site: &Site, memo: Option<&Memo>) -> HashMap<usize, Arc<Rendered>> {
    let c = &site.content;
    let srcs: Vec<(usize, String)> = pages::sources(c)
        .into_iter()
        .map(|(src, route)| (src, out_path(site, src, route)))
        .collect();
    // Links lead to the page in the same language, or in the default
    // language where there is no translation; by the original's path.
    let mut pages: HashMap<String, String> = match site.here.index {
        0 => HashMap::new(),
        _ => site.here.all.originals.clone(),
    };
    pages.extend(
        srcs.iter()
            .map(|(src, out)| (original(site, *src), out.clone())),
    );
    // What links can point to: a body whose text and targets are unchanged
    // renders the same.
    let targets = memo.map(|_| {
        let mut pages: Vec<_> = pages.iter().collect();
        pages.sort();
        memo::print_of(pages)
    });
    srcs.par_iter()
        .map(|(src, out)| {
            let f = &c.files[*src];
            let ctx = LinkContext {
                content_path: &f.rel,
                output_path: out,
                pages: &pages,
                raw_html: site.config.markdown.raw_html,
            };
            let body = match (memo, targets) {
                (Some(m), Some(t)) => {
                    let print = memo::print_of((t, &f.text, out, ctx.raw_html));
                    m.body(&f.rel, print, || markdown::render(f.body(), &ctx))
                }
                _ => Arc::new(markdown::render(f.body(), &ctx)),
            };
            (*src, body)
        })
        .collect()
}

/// The content path of the original of the page made from file `src`.
fn original(site: &Site, src: usize) -> String {
    let rel = &site.content.files[src].rel;
    crate::source::load::original_of(rel).unwrap_or_else(|| rel.clone())
}

/// Where the page made from file `src` (at `route` in its language) is
/// written: an exercise that is only there for a routine is the default
/// language's page.
fn out_path(site: &Site, src: usize, route: crate::site::routes::Route) -> String {
    match site.content.files[src].lang.is_some() || site.here.index == 0 {
        true => site.path(route),
        false => route.path(),
    }
}

/// Receives each rendered file (site-relative path, bytes) as soon as it is
/// made, from any thread.
pub(crate) type Sink<'a> = &'a (dyn Fn(&str, Vec<u8>) + Sync);

/// Renders the site in each of its languages (`sites`, the default
/// language first), into `sink` or, without one, into memory. What `serve`
/// keeps (`memo`) is for the default language.
pub(crate) fn render_languages(
    sites: &mut [Site],
    themes: &[Theme],
    sink: Option<Sink>,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    let mut all = Output {
        files: Vec::new(),
        pages: 0,
        sheets: 0,
        warnings: Vec::new(),
    };
    let mut errors = Vec::new();
    for (i, (site, theme)) in sites.iter_mut().zip(themes).enumerate() {
        let memo = memo.filter(|_| i == 0);
        let mut timer = crate::timings::Timer::start();
        let bodies = bodies(site, memo);
        timer.phase("markdown");
        crate::timings::HIGHLIGHT.report("  highlighting");
        // Nothing after the bodies reads the sources: without a `serve`
        // cache to keep them for the next build, they are let go.
        if memo.is_none() {
            site.content.release_texts();
        }
        let site = &*site;
        let out = match sink {
            Some(sink) => render_into(site, theme, bodies, sink, memo),
            None => render_with(site, theme, bodies, memo),
        };
        match out {
            Ok(o) => {
                all.files.extend(o.files);
                all.pages += o.pages;
                all.sheets += o.sheets;
                all.warnings.extend(o.warnings);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if sites.len() > 1 {
        all.files.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Ok(all)
}

/// Renders the whole site into memory (`Output::files`, sorted by path),
/// reusing what is unchanged since the last build from `memo`. Template
/// errors are all collected.
pub(crate) fn render_with(
    site: &Site,
    theme: &Theme,
    bodies: HashMap<usize, Arc<Rendered>>,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    let files = std::sync::Mutex::new(Vec::new());
    let mut output = render_shared(
        site,
        theme,
        bodies,
        &|path: &str, bytes: Bytes| {
            crate::sync::lock(&files).push((path.to_string(), bytes));
        },
        memo,
    )?;
    let mut files = crate::sync::into_inner(files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    output.files = files;
    Ok(output)
}

/// Renders the whole site, handing each file to `sink` as soon as it is made
/// (so a build can write it and keep nothing); `Output::files` stays empty.
/// With a `memo` (kept by `serve`), what is unchanged since the last build
/// is reused instead of rendered again.
pub(crate) fn render_into(
    site: &Site,
    theme: &Theme,
    bodies: HashMap<usize, Arc<Rendered>>,
    sink: Sink,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    render_shared(
        site,
        theme,
        bodies,
        &|path: &str, bytes: Bytes| {
            sink(
                path,
                std::sync::Arc::try_unwrap(bytes).unwrap_or_else(|b| b.to_vec()),
            )
        },
        memo,
    )
}

/// `render_into`, handing over bytes that may also be kept in `memo`.
fn render_shared(
    site: &Site,
    theme: &Theme,
    bodies: HashMap<usize, Arc<Rendered>>,
    sink: &(dyn Fn(&str, Bytes) + Sync),
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    let mut timer = crate::timings::Timer::start();
    let mut bodies = bodies::Bodies::new(bodies, memo.is_none());
    let jobs = pages::of_language(site, theme.statics.keys());
    crate::progress::stage("rendering", jobs.len());

    let mut views = Views::new(site, theme, &mut bodies, memo);
    timer.phase("views");
    let mut warnings = Vec::new();
    let prints = memo.map(|_| memo::Prints::new(site, theme.print, &views, &bodies));
    // Both search files come from one analysis of every page, read on
    // every core.
    let docs = views.search_docs(site, &bodies);
    let facets = views.search_facets();
    let read = crate::search::read(
        docs,
        &facets,
        &site.config.language,
        &site.config.search,
        memo.map(|m| &m.search),
    );
    // The bodies' plain text was there for search, and is read: let go of
    // it (unless `serve` keeps the body for the next build).
    bodies.forget_text();
    timer.phase("search index");
    // Putting the index together takes one thread: the sheets are laid out
    // on the other meanwhile. Both come before the template values, so a
    // big site never holds the pages' words and those values at once.
    let (search, fits) = rayon::join(
        || read.files(),
        || match (memo, &prints) {
            (Some(memo), Some(prints)) => {
                memo.sheet_fits(site, &theme.sheet, prints, &views.routines, &bodies)
            }
            _ => fit_routines(site, &theme.sheet, &views.routines, &bodies),
        },
    );
    drop(facets);
    *crate::sync::lock(&views.search) = search;
    let (fits, fit_warnings): (Vec<_>, Vec<_>) = fits.into_iter().unzip();
    warnings.extend(fit_warnings.into_iter().flatten());
    views.fits = fits;
    timer.phase("sheet layouts");
    views.make_values(site);
    bodies.hand_over_html();
    timer.phase("template values");
    let (search_jobs, page_jobs): (Vec<&pages::Page>, Vec<&pages::Page>) = jobs
        .iter()
        .partition(|j| matches!(j, pages::Page::SearchIndex | pages::Page::SearchMore));
    let render_all = |views: &Views, jobs: &[&pages::Page]| -> Vec<Result<String, Diagnostic>> {
        // Jobs differ a lot in cost (a term page lists thousands of
        // exercises, an exercise page one), so they are handed out a few at
        // a time: with rayon's default splitting one thread could be left
        // with a long run of costly jobs while the other waits.
        jobs.par_iter()
            .with_max_len(4)
            .filter_map(|&job| {
                let r = crate::timings::JOBS.time(job.kind(), || {
                    let print = prints.as_ref().and_then(|p| p.job(site, job));
                    let (Some(memo), Some(print)) = (memo, print) else {
                        return run(site, theme, views, &bodies, job).transpose();
                    };
                    let path = site.path(site.route(job));
                    if let Some(bytes) = memo.file(&path, print) {
                        return Some(Ok((path, bytes)));
                    }
                    let r = run(site, theme, views, &bodies, job).transpose();
                    if let Some(Ok((path, bytes))) = &r {
                        memo.keep(path, print, bytes);
                    }
                    r
                });
                crate::progress::tick();
                r.map(|r| {
                    r.map(|(path, bytes)| {
                        sink(&path, bytes);
                        path
                    })
                })
            })
            .collect()
    };
    // The search files first: they are let go of once written.
    let search = render_all(&views, &search_jobs);
    let mut results = render_all(&views, &page_jobs);
    results.extend(search);
    timer.phase("templates");
    crate::timings::JOBS.report();
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|a| a.render());
        errors.dedup_by(|a, b| a.render() == b.render());
        return Err(errors);
    }
    let print = format!("{}print/", site.here.prefix());
    let sheets = files.iter().filter(|p| p.starts_with(&print)).count();
    let pages = files
        .iter()
        .filter(|p| p.ends_with(".html") && !p.starts_with(&print))
        .count();
    if let Some(memo) = memo {
        // Pages or files gone since the last build: forget what was kept
        // for them (only then, as it costs a few milliseconds).
        let sources: Vec<&str> = site.content.files.iter().map(|f| f.rel.as_str()).collect();
        if memo.listing_changed(memo::print_of((&files, &sources))) {
            let outputs: HashSet<&str> = files.iter().map(String::as_str).collect();
            let sources: HashSet<&str> = sources.into_iter().collect();
            let urls: HashSet<&str> = views
                .exercises
                .iter()
                .map(|e| e.url.as_str())
                .chain(views.routines.iter().map(|r| r.url.as_str()))
                .chain(views.site.guides.iter().map(|g| g.url.as_str()))
                .collect();
            memo.forget_others(&outputs, &sources, &urls);
        }
    }
    // Nothing waits for this build's data to be freed (a good part of a
    // second at 10,000 exercises): not the pages waiting for a reload in
    // `serve`, nor the swap of the new site into place in `build`.
    crate::drop_later((views, bodies, prints, jobs, files));
    Ok(Output {
        files: Vec::new(),
        pages,
        sheets,
        warnings,
    })
}

/// The sheet layouts of every routine (and a warning for each that needs
/// more than one page), worked out once per build before rendering.
fn fit_routines(
    site: &Site,
    kit: &crate::sheet::Kit,
    routines: &[views::RoutineView],
    bodies: &HashMap<usize, Arc<Rendered>>,
) -> Vec<crate::sheet::Fitting> {
    (0..routines.len())
        .into_par_iter()
        .map(|i| fit_routine(site, kit, i, &routines[i], bodies))
        .collect()
}

/// The sheet layouts of routine `i`, whose view is `v`.
fn fit_routine(
    site: &Site,
    kit: &crate::sheet::Kit,
    i: usize,
    v: &views::RoutineView,
    bodies: &HashMap<usize, Arc<Rendered>>,
) -> crate::sheet::Fitting {
    let r = &site.content.routines[i];
    let intro = bodies.get(&r.src).map_or("", |b| b.intro.as_str());
    let file = &site.content.files[r.src].display;
    crate::sheet::fit_routine(&site.config, kit, v, intro, file)
}
