//! What a site's files must not publish or hide: script links and raw HTML
//! in bodies, NUL bytes, names Windows cannot store, static files in the
//! place of a page, skipped and symlinked files, and the paths and address
//! in handout.toml. Exact messages are snapshots (`SNAPSHOTS=overwrite
//! cargo test` rewrites them).

use crate::common::*;
use snapbox::{assert_data_eq, str, IntoData};

/// A copy of the basic fixture with `files` written over it.
fn site(files: &[(&str, &str)]) -> SiteTest {
    files
        .iter()
        .fold(SiteTest::fixture("basic"), |s, (p, t)| s.file(p, t))
}

/// `handout check` on `site`: its exit code and what it printed.
fn check(site: &SiteTest) -> (Option<i32>, String) {
    let out = site.run(&["check"]);
    (out.status.code(), stderr(&out))
}

const EXERCISE_FIELDS: &str = "summary: S.\nregion: [neck]\nequipment: [none]\ncategory: mobility\nposition: seated\ndosage: { reps: 10 }\n";

fn exercise(title: &str, cautions: &str) -> String {
    format!("---\ntitle: {title}\n{EXERCISE_FIELDS}cautions: {cautions}\n---\n## Tips\n\nBody.\n")
}

#[test]
fn script_and_document_links_are_errors_with_file_and_line() {
    let body = "Read [this](javascript:alert(1)) and [that](  JavaScript:void(0)).\n\n![x](vbscript:msgbox) [doc](data:text/html,<b>hi</b>) <javascript:alert(2)>\n\nFine: ![dot](data:image/png;base64,AAAA) [web](https://a.example/).\n";
    let s = site(&[(
        "content/guides/extra.md",
        &format!("---\ntitle: Help\n---\n{body}"),
    )]);
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: link `javascript:alert(1)` would run a script or open a document in the patient's browser
  --> content/guides/extra.md:4:6
  |
3 | ---
4 | Read [this](javascript:alert(1)) and [that](  JavaScript:void(0)).
  |      ^^^^^^^^^^^^^^^^^^^^^^^
5 | 
  |
  = allowed: web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures
  = help: link to a web page instead; handout never publishes javascript:, vbscript: or data: documents

error: link `JavaScript:void(0)` would run a script or open a document in the patient's browser
  --> content/guides/extra.md:4:38
  |
3 | ---
4 | Read [this](javascript:alert(1)) and [that](  JavaScript:void(0)).
  |                                      ^^^^^^^^^^^^^^^^^^^^^^
5 | 
  |
  = allowed: web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures
  = help: link to a web page instead; handout never publishes javascript:, vbscript: or data: documents

error: image `vbscript:msgbox` would run a script or open a document in the patient's browser
  --> content/guides/extra.md:6:1
  |
5 | 
6 | ![x](vbscript:msgbox) [doc](data:text/html,<b>hi</b>) <javascript:alert(2)>
  | ^^^^^^^^^^^^^^^^^^^
7 | 
  |
  = allowed: web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures
  = help: link to a web page instead; handout never publishes javascript:, vbscript: or data: documents

error: link `data:text/html,<b>hi</b>` would run a script or open a document in the patient's browser
  --> content/guides/extra.md:6:23
  |
5 | 
6 | ![x](vbscript:msgbox) [doc](data:text/html,<b>hi</b>) <javascript:alert(2)>
  |                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
7 | 
  |
  = allowed: web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures
  = help: link to a web page instead; handout never publishes javascript:, vbscript: or data: documents

error: link `javascript:alert(2)` would run a script or open a document in the patient's browser
  --> content/guides/extra.md:6:55
  |
5 | 
6 | ![x](vbscript:msgbox) [doc](data:text/html,<b>hi</b>) <javascript:alert(2)>
  |                                                       ^^^^^^^^^^^^^^^^^^^^^^^
7 | 
  |
  = allowed: web addresses (https://…), mailto:, tel:, other pages' .md files, files under static/ and data:image/… pictures
  = help: link to a web page instead; handout never publishes javascript:, vbscript: or data: documents

Check failed: 5 errors.

"#]].raw()
    );
}

#[test]
fn raw_html_is_left_out_unless_the_site_allows_it() {
    let body =
        "Hello <b>there</b>.\n\n<script>alert(1)</script>\n\n<!-- a note for editors -->\n\nEnd.\n";
    let s = site(&[(
        "content/guides/extra.md",
        &format!("---\ntitle: Help\n---\n{body}"),
    )]);
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings = err.split("Built ").next().unwrap_or("");
    assert_data_eq!(
        warnings,
        str![[r#"
warning: raw HTML is left out of the page: `<b>`
  --> content/guides/extra.md:4:7
  |
3 | ---
4 | Hello <b>there</b>.
  |       ^^^
5 | 
  |
  = help: write it in Markdown; or, if every body's HTML is trusted, set `raw_html = true` under [markdown] in handout.toml

warning: raw HTML is left out of the page: `<script>alert(1)</script>`
  --> content/guides/extra.md:6:1
  |
5 | 
6 | <script>alert(1)</script>
  | ^^^^^^^^^^^^^^^^^^^^^^^^^
7 | 
  |
  = help: write it in Markdown; or, if every body's HTML is trusted, set `raw_html = true` under [markdown] in handout.toml


"#]].raw()
    );
    let page = s.read("public/guides/extra.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<b>there"), "{page}");
    assert!(!page.contains("a note for editors"), "{page}");
    assert!(page.contains("Hello there."), "{page}");

    // Allowed: written as it is, each block reported unless its tags are allowed.
    let toml = s.read("handout.toml");
    let s = s.file(
        "handout.toml",
        &format!("{toml}\n[markdown]\nraw_html = true\nallowed_html = [\"b\"]\n"),
    );
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings = err.split("Built ").next().unwrap_or("");
    assert_data_eq!(
        warnings,
        str![[r#"
warning: raw HTML is written into the page as it is: `<script>alert(1)</script>`
  --> content/guides/extra.md:6:1
  |
5 | 
6 | <script>alert(1)</script>
  | ^^^^^^^^^^^^^^^^^^^^^^^^^
7 | 
  |
  = help: make sure it is safe for patients; to allow these tags without a warning, add them to handout.toml: [markdown] allowed_html = ["script"]


"#]].raw()
    );
    let page = s.read("public/guides/extra.html");
    assert!(page.contains("<script>alert(1)</script>"), "{page}");
    assert!(page.contains("<b>there</b>"), "{page}");
    assert!(!page.contains("a note for editors"), "{page}");
}

#[test]
fn nul_bytes_become_replacement_characters() {
    let s = site(&[(
        "content/guides/extra.md",
        "---\ntitle: \"Help\0me\"\n---\nA\0B and `c\0d`.\n",
    )]);
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = s.read("public/guides/extra.html");
    assert!(!page.contains('\0'), "NUL reached the page");
    assert!(page.contains("A\u{FFFD}B"), "{page}");
    assert!(page.contains("c\u{FFFD}d"), "{page}");
    assert!(page.contains("Help\u{FFFD}me"), "{page}");
}

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

#[test]
fn config_paths_and_base_url_are_checked_with_positions() {
    let s = SiteTest::fixture("basic");
    let toml = s.read("handout.toml");
    let s = s.file(
        "handout.toml",
        &toml
            .replace("https://fixture.example/handbook/", "https://")
            .replace("[clinic]", "[clinic]\nlogo = \"../../etc/passwd\""),
    );
    let (code, err) = check(&s);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        err,
        str![[r#"
error: base_url `https://` has no host name after `://`
  --> handout.toml:2:12 (field `base_url`)
  |
1 | title = "Fixture Handbook"
2 | base_url = "https://"
  |            ^^^^^^^^^^
3 | paper = "Letter"
  |
  = allowed: a path starting with `/` such as "/" or "/handbook/", or a web address with a host such as "https://clinic.example/handbook/"

error: logo `../../etc/passwd` climbs out of static/ with `..`
  --> handout.toml:6:8 (field `clinic.logo`)
  |
5 | [clinic]
6 | logo = "../../etc/passwd"
  |        ^^^^^^^^^^^^^^^^^^
7 | name = "Fixture Clinic"
  |
  = allowed: a path under static/, e.g. `images/logo.svg` for static/images/logo.svg

Check failed: 2 errors.

"#]].raw()
    );
    let out = s.run(&["check", "--base-url", "clinic.example"]);
    assert_eq!(out.status.code(), Some(1));
    assert_data_eq!(
        stderr(&out),
        str![[r#"
error: base_url `clinic.example` is neither a path starting with `/` nor a web address
  --> --base-url (field `base_url`)
  = allowed: a path starting with `/` such as "/" or "/handbook/", or a web address with a host such as "https://clinic.example/handbook/"

error: logo `../../etc/passwd` climbs out of static/ with `..`
  --> handout.toml:6:8 (field `clinic.logo`)
  |
5 | [clinic]
6 | logo = "../../etc/passwd"
  |        ^^^^^^^^^^^^^^^^^^
7 | name = "Fixture Clinic"
  |
  = allowed: a path under static/, e.g. `images/logo.svg` for static/images/logo.svg

Check failed: 2 errors.

"#]].raw()
    );
}

#[test]
fn upper_case_web_addresses_are_absolute() {
    let s = SiteTest::fixture("basic");
    let toml = s.read("handout.toml");
    let s = s.file(
        "handout.toml",
        &toml.replace("https://fixture.example/handbook/", "HTTPS://A.EXAMPLE/"),
    );
    let out = s.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("no QR code"),
        "an absolute address in capitals still prints QR codes: {}",
        stderr(&out)
    );
    let page = s.read("public/exercises/wall-angels.html");
    assert!(
        page.contains("HTTPS://A.EXAMPLE/exercises/wall-angels.html"),
        "canonical link: {page}"
    );
}
