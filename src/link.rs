//! The cross-link graph: slugs → pages, progression ⇄ regression both ways,
//! related exercises, and which routines use each exercise. After this stage
//! the site is read-only.

use crate::config::{Config, Vocabulary};
use crate::content::locate::Locator;
use crate::content::Content;
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeSet, HashMap};

/// The linked, immutable site model that rendering reads.
pub struct Site {
    pub config: Config,
    pub vocabs: Vec<Vocabulary>,
    pub content: Content,
    /// Exercise slug → index in `content.exercises`.
    pub exercise_index: HashMap<String, usize>,
    /// Per exercise: easier versions (its regressions + exercises it is a progression of).
    pub easier: Vec<Vec<usize>>,
    /// Per exercise: harder versions (its progressions + exercises it is a regression of).
    pub harder: Vec<Vec<usize>>,
    /// Per exercise: related exercises (either direction).
    pub related: Vec<Vec<usize>>,
    /// Per exercise: routines that use it.
    pub used_by: Vec<Vec<usize>>,
    /// Per taxonomy (in `TAXONOMIES` order): term → exercises with that term.
    pub terms: Vec<HashMap<String, Vec<usize>>>,
}

/// Resolves every slug reference; unknown slugs are errors at their line.
pub fn link(config: Config, vocabs: Vec<Vocabulary>, content: Content) -> (Site, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let exercise_index: HashMap<String, usize> = content
        .exercises
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.clone(), i))
        .collect();
    let n = content.exercises.len();
    let mut easier = vec![BTreeSet::new(); n];
    let mut harder = vec![BTreeSet::new(); n];
    let mut related = vec![BTreeSet::new(); n];
    let mut used_by = vec![BTreeSet::new(); n];
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
                        harder[i].insert(j);
                        easier[j].insert(i);
                    }
                    "regression" => {
                        easier[i].insert(j);
                        harder[j].insert(i);
                    }
                    _ => {
                        related[i].insert(j);
                        related[j].insert(i);
                    }
                }
            }
        }
    }
    for (r, routine) in content.routines.iter().enumerate() {
        for item in routine.items() {
            match exercise_index.get(&item.exercise) {
                Some(&j) => {
                    used_by[j].insert(r);
                }
                None => unknown(routine.src, "sections", &item.exercise, &mut diags),
            }
        }
    }
    let mut terms: Vec<HashMap<String, Vec<usize>>> = vec![HashMap::new(); 4];
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
    let order = |sets: Vec<BTreeSet<usize>>| -> Vec<Vec<usize>> {
        sets.into_iter().map(|s| s.into_iter().collect()).collect()
    };
    let site = Site {
        config,
        vocabs,
        exercise_index,
        easier: order(easier),
        harder: order(harder),
        related: order(related),
        used_by: order(used_by),
        terms,
        content,
    };
    (site, diags)
}
