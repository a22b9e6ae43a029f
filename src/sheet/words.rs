//! The words printed on sheets (the `[sheet]` group of the theme's words,
//! read through `i18n::Catalog`). Templates show them and the fitter
//! measures them, so no sheet sentence lives in Rust: only the filling in
//! of `{n}`-style blanks and the choice between a word's forms for one and
//! for other counts.

use crate::diag::Diagnostic;
use crate::i18n::Catalog;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The built-in words.
const BUILTIN: &str = include_str!("../../i18n/en.toml");
/// Where a site changes them.
#[cfg(test)]
const SITE_FILE: &str = "i18n/en.toml";

/// A wording for a count of one, and for other counts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plural {
    pub one: String,
    pub other: String,
}

impl Plural {
    /// The wording for `n`, with `{n}` filled in.
    pub(crate) fn of(&self, n: usize) -> String {
        let form = if n == 1 { &self.one } else { &self.other };
        fill(form, &[("n", &n.to_string())])
    }
}

/// Every word of a sheet. Templates get it as `words`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    pub back: String,
    pub print: String,
    pub standard_print: String,
    pub large_print: String,
    pub fits: String,
    pub pages: String,
    pub large_pages: Plural,
    pub print_at: String,
    pub refitted: String,
    pub overflow: String,
    pub phone: String,
    pub scan: String,
    pub page_of: String,
    pub online: String,
    pub routine_goal: String,
    pub exercise_count: Plural,
    pub name: String,
    pub date: String,
    pub clinician: String,
    pub notes: String,
    pub for_this_routine: String,
    pub how_to: String,
    pub equipment: String,
    pub no_equipment: String,
    pub starting_position: String,
    pub take_care: String,
    pub continued: String,
    pub more_steps: Plural,
    pub more_steps_beside: Plural,
    pub more_steps_online: Plural,
    pub all_steps: Plural,
    pub video: String,
    pub week: String,
    pub days: Vec<String>,
    pub pain: String,
    pub pain_box: String,
    pub log_label: String,
    pub call: String,
    pub call_no_phone: String,
    pub red_flags: Vec<String>,
    pub emergency: String,
}

/// The other groups of the file are the rest of the theme's words.
#[derive(Deserialize)]
struct File {
    sheet: Words,
}

/// `pattern` with each `{name}` replaced by its value.
pub(crate) fn fill(pattern: &str, vars: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in vars {
        let key = format!("{{{name}}}");
        if out.contains(&key) {
            out = out.replace(&key, value);
        }
    }
    out
}

impl Words {
    /// The built-in words, changed by the site's `i18n/en.toml` if it has one.
    pub(crate) fn load(root: &Path) -> (Words, Vec<Diagnostic>) {
        let (catalog, mut diags) = Catalog::load(root, "en");
        let words = Words::of(&catalog, &mut diags);
        (words, diags)
    }

    /// The sheet words of a catalog (any language); a word of the wrong
    /// form is reported and the built-in English words are used.
    pub(crate) fn of(catalog: &Catalog, diags: &mut Vec<Diagnostic>) -> Words {
        let sheet = catalog.group("sheet").cloned().unwrap_or_default();
        match toml::Value::Table(sheet).try_into::<Words>() {
            Ok(w) => w,
            Err(e) => {
                let file = format!("i18n/{}.toml", catalog.lang());
                diags.push(
                    Diagnostic::error(file, format!("a sheet word has the wrong form: {e}"))
                        .help("each word is text in quotes; `days` and `red_flags` are lists; a count's wording is `{ one = \"…\", other = \"…\" }`"),
                );
                Words::builtin()
            }
        }
    }

    /// The built-in words alone.
    pub(crate) fn builtin() -> Words {
        let parsed: Result<File, _> = toml::from_str(BUILTIN);
        match parsed {
            Ok(f) => f.sheet,
            // The built-in file is checked by a test; this is not reached.
            Err(e) => panic!("i18n/en.toml: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_words_load_and_fill_in() {
        let w = Words::builtin();
        assert_eq!(w.more_steps.of(1), "1 more step: scan the code at the top.");
        assert!(w.more_steps.of(3).starts_with("3 more steps"));
        assert_eq!(w.all_steps.of(4), "All 4 steps");
        assert_eq!(fill(&w.page_of, &[("n", "2"), ("m", "3")]), "Page 2 of 3");
        assert_eq!(w.days.len(), 7);
    }

    #[test]
    fn a_site_changes_single_words_and_hears_of_unknown_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
        std::fs::write(
            dir.path().join(SITE_FILE),
            "[sheet]\nvideo = \"Film\"\nemergancy = \"Call 112.\"\n",
        )
        .unwrap();
        let (w, diags) = Words::load(dir.path());
        assert_eq!(w.video, "Film");
        assert_eq!(w.take_care, "Take care:");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].message, "unknown key `emergancy` in [sheet]");
        assert_eq!((diags[0].line, diags[0].col), (3, 1));
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `emergency`?"));
    }
}
