//! Which folders a build may write into. Every path is resolved through
//! symbolic links first, so `--output link-to-content` or
//! `--output alias/content/out` are seen for what they are.

use super::manifest::Previous;
use super::{MARKER, WORK};
use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

/// Why the output folder may not be written (exit 2).
#[derive(Debug)]
pub(crate) struct Refusal(pub(crate) String);

/// An output folder that passed the checks.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// As the user wrote it, for messages.
    pub(crate) shown: PathBuf,
    /// Resolved through symbolic links: where the files land.
    pub(crate) real: PathBuf,
}

/// Checks that the site may be written into `out`, resolved through
/// symbolic links. Refused even with `force`: the file-system root, the
/// home folder or a folder holding it, a folder holding the site, a folder
/// inside content/, templates/ or static/, and anything that is not a
/// folder. Refused without `force`: a non-empty folder handout did not make
/// (with `force` the site is added beside what is there).
pub(crate) fn check(root: &Path, out: &Path, force: bool) -> Result<Target, Refusal> {
    let shown = out.display().to_string();
    let real = resolve_output(out, &shown)?;
    // Through a link, say where it leads.
    let leads = match std::path::absolute(out) {
        Ok(abs) if abs.components().eq(real.components()) => String::new(),
        _ => format!(" ({shown} leads to {})", real.display()),
    };
    let refuse = |why: String, help: &str| {
        Err(Refusal(format!(
            "refusing to write the site into {shown}: {why}{leads}\n  = help: {help}"
        )))
    };
    let elsewhere = "choose another folder with --output DIR (the default is public/ in the site)";
    if real.parent().is_none() {
        return refuse("it is the root of the file system".into(), elsewhere);
    }
    if let Some(home) = home_dir() {
        if real == home {
            return refuse("it is your home folder".into(), elsewhere);
        }
        if home.starts_with(&real) {
            return refuse(
                format!("it holds your home folder ({})", home.display()),
                elsewhere,
            );
        }
    }
    let site = resolve(root);
    if site.starts_with(&real) {
        return refuse(
            "it contains the site's own files".into(),
            "choose a folder outside the site's sources, e.g. the default public/",
        );
    }
    for keep in ["content", "templates", "static"] {
        if real.starts_with(resolve(&root.join(keep))) {
            return refuse(
                format!("it is inside {keep}/, where the site's sources live"),
                "choose a folder outside content/, templates/ and static/, e.g. the default public/",
            );
        }
    }
    if !force && is_foreign(&real) {
        return Err(Refusal(format!(
            "{shown} already exists and was not made by handout, so it was left alone.\n  = help: choose another folder with --output DIR, empty it, or pass --force to add the site beside what is there (nothing in it is deleted)"
        )));
    }
    Ok(Target {
        shown: out.to_path_buf(),
        real,
    })
}

/// Where `out` leads: a folder, a symbolic link to one, or nothing yet.
fn resolve_output(out: &Path, shown: &str) -> Result<PathBuf, Refusal> {
    let not_a_folder = |what: &str| {
        Err(Refusal(format!(
            "cannot write the site into {shown}: it is {what}, not a folder\n  = help: choose a folder with --output DIR"
        )))
    };
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(resolve(out)),
        Err(e) => Err(Refusal(format!("cannot look at {shown}: {e}"))),
        Ok(meta) => {
            let kind = if meta.file_type().is_symlink() {
                match fs::metadata(out) {
                    Ok(target) => target.file_type(),
                    Err(_) => {
                        let to = fs::read_link(out).unwrap_or_default();
                        return Err(Refusal(format!(
                            "cannot write the site into {shown}: it is a symbolic link to {}, which does not exist\n  = help: create that folder, or point --output at an existing one",
                            to.display()
                        )));
                    }
                }
            } else {
                meta.file_type()
            };
            if kind.is_dir() {
                Ok(resolve(out))
            } else {
                not_a_folder(kind_name(&kind))
            }
        }
    }
}

/// A name for what is not a folder.
fn kind_name(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_file() {
        "a file"
    } else {
        "something other than a folder"
    }
}

/// `path` made absolute, with every symbolic link resolved: the deepest
/// existing ancestor is canonicalized and the rest (which does not exist,
/// so holds no link) is appended.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    for base in abs.ancestors() {
        if let Ok(mut real) = fs::canonicalize(base) {
            for part in abs.strip_prefix(base).unwrap_or(Path::new("")).components() {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::Normal(name) => real.push(name),
                    _ => {}
                }
            }
            return real;
        }
    }
    abs
}

/// The home folder, resolved; `None` when it is not set.
fn home_dir() -> Option<PathBuf> {
    let home = std::env::home_dir().filter(|h| !h.as_os_str().is_empty())?;
    Some(resolve(&home))
}

/// A folder with something in it and no marker of a finished build.
pub(crate) fn is_foreign(dir: &Path) -> bool {
    let ours = fs::read_to_string(dir.join(MARKER))
        .is_ok_and(|text| Previous::parse(&text) != Previous::Nothing);
    !ours && !is_empty(dir)
}

/// A folder holding nothing but (possibly) what an unfinished build left,
/// or no folder yet.
pub(crate) fn is_empty(dir: &Path) -> bool {
    match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .all(|e| e.file_name() == MARKER || e.file_name() == WORK),
        Err(e) => e.kind() == ErrorKind::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_links_and_missing_parts() {
        let t = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(t.path()).unwrap();
        assert_eq!(resolve(&t.path().join("a/b/../c")), base.join("a/c"));
        #[cfg(unix)]
        {
            fs::create_dir(base.join("real")).unwrap();
            std::os::unix::fs::symlink(base.join("real"), base.join("alias")).unwrap();
            assert_eq!(resolve(&base.join("alias/x/y")), base.join("real/x/y"));
        }
    }

    #[test]
    fn refuses_foreign_folder_and_sources() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.txt"), "x").unwrap();
        assert!(check(t.path(), &out, false).is_err());
        assert!(check(t.path(), &out, true).is_ok());
        assert!(check(t.path(), t.path(), true).is_err());
        assert!(check(t.path(), &t.path().join("content/x"), true).is_err());
        assert!(check(t.path(), Path::new("/"), true).is_err());
        // An empty marker (a build that never finished) does not make it ours.
        fs::write(out.join(MARKER), "").unwrap();
        assert!(check(t.path(), &out, false).is_err());
    }
}
