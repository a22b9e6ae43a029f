//! Builds the view structs once, and the template context of each page.

use super::views::*;
use super::Job;
use crate::content::{Exercise, Routine};
use crate::link::Site;
use crate::markdown::{relative, Rendered};
use crate::search::{Facet as SearchFacet, SearchDoc};
use rayon::prelude::*;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;

const TAXONOMY_TITLES: [&str; 4] = ["Body region", "Equipment", "Type of exercise", "Position"];

/// Views shared by all pages, built once.
pub struct Views {
    pub site: SiteView,
    pub exercises: Vec<Arc<ExerciseView>>,
    pub routines: Vec<RoutineView>,
    /// `site` and each exercise as template values, converted once: every
    /// page shares them (cloning one is cheap), so lists of many exercises
    /// cost no conversion per page.
    site_value: tera::Value,
    exercise_values: Vec<tera::Value>,
    routine_values: Vec<tera::Value>,
    /// Each routine's sheet layout, once worked out (`sheet::fits`).
    pub fits: Vec<super::sheet_fit::Fit>,
    /// The search files, once worked out (`search::files`).
    pub search: crate::search::Files,
}

impl Views {
    pub fn new(site: &Site, bodies: &HashMap<usize, Arc<Rendered>>) -> Views {
        let taxonomies: Vec<TaxonomyView> = site
            .vocabs
            .iter()
            .enumerate()
            .map(|(t, v)| TaxonomyView {
                name: v.name.clone(),
                title: TAXONOMY_TITLES[t].to_string(),
                url: format!("{}/index.html", v.name),
                terms: v
                    .terms
                    .iter()
                    .map(|(term, label)| TermView {
                        term: term.clone(),
                        label: label.clone(),
                        url: format!("{}/{term}.html", v.name),
                        count: site.terms[t].get(term).map_or(0, Vec::len),
                    })
                    .collect(),
            })
            .collect();
        let cfg = &site.config;
        let site_view = SiteView {
            title: cfg.title.clone(),
            description: cfg.description.clone(),
            language: cfg.language.clone(),
            base_url: cfg.base_url.clone(),
            absolute_base_url: cfg.has_absolute_base_url(),
            paper: format!("{:?}", cfg.paper),
            clinic: cfg.clinic.clone(),
            guides: site
                .content
                .guides
                .iter()
                .map(|g| LinkView {
                    title: g.title.clone(),
                    url: format!("guides/{}.html", g.slug),
                    summary: g.summary.clone(),
                })
                .collect(),
            taxonomies,
        };
        let terms = term_values(&site_view);
        let (exercises, exercise_values): (Vec<Arc<ExerciseView>>, Vec<tera::Value>) = site
            .content
            .exercises
            .par_iter()
            .map(|e| {
                let mut view = exercise_view(&site_view, e, bodies.get(&e.src).map(|b| &**b));
                let value = exercise_value(&mut view, &terms);
                (Arc::new(view), value)
            })
            .unzip();
        let routines: Vec<RoutineView> = site
            .content
            .routines
            .par_iter()
            .map(|r| routine_view(site, &exercises, r))
            .collect();
        Views {
            site_value: tera::Value::from_serializable(&site_view),
            routine_values: routines
                .par_iter()
                .map(|r| routine_value(site, r, &exercise_values))
                .collect(),
            exercise_values,
            site: site_view,
            exercises,
            routines,
            fits: Vec::new(),
            search: Default::default(),
        }
    }

    /// One search document per exercise, routine and guide.
    pub fn search_docs<'a>(
        &'a self,
        site: &'a Site,
        bodies: &'a HashMap<usize, Arc<Rendered>>,
    ) -> Vec<SearchDoc<'a>> {
        let text = |src: usize| {
            bodies
                .get(&src)
                .map(|b| {
                    (
                        std::borrow::Cow::Borrowed(b.text.as_str()),
                        b.headings.iter().map(|h| h.text.clone()).collect(),
                    )
                })
                .unwrap_or_default()
        };
        let mut docs = Vec::new();
        for (e, v) in site.content.exercises.iter().zip(&self.exercises) {
            let (body, headings) = text(e.src);
            docs.push(SearchDoc {
                kind: "exercise",
                url: v.url.clone(),
                title: v.title.clone(),
                summary: v.summary.clone(),
                dosage: v.dosage.clone(),
                tags: e.tags.clone(),
                region: v.region.iter().map(|t| t.term.clone()).collect(),
                equipment: v.equipment.iter().map(|t| t.term.clone()).collect(),
                category: vec![v.category.term.clone()],
                position: vec![v.position.term.clone()],
                headings,
                body,
            });
        }
        for (r, v) in site.content.routines.iter().zip(&self.routines) {
            let (body, headings) = text(r.src);
            docs.push(SearchDoc {
                kind: "routine",
                url: v.url.clone(),
                title: v.title.clone(),
                summary: v.summary.clone(),
                dosage: v.frequency.clone(),
                tags: r.tags.clone(),
                region: routine_terms(v, |e| &e.region),
                equipment: routine_terms(v, |e| &e.equipment),
                headings,
                body,
                ..SearchDoc::default()
            });
        }
        for g in &site.content.guides {
            let (body, headings) = text(g.src);
            docs.push(SearchDoc {
                kind: "guide",
                url: format!("guides/{}.html", g.slug),
                title: g.title.clone(),
                summary: g.summary.clone(),
                headings,
                body,
                ..SearchDoc::default()
            });
        }
        docs
    }

    /// The vocabularies as search filters.
    pub fn search_facets(&self) -> Vec<SearchFacet> {
        self.site
            .taxonomies
            .iter()
            .map(|t| SearchFacet {
                name: t.name.clone(),
                title: t.title.clone(),
                terms: t
                    .terms
                    .iter()
                    .map(|v| (v.term.clone(), v.label.clone()))
                    .collect(),
            })
            .collect()
    }
}

/// The terms of a routine's exercises (for search filters); "none" only
/// when no exercise needs anything.
fn routine_terms(r: &RoutineView, of: fn(&ExerciseView) -> &Vec<TermView>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in r.sections.iter().flat_map(|s| &s.items) {
        for t in of(&item.exercise) {
            if !out.contains(&t.term) {
                out.push(t.term.clone());
            }
        }
    }
    if out.len() > 1 {
        out.retain(|t| t != "none");
    }
    out
}

/// Each vocabulary's terms as template values, by term: made once and
/// shared by the value of every exercise that has the term.
fn term_values(site: &SiteView) -> Vec<HashMap<String, tera::Value>> {
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
/// memory. The view is left as it was.
fn exercise_value(e: &mut ExerciseView, terms: &[HashMap<String, tera::Value>]) -> tera::Value {
    let region = std::mem::take(&mut e.region);
    let equipment = std::mem::take(&mut e.equipment);
    let category = std::mem::take(&mut e.category);
    let position = std::mem::take(&mut e.position);
    let outline = tera::Value::from_serializable(&*e);
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
        map.insert("region".into(), list(0, &region));
        map.insert("equipment".into(), list(1, &equipment));
        map.insert("category".into(), term(2, &category));
        map.insert("position".into(), term(3, &position));
        tera::Value::from(map)
    });
    e.region = region;
    e.equipment = equipment;
    e.category = category;
    e.position = position;
    value.unwrap_or_else(|| tera::Value::from_serializable(&*e))
}

/// A routine as a template value whose items share the exercises' values
/// (a routine lists many exercises; copying each would multiply memory).
fn routine_value(site: &Site, r: &RoutineView, exercises: &[tera::Value]) -> tera::Value {
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
                    match site.exercise_index.get(&item.exercise.slug) {
                        Some(&i) => shared(value, "exercise", exercises[i].clone()),
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

fn term(site: &SiteView, t: usize, term: &str) -> TermView {
    site.taxonomies[t]
        .terms
        .iter()
        .find(|v| v.term == term)
        .cloned()
        .unwrap_or_else(|| TermView {
            term: term.into(),
            label: term.into(),
            url: String::new(),
            count: 0,
        })
}

fn exercise_view(site: &SiteView, e: &Exercise, body: Option<&Rendered>) -> ExerciseView {
    ExerciseView {
        slug: e.slug.clone(),
        title: e.title.clone(),
        summary: e.summary.clone(),
        url: format!("exercises/{}.html", e.slug),
        sheet_url: format!("print/exercises/{}.html", e.slug),
        dosage: e.dosage.describe(),
        region: e.region.iter().map(|r| term(site, 0, r)).collect(),
        equipment: e.equipment.iter().map(|r| term(site, 1, r)).collect(),
        category: term(site, 2, &e.category),
        position: term(site, 3, &e.position),
        cautions: e.cautions.clone(),
        key_caution: e.cautions.first().cloned().unwrap_or_default(),
        steps: body.map(|b| b.steps.clone()).unwrap_or_default(),
        intro: body.map(|b| b.intro.clone()).unwrap_or_default(),
        image: e
            .image
            .as_ref()
            .map(|i| i.trim_start_matches('/').to_string()),
        image_alt: e.image_alt.clone().unwrap_or_default(),
        video: e.video.clone(),
        tags: e.tags.clone(),
    }
}

fn routine_view(site: &Site, exercises: &[Arc<ExerciseView>], r: &Routine) -> RoutineView {
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
                    let &i = site.exercise_index.get(&item.exercise)?;
                    number += 1;
                    let merged = site.content.exercises[i].dosage.merged(&item.dosage);
                    Some(RoutineItemView {
                        number,
                        exercise: Arc::clone(&exercises[i]),
                        dosage: merged.describe(),
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
        url: format!("routines/{}.html", r.slug),
        sheet_url: format!("print/routines/{}.html", r.slug),
        large_sheet_url: format!("print/routines/{}.large.html", r.slug),
        goal: serde_json::to_value(r.goal)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        goal_label: r.goal.label().to_string(),
        frequency: r.frequency.map(|f| f.to_string()).unwrap_or_default(),
        cautions: r.cautions.clone(),
        sections,
        exercise_count: number,
    }
}

fn links(views: &Views, idx: &[usize]) -> Vec<LinkView> {
    idx.iter()
        .map(|&i| {
            let e = &views.exercises[i];
            LinkView {
                title: e.title.clone(),
                url: e.url.clone(),
                summary: e.summary.clone(),
            }
        })
        .collect()
}

/// schema.org JSON-LD, safe to embed in a `<script>` element.
fn json_ld(value: serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The template name and context for one page job.
pub fn page(
    site: &Site,
    views: &Views,
    bodies: &HashMap<usize, Arc<Rendered>>,
    job: &Job,
    path: &str,
) -> (&'static str, tera::Context) {
    let cfg = &site.config;
    let mut ctx = tera::Context::new();
    let root = if matches!(job, Job::NotFound) {
        let b = cfg.base_url_slash();
        // 404 is served at any depth: use an absolute root when we have one.
        if b.starts_with('/') || cfg.has_absolute_base_url() {
            b
        } else {
            String::new()
        }
    } else {
        relative(path, "")
    };
    let canonical = cfg
        .has_absolute_base_url()
        .then(|| format!("{}{}", cfg.base_url_slash(), path));
    ctx.insert_value("site", views.site_value.clone());
    ctx.insert("root", &root);
    ctx.insert("url", path);
    ctx.insert("canonical", &canonical);
    let body = |src: usize| bodies.get(&src).map(|b| b.html.clone()).unwrap_or_default();
    let c = &site.content;
    let (template, title, description) = match job {
        Job::Home => {
            ctx.insert("body", &c.home.src.map(body).unwrap_or_default());
            ctx.insert_value("routines", tera::Value::from(views.routine_values.clone()));
            let t = c.home.title.clone().unwrap_or_else(|| cfg.title.clone());
            ("index.html", t, c.home.summary.clone())
        }
        Job::Exercise(i) => {
            let e = &views.exercises[*i];
            let ex = &c.exercises[*i];
            ctx.insert_value("exercise", views.exercise_values[*i].clone());
            ctx.insert("body", &body(ex.src));
            ctx.insert("easier", &links(views, &site.easier[*i]));
            ctx.insert("harder", &links(views, &site.harder[*i]));
            ctx.insert("related", &links(views, &site.related[*i]));
            let used: Vec<LinkView> = site.used_by[*i]
                .iter()
                .map(|&r| {
                    let v = &views.routines[r];
                    LinkView {
                        title: v.title.clone(),
                        url: v.url.clone(),
                        summary: v.summary.clone(),
                    }
                })
                .collect();
            ctx.insert("routines", &used);
            let d = &ex.dosage;
            ctx.insert(
                "json_ld",
                &json_ld(json!({
                    "@context": "https://schema.org",
                    "@type": "ExercisePlan",
                    "name": e.title,
                    "description": e.summary,
                    "exerciseType": e.category.label,
                    "activityFrequency": d.frequency.map(|f| f.to_string()),
                    "repetitions": d.reps.map(|r| r.to_string()),
                    "additionalVariable": e.dosage,
                    "url": canonical,
                })),
            );
            ("exercise.html", e.title.clone(), e.summary.clone())
        }
        Job::Routine(i) => {
            let r = &views.routines[*i];
            ctx.insert_value("routine", views.routine_values[*i].clone());
            ctx.insert("body", &body(c.routines[*i].src));
            ctx.insert(
                "json_ld",
                &json_ld(json!({
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
            );
            ("routine.html", r.title.clone(), r.summary.clone())
        }
        Job::Guide(i) => {
            let g = &c.guides[*i];
            let b = bodies.get(&g.src);
            ctx.insert(
                "guide",
                &LinkView {
                    title: g.title.clone(),
                    url: format!("guides/{}.html", g.slug),
                    summary: g.summary.clone(),
                },
            );
            ctx.insert("body", &body(g.src));
            ctx.insert(
                "headings",
                &b.map(|b| b.headings.clone()).unwrap_or_default(),
            );
            ("guide.html", g.title.clone(), g.summary.clone())
        }
        Job::ExerciseIndex => {
            let groups: Vec<tera::Value> = views.site.taxonomies[2]
                .terms
                .iter()
                .filter_map(|t| {
                    let list: Vec<tera::Value> = views
                        .exercises
                        .iter()
                        .zip(&views.exercise_values)
                        .filter(|(e, _)| e.category.term == t.term)
                        .map(|(_, v)| v.clone())
                        .collect();
                    (!list.is_empty()).then(|| {
                        tera::Value::from(std::collections::BTreeMap::from([
                            ("term", tera::Value::from_serializable(t)),
                            ("exercises", tera::Value::from(list)),
                        ]))
                    })
                })
                .collect();
            ctx.insert_value("groups", tera::Value::from(groups));
            ctx.insert("count", &views.exercises.len());
            ("exercises.html", "All exercises".to_string(), String::new())
        }
        Job::RoutineIndex => {
            ctx.insert_value("routines", tera::Value::from(views.routine_values.clone()));
            ("routines.html", "All routines".to_string(), String::new())
        }
        Job::Taxonomy(t) => {
            let tax = &views.site.taxonomies[*t];
            ctx.insert("taxonomy", tax);
            ("taxonomy.html", tax.title.clone(), String::new())
        }
        Job::Term(t, term_name) => {
            let tax = &views.site.taxonomies[*t];
            let tv = term(&views.site, *t, term_name);
            let list: Vec<tera::Value> = site.terms[*t]
                .get(term_name)
                .map(|ix| {
                    ix.iter()
                        .map(|&i| views.exercise_values[i].clone())
                        .collect()
                })
                .unwrap_or_default();
            ctx.insert("taxonomy", tax);
            ctx.insert("term", &tv);
            ctx.insert_value("exercises", tera::Value::from(list));
            (
                "term.html",
                format!("{}: {}", tax.title, tv.label),
                String::new(),
            )
        }
        Job::Search => ("search.html", "Search".to_string(), String::new()),
        Job::NotFound => ("404.html", "Page not found".to_string(), String::new()),
        Job::ExerciseSheet(i) => {
            let e = &views.exercises[*i];
            ctx.insert_value("exercise", views.exercise_values[*i].clone());
            ctx.insert("qr", &crate::qr::svg_for(cfg, &e.url));
            ctx.insert("sheet", &super::sheet::exercise_sheet(cfg, e));
            ("sheet_exercise.html", e.title.clone(), e.summary.clone())
        }
        Job::RoutineSheet(i, large) => {
            let r = &views.routines[*i];
            ctx.insert_value("routine", views.routine_values[*i].clone());
            ctx.insert("large", large);
            ctx.insert("qr", &crate::qr::svg_for(cfg, &r.url));
            let intro = bodies
                .get(&c.routines[*i].src)
                .map_or("", |b| b.intro.as_str());
            let fit = views.fits.get(*i).copied();
            ctx.insert(
                "sheet",
                &super::sheet::routine_sheet(cfg, r, intro, *large, fit),
            );
            ("sheet_routine.html", r.title.clone(), r.summary.clone())
        }
        Job::SearchIndex | Job::SearchMore | Job::Sitemap | Job::Static(_) => {
            ("404.html", String::new(), String::new())
        }
    };
    ctx.insert("title", &title);
    ctx.insert("description", &description);
    (template, ctx)
}

/// `sitemap.xml` with absolute URLs from `base_url`.
pub fn sitemap(site: &Site, views: &Views) -> String {
    let base = site.config.base_url_slash();
    let mut urls: Vec<String> = vec![
        String::new(),
        "exercises/index.html".into(),
        "routines/index.html".into(),
    ];
    urls.extend(views.exercises.iter().map(|e| e.url.clone()));
    urls.extend(views.routines.iter().map(|r| r.url.clone()));
    urls.extend(views.site.guides.iter().map(|g| g.url.clone()));
    for t in &views.site.taxonomies {
        urls.push(t.url.clone());
        urls.extend(
            t.terms
                .iter()
                .filter(|x| x.count > 0)
                .map(|x| x.url.clone()),
        );
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            crate::markdown::html_escape(&format!("{base}{u}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Each exercise's template value, made with shared term values, is
    /// exactly what templates would get from the view itself.
    #[test]
    fn exercise_values_are_the_views_as_values() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root).unwrap();
        let vocabs = config.vocabularies();
        let (content, _) = crate::content::read(root, false);
        let site = crate::link::graph(&content)
            .0
            .into_site(config, vocabs, content);
        let theme = crate::theme::Theme::load(root).unwrap();
        let (bodies, _) = super::super::bodies(&site, &theme);
        let views = Views::new(&site, &bodies);
        assert!(views.exercises.len() > 20);
        for (v, value) in views.exercises.iter().zip(&views.exercise_values) {
            assert_eq!(*value, tera::Value::from_serializable(&**v), "{}", v.slug);
            let map = value.as_map().unwrap();
            assert!(map.len() > 15, "{}", v.slug);
        }
        // A term no vocabulary lists still gets its own value.
        let mut odd = (*views.exercises[0]).clone();
        odd.region.push(TermView {
            term: "elsewhere".into(),
            label: "Elsewhere".into(),
            ..TermView::default()
        });
        let value = exercise_value(&mut odd, &term_values(&views.site));
        assert_eq!(value, tera::Value::from_serializable(&odd));
        assert_eq!(odd.region.last().unwrap().term, "elsewhere");
    }
}
