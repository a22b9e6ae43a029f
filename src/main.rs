//! The `handout` command line: arguments → options → library call → exit code.

#![warn(unreachable_pub, dead_code)]

mod cli {
    pub(crate) mod args;
    pub(crate) mod print;
}

use clap::{CommandFactory, Parser};
use cli::args::{
    BuildArgs, CheckArgs, Cli, Command, Format, Global, NewKind, PdfArgs, ThemeAction,
};
use cli::print::Printer;
use handout::diag::plural;
use handout::paths::{display_dir, shown};
use handout::Options;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

// A build makes and frees millions of small strings on every core; the
// system allocator spends a seventh of a big build's CPU time on them.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.global.verbose {
        handout::timings::enable();
    }
    let g = &cli.global;
    match cli.command {
        Command::Build(a) => build(g, &a),
        Command::Check(a) => check(g, &a),
        Command::Pdf(a) => pdf(g, &a),
        Command::Serve(a) => {
            let p = Printer::new(g, Format::Human, "serve");
            match handout::serve::serve(&(&a).into(), &p) {
                Ok(()) => ExitCode::SUCCESS,
                Err(msg) => p.usage(&msg),
            }
        }
        Command::Init(a) => init(g, a.dir.as_deref().unwrap_or(Path::new("."))),
        Command::New { kind } => {
            let p = Printer::new(g, Format::Human, "new");
            let (root, kind, title) = match kind {
                NewKind::Exercise { title, root } => {
                    (root.root, handout::scaffold::Kind::Exercise, title)
                }
                NewKind::Routine { title, root } => {
                    (root.root, handout::scaffold::Kind::Routine, title)
                }
            };
            match handout::scaffold::new_file(&root, kind, &title) {
                Ok(path) => {
                    p.note(&format!("  created {}", shown(&path)));
                    ExitCode::SUCCESS
                }
                Err(e) => p.usage(&format!("{e:#}")),
            }
        }
        Command::Theme {
            action: ThemeAction::Eject { root, force },
        } => eject(g, &root.root, force),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "handout", &mut script);
            handout::console::out(&String::from_utf8_lossy(&script));
            ExitCode::SUCCESS
        }
    }
}

/// `handout build`.
fn build(g: &Global, a: &BuildArgs) -> ExitCode {
    let p = Printer::new(g, a.check.format, "build");
    let opts = Options::from(a);
    let started = Instant::now();
    let progress = (!p.quiet()).then(handout::progress::show).flatten();
    let result = handout::build(&opts);
    drop(progress);
    match result {
        Ok(c) => {
            let out = shown(&opts.output_dir());
            p.success(
                &c.warnings,
                &format!(
                    "Built {}, {} in {:.2} s → {out}/{}",
                    plural(c.output.pages, "page"),
                    plural(c.output.sheets, "sheet"),
                    started.elapsed().as_secs_f64(),
                    handout::diag::warning_tail(&c.warnings)
                ),
                json!({ "pages": c.output.pages, "sheets": c.output.sheets, "output": out }),
            );
            ExitCode::SUCCESS
        }
        Err(f) => p.failure(f, "Build", " Nothing was written."),
    }
}

/// `handout check`: everything `build` checks; writes nothing.
fn check(g: &Global, a: &CheckArgs) -> ExitCode {
    let p = Printer::new(g, a.format, "check");
    match handout::compile(&Options::from(a)) {
        Ok(c) => {
            p.success(
                &c.warnings,
                &format!(
                    "Checked {} and {}: no errors{}",
                    plural(c.output.pages, "page"),
                    plural(c.output.sheets, "sheet"),
                    handout::diag::warning_tail(&c.warnings)
                ),
                json!({ "pages": c.output.pages, "sheets": c.output.sheets }),
            );
            ExitCode::SUCCESS
        }
        Err(f) => p.failure(f, "Check", ""),
    }
}

/// `handout pdf`: build, then print the sheets with a local browser.
fn pdf(g: &Global, a: &PdfArgs) -> ExitCode {
    let p = Printer::new(g, a.build.check.format, "pdf");
    let opts = Options::from(&a.build);
    let started = Instant::now();
    let progress = (!p.quiet()).then(handout::progress::show).flatten();
    let result = handout::pdf::run(&opts, a.chrome.as_deref(), a.all);
    drop(progress);
    match result {
        Ok(done) => {
            let folder = shown(&opts.output_dir().join("print"));
            for note in &done.notes {
                handout::console::err(&format!("note: {note}\n"));
            }
            p.success(
                &done.warnings,
                &format!(
                    "Printed {} to PDF in {:.1} s → {folder}{}",
                    plural(done.pdfs.len(), "sheet"),
                    started.elapsed().as_secs_f64(),
                    handout::diag::warning_tail(&done.warnings)
                ),
                json!({ "pdfs": done.pdfs.len(), "output": folder, "notes": done.notes }),
            );
            ExitCode::SUCCESS
        }
        Err(f) => p.failure(f, "Build", " Nothing was written."),
    }
}

/// `handout init [DIR]`.
fn init(g: &Global, dir: &Path) -> ExitCode {
    let p = Printer::new(g, Format::Human, "init");
    match handout::scaffold::init(dir) {
        Ok(files) => {
            for f in files {
                p.note(&format!("  created {}", shown(&f)));
            }
            let here = display_dir(dir);
            let next = if matches!(shown(dir).as_str(), "" | ".") {
                "handout serve".to_string()
            } else {
                format!("cd {} && handout serve", shell_word(&shown(dir)))
            };
            p.note(&format!(
                "New site in {here}. Next: `{next}` to preview it as you edit, then `handout build`."
            ));
            ExitCode::SUCCESS
        }
        Err(e) => p.usage(&format!("{e:#}")),
    }
}

/// `handout theme eject`.
fn eject(g: &Global, root: &Path, force: bool) -> ExitCode {
    let p = Printer::new(g, Format::Human, "theme eject");
    match handout::theme::eject(root, force) {
        Ok(e) => {
            let under = |folder: &str| format!("{}/", shown(&root.join(folder)));
            p.note(&format!(
                "Copied {} into {} and {}: edit them there; your copies win over the built-in theme.{}",
                plural(e.written.len(), "theme file"),
                under("templates"),
                under("static"),
                match e.replaced {
                    0 => String::new(),
                    n => format!(" ({} replaced)", plural(n, "file")),
                }
            ));
            ExitCode::SUCCESS
        }
        Err(msg) => p.usage(&msg),
    }
}

/// A folder name as it can be pasted into a shell.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
