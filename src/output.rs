//! Writing the site safely: render into a temporary folder next to the
//! output, then swap it in, so a failed build never leaves a half-written
//! site. Only folders that carry our marker file are ever replaced.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Marker file written into every output folder we create.
pub const MARKER: &str = ".handout-output";

/// Why the output folder may not be written.
#[derive(Debug)]
pub struct Refusal(pub String);

/// Checks that `out` may be (re)placed. `force` allows replacing a foreign
/// non-empty folder, but never the site root or its sources.
pub fn check_target(root: &Path, out: &Path, force: bool) -> Result<(), Refusal> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root_a, out_a) = (abs(root), abs(out));
    let norm = |p: PathBuf| -> PathBuf {
        let mut n = PathBuf::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    n.pop();
                }
                Component::CurDir => {}
                c => n.push(c),
            }
        }
        n
    };
    let (root_a, out_a) = (norm(root_a), norm(out_a));
    if root_a.starts_with(&out_a) {
        return Err(Refusal(format!(
            "refusing to write the site into {}: it contains the site's own files",
            out.display()
        )));
    }
    for keep in ["content", "templates", "static"] {
        if out_a.starts_with(root_a.join(keep)) {
            return Err(Refusal(format!(
                "refusing to write the site into {}: it is inside {keep}/",
                out.display()
            )));
        }
    }
    if out_a.is_file() {
        return Err(Refusal(format!(
            "{} is a file, not a folder",
            out.display()
        )));
    }
    if out_a.is_dir() && !out_a.join(MARKER).exists() && !force {
        let empty = std::fs::read_dir(&out_a)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Refusal(format!(
                "{} already exists and was not made by handout, so it was left alone.\n  = help: choose another folder with --output DIR, empty it, or pass --force to replace it",
                out.display()
            )));
        }
    }
    Ok(())
}

/// Writes `files` into `out` atomically (temp folder, then rename).
pub fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let writer = Writer::new(out);
    crate::progress::stage("writing", files.len());
    files.par_iter().for_each(|(path, bytes)| {
        writer.put(path, bytes);
        crate::progress::tick();
    });
    writer.finish()
}

/// Writes a site file by file as it is rendered, into a temporary folder
/// next to the output that `finish` swaps into place; `abort` (or an error)
/// leaves the previous output as it was. Files unchanged since the last
/// build are hard-linked from it rather than written again.
pub struct Writer {
    out: PathBuf,
    parent: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// The previous output, when it is ours (for unchanged files).
    previous: Option<PathBuf>,
    /// Set once the temporary folder exists (made on the first file).
    started: OnceLock<std::result::Result<(), String>>,
    /// The first problem; later files are skipped.
    error: Mutex<Option<anyhow::Error>>,
    /// Folders inside the temporary folder made so far (each is made once,
    /// not once per file).
    made: Mutex<HashSet<PathBuf>>,
}

impl Writer {
    /// Prepares to write `out`; nothing touches the disk before the first file.
    pub fn new(out: &Path) -> Writer {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        let pid = std::process::id();
        Writer {
            out: out.to_path_buf(),
            tmp: parent.join(format!(".{name}.tmp-{pid}")),
            old: parent.join(format!(".{name}.old-{pid}")),
            parent,
            previous: out.join(MARKER).is_file().then(|| out.to_path_buf()),
            started: OnceLock::new(),
            error: Mutex::new(None),
            made: Mutex::new(HashSet::new()),
        }
    }

    fn start(&self) -> Result<()> {
        let started = self.started.get_or_init(|| {
            let make = || -> Result<()> {
                std::fs::create_dir_all(&self.parent)
                    .with_context(|| format!("cannot create {}", self.parent.display()))?;
                if self.tmp.exists() {
                    std::fs::remove_dir_all(&self.tmp)
                        .with_context(|| format!("cannot clear {}", self.tmp.display()))?;
                }
                self.remove_leftovers();
                std::fs::create_dir_all(&self.tmp)
                    .with_context(|| format!("cannot create {}", self.tmp.display()))
            };
            make().map_err(|e| format!("{e:#}"))
        });
        started.clone().map_err(anyhow::Error::msg)
    }

    /// Deletes the temporary folders of earlier builds of this output that
    /// were stopped before they finished (`.public.tmp-PID` and
    /// `.public.old-PID` whose process no longer runs). Only where running
    /// processes can be told (`/proc`); a build still running is left alone.
    fn remove_leftovers(&self) {
        let (Some(name), Ok(entries)) = (self.out.file_name(), std::fs::read_dir(&self.parent))
        else {
            return;
        };
        if !Path::new("/proc/self").exists() {
            return;
        }
        let name = name.to_string_lossy();
        let ours = std::process::id().to_string();
        for entry in entries.filter_map(Result::ok) {
            let file = entry.file_name().to_string_lossy().to_string();
            let pid = [".tmp-", ".old-"]
                .iter()
                .find_map(|kind| file.strip_prefix(&format!(".{name}{kind}")));
            let Some(pid) = pid else { continue };
            let stale = !pid.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && pid != ours
                && !running(pid);
            if stale && entry.file_type().is_ok_and(|t| t.is_dir()) {
                remove_tree(&entry.path());
            }
        }
    }

    /// Writes one file (site-relative `/`-separated path). Safe to call
    /// from many threads; a failure is kept for `finish` to report.
    pub fn put(&self, path: &str, bytes: &[u8]) {
        if self.failed() {
            return;
        }
        if let Err(e) = self.start().and_then(|()| self.put_file(path, bytes)) {
            if let Ok(mut first) = self.error.lock() {
                first.get_or_insert(e);
            }
        }
    }

    fn failed(&self) -> bool {
        self.error.lock().map_or(true, |e| e.is_some())
    }

    fn put_file(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let p = Path::new(path);
        if p.is_absolute() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("refusing to write `{path}`: it would land outside the output folder");
        }
        let target = self.tmp.join(p);
        if let Some(dir) = target.parent() {
            self.make_dir(dir)?;
        }
        if let Some(prev) = self.previous.as_ref().map(|d| d.join(p)) {
            if same_bytes(&prev, bytes) && std::fs::hard_link(&prev, &target).is_ok() {
                return Ok(());
            }
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

    /// Marks the folder as ours and swaps it into place.
    pub fn finish(self) -> Result<()> {
        let result = self.start().and_then(|()| self.swap());
        if result.is_err() {
            self.abort();
        }
        result
    }

    fn swap(&self) -> Result<()> {
        if let Some(e) = self.error.lock().ok().and_then(|mut e| e.take()) {
            return Err(e);
        }
        std::fs::write(
            self.tmp.join(MARKER),
            "This folder was made by `handout build` and is replaced on every build.\n",
        )
        .context("cannot write the output marker")?;
        let out = &self.out;
        if out.exists() {
            std::fs::rename(out, &self.old)
                .with_context(|| format!("cannot move the previous {} aside", out.display()))?;
            if let Err(e) = std::fs::rename(&self.tmp, out) {
                let _ = std::fs::rename(&self.old, out);
                return Err(e)
                    .with_context(|| format!("cannot move the new site into {}", out.display()));
            }
            remove_tree(&self.old);
        } else {
            std::fs::rename(&self.tmp, out)
                .with_context(|| format!("cannot move the new site into {}", out.display()))?;
        }
        Ok(())
    }

    /// Drops what was written; the previous output stays.
    pub fn abort(&self) {
        if self.started.get().is_some() && self.tmp.exists() {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Whether process `pid` is alive (it has an entry in `/proc` and is not a
/// zombie that only waits to be reaped).
fn running(pid: &str) -> bool {
    match std::fs::read_to_string(Path::new("/proc").join(pid).join("stat")) {
        // "PID (command) STATE …": the state follows the last parenthesis.
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => Path::new("/proc").join(pid).exists(),
    }
}

/// True when the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != Some(bytes.len() as u64) {
        return false;
    }
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

/// Deletes a previous output folder, its subfolders in parallel. Symbolic
/// links are removed, never followed.
fn remove_tree(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let entries: Vec<(PathBuf, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
            .collect();
        entries.par_iter().for_each(|(path, is_dir)| {
            if *is_dir {
                remove_tree(path);
            } else {
                let _ = std::fs::remove_file(path);
            }
        });
    }
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_escape() {
        let t = tempfile::tempdir().unwrap();
        let err = write(&t.path().join("out"), &[("../evil.html".into(), vec![])]).unwrap_err();
        assert!(err.to_string().contains("outside the output folder"));
        assert!(!t.path().join("evil.html").exists());
        assert!(!t.path().join("out").exists());
    }

    #[test]
    fn rewrites_changed_files_and_keeps_unchanged_ones() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("out");
        let v1 = vec![
            ("a.html".to_string(), b"same".to_vec()),
            ("d/b.html".to_string(), b"old".to_vec()),
            ("gone.html".to_string(), b"x".to_vec()),
            ("big-same.html".to_string(), vec![b'a'; 150_000]),
            ("big-tail.html".to_string(), vec![b'a'; 150_000]),
        ];
        write(&out, &v1).unwrap();
        let inode = |p: &str| {
            #[cfg(unix)]
            return std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(out.join(p)).unwrap());
            #[cfg(not(unix))]
            return 0;
        };
        let big_same = inode("big-same.html");
        #[cfg(unix)]
        {
            let outside = t.path().join("keep");
            std::fs::create_dir(&outside).unwrap();
            std::fs::write(outside.join("precious"), "!").unwrap();
            std::os::unix::fs::symlink(&outside, out.join("link")).unwrap();
        }
        let v2 = vec![
            ("a.html".to_string(), b"same".to_vec()),
            ("d/b.html".to_string(), b"new, longer".to_vec()),
            ("big-same.html".to_string(), vec![b'a'; 150_000]),
            // Same length, one byte different, past the first compared block.
            ("big-tail.html".to_string(), {
                let mut v = vec![b'a'; 150_000];
                v[149_999] = b'b';
                v
            }),
        ];
        write(&out, &v2).unwrap();
        assert_eq!(
            inode("big-same.html"),
            big_same,
            "unchanged: linked, not rewritten"
        );
        assert_eq!(std::fs::read(out.join("big-tail.html")).unwrap(), v2[3].1);
        assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"same");
        assert_eq!(std::fs::read(out.join("d/b.html")).unwrap(), b"new, longer");
        assert!(!out.join("gone.html").exists());
        assert!(
            t.path().join("keep/precious").exists(),
            "links are not followed"
        );
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary folders left: {names:?}");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn clears_temporary_folders_of_stopped_builds() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("out");
        // No process has this number (above the kernel's largest).
        for dir in [".out.tmp-99999999", ".out.old-99999999"] {
            std::fs::create_dir_all(t.path().join(dir).join("exercises")).unwrap();
            std::fs::write(t.path().join(dir).join("exercises/a.html"), "x").unwrap();
        }
        // Another output's, not a process number, and a build still running
        // (process 1 always runs).
        for dir in [".other.tmp-99999999", ".out.tmp-notes", ".out.tmp-1"] {
            std::fs::create_dir(t.path().join(dir)).unwrap();
        }
        write(&out, &[("index.html".into(), b"hi".to_vec())]).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".other.tmp-99999999", ".out.tmp-1", ".out.tmp-notes", "out"]
        );
    }

    #[test]
    fn refuses_foreign_folder_and_sources() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("mine.txt"), "x").unwrap();
        assert!(check_target(t.path(), &out, false).is_err());
        assert!(check_target(t.path(), &out, true).is_ok());
        assert!(check_target(t.path(), t.path(), true).is_err());
        assert!(check_target(t.path(), &t.path().join("content/x"), true).is_err());
    }
}
