//! The programme builder's data: `builder-data.js` (every exercise's slug,
//! title, dosage code and terms, as one short array each; every routine; the
//! vocabularies: what the builder lists, filters and opens with) and
//! `builder/part-<n>.js` (the steps, cautions and dosage wording of
//! [`BUILDER_PART`] exercises at a time, loaded only for the exercises a
//! programme holds, so a large handbook opens at once), and
//! `builder/routines-<n>.js` (the sections of as many routines, loaded when
//! one is opened).
//!
//! Both are plain `<script>` files setting a global, so the builder works
//! from `file://`. Every text is plain text (steps have their markup taken
//! out): the builder shows them as text, never as HTML.

use super::builder_code::code;
use super::values::Views;
use crate::i18n::Catalog;
use crate::model::taxonomy::Taxonomy;
use crate::site::Site;
use serde_json::{json, Value};

/// How many exercises one `builder/part-<n>.js` holds.
pub(crate) const BUILDER_PART: usize = 32;

/// The format of the builder's data, checked by `builder.js`.
const FORMAT: u32 = 2;

/// The words the builder's scripts read (`HANDOUT_BUILDER.words`): the
/// language, how it writes numbers and lists, and its `[dosage]` patterns.
pub(crate) fn words(c: &Catalog) -> Value {
    let meta = |k: &str| c.text(&format!("meta.{k}")).to_string();
    json!({
        "lang": c.lang(),
        "meta": {
            "decimal": meta("decimal"),
            "range": meta("range"),
            "list_separator": meta("list_separator"),
            "list_last": meta("list_last"),
        },
        "dosage": c.group("dosage").map_or(Value::Null, |t| json!(t)),
    })
}

/// `builder-data.js` of one language, with its words (`words_of`).
pub(crate) fn data_js(site: &Site, views: &Views, words_of: &Catalog) -> String {
    let facets: Vec<Value> = views
        .site
        .taxonomies
        .iter()
        .map(|t| {
            json!({
                "name": t.name,
                "title": t.title,
                "terms": t.terms.iter().map(|x| json!([x.term, x.label])).collect::<Vec<_>>(),
            })
        })
        .collect();
    let index = |t: Taxonomy, term: &str| {
        views.site.taxonomies[t.index()]
            .terms
            .iter()
            .position(|x| x.term == term)
    };
    let exercises: Vec<Value> = site
        .content
        .exercises
        .iter()
        .map(|e| {
            let list = |t: Taxonomy, terms: &[String]| -> Vec<usize> {
                terms.iter().filter_map(|x| index(t, x)).collect()
            };
            // In the order of `fields` below.
            json!([
                e.slug,
                e.title,
                code(&e.dosage),
                list(Taxonomy::Region, &e.region),
                list(Taxonomy::Equipment, &e.equipment),
                index(Taxonomy::Category, &e.category),
                index(Taxonomy::Position, &e.position),
            ])
        })
        .collect();
    // Only what the list of routines shows; their sections come in runs (`routines_js`).
    let routines: Vec<Value> = site
        .content
        .routines
        .iter()
        .map(|r| json!([r.slug, r.title]))
        .collect();
    let data = json!({
        "format": FORMAT,
        "part": BUILDER_PART,
        "facets": facets,
        "fields": ["slug", "title", "code", "region", "equipment", "category", "position"],
        "exercises": exercises,
        "routines": routines,
        "words": words(words_of),
    });
    format!(
        "window.HANDOUT_BUILDER = {};\n",
        script_safe(&data.to_string())
    )
}

/// `builder/routines-<n>.js`: the sections of routines `n * BUILDER_PART ..`,
/// each item's dosage changes as a code, with the wording the routine's pages
/// show after them in the language of `words_of` (which the builder's must match).
pub(crate) fn routines_js(site: &Site, n: usize, words_of: &Catalog) -> String {
    let routines: Vec<Value> = site
        .content
        .routines
        .iter()
        .skip(n * BUILDER_PART)
        .take(BUILDER_PART)
        .map(|r| {
            let sections: Vec<Value> = r
                .sections
                .iter()
                .map(|s| {
                    let items: Vec<Value> = s
                        .items
                        .iter()
                        .map(|item| {
                            let text = site.exercise_id(&item.exercise).map(|i| {
                                site.content
                                    .exercise(i)
                                    .dosage
                                    .merged(&item.dosage)
                                    .describe_in(words_of)
                            });
                            json!({
                                "slug": item.exercise,
                                "over": code(&item.dosage),
                                "note": item.note.clone().unwrap_or_default(),
                                "text": text,
                            })
                        })
                        .collect();
                    json!({ "name": s.name, "items": items })
                })
                .collect();
            json!({ "slug": r.slug, "sections": sections })
        })
        .collect();
    format!(
        "(window.HANDOUT_BUILDER_ROUTINES = window.HANDOUT_BUILDER_ROUTINES || {{}})[{n}] = {};\n",
        script_safe(&Value::from(routines).to_string())
    )
}

/// `builder/part-<n>.js`: the details of exercises `n * BUILDER_PART ..`.
pub(crate) fn part_js(views: &Views, n: usize) -> String {
    let details: Vec<Value> = views
        .exercises
        .iter()
        .skip(n * BUILDER_PART)
        .take(BUILDER_PART)
        .map(|e| {
            json!({
                "summary": e.summary,
                // The pages' wording of its dosage, which the builder's must match.
                "text": e.dosage,
                "intro": plain(&e.intro),
                "steps": e.steps.iter().map(|s| plain(s)).collect::<Vec<_>>(),
                "cautions": e.cautions,
            })
        })
        .collect();
    format!(
        "(window.HANDOUT_BUILDER_PARTS = window.HANDOUT_BUILDER_PARTS || {{}})[{n}] = {};\n",
        script_safe(&Value::from(details).to_string())
    )
}

/// JSON that can sit inside a `<script>` file loaded by an HTML page
/// (no `</script>` or HTML comment openers can end it early).
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The text of an HTML fragment made by the Markdown renderer, on one line.
fn plain(html: &str) -> String {
    crate::sheet::texts::plain(html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[path = "builder_words_tests.rs"]
mod words_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            plain("Lift <strong>slowly</strong> &amp; <a href=\"x.html\">breathe</a> &lt;3"),
            "Lift slowly & breathe <3"
        );
        assert_eq!(plain("a\n  b"), "a b");
    }

    #[test]
    fn script_safe_json() {
        assert_eq!(script_safe("\"</script>\""), "\"\\u003c/script>\"");
    }
}
