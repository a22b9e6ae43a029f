//! Walks `content/`, reads each Markdown file and splits its front-matter from
//! its body, remembering line numbers so that every later error can name the
//! line of the file.

mod decode;
mod translations;

pub(crate) use decode::split;
pub(crate) use translations::{lang_of, original_of};

use crate::diag::Diagnostic;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// Which part of the handbook a file belongs to, from its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Section {
    Home,
    Exercises,
    Routines,
    Guides,
}

/// One content file, read and split.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// Path shown to users, relative to the site root, with `/` separators.
    pub(crate) display: String,
    /// Path relative to `content/`, with `/` separators (for resolving links).
    pub(crate) rel: String,
    pub(crate) section: Section,
    /// The language of a translation (`wall-angels.es.md`: `es`); `None`
    /// for a page in the default language.
    pub(crate) lang: Option<String>,
    /// Whole text, BOM removed, CRLF turned into LF (lines keep their numbers).
    pub(crate) text: String,
    /// Where the front-matter text (without the `---` fences) is in
    /// `text`, if the file has any (`front_matter()`).
    fm: Option<std::ops::Range<usize>>,
    /// 1-based line of the file where the front-matter text starts.
    pub(crate) fm_line: usize,
    /// Where the Markdown body starts in `text` (`body()`).
    body_start: usize,
    /// 1-based line of the file where the body starts.
    pub(crate) body_line: usize,
    /// Where each front-matter line is: made once, on first use, and shared
    /// by every check that points at a field (`positions()`).
    positions: std::sync::OnceLock<Vec<super::positions::Line>>,
}

impl SourceFile {
    /// The front-matter text (without the `---` fences), if the file has any.
    pub(crate) fn front_matter(&self) -> Option<&str> {
        self.fm.clone().and_then(|r| self.text.get(r))
    }

    /// Finds fields and values in the front-matter, for positions of
    /// problems (the file's one position index, made on first use).
    pub(crate) fn positions(&self) -> super::positions::Locator<'_> {
        let fm = self.front_matter().unwrap_or("");
        let lines = self
            .positions
            .get_or_init(|| super::positions::index(fm, self.fm_line));
        super::positions::Locator::with_index(fm, lines)
    }

    /// The Markdown body.
    pub(crate) fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// Lets go of the file's text and position index once everything that
    /// reads them (the checks, the Markdown bodies) is done: a big site's
    /// sources are a tenth of what a build holds while its pages are
    /// rendered. The file keeps its paths and line numbers; its front-matter
    /// and body read as empty after this.
    pub(crate) fn release_text(&mut self) {
        self.text = String::new();
        self.fm = None;
        self.body_start = 0;
        self.positions = std::sync::OnceLock::new();
    }
}

/// Files read by an earlier build, kept by `serve` with what the file
/// system said of each (size, times, inode): a file whose stamp is
/// unchanged is not read again.
#[derive(Default)]
pub(crate) struct FileMemo(crate::fingerprint::Kept<Arc<SourceFile>, PathBuf, Stamp>);

/// What changes whenever a file is written: its size, modification and
/// status-change times, and its inode (an editor that saves by renaming
/// a new file over the old one makes a new inode).
type Stamp = (u64, Option<std::time::SystemTime>, i64, i64, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (ctime, ctime_ns, ino) = {
        use std::os::unix::fs::MetadataExt;
        (m.ctime(), m.ctime_nsec(), m.ino())
    };
    #[cfg(not(unix))]
    let (ctime, ctime_ns, ino) = (0, 0, 0);
    Some((m.len(), m.modified().ok(), ctime, ctime_ns, ino))
}

/// Reads every `.md` file under `content_dir` (unreadable files become
/// diagnostics), reusing files whose stamp is unchanged since the last build.
pub(crate) fn load_all_with(
    root: &Path,
    content_dir: &Path,
    memo: Option<&FileMemo>,
) -> (Vec<Arc<SourceFile>>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut skips = Vec::new();
    // Symlinked files and folders are read like any other (a loop is an error).
    let mut paths: Vec<PathBuf> = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| match e {
            Ok(e) => Some(e),
            Err(err) => {
                let shown = err
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_default();
                diags.push(Diagnostic::error(shown, format!("cannot read: {err}")));
                None
            }
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            let keep = p.extension().is_some_and(|x| x == "md");
            if !keep {
                skips.extend(skipped(root, p));
            }
            keep
        })
        .collect();
    diags.append(&mut skips);
    paths.sort();
    // Read and split in parallel; the order (and so every message) stays sorted.
    let loaded: Vec<Result<Arc<SourceFile>, Diagnostic>> = paths
        .par_iter()
        .map(|path| {
            let Some(memo) = memo else {
                return load_one(root, content_dir, path).map(Arc::new);
            };
            // Stamped before reading: a write during the read changes it.
            let Some(now) = stamp(path) else {
                return load_one(root, content_dir, path).map(Arc::new);
            };
            if let Some(file) = memo.0.get(path.as_path(), now) {
                return Ok(file);
            }
            let loaded = load_one(root, content_dir, path).map(Arc::new);
            if let Ok(file) = &loaded {
                memo.0.keep(path.as_path(), now, Arc::clone(file));
            }
            loaded
        })
        .collect();
    if let Some(memo) = memo {
        // Forget deleted files.
        let now: std::collections::HashSet<&PathBuf> = paths.iter().collect();
        memo.0.retain(|p| now.contains(p));
    }
    for r in loaded {
        match r {
            Ok(file) => files.push(file),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

/// Why a file under content/ that is not read deserves a word: a name
/// ending in a dot or space (an error: Windows cannot store it), or an
/// extension that is `.md` in another letter case or spelling (a warning).
fn skipped(root: &Path, path: &Path) -> Option<Diagnostic> {
    let name = path.file_name()?.to_string_lossy();
    let shown = display_path(root, path);
    let trimmed = name.trim_end_matches(['.', ' ']);
    if trimmed != name {
        return Some(
            Diagnostic::error(
                shown,
                format!("file name `{name}` ends with a dot or a space, which Windows drops"),
            )
            .help(format!("rename it to `{trimmed}`")),
        );
    }
    let (stem, ext) = name.rsplit_once('.')?;
    if !["md", "markdown", "mdown", "mkd"].contains(&ext.to_ascii_lowercase().as_str()) {
        return None;
    }
    // Suggest a name that is read and is a valid page address.
    let stem = match crate::model::is_slug(stem) {
        true => stem.to_string(),
        false => crate::model::slugify(stem),
    };
    Some(
        Diagnostic::warning(
            shown,
            format!("file `{name}` was skipped: only names ending in `.md` (lower case) are read"),
        )
        .kind("file_skipped")
        .help(format!("rename it to `{stem}.md` to publish it")),
    )
}

fn load_one(root: &Path, content_dir: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    let display = display_path(root, path);
    let rel = path
        .strip_prefix(content_dir)
        .map(crate::paths::slash)
        .unwrap_or_else(|_| display.clone());
    let Some(section) = section_of(&rel) else {
        return Err(Diagnostic::warning(
            &display,
            "file is outside the known content folders and was skipped",
        )
        .kind("file_outside_content")
        .allowed(
            "content/index.md, content/exercises/*.md, content/routines/*.md, content/guides/*.md",
        ));
    };
    match std::fs::read(path) {
        Ok(bytes) => split(display, rel, section, &bytes),
        Err(e) => Err(Diagnostic::error(display, format!("cannot read file: {e}"))),
    }
}

fn section_of(rel: &str) -> Option<Section> {
    if rel == "index.md" || (!rel.contains('/') && lang_of(rel).is_some()) {
        return Some(Section::Home);
    }
    let (dir, _) = rel.split_once('/')?;
    match dir {
        "exercises" => Some(Section::Exercises),
        "routines" => Some(Section::Routines),
        "guides" => Some(Section::Guides),
        _ => None,
    }
}

/// `root`-relative path with `/` separators, for messages.
pub(crate) fn display_path(root: &Path, path: &Path) -> String {
    crate::paths::slash(path.strip_prefix(root).unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        split(
            "a.md".into(),
            "exercises/a.md".into(),
            Section::Exercises,
            bytes,
        )
    }

    #[test]
    fn translations_are_named_by_language() {
        assert_eq!(lang_of("exercises/wall-angels.es.md"), Some("es"));
        assert_eq!(lang_of("index.es.md"), Some("es"));
        assert_eq!(lang_of("exercises/wall-angels.md"), None);
        assert_eq!(lang_of("exercises/v1.2.md"), None);
        assert_eq!(
            original_of("exercises/wall-angels.es.md").as_deref(),
            Some("exercises/wall-angels.md")
        );
        assert_eq!(section_of("index.es.md"), Some(Section::Home));
    }

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let f = sp(b"---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(f.front_matter(), Some("title: A\n"));
        assert_eq!(f.fm_line, 2);
        assert_eq!(f.body(), "Body\n");
        assert_eq!(f.body_line, 4);
    }

    #[test]
    fn tolerates_bom_and_crlf() {
        let f = sp("\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n".as_bytes()).unwrap();
        assert_eq!(f.front_matter(), Some("title: A\n"));
        assert_eq!(f.body(), "Body\n");
    }

    #[test]
    fn rejects_non_utf8_with_position() {
        let d = sp(b"---\ntitle: \xff\n---\n").unwrap_err();
        assert_eq!((d.line, d.col), (2, 8));
        assert!(d.message.contains("not UTF-8"));
    }

    #[test]
    fn rejects_empty_and_unclosed() {
        assert!(sp(b"  \n").unwrap_err().message.contains("empty"));
        assert!(sp(b"---\ntitle: A\n")
            .unwrap_err()
            .message
            .contains("never closed"));
    }
}
