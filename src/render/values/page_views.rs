//! The view structs of a term, an exercise and a routine, built from the
//! site's content for the templates.

use super::label;
use crate::markdown::Rendered;
use crate::model::taxonomy::Taxonomy;
use crate::model::{Exercise, Routine};
use crate::render::views::*;
use crate::site::routes::Route;
use crate::site::Site;
use std::sync::Arc;

/// The view of `term` of taxonomy `t` (a term no vocabulary lists is shown as itself).
pub(in crate::render) fn term(site: &SiteView, t: Taxonomy, term: &str) -> TermView {
    let view = &site.taxonomies[t.index()];
    view.index
        .get(term)
        .map(|&i| view.terms[i].clone())
        .unwrap_or_else(|| TermView {
            term: term.into(),
            label: term.into(),
            url: String::new(),
            count: 0,
        })
}

pub(super) fn exercise_view(
    site: &SiteView,
    theme: &crate::theme::Theme,
    words: &crate::i18n::Catalog,
    e: &Exercise,
    body: Option<&Rendered>,
    own: Option<(Vec<String>, String)>,
) -> ExerciseView {
    // The steps and starting position: taken from the body when it was
    // handed over (`Views::new`), else copied.
    let (steps, intro) = own.unwrap_or_else(|| {
        body.map(|b| (b.steps.clone(), b.intro.clone()))
            .unwrap_or_default()
    });
    let images = crate::render::media::pictures(theme, e);
    ExerciseView {
        slug: e.slug.clone(),
        title: e.title.clone(),
        summary: e.summary.clone(),
        url: Route::Exercise(&e.slug).path(),
        sheet_url: Route::ExerciseSheet(&e.slug).path(),
        dosage: e.dosage.describe_in(words),
        region: e
            .region
            .iter()
            .map(|r| term(site, Taxonomy::Region, r))
            .collect(),
        equipment: e
            .equipment
            .iter()
            .map(|r| term(site, Taxonomy::Equipment, r))
            .collect(),
        category: term(site, Taxonomy::Category, &e.category),
        position: term(site, Taxonomy::Position, &e.position),
        cautions: e.cautions.clone(),
        key_caution: e.cautions.first().cloned().unwrap_or_default(),
        steps,
        intro,
        image: images.first().map(|p| p.src.clone()),
        image_alt: images.first().map(|p| p.alt.clone()).unwrap_or_default(),
        video_player: crate::render::media::video(e),
        images,
        video: e.video.clone(),
        tags: e.tags.clone(),
    }
}

pub(super) fn routine_view(
    site: &Site,
    exercises: &[Arc<ExerciseView>],
    r: &Routine,
) -> RoutineView {
    let mut number = 0;
    let sections = r
        .sections
        .iter()
        .map(|s| RoutineSectionView {
            name: s.name.clone(),
            items: s
                .items
                .iter()
                .filter_map(|item| {
                    let i = site.exercise_id(&item.exercise)?;
                    number += 1;
                    let merged = site.content.exercise(i).dosage.merged(&item.dosage);
                    let dosage = merged.describe_in(&site.words);
                    Some(RoutineItemView {
                        number,
                        exercise: Arc::clone(&exercises[i.index()]),
                        dosage,
                        note: item.note.clone().unwrap_or_default(),
                    })
                })
                .collect(),
        })
        .collect();
    RoutineView {
        slug: r.slug.clone(),
        title: r.title.clone(),
        summary: r.summary.clone(),
        url: Route::Routine(&r.slug).path(),
        sheet_url: Route::RoutineSheet(&r.slug).path(),
        large_sheet_url: format!("{}#large", Route::RoutineSheet(&r.slug).path()),
        goal: r.goal.clone(),
        goal_label: label(site, "goal", &r.goal).unwrap_or_else(|| {
            site.vocabs
                .goals
                .label(&r.goal)
                .unwrap_or(&r.goal)
                .to_string()
        }),
        frequency: r
            .frequency
            .map(|f| crate::model::wording::frequency(f, &site.words))
            .unwrap_or_default(),
        cautions: r.cautions.clone(),
        red_flags: r.red_flags.clone(),
        sections,
        exercise_count: number,
    }
}
