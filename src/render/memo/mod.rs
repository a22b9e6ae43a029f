//! Re-rendering only what changed, for `serve`. Between builds it keeps each
//! Markdown body and each output file with a fingerprint of what went into
//! it; a later build reuses the result when the fingerprint is unchanged.
//!
//! A page's fingerprint covers everything its template context can show
//! (see `contexts/` and `sheet`): when a page starts showing something
//! new, add it to `Prints::job` (`prints.rs`), or the server may keep
//! showing a stale page; likewise an exercise's view (`Memo::exercise_view`).
//! `tests/testsuite/serve/edits.rs` checks that served pages match a fresh
//! build after edits.

use super::views::{ExerciseView, RoutineView};
use crate::fingerprint::Kept;
use crate::markdown::{Rendered, Scan};
use crate::model::ids::RoutineId;
use crate::site::pages::Page as Job;
use crate::site::Site;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

mod prints;
pub(super) use prints::Prints;

/// Results of earlier builds, kept by `serve` between rebuilds.
#[derive(Default)]
pub struct Memo {
    /// Parsed front-matter, by file.
    pub(crate) content: crate::parse::ParseMemo,
    /// Each body's heading ids and links, by content path (fingerprint of the body).
    scans: Kept<Arc<Scan>>,
    /// Each file's content warnings of one kind (reading grade, steps), by
    /// kind and content path (fingerprint of the file and the check's setting).
    warnings: Kept<Arc<Vec<crate::diag::Diagnostic>>, (&'static str, String)>,
    /// Each rendered body, by content path (fingerprint of the file and the
    /// pages its links can point to).
    bodies: Kept<Arc<Rendered>>,
    /// Each output file's bytes, by output path (fingerprint of the page's inputs).
    files: Kept<Arc<Vec<u8>>>,
    /// Each routine's sheet layout and fit warning, by content path.
    fits: Kept<crate::sheet::Fitting>,
    /// Each exercise's view and template value, by content path
    /// (`Memo::exercise_view`).
    views: Kept<(Arc<ExerciseView>, tera::Value)>,
    /// Each page's entry in the search index.
    pub(super) search: crate::search::EntryCache,
    /// Fingerprint of the last build's output paths and content files.
    listing: Mutex<u64>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

pub(crate) use crate::fingerprint::of as print_of;

/// A picture file as `serve` sees it change: its path, length and time of
/// last change (none for the theme's own pictures).
pub(crate) type PictureStamp = (String, Option<(u64, Option<std::time::SystemTime>)>);

/// Feeds serialized views into a hasher without building a string.
struct HashWriter<'a, H>(&'a mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A fingerprint of everything pages show of a rendered body.
fn body_print(b: &Rendered) -> u64 {
    print_of((&b.html, &b.headings, &b.steps, &b.intro, &b.text))
}

fn print_serialized(value: &impl serde::Serialize, extra: impl Hash) -> u64 {
    let mut h = crate::fingerprint::hasher();
    let _ = serde_json::to_writer(HashWriter(&mut h), value);
    extra.hash(&mut h);
    h.finish()
}

impl Memo {
    /// The heading ids and links of `rel`'s body, found by `make` unless
    /// `body` is unchanged.
    pub(crate) fn scan(&self, rel: &str, body: &str, make: impl FnOnce() -> Scan) -> Arc<Scan> {
        self.scans
            .get_or_make(rel, print_of(body), || Arc::new(make()))
    }

    /// The warnings of kind `kind` about `file` (with `setting`, what else
    /// the check reads), found by `make` unless the file is unchanged.
    pub(crate) fn warnings(
        &self,
        file: &crate::source::load::SourceFile,
        kind: &'static str,
        setting: u64,
        make: impl FnOnce() -> Vec<crate::diag::Diagnostic>,
    ) -> Arc<Vec<crate::diag::Diagnostic>> {
        let print = print_of((
            &file.text,
            &file.display,
            file.fm_line,
            file.body_line,
            setting,
        ));
        let key = (kind, file.rel.clone());
        self.warnings.get_or_make(&key, print, || Arc::new(make()))
    }

    /// `rel`'s rendered body, made by `make` unless `print` is unchanged.
    pub(crate) fn body(
        &self,
        rel: &str,
        print: u64,
        make: impl FnOnce() -> Rendered,
    ) -> Arc<Rendered> {
        self.bodies.get_or_make(rel, print, || Arc::new(make()))
    }

    /// The bytes of `path`, kept from an earlier build when `print` matches.
    pub(crate) fn file(&self, path: &str, print: u64) -> Option<Arc<Vec<u8>>> {
        self.files.get(path, print)
    }

    /// The sheet layout and warning of every routine, each worked out again
    /// only when what its sheet shows changed (`sheet::fits`).
    pub(super) fn sheet_fits(
        &self,
        site: &Site,
        kit: &crate::sheet::Kit,
        prints: &Prints,
        routines: &[RoutineView],
        bodies: &HashMap<usize, Arc<Rendered>>,
    ) -> Vec<crate::sheet::Fitting> {
        use rayon::prelude::*;
        (0..routines.len())
            .into_par_iter()
            .map(|i| {
                let r = &site.content.routines[i];
                let file = &site.content.files[r.src];
                let print = prints
                    .job(site, &Job::RoutineSheet(RoutineId::new(i)))
                    .map(|p| print_of((p, &file.display)));
                let make = || super::fit_routine(site, kit, i, &routines[i], bodies);
                match print {
                    Some(p) => self.fits.get_or_make(&file.rel, p, make),
                    None => make(),
                }
            })
            .collect()
    }

    /// The view and template value of the exercise read from `file`, made
    /// by `make` unless what it is made from is unchanged: the file, its
    /// rendered body, its pictures on disk and `shared` (the site view,
    /// theme, words and settings, `Memo::views_print`).
    pub(crate) fn exercise_view(
        &self,
        file: &crate::source::load::SourceFile,
        inputs: (u64, bool, Option<&Rendered>, Vec<PictureStamp>),
        make: impl FnOnce() -> (Arc<ExerciseView>, tera::Value),
    ) -> (Arc<ExerciseView>, tera::Value) {
        let (shared, moved, body, pictures) = inputs;
        let body = body.map(body_print);
        let print = print_of((
            shared,
            moved,
            &file.text,
            &file.display,
            file.fm_line,
            file.body_line,
            body,
            pictures,
        ));
        self.views.get_or_make(&file.rel, print, make)
    }

    /// What every exercise view is made from besides its own file.
    pub(crate) fn views_print(
        site: &Site,
        theme: &crate::theme::Theme,
        site_view: &super::views::SiteView,
    ) -> u64 {
        print_serialized(
            site_view,
            (
                theme.print,
                site.words.print(),
                format!("{:?}", site.config),
            ),
        )
    }

    /// Whether this build's output paths and content files (`print`)
    /// differ from the last build's; remembers them.
    pub(super) fn listing_changed(&self, print: u64) -> bool {
        std::mem::replace(&mut *crate::sync::lock(&self.listing), print) != print
    }

    /// Forgets what belongs to pages and files this build no longer has
    /// (a deleted or renamed exercise), so a long `serve` session does not
    /// keep them: output paths not in `outputs`, content not in `sources`,
    /// search entries not in `urls`.
    pub(super) fn forget_others(
        &self,
        outputs: &HashSet<&str>,
        sources: &HashSet<&str>,
        urls: &HashSet<&str>,
    ) {
        self.files.retain(|path| outputs.contains(path.as_str()));
        self.scans.retain(|rel| sources.contains(rel.as_str()));
        self.warnings
            .retain(|(_, rel)| sources.contains(rel.as_str()));
        self.bodies.retain(|rel| sources.contains(rel.as_str()));
        self.fits.retain(|rel| sources.contains(rel.as_str()));
        self.views.retain(|rel| sources.contains(rel.as_str()));
        self.content.retain(|rel| sources.contains(rel));
        self.search.retain(|url| urls.contains(url.as_str()));
    }

    /// How many output files, bodies, heading-id sets, sheet layouts and
    /// search entries are kept (for tests).
    #[cfg(test)]
    pub(super) fn sizes(&self) -> [usize; 5] {
        [
            self.files.len(),
            self.bodies.len(),
            self.scans.len(),
            self.fits.len(),
            self.search.len(),
        ]
    }

    /// Keeps `bytes` as the output of `path` for `print`.
    pub(crate) fn keep(&self, path: &str, print: u64, bytes: &Arc<Vec<u8>>) {
        self.files.keep(path, print, Arc::clone(bytes));
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn copy(from: &Path, to: &Path) {
        for entry in walkdir::WalkDir::new(from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    #[test]
    fn forgets_pages_that_are_gone() {
        let t = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        copy(&fixture, t.path());
        let exercises = t.path().join("content/exercises");
        // An extra exercise that nothing else links to.
        let text = std::fs::read_to_string(exercises.join("prone-w.md"))
            .unwrap()
            .replace("title: Prone W", "title: Prone Y")
            .replace("related: [scapular-squeeze]\n", "");
        std::fs::write(exercises.join("prone-y.md"), text).unwrap();
        let memo = std::sync::Arc::new(super::Memo::default());
        let opts = crate::Options {
            root: t.path().to_path_buf(),
            memo: Some(memo.clone()),
            ..Default::default()
        };
        let built = |opts: &crate::Options| match crate::compile(opts) {
            Ok(c) => c.output.files.len(),
            Err(e) => panic!("{e:?}"),
        };
        built(&opts);
        let before = memo.sizes();
        std::fs::remove_file(exercises.join("prone-y.md")).unwrap();
        built(&opts);
        let after = memo.sizes();
        // Its page and sheet, its body and heading ids, its search entry.
        assert_eq!(
            after[0],
            before[0] - 2,
            "kept pages: {before:?} → {after:?}"
        );
        assert_eq!(
            after[1],
            before[1] - 1,
            "kept bodies: {before:?} → {after:?}"
        );
        assert_eq!(
            after[2],
            before[2] - 1,
            "kept heading ids: {before:?} → {after:?}"
        );
        assert_eq!(after[3], before[3], "the routine's layout stays");
        assert_eq!(
            after[4],
            before[4] - 1,
            "kept search entries: {before:?} → {after:?}"
        );
    }
}
