//! The patient-facing site: pictures and videos on exercise pages (and their
//! errors), guides for staff, and what search engines and link previews
//! read. The same pages in headless Chromium: tests/testsuite/site_browser.rs.

use crate::common::media::{build_ok, edit, media_site};
use crate::common::*;
use std::fs;

#[test]
fn pictures_keep_their_size_have_captions_and_load_lazily() {
    let site = media_site();
    let out = build_ok(site.path());
    let page = read(out.join("exercises/prone-w.html"));
    // The SVG's size comes from its root element, the PNG's from its header.
    let svg = r#"<img src="../images/wall-angels.svg" alt="Lying face down, arms in a W." width="80" height="80" decoding="async">"#;
    assert!(page.contains(svg), "{page}");
    assert!(page.contains("<figcaption>Start</figcaption>"));
    let png = r#"<img src="../images/wide-photo.png" alt="Chest and arms lifted a little." width="1200" height="800" loading="lazy" decoding="async">"#;
    assert!(page.contains(png), "{page}");
    assert_eq!(page.matches("<figure class=\"picture\">").count(), 2);
    // The one-picture fields still work, with the size read from the file.
    let wall = read(out.join("exercises/wall-angels.html"));
    assert!(wall.contains(r#"alt="A person standing with their back and arms against a wall." width="80" height="80""#), "{wall}");
    // Sheets get the first picture as before.
    let sheet = read(out.join("print/exercises/prone-w.html"));
    assert!(sheet.contains("images/wall-angels.svg"), "{sheet}");
}

#[test]
fn picture_and_video_mistakes_name_file_line_and_field() {
    let site = media_site();
    edit(
        site.path(),
        "content/exercises/prone-w.md",
        "    alt: Chest and arms lifted a little.\n",
        "    capton: Lifted\n  - src: images/missing.svg\n    alt: Not there.\n",
    );
    edit(
        site.path(),
        "content/exercises/scapular-squeeze.md",
        "video: videos/moving-dot.webm",
        "video: videos/gone.webm",
    );
    edit(
        site.path(),
        "content/exercises/wall-angels.md",
        "tags:",
        "images: [{src: images/wide-photo.png, alt: A photo}]\ntags:",
    );
    let o = run(site.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for want in [
        "error: picture `images/wide-photo.png` has no `alt` text\n  --> content/exercises/prone-w.md:18:10 (field `images.alt`)",
        "error: unknown field `capton` in picture 2 of `images`\n  --> content/exercises/prone-w.md:19:5 (field `images.capton`)",
        "= help: did you mean `caption`?",
        "error: picture `images/missing.svg` was not found\n  --> content/exercises/prone-w.md:20:10 (field `images.src`)",
        "error: video `videos/gone.webm` was not found\n  --> content/exercises/scapular-squeeze.md:2:8 (field `video`)",
        "error: both `image` and `images` are given\n  --> content/exercises/wall-angels.md:17:1 (field `image`)",
    ] {
        assert!(err.contains(want), "missing:\n{want}\n--- in ---\n{err}");
    }
    // A list that is not a list, and an entry without `src`.
    edit(
        site.path(),
        "content/exercises/prone-w.md",
        "  - src: images/missing.svg\n    alt: Not there.\n",
        "  - alt: No file\n",
    );
    edit(
        site.path(),
        "content/exercises/scapular-squeeze.md",
        "video: videos/gone.webm",
        "video: notes/how-to.txt\nimages: images/one.svg",
    );
    let err = stderr(&run(site.path(), &["check"]));
    for want in [
        "error: picture 3 of `images` has no `src`\n  --> content/exercises/prone-w.md:14:1 (field `images.src`)",
        "error: video `notes/how-to.txt` is neither a web address nor a video file",
        "error: field `images` must be a list, found text\n  --> content/exercises/scapular-squeeze.md:3:9 (field `images`)",
    ] {
        assert!(err.contains(want), "missing:\n{want}\n--- in ---\n{err}");
    }
}

#[test]
fn videos_play_on_the_page_or_wait_for_a_press() {
    let site = media_site();
    let out = build_ok(site.path());
    let file = read(out.join("exercises/scapular-squeeze.html"));
    assert!(
        file.contains(r#"<video class="video-frame" controls preload="metadata" src="../videos/moving-dot.webm">"#),
        "{file}"
    );
    let hosted = read(out.join("exercises/prone-w.html"));
    assert!(hosted
        .contains(r#"data-embed="https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1""#));
    assert!(hosted.contains(
        r#"<a class="video-preview" href="https://www.youtube.com/watch?v=abcDEF12345">"#
    ));
    // Nothing on the page itself comes from the video's site.
    assert!(!hosted.contains("<iframe"));
    assert!(!hosted.contains("ytimg") && !hosted.contains("src=\"https://www.youtube"));
    // Any other address stays a link; sheets keep the QR code to the video.
    let wall = read(out.join("exercises/wall-angels.html"));
    assert!(wall.contains(
        r#"<a href="https://video.example/wall-angels">Watch a video of this exercise</a>"#
    ));
    let sheet = read(out.join("print/exercises/prone-w.html"));
    assert!(sheet.contains("<figcaption>Video</figcaption>"), "{sheet}");
}

#[test]
fn staff_guides_are_built_but_not_shown_to_patients() {
    let site = fixture("basic");
    fs::write(
        site.path().join("content/guides/staff-notes.md"),
        "---\ntitle: Notes for staff\nsummary: How we write pages.\naudience: staff\n---\nInternal.\n",
    )
    .unwrap();
    let out = build_ok(site.path());
    let page = read(out.join("guides/staff-notes.html"));
    assert!(page.contains("<h1>Notes for staff</h1>"));
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    for rel in [
        "index.html",
        "guides/help.html",
        "exercises/prone-w.html",
        "search.html",
    ] {
        let html = read(out.join(rel));
        assert!(!html.contains("staff-notes"), "{rel} lists the staff guide");
        assert!(
            html.contains("guides/help.html"),
            "{rel} lost the patients' guide"
        );
    }
    assert!(!read(out.join("guides/help.html")).contains("noindex"));
    assert!(!read(out.join("sitemap.xml")).contains("staff-notes"));
    assert!(!read(out.join("search-index.js")).contains("staff-notes"));

    edit(
        site.path(),
        "content/guides/staff-notes.md",
        "audience: staff",
        "audience: staf",
    );
    let o = run(site.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: unknown audience `staf`\n  --> content/guides/staff-notes.md:4:11 (field `audience`)"),
        "{err}"
    );
    assert!(err.contains("did you mean `staff`?"), "{err}");
}

#[test]
fn the_samples_staff_guide_is_only_reachable_by_its_address() {
    let t = tempfile::tempdir().unwrap();
    build_sample(t.path());
    assert!(t
        .path()
        .join("guides/writing-exercise-pages.html")
        .is_file());
    for rel in ["index.html", "guides/faq.html", "exercises/cat-cow.html"] {
        assert!(
            !read(t.path().join(rel)).contains("writing-exercise-pages"),
            "{rel}"
        );
    }
}

/// The value of `<meta {attr}="{name}" content="…">` in a page.
fn meta<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let start = format!("<meta {attr}=\"{name}\" content=\"");
    let i = html.find(&start)? + start.len();
    html[i..].find('"').map(|j| &html[i..i + j])
}

#[test]
fn every_page_has_a_description_preview_tags_and_an_icon() {
    let t = tempfile::tempdir().unwrap();
    build_sample(t.path());
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(t.path()) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(t.path())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Sheets are not for search engines (also `es/print/` of a language).
        if !rel.ends_with(".html") || rel.split('/').take(2).any(|s| s == "print") {
            continue;
        }
        seen += 1;
        let html = read(entry.path());
        let description = meta(&html, "name", "description").unwrap_or_default();
        assert!(description.len() > 30, "{rel}: description `{description}`");
        assert_eq!(
            meta(&html, "property", "og:description"),
            Some(description),
            "{rel}"
        );
        assert!(
            meta(&html, "property", "og:title").is_some_and(|t| !t.is_empty()),
            "{rel}"
        );
        assert!(meta(&html, "property", "og:site_name").is_some(), "{rel}");
        assert!(meta(&html, "name", "twitter:card").is_some(), "{rel}");
        if rel != "404.html" {
            assert!(
                meta(&html, "property", "og:url").is_some_and(|u| u.starts_with("https://")),
                "{rel}"
            );
        }
        assert!(html.contains("favicon.svg\">"), "{rel}: no icon");
    }
    assert!(seen > 80, "only {seen} pages");
    assert!(t.path().join("favicon.svg").is_file());
    let term = read(t.path().join("region/neck.html"));
    assert!(
        meta(&term, "name", "description")
            .unwrap()
            .starts_with("Neck: "),
        "{term}"
    );
    let robots = read(t.path().join("robots.txt"));
    assert!(robots.contains("User-agent: *\nAllow: /\n"), "{robots}");
    assert!(
        robots.ends_with("Sitemap: https://harbourside-physio.example/handbook/sitemap.xml\n"),
        "{robots}"
    );
}

#[test]
fn the_clinic_logo_is_the_icon_and_a_sites_robots_txt_wins() {
    let site = fixture("basic");
    edit(
        site.path(),
        "handout.toml",
        "[clinic]\n",
        "[clinic]\nlogo = \"images/wall-angels.svg\"\n",
    );
    fs::write(
        site.path().join("static/robots.txt"),
        "User-agent: *\nDisallow: /\n",
    )
    .unwrap();
    let out = build_ok(site.path());
    let home = read(out.join("index.html"));
    assert!(
        home.contains(r#"<link rel="icon" href="images/wall-angels.svg">"#),
        "{home}"
    );
    assert_eq!(read(out.join("robots.txt")), "User-agent: *\nDisallow: /\n");
    // Without an absolute base_url there is no sitemap line, nor preview address.
    edit(
        site.path(),
        "handout.toml",
        "base_url = \"https://fixture.example/handbook/\"",
        "base_url = \"/\"",
    );
    fs::remove_file(site.path().join("static/robots.txt")).unwrap();
    let out = build_ok(site.path());
    assert_eq!(read(out.join("robots.txt")).trim_end(), "# Every page may be indexed; the printable sheets and staff guides ask not to be.\nUser-agent: *\nAllow: /");
    assert!(!read(out.join("index.html")).contains("og:url"));
}

#[test]
fn search_filters_fold_into_a_disclosure_that_needs_no_script() {
    let t = tempfile::tempdir().unwrap();
    build_sample(t.path());
    let page = read(t.path().join("search.html"));
    let details = page
        .find("<details class=\"search-filters\">")
        .expect("a Filter disclosure");
    let summary = page
        .find("<summary><span class=\"search-filters-label\">Filter</span>")
        .unwrap();
    let facets = page.find("id=\"search-facets\"").unwrap();
    let results = page.find("id=\"search-results\"").unwrap();
    assert!(details < summary && summary < facets && facets < results);
    // The header's search box is a combobox on a text field (valid HTML).
    assert!(page.contains(r#"type="text" inputmode="search" enterkeyhint="search""#));
}
