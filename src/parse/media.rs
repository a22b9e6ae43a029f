//! Reading `images:`, the list of an exercise's pictures.

use crate::diag::{did_you_mean, Diagnostic};
use crate::model::media::Picture;
use crate::source::load::SourceFile;
use crate::source::positions::{Locator, Pos};
use crate::source::yaml::{self, Value};

/// The fields of one entry of `images:`.
const PICTURE_KEYS: &[&str] = &["src", "alt", "caption"];

/// Reads `images:`: a list of `{src, alt, caption}`. Every problem (not a
/// list, an entry without `src` or `alt`, an unknown field) is reported at
/// its line; entries with problems are left out.
pub(super) fn pictures(
    value: Option<&Value>,
    file: &SourceFile,
    loc: &Locator,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Picture> {
    let Some(value) = value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let here = |pos: Option<Pos>| pos.unwrap_or_else(|| loc.key(&["images"]).unwrap_or_default());
    let mut push = |d: Diagnostic, pos: Pos| {
        diags.push(
            d.at(pos.line, pos.col)
                .width(pos.width)
                .with_snippet(&file.text),
        );
    };
    let items = match value {
        Value::Null => return Vec::new(),
        Value::Sequence(items) => items,
        other => {
            push(
                Diagnostic::error(
                    &file.display,
                    format!("field `images` must be a list, found {}", yaml::kind(other)),
                )
                .field("images")
                .help("write each picture as `- src: images/….svg` with an `alt:` line under it"),
                here(loc.value(&["images"])),
            );
            return Vec::new();
        }
    };
    for (n, item) in items.iter().enumerate() {
        let number = n + 1;
        let (src, alt, caption, map) = match item {
            Value::String(s) => (Some(s.trim().to_string()), None, None, None),
            Value::Mapping(m) => (
                m.get("src")
                    .and_then(yaml::scalar_text)
                    .map(|s| s.trim().to_string()),
                m.get("alt")
                    .and_then(yaml::scalar_text)
                    .map(|s| s.trim().to_string()),
                m.get("caption")
                    .and_then(yaml::scalar_text)
                    .map(|s| s.trim().to_string()),
                Some(m),
            ),
            other => {
                push(
                    Diagnostic::error(
                        &file.display,
                        format!(
                            "picture {number} of `images` must be fields like `src:` and `alt:`, found {}",
                            yaml::kind(other)
                        ),
                    )
                    .field("images"),
                    here(None),
                );
                continue;
            }
        };
        let at = src
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(|s| loc.token(&["images"], s));
        if let Some(m) = map {
            for key in m.keys() {
                let name = yaml::scalar_text(key).unwrap_or_default();
                if PICTURE_KEYS.contains(&name.as_str()) {
                    continue;
                }
                let mut d = Diagnostic::error(
                    &file.display,
                    format!("unknown field `{name}` in picture {number} of `images`"),
                )
                .field(format!("images.{name}"))
                .allowed(PICTURE_KEYS.join(", "));
                if let Some(best) = did_you_mean(&name, PICTURE_KEYS.iter().copied()) {
                    d = d.help(format!("did you mean `{best}`?"));
                }
                push(d, here(loc.token(&["images"], &name)));
            }
        }
        let Some(src) = src.filter(|s| !s.is_empty()) else {
            push(
                Diagnostic::error(
                    &file.display,
                    format!("picture {number} of `images` has no `src`"),
                )
                .field("images.src")
                .help("give the picture's path under static/, e.g. `src: images/wall-angels-start.svg`"),
                here(None),
            );
            continue;
        };
        let Some(alt) = alt.filter(|s| !s.is_empty()) else {
            push(
                Diagnostic::error(
                    &file.display,
                    format!("picture `{src}` has no `alt` text"),
                )
                .field("images.alt")
                .help("add `alt:` under its `src:`: a few words saying what the picture shows, for patients who use screen readers"),
                here(at),
            );
            continue;
        };
        out.push(Picture {
            src,
            alt,
            caption: caption.unwrap_or_default(),
        });
    }
    out
}
