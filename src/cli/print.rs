//! What the command line prints: problems (for people on stderr, in colour
//! on a terminal, or as JSON lines on stdout), one summary line, and usage
//! errors. Nothing here panics when a pipe is closed early.

use super::args::{ColorWhen, Format, Global};
use anstyle::{AnsiColor, Style};
use handout::console;
use handout::diag::{count, tally, warning_kinds, Diagnostic};
use handout::Failure;
use serde_json::{json, Map, Value};
use std::io::IsTerminal;
use std::process::ExitCode;

/// How and what to print for one command.
pub(crate) struct Printer {
    color: bool,
    quiet: bool,
    json: bool,
    /// The command's name, for the JSON summary.
    command: &'static str,
}

impl Printer {
    pub(crate) fn new(global: &Global, format: Format, command: &'static str) -> Printer {
        Printer {
            color: use_color(global.color),
            quiet: global.quiet,
            json: format == Format::Json,
            command,
        }
    }

    /// Whether progress and chatter are wanted.
    pub(crate) fn quiet(&self) -> bool {
        self.quiet
    }

    /// Every problem: rendered for people, or one JSON line each.
    pub(crate) fn diagnostics(&self, diags: &[Diagnostic]) {
        if self.json {
            let lines: String = diags.iter().map(|d| d.to_json() + "\n").collect();
            console::out(&lines);
        } else {
            let text: String = diags
                .iter()
                .map(|d| d.render_styled(self.color) + "\n")
                .collect();
            console::err(&text);
        }
    }

    /// A success: the warnings, the summary line for people (unless
    /// `--quiet`) and, with `--format json`, the summary object with `extra`.
    pub(crate) fn success(&self, warnings: &[Diagnostic], line: &str, extra: Value) {
        self.diagnostics(warnings);
        self.summary(true, warnings, extra);
        if !self.quiet {
            let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
            let green = Style::new().bold().fg_color(Some(AnsiColor::Green.into()));
            console::err(&format!("{} {rest}\n", self.paint(green, verb)));
        }
    }

    /// A failed command: its report, and the exit code (1 for content
    /// errors, 2 for usage and file-system problems). `what` names the
    /// step in the closing line ("Build", "Check"), `after` follows it.
    pub(crate) fn failure(&self, f: Failure, what: &str, after: &str) -> ExitCode {
        match f {
            Failure::Content(diags) => {
                self.diagnostics(&diags);
                self.summary(false, &diags, json!({}));
                if !self.quiet {
                    let why = match count(&diags) {
                        (0, _) => format!("{} (--strict treats warnings as errors)", tally(&diags)),
                        _ => tally(&diags),
                    };
                    let red = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
                    let head = self.paint(red, &format!("{what} failed:"));
                    console::err(&format!("{head} {why}.{after}\n"));
                }
                ExitCode::from(1)
            }
            Failure::Usage(msg) => self.usage(&msg),
        }
    }

    /// A usage or file-system error (exit 2).
    pub(crate) fn usage(&self, msg: &str) -> ExitCode {
        self.summary(false, &[], json!({ "message": msg }));
        let red = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
        console::err(&format!("{}: {msg}\n", self.paint(red, "error")));
        ExitCode::from(2)
    }

    /// A line for people about what was done (not with `--quiet`).
    pub(crate) fn note(&self, line: &str) {
        if !self.quiet {
            console::err(&format!("{line}\n"));
        }
    }

    /// A warning that is not about the content (`warning: …`, in yellow).
    pub(crate) fn warning(&self, msg: &str) {
        let yellow = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
        console::err(&format!("{}: {msg}\n", self.paint(yellow, "warning")));
    }

    /// The last JSON line: `{"type":"summary", "command", "ok", "errors", "warnings", …extra}`.
    fn summary(&self, ok: bool, diags: &[Diagnostic], extra: Value) {
        if !self.json {
            return;
        }
        let (errors, warnings) = count(diags);
        let line = Summary {
            what: "summary",
            command: self.command,
            ok,
            errors,
            warnings,
            warning_kinds: warning_kinds(diags)
                .into_iter()
                .map(|(k, n)| (k.to_string(), n.into()))
                .collect(),
            extra: match extra {
                Value::Object(map) => map,
                _ => Map::new(),
            },
        };
        let text = serde_json::to_string(&line).unwrap_or_default();
        console::out(&format!("{text}\n"));
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// `serve` prints through the same printer: problems always, the lines
/// about each build unless `--quiet`, and the address it serves even then.
impl handout::serve::Report for Printer {
    fn warnings(&self, warnings: &[Diagnostic]) {
        self.diagnostics(warnings);
    }
    fn built(&self, line: &str) {
        self.success(&[], line, json!({}));
    }
    fn failed(&self, diags: Vec<Diagnostic>, after: &str) {
        self.failure(Failure::Content(diags), "Build", after);
    }
    fn error(&self, message: &str) {
        self.usage(message);
    }
    fn warning(&self, message: &str) {
        Printer::warning(self, message);
    }
    fn serving(&self, line: &str) {
        console::err(&format!("{line}\n"));
    }
}

/// The last line of `--format json`: the fixed fields first, then the
/// command's own (`pages`, `sheets`, `output`, `message` …).
#[derive(serde::Serialize)]
struct Summary {
    #[serde(rename = "type")]
    what: &'static str,
    command: &'static str,
    ok: bool,
    errors: usize,
    warnings: usize,
    /// How many warnings of each kind, e.g. `{"exercise_in_no_routine": 2}`.
    warning_kinds: Map<String, Value>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// `--color auto` colours a terminal unless `NO_COLOR` is set (to anything
/// but the empty string, as no-color.org asks) or the terminal is `dumb`.
fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}
