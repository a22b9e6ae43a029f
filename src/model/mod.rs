//! The typed model: what exercises, routines, guides, dosages and
//! vocabularies are once they have been read, independent of files.

pub(crate) mod content;
pub(crate) mod dosage;
pub(crate) mod ids;
pub(crate) mod media;
pub(crate) mod taxonomy;
pub(crate) mod translation;
pub(crate) mod wording;

pub(crate) use content::*;

/// True for a valid slug: non-empty, only a–z, 0–9 and '-'.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns any title into a slug: "Wall Angels!" → "wall-angels".
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("wall-angels-2"));
        assert!(!is_slug("Wall angels"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Wall Angels!"), "wall-angels");
        assert_eq!(slugify("  Cat / cow  "), "cat-cow");
    }
}
