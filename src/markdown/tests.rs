//! Rendering, heading ids, link scanning and path joining.

use super::*;

fn ctx(pages: &HashMap<String, String>) -> LinkContext<'_> {
    LinkContext {
        content_path: "guides/a.md",
        output_path: "guides/a.html",
        pages,
        raw_html: false,
    }
}

#[test]
fn rewrites_md_links_to_the_built_pages() {
    let pages = HashMap::from([(
        "exercises/wall-angels.md".to_string(),
        "exercises/wall-angels.html".to_string(),
    )]);
    let body =
        "See [WA](../exercises/wall-angels.md#steps), [x](../exercises/x.md) and [s](style.css).\n";
    let r = render(body, &ctx(&pages));
    assert!(
        r.html
            .contains("href=\"../exercises/wall-angels.html#steps\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"../exercises/x.md\""), "{}", r.html);
    assert!(r.html.contains("href=\"style.css\""), "{}", r.html);
}

#[test]
fn heading_ids_steps_intro_and_literal_braces() {
    let pages = HashMap::new();
    let body = "Lie on your back.\n\n## Steps\n\n1. Breathe {{ in }}.\n2. Lift.\n\n## Steps\n";
    let r = render(body, &ctx(&pages));
    assert!(r.html.contains("<h2 id=\"steps\">Steps</h2>"));
    assert!(r.html.contains("<h2 id=\"steps-1\">Steps</h2>"));
    assert!(r.html.contains("{{ in }}"));
    assert_eq!(r.steps, vec!["Breathe {{ in }}.", "Lift."]);
    assert_eq!(r.intro, "Lie on your back.");
    let scan = scan(body);
    let ids: HashSet<String> = r.headings.iter().map(|h| h.id.clone()).collect();
    assert_eq!(scan.ids, ids);
}

#[test]
fn scans_links_with_offsets_and_sorts_targets() {
    let body = "A [b](b.md#c) and ![i](img.png).\n";
    let s = scan(body);
    assert_eq!(
        s.links,
        vec![(2, "b.md#c".to_string()), (18, "img.png".to_string())]
    );
    assert_eq!(target("b.md#c"), Target::Page("b.md", Some("c")));
    assert_eq!(target("#top"), Target::SamePage(Some("top")));
    assert_eq!(target("https://x.example/a.md"), Target::Outside);
    assert_eq!(target("/abs.html"), Target::Outside);
    assert_eq!(target("mailto:a@b"), Target::Outside);
    assert_eq!(target("img.png?x=1"), Target::File("img.png"));
}

#[test]
fn joins_content_paths() {
    assert_eq!(
        join("guides/a.md", "../exercises/b.md").as_deref(),
        Some("exercises/b.md")
    );
    assert_eq!(join("index.md", "../x.md"), None);
}
