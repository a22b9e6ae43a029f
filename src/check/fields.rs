//! Checks that need more than one field: vocabulary terms, unique slugs,
//! images, and exercises no routine uses. Every problem is collected.

use crate::diag::Diagnostic;
use crate::model::taxonomy::{Taxonomy, Vocabularies};
use crate::model::{Content, Exercise};
use crate::source::positions::{Locator, Pos};
use crate::theme::Theme;
use std::collections::{HashMap, HashSet};

/// Runs every cross-field check over the parsed content.
pub(crate) fn check(content: &Content, vocabs: &Vocabularies, theme: &Theme) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for ex in &content.exercises {
        check_terms(content, ex, vocabs, &mut diags);
        check_media(content, ex, theme, &mut diags);
    }
    duplicate_slugs(content, &mut diags);
    let used: HashSet<&str> = content
        .routines
        .iter()
        .flat_map(|r| r.items().map(|i| i.exercise.as_str()))
        .collect();
    for ex in &content.exercises {
        if !used.contains(ex.slug.as_str()) && !ex.draft {
            let file = &content.files[ex.src];
            diags.push(
                Diagnostic::warning(
                    &file.display,
                    format!("exercise `{}` is in no routine", ex.slug),
                )
                .kind("exercise_in_no_routine")
                .help("add it to a routine's `sections`, so patients find it in a programme"),
            );
        }
    }
    diags
}

fn locate(content: &Content, src: usize) -> (Locator<'_>, &str, &str) {
    let f = &content.files[src];
    (f.positions(), f.display.as_str(), f.text.as_str())
}

fn at(d: Diagnostic, pos: Option<Pos>, text: &str) -> Diagnostic {
    let p = pos.unwrap_or_default();
    d.at(p.line, p.col).width(p.width).with_snippet(text)
}

fn check_terms(
    content: &Content,
    ex: &Exercise,
    vocabs: &Vocabularies,
    diags: &mut Vec<Diagnostic>,
) {
    for t in Taxonomy::ALL {
        let (field, vocab) = (t.name(), &vocabs[t]);
        for term in ex.terms(t) {
            if term.is_empty() || vocab.label(term).is_some() {
                continue;
            }
            // Only now: finding a field's line costs a pass over the file.
            let (loc, display, text) = locate(content, ex.src);
            let names: Vec<&str> = vocab.term_names().collect();
            let d = Diagnostic::error(display, format!("unknown {field} `{term}`"))
                .field(field)
                .allowed(names.join(", "))
                .suggest(term, names.iter().copied());
            let undashed = term.trim_start_matches('-');
            let d = match d.help {
                _ if undashed != term && vocab.label(undashed).is_some() => d.help(format!(
                    "put a space after `-` to start a list item: `- {undashed}`"
                )),
                Some(_) => d,
                None => d.help(format!(
                    "to add a term, list it in handout.toml under [vocabulary.{field}]"
                )),
            };
            diags.push(at(d, loc.token(&[field], term), text));
        }
    }
}

fn check_media(content: &Content, ex: &Exercise, theme: &Theme, diags: &mut Vec<Diagnostic>) {
    // Found only for a problem: finding a field's line costs a pass over the file.
    let loc = || locate(content, ex.src).0;
    let f = &content.files[ex.src];
    let (display, text) = (f.display.as_str(), f.text.as_str());
    if let Some(image) = &ex.image {
        let clean = image.trim_start_matches('/');
        if clean.split('/').any(|p| p == "..") || !theme.has_static(clean) {
            diags.push(at(
                Diagnostic::error(display, format!("image `{image}` was not found"))
                    .field("image")
                    .allowed("a path under static/, e.g. `images/wall-angels.svg` for static/images/wall-angels.svg"),
                loc().value(&["image"]),
                text,
            ));
        }
        if ex.image_alt.as_deref().unwrap_or("").is_empty() {
            diags.push(at(
                Diagnostic::warning(display, "image has no `image_alt` text")
                    .field("image_alt")
                    .kind("image_without_alt")
                    .help(
                        "describe the picture in a few words for patients who use screen readers",
                    ),
                loc().key(&["image"]),
                text,
            ));
        }
    }
    if let Some(video) = &ex.video {
        if !(video.starts_with("https://") || video.starts_with("http://")) {
            diags.push(at(
                Diagnostic::error(display, format!("video `{video}` is not a web address"))
                    .field("video")
                    .allowed("an address starting with https:// or http://"),
                loc().value(&["video"]),
                text,
            ));
        }
    }
}

fn duplicate_slugs(content: &Content, diags: &mut Vec<Diagnostic>) {
    let sections: [(&str, Vec<(usize, &str)>); 3] = [
        (
            "exercise",
            content
                .exercises
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
        (
            "routine",
            content
                .routines
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
        (
            "guide",
            content
                .guides
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
    ];
    for (kind, slugs) in sections {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut sorted = slugs;
        sorted.sort();
        for (src, slug) in sorted {
            if let Some(first) = seen.get(slug) {
                let (loc, display, text) = locate(content, src);
                diags.push(at(
                    Diagnostic::error(
                        display,
                        format!("another {kind} already uses the slug `{slug}`"),
                    )
                    .field("slug")
                    .help(format!(
                        "{} has the same slug; give one of them a different `slug:`",
                        content.files[*first].display
                    )),
                    loc.value(&["slug"]),
                    text,
                ));
            } else {
                seen.insert(slug, src);
            }
        }
    }
}
