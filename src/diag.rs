//! Content errors and warnings with positions, printed like Hugo and rustc:
//! `path:line:col`, the field, what was found, what is allowed, a hint, and a
//! snippet of the offending lines; in colour on a terminal, or as JSON
//! lines for CI and editors.

use anstyle::{AnsiColor, Style};
use std::fmt::Write as _;

/// How bad a diagnostic is. Warnings fail the build only with `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, with everything needed to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as shown to the user, relative to the site root (e.g. `content/exercises/x.md`).
    pub(crate) file: String,
    /// 1-based line of the file (0 when the problem concerns the whole file).
    pub(crate) line: usize,
    /// 1-based column of the file (0 when unknown).
    pub(crate) col: usize,
    /// Width of the marked span in characters (for the `^^^` underline).
    pub(crate) width: usize,
    /// Front-matter field, e.g. `dosage.reps` (empty when not about a field).
    pub(crate) field: String,
    pub(crate) message: String,
    /// What is allowed, e.g. the vocabulary terms.
    pub(crate) allowed: Option<String>,
    /// A hint, typically "did you mean `upper-back`?".
    pub(crate) help: Option<String>,
    /// The offending lines, pre-rendered (line number, text).
    pub(crate) snippet: Vec<(usize, String)>,
    /// A snippet already formatted by another tool (e.g. the template engine).
    pub(crate) detail: Option<String>,
    /// The name of this kind of problem where it has one (e.g. the warning
    /// kind `exercise_in_no_routine`), for `--format json`.
    pub(crate) kind: Option<&'static str>,
}

impl Diagnostic {
    /// An error about `file` with a message; positions and extras are added with the builders.
    pub(crate) fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            col: 0,
            width: 1,
            field: String::new(),
            message: message.into(),
            allowed: None,
            help: None,
            snippet: Vec::new(),
            detail: None,
            kind: None,
        }
    }

    /// A warning: reported, but fails the build only with `--strict`.
    pub(crate) fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub(crate) fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    pub(crate) fn width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    pub(crate) fn allowed(mut self, allowed: impl Into<String>) -> Self {
        self.allowed = Some(allowed.into());
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names the kind of problem (shown in `--format json`).
    pub(crate) fn kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Adds "did you mean `x`?" when a candidate is close enough to `found`.
    pub(crate) fn suggest<'a>(
        self,
        found: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        match did_you_mean(found, candidates) {
            Some(best) => self.help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// Attaches the lines around `line` of `text` (the whole file) as a snippet.
    pub(crate) fn with_snippet(mut self, text: &str) -> Self {
        if self.line == 0 {
            return self;
        }
        let first = self.line.saturating_sub(1).max(1);
        self.snippet = text
            .lines()
            .enumerate()
            .skip(first - 1)
            .take(self.line + 1 - first + 1)
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect();
        self
    }

    /// `path:line:col` as editors and terminals understand it.
    pub(crate) fn location(&self) -> String {
        match (self.line, self.col) {
            (0, _) => self.file.clone(),
            (l, 0) => format!("{}:{}", self.file, l),
            (l, c) => format!("{}:{}:{}", self.file, l, c),
        }
    }

    /// The full multi-line report, as printed by the CLI and shown in the serve overlay.
    pub fn render(&self) -> String {
        self.render_styled(false)
    }

    /// The report, in colour (as rustc paints its errors) when `color` is set.
    pub fn render_styled(&self, color: bool) -> String {
        let p = Paint(color);
        let mut out = String::new();
        let (kind, tone) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red),
            Severity::Warning => ("warning", AnsiColor::Yellow),
        };
        let tone = Style::new().bold().fg_color(Some(tone.into()));
        let frame = Style::new().bold().fg_color(Some(AnsiColor::Blue.into()));
        let bold = Style::new().bold();
        let _ = writeln!(
            out,
            "{}{}",
            p.on(tone, kind),
            p.on(bold, &format!(": {}", self.message))
        );
        let _ = write!(out, "  {} {}", p.on(frame, "-->"), self.location());
        if !self.field.is_empty() {
            let _ = write!(out, " (field `{}`)", self.field);
        }
        out.push('\n');
        if !self.snippet.is_empty() {
            let gutter = self
                .snippet
                .iter()
                .map(|(n, _)| n.to_string().len())
                .max()
                .unwrap_or(1);
            let bar = |n: &str| p.on(frame, &format!("{n:>gutter$} |"));
            let _ = writeln!(out, "{}", bar(""));
            for (n, text) in &self.snippet {
                let _ = writeln!(out, "{} {text}", bar(&n.to_string()));
                if *n == self.line && self.col > 0 {
                    let pad: String = text
                        .chars()
                        .take(self.col - 1)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let carets = "^".repeat(self.width);
                    let _ = writeln!(out, "{} {pad}{}", bar(""), p.on(tone, &carets));
                }
            }
            let _ = writeln!(out, "{}", bar(""));
        }
        if let Some(detail) = &self.detail {
            let _ = writeln!(out, "{}", detail.trim_end());
        }
        let note = |out: &mut String, label: &str, text: &str| {
            let _ = writeln!(out, "  {} {}: {text}", p.on(frame, "="), p.on(bold, label));
        };
        if let Some(allowed) = &self.allowed {
            note(&mut out, "allowed", allowed);
        }
        if let Some(help) = &self.help {
            note(&mut out, "help", help);
        }
        out
    }

    /// One line of JSON (without the newline), in the documented schema of
    /// `--format json`: see the README's "Machine-readable output".
    pub fn to_json(&self) -> String {
        let known = |n: usize| (n > 0 && self.line > 0).then_some(n);
        let line = Json {
            what: "diagnostic",
            severity: match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            kind: self.kind,
            file: &self.file,
            line: (self.line > 0).then_some(self.line),
            column: known(self.col),
            end_column: known(self.col).map(|c| c + self.width),
            field: (!self.field.is_empty()).then_some(self.field.as_str()),
            message: &self.message,
            allowed: self.allowed.as_deref(),
            help: self.help.as_deref(),
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

/// A diagnostic as one JSON line; the fields in this order.
#[derive(serde::Serialize)]
struct Json<'a> {
    #[serde(rename = "type")]
    what: &'static str,
    severity: &'static str,
    kind: Option<&'a str>,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_column: Option<usize>,
    field: Option<&'a str>,
    message: &'a str,
    allowed: Option<&'a str>,
    help: Option<&'a str>,
}

/// Wraps text in a style's escape codes, or leaves it plain.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn on(self, style: Style, text: &str) -> String {
        if self.0 && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// How many errors and how many warnings there are.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

/// `n` and the word, plural when `n` is not 1 ("1 sheet", "2 sheets").
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// How many warnings there are of each kind, most first (then by name);
/// warnings without a kind count as `other`.
pub fn warning_kinds(diags: &[Diagnostic]) -> Vec<(&'static str, usize)> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for d in diags.iter().filter(|d| d.severity == Severity::Warning) {
        *counts.entry(d.kind.unwrap_or("other")).or_default() += 1;
    }
    let mut out: Vec<(&'static str, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

/// "3 warnings: 2 exercise_in_no_routine, 1 no_qr_code".
fn warnings_by_kind(diags: &[Diagnostic]) -> String {
    let kinds = warning_kinds(diags);
    let total: usize = kinds.iter().map(|(_, n)| n).sum();
    let each: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!("{}: {}", plural(total, "warning"), each.join(", "))
}

/// " (3 warnings: 2 exercise_in_no_routine, 1 no_qr_code)" after a success
/// line, or nothing.
pub fn warning_tail(warnings: &[Diagnostic]) -> String {
    match warnings.len() {
        0 => String::new(),
        _ => format!(" ({})", warnings_by_kind(warnings)),
    }
}

/// "30 errors, 3 warnings: 2 …, 1 …" for a failure line; the warnings only if any.
pub fn tally(diags: &[Diagnostic]) -> String {
    match count(diags) {
        (errors, 0) => plural(errors, "error"),
        (0, _) => warnings_by_kind(diags),
        (errors, _) => format!("{}, {}", plural(errors, "error"), warnings_by_kind(diags)),
    }
}

/// The candidate closest to `found`, if it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let found_l = found.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&found_l, &c.to_lowercase()), c))
        .filter(|(score, c)| *score > 0.8 && *c != found)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Sorted for stable output: by file, then position.
pub(crate) fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.col, a.severity).cmp(&(&b.file, b.line, b.col, b.severity))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_terms_only() {
        let terms = ["neck", "upper-back", "mid-back"];
        assert_eq!(did_you_mean("upperback", terms), Some("upper-back"));
        assert_eq!(did_you_mean("knee", terms), None);
    }

    #[test]
    fn renders_location_snippet_and_caret() {
        let text = "---\ntitle: A\nregion: [upperback]\n---\n";
        let d = Diagnostic::error("content/exercises/a.md", "unknown region `upperback`")
            .at(3, 10)
            .width(9)
            .field("region")
            .with_snippet(text);
        let r = d.render();
        assert!(
            r.contains("--> content/exercises/a.md:3:10 (field `region`)"),
            "{r}"
        );
        assert!(r.contains("3 | region: [upperback]"), "{r}");
        assert!(r.contains("  |          ^^^^^^^^^"), "{r}");
    }
}
