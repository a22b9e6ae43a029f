//! One writer at a time per output folder: an exclusive lock on the marker
//! file, held from before the folder is looked at until the new site is in
//! place. A second build waits for the first (saying which process it waits
//! for). The lock is the operating system's (`flock`, `LockFileEx`), so a
//! build that is killed never leaves it held.

use super::safety::Target;
use super::{MARKER, OWNER, WORK};
use anyhow::{bail, Context, Result};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Read, Seek, Write};
use std::path::PathBuf;

/// The held lock on an output folder, through its marker file.
pub(crate) struct Lock {
    file: File,
    dir: PathBuf,
    /// This build created the marker (to lock it) or the folder itself:
    /// both go again unless the build finishes.
    made_marker: bool,
    made_dir: bool,
}

impl Lock {
    /// Takes the lock on `target`'s folder (made if missing), waiting while
    /// another build holds it.
    pub(crate) fn acquire(target: &Target) -> Result<Lock> {
        let dir = target.real.clone();
        let shown = target.shown.display().to_string();
        let cannot = |e: std::io::Error| {
            anyhow::anyhow!(
                "cannot write into {shown}: {e}\n  = help: make the folder writable, or choose another with --output DIR"
            )
        };
        let mut made_dir = false;
        let mut told = false;
        // A marker may be deleted between opening and locking it (by a build
        // that failed before writing anything): then start again.
        for _ in 0..1000 {
            if let Some(parent) = dir.parent() {
                fs::create_dir_all(parent).map_err(cannot)?;
            }
            match fs::create_dir(&dir) {
                Ok(()) => made_dir = true,
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(e) => return Err(cannot(e)),
            }
            let marker = dir.join(MARKER);
            if let Ok(meta) = fs::symlink_metadata(&marker) {
                if !meta.is_file() {
                    bail!(
                        "cannot write into {shown}: its {MARKER} is not a plain file\n  = help: remove {}, or choose another folder with --output DIR",
                        marker.display()
                    );
                }
            }
            let rw = || OpenOptions::new().read(true).write(true).clone();
            let (file, made_marker) = match rw().create_new(true).open(&marker) {
                Ok(f) => (f, true),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => match rw().open(&marker) {
                    Ok(f) => (f, false),
                    Err(e) if e.kind() == ErrorKind::NotFound => continue,
                    Err(e) => return Err(cannot(e)),
                },
                Err(e) if e.kind() == ErrorKind::NotFound => continue,
                Err(e) => return Err(cannot(e)),
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if !told {
                        eprintln!(
                            "waiting: {} is writing into {shown}",
                            holder(&dir).map_or("another handout build".into(), |pid| {
                                format!("another handout build (process {pid})")
                            })
                        );
                        told = true;
                    }
                    file.lock().map_err(cannot)?;
                }
                // A file system without locks (some network drives): go on
                // without one rather than refuse to build there.
                Err(TryLockError::Error(_)) => {}
            }
            if !still_there(&file, &marker) {
                continue;
            }
            return Ok(Lock {
                file,
                dir,
                made_marker,
                made_dir,
            });
        }
        bail!("cannot lock {shown}: its {MARKER} keeps being replaced")
    }

    /// The marker's text (empty when this build made it).
    pub(crate) fn read(&mut self) -> Result<String> {
        let mut bytes = Vec::new();
        self.file.rewind()?;
        self.file
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", self.dir.join(MARKER).display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Replaces the marker's text (in place: the locked file stays the same).
    pub(crate) fn write(&mut self, text: &str) -> Result<()> {
        let mut put = || -> std::io::Result<()> {
            self.file.set_len(0)?;
            self.file.rewind()?;
            self.file.write_all(text.as_bytes())
        };
        put().with_context(|| format!("cannot write {}", self.dir.join(MARKER).display()))
    }

    /// The build finished: its marker and folder stay.
    pub(crate) fn keep(&mut self) {
        self.made_marker = false;
        self.made_dir = false;
    }
}

impl Drop for Lock {
    /// Unless kept, removes the marker and folder this build made (still
    /// holding the lock, so a waiting build sees they are gone).
    fn drop(&mut self) {
        if self.made_marker {
            let _ = fs::remove_file(self.dir.join(MARKER));
        }
        if self.made_dir {
            let _ = fs::remove_dir(&self.dir);
        }
    }
}

/// The process that holds the lock, as it wrote it into the work folder.
fn holder(dir: &std::path::Path) -> Option<u32> {
    fs::read_to_string(dir.join(WORK).join(OWNER))
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether `marker` still names the locked file (not a link, not deleted
/// or replaced meanwhile).
fn still_there(file: &File, marker: &std::path::Path) -> bool {
    let plain = fs::symlink_metadata(marker).is_ok_and(|m| m.is_file());
    let same = || -> std::io::Result<bool> {
        Ok(same_file::Handle::from_file(file.try_clone()?)?
            == same_file::Handle::from_path(marker)?)
    };
    plain && same().unwrap_or(false)
}
