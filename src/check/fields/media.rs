//! Checks of an exercise's pictures and video: every file exists under
//! `static/`, every picture has its description (alt text) and a size that
//! pages can reserve, and a video is a file of a known kind or a web address.

use super::{at, locate};
use crate::diag::Diagnostic;
use crate::model::media::{has_video_ending, Video, VIDEO_FILES};
use crate::model::{Content, Exercise};
use crate::theme::Theme;

const UNDER_STATIC: &str =
    "a path under static/, e.g. `images/wall-angels.svg` for static/images/wall-angels.svg";

/// The file under static/ that `path` names, if it is there.
fn static_file<'a>(theme: &Theme, path: &'a str) -> Option<&'a str> {
    let clean = path.trim_start_matches('/');
    (!clean.split('/').any(|p| p == "..") && theme.has_static(clean)).then_some(clean)
}

pub(super) fn check_media(
    content: &Content,
    ex: &Exercise,
    theme: &Theme,
    diags: &mut Vec<Diagnostic>,
) {
    // Found only for a problem: finding a field's line costs a pass over the file.
    let loc = || locate(content, ex.src).0;
    let f = &content.files[ex.src];
    let (display, text) = (f.display.as_str(), f.text.as_str());
    let unreadable = |src: &str| {
        Diagnostic::warning(display, format!("the size of picture `{src}` cannot be read"))
            .kind("picture_without_size")
            .help("use an SVG with `width` and `height` or a `viewBox`, or a PNG, JPEG, GIF or WebP file; without a size the page jumps as the picture loads")
    };
    if let Some(image) = &ex.image {
        match static_file(theme, image) {
            None => diags.push(at(
                Diagnostic::error(display, format!("image `{image}` was not found"))
                    .field("image")
                    .allowed(UNDER_STATIC),
                loc().value(&["image"]),
                text,
            )),
            Some(clean) if theme.picture_size(clean).is_none() => diags.push(at(
                unreadable(image).field("image"),
                loc().value(&["image"]),
                text,
            )),
            Some(_) => {}
        }
        if ex.image_alt.as_deref().unwrap_or("").is_empty() {
            diags.push(at(
                Diagnostic::warning(display, "image has no `image_alt` text")
                    .field("image_alt")
                    .kind("image_without_alt")
                    .help(
                        "describe the picture in a few words for patients who use screen readers",
                    ),
                loc().key(&["image"]),
                text,
            ));
        }
        if !ex.images.is_empty() {
            diags.push(at(
                Diagnostic::error(display, "both `image` and `images` are given")
                    .field("image")
                    .help("move `image` and its `image_alt` into the `images` list as `- src: …` with `alt: …`"),
                loc().key(&["image"]),
                text,
            ));
        }
    }
    for picture in &ex.images {
        let pos = || loc().token(&["images"], &picture.src);
        match static_file(theme, &picture.src) {
            None => diags.push(at(
                Diagnostic::error(display, format!("picture `{}` was not found", picture.src))
                    .field("images.src")
                    .allowed(UNDER_STATIC),
                pos(),
                text,
            )),
            Some(clean) if theme.picture_size(clean).is_none() => diags.push(at(
                unreadable(&picture.src).field("images.src"),
                pos(),
                text,
            )),
            Some(_) => {}
        }
    }
    if let Some(video) = &ex.video {
        if let Video::File(path) = Video::of(video) {
            let problem = if !has_video_ending(&path) {
                Some(format!(
                    "video `{video}` is neither a web address nor a video file"
                ))
            } else if static_file(theme, &path).is_none() {
                Some(format!("video `{video}` was not found"))
            } else {
                None
            };
            if let Some(message) = problem {
                diags.push(at(
                    Diagnostic::error(display, message)
                        .field("video")
                        .allowed(format!(
                            "an address starting with https:// or http://, or a video file under static/ ({}), e.g. `videos/wall-angels.mp4`",
                            VIDEO_FILES.join(", ")
                        )),
                    loc().value(&["video"]),
                    text,
                ));
            }
        }
    }
}
