//! The output-folder promise, end to end: a build replaces or deletes only
//! files an earlier build wrote, follows a linked output folder, refuses
//! folders it must never write (even with --force), takes turns with other
//! builds, and never leaves a half-written site or temporary folders.
//! Every test works in a fresh temporary folder with a fake home folder.

use crate::common::*;
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary workspace: `home/` (set as HOME) and a site made by
/// `handout init s`.
struct Work {
    dir: tempfile::TempDir,
}

impl Work {
    fn new() -> Work {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("home")).unwrap();
        let w = Work { dir };
        let o = w.run(&["init", "s"]);
        assert!(o.status.success(), "{}", stderr(&o));
        w
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .current_dir(self.path())
            .env("HOME", self.path().join("home"))
            .env("USERPROFILE", self.path().join("home"));
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run handout")
    }

    /// `handout build --root s ARGS`, which must succeed.
    fn build_ok(&self, args: &[&str]) -> Output {
        let o = self.build(args);
        assert!(o.status.success(), "build failed:\n{}", stderr(&o));
        o
    }

    fn build(&self, args: &[&str]) -> Output {
        let mut all = vec!["build", "--root", "s"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Adds exercise `slug` to the site.
    fn exercise(&self, slug: &str, title: &str) {
        let text = fs::read_to_string(
            self.path()
                .join("s/content/exercises/shoulder-blade-squeeze.md"),
        )
        .unwrap()
        .replace("title: Shoulder blade squeeze", &format!("title: {title}"));
        fs::write(
            self.path().join(format!("s/content/exercises/{slug}.md")),
            text,
        )
        .unwrap();
    }

    /// Every file and link under the workspace, with its bytes or where it
    /// points.
    fn snapshot(&self) -> BTreeMap<String, String> {
        let mut all = BTreeMap::new();
        for e in walkdir::WalkDir::new(self.path())
            .into_iter()
            .filter_map(Result::ok)
        {
            let rel = e
                .path()
                .strip_prefix(self.path())
                .unwrap()
                .display()
                .to_string();
            let t = e.file_type();
            let what = if t.is_symlink() {
                format!("link to {}", fs::read_link(e.path()).unwrap().display())
            } else if t.is_file() {
                String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned()
            } else if t.is_dir() {
                "folder".into()
            } else {
                "other".into()
            };
            all.insert(rel, what);
        }
        all
    }

    /// Temporary files or folders anywhere in the workspace.
    fn litter(&self) -> Vec<String> {
        walkdir::WalkDir::new(self.path())
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".handout-tmp") || n.contains(".old-") || n.contains(".tmp-"))
            .collect()
    }
}

#[cfg(unix)]
fn link(to: &str, at: &Path) {
    std::os::unix::fs::symlink(to, at).unwrap();
}

#[test]
#[cfg(unix)]
fn a_linked_output_folder_is_followed_and_its_other_files_survive() {
    let w = Work::new();
    w.build_ok(&["--output", "www"]);
    fs::write(w.path().join("www/CNAME"), "clinic.example\n").unwrap();
    link("../www", &w.path().join("s/public"));
    let o = w.build_ok(&[]);
    assert!(stderr(&o).contains("→ s/public/"), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(w.path().join("www/CNAME")).unwrap(),
        "clinic.example\n"
    );
    assert!(w.path().join("www/index.html").is_file());
    assert!(w
        .path()
        .join("www/print/exercises/band-pull-apart.html")
        .is_file());
    assert!(
        w.path().join("s/public").is_symlink(),
        "the link stays a link"
    );
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
#[cfg(unix)]
fn force_never_writes_through_a_link_to_the_site_its_sources_or_home() {
    let w = Work::new();
    fs::write(w.path().join("home/notes.txt"), "mine").unwrap();
    link("s", &w.path().join("to-root"));
    link("s/content", &w.path().join("to-content"));
    link("home", &w.path().join("to-home"));
    let before = w.snapshot();
    for (out, why) in [
        (
            "to-root",
            "it contains the site's own files (to-root leads to ",
        ),
        ("to-content", "it is inside content/"),
        ("to-root/content/out", "it is inside content/"),
        ("to-home", "it is your home folder"),
        ("home", "it is your home folder"),
    ] {
        let o = w.build(&["--output", out, "--force"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{out}: {err}");
        if !why.is_empty() {
            assert!(err.contains(why), "{out}: {err}");
        }
        assert!(err.contains("= help: choose"), "{out}: {err}");
        assert_eq!(w.snapshot(), before, "{out}: something changed");
    }
}

#[test]
#[cfg(unix)]
fn a_fifo_or_a_file_is_not_an_output_folder() {
    let w = Work::new();
    let fifo = w.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    fs::write(w.path().join("file"), "x").unwrap();
    let before = w.snapshot();
    for (out, what) in [("pipe", "a named pipe (FIFO)"), ("file", "a file")] {
        let o = w.build(&["--output", out, "--force"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains(&format!("it is {what}, not a folder")),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(w.snapshot(), before);
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn files_handout_did_not_write_survive_rebuilds_and_its_own_old_files_go() {
    let w = Work::new();
    w.exercise("neck-stretch", "Neck stretch");
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    fs::write(public.join("CNAME"), "clinic.example\n").unwrap();
    fs::write(public.join(".nojekyll"), "").unwrap();
    fs::create_dir_all(public.join(".git/refs")).unwrap();
    fs::write(public.join(".git/HEAD"), "ref: refs/heads/pages\n").unwrap();
    fs::write(
        public.join("exercises/clinic-note.txt"),
        "ours, not handout's",
    )
    .unwrap();
    let foreign = |w: &Work| -> BTreeMap<String, String> {
        w.snapshot()
            .into_iter()
            .filter(|(k, _)| k.starts_with("s/public/"))
            .filter(|(k, _)| {
                k.contains("CNAME")
                    || k.contains(".nojekyll")
                    || k.contains(".git")
                    || k.contains("clinic-note")
            })
            .collect()
    };
    let kept = foreign(&w);
    assert_eq!(kept.len(), 6, "{kept:?}");
    for round in 1..=3 {
        w.exercise("neck-stretch", &format!("Neck stretch {round}"));
        w.build_ok(&[]);
        assert_eq!(foreign(&w), kept, "round {round}");
        let page = fs::read_to_string(public.join("exercises/neck-stretch.html")).unwrap();
        assert!(page.contains(&format!("Neck stretch {round}")));
    }
    // The exercise is deleted: its pages and sheet go, nothing else.
    fs::remove_file(w.path().join("s/content/exercises/neck-stretch.md")).unwrap();
    w.build_ok(&[]);
    assert!(!public.join("exercises/neck-stretch.html").exists());
    assert!(!public.join("print/exercises/neck-stretch.html").exists());
    assert!(public.join("exercises/band-pull-apart.html").exists());
    assert_eq!(foreign(&w), kept);
    let marker = fs::read_to_string(public.join(".handout-output")).unwrap();
    assert!(
        marker.contains("\nexercises/band-pull-apart.html\n"),
        "{marker}"
    );
    assert!(!marker.contains("neck-stretch") && !marker.contains("CNAME"));
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
fn force_adds_the_site_beside_what_is_there_and_deletes_nothing() {
    let w = Work::new();
    let out = w.path().join("site-root");
    fs::create_dir_all(out.join("photos")).unwrap();
    fs::write(out.join("photos/team.jpg"), "jpeg").unwrap();
    fs::write(out.join("index.html"), "the clinic's own home page").unwrap();
    let o = w.build(&["--output", "site-root"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("was not made by handout"),
        "{}",
        stderr(&o)
    );
    let before = w.snapshot();
    // With --force, but a file of the same name as a page is there: refused.
    let o = w.build(&["--output", "site-root", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("refusing to replace a file that handout did not write: site-root/index.html"),
        "{err}"
    );
    assert_eq!(w.snapshot(), before, "nothing changed");
    fs::remove_file(out.join("index.html")).unwrap();
    w.build_ok(&["--output", "site-root", "--force"]);
    assert_eq!(
        fs::read_to_string(out.join("photos/team.jpg")).unwrap(),
        "jpeg"
    );
    assert!(out.join("index.html").exists());
    // From now on it is handout's output: no --force needed.
    w.build_ok(&["--output", "site-root"]);
    assert_eq!(
        fs::read_to_string(out.join("photos/team.jpg")).unwrap(),
        "jpeg"
    );
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let w = Work::new();
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    let before = all_files(&public);
    // A template error, found while files are already being written.
    fs::create_dir_all(w.path().join("s/templates")).unwrap();
    fs::write(w.path().join("s/templates/exercise.html"), "{{ nope(").unwrap();
    w.exercise("neck-stretch", "Neck stretch");
    let o = w.build(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        all_files(&public),
        before,
        "a template error changed the output"
    );
    fs::remove_dir_all(w.path().join("s/templates")).unwrap();
    // A page whose name is taken by a file a person put there.
    fs::write(public.join("exercises/neck-stretch.html"), "hand-made").unwrap();
    let before = all_files(&public);
    let o = w.build(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("s/public/exercises/neck-stretch.html"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        all_files(&public),
        before,
        "a refused build changed the output"
    );
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
#[cfg(unix)]
fn a_read_only_output_folder_is_reported_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let w = Work::new();
    w.build_ok(&["--output", "ro"]);
    w.exercise("neck-stretch", "Neck stretch");
    let ro = w.path().join("ro");
    let before = all_files(&ro);
    // Root ignores permissions: an immutable folder is read-only for it too.
    let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    struct Restore(PathBuf, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            if self.1 {
                let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
            }
            let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755));
        }
    }
    let _restore = Restore(ro.clone(), root);
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    if root {
        let made = Command::new("chattr").arg("+i").arg(&ro).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!(
                "\n!!! SKIPPED a_read_only_output_folder: running as root and `chattr +i` failed\n"
            );
            return;
        }
    }
    let o = w.build(&["--output", "ro"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("cannot write into ro"), "{err}");
    assert!(err.contains("= help: make the folder writable"), "{err}");
    assert_eq!(all_files(&ro), before);
    assert_eq!(w.litter(), Vec::<String>::new());
}

/// A site big enough that a build takes a while.
fn big(w: &Work, n: usize) {
    for i in 0..n {
        w.exercise(&format!("exercise-{i:04}"), &format!("Exercise number {i}"));
    }
}

#[test]
#[cfg(unix)]
fn a_second_build_waits_for_the_first_naming_it() {
    let w = Work::new();
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    let reference = all_files(&public);
    // Stand in for a running build: hold the lock and the owner note.
    let marker = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(public.join(".handout-output"))
        .unwrap();
    marker.lock().unwrap();
    fs::create_dir(public.join(".handout-tmp")).unwrap();
    fs::write(public.join(".handout-tmp/owner"), "4242").unwrap();
    let mut child = w
        .cmd(&["build", "--root", "s"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert_eq!(
        first,
        "waiting: another handout build (process 4242) is writing into s/public"
    );
    assert!(child.try_wait().unwrap().is_none(), "it waits");
    fs::remove_dir_all(public.join(".handout-tmp")).unwrap();
    marker.unlock().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert_eq!(all_files(&public), reference);
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
fn builds_into_one_folder_at_the_same_time_take_turns() {
    let w = Work::new();
    big(&w, 60);
    w.build_ok(&["--output", "reference"]);
    let reference = all_files(&w.path().join("reference"));
    let (mut waited, mut named_rounds, rounds) = (0, 0, 12);
    for round in 0..rounds {
        // Round 0 starts from nothing, the others from an earlier output.
        let spawn = || {
            w.cmd(&["build", "--root", "s", "--output", "shared"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for o in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            let err = stderr(&o);
            assert!(o.status.success(), "round {round}: {err}");
            if let Some(line) = err.lines().find(|l| l.starts_with("waiting:")) {
                waited += 1;
                // The process is named unless the other build took the
                // lock a moment before it could write its number down.
                let named = line.starts_with("waiting: another handout build (process ");
                assert!(
                    named || line == "waiting: another handout build is writing into shared",
                    "{line}"
                );
                named_rounds += usize::from(named);
            }
        }
        assert_eq!(
            all_files(&w.path().join("shared")),
            reference,
            "round {round}"
        );
        assert_eq!(w.litter(), Vec::<String>::new(), "round {round}");
    }
    eprintln!(
        "{waited} of {rounds} rounds had one build wait for the other ({named_rounds} naming it)"
    );
}

#[test]
#[cfg(unix)]
fn what_a_killed_build_left_is_cleared_by_the_next() {
    let w = Work::new();
    big(&w, 300);
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    let reference = all_files(&public);
    w.exercise("exercise-0000", "Changed");
    let staged = public.join(".handout-tmp/new");
    let mut killed = false;
    for _ in 0..5 {
        let mut child = w
            .cmd(&["build", "--root", "s"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Stopped as soon as it has started to write.
        while child.try_wait().unwrap().is_none() {
            if fs::read_dir(&staged).is_ok_and(|mut d| d.next().is_some()) {
                child.kill().unwrap();
                killed = true;
                break;
            }
            std::thread::yield_now();
        }
        child.wait().unwrap();
        if killed {
            break;
        }
    }
    assert!(
        killed,
        "the build always finished before it could be stopped"
    );
    assert!(
        public.join(".handout-tmp").exists(),
        "the stopped build left its work folder"
    );
    assert_eq!(
        all_files(&public)
            .into_iter()
            .filter(|(k, _)| !k.starts_with(".handout-tmp"))
            .collect::<BTreeMap<_, _>>(),
        reference,
        "the stopped build changed the output"
    );
    w.exercise("exercise-0000", "Exercise number 0");
    w.build_ok(&[]);
    assert_eq!(all_files(&public), reference);
    assert_eq!(w.litter(), Vec::<String>::new());
}
