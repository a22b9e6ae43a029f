//! The kinds of warning, by name: which are on unless a site turns them off
//! in `[warnings]` of `handout.toml`, and the few that are off unless a
//! site asks for them.

use std::collections::BTreeMap;

/// Every warning kind, whether it is on by default, and what it says.
pub(crate) const KINDS: &[(&str, bool, &str)] = &[
    (
        "exercise_in_no_routine",
        true,
        "an exercise no routine uses",
    ),
    (
        "image_without_alt",
        true,
        "an image with no `image_alt` text",
    ),
    (
        "no_qr_code",
        true,
        "sheets without a QR code (no absolute `base_url`)",
    ),
    (
        "sheet_over_one_page",
        true,
        "a printed sheet longer than one page",
    ),
    ("file_outside_content", true, "a file handout does not read"),
    (
        "reading_grade",
        true,
        "a patient page above the reading grade limit",
    ),
    ("no_steps", true, "an exercise with no numbered steps"),
    (
        "steps_contradict_dosage",
        true,
        "a count in the steps that the dosage contradicts",
    ),
    (
        "raw_html",
        true,
        "raw HTML in a body, written into the page (`[markdown] raw_html = true`)",
    ),
    (
        "raw_html_left_out",
        true,
        "raw HTML in a body, left out of the page",
    ),
    (
        "file_skipped",
        true,
        "a file under content/ that is not read (e.g. `.MD`)",
    ),
    (
        "untranslated_pages",
        true,
        "a language's pages without a translation, counted in each language",
    ),
    (
        "untranslated_words",
        true,
        "words of the theme a language lacks, shown in English",
    ),
    (
        "unused_term",
        false,
        "a vocabulary term no exercise uses (left out of the site)",
    ),
];

/// The names of every kind, for "allowed:" lists and suggestions.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|(n, _, _)| *n)
}

/// Whether warnings of `kind` are reported, given the site's `[warnings]`.
pub(crate) fn enabled(settings: &BTreeMap<String, bool>, kind: Option<&str>) -> bool {
    let Some(kind) = kind else { return true };
    match settings.get(kind) {
        Some(on) => *on,
        None => KINDS
            .iter()
            .find(|(n, _, _)| *n == kind)
            .is_none_or(|(_, on, _)| *on),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_settings() {
        let none = BTreeMap::new();
        assert!(enabled(&none, Some("exercise_in_no_routine")));
        assert!(!enabled(&none, Some("unused_term")));
        assert!(enabled(&none, None));
        let set = BTreeMap::from([
            ("exercise_in_no_routine".to_string(), false),
            ("unused_term".to_string(), true),
        ]);
        assert!(!enabled(&set, Some("exercise_in_no_routine")));
        assert!(enabled(&set, Some("unused_term")));
    }
}
