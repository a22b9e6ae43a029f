//! Translations (`wall-angels.es.md`): each must be in a language that
//! `handout.toml` names and have an original, with no more pictures,
//! section names or notes than the original has; their bodies' links are
//! checked as the pages of their language; and each language's missing
//! pages are counted (the `untranslated_pages` warning).

use crate::config::{Config, FILE};
use crate::diag::Diagnostic;
use crate::model::translation::Translation;
use crate::model::{Content, Exercise, Routine};
use std::collections::HashMap;

/// The errors of each translation file.
pub(crate) fn check(content: &Content, config: &Config) -> Vec<Diagnostic> {
    if content.translations.is_empty() {
        return Vec::new();
    }
    let codes = config.language_codes();
    let originals: HashMap<&str, usize> = content
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.lang.is_none())
        .map(|(i, f)| (f.rel.as_str(), i))
        .collect();
    let exercises: HashMap<usize, &Exercise> =
        content.exercises.iter().map(|e| (e.src, e)).collect();
    let routines: HashMap<usize, &Routine> = content.routines.iter().map(|r| (r.src, r)).collect();
    let mut out = Vec::new();
    for t in &content.translations {
        let f = &content.files[t.src];
        let error = |message: String| Diagnostic::error(&f.display, message).at(1, 1).width(3);
        if !codes[1..].contains(&t.lang.as_str()) {
            let d = error(format!(
                "this page is in language `{}`, which {FILE} does not name",
                t.lang
            ))
            .allowed(match codes.len() {
                1 => "no other language yet".to_string(),
                _ => codes[1..].join(", "),
            })
            .help(format!(
                "add `[languages.{}]` to {FILE} (with `title = \"…\"` in that language), or rename the file",
                t.lang
            ));
            out.push(d.with_snippet(&f.text));
            continue;
        }
        let Some(&orig) = originals.get(t.original.as_str()) else {
            out.push(
                error(format!(
                    "this translation has no original: content/{} does not exist",
                    t.original
                ))
                .help("a translation sits beside its page, with the language before `.md` (`wall-angels.es.md` beside `wall-angels.md`)")
                .with_snippet(&f.text),
            );
            continue;
        };
        if let Some(e) = exercises.get(&orig) {
            out.extend(pictures(t, e, f));
        }
        if let Some(r) = routines.get(&orig) {
            out.extend(routine(t, r, f));
        }
    }
    out
}

fn pictures(
    t: &Translation,
    e: &Exercise,
    f: &crate::source::load::SourceFile,
) -> Option<Diagnostic> {
    (t.images.len() > e.images.len()).then(|| {
        let pos = f.positions().key(&["images"]).unwrap_or_default();
        Diagnostic::error(
            &f.display,
            format!(
                "`images` gives the words of {} pictures; the original has {}",
                t.images.len(),
                e.images.len()
            ),
        )
        .at(pos.line, pos.col)
        .width(pos.width)
        .field("images")
        .help("give one `- alt: …` entry per picture of the original, in its order")
        .with_snippet(&f.text)
    })
}

fn routine(t: &Translation, r: &Routine, f: &crate::source::load::SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let loc = f.positions();
    if t.sections.len() > r.sections.len() {
        let pos = loc.key(&["sections"]).unwrap_or_default();
        out.push(
            Diagnostic::error(
                &f.display,
                format!(
                    "`sections` names {} sections; the original has {}",
                    t.sections.len(),
                    r.sections.len()
                ),
            )
            .at(pos.line, pos.col)
            .width(pos.width)
            .field("sections")
            .help("list the names of the original's sections, in its order")
            .with_snippet(&f.text),
        );
    }
    let slugs: Vec<&str> = r.items().map(|i| i.exercise.as_str()).collect();
    for (slug, _) in &t.notes {
        if !slugs.contains(&slug.as_str()) {
            let pos = loc.key(&["notes", slug]).unwrap_or_default();
            out.push(
                Diagnostic::error(
                    &f.display,
                    format!("`notes` has a note for `{slug}`, which the routine does not use"),
                )
                .at(pos.line, pos.col)
                .width(pos.width)
                .field(format!("notes.{slug}"))
                .allowed(slugs.join(", "))
                .suggest(slug, slugs.iter().copied())
                .with_snippet(&f.text),
            );
        }
    }
    out
}

/// For each further language: how many of the pages are translated, and
/// which are not (a warning a site can turn off).
pub(crate) fn report(all: &crate::site::langs::Languages) -> Vec<Diagnostic> {
    (1..all.codes.len())
        .filter_map(|lang| {
            let missing = all.missing(lang);
            if missing.is_empty() {
                return None;
            }
            let total = all.originals.len();
            let shown: Vec<&str> = missing.iter().take(12).copied().collect();
            let more = match missing.len() > shown.len() {
                true => format!(" and {} more", missing.len() - shown.len()),
                false => String::new(),
            };
            Some(
                Diagnostic::warning(
                    FILE,
                    format!(
                        "language `{}`: {} of {total} pages translated; not translated: {}{more}",
                        all.codes[lang],
                        total - missing.len(),
                        shown.join(", "),
                    ),
                )
                .field(format!("languages.{}", all.codes[lang]))
                .kind("untranslated_pages")
                .help(format!(
                    "a page in `{0}` is a file beside the original: content/exercises/<name>.{0}.md; pages without one are left out of the `{0}` indexes and search",
                    all.codes[lang]
                )),
            )
        })
        .collect()
}

/// The problems of the translations' bodies (links that are not safe, raw
/// HTML, links to pages or files that do not exist) as pages of their
/// language: `sources` and `scans` are the default language's pages and
/// their bodies, `outputs` its files.
pub(crate) fn bodies(
    content: &Content,
    config: &Config,
    sources: &[(usize, String)],
    scans: &HashMap<usize, std::sync::Arc<crate::markdown::Scan>>,
    outputs: &std::collections::HashSet<String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for code in config.languages.keys() {
        let by_original: HashMap<&str, usize> = content
            .translations
            .iter()
            .filter(|t| t.lang == *code)
            .map(|t| (t.original.as_str(), t.src))
            .collect();
        if by_original.is_empty() {
            continue;
        }
        let prefix = format!("{code}/");
        // Each page in this language where there is a translation, else
        // the default language's.
        let mut pages = Vec::with_capacity(sources.len());
        let mut scans = scans.clone();
        let mut own = Vec::new();
        for (src, path) in sources {
            match by_original.get(content.files[*src].rel.as_str()) {
                Some(&t) => {
                    let scan = crate::markdown::scan(content.files[t].body());
                    scans.insert(t, std::sync::Arc::new(scan));
                    pages.push((t, format!("{prefix}{path}")));
                    own.push(t);
                }
                None => pages.push((*src, path.clone())),
            }
        }
        for &t in &own {
            if let Some(scan) = scans.get(&t) {
                out.extend(super::body::check(
                    &content.files[t],
                    scan,
                    &config.markdown,
                ));
            }
        }
        // The pages of this language are its own; the theme's files are
        // only at the top of the site.
        let mut files = outputs.clone();
        files.extend(
            outputs
                .iter()
                .filter(|p| p.ends_with(".html") || p.ends_with(".js"))
                .map(|p| format!("{prefix}{p}")),
        );
        let diags = super::links::check(content, &pages, &scans, files);
        let mine: std::collections::HashSet<&str> = own
            .iter()
            .map(|&t| content.files[t].display.as_str())
            .collect();
        out.extend(diags.into_iter().filter(|d| mine.contains(d.file.as_str())));
    }
    out
}
