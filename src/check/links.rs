//! Links and images in Markdown bodies: a link to another page's `.md`
//! file must name a page that exists and, with `#id`, one of its headings;
//! any other relative link must name a file of the built site.

use crate::diag::{did_you_mean, Diagnostic};
use crate::markdown::{join, target, Scan, Target};
use crate::model::Content;
use crate::site::routes::relative;
use crate::source::load::SourceFile;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What links can point to.
pub(crate) struct Targets<'a> {
    /// Content path → (output path, heading ids) of every page (a
    /// translation by its original's path: links name the original).
    pub(crate) pages: HashMap<Cow<'a, str>, (String, &'a HashSet<String>)>,
    /// Every output file (pages and static files).
    pub(crate) outputs: HashSet<String>,
    /// The content paths "did you mean" may name: pages whose address is
    /// valid (a file rejected for its name is never suggested).
    pub(crate) suggestable: Vec<&'a str>,
}

/// Checks every link of every page; `scans` are the pages' bodies scanned,
/// by file index, and `pages` their (file index, output path).
pub(crate) fn check(
    content: &Content,
    pages: &[(usize, String)],
    scans: &HashMap<usize, Arc<Scan>>,
    outputs: HashSet<String>,
) -> Vec<Diagnostic> {
    let targets = Targets {
        pages: pages
            .iter()
            .filter_map(|(src, out)| {
                let scan = scans.get(src)?;
                let f = &content.files[*src];
                let key = match f.lang {
                    Some(_) => Cow::Owned(crate::source::load::original_of(&f.rel)?),
                    None => Cow::Borrowed(f.rel.as_str()),
                };
                Some((key, (out.clone(), &scan.ids)))
            })
            .collect(),
        outputs,
        suggestable: pages
            .iter()
            .filter(|(_, out)| {
                let stem = out.rsplit('/').next().unwrap_or("");
                out == "index.html" || super::names::slug_ok(stem.trim_end_matches(".html"))
            })
            .map(|(src, _)| content.files[*src].rel.as_str())
            .collect(),
    };
    pages
        .par_iter()
        .flat_map_iter(|(src, out)| {
            let f = &content.files[*src];
            let links = scans.get(src).map_or(&[][..], |s| &s.links[..]);
            links
                .iter()
                .filter_map(|(offset, url)| link(f, out, *offset, url, &targets))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The file line and column of byte `offset` of `f`'s body.
pub(crate) fn body_position(f: &SourceFile, offset: usize) -> (usize, usize) {
    let body = f.body();
    let before = body.get(..offset.min(body.len())).unwrap_or("");
    let line = f.body_line + before.matches('\n').count();
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The problem with one link of file `f` (whose page is `out`), if any.
fn link(
    f: &SourceFile,
    out: &str,
    offset: usize,
    url: &str,
    targets: &Targets,
) -> Option<Diagnostic> {
    let error = |message: String, help: Option<String>| {
        let (line, col) = body_position(f, offset);
        let mut d = Diagnostic::error(&f.display, message)
            .at(line, col)
            .width(url.len() + 4)
            .with_snippet(&f.text);
        d.help = help;
        Some(d)
    };
    match target(url) {
        Target::Outside | Target::SamePage(None) => None,
        Target::SamePage(Some(id)) => {
            let own = match f.lang {
                Some(_) => Cow::Owned(crate::source::load::original_of(&f.rel)?),
                None => Cow::Borrowed(f.rel.as_str()),
            };
            let (_, ids) = targets.pages.get(&own)?;
            if ids.contains(id) {
                return None;
            }
            error(
                format!("link `{url}`: this page has no heading with id `{id}`"),
                suggest_id(id, ids),
            )
        }
        Target::Page(path, fragment) => {
            let wanted = join(&f.rel, path);
            match wanted.as_deref().and_then(|t| targets.pages.get(&Cow::Borrowed(t))) {
                Some((_, ids)) => {
                    let id = fragment.filter(|id| !ids.contains(*id))?;
                    error(
                        format!("link `{url}`: the page has no heading with id `{id}`"),
                        suggest_id(id, ids),
                    )
                }
                None => {
                    let wanted = wanted.unwrap_or_default();
                    let help = suggest_page(&wanted, &targets.suggestable)
                        .map(|best| format!("did you mean `{}`?", relative(&f.rel, best)));
                    error(
                        format!("link `{url}` points to a page that does not exist (content/{wanted})"),
                        help,
                    )
                }
            }
        }
        Target::File(path) => match join(out, path) {
            Some(t)
                if targets.outputs.contains(&t)
                    || targets
                        .outputs
                        .contains(&format!("{}/index.html", t.trim_end_matches('/'))) =>
            {
                None
            }
            Some(t) if t.is_empty() => None,
            other => error(
                format!(
                    "link `{url}` points to a file that is not in the built site ({})",
                    other.unwrap_or_default()
                ),
                Some("link to another page with its .md file, e.g. `../exercises/wall-angels.md`, or put files under static/".into()),
            ),
        },
    }
}

/// The page of `pages` whose file name is closest to that of `wanted`, in
/// the same folder (the shared folder name would make any two paths alike).
fn suggest_page<'a>(wanted: &str, pages: &[&'a str]) -> Option<&'a str> {
    let split = |p: &'a str| p.rsplit_once('/').unwrap_or(("", p));
    let (folder, name) = wanted.rsplit_once('/').unwrap_or(("", wanted));
    let same: Vec<(&str, &str)> = pages
        .iter()
        .map(|p| (*p, split(p)))
        .filter(|(_, (f, _))| *f == folder)
        .map(|(p, (_, n))| (p, n))
        .collect();
    let best = did_you_mean(name, same.iter().map(|(_, n)| *n))?;
    same.iter().find(|(_, n)| *n == best).map(|(p, _)| *p)
}

fn suggest_id(f: &str, ids: &HashSet<String>) -> Option<String> {
    let mut all: Vec<&str> = ids.iter().map(String::as_str).collect();
    all.sort();
    match did_you_mean(f, all.iter().copied()) {
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
