//! End-to-end tests of `handout build` / `check` / `init` / `new` on fixture
//! sites: the pages a user gets, the errors they read, and what is (not)
//! written to disk.

use crate::common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn build(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

#[test]
fn broken_site_reports_every_error_with_file_line_field_and_hint() {
    let site = SiteTest::fixture("broken");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // `SNAPSHOTS=overwrite cargo test` writes the new output to the file.
    snapbox::assert_data_eq!(
        stderr(&out),
        snapbox::file!["snapshots/broken-build.txt"].raw()
    );
    assert!(
        !site.path().join("public").exists(),
        "a failed build must write nothing"
    );
}

#[test]
fn check_finds_the_same_errors_and_never_writes() {
    let broken = fixture("broken");
    let out = run(broken.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with(
            "Check failed: 29 errors, 4 warnings: 2 exercise_in_no_routine, 1 image_without_alt, 1 no_steps.\n"
        ),
        "check writes nothing, so it says nothing about writing: {}",
        stderr(&out)
    );
    let good = fixture("basic");
    let out = run(good.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("no errors"));
    assert!(!good.path().join("public").exists());
}

#[test]
fn builds_every_output_file_of_the_layout() {
    let site = fixture("basic");
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stderr(&out);
    assert!(
        summary.starts_with("Built 25 pages, 4 sheets in "),
        "{summary}"
    );
    assert!(summary.trim_end().ends_with("→ public/"), "{summary}");
    let public = site.path().join("public");
    for f in [
        "index.html",
        "exercises/index.html",
        "exercises/wall-angels.html",
        "exercises/scapular-squeeze.html",
        "routines/index.html",
        "routines/desk.html",
        "guides/help.html",
        "region/index.html",
        "region/upper-back.html",
        "equipment/index.html",
        "equipment/stick.html",
        "category/index.html",
        "category/stability.html",
        "position/index.html",
        "position/prone.html",
        "print/exercises/wall-angels.html",
        "print/routines/desk.html",
        "search.html",
        "search-index.js",
        "404.html",
        "sitemap.xml",
        "style.css",
        "images/wall-angels.svg",
        ".handout-output",
    ] {
        assert!(public.join(f).is_file(), "missing {f}");
    }
}

#[test]
fn exercise_page_shows_dosage_cautions_links_both_ways_and_routines() {
    let site = fixture("basic");
    assert!(build(site.path(), &[]).status.success());
    let p = site.path().join("public");
    let wa = read(p.join("exercises/wall-angels.html"));
    for needle in [
        "2–3 sets of 10–15 reps · hold 2–3 seconds · 2–3 times a day",
        "Stop where your arms leave the wall.",
        "href=\"../region/neck.html\">Neck</a>",
        "href=\"../equipment/wall.html\">Wall</a>",
        "href=\"../position/standing.html\">Standing</a>",
        "href=\"../exercises/prone-w.html\">Prone W</a>",
        "href=\"../exercises/scapular-squeeze.html\">Scapular squeeze</a>",
        "href=\"../routines/desk.html\">Desk routine</a>",
        "href=\"../print/exercises/wall-angels.html\"",
        "href=\"../exercises/scapular-squeeze.html\">the squeeze</a>",
        "<h2 id=\"tips\">Tips</h2>",
        "<table>",
        "footnote-definition",
        "\"@type\":\"ExercisePlan\"",
        "<link rel=\"canonical\" href=\"https://fixture.example/handbook/exercises/wall-angels.html\">",
        "Fixture Clinic",
        "555-0199",
        "class=\"skip-link\" href=\"#main\"",
        "alt=\"A person standing with their back and arms against a wall.\"",
    ] {
        assert!(wa.contains(needle), "wall-angels page lacks {needle:?}");
    }
    // Progression of wall angels → prone W lists wall angels as easier; regression → squeeze lists it as harder.
    let pw = read(p.join("exercises/prone-w.html"));
    assert!(
        pw.contains("Easier versions") && pw.contains("href=\"../exercises/wall-angels.html\"")
    );
    assert!(
        pw.contains("Broom stick"),
        "relabelled/added vocabulary term"
    );
    assert!(pw.contains("8–12 reps · 3 times a week"));
    let sq = read(p.join("exercises/scapular-squeeze.html"));
    assert!(
        sq.contains("Harder versions") && sq.contains("href=\"../exercises/wall-angels.html\"")
    );
    assert!(sq.contains("3 × 30-second holds, each side · daily"));
    // Related is shown both ways.
    assert!(sq.contains("Related exercises") && sq.contains("href=\"../exercises/prone-w.html\""));
}

#[test]
fn routine_overrides_win_and_taxonomies_count() {
    let site = fixture("basic");
    assert!(build(site.path(), &[]).status.success());
    let p = site.path().join("public");
    let r = read(p.join("routines/desk.html"));
    assert!(
        r.contains("2 sets of 10 reps · hold 2–3 seconds · 2–3 times a day"),
        "{r}"
    );
    assert!(r.contains("Keep the movement slow."));
    assert!(r.contains("href=\"../exercises/wall-angels.html#tips\""));
    let regions = read(p.join("region/index.html"));
    assert!(
        regions.contains("Upper back</a> <span class=\"count\">3 exercises</span>"),
        "{regions}"
    );
    // A term no exercise uses gets no entry and no page.
    assert!(!regions.contains("Hips</a>"), "{regions}");
    assert!(!p.join("region/hips.html").exists());
    let term = read(p.join("region/neck.html"));
    assert!(term.contains("1 exercise.") && term.contains("Wall angels"));
    let sitemap = read(p.join("sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://fixture.example/handbook/exercises/wall-angels.html</loc>")
    );
    assert!(
        !sitemap.contains("region/hips.html"),
        "empty terms stay out of the sitemap"
    );
    let guide = read(p.join("guides/help.html"));
    assert!(
        guide.contains("class=\"hl-"),
        "yaml code is highlighted with classes"
    );
    assert!(guide.contains("href=\"../index.html\""));
}

/// Every relative href/src in every HTML file points to a file, and its #anchor to an id.
fn check_links(public: &Path) -> Vec<String> {
    let files = all_files(public);
    let mut ids: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let html: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
        .collect();
    for (path, text) in &html {
        let list = text
            .split(" id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(String::from)
            .collect();
        ids.insert(path.as_str(), list);
    }
    let mut broken = Vec::new();
    for (path, text) in &html {
        for attr in [" href=\"", " src=\""] {
            for chunk in text.split(attr).skip(1) {
                let Some(url) = chunk.split('"').next() else {
                    continue;
                };
                let url = url.replace("&amp;", "&");
                if url.is_empty()
                    || url.starts_with('/')
                    || url.contains("://")
                    || url.starts_with("mailto:")
                    || url.starts_with("tel:")
                    || url.starts_with("data:")
                    || url.starts_with("javascript:")
                {
                    continue;
                }
                if url.contains("{{") {
                    broken.push(format!("{path}: unrendered template in {url}"));
                    continue;
                }
                let (file, frag) = match url.split_once('#') {
                    Some((f, a)) => (f.to_string(), Some(a.to_string())),
                    None => (url.clone(), None),
                };
                let file = file.split('?').next().unwrap_or("").to_string();
                let target = if file.is_empty() {
                    path.to_string()
                } else {
                    let mut parts: Vec<&str> = path.split('/').collect();
                    parts.pop();
                    for seg in file.split('/') {
                        match seg {
                            "." | "" => {}
                            ".." => {
                                if parts.pop().is_none() {
                                    broken.push(format!("{path}: {url} climbs above the site"));
                                }
                            }
                            s => parts.push(s),
                        }
                    }
                    parts.join("/")
                };
                if !files.contains_key(&target) {
                    broken.push(format!("{path}: {url} → missing {target}"));
                } else if let Some(f) = frag {
                    // `builder.html#add=slug` is the builder's state, not an anchor.
                    let state = target.ends_with("builder.html") && f.contains('=');
                    if !f.is_empty()
                        && !state
                        && !ids.get(target.as_str()).is_some_and(|l| l.contains(&f))
                    {
                        broken.push(format!("{path}: {url} → no id {f} in {target}"));
                    }
                }
            }
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_fixture_site_resolves() {
    let site = fixture("basic");
    assert!(build(site.path(), &[]).status.success());
    let broken = check_links(&site.path().join("public"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_relative_link_in_the_sample_handbook_resolves() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build_sample(&public);
    let broken = check_links(&public);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn link_checker_catches_a_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a")).unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<a href=\"a/x.html#top\">x</a><a href=\"a/y.html\">y</a>",
    )
    .unwrap();
    fs::write(dir.path().join("a/x.html"), "<h1 id=\"other\">x</h1>").unwrap();
    let broken = check_links(dir.path());
    assert_eq!(broken.len(), 2, "{broken:?}");
}

#[test]
fn titles_are_escaped_and_bodies_are_never_templates() {
    let site = SiteTest::fixture("basic").exercise(
        "script",
        "\"<script>alert(1)</script> stretch\"",
        "Keep {{ this }} and {% raw %} as written.\n\n1. Step {{ one }}.\n",
    );
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/exercises/script.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; stretch")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt; stretch"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("Keep {{ this }} and {% raw %} as written."));
    assert!(page.contains("Step {{ one }}."));
    for other in [
        "exercises/index.html",
        "print/exercises/script.html",
        "region/neck.html",
    ] {
        let text = site.read(&format!("public/{other}"));
        assert!(
            !text.contains("<script>alert(1)"),
            "{other} lets the title through unescaped"
        );
    }
}

#[test]
fn bom_crlf_and_large_files_build() {
    let text = "\u{feff}---\r\ntitle: Windows file\r\nsummary: Saved with a BOM.\r\nregion: [neck]\r\nequipment: [none]\r\ncategory: mobility\r\nposition: seated\r\ndosage:\r\n  reps: 5\r\ncautions: []\r\n---\r\nSit down.\r\n\r\n1. First step.\r\n2. Second step.\r\n";
    let para = "Move slowly and breathe out as you turn. ".repeat(40) + "\n\n";
    let mut big = String::new();
    while big.len() < 3 * 1024 * 1024 {
        big.push_str(&para);
    }
    big.push_str("The very end.\n");
    let site = SiteTest::fixture("basic")
        .file("content/exercises/windows.md", text)
        .exercise("huge", "Huge page", &big);
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let w = site.read("public/exercises/windows.html");
    assert!(
        w.contains("<h1>Windows file</h1>") && w.contains("<li>Second step.</li>"),
        "{w}"
    );
    assert!(!w.contains('\r'));
    let h = site.read("public/exercises/huge.html");
    assert!(h.contains("The very end."));
    assert!(h.len() > 3 * 1024 * 1024);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let site = fixture("basic");
    let public = site.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("precious.txt"), "keep me").unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("public already exists and was not made by handout, so it was left alone"),
        "{err}"
    );
    assert!(err.contains("--force"));
    assert_eq!(read(public.join("precious.txt")), "keep me");
    // Never into the sources, even with --force.
    let out = build(site.path(), &["--output", "content/out", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("inside content/"));
    // With --force the site is added beside what is there.
    let out = build(site.path(), &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(public.join(".handout-output").exists());
    assert!(public.join("index.html").exists());
    assert_eq!(read(public.join("precious.txt")), "keep me");
}

#[test]
fn a_failed_rebuild_leaves_the_previous_output_byte_identical() {
    let site = SiteTest::fixture("basic");
    assert!(site.run(&["build"]).status.success());
    let public = site.path().join("public");
    let before = all_files(&public);
    // Break one file, and change another that would render differently.
    let site = site
        .exercise("prone-w", "Changed title", "1. Step.\n")
        .file(
            "content/exercises/scapular-squeeze.md",
            "---\ntitle: [broken\n---\n",
        );
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Nothing was written."));
    assert_eq!(all_files(&public), before, "previous output changed");
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let site = fixture("basic");
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(
        site.path().join("templates/exercise.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ exercise.title }}</h1>\n<p>{{ exercise.no_such_field }}</p>\n{% endblock content %}\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("--> templates/exercise.html:4:"), "{err}");
    assert!(err.contains("no_such_field"), "{err}");
    // Syntax errors too.
    fs::write(site.path().join("templates/exercise.html"), "{% extends \"base.html\" %}\n{% block content %}\n{{ exercise.title \n{% endblock content %}\n").unwrap();
    let err = stderr(&build(site.path(), &[]));
    assert!(err.contains("--> templates/exercise.html:"), "{err}");
}

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let site = fixture("basic");
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::create_dir_all(site.path().join("static")).unwrap();
    fs::write(
        site.path().join("templates/guide.html"),
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"custom\">{{ guide.title }}</h1>{{ body | safe }}{% endblock content %}",
    )
    .unwrap();
    fs::write(site.path().join("static/style.css"), "body { color: red }").unwrap();
    assert!(build(site.path(), &[]).status.success());
    let p = site.path().join("public");
    assert!(read(p.join("guides/help.html")).contains("<h1 class=\"custom\">When to stop</h1>"));
    assert_eq!(read(p.join("style.css")), "body { color: red }");
}

#[test]
fn config_errors_point_into_handout_toml() {
    let site = fixture("basic");
    let cfg =
        read(site.path().join("handout.toml")).replace("paper = \"Letter\"", "papr = \"Letter\"");
    fs::write(site.path().join("handout.toml"), cfg).unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: unknown setting `papr`"), "{err}");
    assert!(err.contains("--> handout.toml:3:1"), "{err}");
    assert!(err.contains("did you mean `paper`?"), "{err}");
}

#[test]
fn warnings_fail_only_with_strict_and_drafts_need_a_flag() {
    let site = fixture("basic");
    let ex = read(site.path().join("content/exercises/wall-angels.md"));
    fs::write(
        site.path().join("content/exercises/wall-angels.md"),
        ex.replace(
            "image_alt: A person standing with their back and arms against a wall.\n",
            "",
        ),
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("warning: image has no `image_alt` text"));
    assert!(stderr(&out).contains("(1 warning: 1 image_without_alt)"));
    let out = build(site.path(), &["--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let draft = read(site.path().join("content/exercises/prone-w.md")).replacen(
        "---\n",
        "---\ndraft: true\n",
        1,
    );
    fs::write(site.path().join("content/exercises/prone-w.md"), draft).unwrap();
    let out = build(site.path(), &[]);
    // The routine uses prone-w, so without --drafts that is an error.
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("`prone-w` in `sections` is not an exercise"));
    let out = build(site.path(), &["--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path().join("public/exercises/prone-w.html").exists());
}

#[test]
fn missing_site_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no handout.toml in the current folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_then_build_works_anywhere_with_only_the_embedded_theme() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("clinic-site");
    let out = run(dir.path(), &["init", "clinic-site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.join("templates").exists() && !site.join("static").exists());
    let out = run(&site, &["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(site.join("public/exercises/band-pull-apart.html").exists());
    assert!(site.join("public/print/routines/desk-break.html").exists());
    // init refuses a non-empty folder.
    assert_eq!(
        run(dir.path(), &["init", "clinic-site"]).status.code(),
        Some(2)
    );
}

#[test]
fn new_writes_every_field_with_comments_and_the_file_builds() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["init", "s"]).status.success());
    let site = dir.path().join("s");
    let out = run(&site, &["new", "exercise", "Wall angels"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = read(site.join("content/exercises/wall-angels.md"));
    for field in [
        "title:",
        "summary:",
        "region:",
        "equipment:",
        "category:",
        "position:",
        "dosage:",
        "sets:",
        "reps:",
        "hold:",
        "side:",
        "frequency:",
        "cautions:",
        "progression:",
        "regression:",
        "related:",
        "tags:",
        "image:",
        "image_alt:",
        "video:",
        "draft:",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().trim_start_matches("# ").starts_with(field))
            .unwrap_or_else(|| panic!("no {field}"));
        assert!(line.contains('#'), "{field} has no comment: {line}");
    }
    let out = run(&site, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("exercise `wall-angels` is in no routine"));
    assert_eq!(
        run(&site, &["new", "exercise", "Wall angels"])
            .status
            .code(),
        Some(2)
    );
    let out = run(&site, &["new", "routine", "Morning stretch"]);
    assert!(out.status.success());
    assert!(read(site.join("content/routines/morning-stretch.md")).contains("goal: mobility"));
}
