//! Markdown → HTML with pulldown-cmark: heading ids that anchors can target,
//! relative `.md` links checked against the real page set and rewritten to
//! the built page, and fenced code highlighted by syntect (loaded only when
//! a page has code). Bodies are never passed through the template engine.

mod highlight;
pub(crate) mod safety;
pub(crate) mod text;

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::collections::{HashMap, HashSet};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A heading of a page body.
#[derive(Debug, Clone, Hash, serde::Serialize)]
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) text: String,
}

/// A rendered body and what later stages need from it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    pub(crate) headings: Vec<Heading>,
    /// Inner HTML of each item of the first ordered list (the steps).
    pub(crate) steps: Vec<String>,
    /// HTML of the first paragraph before the steps (the starting position).
    pub(crate) intro: String,
    /// The text without markup, for search and readability.
    pub(crate) text: String,
}

/// Where a page's links are rewritten from, and the pages they can point to.
pub(crate) struct LinkContext<'a> {
    /// The page's content path, e.g. `guides/faq.md` (for `.md` links).
    pub(crate) content_path: &'a str,
    /// The page's output path, e.g. `guides/faq.html`.
    pub(crate) output_path: &'a str,
    /// Content path → output path, of every page.
    pub(crate) pages: &'a HashMap<String, String>,
    /// Raw HTML is written into the page (`[markdown] raw_html`); left out otherwise.
    pub(crate) raw_html: bool,
}

/// What a body has that links elsewhere can point to or need: its heading
/// ids, and each link and image with where it is in the body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub(crate) ids: HashSet<String>,
    /// (byte offset in the body, link destination).
    pub(crate) links: Vec<(usize, String)>,
    /// Links and images whose address would run a script or open a
    /// document that is not a picture: (byte offset, address, is an image).
    pub(crate) unsafe_urls: Vec<(usize, String, bool)>,
    /// Raw HTML blocks and inline tags (comments left aside): (byte
    /// offset, the HTML as written).
    pub(crate) raw_html: Vec<(usize, String)>,
}

/// What a link or image destination points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target<'a> {
    /// Another site, an absolute path, `mailto:` …, or nothing: left alone.
    Outside,
    /// `#id` on the same page (the fragment, if any).
    SamePage(Option<&'a str>),
    /// Another page's Markdown file, relative to this one.
    Page(&'a str, Option<&'a str>),
    /// Another file of the built site, relative to this page's output.
    File(&'a str),
}

/// Sorts a link destination into what it points to.
pub(crate) fn target(url: &str) -> Target<'_> {
    let is_external = url.starts_with("//")
        || url.starts_with('/')
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.is_empty());
    if url.is_empty() || is_external {
        return Target::Outside;
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        Target::SamePage(fragment)
    } else if path.ends_with(".md") {
        Target::Page(path, fragment)
    } else {
        Target::File(path)
    }
}

/// Heading ids and links of a body, with the ids made as `render` makes them.
pub(crate) fn scan(body: &str) -> Scan {
    let mut ids = Ids::default();
    let mut in_heading = false;
    let mut text = String::new();
    let mut out = Scan::default();
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                out.ids.insert(ids.next(&text));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if safety::is_unsafe_url(&dest_url, false) {
                    out.unsafe_urls
                        .push((range.start, dest_url.to_string(), false));
                }
                out.links.push((range.start, dest_url.into_string()));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if safety::is_unsafe_url(&dest_url, true) {
                    out.unsafe_urls
                        .push((range.start, dest_url.to_string(), true));
                }
                out.links.push((range.start, dest_url.into_string()));
            }
            // A block's range spans all of it; its lines follow as `Html` events.
            Event::Start(Tag::HtmlBlock) => {
                let html = body.get(range.clone()).unwrap_or("");
                if !safety::is_comment(html) {
                    out.raw_html.push((range.start, html.to_string()));
                }
            }
            Event::InlineHtml(html) if !safety::is_comment(&html) => {
                out.raw_html.push((range.start, html.into_string()));
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

/// Renders a body, with its `.md` links turned into links to the built
/// pages (the check stage has made sure they exist).
pub(crate) fn render(body: &str, ctx: &LinkContext) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut ids = Ids::default();
    let mut heading: Option<(HeadingLevel, Vec<Event>, String)> = None;
    let mut code: Option<(String, String)> = None;
    let mut list_depth = 0usize;
    let mut steps_state = 0u8; // 0 before steps, 1 inside first ordered list, 2 done
    let mut item: Option<Vec<Event>> = None;
    let mut para: Option<Vec<Event>> = None;
    for ev in Parser::new_ext(body, options()) {
        // Raw HTML only when the site asks for it; comments never.
        if let Event::Html(html) | Event::InlineHtml(html) = &ev {
            if !ctx.raw_html || safety::is_comment(html) {
                continue;
            }
        }
        // Links and images: `.md` links become links to the built page.
        let ev = match ev {
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    if let Some(url) = rewrite(dest_url, ctx) {
                        *dest_url = CowStr::from(url);
                    }
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
    out
}

/// The URL to write for a link to another page's `.md` file; `None` to
/// keep the destination as written.
fn rewrite(dest: &str, ctx: &LinkContext) -> Option<String> {
    let Target::Page(path, fragment) = target(dest) else {
        return None;
    };
    let out_path = ctx.pages.get(&join(ctx.content_path, path)?)?;
    let mut url = crate::site::routes::relative(ctx.output_path, out_path);
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    Some(url)
}

/// Resolves `rel` against the folder of `from` (both `/`-separated, site-relative).
/// `None` when it climbs above the site root.
pub(crate) fn join(from: &str, rel: &str) -> Option<String> {
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

/// Escapes text for HTML.
pub(crate) fn html_escape(s: &str) -> String {
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
mod tests;
