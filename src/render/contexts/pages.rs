//! The contexts of the pages made from content files: an exercise, a
//! routine and a guide.

use super::{link, Template};
use crate::markdown::Heading;
use crate::model::dosage::Reps;
use crate::model::ids::{ExerciseId, GuideId, RoutineId};
use crate::render::bodies::Bodies;
use crate::render::values::Views;
use crate::render::views::LinkView;
use crate::site::routes::{self, Route};
use crate::site::Site;
use serde_json::json;

/// `exercise.html`: one exercise, its easier, harder and related exercises
/// and the routines that use it.
pub(in crate::render) struct ExercisePage {
    exercise: tera::Value,
    body: String,
    easier: Vec<LinkView>,
    harder: Vec<LinkView>,
    related: Vec<LinkView>,
    routines: Vec<LinkView>,
    json_ld: String,
    head: (String, String),
}

impl ExercisePage {
    pub(in crate::render) fn new(
        site: &Site,
        views: &Views,
        bodies: &Bodies,
        id: ExerciseId,
    ) -> Self {
        let e = &views.exercises[id.index()];
        let d = &site.content.exercise(id).dosage;
        let l = site.links(id);
        let exercises = |ids: &[ExerciseId]| -> Vec<LinkView> {
            ids.iter()
                .map(|&i| {
                    let e = &views.exercises[i.index()];
                    link(&e.title, &e.url, &e.summary)
                })
                .collect()
        };
        let canonical = routes::canonical(&site.config, &e.url);
        ExercisePage {
            exercise: views.exercise_values[id.index()].clone(),
            body: html(bodies, site.content.exercise(id).src),
            easier: exercises(&l.easier),
            harder: exercises(&l.harder),
            related: exercises(&l.related),
            routines: l
                .used_by
                .iter()
                .map(|&r| {
                    let r = &views.routines[r.index()];
                    link(&r.title, &r.url, &r.summary)
                })
                .collect(),
            json_ld: json_ld(json!({
                "@context": "https://schema.org",
                "@type": "ExercisePlan",
                "name": e.title,
                "description": e.summary,
                "exerciseType": e.category.label,
                "activityFrequency": d.frequency.map(|f| f.to_string()),
                "repetitions": d.reps.and_then(|r| match r {
                    Reps::Count(n) => Some(n.to_string()),
                    Reps::AsManyAsYouCan => None,
                }),
                "additionalVariable": e.dosage,
                "url": canonical,
            })),
            head: (e.title.clone(), e.summary.clone()),
        }
    }
}

impl Template for ExercisePage {
    const NAME: &'static str = "exercise.html";
    fn head(&self) -> (String, String) {
        self.head.clone()
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("exercise", self.exercise);
        ctx.insert("body", &self.body);
        ctx.insert("easier", &self.easier);
        ctx.insert("harder", &self.harder);
        ctx.insert("related", &self.related);
        ctx.insert("routines", &self.routines);
        ctx.insert("json_ld", &self.json_ld);
    }
}

/// `routine.html`: one routine with its exercises.
pub(in crate::render) struct RoutinePage {
    routine: tera::Value,
    body: String,
    json_ld: String,
    head: (String, String),
}

impl RoutinePage {
    pub(in crate::render) fn new(
        site: &Site,
        views: &Views,
        bodies: &Bodies,
        id: RoutineId,
    ) -> Self {
        let r = &views.routines[id.index()];
        let canonical = routes::canonical(&site.config, &r.url);
        RoutinePage {
            routine: views.routine_values[id.index()].clone(),
            body: html(bodies, site.content.routine(id).src),
            json_ld: json_ld(json!({
                "@context": "https://schema.org",
                "@type": "ExercisePlan",
                "name": r.title,
                "description": r.summary,
                "activityFrequency": r.frequency,
                "url": canonical,
                "hasPart": r.sections.iter().flat_map(|s| s.items.iter()).map(|it| json!({
                    "@type": "ExercisePlan", "name": it.exercise.title, "additionalVariable": it.dosage
                })).collect::<Vec<_>>(),
            })),
            head: (r.title.clone(), r.summary.clone()),
        }
    }
}

impl Template for RoutinePage {
    const NAME: &'static str = "routine.html";
    fn head(&self) -> (String, String) {
        self.head.clone()
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("routine", self.routine);
        ctx.insert("body", &self.body);
        ctx.insert("json_ld", &self.json_ld);
    }
}

/// `guide.html`: a free page with its table of contents.
pub(in crate::render) struct GuidePage {
    guide: LinkView,
    body: String,
    headings: Vec<Heading>,
    /// `audience: staff`: the page asks search engines not to index it.
    staff: bool,
}

impl GuidePage {
    pub(in crate::render) fn new(site: &Site, bodies: &Bodies, id: GuideId) -> Self {
        let g = site.content.guide(id);
        GuidePage {
            guide: link(&g.title, &Route::Guide(&g.slug).path(), &g.summary),
            body: html(bodies, g.src),
            headings: bodies
                .get(&g.src)
                .map(|b| b.headings.clone())
                .unwrap_or_default(),
            staff: g.staff,
        }
    }
}

impl Template for GuidePage {
    const NAME: &'static str = "guide.html";
    fn head(&self) -> (String, String) {
        (self.guide.title.clone(), self.guide.summary.clone())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert("guide", &self.guide);
        ctx.insert("body", &self.body);
        ctx.insert("headings", &self.headings);
        ctx.insert("staff", &self.staff);
    }
}

/// The HTML of the body of content file `src` (every content page has one).
pub(super) fn html(bodies: &Bodies, src: usize) -> String {
    bodies.html(src)
}

/// schema.org JSON-LD, safe to embed in a `<script>` element.
fn json_ld(value: serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
