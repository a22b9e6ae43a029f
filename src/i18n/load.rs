//! Building a catalog: English underneath, the language's built-in table
//! over it, then the site's own `i18n/<lang>.toml`, checked key by key.

use super::entry::{self, blanks, Entry};
use super::{Catalog, BUILTIN, MISSING_KIND};
use crate::diag::Diagnostic;
use crate::source::toml_spans::TomlSpans;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// A table's keys in file order, as `group.key` and value.
type Flat = Vec<(String, toml::Value)>;

/// The built-in tables, parsed once.
fn builtins() -> &'static [(&'static str, Flat)] {
    static TABLES: OnceLock<Vec<(&'static str, Flat)>> = OnceLock::new();
    TABLES.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(lang, text)| {
                let table: toml::Table = text.parse().unwrap_or_default();
                let mut flat = Vec::new();
                entry::flatten(&table, "", &mut flat);
                (*lang, flat)
            })
            .collect()
    })
}

fn builtin_of(lang: &str) -> Option<&'static Flat> {
    builtins().iter().find(|(l, _)| *l == lang).map(|(_, f)| f)
}

/// Lists whose length is fixed by what they name.
const FIXED_LISTS: [(&str, usize); 3] = [
    ("meta.months", 12),
    ("sheet.days", 7),
    ("dosage.weekdays", 7),
];

/// Blanks the dosage wording fills (any `[dosage]` key may use them).
const DOSAGE_BLANKS: [&str; 14] = [
    "n",
    "count",
    "sets",
    "reps",
    "rounds",
    "time",
    "adjective",
    "side",
    "time_kind",
    "min",
    "sec",
    "colour",
    "of",
    "days",
];

pub(super) fn build(lang: &str, root: Option<&Path>) -> (Catalog, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let english = builtin_of("en").cloned().unwrap_or_default();
    let mut chosen: HashMap<String, toml::Value> = HashMap::new();
    if let Some(own) = builtin_of(lang).filter(|_| lang != "en") {
        chosen.extend(own.iter().cloned());
    }
    let site_name = format!("i18n/{lang}.toml");
    let safe = !lang.is_empty()
        && lang
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if let Some(path) = root.filter(|_| safe).map(|r| r.join(&site_name)) {
        if path.is_file() {
            match std::fs::read_to_string(&path) {
                Ok(text) => site(&text, &site_name, &english, &mut chosen, &mut diags),
                Err(e) => diags.push(Diagnostic::error(
                    &site_name,
                    format!("cannot read {site_name}: {e}"),
                )),
            }
        }
    }
    let mut entries = HashMap::with_capacity(english.len());
    let mut table = toml::Table::new();
    let mut missing = Vec::new();
    for (key, en_value) in &english {
        let value = match chosen.remove(key) {
            Some(v) => v,
            None => {
                if lang != "en" {
                    missing.push(key.clone());
                }
                en_value.clone()
            }
        };
        if let Ok(e) = entry::read(&value) {
            entries.insert(key.clone(), e);
        }
        insert(&mut table, key, value);
    }
    if !missing.is_empty() {
        diags.push(missing_warning(lang, &site_name, &missing, english.len()));
    }
    let catalog = Catalog {
        lang: lang.to_string(),
        entries,
        table,
        missing,
    };
    (catalog, diags)
}

fn missing_warning(lang: &str, file: &str, missing: &[String], total: usize) -> Diagnostic {
    const SHOWN: usize = 12;
    let mut list: Vec<&str> = missing.iter().take(SHOWN).map(String::as_str).collect();
    let more = missing.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let keys = list
        .drain(..)
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::warning(
        file,
        format!(
            "{} of the {total} words of the theme have no `{lang}` text and show in English: {keys}{more}",
            missing.len()
        ),
    )
    .help(format!("add them to {file} (the keys as in the built-in i18n/en.toml)"))
    .kind(MISSING_KIND)
}

/// Sets `a.b.c` in a table of tables.
fn insert(table: &mut toml::Table, key: &str, value: toml::Value) {
    let mut parts: Vec<&str> = key.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut node = table;
    for p in parts {
        let next = node
            .entry(p.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        match next {
            toml::Value::Table(t) => node = t,
            _ => return,
        }
    }
    node.insert(last.to_string(), value);
}

/// Reads a site's file over the chosen keys, reporting unknown keys and
/// values of the wrong shape (which keep the built-in text).
fn site(
    text: &str,
    file: &str,
    english: &Flat,
    chosen: &mut HashMap<String, toml::Value>,
    diags: &mut Vec<Diagnostic>,
) {
    let site: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let spans = TomlSpans::new(text);
            let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
            let mut d = Diagnostic::error(file, e.message().trim().to_string())
                .at(line, col)
                .with_snippet(text);
            if let Some(field) = e.span().and_then(|s| spans.field_at(s.start)) {
                d = d.field(field);
            }
            diags.push(d);
            return;
        }
    };
    let spans = TomlSpans::new(text);
    let mut flat = Vec::new();
    entry::flatten(&site, "", &mut flat);
    let first = diags.len();
    let english_keys: HashMap<&str, &toml::Value> =
        english.iter().map(|(k, v)| (k.as_str(), v)).collect();
    for (key, value) in flat {
        let parts: Vec<&str> = key.split('.').collect();
        let pos = spans.key(&parts).map_or((0, 0), |p| (p.line, p.col));
        let at = |d: Diagnostic| d.at(pos.0, pos.1).field(key.clone()).with_snippet(text);
        let Some(en_value) = english_keys.get(key.as_str()) else {
            diags.push(at(unknown(file, &key, english)));
            continue;
        };
        match check(&key, &value, en_value) {
            Ok(()) => {
                chosen.insert(key, value);
            }
            Err(why) => diags.push(at(Diagnostic::error(file, format!("`{key}`: {why}")))),
        }
    }
    // In the order of the file (the parsed table is sorted by key).
    diags[first..].sort_by_key(|d| (d.line, d.col));
}

fn unknown(file: &str, key: &str, english: &Flat) -> Diagnostic {
    let (group, name) = key.rsplit_once('.').unwrap_or(("", key));
    // A choice written without `other` reads as a group: say so.
    if let Some((k, _)) = english.iter().find(|(k, _)| k == group) {
        return Diagnostic::error(
            file,
            format!("`{k}` is a text with forms, and its forms need an `other` form"),
        )
        .help("write it as `{ one = \"…\", other = \"…\" }`");
    }
    let in_group: Vec<&str> = english
        .iter()
        .filter_map(|(k, _)| {
            k.rsplit_once('.')
                .filter(|(g, _)| *g == group)
                .map(|(_, n)| n)
        })
        .collect();
    let d = if in_group.is_empty() {
        let mut groups: Vec<&str> = english
            .iter()
            .filter_map(|(k, _)| k.rsplit_once('.').map(|(g, _)| g))
            .collect();
        groups.dedup();
        let first = key.split('.').next().unwrap_or(key);
        Diagnostic::error(file, format!("unknown table `{group}` (key `{key}`)"))
            .suggest(first, groups.iter().copied())
            .allowed(
                groups
                    .iter()
                    .map(|g| format!("[{g}]"))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
    } else {
        Diagnostic::error(file, format!("unknown key `{name}` in [{group}]"))
            .suggest(name, in_group.iter().copied())
    };
    d
}

/// Whether a site's value can stand for the English one.
fn check(key: &str, value: &toml::Value, en_value: &toml::Value) -> Result<(), String> {
    let mine = entry::read(value)?;
    let en = entry::read(en_value)?;
    match (&mine, &en) {
        (Entry::List(items), Entry::List(_)) => {
            if let Some((_, n)) = FIXED_LISTS.iter().find(|(k, _)| *k == key) {
                if items.len() != *n {
                    return Err(format!("the list has {} items; it needs {n}", items.len()));
                }
            }
        }
        (Entry::List(_), _) => return Err("this key is a text, not a list".to_string()),
        (_, Entry::List(_)) => {
            return Err("this key is a list of texts in quotes: `[\"…\", \"…\"]`".to_string())
        }
        _ => {}
    }
    let allowed = blanks(&en);
    let dosage = key.starts_with("dosage.");
    for b in blanks(&mine) {
        if !(allowed.contains(&b) || dosage && DOSAGE_BLANKS.contains(&b.as_str())) {
            let known: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
            let known = if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            };
            return Err(format!(
                "the blank `{{{b}}}` is not filled in for this key (its blanks: {known})"
            ));
        }
    }
    Ok(())
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}
