//! The pages of a two-language site: every page in both languages and the
//! links between them, each language's 404 page, right-to-left languages.

use super::*;

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
