//! One key of a words table: a text with `{name}` blanks, a list, or a
//! choice between forms (by plural category, exact number or word), read
//! from TOML and checked for shape.

use std::collections::BTreeMap;

/// The value of one key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    Text(String),
    List(Vec<String>),
    Choice(Choice),
}

/// A text that depends on the argument `by`: its forms by key
/// (`one`, `other`, `=2`, or a word such as `compound`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    pub(crate) by: String,
    pub(crate) forms: BTreeMap<String, Entry>,
}

impl Choice {
    pub(crate) fn other(&self) -> Option<&Entry> {
        self.forms.get("other")
    }
}

/// True when a TOML table is a choice (it has an `other` form) rather than a group.
pub(crate) fn is_choice(table: &toml::Table) -> bool {
    table.contains_key("other")
}

/// Reads one value: a string, a list of strings, or a choice table.
/// The error says what is wrong, for a message about the key.
pub(crate) fn read(value: &toml::Value) -> Result<Entry, String> {
    match value {
        toml::Value::String(s) => Ok(Entry::Text(s.clone())),
        toml::Value::Array(items) => items
            .iter()
            .map(|v| match v {
                toml::Value::String(s) => Ok(s.clone()),
                _ => Err("a list holds texts in quotes only".to_string()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Entry::List),
        toml::Value::Table(t) if is_choice(t) => read_choice(t).map(Entry::Choice),
        toml::Value::Table(_) => Err(
            "a table of forms needs an `other` form (e.g. `{ one = \"…\", other = \"…\" }`)"
                .to_string(),
        ),
        _ => Err("a text is written in quotes".to_string()),
    }
}

fn read_choice(t: &toml::Table) -> Result<Choice, String> {
    let mut by = "n".to_string();
    let mut forms = BTreeMap::new();
    for (k, v) in t {
        if k == "by" {
            match v.as_str() {
                Some(s) if !s.is_empty() => by = s.to_string(),
                _ => {
                    return Err("`by` names a blank, in quotes (e.g. `by = \"count\"`)".to_string())
                }
            }
            continue;
        }
        if !valid_form_key(k) {
            return Err(format!(
                "`{k}` is not a form of a choice: use a plural category (zero, one, two, few, many, other), an exact number such as \"=2\", or a word"
            ));
        }
        let entry = match v {
            toml::Value::String(s) => Entry::Text(s.clone()),
            toml::Value::Table(inner) if is_choice(inner) => Entry::Choice(read_choice(inner)?),
            _ => {
                return Err(format!(
                    "the form `{k}` is neither a text nor a choice with an `other` form"
                ))
            }
        };
        forms.insert(k.clone(), entry);
    }
    Ok(Choice { by, forms })
}

fn valid_form_key(k: &str) -> bool {
    if let Some(num) = k.strip_prefix('=') {
        return !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || c == '.');
    }
    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

/// Every key of a table as `group.key`, groups being tables that are not choices.
pub(crate) fn flatten(table: &toml::Table, prefix: &str, out: &mut Vec<(String, toml::Value)>) {
    for (k, v) in table {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) if !is_choice(t) => flatten(t, &path, out),
            _ => out.push((path, v.clone())),
        }
    }
}

/// The blanks (`{name}`) of every text of an entry, and the `by` of its choices.
pub(crate) fn blanks(entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    collect(entry, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect(entry: &Entry, out: &mut Vec<String>) {
    match entry {
        Entry::Text(s) => out.extend(blanks_of(s).map(str::to_string)),
        Entry::List(items) => {
            for s in items {
                out.extend(blanks_of(s).map(str::to_string));
            }
        }
        Entry::Choice(c) => {
            out.push(c.by.clone());
            for form in c.forms.values() {
                collect(form, out);
            }
        }
    }
}

/// The names of the `{name}` blanks of a text, in order.
pub(crate) fn blanks_of(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let name = rest.split('}').next()?;
        let ok = rest.contains('}')
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        ok.then_some(name)
    })
}
