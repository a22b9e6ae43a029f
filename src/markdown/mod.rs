//! Markdown → HTML with pulldown-cmark: heading ids that anchors can target,
//! relative `.md` links checked against the real page set and rewritten to
//! the built page, and fenced code highlighted by syntect (loaded only when
//! a page has code). Bodies are never passed through the template engine.

mod highlight;

use crate::diag::Diagnostic;
use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A heading of a page body.
#[derive(Debug, Clone, Hash, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A rendered body and what later stages need from it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Inner HTML of each item of the first ordered list (the steps).
    pub steps: Vec<String>,
    /// HTML of the first paragraph before the steps (the starting position).
    pub intro: String,
    /// The text without markup, for search and readability.
    pub text: String,
}

/// Where a page's links are resolved from, and what they can point to.
pub struct LinkContext<'a> {
    /// The page's content path, e.g. `guides/faq.md` (for `.md` links).
    pub content_path: &'a str,
    /// The page's output path, e.g. `guides/faq.html`.
    pub output_path: &'a str,
    /// Content path → (output path, heading ids).
    pub pages: &'a HashMap<String, (String, Arc<HashSet<String>>)>,
    /// Every output file (pages and static files), for other relative links.
    pub outputs: &'a HashSet<String>,
    /// For diagnostics: the file as shown, its whole text, and the body's first line.
    pub display: &'a str,
    pub text: &'a str,
    pub body_line: usize,
}

/// Heading ids of a body, in order, de-duplicated as `render` does.
pub fn heading_ids(body: &str) -> HashSet<String> {
    let mut ids = Ids::default();
    let mut in_heading = false;
    let mut text = String::new();
    let mut out = HashSet::new();
    for ev in Parser::new_ext(body, options()) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                out.insert(ids.next(&text));
            }
            Event::Text(t) | Event::Code(t) if in_heading => text.push_str(&t),
            _ => {}
        }
    }
    out
}

#[derive(Default)]
struct Ids(HashMap<String, usize>);

impl Ids {
    fn next(&mut self, text: &str) -> String {
        let base = crate::model::slugify(text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let n = self.0.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{}", *n - 1)
        }
    }
}

/// Renders a body; link problems come back as diagnostics with file:line:col.
pub fn render(body: &str, ctx: &LinkContext) -> (Rendered, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut ids = Ids::default();
    let mut heading: Option<(HeadingLevel, Vec<Event>, String)> = None;
    let mut code: Option<(String, String)> = None;
    let mut list_depth = 0usize;
    let mut steps_state = 0u8; // 0 before steps, 1 inside first ordered list, 2 done
    let mut item: Option<Vec<Event>> = None;
    let mut para: Option<Vec<Event>> = None;
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        // Links and images: check the target and rewrite `.md` links.
        let ev = match ev {
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    *dest_url = resolve(dest_url, range.start, body, ctx, &mut diags);
                }
                Event::Start(tag)
            }
            other => other,
        };
        if let Event::Text(t) | Event::Code(t) = &ev {
            if code.is_none() {
                out.text.push_str(t);
            }
        }
        if matches!(
            ev,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_))
                | Event::SoftBreak
                | Event::HardBreak
        ) {
            out.text.push(' ');
        }
        // Fenced code: collect, then highlight.
        match &ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split([' ', ',']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                continue;
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, buf)) = code.as_mut() {
                    buf.push_str(t);
                }
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, src)) = code.take() {
                    let html = crate::timings::HIGHLIGHT.time(|| highlight::highlight(&lang, &src));
                    events.push(Event::Html(CowStr::from(html)));
                }
                continue;
            }
            _ => {}
        }
        // Headings: gather inner events to build the id.
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level, Vec::new(), String::new()));
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, inner, text)) = heading.take() {
                    let id = ids.next(&text);
                    let mut inner_html = String::new();
                    html::push_html(&mut inner_html, inner.into_iter());
                    let n = level as u8;
                    events.push(Event::Html(CowStr::from(format!(
                        "<h{n} id=\"{id}\">{inner_html}</h{n}>\n"
                    ))));
                    out.headings.push(Heading {
                        level: n,
                        id,
                        text: text.trim().to_string(),
                    });
                }
                continue;
            }
            ev if heading.is_some() => {
                if let Some((_, inner, text)) = heading.as_mut() {
                    if let Event::Text(t) | Event::Code(t) = &ev {
                        text.push_str(t);
                    }
                    inner.push(ev);
                }
                continue;
            }
            _ => {}
        }
        // Steps and intro, for printed sheets.
        match &ev {
            Event::Start(Tag::List(first)) => {
                list_depth += 1;
                if list_depth == 1 && first.is_some() && steps_state == 0 {
                    steps_state = 1;
                }
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                if list_depth == 0 && steps_state == 1 {
                    steps_state = 2;
                }
            }
            Event::Start(Tag::Item) if list_depth == 1 && steps_state == 1 => {
                item = Some(Vec::new())
            }
            Event::End(TagEnd::Item) if list_depth == 1 && steps_state == 1 => {
                if let Some(inner) = item.take() {
                    let mut s = String::new();
                    html::push_html(&mut s, inner.into_iter());
                    out.steps.push(
                        s.trim()
                            .replace("<p>", "")
                            .replace("</p>", " ")
                            .trim()
                            .to_string(),
                    );
                }
            }
            Event::Start(Tag::Paragraph)
                if list_depth == 0 && steps_state == 0 && out.intro.is_empty() =>
            {
                para = Some(Vec::new())
            }
            Event::End(TagEnd::Paragraph) if para.is_some() => {
                if let Some(inner) = para.take() {
                    html::push_html(&mut out.intro, inner.into_iter());
                }
            }
            other => {
                if let Some(inner) = item.as_mut() {
                    inner.push(other.clone());
                } else if let Some(inner) = para.as_mut() {
                    inner.push(other.clone());
                }
            }
        }
        events.push(ev);
    }
    html::push_html(&mut out.html, events.into_iter());
    // Kept for the whole build: without the room left by growing.
    out.html.shrink_to_fit();
    out.text.shrink_to_fit();
    (out, diags)
}

/// Checks one link target and returns the URL to write into the page.
fn resolve<'a>(
    dest: &CowStr<'a>,
    offset: usize,
    body: &str,
    ctx: &LinkContext,
    diags: &mut Vec<Diagnostic>,
) -> CowStr<'a> {
    let url = dest.as_ref();
    let is_external = url.starts_with("//")
        || url.starts_with('/')
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.is_empty());
    if url.is_empty() || is_external {
        return dest.clone();
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let error = |message: String, help: Option<String>| {
        let before = &body[..offset.min(body.len())];
        let line = ctx.body_line + before.matches('\n').count();
        let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        let mut d = Diagnostic::error(ctx.display, message)
            .at(line, col)
            .width(url.len() + 4)
            .with_snippet(ctx.text);
        d.help = help;
        d
    };
    if path.is_empty() {
        // Same-page anchor.
        let own = ctx.pages.get(ctx.content_path).map(|(_, ids)| ids);
        if let (Some(f), Some(ids)) = (fragment, own) {
            if !ids.contains(f) {
                diags.push(error(
                    format!("link `{url}`: this page has no heading with id `{f}`"),
                    suggest_id(f, ids),
                ));
            }
        }
        return dest.clone();
    }
    if path.ends_with(".md") {
        let target = join(ctx.content_path, path);
        match target.as_ref().and_then(|t| ctx.pages.get(t)) {
            Some((out_path, ids)) => {
                if let Some(f) = fragment {
                    if !ids.contains(f) {
                        diags.push(error(
                            format!("link `{url}`: the page has no heading with id `{f}`"),
                            suggest_id(f, ids),
                        ));
                    }
                }
                let mut rel = relative(ctx.output_path, out_path);
                if let Some(f) = fragment {
                    rel.push('#');
                    rel.push_str(f);
                }
                CowStr::from(rel)
            }
            None => {
                let keys: Vec<&str> = ctx.pages.keys().map(String::as_str).collect();
                let wanted = target.unwrap_or_default();
                let help = crate::diag::did_you_mean(&wanted, keys.iter().copied())
                    .map(|best| format!("did you mean `{}`?", relative(ctx.content_path, best)));
                diags.push(error(
                    format!("link `{url}` points to a page that does not exist (content/{wanted})"),
                    help,
                ));
                dest.clone()
            }
        }
    } else {
        match join(ctx.output_path, path) {
            Some(t) if ctx.outputs.contains(&t) || ctx.outputs.contains(&format!("{}/index.html", t.trim_end_matches('/'))) => {}
            Some(t) if t.is_empty() => {}
            other => diags.push(error(
                format!("link `{url}` points to a file that is not in the built site ({})", other.unwrap_or_default()),
                Some("link to another page with its .md file, e.g. `../exercises/wall-angels.md`, or put files under static/".into()),
            )),
        }
        dest.clone()
    }
}

fn suggest_id(f: &str, ids: &HashSet<String>) -> Option<String> {
    let mut all: Vec<&str> = ids.iter().map(String::as_str).collect();
    all.sort();
    match crate::diag::did_you_mean(f, all.iter().copied()) {
        Some(best) => Some(format!("did you mean `#{best}`?")),
        None if all.is_empty() => Some("the page has no headings".into()),
        None => Some(format!(
            "headings on that page: {}",
            all.iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Resolves `rel` against the folder of `from` (both `/`-separated, site-relative).
/// `None` when it climbs above the site root.
pub fn join(from: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative URL from page `from` to file `to` (both site-relative paths).
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let mut s = "../".repeat(depth);
    s.push_str(to);
    s
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(
        pages: &'a HashMap<String, (String, Arc<HashSet<String>>)>,
        outputs: &'a HashSet<String>,
        text: &'a str,
    ) -> LinkContext<'a> {
        LinkContext {
            content_path: "guides/a.md",
            output_path: "guides/a.html",
            pages,
            outputs,
            display: "content/guides/a.md",
            text,
            body_line: 4,
        }
    }

    #[test]
    fn rewrites_md_links_and_reports_missing_ones_with_lines() {
        let mut pages = HashMap::new();
        pages.insert(
            "exercises/wall-angels.md".to_string(),
            (
                "exercises/wall-angels.html".to_string(),
                Arc::new(HashSet::from(["steps".to_string()])),
            ),
        );
        pages.insert(
            "guides/a.md".to_string(),
            ("guides/a.html".to_string(), Arc::new(HashSet::new())),
        );
        let outputs = HashSet::new();
        let body = "See [WA](../exercises/wall-angels.md#steps).\n\nAnd [x](../exercises/wall-angel.md) and [y](../exercises/wall-angels.md#stepz).\n";
        let text = format!("---\ntitle: A\n---\n{body}");
        let (r, d) = render(body, &ctx(&pages, &outputs, &text));
        assert!(
            r.html
                .contains("href=\"../exercises/wall-angels.html#steps\""),
            "{}",
            r.html
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].col), (6, 5));
        assert_eq!(
            d[0].help.as_deref(),
            Some("did you mean `../exercises/wall-angels.md`?")
        );
        assert!(d[1].message.contains("no heading with id `stepz`"));
    }

    #[test]
    fn heading_ids_steps_intro_and_literal_braces() {
        let pages = HashMap::new();
        let outputs = HashSet::new();
        let body = "Lie on your back.\n\n## Steps\n\n1. Breathe {{ in }}.\n2. Lift.\n\n## Steps\n";
        let (r, _) = render(body, &ctx(&pages, &outputs, body));
        assert!(r.html.contains("<h2 id=\"steps\">Steps</h2>"));
        assert!(r.html.contains("<h2 id=\"steps-1\">Steps</h2>"));
        assert!(r.html.contains("{{ in }}"));
        assert_eq!(r.steps, vec!["Breathe {{ in }}.", "Lift."]);
        assert_eq!(r.intro, "Lie on your back.");
    }

    #[test]
    fn joins_and_relativises() {
        assert_eq!(
            join("guides/a.md", "../exercises/b.md").as_deref(),
            Some("exercises/b.md")
        );
        assert_eq!(join("index.md", "../x.md"), None);
        assert_eq!(
            relative("guides/a.html", "exercises/b.html"),
            "../exercises/b.html"
        );
        assert_eq!(
            relative("index.html", "exercises/b.html"),
            "exercises/b.html"
        );
    }
}
