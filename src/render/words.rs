//! The theme's words in templates: `{{ t(k="exercise.how_much") }}`, with
//! arguments for blanks and choices (`{{ t(k="common.exercise_count",
//! n=count) }}`), from the catalog of the page's language. A text argument
//! is escaped, unless it is HTML already: marked safe, or named `…_link`
//! (a link the template made, whose words are another key).

use crate::i18n::{Arg, Catalog, Number};
use std::collections::HashMap;
use std::sync::Arc;
use tera::{Kwargs, State, TeraResult, Value};

/// The `t` function of one language's templates.
pub(crate) struct Words {
    catalog: Arc<Catalog>,
    /// Every text key read without arguments, made once: most calls are
    /// these, thousands of times a build.
    plain: HashMap<String, Value>,
}

impl Words {
    /// The `t` function reading `catalog`.
    pub(crate) fn new(catalog: Arc<Catalog>) -> Words {
        let mut keys = Vec::new();
        text_keys(catalog.table(), "", &mut keys);
        let plain = keys
            .into_iter()
            .map(|k| {
                let v = Value::safe_string(&catalog.format(&k, &[]));
                (k, v)
            })
            .collect();
        Words { catalog, plain }
    }
}

/// The dotted keys of the texts in `table` (not lists, not choices).
fn text_keys(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let key = format!("{prefix}{k}");
        match v {
            toml::Value::String(_) => out.push(key),
            toml::Value::Table(t) if !t.contains_key("other") => {
                text_keys(t, &format!("{key}."), out)
            }
            _ => {}
        }
    }
}

impl tera::Function<TeraResult<Value>> for Words {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let key: &str = kwargs.must_get("k")?;
        if kwargs.iter().nth(1).is_none() {
            if let Some(v) = self.plain.get(key) {
                return Ok(v.clone());
            }
        }
        let catalog = &self.catalog;
        if !catalog.has(key) {
            return Err(tera::Error::message(format!(
                "t(): no word has the key `{key}` (see i18n/en.toml)"
            )));
        }
        let mut texts: Vec<(&str, String)> = Vec::new();
        let mut numbers: Vec<(&str, Arg)> = Vec::new();
        for (name, v) in kwargs.iter() {
            let Some(name) = name.as_str().filter(|n| *n != "k") else {
                continue;
            };
            if let Some(text) = v.as_str() {
                let raw = v.is_safe() || name.ends_with("_link");
                texts.push((
                    name,
                    match raw {
                        true => text.to_string(),
                        false => crate::markdown::html_escape(text),
                    },
                ));
            } else if let Some(n) = v.as_u64() {
                numbers.push((name, Arg::int(n)));
            } else if let Some(f) = v.as_f64().filter(|f| *f >= 0.0) {
                numbers.push((name, Arg::Num(Number::tenths((f * 10.0).round() as u64))));
            }
        }
        let mut args: Vec<(&str, Arg)> = texts.iter().map(|(n, t)| (*n, Arg::Text(t))).collect();
        args.extend(numbers);
        Ok(Value::safe_string(&catalog.format(key, &args)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}
