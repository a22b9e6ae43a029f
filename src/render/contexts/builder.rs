//! The context of `builder.html`, the programme builder: the addresses its
//! script needs (made by [`Route`], as every address is), and the site's
//! absolute address of the builder when it has one (for the sheet's QR code).

use super::Template;
use crate::render::BUILDER_PART;
use crate::sheet::{self, Kit};
use crate::site::routes::{self, Route};
use crate::site::Site;

/// `builder.html`.
pub(in crate::render) struct BuilderPage {
    /// Site-relative addresses with `{slug}` / `{n}` where the name goes.
    exercise_url: String,
    sheet_url: String,
    routine_url: String,
    data_url: String,
    part_url: String,
    routines_url: String,
    part_size: usize,
    /// The builder's absolute address (for QR codes), when `base_url` is absolute.
    absolute_url: Option<String>,
    /// The sheet's words and the clinic's texts, as the built sheets print them.
    words: tera::Value,
    sheet: tera::Value,
    /// The sheets' page margin, for the builder's `@page`.
    margin_mm: tera::Value,
    /// The page's title and description, in the page's language.
    title: String,
    description: String,
}

impl BuilderPage {
    pub(in crate::render) fn new(site: &Site, kit: &Kit) -> Self {
        BuilderPage {
            title: site.words.text("builder_page.title").into(),
            description: site.words.text("builder_page.description").into(),
            words: sheet::words(kit),
            sheet: sheet::builder_texts(&site.config, kit, &Route::Builder.path()),
            margin_mm: tera::Value::from_serializable(&sheet::page_margin_mm(kit)),
            exercise_url: Route::Exercise("{slug}").path(),
            sheet_url: Route::ExerciseSheet("{slug}").path(),
            routine_url: Route::Routine("{slug}").path(),
            data_url: Route::BuilderData.path(),
            part_url: Route::BuilderPart(0).path().replace('0', "{n}"),
            routines_url: Route::BuilderRoutines(0).path().replace('0', "{n}"),
            part_size: BUILDER_PART,
            absolute_url: routes::canonical(&site.config, &Route::Builder.path()),
        }
    }
}

impl Template for BuilderPage {
    const NAME: &'static str = "builder.html";
    fn head(&self) -> (String, String) {
        (self.title.clone(), self.description.clone())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert("exercise_url", &self.exercise_url);
        ctx.insert("sheet_url", &self.sheet_url);
        ctx.insert("routine_url", &self.routine_url);
        ctx.insert("data_url", &self.data_url);
        ctx.insert("part_url", &self.part_url);
        ctx.insert("routines_url", &self.routines_url);
        ctx.insert("part_size", &self.part_size);
        ctx.insert("absolute_url", &self.absolute_url);
        ctx.insert("words_json", &self.words.to_string());
        ctx.insert("sheet_json", &self.sheet.to_string());
        ctx.insert_value("sheet_margin_mm", self.margin_mm);
    }
}
