//! handout: Markdown exercises → a cross-linked patient handbook and
//! printable one-page sheets.
//!
//! The pipeline runs one way: load → parse → validate → link → render → write.

// Diagnostics are plain values passed by value on the error path; boxing
// them would add noise for no measurable gain.
#![allow(clippy::result_large_err, clippy::large_enum_variant)]

pub mod config;
pub mod console;
pub mod content;
pub mod diagnostics;
pub mod fingerprint;
pub mod link;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod pdf;
pub mod progress;
pub mod qr;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;
pub mod timings;
pub mod validate;
pub mod yaml;

use diagnostics::{Diagnostic, Severity};
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
pub fn drop_later<T: Send + 'static>(value: T) {
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
    let (content, mut diags) = content::read_with(root, opts.drafts, parsed);
    timer.phase("load+parse");
    // Checking and linking read the same content: side by side.
    let (checked, (graph, link_diags)) = rayon::join(
        || validate::validate(&content, &vocabs, &theme),
        || link::graph(&content),
    );
    diags.extend(checked);
    diags.extend(link_diags);
    let site = graph.into_site(config, vocabs, content);
    timer.phase("validate+link");
    if has_errors(&diags, opts.strict) {
        // Still check every body's links, so one run reports every problem.
        diags.extend(render::bodies(&site, &theme).1);
        diagnostics::sort(&mut diags);
        return Err(Failure::Content(diags));
    }
    let rendered = match sink {
        Some(sink) => render::render_into(&site, &theme, sink, opts.memo.as_deref()),
        None => render::render_with(&site, &theme, opts.memo.as_deref()),
    };
    let output = match rendered {
        Ok(o) => o,
        Err(mut errors) => {
            errors.extend(diags);
            diagnostics::sort(&mut errors);
            return Err(Failure::Content(errors));
        }
    };
    let mut warnings = diags;
    warnings.extend(output.warnings.iter().cloned());
    diagnostics::sort(&mut warnings);
    if opts.strict && !warnings.is_empty() {
        return Err(Failure::Content(warnings));
    }
    drop_later((site, theme));
    Ok(Compiled { output, warnings })
}

fn has_errors(diags: &[Diagnostic], strict: bool) -> bool {
    diags
        .iter()
        .any(|d| d.severity == Severity::Error || strict)
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
