//! Linked output folders: followed when they are the site's own, never
//! written through to the site, its sources or home; a fifo or a file is
//! no output folder.

use super::*;

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
