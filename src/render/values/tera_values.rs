//! The views as template values, made so that values shared by many pages
//! (an exercise's terms, a routine's exercises) are built once.

use crate::render::views::*;
use crate::site::Site;
use std::collections::HashMap;

/// Each vocabulary's terms as template values, by term: made once and
/// shared by the value of every exercise that has the term.
pub(super) fn term_values(site: &SiteView) -> Vec<HashMap<String, tera::Value>> {
    site.taxonomies
        .iter()
        .map(|t| {
            t.terms
                .iter()
                .map(|v| (v.term.clone(), tera::Value::from_serializable(v)))
                .collect()
        })
        .collect()
}

/// An exercise as a template value (the same as `from_serializable` of the
/// view), sharing the values of its vocabulary terms: thousands of
/// exercises have the same few terms, so copying each would multiply
/// memory.
pub(super) fn exercise_value(
    e: &ExerciseView,
    terms: &[HashMap<String, tera::Value>],
) -> tera::Value {
    // The view without its terms (added below, shared).
    let outline = ExerciseView {
        region: Vec::new(),
        equipment: Vec::new(),
        category: TermView::default(),
        position: TermView::default(),
        ..e.clone()
    };
    let outline = tera::Value::from_serializable(&outline);
    let term = |t: usize, v: &TermView| {
        terms
            .get(t)
            .and_then(|m| m.get(&v.term))
            .cloned()
            .unwrap_or_else(|| tera::Value::from_serializable(v))
    };
    let list = |t: usize, vs: &[TermView]| {
        tera::Value::from(vs.iter().map(|v| term(t, v)).collect::<Vec<_>>())
    };
    let value = outline.into_map().map(|mut map| {
        map.insert("region".into(), list(0, &e.region));
        map.insert("equipment".into(), list(1, &e.equipment));
        map.insert("category".into(), term(2, &e.category));
        map.insert("position".into(), term(3, &e.position));
        tera::Value::from(map)
    });
    value.unwrap_or_else(|| tera::Value::from_serializable(e))
}

/// A routine as a template value whose items share the exercises' values
/// (a routine lists many exercises; copying each would multiply memory).
pub(super) fn routine_value(
    site: &Site,
    r: &RoutineView,
    exercises: &[tera::Value],
) -> tera::Value {
    let shared = |v: tera::Value, key: &'static str, with: tera::Value| match v.into_map() {
        Some(mut map) => {
            map.insert(key.into(), with);
            tera::Value::from(map)
        }
        None => with,
    };
    let sections: Vec<tera::Value> = r
        .sections
        .iter()
        .map(|s| {
            let items: Vec<tera::Value> = s
                .items
                .iter()
                .map(|item| {
                    let value = tera::Value::from_serializable(item);
                    match site.exercise_id(&item.exercise.slug) {
                        Some(i) => shared(value, "exercise", exercises[i.index()].clone()),
                        None => value,
                    }
                })
                .collect();
            let section = RoutineSectionView {
                name: s.name.clone(),
                items: Vec::new(),
            };
            shared(
                tera::Value::from_serializable(&section),
                "items",
                tera::Value::from(items),
            )
        })
        .collect();
    let outline = RoutineView {
        sections: Vec::new(),
        ..r.clone()
    };
    shared(
        tera::Value::from_serializable(&outline),
        "sections",
        tera::Value::from(sections),
    )
}
