//! Translations: over their original's typed data, reported when missing,
//! and their errors with file and line.

use super::*;

#[test]
fn a_translation_keeps_its_originals_dosage_and_vocabularies() {
    let site = two_languages(&[]);
    assert!(site.run(&["build"]).status.success());
    let es = site.read("public/es/exercises/scapular-squeeze.html");
    let en = site.read("public/exercises/scapular-squeeze.html");
    // The original's dosage (3 sets, 30 s hold, each side, daily), in Spanish.
    assert!(
        en.contains("<p class=\"dosage\">3 × 30-second holds, each side · daily</p>"),
        "{en}"
    );
    assert!(
        es.contains(
            "<p class=\"dosage\">mantener 30 segundos por lado, 3 veces · todos los días</p>"
        ),
        "{}",
        es.split("class=\"dosage\"").nth(1).unwrap_or("")
    );
    // Its terms link to the Spanish term pages, with Spanish labels.
    assert!(
        es.contains("href=\"../region/upper-back.html\">Parte alta de la espalda</a>"),
        "{es}"
    );
    assert!(
        es.contains("href=\"../position/seated.html\">En una silla</a>"),
        "{es}"
    );
    // The routine's translated section names and note, over its own dosage.
    let desk = site.read("public/es/routines/desk.html");
    assert!(desk.contains("<h2>Calentar</h2>") && desk.contains("<h2>Fuerza</h2>"));
    assert!(desk.contains("<p class=\"note\">Despacio.</p>"));
    assert!(desk.contains("2 series de 10 repeticiones"), "{desk}");
}

#[test]
fn untranslated_pages_are_reported_and_left_out_of_the_other_language() {
    let site = two_languages(&["prone-w", "help"]);
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_data_eq!(
        stderr(&out),
        str![[r#"
warning: language `es`: 4 of 6 pages translated; not translated: exercises/prone-w.html, guides/help.html
  --> handout.toml (field `languages.es`)
  = help: a page in `es` is a file beside the original: content/exercises/<name>.es.md; pages without one are left out of the `es` indexes and search

Checked [..] pages and [..] sheets: no errors (1 warning: 1 untranslated_pages)

"#]]
    );
    assert!(site.run(&["build"]).status.success());
    let public = site.path().join("public");
    assert!(!public.join("es/exercises/prone-w.html").exists());
    assert!(!site
        .read("public/es/exercises/index.html")
        .contains("prone-w"));
    assert!(!site.read("public/es/search-index.js").contains("prone-w"));
    // The routine keeps the exercise, leading to the English page.
    let desk = site.read("public/es/routines/desk.html");
    assert!(
        desk.contains("href=\"../../exercises/prone-w.html\">Prone W</a>"),
        "{desk}"
    );
    // The English page's switcher leads to the Spanish list instead.
    let en = site.read("public/exercises/prone-w.html");
    assert!(
        en.contains("<a href=\"../es/exercises/index.html\" hreflang=\"es\""),
        "{en}"
    );
    // A site can turn the report off.
    let toml = site.read("handout.toml") + "\n[warnings]\nuntranslated_pages = false\n";
    let site = site.file("handout.toml", &toml);
    assert!(!stderr(&site.run(&["check"])).contains("warning"));
}

#[test]
fn a_bad_translation_gives_its_error_with_file_and_line() {
    let site = two_languages(&[])
        .file(
            "content/exercises/prone-w.es.md",
            "---\ntitle: W boca abajo\nregion: [neck]\ntitel: x\n---\nCuerpo.\n",
        )
        .file("content/exercises/nothing.es.md", "---\ntitle: Nada\n---\n")
        .file(
            "content/exercises/wall-angels.fr.md",
            "---\ntitle: Anges\n---\n",
        );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_data_eq!(
        stderr(&out),
        str![[r#"
error: this translation has no original: content/exercises/nothing.md does not exist
  --> content/exercises/nothing.es.md:1:1
  |
1 | ---
  | ^^^
2 | title: Nada
  |
  = help: a translation sits beside its page, with the language before `.md` (`wall-angels.es.md` beside `wall-angels.md`)

error: field `region` cannot be translated: it is taken from the original, content/exercises/prone-w.md
  --> content/exercises/prone-w.es.md:3:1 (field `region`)
  |
2 | title: W boca abajo
3 | region: [neck]
  | ^^^^^^
4 | titel: x
  |
  = allowed: title, summary, cautions, image_alt, images, video
  = help: remove `region:` here; change it in content/exercises/prone-w.md for every language

error: unknown field `titel`
  --> content/exercises/prone-w.es.md:4:1 (field `titel`)
  |
3 | region: [neck]
4 | titel: x
  | ^^^^^
5 | ---
  |
  = allowed: title, summary, cautions, image_alt, images, video
  = help: did you mean `title`?

error: this page is in language `fr`, which handout.toml does not name
  --> content/exercises/wall-angels.fr.md:1:1
  |
1 | ---
  | ^^^
2 | title: Anges
  |
  = allowed: es
  = help: add `[languages.fr]` to handout.toml (with `title = "…"` in that language), or rename the file

Check failed: 4 errors.

"#]]
    );
}
