//! Words as search sees them: folded (lower case, no accents, no
//! apostrophes), split on anything but a–z and 0–9, and stemmed.
//!
//! static/search-engine.js does the same to what a patient types
//! (`fold`, `words`, `STEMMERS`); a browser test checks that both give the
//! same stem for every word of an index.

use unicode_normalization::UnicodeNormalization;

/// Lower case, accents and apostrophes removed (as JavaScript's
/// `toLowerCase().normalize("NFKD")` with the combining marks dropped).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The same result, without Unicode tables (most text is plain ASCII).
        return s
            .bytes()
            .filter(|&b| b != b'\'')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.to_lowercase()
        .nfkd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c) && !matches!(c, '\'' | '‘' | '’'))
        .collect()
}

/// The words of a text, folded, in order.
pub(crate) fn words(s: &str) -> Vec<String> {
    split(&fold(s)).map(str::to_string).collect()
}

/// The words of a folded text, in order.
pub(crate) fn split(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
}

/// A stemmer: a folded word → the form the index keeps.
pub(crate) type Stemmer = fn(&str) -> String;

/// The stemmer of a language (by its code), if there is one; the
/// JavaScript side chooses by the same code.
pub(crate) fn stemmer(language: &str) -> Option<Stemmer> {
    match language {
        "en" => Some(stem_en),
        "es" => Some(stem_es),
        "fr" => Some(stem_fr),
        "de" => Some(stem_de),
        _ => None,
    }
}

/// A Snowball stemmer (rust-stemmers), made once, over a folded word.
fn snowball(
    cell: &'static std::sync::OnceLock<rust_stemmers::Stemmer>,
    algorithm: rust_stemmers::Algorithm,
    word: &str,
) -> String {
    if word.len() <= 3 || word.starts_with(|c: char| c.is_ascii_digit()) {
        return word.to_string();
    }
    cell.get_or_init(|| rust_stemmers::Stemmer::create(algorithm))
        .stem(word)
        .into_owned()
}

/// Spanish: Snowball's stemmer. Words are folded first (`músculo` and
/// `musculo` are one word), so the browser finds a stem by the words of the
/// index rather than by running the stemmer again.
pub(crate) fn stem_es(word: &str) -> String {
    static S: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    snowball(&S, rust_stemmers::Algorithm::Spanish, word)
}

/// French: Snowball's stemmer, over folded words.
pub(crate) fn stem_fr(word: &str) -> String {
    static S: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    snowball(&S, rust_stemmers::Algorithm::French, word)
}

/// German: Snowball's stemmer, over folded words (`ü` read as `u`).
pub(crate) fn stem_de(word: &str) -> String {
    static S: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    snowball(&S, rust_stemmers::Algorithm::German, word)
}

/// A light English stemmer, so "stretches", "stretching" and "stretch"
/// meet, as do "rotate" and "rotating". Only plurals, -ing, -ed and a final
/// -e go: a heavier stemmer joins words patients keep apart.
pub(crate) fn stem_en(word: &str) -> String {
    let mut w = word.to_string();
    if w.len() <= 3 || w.starts_with(|c: char| c.is_ascii_digit()) {
        return w;
    }
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        // press, thus, this
    } else if ["ches", "shes", "xes", "zes", "sses"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') {
        w.pop();
    }
    if let Some(base) = w
        .strip_suffix("ing")
        .filter(|b| b.len() >= 3 && has_vowel(b))
    {
        w = undouble(base);
    } else if let Some(base) = w
        .strip_suffix("ed")
        .filter(|b| b.len() >= 3 && has_vowel(b) && !w.ends_with("eed"))
    {
        w = undouble(base);
    }
    if w.ends_with('e') && w.len() >= 5 {
        w.pop();
    }
    w
}

fn has_vowel(s: &str) -> bool {
    s.contains(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// "stopp" → "stop", but "pass", "roll" and "buzz" stay.
fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
        s[..n - 1].to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(
            words("Child's Pose – ÉPAULE, t-spine"),
            ["childs", "pose", "epaule", "t", "spine"]
        );
        assert_eq!(fold("Golfer’s"), "golfers");
    }

    #[test]
    fn spanish_french_and_german_stems_join_word_forms() {
        for group in [
            ["musculo", "musculos", "muscular"],
            ["estiramiento", "estiramientos", "estirar"],
            ["rodilla", "rodillas", "rodilla"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem_es(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?}: {stems:?}");
        }
        assert_eq!(stem_es(&words("Músculo")[0]), stem_es("musculo"));
        assert_eq!(stem_fr("epaules"), stem_fr("epaule"));
        assert_eq!(stem_de("schultern"), stem_de("schulter"));
        assert_eq!(stem_es("90s"), "90s");
        assert_eq!(stem_es("pie"), "pie");
    }

    #[test]
    fn stems_plurals_and_verb_endings() {
        let table = [
            ("stretches", "stretch"),
            ("stretching", "stretch"),
            ("stretch", "stretch"),
            ("rotate", "rotat"),
            ("rotating", "rotat"),
            ("hamstrings", "hamstr"),
            ("knees", "knee"),
            ("bodies", "body"),
            ("press", "press"),
            ("presses", "press"),
            ("biceps", "bicep"),
            ("stopped", "stop"),
            ("rolled", "roll"),
            ("need", "need"),
            ("90s", "90s"),
            ("abs", "abs"),
            ("lunges", "lung"),
        ];
        for (word, stem) in table {
            assert_eq!(stem_en(word), stem, "{word}");
        }
    }
}
