//! Translations' file names: the language of `wall-angels.es.md`, and the
//! original it translates.

/// The language of `wall-angels.es.md` (a path under content/): the code
/// of two or three lower-case letters after the name's last inner dot.
pub(crate) fn lang_of(rel: &str) -> Option<&str> {
    let name = rel.rsplit('/').next()?;
    let (_, lang) = name.strip_suffix(".md")?.rsplit_once('.')?;
    ((2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase())).then_some(lang)
}

/// The original of translation `rel`: `exercises/wall-angels.es.md` →
/// `exercises/wall-angels.md`.
pub(crate) fn original_of(rel: &str) -> Option<String> {
    let lang = lang_of(rel)?;
    let stem = rel
        .strip_suffix(".md")?
        .strip_suffix(lang)?
        .strip_suffix('.')?;
    Some(format!("{stem}.md"))
}
