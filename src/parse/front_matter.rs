//! Front-matter → typed structs. Each field is read on its own so that every
//! problem is reported (not just the first) at the line of the file where it
//! stands: unknown keys with "did you mean", missing required fields, wrong
//! types and dosage grammar errors.

use super::dosage;
use super::reader::Reader;
use crate::diag::Diagnostic;
use crate::model::dosage::Dosage;
use crate::model::*;
use crate::source::load::{Section, SourceFile};
use crate::source::yaml::{self, Mapping, Value};

const EXERCISE_KEYS: &[&str] = &[
    "title",
    "summary",
    "region",
    "equipment",
    "category",
    "position",
    "dosage",
    "cautions",
    "progression",
    "regression",
    "related",
    "image",
    "image_alt",
    "images",
    "video",
    "tags",
    "slug",
    "draft",
];
const ROUTINE_KEYS: &[&str] = &[
    "title",
    "summary",
    "goal",
    "frequency",
    "sections",
    "cautions",
    "red_flags",
    "tags",
    "slug",
    "draft",
];
const GUIDE_KEYS: &[&str] = &["title", "summary", "order", "audience", "slug", "draft"];
const HOME_KEYS: &[&str] = &["title", "summary"];
pub(super) const DOSAGE_KEYS: &[&str] = &[
    "sets",
    "reps",
    "hold",
    "duration",
    "side",
    "rest",
    "load",
    "effort",
    "frequency",
];
pub(super) const SECTION_KEYS: &[&str] = &["name", "exercises"];
pub(super) const ITEM_KEYS: &[&str] = &["exercise", "dosage", "note"];

/// True when `name` is a field of pages of `section` (in the default language).
pub(super) fn known_field(section: Section, name: &str) -> bool {
    match section {
        Section::Exercises => EXERCISE_KEYS,
        Section::Routines => ROUTINE_KEYS,
        Section::Guides => GUIDE_KEYS,
        Section::Home => HOME_KEYS,
    }
    .contains(&name)
}

/// A parsed document of any kind.
pub(crate) enum Document {
    Exercise(Exercise),
    Routine(Routine),
    Guide(Guide),
    Home(Home),
    /// A page in another language.
    Translation(crate::model::translation::Translation),
}

impl Document {
    /// A copy that belongs to the file at index `src` of `Content::files`.
    pub(crate) fn at(&self, src: usize) -> Document {
        match self {
            Document::Exercise(e) => Document::Exercise(Exercise { src, ..e.clone() }),
            Document::Routine(r) => Document::Routine(Routine { src, ..r.clone() }),
            Document::Guide(g) => Document::Guide(Guide { src, ..g.clone() }),
            Document::Home(h) => Document::Home(Home {
                src: Some(src),
                ..h.clone()
            }),
            Document::Translation(t) => {
                Document::Translation(crate::model::translation::Translation { src, ..t.clone() })
            }
        }
    }
}

/// Reads one file's front-matter into a typed document; problems go to `diags`.
/// Returns `None` only when the front-matter cannot be read at all; a document
/// with field errors is still returned so later stages can report more.
pub(crate) fn parse(
    file: &SourceFile,
    src: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let fm_text = file.front_matter().unwrap_or("");
    let loc = file.positions();
    if file.front_matter().is_none() && file.section != Section::Home {
        diags.push(
            Diagnostic::error(&file.display, "file has no front-matter")
                .at(1, 1)
                .help("start the file with a `---` line, the fields, and another `---` line")
                .with_snippet(&file.text),
        );
        return None;
    }
    let value = match yaml::parse(fm_text) {
        Ok(v) => v,
        Err(e) => {
            let mut d = Diagnostic::error(
                &file.display,
                format!("front-matter is not valid YAML: {}", e.message),
            );
            // A common slip gets its fix, at the line where it was made.
            let (line, col) = match crate::source::yaml_hints::hint(fm_text, e.line, &e.message) {
                Some(h) => {
                    let field = match h.field.is_empty() {
                        true => crate::source::yaml_hints::field_at(fm_text, h.line),
                        false => h.field,
                    };
                    d = d.field(field).help(h.help);
                    (h.line, h.col)
                }
                None => {
                    d = d.field(crate::source::yaml_hints::field_at(fm_text, e.line));
                    (e.line, e.col)
                }
            };
            diags.push(d.at(line + file.fm_line - 1, col).with_snippet(&file.text));
            return None;
        }
    };
    let map = match value {
        Value::Mapping(m) => m,
        Value::Null => Mapping::new(),
        other => {
            diags.push(
                Diagnostic::error(
                    &file.display,
                    format!(
                        "front-matter must be fields like `title: …`, found {}",
                        yaml::kind(&other)
                    ),
                )
                .at(file.fm_line, 1)
                .with_snippet(&file.text),
            );
            return None;
        }
    };
    let mut r = Reader {
        file,
        loc: &loc,
        diags,
    };
    let stem = file
        .rel
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    if let Some(lang) = &file.lang {
        return Some(Document::Translation(super::translation::read(
            &mut r, &map, src, lang,
        )));
    }
    match file.section {
        Section::Exercises => exercise(&mut r, &map, src, stem).map(Document::Exercise),
        Section::Routines => routine(&mut r, &map, src, stem).map(Document::Routine),
        Section::Guides => guide(&mut r, &map, src, stem).map(Document::Guide),
        Section::Home => {
            r.check_keys(&map, &[], HOME_KEYS);
            Some(Document::Home(Home {
                src: Some(src),
                title: r.string(&map, "title"),
                summary: r.string(&map, "summary").unwrap_or_default(),
            }))
        }
    }
}

fn exercise(r: &mut Reader, map: &Mapping, src: usize, stem: String) -> Option<Exercise> {
    r.check_keys(map, &[], EXERCISE_KEYS);
    let dosage = match map.get("dosage") {
        Some(v) => r.dosage(v, &["dosage"], true),
        None => {
            r.missing("dosage", "e.g. `dosage: { sets: 2, reps: 10 }`");
            Dosage::default()
        }
    };
    if map.get("cautions").is_none() {
        r.missing(
            "cautions",
            "a list of warnings, or `cautions: []` if there are none",
        );
    }
    let ex = Exercise {
        src,
        slug: r.slug(map, stem),
        title: r.required_string(map, "title"),
        summary: r.string(map, "summary").unwrap_or_default(),
        region: r.required_list(map, "region"),
        equipment: r.required_list(map, "equipment"),
        category: r.required_string(map, "category"),
        position: r.required_string(map, "position"),
        dosage,
        cautions: r.given_list(map, "cautions"),
        progression: r.list(map, "progression"),
        regression: r.list(map, "regression"),
        related: r.list(map, "related"),
        image: r.string(map, "image"),
        image_alt: r.string(map, "image_alt"),
        images: super::media::pictures(map.get("images"), r.file, r.loc, r.diags),
        video: r.string(map, "video"),
        tags: r.list(map, "tags"),
        draft: r.bool(map, "draft"),
    };
    Some(ex)
}

fn routine(r: &mut Reader, map: &Mapping, src: usize, stem: String) -> Option<Routine> {
    r.check_keys(map, &[], ROUTINE_KEYS);
    let goal = match r.string(map, "goal") {
        Some(goal) => goal,
        None => {
            r.missing("goal", "a term of the goal vocabulary, e.g. `mobility`");
            String::new()
        }
    };
    let frequency = map.get("frequency").and_then(|v| {
        let text = match v {
            Value::Sequence(days) => days
                .iter()
                .filter_map(yaml::scalar_text)
                .collect::<Vec<_>>()
                .join(", "),
            _ => r.scalar(v, &["frequency"])?,
        };
        r.grammar(
            dosage::parse_frequency(&text),
            &["frequency"],
            "`frequency`",
        )
    });
    let sections = match map.get("sections") {
        Some(v) => r.sections(v),
        None => {
            r.missing(
                "sections",
                "a list of `- name: …` with `exercises: [slug, …]`",
            );
            Vec::new()
        }
    };
    let routine = Routine {
        src,
        slug: r.slug(map, stem),
        title: r.required_string(map, "title"),
        summary: r.string(map, "summary").unwrap_or_default(),
        goal,
        frequency,
        sections,
        cautions: r.given_list(map, "cautions"),
        red_flags: r.list(map, "red_flags"),
        tags: r.list(map, "tags"),
        draft: r.bool(map, "draft"),
    };
    Some(routine)
}

fn guide(r: &mut Reader, map: &Mapping, src: usize, stem: String) -> Option<Guide> {
    r.check_keys(map, &[], GUIDE_KEYS);
    let order = match map.get("order") {
        None => i64::MAX,
        Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64().unwrap_or(i64::MAX),
        Some(other) => {
            r.type_error(&["order"], "a whole number like `1`", other);
            i64::MAX
        }
    };
    let staff = match r.string(map, "audience").as_deref() {
        None | Some("patients") => false,
        Some("staff") => true,
        Some(other) => {
            let pos = r.loc.value(&["audience"]).unwrap_or_default();
            r.push(
                Diagnostic::error(&r.file.display, format!("unknown audience `{other}`"))
                    .field("audience")
                    .allowed("patients (the default: listed for everyone), staff (built, but left out of the patients' menus, footer and search)")
                    .suggest(other, ["patients", "staff"]),
                pos,
            );
            false
        }
    };
    let g = Guide {
        src,
        staff,
        slug: r.slug(map, stem),
        title: r.required_string(map, "title"),
        summary: r.string(map, "summary").unwrap_or_default(),
        order,
        draft: r.bool(map, "draft"),
    };
    Some(g)
}
