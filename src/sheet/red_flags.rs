//! The clinic's red flags: when a patient should stop and call. The
//! built-in list (`i18n/en.toml`) names no body part; `[sheet] red_flags`
//! in `handout.toml` replaces it, `[red_flags] <region> = [...]` adds to it
//! on the sheets of exercises for that body region, and a routine's
//! `red_flags:` adds to its own sheet.

use super::words::Words;
use crate::config::{Config, FILE};
use crate::diag::Diagnostic;
use crate::model::taxonomy::{Taxonomy, Vocabularies};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `[sheet]` in `handout.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SheetSettings {
    /// The warning signs every sheet lists (replacing the built-in ones).
    pub red_flags: Option<Vec<String>>,
    /// What to do in an emergency (replacing the built-in advice).
    pub emergency: Option<String>,
}

/// `[red_flags]`: more warning signs for the sheets of each body region.
pub type RegionRedFlags = BTreeMap<String, Vec<String>>;

/// Region names in `[red_flags]` that are not region terms.
pub(crate) fn check(text: &str, cfg: &Config, vocabs: &Vocabularies) -> Vec<Diagnostic> {
    let Some(regions) = vocabs.iter().find(|v| v.taxonomy == Taxonomy::Region) else {
        return Vec::new();
    };
    let terms: Vec<&str> = regions.term_names().collect();
    let mut out = Vec::new();
    for name in cfg.red_flags.keys() {
        if !terms.contains(&name.as_str()) {
            let (line, col) = line_of(text, name);
            out.push(
                Diagnostic::error(
                    FILE,
                    format!("`{name}` in [red_flags] is not a body region"),
                )
                .at(line, col)
                .field(format!("red_flags.{name}"))
                .allowed(terms.join(", "))
                .suggest(name, terms.iter().copied())
                .with_snippet(text),
            );
        }
    }
    out
}

/// Where `key` is set inside the `[red_flags]` table (line, column).
fn line_of(text: &str, key: &str) -> (usize, usize) {
    let mut inside = false;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if t.starts_with('[') {
            inside = t == "[red_flags]";
            continue;
        }
        let bare = t.trim_start_matches('"');
        if inside && bare.starts_with(key) {
            let col = l.len() - l.trim_start().len() + 1;
            return (i + 1, col);
        }
    }
    (0, 0)
}

/// The warning signs of a sheet whose exercises are for `regions` (in the
/// order the vocabulary lists them), with the routine's own `extra`.
pub(crate) fn for_sheet(
    cfg: &Config,
    words: &Words,
    regions: &[&str],
    extra: &[String],
) -> Vec<String> {
    let mut out: Vec<String> = match &cfg.sheet.red_flags {
        Some(list) => list.clone(),
        None => words.red_flags.clone(),
    };
    let mut push = |flag: &String| {
        if !out.contains(flag) {
            out.push(flag.clone());
        }
    };
    for region in regions {
        if let Some(list) = cfg.red_flags.get(*region) {
            list.iter().for_each(&mut push);
        }
    }
    extra.iter().for_each(push);
    out
}

/// The emergency advice of the sheets.
pub(crate) fn emergency(cfg: &Config, words: &Words) -> String {
    cfg.sheet
        .emergency
        .clone()
        .unwrap_or_else(|| words.emergency.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> Result<Config, Vec<Diagnostic>> {
        crate::config::parse(&format!("title = \"T\"\n{extra}"))
    }

    #[test]
    fn the_clinic_sets_adds_by_region_and_by_routine() {
        let words = Words::builtin();
        let cfg = config(
            "[sheet]\nred_flags = [\"a fever\"]\n[red_flags]\nneck = [\"arm numbness\"]\nhips = [\"groin pain\"]\n",
        )
        .unwrap();
        let flags = for_sheet(&cfg, &words, &["neck", "shoulders"], &["dizziness".into()]);
        assert_eq!(flags, ["a fever", "arm numbness", "dizziness"]);
        let plain = config("").unwrap();
        assert_eq!(for_sheet(&plain, &words, &["neck"], &[]), words.red_flags);
    }

    #[test]
    fn a_region_that_does_not_exist_is_an_error_with_its_line() {
        let d = config("[red_flags]\nknee = [\"swelling\"]\n").unwrap_err();
        assert_eq!(d[0].message, "`knee` in [red_flags] is not a body region");
        assert_eq!((d[0].line, d[0].col), (3, 1));
        // A site that adds the region may give it red flags.
        let ok =
            config("[vocabulary.region]\nknee = \"Knee\"\n[red_flags]\nknee = [\"swelling\"]\n");
        assert!(ok.is_ok(), "{ok:?}");
    }
}
