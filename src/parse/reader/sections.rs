//! Reading a routine's `sections`: each section's name and its exercises,
//! given as slugs or as items with their own dosage and note.

use super::Reader;
use crate::model::dosage::Dosage;
use crate::model::{RoutineItem, RoutineSection};
use crate::parse::front_matter::{ITEM_KEYS, SECTION_KEYS};
use crate::source::yaml::{self, Value};

impl Reader<'_> {
    pub(in crate::parse) fn sections(&mut self, v: &Value) -> Vec<RoutineSection> {
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

    pub(in crate::parse) fn item(&mut self, v: &Value) -> Option<RoutineItem> {
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
                let sub = self.loc.starting_at(from);
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
