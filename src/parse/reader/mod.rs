//! Reading the fields of one file's front-matter: each value checked for
//! its kind, and every problem turned into a diagnostic at the field's line
//! and column.

mod dosage_map;
mod sections;

use super::dosage::DosageError;
use crate::diag::{did_you_mean, Diagnostic};
use crate::source::load::SourceFile;
use crate::source::positions::{Locator, Pos};
use crate::source::yaml::{self, Mapping, Value};

/// Reads fields of one file, turning every problem into a positioned diagnostic.
pub(super) struct Reader<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) loc: &'a Locator<'a>,
    pub(super) diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    pub(super) fn push(&mut self, d: Diagnostic, pos: Pos) {
        let d = d
            .at(pos.line, pos.col)
            .width(pos.width)
            .with_snippet(&self.file.text);
        self.diags.push(d);
    }

    pub(super) fn check_keys(&mut self, map: &Mapping, path: &[&str], allowed: &[&str]) {
        for key in map.keys() {
            let name = yaml::scalar_text(key).unwrap_or_default();
            if allowed.contains(&name.as_str()) {
                continue;
            }
            let mut full: Vec<&str> = path.to_vec();
            full.push(&name);
            let pos = self.loc.key(&full).unwrap_or_else(|| self.loc.start());
            // A key YAML reads as empty (`?` alone, or `"": x`) has no name
            // to show: say so, and name the field it sits in, if any.
            let (message, field) = if name.is_empty() {
                let within = path.join(".");
                let field = if within.is_empty() {
                    "(no name)".to_string()
                } else {
                    within
                };
                ("a field has no name".to_string(), field)
            } else {
                (format!("unknown field `{name}`"), full.join("."))
            };
            let mut d = Diagnostic::error(&self.file.display, message)
                .field(field)
                .allowed(allowed.join(", "));
            if let Some(best) = did_you_mean(&name, allowed.iter().copied()) {
                d = d.help(format!("did you mean `{best}`?"));
            }
            self.push(d, pos);
        }
    }

    pub(super) fn missing(&mut self, field: &str, hint: &str) {
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

    pub(super) fn type_error(&mut self, path: &[&str], expected: &str, found: &Value) {
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

    pub(super) fn scalar(&mut self, v: &Value, path: &[&str]) -> Option<String> {
        match yaml::scalar_text(v) {
            Some(s) => Some(s),
            None => {
                self.type_error(path, "a single value", v);
                None
            }
        }
    }

    pub(super) fn string(&mut self, map: &Mapping, key: &str) -> Option<String> {
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

    pub(super) fn required_string(&mut self, map: &Mapping, key: &str) -> String {
        let value = self.string(map, key);
        match value {
            Some(s) if !s.is_empty() => s,
            // `key: ""`, `key: "  "` and `key: ~` (nothing) alike.
            _ if map.get(key).is_some_and(|v| v.is_null() || v.is_string()) => {
                let pos = self.loc.key(&[key]).unwrap_or_else(|| self.loc.start());
                self.push(
                    Diagnostic::error(&self.file.display, format!("field `{key}` is empty"))
                        .field(key)
                        .help(format!("write the {key} after `{key}: `; it is required")),
                    pos,
                );
                String::new()
            }
            Some(_) => String::new(),
            None if map.contains_key(key) => String::new(),
            None => {
                self.missing(key, "it is required");
                String::new()
            }
        }
    }

    /// A list that the file must give even when empty (`cautions: []`):
    /// nothing (`cautions:` or `cautions: ~`) is an error.
    pub(super) fn given_list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
        if map.get(key).is_some_and(Value::is_null) {
            let pos = self.loc.key(&[key]).unwrap_or_else(|| self.loc.start());
            self.push(
                Diagnostic::error(&self.file.display, format!("field `{key}` is empty"))
                    .field(key)
                    .help(format!("list them, e.g. `{key}: [Stop if it hurts.]`, or write `{key}: []` if there are none")),
                pos,
            );
        }
        self.list(map, key)
    }

    /// A list of text values; a single value is accepted as a list of one.
    pub(super) fn list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
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

    pub(super) fn required_list(&mut self, map: &Mapping, key: &str) -> Vec<String> {
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

    pub(super) fn bool(&mut self, map: &Mapping, key: &str) -> bool {
        match map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.type_error(&[key], "`true` or `false`", other);
                false
            }
        }
    }

    pub(super) fn slug(&mut self, map: &Mapping, stem: String) -> String {
        let (slug, from_field) = match self.string(map, "slug") {
            Some(s) => (s, true),
            None => (stem, false),
        };
        if !crate::model::is_slug(&slug) {
            let allowed = "lower-case letters a–z, digits 0–9 and '-' (e.g. `wall-angels`)";
            let mut suggestion = crate::model::slugify(&slug);
            // Never suggest a name that is rejected in turn (`CON` → `con`).
            if suggestion.is_empty() || crate::check::names::windows_problem(&suggestion).is_some()
            {
                suggestion.push_str(if suggestion.is_empty() { "page" } else { "-1" });
            }
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
    pub(super) fn grammar<T>(
        &mut self,
        res: Result<T, DosageError>,
        path: &[&str],
        field: &str,
    ) -> Option<T> {
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
}
