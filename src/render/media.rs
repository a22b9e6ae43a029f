//! What pages show of an exercise's pictures and video: each picture with
//! its size (read from the file, so the page keeps its room while it
//! loads), and the video as a player, a click-to-load preview or a link.

use super::views::{PictureView, VideoView};
use crate::model::media::Video;
use crate::model::Exercise;
use crate::theme::Theme;

/// The exercise's pictures in order: the one of `image:`, then `images:`.
pub(super) fn pictures(theme: &Theme, e: &Exercise) -> Vec<PictureView> {
    listed(e)
        .map(|(src, alt, caption)| {
            let src = src.to_string();
            let size = theme.picture_size(&src);
            PictureView {
                width: size.map(|s| s.width),
                height: size.map(|s| s.height),
                src,
                alt: alt.to_string(),
                caption: caption.to_string(),
            }
        })
        .collect()
}

/// An exercise's pictures as (path under static/, alt text, caption): the
/// older single `image` first, then `images`.
fn listed(e: &Exercise) -> impl Iterator<Item = (&str, &str, &str)> {
    let legacy = e
        .image
        .as_ref()
        .map(|src| (src.as_str(), e.image_alt.as_deref().unwrap_or(""), ""));
    legacy
        .into_iter()
        .chain(
            e.images
                .iter()
                .map(|p| (p.src.as_str(), p.alt.as_str(), p.caption.as_str())),
        )
        .map(|(src, alt, caption)| (src.trim_start_matches('/'), alt, caption))
}

/// The picture files `pictures` reads sizes from, with their length and
/// time of change, so that `serve` notices a picture replaced on disk.
pub(crate) fn stamps(theme: &Theme, e: &Exercise) -> Vec<crate::render::memo::PictureStamp> {
    listed(e)
        .map(|(src, _, _)| {
            let stamp = match theme.statics.get(src) {
                Some(crate::theme::StaticSource::Disk(file)) => std::fs::metadata(file)
                    .ok()
                    .map(|m| (m.len(), m.modified().ok())),
                _ => None,
            };
            (src.to_string(), stamp)
        })
        .collect()
}

/// How the page shows the exercise's video, if it has one.
pub(super) fn video(e: &Exercise) -> Option<VideoView> {
    let video = e.video.as_deref()?;
    let view = |kind: &'static str, src: String, local: bool| VideoView {
        kind,
        src,
        local,
        embed: String::new(),
        provider: "",
    };
    Some(match Video::of(video) {
        Video::File(path) => view("file", path, true),
        Video::RemoteFile(url) => view("file", url, false),
        Video::Page(url) => view("link", url, false),
        Video::Hosted {
            url,
            embed,
            provider,
        } => VideoView {
            embed,
            provider,
            ..view("embed", url, false)
        },
    })
}
