//! The cross-link graph, by typed id: slugs → exercises, progression ⇄
//! regression both ways, related exercises, which routines use each
//! exercise, and which exercises have each vocabulary term.

use super::Index;
use crate::model::ids::{ExerciseId, RoutineId};
use crate::model::taxonomy::{Taxonomy, TermId, Vocabularies};
use crate::model::Content;

/// How one exercise is linked to the rest of the site. Every list is in
/// id order, without repeats.
#[derive(Debug, Clone, Default)]
pub(crate) struct Links {
    /// Easier versions: its regressions and the exercises it is a progression of.
    pub(crate) easier: Vec<ExerciseId>,
    /// Harder versions: its progressions and the exercises it is a regression of.
    pub(crate) harder: Vec<ExerciseId>,
    /// Related exercises, named on either side.
    pub(crate) related: Vec<ExerciseId>,
    /// The routines that use it.
    pub(crate) used_by: Vec<RoutineId>,
}

/// The cross-links of the content, worked out while the content is checked.
pub(crate) struct Graph {
    pub(super) by_slug: Index<ExerciseId>,
    /// By exercise id.
    pub(super) links: Vec<Links>,
    /// By taxonomy, then by term index: the exercises with that term.
    pub(super) terms: [Vec<Vec<ExerciseId>>; 4],
}

/// Links every slug reference of `content` (the checks report those that
/// name nothing).
pub(crate) fn graph(content: &Content, vocabs: &Vocabularies) -> Graph {
    let by_slug: Index<ExerciseId> = content
        .exercise_ids()
        .map(|(id, e)| (e.slug.clone(), id))
        .collect();
    let mut links = vec![Links::default(); content.exercises.len()];
    for (i, ex) in content.exercise_ids() {
        for (field, list) in [
            ("progression", &ex.progression),
            ("regression", &ex.regression),
            ("related", &ex.related),
        ] {
            for slug in list {
                // A slug that names no exercise is an error the checks report.
                let Some(&j) = by_slug.get(slug) else {
                    continue;
                };
                if j == i {
                    continue;
                }
                let (a, b) = (i.index(), j.index());
                match field {
                    "progression" => {
                        links[a].harder.push(j);
                        links[b].easier.push(i);
                    }
                    "regression" => {
                        links[a].easier.push(j);
                        links[b].harder.push(i);
                    }
                    _ => {
                        links[a].related.push(j);
                        links[b].related.push(i);
                    }
                }
            }
        }
    }
    for (r, routine) in content.routine_ids() {
        for item in routine.items() {
            if let Some(&j) = by_slug.get(&item.exercise) {
                links[j.index()].used_by.push(r);
            }
        }
    }
    for l in &mut links {
        for list in [&mut l.easier, &mut l.harder, &mut l.related] {
            list.sort_unstable();
            list.dedup();
        }
        l.used_by.sort_unstable();
        l.used_by.dedup();
    }
    let terms = Taxonomy::ALL.map(|t| {
        let vocab = &vocabs[t];
        let ids: Index<TermId> = vocab
            .ids()
            .map(|(id, term)| (term.to_string(), id))
            .collect();
        let mut with = vec![Vec::new(); vocab.terms.len()];
        for (i, ex) in content.exercise_ids() {
            // A term no vocabulary has is an error found by the checks.
            for id in ex.terms(t).iter().filter_map(|term| ids.get(term)) {
                with[id.index].push(i);
            }
        }
        with
    });
    Graph {
        by_slug,
        links,
        terms,
    }
}
