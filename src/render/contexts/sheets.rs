//! The contexts of the printable sheets: one exercise, or a routine (each
//! in standard and large print, one file).

use super::Template;
use crate::markdown::Rendered;
use crate::model::ids::{ExerciseId, RoutineId};
use crate::render::values::Views;
use crate::sheet::{self, Kit, SheetView};
use crate::site::Site;
use std::collections::HashMap;
use std::sync::Arc;

/// `sheet_exercise.html`: one exercise on one page.
pub(in crate::render) struct ExerciseSheet {
    exercise: tera::Value,
    words: tera::Value,
    sheet: SheetView,
    head: (String, String),
}

impl ExerciseSheet {
    pub(in crate::render) fn new(site: &Site, kit: &Kit, views: &Views, id: ExerciseId) -> Self {
        let e = &views.exercises[id.index()];
        ExerciseSheet {
            exercise: views.exercise_values[id.index()].clone(),
            words: sheet::words(kit),
            sheet: sheet::exercise_sheet(&site.config, kit, e),
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
        ctx.insert_value("words", self.words);
        ctx.insert("sheet", &self.sheet);
    }
}

/// `sheet_routine.html`: a routine's sheet, standard and large print.
pub(in crate::render) struct RoutineSheet {
    routine: tera::Value,
    words: tera::Value,
    sheet: SheetView,
    head: (String, String),
}

impl RoutineSheet {
    pub(in crate::render) fn new(
        site: &Site,
        kit: &Kit,
        views: &Views,
        bodies: &HashMap<usize, Arc<Rendered>>,
        id: RoutineId,
    ) -> Self {
        let i = id.index();
        let r = &views.routines[i];
        let intro = bodies
            .get(&site.content.routine(id).src)
            .map_or("", |b| b.intro.as_str());
        let fit = views.fits.get(i).map(|f| &**f);
        RoutineSheet {
            routine: views.routine_values[i].clone(),
            words: sheet::words(kit),
            sheet: sheet::routine_sheet(&site.config, kit, r, intro, fit),
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
        ctx.insert_value("words", self.words);
        ctx.insert("sheet", &self.sheet);
    }
}
