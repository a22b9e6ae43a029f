use super::*;
use std::fs;

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

fn file(path: &str, text: &str) -> (String, Vec<u8>) {
    (path.to_string(), text.as_bytes().to_vec())
}

#[test]
fn refuses_paths_that_escape_or_take_its_own_names() {
    let t = tempfile::tempdir().unwrap();
    let err = write(&t.path().join("out"), &[file("../evil.html", "")]).unwrap_err();
    assert!(err.to_string().contains("outside the output folder"));
    assert!(!t.path().join("evil.html").exists());
    assert!(
        !t.path().join("out").exists(),
        "nothing left: {:?}",
        names(t.path())
    );
    let err = write(&t.path().join("out"), &[file(".handout-output", "")]).unwrap_err();
    assert!(err.to_string().contains("handout's own"), "{err}");
    assert!(!t.path().join("out").exists());
}

#[test]
fn rewrites_changed_files_and_keeps_unchanged_ones() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    let v1 = vec![
        file("a.html", "same"),
        file("d/b.html", "old"),
        file("gone.html", "x"),
        file("gone/deep/x.html", "x"),
        ("big-same.html".to_string(), vec![b'a'; 150_000]),
        ("big-tail.html".to_string(), vec![b'a'; 150_000]),
    ];
    write(&out, &v1).unwrap();
    let inode = |p: &str| {
        #[cfg(unix)]
        return std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(p)).unwrap());
        #[cfg(not(unix))]
        return 0;
    };
    let big_same = inode("big-same.html");
    #[cfg(unix)]
    {
        let outside = t.path().join("keep");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("precious"), "!").unwrap();
        std::os::unix::fs::symlink(&outside, out.join("link")).unwrap();
    }
    let v2 = vec![
        file("a.html", "same"),
        file("d/b.html", "new, longer"),
        ("big-same.html".to_string(), vec![b'a'; 150_000]),
        // Same length, one byte different, past the first compared block.
        ("big-tail.html".to_string(), {
            let mut v = vec![b'a'; 150_000];
            v[149_999] = b'b';
            v
        }),
    ];
    write(&out, &v2).unwrap();
    assert_eq!(inode("big-same.html"), big_same, "unchanged: left in place");
    assert_eq!(fs::read(out.join("big-tail.html")).unwrap(), v2[3].1);
    assert_eq!(fs::read(out.join("a.html")).unwrap(), b"same");
    assert_eq!(fs::read(out.join("d/b.html")).unwrap(), b"new, longer");
    assert!(!out.join("gone.html").exists());
    assert!(!out.join("gone").exists(), "emptied folders go too");
    assert!(
        t.path().join("keep/precious").exists(),
        "links are not followed"
    );
    assert!(!out.join(WORK).exists());
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    let Previous::Listed(listed) = Previous::parse(&marker) else {
        panic!("no list: {marker}");
    };
    assert_eq!(listed.len(), 4);
}

#[test]
fn files_it_did_not_write_survive_and_are_never_replaced() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    write(
        &out,
        &[file("index.html", "1"), file("exercises/a.html", "1")],
    )
    .unwrap();
    fs::write(out.join("CNAME"), "clinic.example").unwrap();
    fs::create_dir_all(out.join(".git/objects")).unwrap();
    fs::write(out.join(".git/objects/x"), "git").unwrap();
    fs::write(out.join("exercises/notes.txt"), "mine").unwrap();
    for round in 2..5 {
        let v = round.to_string();
        write(
            &out,
            &[file("index.html", &v), file("exercises/a.html", &v)],
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("exercises/a.html")).unwrap(), v);
    }
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "clinic.example"
    );
    assert_eq!(
        fs::read_to_string(out.join(".git/objects/x")).unwrap(),
        "git"
    );
    assert_eq!(
        fs::read_to_string(out.join("exercises/notes.txt")).unwrap(),
        "mine"
    );
    // A foreign file where the site now wants one: refused, nothing moved.
    let before = fs::read_to_string(out.join("index.html")).unwrap();
    let err = write(&out, &[file("index.html", "5"), file("CNAME", "x")]).unwrap_err();
    assert!(err.to_string().contains("did not write"), "{err}");
    assert!(err.to_string().contains("CNAME"), "{err}");
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), before);
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "clinic.example"
    );
    assert!(!out.join(WORK).exists());
}

#[test]
fn a_folder_of_an_earlier_version_is_updated_without_deleting() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    fs::create_dir_all(out.join("exercises")).unwrap();
    fs::write(
        out.join(MARKER),
        "This folder was made by `handout build` and is replaced on every build.\n",
    )
    .unwrap();
    fs::write(out.join("index.html"), "old").unwrap();
    fs::write(out.join("exercises/gone.html"), "old").unwrap();
    write(&out, &[file("index.html", "new")]).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    assert!(out.join("exercises/gone.html").exists(), "unknown: kept");
    // From now on the list is there: the next build deletes what it drops.
    write(&out, &[file("search.html", "s")]).unwrap();
    assert!(!out.join("index.html").exists());
    assert!(out.join("exercises/gone.html").exists());
}

#[test]
fn clears_what_a_stopped_build_left() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    write(&out, &[file("index.html", "1")]).unwrap();
    fs::create_dir_all(out.join(WORK).join("new/exercises")).unwrap();
    fs::write(out.join(WORK).join("new/exercises/a.html"), "x").unwrap();
    fs::write(out.join(WORK).join(OWNER), "99999999").unwrap();
    write(&out, &[file("index.html", "2")]).unwrap();
    assert_eq!(names(&out), [MARKER, "index.html"]);
    assert_eq!(names(t.path()), ["out"]);
}

#[test]
#[cfg(unix)]
fn never_deletes_through_a_link_inside_the_output() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    write(&out, &[file("index.html", "1"), file("d/a.html", "1")]).unwrap();
    // The folder d is replaced by a link to a folder with a file of that name.
    let elsewhere = t.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join("a.html"), "precious").unwrap();
    fs::remove_dir_all(out.join("d")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("d")).unwrap();
    // And the work folder is a link too.
    std::os::unix::fs::symlink(&elsewhere, out.join(WORK)).unwrap();
    write(&out, &[file("index.html", "2")]).unwrap();
    assert_eq!(
        fs::read_to_string(elsewhere.join("a.html")).unwrap(),
        "precious"
    );
    assert!(out.join("d").is_symlink());
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            all.push((rel, fs::read(e.path()).unwrap()));
        }
    }
    all.sort();
    all
}

#[test]
fn a_move_that_fails_half_way_is_undone() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("out");
    write(&out, &[file("index.html", "1"), file("a/x.html", "1")]).unwrap();
    fs::write(out.join("CNAME"), "mine").unwrap();
    let before = tree(&out);
    let writer = Writer::new(t.path(), &out, false).unwrap();
    for (path, text) in [("index.html", "2"), ("a/x.html", "2"), ("b/new.html", "2")] {
        writer.put(path, text.as_bytes());
    }
    // Where the replaced files would be kept aside, a file: replacing
    // index.html and a/ fails, whether or not b/ was moved in first.
    fs::write(out.join(WORK).join("old"), "in the way").unwrap();
    let err = writer.finish().unwrap_err();
    assert!(format!("{err:#}").contains("cannot write into"), "{err:#}");
    assert_eq!(tree(&out), before, "the output changed");
    assert!(!out.join(WORK).exists());
}
