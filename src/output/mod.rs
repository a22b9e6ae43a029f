//! Writing the site into the output folder without ever losing a file.
//!
//! - `safety`: which folders may be written at all (resolved through links).
//! - `lock`: one build at a time per output folder.
//! - `manifest`: the marker file, listing the files a build wrote; only
//!   those are ever replaced or deleted.
//! - `commit`: moving a staged build into place, undone if a step fails.
//!
//! A build's files are staged in `OUT/.handout-tmp/new/` as they are
//! rendered (a file that has not changed is left where it is), then moved
//! into place; on any error the previous output stays byte-identical.

mod commit;
mod lock;
mod manifest;
mod safety;

pub(crate) use safety::Refusal;

use anyhow::{anyhow, bail, Context, Result};
use manifest::Previous;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Marker file in every output folder handout writes: it lists the files
/// the last build wrote, and it is what the lock is taken on.
pub(crate) const MARKER: &str = ".handout-output";
/// Work folder inside the output while a build is being put in place.
const WORK: &str = ".handout-tmp";
/// File in the work folder naming the process that writes.
const OWNER: &str = "owner";

/// Writes a site file by file as it is rendered, staged inside the output
/// folder, and puts it in place at `finish`; `abort` (or an error) leaves
/// the previous output as it was. The folder is locked from the first file
/// on, so two builds into one folder take turns.
pub(crate) struct Writer {
    target: safety::Target,
    force: bool,
    stage: OnceLock<std::result::Result<Stage, String>>,
    /// The first problem; later files are skipped.
    error: Mutex<Option<anyhow::Error>>,
    /// Folders inside the staging folder made so far.
    made: Mutex<HashSet<PathBuf>>,
    /// Every file of this build, and the folders that hold a file left in
    /// place because it has not changed.
    files: Mutex<HashSet<String>>,
    kept: Mutex<HashSet<String>>,
}

/// A locked output folder with its work folder.
struct Stage {
    lock: lock::Lock,
    previous: Previous,
    work: PathBuf,
    new: PathBuf,
}

impl Writer {
    /// Checks that the site may be written into `out` (see `safety`);
    /// nothing touches the disk before the first file.
    pub(crate) fn new(root: &Path, out: &Path, force: bool) -> Result<Writer, Refusal> {
        Ok(Writer {
            target: safety::check(root, out, force)?,
            force,
            stage: OnceLock::new(),
            error: Mutex::new(None),
            made: Mutex::new(HashSet::new()),
            files: Mutex::new(HashSet::new()),
            kept: Mutex::new(HashSet::new()),
        })
    }

    fn start(&self) -> Result<&Stage> {
        self.stage
            .get_or_init(|| Stage::open(&self.target, self.force).map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }

    /// Writes one file (site-relative `/`-separated path). Safe to call
    /// from many threads; a failure is kept for `finish` to report.
    pub(crate) fn put(&self, path: &str, bytes: &[u8]) {
        if self.error.lock().map_or(true, |e| e.is_some()) {
            return;
        }
        if let Err(e) = self
            .start()
            .and_then(|stage| self.put_file(stage, path, bytes))
        {
            if let Ok(mut first) = self.error.lock() {
                first.get_or_insert(e);
            }
        }
    }

    fn put_file(&self, stage: &Stage, path: &str, bytes: &[u8]) -> Result<()> {
        let p = Path::new(path);
        if p.is_absolute() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("refusing to write `{path}`: it would land outside the output folder");
        }
        if p.starts_with(MARKER) || p.starts_with(WORK) {
            bail!("refusing to write `{path}`: the name is handout's own (it keeps the output folder's list of files)");
        }
        let unchanged =
            stage.previous.may_replace(path) && same_bytes(&self.target.real.join(p), bytes);
        if let Ok(mut files) = self.files.lock() {
            files.insert(path.to_string());
        }
        if unchanged {
            let mut dir = p.parent();
            let mut kept = self.kept.lock().map_err(|_| anyhow!("writer poisoned"))?;
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                if !kept.insert(d.to_string_lossy().replace('\\', "/")) {
                    break;
                }
                dir = d.parent();
            }
            return Ok(());
        }
        let target = stage.new.join(p);
        if let Some(dir) = target.parent() {
            self.make_dir(dir)?;
        }
        std::fs::write(&target, bytes).with_context(|| format!("cannot write {path}"))
    }

    /// Makes `dir` (and its parents) unless this build already made it.
    fn make_dir(&self, dir: &Path) -> Result<()> {
        if self.made.lock().is_ok_and(|m| m.contains(dir)) {
            return Ok(());
        }
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        if let Ok(mut made) = self.made.lock() {
            made.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Puts the written site in place and records its files in the marker.
    pub(crate) fn finish(mut self) -> Result<()> {
        let mut timer = crate::timings::Timer::start();
        self.start()?;
        let Some(Ok(mut stage)) = self.stage.take() else {
            bail!("the output folder was not prepared");
        };
        if let Some(e) = self.error.get_mut().ok().and_then(|e| e.take()) {
            commit::clear(&stage.work);
            return Err(e);
        }
        let files = std::mem::take(
            self.files
                .get_mut()
                .map_err(|_| anyhow!("writer poisoned"))?,
        );
        let kept = std::mem::take(
            self.kept
                .get_mut()
                .map_err(|_| anyhow!("writer poisoned"))?,
        );
        timer.phase("  take lists");
        let staged = commit::Staged {
            out: &self.target.real,
            shown: &self.target.shown,
            new: &stage.new,
            old: &stage.work.join("old"),
            previous: &stage.previous,
            files: &files,
            kept: &kept,
        };
        let result = commit::commit(&staged, &mut stage.lock);
        let mut timer = crate::timings::Timer::start();
        commit::clear(&stage.work);
        timer.phase("  clear");
        if result.is_ok() {
            stage.lock.keep();
        }
        // The lists of 23,000 names of a big site are freed meanwhile.
        crate::drop_later((
            files,
            kept,
            std::mem::take(
                self.made
                    .get_mut()
                    .map_err(|_| anyhow!("writer poisoned"))?,
            ),
        ));
        drop(stage);
        timer.phase("  unlock");
        result
    }

    /// Drops what was written; the previous output stays.
    pub(crate) fn abort(mut self) {
        if let Some(Ok(stage)) = self.stage.take() {
            commit::clear(&stage.work);
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if let Some(Ok(stage)) = self.stage.take() {
            commit::clear(&stage.work);
        }
    }
}

impl Stage {
    /// Locks the folder, reads its marker, clears what a stopped build
    /// left and makes the work folder.
    fn open(target: &safety::Target, force: bool) -> Result<Stage> {
        let mut lock = lock::Lock::acquire(target)?;
        let shown = target.shown.display();
        let work = target.real.join(WORK);
        let new = work.join("new");
        // Holding the lock, no other build uses a work folder that is there
        // (one that was stopped left it). The note of which process writes
        // comes first, for a build that starts to wait meanwhile.
        remove_tree(&work);
        let make = |dir: &Path| -> std::io::Result<()> {
            std::fs::create_dir(&work)?;
            std::fs::write(work.join(OWNER), std::process::id().to_string())?;
            std::fs::create_dir(dir)
        };
        if let Err(e) = make(&new) {
            remove_tree(&work);
            bail!("cannot write into {shown}: {e}\n  = help: make the folder writable, or choose another with --output DIR");
        }
        let previous = match lock.read() {
            Ok(text) => Previous::parse(&text),
            Err(e) => {
                remove_tree(&work);
                return Err(e);
            }
        };
        if previous == Previous::Nothing && !force && !safety::is_empty(&target.real) {
            remove_tree(&work);
            bail!(
                "{shown} already exists and was not made by handout, so it was left alone.\n  = help: choose another folder with --output DIR, empty it, or pass --force to add the site beside what is there (nothing in it is deleted)"
            );
        }
        Ok(Stage {
            lock,
            previous,
            work,
            new,
        })
    }
}

/// Writes `files` into `out` as a build does (no checks of the folder).
#[cfg(test)]
fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let writer = Writer {
        target: safety::Target {
            shown: out.to_path_buf(),
            real: safety::resolve(out),
        },
        force: true,
        stage: OnceLock::new(),
        error: Mutex::new(None),
        made: Mutex::new(HashSet::new()),
        files: Mutex::new(HashSet::new()),
        kept: Mutex::new(HashSet::new()),
    };
    files
        .par_iter()
        .for_each(|(path, bytes)| writer.put(path, bytes));
    writer.finish()
}

/// True when the file at `path` (not a link) holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
        _ => return false,
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    // Compared a block at a time: one read per block, no copy of the file.
    let mut block = [0u8; 64 * 1024];
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = rest.len().min(block.len());
        if file.read_exact(&mut block[..n]).is_err() || block[..n] != rest[..n] {
            return false;
        }
        rest = &rest[n..];
    }
    // Nothing after the expected end (the file did not grow meanwhile).
    matches!(file.read(&mut block[..1]), Ok(0))
}

/// Deletes a folder of handout's own, its subfolders in parallel. Links are
/// removed, never followed (also when `dir` itself is one).
fn remove_tree(dir: &Path) {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            let _ = std::fs::remove_file(dir);
            return;
        }
        Err(_) => return,
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let entries: Vec<(PathBuf, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
            .collect();
        let remove = |(path, is_dir): &(PathBuf, bool)| {
            if *is_dir {
                remove_tree(path);
            } else {
                let _ = std::fs::remove_file(path);
            }
        };
        // Threads only where there is much to delete.
        if entries.len() > 64 {
            entries.par_iter().for_each(remove);
        } else {
            entries.iter().for_each(remove);
        }
    }
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests;
