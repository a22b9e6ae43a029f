//! The pages a build writes: every file of the layout, what an exercise and
//! a routine page show, escaping, odd files, a site's own templates.

use super::*;

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
