//! Sheets longer than their pages: a site stylesheet that overflows, an
//! exercise split between steps, a routine on numbered pages.

use super::*;

/// A site's own sheet.css that makes steps take more room than the build
/// knows: the sheet notices in the browser, fits itself again (a little
/// longer) or says it prints on more pages (much longer), and the PDF
/// agrees with what it says.
#[test]
fn an_overflowing_site_stylesheet_is_caught_in_the_browser() {
    let test = "an_overflowing_site_stylesheet_is_caught_in_the_browser";
    let Some(checks) = browser(test) else {
        return;
    };
    let css = std::fs::read_to_string(repo().join("static/sheet.css")).expect("sheet.css");
    for (extra, refits) in [("11mm", true), ("20mm", false)] {
        let site = fixture("twelve");
        std::fs::create_dir_all(site.path().join("static")).expect("mkdir");
        std::fs::write(
            site.path().join("static/sheet.css"),
            format!("{css}\n.card-steps li {{ padding-bottom: {extra}; }}\n"),
        )
        .expect("site css");
        let site = build_site(site, "A4");
        let html = site.public().join("print/routines/four.html");
        let printed = print(&checks, &[(html, false)], false);
        let p = &printed[0];
        let n = pages(&p.pdf);
        assert!(p.refitted, "{extra}: the sheet did not notice: {p:?}");
        assert_eq!(n, p.js_pages, "{extra}: the PDF has {n} pages: {p:?}");
        if refits {
            assert_eq!(n, 1, "{extra}: fitted again onto one page: {p:?}");
            assert!(p.status.contains("laid out again"), "{}", p.status);
        } else {
            assert!(n > 1, "{extra}: {p:?}");
            assert!(
                p.status.contains(&format!("prints on {n} pages")),
                "{}",
                p.status
            );
            for page in 2..=n {
                let t = text(&p.pdf, Some(page));
                assert!(t.contains(&format!("Page{page}of{n}")), "page {page}: {t}");
            }
        }
    }
}

/// An exercise sheet of one long exercise that a site's own sheet.css makes
/// too long for its pages: the sheet splits the exercise between whole
/// steps onto the next page ("… (continued)"), with the running head and
/// the page numbers, instead of the browser pushing it whole onto a page of
/// its own; every step prints.
#[test]
fn an_overflowing_single_exercise_splits_between_steps() {
    let test = "an_overflowing_single_exercise_splits_between_steps";
    let Some(checks) = browser(test) else {
        return;
    };
    let site = fixture("twelve");
    let root = site.path();
    let mut rng = Rng(5);
    let said: Vec<String> = (0..18).map(|_| sentence(&mut rng, 20, 30)).collect();
    let steps: String = said
        .iter()
        .enumerate()
        .map(|(k, s)| format!("{}. {s}\n", k + 1))
        .collect();
    std::fs::write(
        root.join("content/exercises/long-one.md"),
        format!(
            "---\ntitle: A long one\nsummary: Many steps.\nregion: [neck]\nequipment: [chair]\ncategory: mobility\n\
             position: seated\ndosage: {{ sets: 2, reps: 10 }}\ncautions:\n  - Stop if it hurts.\n---\n{}\n\n{steps}",
            sentence(&mut rng, 10, 10)
        ),
    )
    .expect("exercise");
    let css = std::fs::read_to_string(repo().join("static/sheet.css")).expect("sheet.css");
    std::fs::create_dir_all(root.join("static")).expect("mkdir");
    std::fs::write(
        root.join("static/sheet.css"),
        format!("{css}\n.card-steps li {{ padding-bottom: 7mm; }}\n"),
    )
    .expect("site css");
    let site = build_site(site, "A4");
    let html = site.public().join("print/exercises/long-one.html");
    let printed = print(&checks, &[(html, false)], false);
    let p = &printed[0];
    let n = pages(&p.pdf);
    assert!(n > 1, "{p:?}");
    assert_eq!(n, p.js_pages, "the PDF has {n} pages: {p:?}");
    let all = text(&p.pdf, None);
    for (k, step) in said.iter().enumerate() {
        let start: String = squeeze(step).chars().take(25).collect();
        assert!(all.contains(&start), "step {} missing: {all}", k + 1);
    }
    for page in 2..=n {
        let t = text(&p.pdf, Some(page));
        assert!(t.contains(&format!("Page{page}of{n}")), "page {page}: {t}");
        assert!(t.contains("Alongone(continued)"), "page {page}: {t}");
    }
    assert!(text(&p.pdf, Some(1)).contains("Startingposition"), "page 1");
    assert!(
        text(&p.pdf, Some(n)).contains("Takecare"),
        "the cautions go last"
    );
}

/// A routine of 16 exercises: a warning that names its file and how many
/// exercises would fit, and a clean multi-page sheet.
#[test]
fn a_routine_too_long_for_one_page_warns_and_prints_on_numbered_pages() {
    let test = "a_routine_too_long_for_one_page_warns_and_prints_on_numbered_pages";
    let Some(checks) = browser(test) else {
        return;
    };
    let site = fixture("twelve");
    let mut slugs: Vec<String> = std::fs::read_dir(site.path().join("content/exercises"))
        .expect("exercises")
        .filter_map(|e| Some(e.ok()?.path().file_stem()?.to_string_lossy().into_owned()))
        .collect();
    slugs.sort();
    let list: String = slugs
        .iter()
        .chain(&slugs)
        .map(|s| format!("      - {s}\n"))
        .collect();
    std::fs::write(
        site.path().join("content/routines/thirty-two.md"),
        format!(
            "---\ntitle: Thirty-two at once\nsummary: Every exercise twice.\ngoal: mixed\nfrequency: daily\n\
             sections:\n  - name: All\n    exercises:\n{list}cautions: []\n---\nToo many for one page.\n"
        ),
    )
    .expect("write routine");
    let site = build_site(site, "A4");
    let warning: Vec<&str> = site
        .stderr
        .split("\n\n")
        .filter(|w| w.contains("thirty-two.md"))
        .collect();
    assert_eq!(warning.len(), 1, "{}", site.stderr);
    assert!(
        warning[0].contains("takes ") && warning[0].contains("pages"),
        "{}",
        warning[0]
    );
    let fit: usize = warning[0]
        .split("its first ")
        .nth(1)
        .and_then(|w| w.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count: {}", warning[0]));
    assert!((10..=15).contains(&fit), "{}", warning[0]);
    assert!(!site.stderr.contains("twelve.md"), "{}", site.stderr);
    let html = site.public().join("print/routines/thirty-two.html");
    let printed = print(&checks, &[(html.clone(), false), (html, true)], false);
    let problems = failures(check_sheets(&site, &printed));
    let problems: Vec<&String> = problems
        .iter()
        .filter(|p| !p.ends_with("pages") || p.contains("lacks"))
        .collect();
    assert!(printed[0].js_pages >= 2, "{printed:?}");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A routine of two exercises so long that only one fits a page: the
/// warning says so in words that fit the case (not "routines of up to 1
/// exercises").
#[test]
fn a_routine_where_one_exercise_fits_gets_advice_for_one() {
    let words: Vec<&str> =
        "lift your arm slowly and hold it there while you breathe out then lower it back down to the start"
            .split(' ')
            .collect();
    let body: String = (0..14)
        .map(|i| {
            let step: Vec<&str> = (0..30).map(|j| words[(i + j) % words.len()]).collect();
            format!("{}. {}.\n", i + 1, step.join(" "))
        })
        .collect();
    let site = SiteTest::fixture("twelve")
        .exercise("long-a", "Long one", &body)
        .exercise("long-b", "Long two", &body)
        .file(
            "content/routines/two-long.md",
            "---\ntitle: Two long ones\nsummary: Two.\ngoal: mixed\nfrequency: daily\nsections:\n  - name: All\n    exercises:\n      - long-a\n      - long-b\ncautions: []\n---\nTwo.\n",
        );
    let out = site.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warning = err
        .split("\n\n")
        .find(|w| w.contains("two-long.md"))
        .unwrap_or_else(|| panic!("no warning for two-long.md:\n{err}"));
    assert!(
        warning.contains("takes 2 A4 pages (2 exercises, every step printed)"),
        "{warning}"
    );
    assert!(
        warning.contains("only its first exercise fits on one page"),
        "{warning}"
    );
    assert!(!warning.contains("up to 1 "), "{warning}");
}
