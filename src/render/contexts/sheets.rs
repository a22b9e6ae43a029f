//! The contexts of the printable sheets: one exercise, or a routine in
//! normal or large print.

use super::Template;
use crate::markdown::Rendered;
use crate::model::ids::{ExerciseId, RoutineId};
use crate::render::sheet::{self, SheetView};
use crate::render::values::Views;
use crate::site::Site;
use std::collections::HashMap;
use std::sync::Arc;

/// `sheet_exercise.html`: one exercise on one page.
pub(in crate::render) struct ExerciseSheet {
    exercise: tera::Value,
    qr: Option<String>,
    sheet: SheetView,
    head: (String, String),
}

impl ExerciseSheet {
    pub(in crate::render) fn new(site: &Site, views: &Views, id: ExerciseId) -> Self {
        let e = &views.exercises[id.index()];
        ExerciseSheet {
            exercise: views.exercise_values[id.index()].clone(),
            qr: crate::qr::svg_for(&site.config, &e.url),
            sheet: sheet::exercise_sheet(&site.config, e),
            head: (e.title.clone(), e.summary.clone()),
        }
    }
}

impl Template for ExerciseSheet {
    const NAME: &'static str = "sheet_exercise.html";
    fn head(&self) -> (String, String) {
        self.head.clone()
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("exercise", self.exercise);
        ctx.insert("qr", &self.qr);
        ctx.insert("sheet", &self.sheet);
    }
}

/// `sheet_routine.html`: a routine on one page, in normal or large print.
pub(in crate::render) struct RoutineSheet {
    routine: tera::Value,
    large: bool,
    qr: Option<String>,
    sheet: SheetView,
    head: (String, String),
}

impl RoutineSheet {
    pub(in crate::render) fn new(
        site: &Site,
        views: &Views,
        bodies: &HashMap<usize, Arc<Rendered>>,
        id: RoutineId,
        large: bool,
    ) -> Self {
        let i = id.index();
        let r = &views.routines[i];
        let intro = bodies
            .get(&site.content.routine(id).src)
            .map_or("", |b| b.intro.as_str());
        let fit = views.fits.get(i).copied();
        RoutineSheet {
            routine: views.routine_values[i].clone(),
            large,
            qr: crate::qr::svg_for(&site.config, &r.url),
            sheet: sheet::routine_sheet(&site.config, r, intro, large, fit),
            head: (r.title.clone(), r.summary.clone()),
        }
    }
}

impl Template for RoutineSheet {
    const NAME: &'static str = "sheet_routine.html";
    fn head(&self) -> (String, String) {
        self.head.clone()
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("routine", self.routine);
        ctx.insert("large", &self.large);
        ctx.insert("qr", &self.qr);
        ctx.insert("sheet", &self.sheet);
    }
}
