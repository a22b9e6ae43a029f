//! Fingerprints of a build's inputs, worked out once per build: what each
//! output file is made from (`Prints::job`).

use super::{body_print, print_of, print_serialized};
use crate::markdown::Rendered;
use crate::model::ids::{ExerciseId, RoutineId};
use crate::render::values::Views;
use crate::render::views::{ExerciseView, RoutineView};
use crate::site::pages::Page as Job;
use crate::site::Site;
use std::collections::HashMap;
use std::sync::Arc;

/// Fingerprints of this build's inputs, computed once per build.
pub(in crate::render) struct Prints {
    /// Config, theme and site-wide view.
    global: u64,
    exercises: Vec<u64>,
    routines: Vec<u64>,
    guides: Vec<u64>,
    /// By source file index.
    bodies: HashMap<usize, u64>,
}

impl Prints {
    /// Fingerprints the views and bodies every page is made from.
    pub(in crate::render) fn new(
        site: &Site,
        theme_print: u64,
        views: &Views,
        bodies: &HashMap<usize, Arc<Rendered>>,
    ) -> Prints {
        use rayon::prelude::*;
        let c = &site.content;
        // What a file's page data is parsed from (parsing reads nothing else).
        let file_print = |src: usize| {
            let f = &c.files[src];
            print_of((src, &f.rel, &f.display, &f.text, f.fm_line, f.body_line))
        };
        let exercises = c
            .exercises
            .par_iter()
            .zip(&views.exercises)
            .map(|(e, v): (_, &Arc<ExerciseView>)| print_serialized(v, file_print(e.src)))
            .collect();
        let routines = c
            .routines
            .par_iter()
            .zip(&views.routines)
            .map(|(r, v): (_, &RoutineView)| print_serialized(v, file_print(r.src)))
            .collect();
        let guides = c.guides.iter().map(|g| file_print(g.src)).collect();
        let bodies = bodies
            .par_iter()
            .map(|(src, b)| (*src, body_print(b)))
            .collect();
        Prints {
            global: print_serialized(
                &views.site,
                (theme_print, format!("{:?} {:?}", site.config, c.home)),
            ),
            exercises,
            routines,
            guides,
            bodies,
        }
    }

    /// The fingerprint of one job's output; `None` for jobs that always run.
    pub(in crate::render) fn job(&self, site: &Site, job: &Job) -> Option<u64> {
        let c = &site.content;
        let body = |src: Option<usize>| src.and_then(|s| self.bodies.get(&s)).copied();
        let ex = |ix: &[ExerciseId]| {
            ix.iter()
                .map(|&i| self.exercises[i.index()])
                .collect::<Vec<_>>()
        };
        let rt = |ix: &[RoutineId]| {
            ix.iter()
                .map(|&i| self.routines[i.index()])
                .collect::<Vec<_>>()
        };
        let all = || {
            let mut bodies: Vec<_> = self.bodies.iter().collect();
            bodies.sort();
            print_of((&self.exercises, &self.routines, &self.guides, bodies))
        };
        let inputs: u64 = match job {
            Job::Static(_) => return None,
            Job::Home => print_of((body(c.home.src), &self.routines)),
            Job::Exercise(i) => {
                let l = site.links(*i);
                print_of((
                    self.exercises[i.index()],
                    body(Some(c.exercise(*i).src)),
                    ex(&l.easier),
                    ex(&l.harder),
                    ex(&l.related),
                    rt(&l.used_by),
                ))
            }
            Job::Routine(i) | Job::RoutineSheet(i) => {
                print_of((self.routines[i.index()], body(Some(c.routine(*i).src))))
            }
            Job::Guide(i) => print_of((self.guides[i.index()], body(Some(c.guide(*i).src)))),
            Job::ExerciseIndex => print_of(&self.exercises),
            Job::RoutineIndex => print_of(&self.routines),
            Job::Term(id) => print_of(ex(site.with_term(*id))),
            Job::ExerciseSheet(i) => print_of(self.exercises[i.index()]),
            // A part of the builder's data: its exercises' views (the
            // part of `n` is read from them alone); a part of routines:
            // theirs, and the dosage of any exercise they may name.
            Job::BuilderPart(n) => print_of(part(&self.exercises, *n)),
            Job::BuilderRoutines(n) => print_of((part(&self.routines, *n), &self.exercises)),
            Job::SearchIndex | Job::SearchMore | Job::Sitemap | Job::BuilderData => all(),
            Job::Taxonomy(_) | Job::Search | Job::NotFound | Job::Robots | Job::Builder => 0,
        };
        Some(print_of((self.global, job, inputs)))
    }
}

/// The prints of the `n`th builder part of `all` (`BUILDER_PART` at a time).
fn part(all: &[u64], n: usize) -> &[u64] {
    let size = crate::render::builder_data::BUILDER_PART;
    let start = (n * size).min(all.len());
    &all[start..(start + size).min(all.len())]
}
