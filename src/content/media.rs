//! An exercise's pictures and video, as written in its front-matter.
//!
//! Pictures come from the one-picture fields `image` + `image_alt` or from a
//! list, `images: [{src, alt, caption}]` (e.g. a start and an end position,
//! each with its own description). A video is a file under `static/` or a
//! web address; YouTube and Vimeo addresses are recognised so that pages can
//! show them without loading anything from those sites until asked.

use super::load::SourceFile;
use super::locate::{Locator, Pos};
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::yaml::{self, Value};

/// The fields of one entry of `images:`.
pub(crate) const PICTURE_KEYS: &[&str] = &["src", "alt", "caption"];

/// File endings a video file under `static/` may have.
pub(crate) const VIDEO_FILES: &[&str] = &["mp4", "webm", "ogv", "m4v", "mov"];

/// One picture of an exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Path under `static/`, e.g. `images/cat-cow-start.svg`.
    pub src: String,
    /// What the picture shows, for people who cannot see it.
    pub alt: String,
    /// A short caption shown under it (may be empty).
    pub caption: String,
}

/// Where an exercise's video comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Video {
    /// A file under `static/` (the path as written, without a leading `/`).
    File(String),
    /// A video file elsewhere on the web (`https://…/x.mp4`).
    RemoteFile(String),
    /// A YouTube or Vimeo video: its address, the player to embed, the site.
    Hosted {
        url: String,
        embed: String,
        provider: &'static str,
    },
    /// Any other web page.
    Page(String),
}

impl Video {
    /// Reads the `video:` field as written.
    pub(crate) fn of(video: &str) -> Video {
        let v = video.trim();
        if !(v.starts_with("https://") || v.starts_with("http://")) {
            return Video::File(v.trim_start_matches('/').to_string());
        }
        if let Some((embed, provider)) = hosted_player(v) {
            return Video::Hosted {
                url: v.to_string(),
                embed,
                provider,
            };
        }
        if has_video_ending(v) {
            Video::RemoteFile(v.to_string())
        } else {
            Video::Page(v.to_string())
        }
    }
}

/// True when the address or path ends in a video file ending.
pub(crate) fn has_video_ending(path: &str) -> bool {
    let clean = path.split(['?', '#']).next().unwrap_or("");
    let last = clean.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(_, ext)| {
        VIDEO_FILES
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}

/// The privacy-friendly player address of a YouTube or Vimeo video, and the
/// site's name; `None` for other addresses.
fn hosted_player(url: &str) -> Option<(String, &'static str)> {
    let rest = url.split_once("://")?.1;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or("");
    let id_ok = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    match host {
        "youtube.com" | "youtube-nocookie.com" => {
            let id = if path == "watch" {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("v="))
                    .unwrap_or("")
            } else {
                ["embed/", "shorts/", "live/", "v/"]
                    .iter()
                    .find_map(|p| path.strip_prefix(p))
                    .map_or("", |id| id.split('/').next().unwrap_or(""))
            };
            id_ok(id).then(|| {
                (
                    format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
                    "YouTube",
                )
            })
        }
        "youtu.be" => {
            let id = path.split('/').next().unwrap_or("");
            id_ok(id).then(|| {
                (
                    format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
                    "YouTube",
                )
            })
        }
        "vimeo.com" | "player.vimeo.com" => {
            let id = path
                .split('/')
                .rfind(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))?;
            Some((
                format!("https://player.vimeo.com/video/{id}?autoplay=1&dnt=1"),
                "Vimeo",
            ))
        }
        _ => None,
    }
}

/// Reads `images:`: a list of `{src, alt, caption}`. Every problem (not a
/// list, an entry without `src` or `alt`, an unknown field) is reported at
/// its line; entries with problems are left out.
pub(crate) fn pictures(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn videos_by_kind() {
        let hosted = |url: &str| match Video::of(url) {
            Video::Hosted {
                embed, provider, ..
            } => Some((embed, provider)),
            _ => None,
        };
        let yt = Some((
            "https://www.youtube-nocookie.com/embed/abc_DEF-12?autoplay=1".to_string(),
            "YouTube",
        ));
        assert_eq!(hosted("https://www.youtube.com/watch?v=abc_DEF-12"), yt);
        assert_eq!(
            hosted("https://www.youtube.com/watch?feature=share&v=abc_DEF-12&t=3"),
            yt
        );
        assert_eq!(hosted("https://youtu.be/abc_DEF-12?t=10"), yt);
        assert_eq!(hosted("https://m.youtube.com/shorts/abc_DEF-12"), yt);
        assert_eq!(hosted("https://www.youtube.com/embed/abc_DEF-12"), yt);
        assert_eq!(
            hosted("https://vimeo.com/76979871"),
            Some((
                "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1".to_string(),
                "Vimeo"
            ))
        );
        assert!(hosted("https://player.vimeo.com/video/76979871").is_some());
        assert_eq!(hosted("https://www.youtube.com/watch?v=<script>"), None);
        assert_eq!(hosted("https://www.youtube.com/channel/x"), None);
        assert_eq!(
            Video::of("videos/cat-cow.mp4"),
            Video::File("videos/cat-cow.mp4".into())
        );
        assert_eq!(
            Video::of("/videos/cat-cow.mp4"),
            Video::File("videos/cat-cow.mp4".into())
        );
        assert!(matches!(
            Video::of("https://clinic.example/v/cat-cow.WEBM?x=1"),
            Video::RemoteFile(_)
        ));
        assert!(matches!(
            Video::of("https://clinic.example/videos/"),
            Video::Page(_)
        ));
        assert!(has_video_ending("a/b.mp4"));
        assert!(!has_video_ending("a/b.mp4.txt"));
        assert!(!has_video_ending("mp4"));
    }
}
