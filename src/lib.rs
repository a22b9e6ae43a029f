//! handout: Markdown exercises → a cross-linked patient handbook and
//! printable one-page sheets.
//!
//! The pipeline runs one way: load → parse → validate → link → render → write.

// Diagnostics are plain values passed by value on the error path; boxing
// them would add noise for no measurable gain.
#![allow(clippy::result_large_err, clippy::large_enum_variant)]
#![warn(unreachable_pub, dead_code)]

pub(crate) mod check;
pub(crate) mod config;
pub mod console;
pub mod diag;
pub(crate) mod fingerprint;
// Read by the sheets and the dosage wording; the rest of its interface
// (dates, lists, languages other than English) serves the pages of a site
// in several languages.
#[allow(dead_code)]
pub(crate) mod i18n;
pub(crate) mod markdown;
pub(crate) mod model;
pub(crate) mod output;
pub(crate) mod parse;
pub mod paths;
pub mod pdf;
pub mod progress;
pub(crate) mod qr;
pub(crate) mod render;
pub mod scaffold;
pub(crate) mod search;
pub mod serve;
// Still `pub` inside: not yet held to the crate's `unreachable_pub` lint.
#[allow(unreachable_pub)]
pub(crate) mod sheet;
pub(crate) mod site;
pub(crate) mod source;
pub(crate) mod sync;
pub mod theme;
pub mod timings;

#[cfg(test)]
mod fuzz_tests;

use diag::{Diagnostic, Severity};
pub use render::{Memo, Output};
use std::path::PathBuf;

/// What a build or check should do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub strict: bool,
    pub force: bool,
    /// Results kept between builds (by `serve`), so unchanged pages are not rendered again.
    pub memo: Option<std::sync::Arc<render::Memo>>,
}

impl Options {
    /// The output folder: `--output`, or `ROOT/public`.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// Why a build stopped.
#[derive(Debug)]
pub enum Failure {
    /// Content errors (exit 1): every error and warning found.
    Content(Vec<Diagnostic>),
    /// Usage or I/O problems (exit 2).
    Usage(String),
}

/// A successful compile: the rendered files and the warnings.
pub struct Compiled {
    pub output: render::Output,
    pub warnings: Vec<Diagnostic>,
}

/// Frees `value` on another thread. Freeing a whole build's data takes a
/// good part of a rebuild in `serve` and the last tenths of a second of a
/// big `build`, and nothing needs to wait for it (a build that ends first
/// leaves the freeing to the end of the process).
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Runs load → parse → validate → link → render, with no disk writes.
pub fn compile(opts: &Options) -> Result<Compiled, Failure> {
    compile_into(opts, None)
}

/// `compile`, handing each file to `sink` as it is rendered instead of
/// keeping it in `Compiled::output.files`.
fn compile_into(opts: &Options, sink: Option<render::Sink>) -> Result<Compiled, Failure> {
    let root = &opts.root;
    let mut timer = timings::Timer::start();
    if !root.join(config::FILE).is_file() {
        return Err(Failure::Usage(format!(
            "no {} in {}\n  = help: run this in a site folder, pass --root DIR, or create a site with `handout init DIR`",
            config::FILE,
            paths::display_dir(root)
        )));
    }
    let mut config = config::load(root).map_err(Failure::Content)?;
    if let Some(base) = &opts.base_url {
        config.base_url = base.clone();
    }
    let vocabs = config.vocabularies();
    let theme = theme::Theme::load(root).map_err(Failure::Content)?;
    timer.phase("config+theme");
    let parsed = opts.memo.as_deref().map(|m| &m.content);
    let (content, mut diags) = parse::read_with(root, opts.drafts, parsed);
    diags.extend(check::config::errors(
        &config,
        &theme,
        opts.base_url.is_some(),
    ));
    timer.phase("load+parse");
    // Terms no exercise uses get no page and no filter.
    let shown = vocabs.used_by(&content);
    // Checking and linking read the same content: side by side.
    let (checked, graph) = rayon::join(
        || {
            let c = check::Inputs {
                content: &content,
                vocabs: &vocabs,
                shown: &shown,
                theme: &theme,
                limits: &config.checks,
                config: &config,
            };
            check::check(&c, opts.memo.as_deref())
        },
        || site::graph(&content, &shown),
    );
    diags.extend(checked);
    diags.extend(check::fields::unused_terms(&vocabs, &shown));
    // Kinds of warning the site turned off in `[warnings]` are dropped.
    let settings = config.warnings.clone();
    let wanted = |d: &Diagnostic| {
        d.severity == Severity::Error || check::warnings::enabled(&settings, d.kind)
    };
    diags.retain(wanted);
    let site = site::Site::new(config, shown, content, graph);
    timer.phase("validate+link");
    // Even with `--strict`, a site with only warnings is rendered, so that
    // the sheets' warnings are reported with the others.
    if has_errors(&diags) {
        diag::sort(&mut diags);
        return Err(Failure::Content(diags));
    }
    // The default language first, then each other one under its code,
    // each with the theme's words in its language.
    let mut sites = site.languages();
    let mut themes = Vec::with_capacity(sites.len());
    for site in &mut sites {
        let code = site.config.language.clone();
        let (catalog, words_diags) = i18n::Catalog::load(root, &code);
        // The sheets read the English words when the theme is loaded.
        if code != "en" {
            diags.extend(words_diags.into_iter().filter(wanted));
        }
        site.words = std::sync::Arc::new(catalog);
        themes.push(theme.in_language(&site.words, &mut diags));
    }
    if has_errors(&diags) {
        diag::sort(&mut diags);
        return Err(Failure::Content(diags));
    }
    let rendered = render::render_languages(&mut sites, &themes, sink, opts.memo.as_deref());
    let site = &sites[0];
    let output = match rendered {
        Ok(o) => o,
        Err(mut errors) => {
            errors.extend(diags);
            diag::sort(&mut errors);
            return Err(Failure::Content(errors));
        }
    };
    let mut warnings = diags;
    warnings.extend(check::config::warnings(&site.config));
    warnings.extend(check::translations::report(&site.here.all));
    warnings.extend(output.warnings.iter().cloned());
    warnings.retain(wanted);
    diag::sort(&mut warnings);
    if opts.strict && !warnings.is_empty() {
        return Err(Failure::Content(warnings));
    }
    drop_later((sites, theme, themes));
    Ok(Compiled { output, warnings })
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Builds the site and writes it to the output folder atomically.
pub fn build(opts: &Options) -> Result<Compiled, Failure> {
    let out = opts.output_dir();
    // Files are written as they are rendered, so a big site is never held
    // in memory whole; they are put in place only at the end.
    let writer =
        output::Writer::new(&opts.root, &out, opts.force).map_err(|r| Failure::Usage(r.0))?;
    let compiled = compile_into(
        opts,
        Some(&|path: &str, bytes: Vec<u8>| writer.put(path, &bytes)),
    );
    let compiled = match compiled {
        Ok(c) => c,
        Err(f) => {
            writer.abort();
            return Err(f);
        }
    };
    let mut timer = timings::Timer::start();
    writer
        .finish()
        .map_err(|e| Failure::Usage(format!("{e:#}")))?;
    timer.phase("swap");
    Ok(compiled)
}
