//! The command line's arguments (clap), and the library options they become.
//! Short flags follow Zola's: `-r` root, `-o` output, `-u` base URL,
//! `-p` port, `-i` interface, `-f` force, `-O` open.

use clap::{Args, Parser, Subcommand, ValueEnum};
use handout::serve::ServeOptions;
use handout::Options;
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "handout",
    version,
    about = "Build a patient exercise handbook and printable sheets from Markdown"
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command takes, before or after its name.
#[derive(Args)]
pub(crate) struct Global {
    /// Print only errors and warnings: no progress, no summary line
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Also print how long each step of a build took
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
    /// When to colour errors and warnings (`auto`: on a terminal, unless NO_COLOR is set)
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "WHEN",
        default_value_t = ColorWhen::Auto
    )]
    pub(crate) color: ColorWhen,
}

/// `--color`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// `--format`: problems for people (stderr) or for programs (JSON lines on stdout).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder
    Build(BuildArgs),
    /// Check everything `build` checks, without writing anything
    Check(CheckArgs),
    /// Build into memory, serve on 127.0.0.1, rebuild on change and reload the browser
    Serve(ServeArgs),
    /// Build the site, then print its routine sheets to PDF (print/routines/<slug>.pdf)
    /// with a local Chrome, Chromium or Edge
    Pdf(PdfArgs),
    /// Create a new site with an example routine and two exercises
    Init(InitArgs),
    /// Create a new exercise or routine file with every field
    New {
        #[command(subcommand)]
        kind: NewKind,
    },
    /// Work with the theme (templates and static files)
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Print a shell completion script (e.g. `handout completions bash > ~/.local/share/bash-completion/completions/handout`)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// The site folder, as every command that reads a site takes it.
#[derive(Args, Clone)]
pub(crate) struct RootArg {
    /// The site folder (with handout.toml and content/)
    #[arg(short, long, default_value = ".", value_name = "DIR")]
    pub(crate) root: PathBuf,
}

#[derive(Args, Clone)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) root: RootArg,
    /// Override `base_url` from handout.toml
    #[arg(short = 'u', long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Treat warnings as errors
    #[arg(long)]
    pub(crate) strict: bool,
    /// `human`, or `json`: one JSON object a line on stdout, for CI and editors
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Human)]
    pub(crate) format: Format,
}

#[derive(Args, Clone)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) check: CheckArgs,
    /// Where to write the site (default: ROOT/public)
    #[arg(short, long, alias = "output-dir", value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Write into a folder handout did not make, beside what is there (nothing in it is deleted)
    #[arg(short, long)]
    pub(crate) force: bool,
}

#[derive(Args, Clone)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) root: RootArg,
    /// Port to listen on (0 picks a free one)
    #[arg(short, long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Address to listen on; other machines can reach the server only if you set this
    #[arg(
        short = 'i',
        long,
        visible_alias = "interface",
        value_name = "ADDR",
        default_value = "127.0.0.1"
    )]
    pub(crate) bind: IpAddr,
    /// The address pages link to (default: the server's own); a bare host
    /// such as `192.168.1.20` gets `http://` and the port
    #[arg(short = 'u', long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// Open the site in the default browser
    #[arg(short = 'O', long)]
    pub(crate) open: bool,
    /// Look for changes by polling (for file systems without change events)
    #[arg(long)]
    pub(crate) poll: bool,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
}

#[derive(Args)]
pub(crate) struct PdfArgs {
    #[command(flatten)]
    pub(crate) build: BuildArgs,
    /// The Chrome, Chromium or Edge program (default: the first found on PATH
    /// or where they are usually installed)
    #[arg(long, value_name = "PATH")]
    pub(crate) chrome: Option<PathBuf>,
    /// Also print the exercise sheets and the large print
    #[arg(long)]
    pub(crate) all: bool,
}

#[derive(Args)]
pub(crate) struct InitArgs {
    /// Folder to create (empty or missing); default: the current folder, which must be empty
    pub(crate) dir: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum NewKind {
    /// content/exercises/<slug>.md
    Exercise {
        /// The exercise title, e.g. "Wall angels"
        title: String,
        #[command(flatten)]
        root: RootArg,
    },
    /// content/routines/<slug>.md
    Routine {
        /// The routine title, e.g. "Desk reset"
        title: String,
        #[command(flatten)]
        root: RootArg,
    },
}

#[derive(Subcommand)]
pub(crate) enum ThemeAction {
    /// Copy the built-in templates and static files into the site's
    /// templates/ and static/ to edit them (your copies win by name)
    Eject {
        #[command(flatten)]
        root: RootArg,
        /// Overwrite files that are already there
        #[arg(short, long)]
        force: bool,
    },
}

impl From<&CheckArgs> for Options {
    fn from(a: &CheckArgs) -> Options {
        Options {
            root: a.root.root.clone(),
            base_url: a.base_url.clone(),
            drafts: a.drafts,
            strict: a.strict,
            ..Options::default()
        }
    }
}

impl From<&BuildArgs> for Options {
    fn from(a: &BuildArgs) -> Options {
        Options {
            output: a.output.clone(),
            force: a.force,
            ..Options::from(&a.check)
        }
    }
}

impl From<&ServeArgs> for ServeOptions {
    fn from(a: &ServeArgs) -> ServeOptions {
        ServeOptions {
            build: Options {
                root: a.root.root.clone(),
                base_url: a.base_url.clone(),
                drafts: a.drafts,
                ..Options::default()
            },
            bind: a.bind,
            port: a.port,
            open: a.open,
            poll: a.poll,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_arguments_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn short_flags_fill_the_same_options_as_long_ones() {
        let parse = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Command::Build(b)) => Options::from(&b),
            _ => panic!("not a build: {args:?}"),
        };
        let short = parse(&[
            "handout", "build", "-r", "s", "-o", "out", "-u", "/x/", "-f",
        ]);
        let long = parse(&[
            "handout",
            "build",
            "--root",
            "s",
            "--output",
            "out",
            "--base-url",
            "/x/",
            "--force",
        ]);
        for o in [short, long] {
            assert_eq!(o.root, PathBuf::from("s"));
            assert_eq!(o.output, Some(PathBuf::from("out")));
            assert_eq!(o.base_url.as_deref(), Some("/x/"));
            assert!(o.force);
        }
    }
}
