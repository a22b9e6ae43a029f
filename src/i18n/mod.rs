//! The words of the theme in a reader's language: the tables built in for
//! English, Spanish, French and German (`i18n/<lang>.toml`), changed key by
//! key by a site's own `i18n/<lang>.toml`; a key a language lacks falls back
//! to English, and the load says which (warning `untranslated_words`).
//! `docs/i18n.md` gives the format and how a key is read; the browser
//! scripts read the same tables the same way.

mod entry;
mod format;
mod load;
mod number;
#[cfg(test)]
mod tests;

pub(crate) use format::Arg;
pub(crate) use number::Number;

use entry::Entry;
use format::{join_list, Style};
use std::collections::HashMap;

/// The languages with a built-in table, and the table.
pub(crate) const BUILTIN: [(&str, &str); 4] = [
    ("en", include_str!("../../i18n/en.toml")),
    ("es", include_str!("../../i18n/es.toml")),
    ("fr", include_str!("../../i18n/fr.toml")),
    ("de", include_str!("../../i18n/de.toml")),
];

/// The warning kind of keys shown in English because a language lacks them.
pub(crate) const MISSING_KIND: &str = "untranslated_words";

/// Every word of the theme in one language.
#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    lang: String,
    entries: HashMap<String, Entry>,
    /// The same keys as TOML tables, for readers that deserialise a group (the sheets).
    table: toml::Table,
    /// Keys filled in from English.
    missing: Vec<String>,
}

impl Catalog {
    /// A fingerprint of every word (for `serve`'s re-rendering).
    pub(crate) fn print(&self) -> u64 {
        crate::fingerprint::of((&self.lang, format!("{:?}", self.table), &self.missing))
    }

    /// The built-in words of `lang` (English where it has no table or lacks a key).
    pub(crate) fn builtin(lang: &str) -> Catalog {
        load::build(lang, None).0
    }

    /// The words of `lang` for the site at `root`: the built-in table with
    /// the site's `i18n/<lang>.toml` over it. Errors name the file, line and
    /// key; the keys left in English come as one warning.
    pub(crate) fn load(
        root: &std::path::Path,
        lang: &str,
    ) -> (Catalog, Vec<crate::diag::Diagnostic>) {
        load::build(lang, Some(root))
    }

    /// The language code, as configured (`es`, `pt-BR`).
    pub(crate) fn lang(&self) -> &str {
        &self.lang
    }

    /// The keys this language lacks, shown in English.
    pub(crate) fn missing(&self) -> &[String] {
        &self.missing
    }

    /// The group `name` (e.g. `sheet`) as a TOML table.
    pub(crate) fn group(&self, name: &str) -> Option<&toml::Table> {
        self.table.get(name).and_then(toml::Value::as_table)
    }

    /// The whole table, groups and keys, for scripts that read it as data.
    pub(crate) fn table(&self) -> &toml::Table {
        &self.table
    }

    fn style(&self) -> Style<'_> {
        Style {
            lang: &self.lang,
            decimal: self.meta("decimal", "."),
            range: self.meta("range", "{lo}–{hi}"),
        }
    }

    fn meta(&self, key: &str, default: &'static str) -> &str {
        match self.entries.get(&format!("meta.{key}")) {
            Some(Entry::Text(s)) => s,
            _ => default,
        }
    }

    /// The text of `key` without arguments (a choice gives its `other`
    /// form); the key itself if no table has it.
    pub(crate) fn text<'a>(&'a self, key: &'a str) -> &'a str {
        match self.entries.get(key) {
            Some(e) => self.style().choose(e, &[]),
            None => key,
        }
    }

    /// The list at `key` (`meta.months`, `sheet.red_flags`); empty if there is none.
    pub(crate) fn list(&self, key: &str) -> &[String] {
        match self.entries.get(key) {
            Some(Entry::List(items)) => items,
            _ => &[],
        }
    }

    /// Whether any table has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    /// `key` read with `args`: the form chosen by them, its blanks filled.
    pub(crate) fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let style = self.style();
        match self.entries.get(key) {
            Some(e) => style.fill(style.choose(e, args), args),
            None => key.to_string(),
        }
    }

    /// A number as this language writes it ("2,5").
    pub(crate) fn number(&self, n: Number) -> String {
        self.style().number(n)
    }

    /// A number or range as this language writes it ("2,5", "2–3").
    pub(crate) fn write(&self, arg: Arg<'_>) -> String {
        self.style().value(&arg)
    }

    /// Items as a list: "lunes, miércoles y viernes".
    pub(crate) fn join<S: AsRef<str>>(&self, items: &[S]) -> String {
        join_list(
            items,
            self.meta("list_separator", ", "),
            self.meta("list_last", " and "),
        )
    }

    /// A date ("1 December 2025", "1 de diciembre de 2025"); `month` from 1.
    pub(crate) fn date(&self, year: i32, month: u32, day: u32) -> String {
        let months = self.list("meta.months");
        let month_name = months
            .get((month as usize).wrapping_sub(1))
            .map_or_else(|| month.to_string(), String::clone);
        let day = self.format("meta.day", &[("n", Arg::int(day as u64))]);
        let year = year.to_string();
        self.format(
            "meta.date",
            &[
                ("day", Arg::Text(&day)),
                ("month", Arg::Text(&month_name)),
                ("year", Arg::Text(&year)),
            ],
        )
    }
}
