//! The patient-facing site: pictures and videos on exercise pages (and their
//! errors), guides for staff, what search engines and link previews read,
//! and, in headless Chromium, the phone layout, dark mode, the text-size
//! control, the privacy of video previews and the Nu HTML checker's verdict.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn read(p: impl AsRef<Path>) -> String {
    fs::read_to_string(p.as_ref()).unwrap_or_else(|e| panic!("read {}: {e}", p.as_ref().display()))
}

/// Replaces `from` with `to` in a file of the site (which must contain it).
fn edit(site: &Path, rel: &str, from: &str, to: &str) {
    let path = site.join(rel);
    let text = read(&path);
    assert!(text.contains(from), "{rel} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The basic fixture with the media files (a PNG photo, a WebM video) and
/// an exercise with two pictures, one local video and one YouTube video.
fn media_site() -> tempfile::TempDir {
    let site = fixture("basic");
    copy_dir(&repo().join("tests/fixtures/media"), site.path());
    edit(
        site.path(),
        "content/exercises/prone-w.md",
        "related: [scapular-squeeze]\n",
        "related: [scapular-squeeze]\n\
         images:\n  \
           - src: images/wall-angels.svg\n    \
             alt: Lying face down, arms in a W.\n    \
             caption: Start\n  \
           - src: images/wide-photo.png\n    \
             alt: Chest and arms lifted a little.\n\
         video: https://www.youtube.com/watch?v=abcDEF12345\n",
    );
    edit(
        site.path(),
        "content/exercises/scapular-squeeze.md",
        "---\n",
        "---\nvideo: videos/moving-dot.webm\n",
    );
    site
}

fn build_ok(dir: &Path) -> PathBuf {
    let o = run(dir, &["build"]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    dir.join("public")
}

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
        if !rel.ends_with(".html") || rel.starts_with("print/") {
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

// ---- In Chromium -------------------------------------------------------

/// Every kind of page of the sample, as the browser checks load them.
const PAGE_KINDS: &[&str] = &[
    "index.html",
    "exercises/wall-angels.html",
    "exercises/cat-cow.html",
    "exercises/row.html",
    "exercises/index.html",
    "routines/desk-reset.html",
    "routines/index.html",
    "guides/faq.html",
    "guides/writing-exercise-pages.html",
    "region/index.html",
    "region/neck.html",
    "equipment/resistance-band.html",
    "search.html?q=neck",
    "404.html",
];

/// Runs a node check over the sample and fails with its problems.
fn check_sample_in_chromium(test: &str, script: &str, pages: &[&str]) {
    let Some(dir) = node_checks(test) else { return };
    // Served from the root of a local address: the 404 page's absolute
    // links must lead there, not to the sample's own web address.
    let t = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .args(["build", "--base-url", "/", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(t.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mut args = vec![t.path().to_str().unwrap()];
    args.extend_from_slice(pages);
    let out = node_check(&dir, script, &args);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON line");
    eprintln!("{test}: {}", value["figures"]);
    let problems = value["problems"].as_array().expect("problems");
    assert!(
        problems.is_empty(),
        "{test}:\n{}",
        serde_json::to_string_pretty(problems).unwrap()
    );
}

#[test]
fn phones_see_every_page_kind_without_sideways_scrolling() {
    check_sample_in_chromium(
        "phones_see_every_page_kind_without_sideways_scrolling",
        "layout.mjs",
        PAGE_KINDS,
    );
}

#[test]
fn dark_mode_and_the_text_size_control() {
    check_sample_in_chromium(
        "dark_mode_and_the_text_size_control",
        "comfort.mjs",
        &[
            "exercises/wall-angels.html",
            "routines/desk-reset.html",
            "index.html",
            "search.html?q=neck",
            "region/neck.html",
            "guides/writing-exercise-pages.html",
        ],
    );
}

#[test]
fn video_previews_load_nothing_from_other_sites_until_pressed() {
    let test = "video_previews_load_nothing_from_other_sites_until_pressed";
    let Some(dir) = node_checks(test) else { return };
    let site = media_site();
    let out = build_ok(site.path());
    let line = node_check(
        &dir,
        "video.mjs",
        &[
            out.to_str().unwrap(),
            "exercises/prone-w.html",
            "exercises/scapular-squeeze.html",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    eprintln!("{test}: {}", value["figures"]);
    assert_eq!(value["figures"]["foreignBeforePlay"], serde_json::json!([]));
    let problems = value["problems"].as_array().unwrap();
    assert!(
        problems.is_empty(),
        "{}",
        serde_json::to_string_pretty(problems).unwrap()
    );
}

/// The Nu HTML checker (vnu.jar from tests/browser's packages) and Java.
fn nu_checker(test: &str) -> Option<PathBuf> {
    let jar = repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if jar.is_file() && java {
        return Some(jar);
    }
    let msg = format!(
        "\n!!! SKIPPED {test}: the Nu HTML checker needs Java and `npm ci --prefix tests/browser`. \
         Set HANDOUT_REQUIRE_BROWSER=1 to make this a failure.\n"
    );
    if std::env::var("HANDOUT_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{msg}");
    }
    eprintln!("{msg}");
    None
}

#[test]
fn the_nu_html_checker_finds_no_errors_in_the_sample() {
    let Some(jar) = nu_checker("the_nu_html_checker_finds_no_errors_in_the_sample") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    build_sample(t.path());
    let o = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--skip-non-html", "--errors-only", "--format", "json"])
        .arg(t.path())
        .output()
        .expect("run java");
    let report: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap_or_else(|e| {
        panic!(
            "Nu checker output ({e}): {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let messages = report["messages"].as_array().expect("messages");
    let shown: Vec<String> = messages
        .iter()
        .take(20)
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        messages.is_empty(),
        "{} errors:\n{}",
        messages.len(),
        shown.join("\n")
    );
}
