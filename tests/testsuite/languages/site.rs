//! A handbook in two languages, built: every page in both, the links
//! between them (switcher, `hreflang`, sitemap) leading to files that
//! exist, a translation over its original's typed data, the errors of a
//! bad translation, the report of untranslated pages, Spanish sheets on
//! one page, and a right-to-left language.

use crate::common::*;
use snapbox::{assert_data_eq, str};
use std::collections::BTreeSet;
use std::path::Path;

const LANGUAGES: &str =
    "\n[languages.es]\ntitle = \"Manual de la clínica\"\nclinic = { name = \"Clínica de prueba\" }\n";

/// The basic fixture with every page translated into Spanish, except
/// those named in `leave`.
fn two_languages(leave: &[&str]) -> SiteTest {
    let pages: [(&str, &str); 6] = [
        ("content/index.es.md", "---\ntitle: Bienvenida\nsummary: La página de inicio.\n---\nEmpiece por la [rutina de escritorio](routines/desk.md) o lea [cuándo parar](guides/help.md).\n"),
        ("content/exercises/wall-angels.es.md", "---\ntitle: Ángeles en la pared\nsummary: Deslice los brazos por la pared.\ncautions:\n  - Pare donde los brazos se separen de la pared.\n---\nPóngase de pie contra una pared.\n\n1. Deslice los brazos hacia arriba.\n2. Bájelos despacio.\n\nVea también [la W boca abajo](prone-w.md).\n"),
        ("content/exercises/prone-w.es.md", "---\ntitle: W boca abajo\nsummary: Túmbese boca abajo y levante los brazos en forma de W.\ncautions: [Mantenga el cuello largo.]\n---\nTúmbese boca abajo.\n\n1. Levante los brazos.\n"),
        ("content/exercises/scapular-squeeze.es.md", "---\ntitle: Juntar los omóplatos\nsummary: Junte los omóplatos.\ncautions: []\n---\nSiéntese derecho.\n\n1. Junte los omóplatos.\n"),
        ("content/routines/desk.es.md", "---\ntitle: Rutina de escritorio\nsummary: Tres movimientos entre reuniones.\ncautions: [Pare si se marea.]\nsections: [Calentar, Fuerza]\nnotes: { wall-angels: \"Despacio.\" }\n---\nHágala en su mesa.\n"),
        ("content/guides/help.es.md", "---\ntitle: Cuándo parar\nsummary: Señales de alarma.\n---\n## Señales de alarma\n\nPare y llámenos.\n"),
    ];
    let mut site = SiteTest::fixture("basic");
    let toml = site.read("handout.toml") + LANGUAGES;
    site = site.file("handout.toml", &toml);
    for (path, text) in pages {
        if !leave.iter().any(|l| path.contains(l)) {
            site = site.file(path, text);
        }
    }
    site
}

/// The HTML files under `dir`, relative.
fn html_files(dir: &Path) -> BTreeSet<String> {
    all_files(dir)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// The relative addresses of `attr="…"` in `html` (no fragment, no query).
fn links<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!("{attr}=\"");
    html.split(key.as_str())
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|u| !u.contains(':') && !u.starts_with('#') && !u.is_empty())
        .map(|u| u.split(['#', '?']).next().unwrap_or(u))
        .collect()
}

/// `href` of `page` (relative to `public`) resolved to a path under `public`.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{page}: {href} climbs above the site"
                );
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn a_two_language_site_builds_every_page_in_both_and_links_them() {
    let site = two_languages(&[]);
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("untranslated_pages"),
        "{}",
        stderr(&out)
    );
    let public = site.path().join("public");
    let all = html_files(&public);
    let default: Vec<&String> = all
        .iter()
        .filter(|p| !p.starts_with("es/") && *p != "404.html")
        .collect();
    assert!(default.len() > 20, "{default:?}");
    for p in &default {
        assert!(all.contains(&format!("es/{p}")), "es/{p} was not built");
    }
    for page in &all {
        let html = read(public.join(page));
        // Every link, stylesheet, script and picture leads to a file.
        for url in links(&html, "href").into_iter().chain(links(&html, "src")) {
            let target = resolve(page, url);
            assert!(
                public.join(&target).is_file(),
                "{page}: {url} → {target} does not exist"
            );
        }
        if page.ends_with("404.html") {
            continue;
        }
        // The switcher leads to the same page in the other language.
        let switcher = html
            .split("<nav class=\"language-switcher\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{page}: no language switcher"));
        let other = match page.strip_prefix("es/") {
            Some(en) => en.to_string(),
            None => format!("es/{page}"),
        };
        let href = links(switcher, "href")[0];
        assert_eq!(resolve(page, href), other, "{page}");
        if !page.contains("print/") {
            for lang in ["en", "es"] {
                assert!(
                    html.contains(&format!("<link rel=\"alternate\" hreflang=\"{lang}\"")),
                    "{page}: no {lang} alternate"
                );
            }
        }
    }
    // The sitemap names each page in both languages, with its alternates.
    let sitemap = read(public.join("sitemap.xml"));
    let base = "https://fixture.example/handbook/";
    for loc in sitemap
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
    {
        let path = loc.strip_prefix(base).unwrap_or_else(|| panic!("{loc}"));
        let file = match path.is_empty() || path.ends_with('/') {
            true => format!("{path}index.html"),
            false => path.to_string(),
        };
        assert!(public.join(&file).is_file(), "sitemap: {loc}");
    }
    assert!(sitemap.contains(&format!(
        "<url><loc>{base}es/exercises/wall-angels.html</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{base}exercises/wall-angels.html\"/>"
    )));
    // A link in a translated body leads to the page in the same language.
    let wall = read(public.join("es/exercises/wall-angels.html"));
    assert!(
        wall.contains("<a href=\"../../es/exercises/prone-w.html\">la W boca abajo</a>"),
        "{wall}"
    );
    assert!(wall.contains("<html lang=\"es\">"));
    assert!(wall.contains("Manual de la clínica"));
}

#[test]
fn each_language_has_its_own_404_page_in_its_words_with_links_from_the_top() {
    let site = two_languages(&[]);
    assert!(site.run(&["build"]).status.success());
    let base = "https://fixture.example/handbook/";
    let en = site.read("public/404.html");
    let es = site.read("public/es/404.html");
    assert!(es.contains("<html lang=\"es\">"), "{es}");
    assert!(es.contains("<h1>Página no encontrada</h1>"), "{es}");
    assert!(en.contains("<h1>Page not found</h1>"), "{en}");
    // Served at any depth: every link is absolute and leads to a built file.
    let public = site.path().join("public");
    for (html, folder) in [(&en, ""), (&es, "es/")] {
        let urls = ["href=\"", "src=\""]
            .into_iter()
            .flat_map(|attr| html.split(attr).skip(1).filter_map(|s| s.split('"').next()));
        for url in urls.filter(|u| !u.starts_with('#')) {
            assert!(url.contains(':'), "{folder}404.html: {url} is relative");
            // The clinic's own website and telephone are not the site's.
            let Some(path) = url.strip_prefix(base) else {
                continue;
            };
            let file = path.split(['#', '?']).next().unwrap_or(path);
            assert!(
                public.join(file).is_file(),
                "{folder}404.html: {url} does not exist"
            );
        }
        let home = format!("<a href=\"{base}{folder}index.html\">");
        assert!(html.contains(&home), "{folder}404.html: no {home}");
    }
    assert!(es.contains(&format!(
        "{base}es/exercises/index.html\">Todos los ejercicios</a>"
    )));
    // The switcher leads to the other language's 404 page.
    assert!(
        es.contains(&format!("<a href=\"{base}404.html\" hreflang=\"en\"")),
        "{es}"
    );
    assert!(
        en.contains(&format!("<a href=\"{base}es/404.html\" hreflang=\"es\"")),
        "{en}"
    );
}

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

#[test]
fn a_right_to_left_language_gets_dir_rtl() {
    let site = SiteTest::fixture("basic")
        .file("i18n/ar.toml", "[meta]\nname = \"العربية\"\ndir = \"rtl\"\n\n[exercise]\nhow_much = \"الكمية\"\n")
        .file("content/exercises/wall-angels.ar.md", "---\ntitle: ملائكة الحائط\nsummary: حرّك ذراعيك على الحائط.\ncautions: [توقف إذا ابتعدت ذراعاك عن الحائط.]\n---\nقف وظهرك إلى الحائط.\n\n1. حرّك ذراعيك إلى الأعلى.\n");
    let toml = site.read("handout.toml") + "\n[languages.ar]\ntitle = \"دليل التمارين\"\n";
    let site = site.file("handout.toml", &toml);
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/ar/exercises/wall-angels.html");
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    assert!(page.contains("<h2 id=\"how-much\">الكمية</h2>"), "{page}");
    let sheet = site.read("public/ar/print/exercises/wall-angels.html");
    assert!(sheet.contains("<html lang=\"ar\" dir=\"rtl\""), "{sheet}");
    assert!(!site
        .read("public/exercises/wall-angels.html")
        .contains("dir=\"rtl\""));
}

#[test]
fn spanish_routine_sheets_print_on_one_page_on_a4_and_letter() {
    let test = "spanish_routine_sheets_print_on_one_page_on_a4_and_letter";
    let Some(checks) = node_checks(test) else {
        return;
    };
    if std::process::Command::new("pdfinfo")
        .arg("-v")
        .output()
        .is_err()
    {
        let msg = format!("\n!!! SKIPPED {test}: no pdfinfo (install poppler-utils)\n");
        assert!(
            std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "{msg}"
        );
        eprintln!("{msg}");
        return;
    }
    for paper in ["A4", "Letter"] {
        let out = tempfile::tempdir().expect("tempdir");
        let site = out.path().join("site");
        std::fs::create_dir_all(&site).expect("mkdir");
        for part in ["handout.toml", "content", "static"] {
            let from = repo().join(part);
            if from.is_dir() {
                copy_dir(&from, &site.join(part));
            } else {
                std::fs::copy(&from, site.join(part)).expect("copy");
            }
        }
        let toml = read(site.join("handout.toml"))
            .replace("paper = \"A4\"", &format!("paper = \"{paper}\""));
        std::fs::write(site.join("handout.toml"), toml).expect("write");
        let built = run(&site, &["build"]);
        assert!(built.status.success(), "{}", stderr(&built));
        assert!(
            !stderr(&built).contains("sheet_over_one_page"),
            "{}",
            stderr(&built)
        );
        let dir = site.join("public/es/print/routines");
        let mut list = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("es/print/routines") {
            let html = entry.expect("entry").path();
            // Standard print (large print of a routine may take more pages).
            let pdf = out.path().join(format!(
                "{}.pdf",
                html.file_stem().unwrap_or_default().to_string_lossy()
            ));
            list.push(serde_json::json!({ "html": html, "pdf": pdf, "large": false }));
        }
        assert!(list.len() >= 3, "{list:?}");
        // An exercise sheet too, in both modes (the script fails on a log
        // label wider than its box).
        let sheet = site.join("public/es/print/exercises/wall-angels.html");
        for large in [false, true] {
            let pdf = out.path().join(format!("wall-angels-{large}.pdf"));
            list.push(serde_json::json!({ "html": sheet, "pdf": pdf, "large": large }));
        }
        let file = out.path().join("list.json");
        std::fs::write(&file, serde_json::to_string(&list).expect("json")).expect("write");
        node_check(&checks, "print-sheets.mjs", &[&file.to_string_lossy()]);
        for item in list.iter().filter(|i| i["large"] == false) {
            let pdf = item["pdf"].as_str().unwrap_or_default();
            let info = std::process::Command::new("pdfinfo")
                .arg(pdf)
                .output()
                .expect("pdfinfo");
            let info = String::from_utf8_lossy(&info.stdout).into_owned();
            let pages = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .map(|n| n.trim().to_string());
            assert_eq!(pages.as_deref(), Some("1"), "{paper} {pdf}: {info}");
            let text = std::process::Command::new("pdftotext")
                .args([pdf, "-"])
                .output()
                .expect("pdftotext");
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            assert!(
                text.contains("Tenga cuidado") || text.contains("Pare"),
                "{paper} {pdf}: {text}"
            );
        }
    }
}
