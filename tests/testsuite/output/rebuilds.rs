//! Rebuilding into an output folder: only handout's own old files go, --force
//! adds beside the rest, a failed or refused build leaves it as it was.

use super::*;

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
