//! The `handout` command line: arguments → library call → exit code.

use clap::{Parser, Subcommand};
use handout::diagnostics::{Diagnostic, Severity};
use handout::{Failure, Options};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "handout",
    version,
    about = "Build a patient exercise handbook and printable sheets from Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct BuildArgs {
    /// The site folder (with handout.toml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site (default: ROOT/public)
    #[arg(long)]
    output: Option<PathBuf>,
    /// Override `base_url` from handout.toml
    #[arg(long)]
    base_url: Option<String>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    drafts: bool,
    /// Treat warnings as errors
    #[arg(long)]
    strict: bool,
    /// Replace the output folder even if handout did not make it
    #[arg(long)]
    force: bool,
}

#[derive(clap::Args, Clone)]
struct ServeArgs {
    /// The site folder (with handout.toml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; other machines can reach the server only if you set this
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    open: bool,
    /// Look for changes by polling (for filesystems without change events)
    #[arg(long)]
    poll: bool,
    /// Include pages marked `draft: true`
    #[arg(long)]
    drafts: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder
    Build(BuildArgs),
    /// Check everything `build` checks, without writing anything
    Check {
        /// The site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
    },
    /// Build into memory, serve on 127.0.0.1, rebuild on change and reload the browser
    Serve(ServeArgs),
    /// Build the site, then print its routine sheets to PDF (print/routines/<slug>.pdf)
    /// with a local Chrome, Chromium or Edge
    Pdf(PdfArgs),
    /// Create a new site with an example routine and two exercises
    Init {
        /// Folder to create (must be empty or missing)
        dir: PathBuf,
    },
    /// Create a new exercise or routine file with every field
    New {
        #[command(subcommand)]
        kind: NewKind,
    },
}

#[derive(clap::Args)]
struct PdfArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// The Chrome, Chromium or Edge program (default: the first found on PATH
    /// or where they are usually installed)
    #[arg(long, value_name = "PATH")]
    chrome: Option<PathBuf>,
    /// Also print the exercise sheets and the large print
    #[arg(long)]
    all: bool,
}

#[derive(Subcommand)]
enum NewKind {
    /// content/exercises/<slug>.md
    Exercise {
        /// The exercise title, e.g. "Wall angels"
        title: String,
        /// The site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// content/routines/<slug>.md
    Routine {
        /// The routine title, e.g. "Desk reset"
        title: String,
        /// The site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(a) => {
            let opts = Options {
                root: a.root,
                output: a.output,
                base_url: a.base_url,
                drafts: a.drafts,
                strict: a.strict,
                force: a.force,
                memo: None,
            };
            let started = Instant::now();
            let progress = handout::progress::show();
            let result = handout::build(&opts);
            drop(progress);
            match result {
                Ok(c) => {
                    print_diags(&c.warnings);
                    let out = opts.output_dir();
                    eprintln!(
                        "Built {} pages, {} sheets in {:.2} s → {}/{}",
                        c.output.pages,
                        c.output.sheets,
                        started.elapsed().as_secs_f64(),
                        out.display()
                            .to_string()
                            .trim_start_matches("./")
                            .trim_end_matches('/'),
                        warning_tail(&c.warnings)
                    );
                    ExitCode::SUCCESS
                }
                Err(f) => fail(f),
            }
        }
        Command::Check {
            root,
            drafts,
            strict,
        } => {
            let opts = Options {
                root,
                drafts,
                strict,
                ..Options::default()
            };
            match handout::compile(&opts) {
                Ok(c) => {
                    print_diags(&c.warnings);
                    eprintln!(
                        "Checked {} pages and {} sheets: no errors{}",
                        c.output.pages,
                        c.output.sheets,
                        warning_tail(&c.warnings)
                    );
                    ExitCode::SUCCESS
                }
                Err(f) => fail(f),
            }
        }
        Command::Pdf(a) => pdf(a),
        Command::Serve(a) => {
            let opts = handout::serve::ServeOptions {
                build: Options {
                    root: a.root,
                    drafts: a.drafts,
                    ..Options::default()
                },
                bind: a.bind,
                port: a.port,
                open: a.open,
                poll: a.poll,
            };
            match handout::serve::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(msg) => usage(msg),
            }
        }
        Command::Init { dir } => match handout::scaffold::init(&dir) {
            Ok(files) => {
                for f in files {
                    eprintln!("  created {}", f.display());
                }
                eprintln!(
                    "New site in {}. Next: cd {} && handout build",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => usage(format!("{e:#}")),
        },
        Command::New { kind } => {
            let (root, kind, title) = match kind {
                NewKind::Exercise { title, root } => {
                    (root, handout::scaffold::Kind::Exercise, title)
                }
                NewKind::Routine { title, root } => (root, handout::scaffold::Kind::Routine, title),
            };
            match handout::scaffold::new_file(&root, kind, &title) {
                Ok(path) => {
                    eprintln!("  created {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => usage(format!("{e:#}")),
            }
        }
    }
}

/// `handout pdf`: build, then print the sheets with a local browser.
fn pdf(a: PdfArgs) -> ExitCode {
    let opts = Options {
        root: a.build.root,
        output: a.build.output,
        base_url: a.build.base_url,
        drafts: a.build.drafts,
        strict: a.build.strict,
        force: a.build.force,
        memo: None,
    };
    let started = Instant::now();
    match handout::pdf::run(&opts, a.chrome.as_deref(), a.all) {
        Ok(done) => {
            print_diags(&done.warnings);
            for note in &done.notes {
                eprintln!("note: {note}");
            }
            let folder = opts.output_dir().join("print");
            eprintln!(
                "Printed {} sheets to PDF in {:.1} s → {}{}",
                done.pdfs.len(),
                started.elapsed().as_secs_f64(),
                folder.display().to_string().trim_start_matches("./"),
                warning_tail(&done.warnings)
            );
            ExitCode::SUCCESS
        }
        Err(f) => fail(f),
    }
}

fn warning_tail(w: &[Diagnostic]) -> String {
    match w.len() {
        0 => String::new(),
        1 => " (1 warning)".into(),
        n => format!(" ({n} warnings)"),
    }
}

fn print_diags(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{}", d.render());
    }
}

fn fail(f: Failure) -> ExitCode {
    match f {
        Failure::Content(diags) => {
            print_diags(&diags);
            let errors = diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diags.len() - errors;
            let mut line = format!(
                "Build failed: {errors} error{}",
                if errors == 1 { "" } else { "s" }
            );
            if warnings > 0 {
                line.push_str(&format!(
                    ", {warnings} warning{}",
                    if warnings == 1 { "" } else { "s" }
                ));
                if errors == 0 {
                    line.push_str(" (--strict treats warnings as errors)");
                }
            }
            eprintln!("{line}. Nothing was written.");
            ExitCode::from(1)
        }
        Failure::Usage(msg) => usage(msg),
    }
}

fn usage(msg: String) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}
