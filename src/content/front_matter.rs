//! Front-matter → typed structs. Each field is read on its own so that every
//! problem is reported (not just the first) at the line of the file where it
//! stands: unknown keys with "did you mean", missing required fields, wrong
//! types and dosage grammar errors.

use super::dosage::{self, Dosage, DosageError};
use super::load::{Section, SourceFile};
use super::locate::{Locator, Pos};
use super::model::*;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::yaml::{self, Mapping, Value};

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
const GUIDE_KEYS: &[&str] = &["title", "summary", "order", "slug", "draft"];
const HOME_KEYS: &[&str] = &["title", "summary"];
const DOSAGE_KEYS: &[&str] = &["sets", "reps", "hold", "duration", "side", "frequency"];
const SECTION_KEYS: &[&str] = &["name", "exercises"];
const ITEM_KEYS: &[&str] = &["exercise", "dosage", "note"];

/// A parsed document of any kind.
pub enum Document {
    Exercise(Exercise),
    Routine(Routine),
    Guide(Guide),
    Home(Home),
}

impl Document {
    /// A copy that belongs to the file at index `src` of `Content::files`.
    pub fn at(&self, src: usize) -> Document {
        match self {
            Document::Exercise(e) => Document::Exercise(Exercise { src, ..e.clone() }),
            Document::Routine(r) => Document::Routine(Routine { src, ..r.clone() }),
            Document::Guide(g) => Document::Guide(Guide { src, ..g.clone() }),
            Document::Home(h) => Document::Home(Home {
                src: Some(src),
                ..h.clone()
            }),
        }
    }
}

/// Reads one file's front-matter into a typed document; problems go to `diags`.
/// Returns `None` only when the front-matter cannot be read at all; a document
/// with field errors is still returned so later stages can report more.
pub fn parse(file: &SourceFile, src: usize, diags: &mut Vec<Diagnostic>) -> Option<Document> {
    let fm_text = file.front_matter().unwrap_or("");
    let loc = Locator::new(fm_text, file.fm_line);
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
            diags.push(
                Diagnostic::error(
                    &file.display,
                    format!("front-matter is not valid YAML: {}", e.message),
                )
                .at(e.line + file.fm_line - 1, e.col)
                .with_snippet(&file.text),
            );
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
        cautions: r.list(map, "cautions"),
        progression: r.list(map, "progression"),
        regression: r.list(map, "regression"),
        related: r.list(map, "related"),
        image: r.string(map, "image"),
        image_alt: r.string(map, "image_alt"),
        video: r.string(map, "video"),
        tags: r.list(map, "tags"),
        draft: r.bool(map, "draft"),
    };
    Some(ex)
}

fn routine(r: &mut Reader, map: &Mapping, src: usize, stem: String) -> Option<Routine> {
    r.check_keys(map, &[], ROUTINE_KEYS);
    let goal = match r.string(map, "goal").as_deref() {
        None => {
            r.missing("goal", "`mobility`, `stability` or `mixed`");
            Goal::Mixed
        }
        Some("mobility") => Goal::Mobility,
        Some("stability") => Goal::Stability,
        Some("mixed") => Goal::Mixed,
        Some(other) => {
            let pos = r.loc.value(&["goal"]).unwrap_or_default();
            r.push(
                Diagnostic::error(&r.file.display, format!("unknown goal `{other}`"))
                    .field("goal")
                    .allowed("mobility, stability, mixed")
                    .suggest(other, ["mobility", "stability", "mixed"]),
                pos,
            );
            Goal::Mixed
        }
    };
    let frequency = map.get("frequency").and_then(|v| {
        let text = r.scalar(v, &["frequency"])?;
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
        cautions: r.list(map, "cautions"),
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
    let g = Guide {
        src,
        slug: r.slug(map, stem),
        title: r.required_string(map, "title"),
        summary: r.string(map, "summary").unwrap_or_default(),
        order,
        draft: r.bool(map, "draft"),
    };
    Some(g)
}

/// Reads fields of one file, turning every problem into a positioned diagnostic.
struct Reader<'a> {
    file: &'a SourceFile,
    loc: &'a Locator<'a>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic, pos: Pos) {
        let d = d
            .at(pos.line, pos.col)
            .width(pos.width)
            .with_snippet(&self.file.text);
        self.diags.push(d);
    }

    fn check_keys(&mut self, map: &Mapping, path: &[&str], allowed: &[&str]) {
        for key in map.keys() {
            let name = yaml::scalar_text(key).unwrap_or_default();
            if allowed.contains(&name.as_str()) {
                continue;
            }
            let mut full: Vec<&str> = path.to_vec();
            full.push(&name);
            let pos = self.loc.key(&full).unwrap_or_else(|| self.loc.start());
            let mut d = Diagnostic::error(&self.file.display, format!("unknown field `{name}`"))
                .field(full.join("."))
                .allowed(allowed.join(", "));
            if let Some(best) = did_you_mean(&name, allowed.iter().copied()) {
                d = d.help(format!("did you mean `{best}`?"));
            }
            self.push(d, pos);
        }
    }

    fn missing(&mut self, field: &str, hint: &str) {
        let pos = self.loc.start();
        self.push(
            Diagnostic::error(
                &self.file.display,
                format!("missing required field `{field}`"),
            )
            .field(field)
            .help(format!("add `{field}:` to the front-matter: {hint}")),
            pos,
        );
    }

    fn type_error(&mut self, path: &[&str], expected: &str, found: &Value) {
        let pos = self.loc.value(path).unwrap_or_else(|| self.loc.start());
        self.push(
            Diagnostic::error(
                &self.file.display,
                format!(
                    "field `{}` must be {expected}, found {}",
                    path.join("."),
                    yaml::kind(found)
                ),
            )
            .field(path.join(".")),
            pos,
        );
    }

    fn scalar(&mut self, v: &Value, path: &[&str]) -> Option<String> {
        match yaml::scalar_text(v) {
            Some(s) => Some(s),
            None => {
                self.type_error(path, "a single value", v);
                None
            }
        }
    }

    fn string(&mut self, map: &Mapping, key: &str) -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.type_error(&[key], "text", other);
                None
            }
        }
    }

    fn required_string(&mut self, map: &Mapping, key: &str) -> String {
        match self.string(map, key) {
            Some(s) if !s.is_empty() => s,
            Some(_) => {
                let pos = self.loc.key(&[key]).unwrap_or_else(|| self.loc.start());
                self.push(
                    Diagnostic::error(&self.file.display, format!("field `{key}` is empty"))
                        .field(key),
                    pos,
                );
                String::new()
            }
            None if map.contains_key(key) => String::new(),
            None => {
                self.missing(key, "it is required");
                String::new()
            }
        }
    }

    /// A list of text values; a single value is accepted as a list of one.
    fn list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(items)) => items
                .iter()
                .filter_map(|item| match yaml::scalar_text(item) {
                    Some(s) => Some(s.trim().to_string()),
                    None => {
                        self.type_error(&[key], "a list of text values", item);
                        None
                    }
                })
                .collect(),
            Some(Value::String(s)) => vec![s.trim().to_string()],
            Some(other) => {
                self.type_error(&[key], "a list like `[a, b]`", other);
                Vec::new()
            }
        }
    }

    fn required_list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
        let list = self.list(map, key);
        if list.is_empty() && !map.contains_key(key) {
            self.missing(key, "a list of one or more terms");
        } else if list.is_empty() {
            let pos = self.loc.key(&[key]).unwrap_or_else(|| self.loc.start());
            self.push(
                Diagnostic::error(
                    &self.file.display,
                    format!("field `{key}` needs at least one term"),
                )
                .field(key),
                pos,
            );
        }
        list
    }

    fn bool(&mut self, map: &Mapping, key: &str) -> bool {
        match map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.type_error(&[key], "`true` or `false`", other);
                false
            }
        }
    }

    fn slug(&mut self, map: &Mapping, stem: String) -> String {
        let (slug, from_field) = match self.string(map, "slug") {
            Some(s) => (s, true),
            None => (stem, false),
        };
        if !super::is_slug(&slug) {
            let allowed = "lower-case letters a–z, digits 0–9 and '-' (e.g. `wall-angels`)";
            let suggestion = super::slugify(&slug);
            let d = if from_field {
                Diagnostic::error(
                    &self.file.display,
                    format!("slug `{slug}` has characters a web address cannot use"),
                )
                .field("slug")
            } else {
                Diagnostic::error(
                    &self.file.display,
                    format!("file name `{slug}` cannot be used as a page address"),
                )
                .help(format!(
                    "rename the file to `{suggestion}.md`, or set `slug: {suggestion}`"
                ))
            };
            let pos = if from_field {
                self.loc.value(&["slug"]).unwrap_or_default()
            } else {
                Pos::default()
            };
            self.push(d.allowed(allowed), pos);
        }
        slug
    }

    /// Applies a grammar result, reporting its error at the field's value.
    fn grammar<T>(&mut self, res: Result<T, DosageError>, path: &[&str], field: &str) -> Option<T> {
        match res {
            Ok(v) => Some(v),
            Err(e) => {
                let pos = self.loc.value(path).unwrap_or_else(|| self.loc.start());
                self.push(
                    Diagnostic::error(
                        &self.file.display,
                        format!("invalid {field}: {}", e.message),
                    )
                    .field(path.join("."))
                    .allowed(e.allowed),
                    pos,
                );
                None
            }
        }
    }

    /// Reads a dosage map. `full` demands at least one of reps, hold, duration.
    fn dosage(&mut self, v: &Value, path: &[&str], full: bool) -> Dosage {
        let Value::Mapping(m) = v else {
            self.type_error(path, "fields like `{ sets: 2, reps: 10 }`", v);
            return Dosage::default();
        };
        self.check_keys(m, path, DOSAGE_KEYS);
        let mut d = Dosage::default();
        for key in DOSAGE_KEYS {
            let Some(value) = m.get(*key) else { continue };
            let mut p = path.to_vec();
            p.push(key);
            let Some(text) = self.scalar(value, &p) else {
                continue;
            };
            let field = format!("`{key}`");
            match *key {
                "sets" => d.sets = self.grammar(dosage::parse_count(&text), &p, &field),
                "reps" => d.reps = self.grammar(dosage::parse_count(&text), &p, &field),
                "hold" => d.hold = self.grammar(dosage::parse_time(&text), &p, &field),
                "duration" => d.duration = self.grammar(dosage::parse_time(&text), &p, &field),
                "side" => {
                    d.side = self.grammar(dosage::parse_side(&text), &p, &field);
                    if d.side.is_none() {
                        if let (Some(last), Some(best)) =
                            (self.diags.last_mut(), did_you_mean(&text, dosage::SIDES))
                        {
                            last.help = Some(format!("did you mean `{best}`?"));
                        }
                    }
                }
                _ => d.frequency = self.grammar(dosage::parse_frequency(&text), &p, &field),
            }
        }
        if full
            && !d.has_amount()
            && !["reps", "hold", "duration"]
                .iter()
                .any(|k| m.contains_key(*k))
        {
            let pos = self.loc.key(path).unwrap_or_else(|| self.loc.start());
            self.push(
                Diagnostic::error(
                    &self.file.display,
                    "dosage needs at least one of `reps`, `hold` or `duration`",
                )
                .field(path.join("."))
                .help("e.g. `reps: 10-15`, `hold: 30 s` or `duration: 1-2 min`"),
                pos,
            );
        }
        d
    }

    fn sections(&mut self, v: &Value) -> Vec<RoutineSection> {
        let Value::Sequence(list) = v else {
            self.type_error(&["sections"], "a list of sections", v);
            return Vec::new();
        };
        let mut out = Vec::new();
        for s in list {
            let Value::Mapping(sm) = s else {
                self.type_error(&["sections"], "a list of `- name: …` entries", s);
                continue;
            };
            self.check_keys(sm, &["sections"], SECTION_KEYS);
            let name = sm
                .get("name")
                .and_then(yaml::scalar_text)
                .unwrap_or_default();
            let items = match sm.get("exercises") {
                Some(Value::Sequence(items)) => items.iter().filter_map(|i| self.item(i)).collect(),
                Some(other) => {
                    self.type_error(
                        &["sections", "exercises"],
                        "a list of exercise slugs",
                        other,
                    );
                    Vec::new()
                }
                None => {
                    self.missing("sections.exercises", "each section lists its exercises");
                    Vec::new()
                }
            };
            out.push(RoutineSection { name, items });
        }
        out
    }

    fn item(&mut self, v: &Value) -> Option<RoutineItem> {
        match v {
            Value::String(s) => Some(RoutineItem {
                exercise: s.trim().to_string(),
                dosage: Dosage::default(),
                note: None,
            }),
            Value::Mapping(m) => {
                self.check_keys(m, &["sections", "exercises"], ITEM_KEYS);
                let Some(exercise) = m.get("exercise").and_then(yaml::scalar_text) else {
                    self.missing(
                        "sections.exercises.exercise",
                        "`- exercise: slug` names the exercise",
                    );
                    return None;
                };
                // Look up this item's own fields from its `- exercise:` line on,
                // so an error in the third override points at the third override.
                let from = self
                    .loc
                    .token(&["sections"], exercise.trim())
                    .map_or(0, |p| p.line);
                let sub = self.loc.from_line(from);
                let mut item_reader = Reader {
                    file: self.file,
                    loc: &sub,
                    diags: &mut *self.diags,
                };
                let dosage = match m.get("dosage") {
                    Some(d) => item_reader.dosage(d, &["dosage"], false),
                    None => Dosage::default(),
                };
                let note = m.get("note").and_then(yaml::scalar_text);
                Some(RoutineItem {
                    exercise: exercise.trim().to_string(),
                    dosage,
                    note,
                })
            }
            other => {
                self.type_error(&["sections", "exercises"], "exercise slugs", other);
                None
            }
        }
    }
}
