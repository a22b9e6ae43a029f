//! Reading a translation's front-matter (`wall-angels.es.md`): only the
//! fields a reader reads in another language; every typed field comes from
//! the original and is an error here, at its line.

use super::reader::Reader;
use crate::diag::Diagnostic;
use crate::model::translation::{PictureWords, Translation};
use crate::source::load::Section;
use crate::source::yaml::{self, Mapping, Value};

/// The fields a translation of each kind of page may give.
fn translatable(section: Section) -> &'static [&'static str] {
    match section {
        Section::Exercises => &[
            "title",
            "summary",
            "cautions",
            "image_alt",
            "images",
            "video",
        ],
        Section::Routines => &[
            "title",
            "summary",
            "cautions",
            "sections",
            "notes",
            "red_flags",
        ],
        Section::Guides | Section::Home => &["title", "summary"],
    }
}

/// Reads the translation in `r`'s file (whose language is `lang`).
pub(super) fn read(r: &mut Reader, map: &Mapping, src: usize, lang: &str) -> Translation {
    let section = r.file.section;
    let allowed = translatable(section);
    let original = crate::source::load::original_of(&r.file.rel).unwrap_or_default();
    for key in map.keys() {
        let name = yaml::scalar_text(key).unwrap_or_default();
        if allowed.contains(&name.as_str()) {
            continue;
        }
        if super::front_matter::known_field(section, &name) {
            let pos = r.loc.key(&[&name]).unwrap_or_else(|| r.loc.start());
            r.push(
                Diagnostic::error(
                    &r.file.display,
                    format!("field `{name}` cannot be translated: it is taken from the original, content/{original}"),
                )
                .field(name.as_str())
                .allowed(allowed.join(", "))
                .help(format!("remove `{name}:` here; change it in content/{original} for every language")),
                pos,
            );
        }
    }
    r.check_keys(&without_known(map, section), &[], allowed);
    Translation {
        src,
        lang: lang.to_string(),
        original,
        title: r.string(map, "title"),
        summary: r.string(map, "summary"),
        cautions: map.get("cautions").map(|_| r.list(map, "cautions")),
        image_alt: r.string(map, "image_alt"),
        images: pictures(r, map.get("images")),
        video: r.string(map, "video"),
        sections: r.list(map, "sections"),
        notes: notes(r, map.get("notes")),
        red_flags: map.get("red_flags").map(|_| r.list(map, "red_flags")),
    }
}

/// `map` without the fields of the original's kind (reported above as
/// fields that cannot be translated), so that only unknown ones are left.
fn without_known(map: &Mapping, section: Section) -> Mapping {
    let mut out = Mapping::new();
    for (k, v) in map {
        let name = yaml::scalar_text(k).unwrap_or_default();
        if !super::front_matter::known_field(section, &name) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// `images:` of a translation: `alt` and `caption` of each picture, in order.
fn pictures(r: &mut Reader, value: Option<&Value>) -> Vec<PictureWords> {
    let Some(value) = value else {
        return Vec::new();
    };
    let Value::Sequence(items) = value else {
        r.type_error(&["images"], "a list of `- alt: …` with `caption: …`", value);
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Value::Mapping(m) = item else {
            r.type_error(&["images"], "fields `alt:` and `caption:`", item);
            continue;
        };
        r.check_keys(m, &["images"], &["alt", "caption"]);
        let text = |k: &str| {
            m.get(k)
                .and_then(yaml::scalar_text)
                .map(|s| s.trim().to_string())
        };
        out.push(PictureWords {
            alt: text("alt"),
            caption: text("caption"),
        });
    }
    out
}

/// `notes:` of a routine's translation: exercise slug → note.
fn notes(r: &mut Reader, value: Option<&Value>) -> Vec<(String, String)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Mapping(m)) => m
            .iter()
            .filter_map(|(k, v)| {
                let slug = yaml::scalar_text(k)?;
                match yaml::scalar_text(v) {
                    Some(note) => Some((slug, note.trim().to_string())),
                    None => {
                        r.type_error(&["notes", &slug], "a note in words", v);
                        None
                    }
                }
            })
            .collect(),
        Some(other) => {
            r.type_error(
                &["notes"],
                "notes by exercise, like `{ wall-angels: \"…\" }`",
                other,
            );
            Vec::new()
        }
    }
}
