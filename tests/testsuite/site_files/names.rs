//! The names of a site's files: static files in the place of a page, names
//! Windows cannot store, a wrong extension case, symlinked files.

use super::*;

#[test]
fn static_files_that_would_replace_pages_are_errors_naming_both() {
    let s = site(&[
        ("static/index.html", "<p>mine</p>"),
        ("static/sitemap.xml", "<urlset/>"),
        ("static/exercises/wall-angels.html", "x"),
        ("static/region", "x"),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: static/exercises/wall-angels.html would replace the page made from content/exercises/wall-angels.md
  --> static/exercises/wall-angels.html
  = help: rename or remove static/exercises/wall-angels.html: handout writes `exercises/wall-angels.html` itself

error: static/index.html would replace the page made from content/index.md
  --> static/index.html
  = help: rename or remove static/index.html: handout writes `index.html` itself

error: static/region is in the place of the folder `region/` that handout writes pages into
  --> static/region
  = help: rename or remove static/region

error: static/sitemap.xml would replace the generated page `sitemap.xml`
  --> static/sitemap.xml
  = help: rename or remove static/sitemap.xml: handout writes `sitemap.xml` itself

Check failed: 4 errors.

"#]].raw()
    );
}

#[test]
fn names_windows_cannot_store_are_errors_with_the_fix() {
    let s = site(&[
        ("content/exercises/aux.md", &exercise("Aux", "[]")),
        ("content/exercises/CON.md", &exercise("Con", "[]")),
        (
            "content/guides/printing.md",
            "---\ntitle: Printing\nslug: lpt1\n---\nBody.\n",
        ),
        ("content/guides/notes.md.", "---\ntitle: Notes\n---\n"),
        ("static/images/com1.svg", "<svg/>"),
        ("static/photos./a.png", "x"),
    ]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: file name `CON` cannot be used as a page address
  --> content/exercises/CON.md
  = allowed: lower-case letters a–z, digits 0–9 and '-' (e.g. `wall-angels`)
  = help: rename the file to `con-1.md`, or set `slug: con-1`

warning: exercise `CON` is in no routine
  --> content/exercises/CON.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: the exercise has no numbered steps
  --> content/exercises/CON.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: file name `aux.md` cannot be stored on Windows: `aux` is a name Windows keeps for a device
  --> content/exercises/aux.md
  = help: rename the file (e.g. to `aux-1.md`): the site could not be copied to, or edited on, a Windows computer

warning: exercise `aux` is in no routine
  --> content/exercises/aux.md
  = help: add it to a routine's `sections`, so patients find it in a programme

warning: the exercise has no numbered steps
  --> content/exercises/aux.md
  = help: write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them

error: file name `notes.md.` ends with a dot or a space, which Windows drops
  --> content/guides/notes.md.
  = help: rename it to `notes.md`

error: slug `lpt1` cannot be a page address on Windows: `lpt1` is a name Windows keeps for a device
  --> content/guides/printing.md:3:7 (field `slug`)
  |
2 | title: Printing
3 | slug: lpt1
  |       ^^^^
4 | ---
  |
  = help: choose another slug, e.g. `slug: lpt1-1`

error: file name `com1.svg` cannot be stored on Windows: `com1` is a name Windows keeps for a device
  --> static/images/com1.svg
  = help: rename the file (e.g. to `com1-1.svg`): the site could not be copied to, or edited on, a Windows computer

error: folder name `photos.` cannot be stored on Windows: it ends with a dot or a space, which Windows drops
  --> static/photos./a.png
  = help: rename the folder (e.g. to `photos`): the site could not be copied to, or edited on, a Windows computer

Check failed: 6 errors, 4 warnings: 2 exercise_in_no_routine, 2 no_steps.

"#]].raw()
    );
}

#[test]
fn wrong_extension_case_is_a_warning_and_symlinks_are_read() {
    let s = site(&[("content/guides/Extra.MD", "---\ntitle: Extra\n---\n")]);
    let linked = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        linked.path().join("shared.md"),
        "---\ntitle: Shared guide\n---\nFrom a shared folder.\n",
    )
    .expect("write");
    std::fs::write(linked.path().join("logo.svg"), "<svg/>").expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            linked.path().join("shared.md"),
            s.path().join("content/guides/shared.md"),
        )
        .expect("symlink");
        std::os::unix::fs::symlink(linked.path(), s.path().join("static/shared")).expect("symlink");
    }
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_data_eq!(
        err.split("Built ").next().unwrap_or(""),
        str![[r#"
warning: file `Extra.MD` was skipped: only names ending in `.md` (lower case) are read
  --> content/guides/Extra.MD
  = help: rename it to `extra.md` to publish it


"#]]
        .raw()
    );
    #[cfg(unix)]
    {
        assert!(s
            .read("public/guides/shared.html")
            .contains("From a shared folder."));
        assert_eq!(s.read("public/shared/logo.svg"), "<svg/>");
    }
}
