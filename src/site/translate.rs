//! The content of a handbook as read in one further language: each page
//! that has a translation, with the translation's words over the
//! original's typed data. Pages without a translation are left out, except
//! the exercises of a translated routine (kept in the default language, so
//! that no sheet loses an exercise, but listed nowhere).

use crate::model::translation::Translation;
use crate::model::{Content, Exercise, Guide, Home, Routine};
use std::collections::{HashMap, HashSet};

/// The content in language `lang`, and how many of its exercises (the
/// first ones) are translated; the others are only there for routines.
pub(crate) fn content_in(c: &Content, lang: &str) -> (Content, usize) {
    let by_original: HashMap<&str, &Translation> = c
        .translations
        .iter()
        .filter(|t| t.lang == lang)
        .map(|t| (t.original.as_str(), t))
        .collect();
    let of = |src: usize| by_original.get(c.files[src].rel.as_str()).copied();
    let mut routines: Vec<Routine> = c
        .routines
        .iter()
        .filter_map(|r| of(r.src).map(|t| routine(r, t)))
        .collect();
    routines.sort_by_cached_key(|r| r.title.to_lowercase());
    let mut exercises: Vec<Exercise> = c
        .exercises
        .iter()
        .filter_map(|e| of(e.src).map(|t| exercise(e, t)))
        .collect();
    exercises.sort_by_cached_key(|e| e.title.to_lowercase());
    let listed = exercises.len();
    let have: HashSet<&str> = exercises.iter().map(|e| e.slug.as_str()).collect();
    let needed: HashSet<&str> = routines
        .iter()
        .flat_map(|r| r.items().map(|i| i.exercise.as_str()))
        .filter(|s| !have.contains(s))
        .collect();
    let extras: Vec<Exercise> = c
        .exercises
        .iter()
        .filter(|e| needed.contains(e.slug.as_str()))
        .cloned()
        .collect();
    exercises.extend(extras);
    let mut guides: Vec<Guide> = c
        .guides
        .iter()
        .filter_map(|g| {
            of(g.src).map(|t| Guide {
                src: t.src,
                title: t.title.clone().unwrap_or_else(|| g.title.clone()),
                summary: t.summary.clone().unwrap_or_else(|| g.summary.clone()),
                ..g.clone()
            })
        })
        .collect();
    guides.sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
    let home = match c.home.src.and_then(of) {
        Some(t) => Home {
            src: Some(t.src),
            title: t.title.clone().or(c.home.title.clone()),
            summary: t.summary.clone().unwrap_or_else(|| c.home.summary.clone()),
        },
        None => Home::default(),
    };
    let content = Content {
        files: c.files.clone(),
        exercises,
        routines,
        guides,
        home,
        translations: Vec::new(),
    };
    (content, listed)
}

/// Exercise `e` in the words of `t`.
fn exercise(e: &Exercise, t: &Translation) -> Exercise {
    let mut out = e.clone();
    out.src = t.src;
    replace(&mut out.title, &t.title);
    replace(&mut out.summary, &t.summary);
    replace(&mut out.cautions, &t.cautions);
    if t.image_alt.is_some() {
        out.image_alt = t.image_alt.clone();
    }
    for (p, w) in out.images.iter_mut().zip(&t.images) {
        replace(&mut p.alt, &w.alt);
        replace(&mut p.caption, &w.caption);
    }
    if t.video.is_some() {
        out.video = t.video.clone();
    }
    out
}

/// Routine `r` in the words of `t`.
fn routine(r: &Routine, t: &Translation) -> Routine {
    let mut out = r.clone();
    out.src = t.src;
    replace(&mut out.title, &t.title);
    replace(&mut out.summary, &t.summary);
    replace(&mut out.cautions, &t.cautions);
    replace(&mut out.red_flags, &t.red_flags);
    for (s, name) in out.sections.iter_mut().zip(&t.sections) {
        s.name = name.clone();
    }
    for item in out.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        if let Some((_, note)) = t.notes.iter().find(|(slug, _)| *slug == item.exercise) {
            item.note = Some(note.clone());
        }
    }
    out
}

fn replace<T: Clone>(field: &mut T, with: &Option<T>) {
    if let Some(w) = with {
        *field = w.clone();
    }
}
