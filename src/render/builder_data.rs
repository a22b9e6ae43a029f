//! The programme builder's data: `builder-data.js` (every exercise's title,
//! terms and dosage, every routine, the vocabularies: what the builder lists,
//! filters and opens with) and `builder/part-<n>.js` (the steps and cautions
//! of [`BUILDER_PART`] exercises at a time, loaded only for the exercises a
//! programme holds, so a large handbook opens at once).
//!
//! Both are plain `<script>` files setting a global, so the builder works
//! from `file://`. Every text is plain text (steps have their markup taken
//! out): the builder shows them as text, never as HTML.

use super::values::Views;
use crate::i18n::Catalog;
use crate::model::dosage::{
    Dosage, Effort, Frequency, Limb, Load, Mass, Range, Reps, Side, Time, Unit,
};
use crate::model::taxonomy::Taxonomy;
use crate::model::wording;
use crate::site::Site;
use serde_json::{json, Value};

/// How many exercises one `builder/part-<n>.js` holds.
pub(crate) const BUILDER_PART: usize = 250;

/// The format of the builder's data, checked by `builder.js`.
const FORMAT: u32 = 1;

/// `builder-data.js`, in the default language.
// Each language's pages now use `data_js_in` with their own words.
#[allow(dead_code)]
pub(crate) fn data_js(site: &Site, views: &Views) -> String {
    data_js_in(site, views, wording::english())
}

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

/// `builder-data.js` with the words and dosage texts of the catalog's language.
pub(crate) fn data_js_in(site: &Site, views: &Views, words_of: &Catalog) -> String {
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
            json!({
                "slug": e.slug,
                "title": e.title,
                "dosage": dosage(&e.dosage),
                "text": e.dosage.describe_in(words_of),
                "region": list(Taxonomy::Region, &e.region),
                "equipment": list(Taxonomy::Equipment, &e.equipment),
                "category": index(Taxonomy::Category, &e.category),
                "position": index(Taxonomy::Position, &e.position),
            })
        })
        .collect();
    let routines: Vec<Value> = site
        .content
        .routines
        .iter()
        .map(|r| {
            let sections: Vec<Value> = r
                .sections
                .iter()
                .map(|s| {
                    let items: Vec<Value> = s
                        .items
                        .iter()
                        .map(|item| {
                            // The wording after the override, as the routine's pages show it.
                            let text = site.exercise_id(&item.exercise).map(|i| {
                                site.content
                                    .exercise(i)
                                    .dosage
                                    .merged(&item.dosage)
                                    .describe_in(words_of)
                            });
                            json!({
                                "slug": item.exercise,
                                "over": dosage(&item.dosage),
                                "note": item.note.clone().unwrap_or_default(),
                                "text": text,
                            })
                        })
                        .collect();
                    json!({ "name": s.name, "items": items })
                })
                .collect();
            json!({
                "slug": r.slug,
                "title": r.title,
                "summary": r.summary,
                "cautions": r.cautions,
                "sections": sections,
            })
        })
        .collect();
    let data = json!({
        "format": FORMAT,
        "part": BUILDER_PART,
        "facets": facets,
        "exercises": exercises,
        "routines": routines,
        "words": words(words_of),
    });
    format!(
        "window.HANDOUT_BUILDER = {};\n",
        script_safe(&data.to_string())
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

/// A dosage as the builder reads it: only the fields given, e.g.
/// `{"sets":[2,3],"hold":[30,30,"s"],"side":"each","frequency":["day",2,2]}`.
pub(crate) fn dosage(d: &Dosage) -> Value {
    let range = |r: Range| json!([r.lo, r.hi]);
    let unit = |u: Unit| match u {
        Unit::Seconds => "s",
        Unit::Minutes => "min",
        Unit::Hours => "h",
    };
    let time = |t: Time| match t.then {
        // A compound time (`1 min 30 s`): the smaller part after the unit.
        Some((n, small)) => json!([t.amount.lo, t.amount.hi, unit(t.unit), n, unit(small)]),
        None => json!([t.amount.lo, t.amount.hi, unit(t.unit)]),
    };
    let mut map = serde_json::Map::new();
    if let Some(r) = d.sets {
        map.insert("sets".into(), range(r));
    }
    match d.reps {
        Some(Reps::Count(r)) => {
            map.insert("reps".into(), range(r));
        }
        // "as many as you can": not yet a form the builder's inputs offer.
        Some(Reps::AsManyAsYouCan) => {
            map.insert("reps".into(), "amrap".into());
        }
        None => {}
    }
    if let Some(t) = d.hold {
        map.insert("hold".into(), time(t));
    }
    if let Some(t) = d.duration {
        map.insert("duration".into(), time(t));
    }
    if let Some(s) = d.side {
        let side = match s {
            Side::Both => "both",
            Side::Each(Limb::Side) => "each",
            Side::Each(Limb::Leg) => "each_leg",
            Side::Each(Limb::Arm) => "each_arm",
            Side::Alternating => "alternating",
        };
        map.insert("side".into(), side.into());
    }
    if let Some(t) = d.rest {
        map.insert("rest".into(), time(t));
    }
    if let Some(l) = d.load {
        let load = match l {
            Load::Weight(r, Mass::Kg) => json!(["kg", r.lo, r.hi]),
            Load::Weight(r, Mass::Lb) => json!(["lb", r.lo, r.hi]),
            Load::Band(colour) => json!(["band", colour]),
            Load::Level(r) => json!(["level", r.lo, r.hi]),
        };
        map.insert("load".into(), load);
    }
    if let Some(e) = d.effort {
        let effort = match e {
            Effort::Rpe(r) => json!(["rpe", r.lo, r.hi]),
            Effort::Words(w) => json!(["word", w]),
        };
        map.insert("effort".into(), effort);
    }
    if let Some(f) = d.frequency {
        let freq = match f {
            Frequency::Daily => json!(["daily"]),
            Frequency::PerDay(r) => json!(["day", r.lo, r.hi]),
            Frequency::PerWeek(r) => json!(["week", r.lo, r.hi]),
            Frequency::EveryOtherDay => json!(["other"]),
            Frequency::Days(bits) => json!(["days", bits]),
        };
        map.insert("frequency".into(), freq);
    }
    Value::Object(map)
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
    fn dosage_fields_only_when_given() {
        let d = Dosage {
            sets: Some(Range { lo: 2, hi: 3 }),
            hold: Some(Time {
                amount: Range { lo: 30, hi: 30 },
                unit: Unit::Seconds,
                then: None,
            }),
            frequency: Some(Frequency::PerWeek(Range { lo: 3, hi: 3 })),
            ..Default::default()
        };
        assert_eq!(
            dosage(&d).to_string(),
            r#"{"frequency":["week",3,3],"hold":[30,30,"s"],"sets":[2,3]}"#
        );
        assert_eq!(script_safe("\"</script>\""), "\"\\u003c/script>\"");
    }
}

#[cfg(test)]
#[path = "builder_words_tests.rs"]
mod words_tests;
