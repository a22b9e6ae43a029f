//! What a page's body may not carry: script and document links, raw HTML
//! (unless the site allows it), NUL bytes.

use super::*;

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
