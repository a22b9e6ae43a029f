//! Putting a staged build into the output folder. The new files wait in
//! `.handout-tmp/new/` (only those that differ from what is there); here
//! they are moved in, whole folders at a time where the folder is entirely
//! handout's, one file at a time (each an atomic rename) where it is not.
//! Nothing is moved until every name is known to be free or handout's; if a
//! move fails, every earlier one is undone, so the previous output stays
//! byte-identical. Only then are the files of the last build that this one
//! no longer writes deleted.

use super::lock::Lock;
use super::manifest::{self, Previous};
use super::remove_tree;
use anyhow::{bail, Context, Result};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// What a staged build needs to be put in place.
pub(crate) struct Staged<'a> {
    /// The output folder (resolved) and its name as the user wrote it.
    pub(crate) out: &'a Path,
    pub(crate) shown: &'a Path,
    /// `.handout-tmp/new` and `.handout-tmp/old` (for what is replaced).
    pub(crate) new: &'a Path,
    pub(crate) old: &'a Path,
    pub(crate) previous: &'a Previous,
    /// Every file of this build, staged or left in place unchanged.
    pub(crate) files: &'a HashSet<String>,
    /// Folders that hold a file left in place (never replaced whole).
    pub(crate) kept: &'a HashSet<String>,
}

/// One step of putting the build in place.
#[derive(Debug)]
enum Step {
    /// Nothing was at the name: moved in.
    Move(String),
    /// A file of the last build, replaced by one rename (a hard link to
    /// the old one is kept aside to undo it).
    Replace(String),
    /// A file or folder entirely of the last build, moved aside whole.
    Swap(String),
}

/// Moves the staged build into place and deletes what the last build
/// wrote and this one does not; `lock` holds the marker, rewritten to list
/// this build's files.
pub(crate) fn commit(s: &Staged, lock: &mut Lock) -> Result<()> {
    let mut timer = crate::timings::Timer::start();
    let mut steps = Vec::new();
    let mut conflicts = Vec::new();
    plan(s, "", &mut steps, &mut conflicts)?;
    if !conflicts.is_empty() {
        conflicts.sort();
        let n = conflicts.len();
        let mut list: Vec<String> = conflicts
            .iter()
            .take(5)
            .map(|c| s.shown.join(c).display().to_string())
            .collect();
        if n > 5 {
            list.push(format!("and {} more", n - 5));
        }
        bail!(
            "refusing to replace {} that handout did not write: {}\n  = help: move {} out of {}, or choose another folder with --output DIR",
            if n == 1 { "a file" } else { "files" },
            list.join(", "),
            if n == 1 { "it" } else { "them" },
            s.shown.display()
        );
    }
    timer.phase("  plan");
    // What could be in the folder while files move: all of it is listed
    // first, so a build stopped half-way leaves nothing unaccounted for.
    let listed = s.previous.listed();
    let mut before = None;
    if listed.is_none_or(|l| !s.files.is_subset(l)) {
        before = Some(lock.read()?);
        let all = s.files.iter().chain(listed.into_iter().flatten());
        lock.write(&manifest::format(all.map(String::as_str)))?;
    }
    timer.phase("  list first");
    let mut done = Vec::with_capacity(steps.len());
    for step in steps {
        if let Err(e) = run(s, &step) {
            undo(s, &done);
            if let Some(before) = &before {
                lock.write(before)?;
            }
            return Err(e).with_context(|| format!("cannot write into {}", s.shown.display()));
        }
        done.push(step);
    }
    let swapped: Vec<&str> = done
        .iter()
        .filter_map(|d| match d {
            Step::Swap(r) => Some(r.as_str()),
            _ => None,
        })
        .collect();
    timer.phase("  move in");
    let left: HashSet<String> = delete_stale(s, &swapped).into_iter().collect();
    timer.phase("  delete old");
    // The list on disk is already this build's unless files of the last
    // build are gone now.
    let gone = listed.is_some_and(|l| l.iter().any(|f| !s.files.contains(f) && !left.contains(f)));
    if gone {
        lock.write(&manifest::format(
            s.files.iter().chain(&left).map(String::as_str),
        ))?;
    }
    timer.phase("  list last");
    Ok(())
}

/// Decides what each staged entry under `rel` becomes.
fn plan(s: &Staged, rel: &str, steps: &mut Vec<Step>, conflicts: &mut Vec<String>) -> Result<()> {
    let dir = s.new.join(rel);
    let entries = fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let r = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let new_is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let there = match fs::symlink_metadata(s.out.join(&r)) {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                steps.push(Step::Move(r));
                continue;
            }
            Err(e) => return Err(e).with_context(|| format!("cannot look at {r}")),
            Ok(m) => m.file_type(),
        };
        let ours_whole = || {
            if there.is_file() {
                s.previous.may_delete(&r)
            } else {
                there.is_dir() && !s.kept.contains(&r) && whole_tree_ours(s, &r)
            }
        };
        if there.is_file() && !new_is_dir && s.previous.may_replace(&r) {
            steps.push(Step::Replace(r));
        } else if ours_whole() {
            steps.push(Step::Swap(r));
        } else if there.is_dir() && new_is_dir {
            plan(s, &r, steps, conflicts)?;
        } else {
            conflicts.push(r);
        }
    }
    Ok(())
}

/// Whether the folder `rel` of the output holds only files of the last
/// build (and at least one): then it can be replaced whole.
fn whole_tree_ours(s: &Staged, rel: &str) -> bool {
    let Ok(entries) = fs::read_dir(s.out.join(rel)) else {
        return false;
    };
    let mut any = false;
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let r = format!("{rel}/{}", entry.file_name().to_string_lossy());
        let ok = match entry.file_type() {
            Ok(t) if t.is_file() => s.previous.may_delete(&r),
            Ok(t) if t.is_dir() => whole_tree_ours(s, &r),
            _ => false,
        };
        if !ok {
            return false;
        }
        any = true;
    }
    any
}

fn run(s: &Staged, step: &Step) -> Result<()> {
    let (out, new, old) = (s.out, s.new, s.old);
    match step {
        Step::Move(r) => rename(&new.join(r), &out.join(r)),
        Step::Replace(r) => {
            make_parent(&old.join(r))?;
            // A link keeps the old file while the new one takes its name in
            // one rename; where links are not possible, it is moved aside.
            if fs::hard_link(out.join(r), old.join(r)).is_err() {
                rename(&out.join(r), &old.join(r))?;
            }
            rename(&new.join(r), &out.join(r))
        }
        Step::Swap(r) => {
            make_parent(&old.join(r))?;
            rename(&out.join(r), &old.join(r))?;
            rename(&new.join(r), &out.join(r)).inspect_err(|_| {
                let _ = fs::rename(old.join(r), out.join(r));
            })
        }
    }
}

/// Undoes `done`, last first.
fn undo(s: &Staged, done: &[Step]) {
    let (out, new, old) = (s.out, s.new, s.old);
    for step in done.iter().rev() {
        let _ = match step {
            Step::Move(r) => fs::rename(out.join(r), new.join(r)),
            Step::Replace(r) => fs::rename(old.join(r), out.join(r)),
            Step::Swap(r) => fs::rename(out.join(r), new.join(r))
                .and_then(|()| fs::rename(old.join(r), out.join(r))),
        };
    }
}

/// Deletes the files of the last build that this one did not write (not
/// those that left with a folder replaced whole). Never through a link: a
/// file is deleted only where every folder above it is a real folder.
/// Returns the files that could not be deleted (they stay listed).
fn delete_stale(s: &Staged, swapped: &[&str]) -> Vec<String> {
    let Some(listed) = s.previous.listed() else {
        return Vec::new();
    };
    let mut real_dirs: HashMap<PathBuf, bool> = HashMap::new();
    let mut emptied = HashSet::new();
    let mut left = Vec::new();
    for r in listed.difference(s.files) {
        if swapped.iter().any(|w| within(r, w)) {
            continue;
        }
        let path = s.out.join(r);
        if !parents_are_real(s.out, &path, &mut real_dirs) {
            continue;
        }
        match fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() => match fs::remove_file(&path) {
                Ok(()) => {
                    emptied.extend(path.parent().map(Path::to_path_buf));
                }
                Err(_) => left.push(r.clone()),
            },
            _ => {}
        }
    }
    // Folders left empty by the deletions go too (a folder with anything
    // in it stays).
    let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
    emptied.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
    for dir in emptied {
        let mut d = dir.as_path();
        while d != s.out && d.starts_with(s.out) && fs::remove_dir(d).is_ok() {
            d = d.parent().unwrap_or(s.out);
        }
    }
    left
}

/// `r` is `dir` or inside it.
fn within(r: &str, dir: &str) -> bool {
    r.strip_prefix(dir)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Every folder between `out` and `path` is a real folder, not a link.
fn parents_are_real(out: &Path, path: &Path, known: &mut HashMap<PathBuf, bool>) -> bool {
    let Some(parent) = path.parent() else {
        return false;
    };
    if parent == out {
        return true;
    }
    if let Some(&ok) = known.get(parent) {
        return ok;
    }
    let ok = fs::symlink_metadata(parent).is_ok_and(|m| m.is_dir())
        && parents_are_real(out, parent, known);
    known.insert(parent.to_path_buf(), ok);
    ok
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(Into::into)
}

fn make_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(p) => fs::create_dir_all(p).map_err(Into::into),
        None => Ok(()),
    }
}

/// Removes the work folder once the build is in place (or given up).
pub(crate) fn clear(work: &Path) {
    remove_tree(work);
}
