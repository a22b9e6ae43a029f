//! The output-folder promise, end to end: a build replaces or deletes only
//! files an earlier build wrote, follows a linked output folder, refuses
//! folders it must never write (even with --force), takes turns with other
//! builds, and never leaves a half-written site or temporary folders.
//! Every test works in a fresh temporary folder with a fake home folder.

mod links;
mod rebuilds;
mod turns;

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
