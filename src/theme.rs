//! The theme: templates and static files embedded in the binary, with a
//! site's own `templates/x.html` and `static/x` winning by name.

use crate::diag::Diagnostic;
use crate::paths::slash;
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static TEMPLATES: Dir = include_dir!("$CARGO_MANIFEST_DIR/templates");
static STATIC: Dir = include_dir!("$CARGO_MANIFEST_DIR/static");

/// Prefix under which the built-in templates are registered; a site's own
/// template of the same name (without the prefix) wins.
const BUILTIN: &str = "__builtin/";

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum StaticSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// Loaded templates plus the static files to copy.
pub(crate) struct Theme {
    pub(crate) tera: tera::Tera,
    /// Output path (relative, `/`-separated) → source.
    pub(crate) statics: BTreeMap<String, StaticSource>,
    /// A fingerprint of the template sources and the sheet kit (for `serve`'s re-rendering).
    pub(crate) print: u64,
    /// The words and sizes printed sheets are laid out with.
    pub(crate) sheet: std::sync::Arc<crate::sheet::Kit>,
}

impl Theme {
    /// Loads the embedded theme and the overrides under `root`.
    pub(crate) fn load(root: &Path) -> Result<Theme, Vec<Diagnostic>> {
        let mut tera = tera::Tera::new();
        let mut diags = Vec::new();
        tera.set_fallback_prefixes([BUILTIN])
            .map_err(|e| vec![Diagnostic::error("templates", e.to_string())])?;
        tera.autoescape_on([".html", ".xml", ".js"]);
        // The words of the theme (`t(k=…)`): English until a language's
        // theme is made (`in_language`).
        tera.register_function(
            "t",
            crate::render::words::Words::new(std::sync::Arc::new(
                crate::model::wording::english().clone(),
            )),
        );
        let mut sources: Vec<(String, String)> = Vec::new();
        for file in all_files(&TEMPLATES) {
            if let Some(text) = file.contents_utf8() {
                sources.push((format!("{BUILTIN}{}", slash(file.path())), text.to_string()));
            }
        }
        let site_templates = root.join("templates");
        if site_templates.is_dir() {
            for entry in walk(root, &site_templates, &mut diags) {
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = slash(
                    entry
                        .path()
                        .strip_prefix(&site_templates)
                        .unwrap_or(entry.path()),
                );
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => sources.push((name, text)),
                    Err(e) => diags.push(Diagnostic::error(
                        format!("templates/{name}"),
                        format!("cannot read template: {e}"),
                    )),
                }
            }
        }
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            diags.push(template_error(&e));
        }
        let mut statics = BTreeMap::new();
        for file in all_files(&STATIC) {
            statics.insert(slash(file.path()), StaticSource::Embedded(file.contents()));
        }
        let site_static = root.join("static");
        if site_static.is_dir() {
            for entry in walk(root, &site_static, &mut diags) {
                if entry.file_type().is_file() {
                    let rel = slash(
                        entry
                            .path()
                            .strip_prefix(&site_static)
                            .unwrap_or(entry.path()),
                    );
                    statics.insert(rel, StaticSource::Disk(entry.path().to_path_buf()));
                }
            }
        }
        let site_css = match statics.get("sheet.css") {
            Some(StaticSource::Disk(file)) => std::fs::read_to_string(file).ok(),
            _ => None,
        };
        let (sheet, sheet_diags) = crate::sheet::Kit::load(root, site_css.as_deref());
        diags.extend(sheet_diags);
        if diags.is_empty() {
            let print = crate::fingerprint::of((&sources, sheet.print));
            Ok(Theme {
                tera,
                statics,
                print,
                sheet: std::sync::Arc::new(sheet),
            })
        } else {
            Err(diags)
        }
    }

    /// The theme in the language of `words`: templates that take their
    /// words from it (`t(k=…)`) and sheets laid out with its `[sheet]` words.
    pub(crate) fn in_language(
        &self,
        words: &std::sync::Arc<crate::i18n::Catalog>,
        diags: &mut Vec<Diagnostic>,
    ) -> Theme {
        let mut tera = self.tera.clone();
        tera.register_function(
            "t",
            crate::render::words::Words::new(std::sync::Arc::clone(words)),
        );
        let sheet = self.sheet.in_language(words, diags);
        Theme {
            tera,
            statics: self.statics.clone(),
            print: crate::fingerprint::of((self.print, sheet.print)),
            sheet: std::sync::Arc::new(sheet),
        }
    }

    /// True when `path` (relative to static/) exists in the site or the theme.
    pub(crate) fn has_static(&self, path: &str) -> bool {
        self.statics.contains_key(path)
    }

    /// The width and height of the picture at `path` (relative to static/),
    /// when it exists and its size can be read.
    pub(crate) fn picture_size(&self, path: &str) -> Option<crate::source::picture_size::Size> {
        match self.statics.get(path)? {
            StaticSource::Embedded(bytes) => crate::source::picture_size::of_bytes(path, bytes),
            StaticSource::Disk(file) => crate::source::picture_size::of_file(file),
        }
    }

    /// Renders a template; errors name the template file and line.
    pub(crate) fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(name, ctx).map_err(|e| template_error(&e))
    }
}

/// The entries under `dir`, symlinks followed (a symlinked file or folder
/// is read like any other); what cannot be read (a broken link, a loop)
/// becomes an error.
fn walk(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<walkdir::DirEntry> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_map(|e| match e {
            Ok(e) => Some(e),
            Err(err) => {
                let shown = err
                    .path()
                    .map(|p| slash(p.strip_prefix(root).unwrap_or(p)))
                    .unwrap_or_default();
                diags.push(Diagnostic::error(shown, format!("cannot read: {err}")));
                None
            }
        })
        .collect()
}

/// What `handout theme eject` wrote.
pub struct Ejected {
    /// Every file written, under `root`.
    pub written: Vec<PathBuf>,
    /// How many of them replaced a different file (only with `force`).
    pub replaced: usize,
}

/// Copies the embedded theme into `root`'s templates/ and static/, where a
/// site's own files win by name. Without `force`, refuses (writing nothing)
/// when a file is already there with other content.
pub fn eject(root: &Path, force: bool) -> Result<Ejected, String> {
    if !root.join(crate::config::FILE).is_file() {
        return Err(format!(
            "no {} in {}\n  = help: run this in a site folder or pass --root DIR",
            crate::config::FILE,
            crate::paths::display_dir(root)
        ));
    }
    let files: Vec<(PathBuf, &'static [u8])> = [("templates", &TEMPLATES), ("static", &STATIC)]
        .into_iter()
        .flat_map(|(folder, dir)| {
            all_files(dir)
                .into_iter()
                .map(move |f| (root.join(folder).join(f.path()), f.contents()))
        })
        .collect();
    let clashes: Vec<&PathBuf> = files
        .iter()
        .filter(|(path, bytes)| path.exists() && std::fs::read(path).ok().as_deref() != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    if !clashes.is_empty() && !force {
        let names: Vec<String> = clashes
            .iter()
            .map(|p| slash(p.strip_prefix(root).unwrap_or(p)))
            .collect();
        let what = match names.as_slice() {
            [one] => format!("{one} is already there and differs from the built-in theme"),
            many => format!(
                "{} files are already there and differ from the built-in theme: {}",
                many.len(),
                many.join(", ")
            ),
        };
        return Err(format!(
            "{what}\n  = help: pass --force to replace them (edits in them are lost), or move them away first"
        ));
    }
    let replaced = clashes.len();
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(Ejected {
        written: files.into_iter().map(|(p, _)| p).collect(),
        replaced,
    })
}

fn all_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(all_files(d));
    }
    out
}

/// Turns a Tera error into a diagnostic naming `templates/<file>:line:col`.
pub(crate) fn template_error(e: &tera::Error) -> Diagnostic {
    use std::error::Error as _;
    let mut report = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        report.push_str(&format!("\n{s}"));
        source = s.source();
    }
    let (file, line, col, message) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            (
                r.filename().to_string(),
                span.start_line,
                span.start_col + 1,
                r.message().to_string(),
            )
        }
        _ => (
            String::new(),
            0,
            0,
            report
                .lines()
                .next()
                .unwrap_or("template error")
                .to_string(),
        ),
    };
    let shown = match file.strip_prefix(BUILTIN) {
        Some(name) => format!("templates/{name}"),
        None if file.is_empty() => "templates".to_string(),
        None => format!("templates/{file}"),
    };
    let mut d = Diagnostic::error(shown, format!("template error: {message}")).at(line, col);
    // The engine's own report carries the snippet; keep its lines after the first two.
    let snippet: Vec<&str> = report.lines().skip(2).collect();
    if !snippet.is_empty() && line > 0 {
        d.detail = Some(snippet.join("\n"));
    }
    d
}
