//! References by slug: every exercise named in `progression`,
//! `regression`, `related` and a routine's `sections` must exist.

use crate::diag::Diagnostic;
use crate::model::Content;
use std::collections::HashSet;

/// An error at each slug that names no exercise.
pub(crate) fn check(content: &Content) -> Vec<Diagnostic> {
    let slugs: Vec<&str> = content.exercises.iter().map(|e| e.slug.as_str()).collect();
    let known: HashSet<&str> = slugs.iter().copied().collect();
    // Never suggest a slug that is itself rejected.
    let slugs: Vec<&str> = slugs
        .into_iter()
        .filter(|s| super::names::slug_ok(s))
        .collect();
    let mut diags = Vec::new();
    let mut unknown = |file: usize, field: &str, slug: &str| {
        if known.contains(slug) {
            return;
        }
        let f = &content.files[file];
        let pos = f.positions().token(&[field], slug).unwrap_or_default();
        diags.push(
            Diagnostic::error(
                &f.display,
                format!("`{slug}` in `{field}` is not an exercise"),
            )
            .field(field)
            .suggest(slug, slugs.iter().copied())
            .allowed("the slug of a file in content/exercises/ (its file name without .md)")
            .at(pos.line, pos.col)
            .width(pos.width)
            .with_snippet(&f.text),
        );
    };
    for ex in &content.exercises {
        for (field, list) in [
            ("progression", &ex.progression),
            ("regression", &ex.regression),
            ("related", &ex.related),
        ] {
            for slug in list {
                unknown(ex.src, field, slug);
            }
        }
    }
    for routine in &content.routines {
        for item in routine.items() {
            unknown(routine.src, "sections", &item.exercise);
        }
    }
    diags
}
