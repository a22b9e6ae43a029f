//! Render: the linked site + theme → a list of (output path, bytes). Pure:
//! no disk access, run in parallel with rayon. `build`, `serve` and the tests
//! all use this same result.

mod context;
mod measure;
mod memo;
mod sheet;
pub mod sheet_fit;
pub mod views;

use crate::diagnostics::{Diagnostic, Severity};
use crate::link::Site;
use crate::markdown::{self, LinkContext, Rendered};
use crate::theme::{StaticSource, Theme};
use context::Views;
pub use memo::Memo;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The rendered site, ready to be written or served.
pub struct Output {
    /// (site-relative path, bytes), sorted by path (empty after `render_into`).
    pub files: Vec<(String, Bytes)>,
    pub pages: usize,
    pub sheets: usize,
    pub warnings: Vec<Diagnostic>,
}

/// A rendered file's bytes, shared with what `serve` keeps between builds.
pub type Bytes = std::sync::Arc<Vec<u8>>;

/// One unit of rendering work.
#[derive(Debug, Clone, Hash)]
enum Job {
    Home,
    Exercise(usize),
    Routine(usize),
    Guide(usize),
    ExerciseIndex,
    RoutineIndex,
    Taxonomy(usize),
    Term(usize, String),
    Search,
    NotFound,
    ExerciseSheet(usize),
    RoutineSheet(usize, bool),
    SearchIndex,
    /// What search loads after the first results (`search-index-more.js`).
    SearchMore,
    Sitemap,
    Static(String),
}

impl Job {
    /// The kind of job, for timings.
    fn kind(&self) -> &'static str {
        match self {
            Job::Home => "home",
            Job::Exercise(_) => "exercise",
            Job::Routine(_) => "routine",
            Job::Guide(_) => "guide",
            Job::ExerciseIndex => "exercise index",
            Job::RoutineIndex => "routine index",
            Job::Taxonomy(_) => "taxonomy",
            Job::Term(..) => "term",
            Job::Search => "search page",
            Job::NotFound => "404",
            Job::ExerciseSheet(_) => "exercise sheet",
            Job::RoutineSheet(..) => "routine sheet",
            Job::SearchIndex => "search index",
            Job::SearchMore => "search index",
            Job::Sitemap => "sitemap",
            Job::Static(_) => "static",
        }
    }
}

/// The output path of a content file, e.g. `exercises/wall-angels.html`.
pub fn page_path(site: &Site, src: usize) -> Option<String> {
    let c = &site.content;
    if c.home.src == Some(src) {
        return Some("index.html".into());
    }
    c.exercises
        .iter()
        .find(|e| e.src == src)
        .map(|e| format!("exercises/{}.html", e.slug))
        .or_else(|| {
            c.routines
                .iter()
                .find(|r| r.src == src)
                .map(|r| format!("routines/{}.html", r.slug))
        })
        .or_else(|| {
            c.guides
                .iter()
                .find(|g| g.src == src)
                .map(|g| format!("guides/{}.html", g.slug))
        })
}

/// Renders every Markdown body and checks its links. Returns the rendered
/// bodies by source index and every link problem found.
pub fn bodies(site: &Site, theme: &Theme) -> (HashMap<usize, Arc<Rendered>>, Vec<Diagnostic>) {
    bodies_with(site, theme, None)
}

/// `bodies`, reusing unchanged bodies from `memo`.
fn bodies_with(
    site: &Site,
    theme: &Theme,
    memo: Option<&Memo>,
) -> (HashMap<usize, Arc<Rendered>>, Vec<Diagnostic>) {
    let c = &site.content;
    // Every content page: its output path and heading ids, for link checking.
    let mut srcs: Vec<(usize, String)> = Vec::new();
    if let Some(src) = c.home.src {
        srcs.push((src, "index.html".into()));
    }
    srcs.extend(
        c.exercises
            .iter()
            .map(|e| (e.src, format!("exercises/{}.html", e.slug))),
    );
    srcs.extend(
        c.routines
            .iter()
            .map(|r| (r.src, format!("routines/{}.html", r.slug))),
    );
    srcs.extend(
        c.guides
            .iter()
            .map(|g| (g.src, format!("guides/{}.html", g.slug))),
    );
    let pages: HashMap<String, (String, Arc<HashSet<String>>)> = srcs
        .par_iter()
        .map(|(src, out)| {
            let f = &c.files[*src];
            let ids = match memo {
                Some(m) => m.ids(&f.rel, f.body(), || markdown::heading_ids(f.body())),
                None => Arc::new(markdown::heading_ids(f.body())),
            };
            (f.rel.clone(), (out.clone(), ids))
        })
        .collect();

    let mut outputs: HashSet<String> = jobs(site, theme)
        .iter()
        .filter_map(|j| job_path(site, j))
        .collect();
    outputs.extend(srcs.iter().map(|(_, o)| o.clone()));
    // What every link can point to: a body whose text and targets are
    // unchanged renders the same.
    let targets = memo.map(|_| {
        let mut pages: Vec<_> = pages
            .iter()
            .map(|(rel, (out, ids))| {
                let mut ids: Vec<_> = ids.iter().collect();
                ids.sort();
                (rel, out, ids)
            })
            .collect();
        pages.sort();
        let mut outputs: Vec<_> = outputs.iter().collect();
        outputs.sort();
        memo::print_of((pages, outputs))
    });

    // Markdown bodies, in parallel; link errors are collected from all files.
    let rendered: Vec<(usize, Arc<Rendered>, Vec<Diagnostic>)> = srcs
        .par_iter()
        .map(|(src, out)| {
            let f = &c.files[*src];
            let ctx = LinkContext {
                content_path: &f.rel,
                output_path: out,
                pages: &pages,
                outputs: &outputs,
                display: &f.display,
                text: &f.text,
                body_line: f.body_line,
            };
            let (r, d) = match (memo, targets) {
                (Some(m), Some(t)) => {
                    let print = memo::print_of((t, &f.text, &f.display, f.body_line, out));
                    m.body(&f.rel, print, || markdown::render(f.body(), &ctx))
                }
                _ => {
                    let (r, d) = markdown::render(f.body(), &ctx);
                    (Arc::new(r), d)
                }
            };
            (*src, r, d)
        })
        .collect();
    let mut diags = Vec::new();
    let mut bodies: HashMap<usize, Arc<Rendered>> = HashMap::new();
    for (src, r, d) in rendered {
        diags.extend(d);
        bodies.insert(src, r);
    }
    (bodies, diags)
}

/// Receives each rendered file (site-relative path, bytes) as soon as it is
/// made, from any thread.
pub type Sink<'a> = &'a (dyn Fn(&str, Vec<u8>) + Sync);

/// Renders the whole site into memory (`Output::files`, sorted by path).
/// Errors (broken links, template errors) are all collected.
pub fn render(site: &Site, theme: &Theme) -> Result<Output, Vec<Diagnostic>> {
    render_with(site, theme, None)
}

/// `render`, reusing what is unchanged since the last build from `memo`.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    let files = std::sync::Mutex::new(Vec::new());
    let mut output = render_shared(
        site,
        theme,
        &|path: &str, bytes: Bytes| {
            if let Ok(mut files) = files.lock() {
                files.push((path.to_string(), bytes));
            }
        },
        memo,
    )?;
    let mut files = files.into_inner().unwrap_or_else(|p| p.into_inner());
    files.sort_by(|a, b| a.0.cmp(&b.0));
    output.files = files;
    Ok(output)
}

/// Renders the whole site, handing each file to `sink` as soon as it is made
/// (so a build can write it and keep nothing); `Output::files` stays empty.
/// With a `memo` (kept by `serve`), what is unchanged since the last build
/// is reused instead of rendered again.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    sink: Sink,
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    render_shared(
        site,
        theme,
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
    sink: &(dyn Fn(&str, Bytes) + Sync),
    memo: Option<&Memo>,
) -> Result<Output, Vec<Diagnostic>> {
    let mut timer = crate::timings::Timer::start();
    let (bodies, diags) = bodies_with(site, theme, memo);
    timer.phase("markdown");
    crate::timings::HIGHLIGHT.report("  highlighting");
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(diags);
    }
    let jobs = jobs(site, theme);
    crate::progress::stage("rendering", jobs.len());

    let mut views = Views::new(site, &bodies);
    timer.phase("views");
    let mut warnings = diags;
    if !site.config.has_absolute_base_url() {
        warnings.push(
            Diagnostic::warning(crate::config::FILE, "printed sheets have no QR code, because `base_url` is not an absolute web address")
                .field("base_url")
                .help("set `base_url = \"https://your-clinic.example/handbook/\"` in handout.toml to print a QR code to each page"),
        );
    }
    let prints = memo.map(|_| memo::Prints::new(site, theme.print, &views, &bodies));
    let fits = match (memo, &prints) {
        (Some(memo), Some(prints)) => memo.sheet_fits(site, prints, &views.routines, &bodies),
        _ => sheet::fits(site, &views.routines, &bodies),
    };
    let (fits, fit_warnings): (Vec<_>, Vec<_>) = fits.into_iter().unzip();
    warnings.extend(fit_warnings.into_iter().flatten());
    views.fits = fits;
    timer.phase("sheet layouts");
    // Both search files come from one analysis of every page.
    let search = crate::search::files(
        &views.search_docs(site, &bodies),
        &views.search_facets(),
        &site.config.language,
        &site.config.search,
        memo.map(|m| &m.search),
    );
    views.search = search;
    timer.phase("search index");
    // Jobs differ a lot in cost (a term page lists thousands of exercises,
    // an exercise page one), so they are handed out a few at a time: with
    // rayon's default splitting one thread could be left with a long run of
    // costly jobs while the other waits.
    let results: Vec<Result<String, Diagnostic>> = jobs
        .par_iter()
        .with_max_len(4)
        .filter_map(|job| {
            let r = crate::timings::JOBS.time(job.kind(), || {
                let print = prints.as_ref().and_then(|p| p.job(site, job));
                let (Some(memo), Some(print)) = (memo, print) else {
                    return run(site, theme, &views, &bodies, job).transpose();
                };
                let path = job_path(site, job)?;
                if let Some(bytes) = memo.file(&path, print) {
                    return Some(Ok((path, bytes)));
                }
                let r = run(site, theme, &views, &bodies, job).transpose();
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
        .collect();
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
    let sheets = files.iter().filter(|p| p.starts_with("print/")).count();
    let pages = files
        .iter()
        .filter(|p| p.ends_with(".html") && !p.starts_with("print/"))
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

fn jobs(site: &Site, theme: &Theme) -> Vec<Job> {
    let c = &site.content;
    let mut jobs = vec![
        Job::Home,
        Job::ExerciseIndex,
        Job::RoutineIndex,
        Job::Search,
        Job::NotFound,
        Job::SearchIndex,
        Job::SearchMore,
        Job::Sitemap,
    ];
    // The costliest pages first, so no thread is left with them at the end.
    for (t, vocab) in site.vocabs.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        jobs.extend(
            vocab
                .terms
                .iter()
                .map(|(term, _)| Job::Term(t, term.clone())),
        );
    }
    jobs.extend((0..c.exercises.len()).map(Job::Exercise));
    jobs.extend((0..c.exercises.len()).map(Job::ExerciseSheet));
    jobs.extend((0..c.routines.len()).map(Job::Routine));
    jobs.extend(
        (0..c.routines.len())
            .flat_map(|i| [Job::RoutineSheet(i, false), Job::RoutineSheet(i, true)]),
    );
    jobs.extend((0..c.guides.len()).map(Job::Guide));
    jobs.extend(theme.statics.keys().map(|p| Job::Static(p.clone())));
    jobs
}

fn job_path(site: &Site, job: &Job) -> Option<String> {
    let c = &site.content;
    Some(match job {
        Job::Home => "index.html".into(),
        Job::Exercise(i) => format!("exercises/{}.html", c.exercises[*i].slug),
        Job::Routine(i) => format!("routines/{}.html", c.routines[*i].slug),
        Job::Guide(i) => format!("guides/{}.html", c.guides[*i].slug),
        Job::ExerciseIndex => "exercises/index.html".into(),
        Job::RoutineIndex => "routines/index.html".into(),
        Job::Taxonomy(t) => format!("{}/index.html", site.vocabs[*t].name),
        Job::Term(t, term) => format!("{}/{term}.html", site.vocabs[*t].name),
        Job::Search => "search.html".into(),
        Job::NotFound => "404.html".into(),
        Job::ExerciseSheet(i) => format!("print/exercises/{}.html", c.exercises[*i].slug),
        Job::RoutineSheet(i, false) => format!("print/routines/{}.html", c.routines[*i].slug),
        Job::RoutineSheet(i, true) => format!("print/routines/{}.large.html", c.routines[*i].slug),
        Job::SearchIndex => "search-index.js".into(),
        Job::SearchMore => "search-index-more.js".into(),
        Job::Sitemap => "sitemap.xml".into(),
        Job::Static(p) => p.clone(),
    })
}

fn run(
    site: &Site,
    theme: &Theme,
    views: &Views,
    bodies: &HashMap<usize, Arc<Rendered>>,
    job: &Job,
) -> Result<Option<(String, Bytes)>, Diagnostic> {
    let Some(path) = job_path(site, job) else {
        return Ok(None);
    };
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
        Job::SearchIndex => views.search.index.clone().into_bytes(),
        Job::SearchMore => views.search.more.clone().into_bytes(),
        Job::Sitemap => context::sitemap(site, views).into_bytes(),
        _ => {
            let (template, ctx) = context::page(site, views, bodies, job, &path);
            theme.render(template, &ctx)?.into_bytes()
        }
    };
    Ok(Some((path, Bytes::new(bytes))))
}
