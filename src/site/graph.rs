//! The cross-link graph: slugs → pages, progression ⇄ regression both ways,
//! related exercises, and which routines use each exercise. After this stage
//! the site is read-only.

use crate::config::{Config, Vocabulary};
use crate::diag::Diagnostic;
use crate::model::Content;
use crate::parse::positions::Locator;
use std::collections::HashMap;

/// A hash map by slug or term, with a fast hash (its keys are the site's
/// own names, and nothing iterates over it).
pub type Index<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// The linked, immutable site model that rendering reads.
pub struct Site {
    pub config: Config,
    pub vocabs: Vec<Vocabulary>,
    pub content: Content,
    /// Exercise slug → index in `content.exercises`.
    pub exercise_index: Index<usize>,
    /// Per exercise: easier versions (its regressions + exercises it is a progression of).
    pub easier: Vec<Vec<usize>>,
    /// Per exercise: harder versions (its progressions + exercises it is a regression of).
    pub harder: Vec<Vec<usize>>,
    /// Per exercise: related exercises (either direction).
    pub related: Vec<Vec<usize>>,
    /// Per exercise: routines that use it.
    pub used_by: Vec<Vec<usize>>,
    /// Per taxonomy (in `TAXONOMIES` order): term → exercises with that term.
    pub terms: Vec<Index<Vec<usize>>>,
}

/// The cross-links of the content, worked out before they join it in a
/// [`Site`] (so that they can be worked out while the content is checked).
pub struct Graph {
    exercise_index: Index<usize>,
    easier: Vec<Vec<usize>>,
    harder: Vec<Vec<usize>>,
    related: Vec<Vec<usize>>,
    used_by: Vec<Vec<usize>>,
    terms: Vec<Index<Vec<usize>>>,
}

impl Graph {
    /// The linked site of `content`, whose graph this is.
    pub fn into_site(self, config: Config, vocabs: Vec<Vocabulary>, content: Content) -> Site {
        Site {
            config,
            vocabs,
            exercise_index: self.exercise_index,
            easier: self.easier,
            harder: self.harder,
            related: self.related,
            used_by: self.used_by,
            terms: self.terms,
            content,
        }
    }
}

/// Resolves every slug reference of `content`; unknown slugs are errors at
/// their line.
pub fn graph(content: &Content) -> (Graph, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let exercise_index: Index<usize> = content
        .exercises
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.clone(), i))
        .collect();
    let n = content.exercises.len();
    // Lists of indexes, sorted and made unique at the end.
    let mut easier: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut harder: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut related: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut used_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    let slugs: Vec<&str> = content.exercises.iter().map(|e| e.slug.as_str()).collect();
    let unknown = |file: usize, field: &str, slug: &str, diags: &mut Vec<Diagnostic>| {
        let f = &content.files[file];
        let loc = Locator::new(f.front_matter().unwrap_or(""), f.fm_line);
        let pos = loc.token(&[field], slug).unwrap_or_default();
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
    for (i, ex) in content.exercises.iter().enumerate() {
        for (field, list) in [
            ("progression", &ex.progression),
            ("regression", &ex.regression),
            ("related", &ex.related),
        ] {
            for slug in list {
                let Some(&j) = exercise_index.get(slug) else {
                    unknown(ex.src, field, slug, &mut diags);
                    continue;
                };
                if j == i {
                    continue;
                }
                match field {
                    "progression" => {
                        harder[i].push(j);
                        easier[j].push(i);
                    }
                    "regression" => {
                        easier[i].push(j);
                        harder[j].push(i);
                    }
                    _ => {
                        related[i].push(j);
                        related[j].push(i);
                    }
                }
            }
        }
    }
    for (r, routine) in content.routines.iter().enumerate() {
        for item in routine.items() {
            match exercise_index.get(&item.exercise) {
                Some(&j) => {
                    used_by[j].push(r);
                }
                None => unknown(routine.src, "sections", &item.exercise, &mut diags),
            }
        }
    }
    let mut terms: Vec<Index<Vec<usize>>> = vec![Index::default(); 4];
    for (i, ex) in content.exercises.iter().enumerate() {
        let fields: [&[String]; 4] = [
            &ex.region,
            &ex.equipment,
            std::slice::from_ref(&ex.category),
            std::slice::from_ref(&ex.position),
        ];
        for (t, values) in fields.iter().enumerate() {
            for v in values.iter() {
                terms[t].entry(v.clone()).or_default().push(i);
            }
        }
    }
    let order = |mut lists: Vec<Vec<usize>>| -> Vec<Vec<usize>> {
        for l in &mut lists {
            l.sort_unstable();
            l.dedup();
        }
        lists
    };
    let graph = Graph {
        exercise_index,
        easier: order(easier),
        harder: order(harder),
        related: order(related),
        used_by: order(used_by),
        terms,
    };
    (graph, diags)
}
