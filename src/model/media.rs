//! An exercise's pictures and video.
//!
//! Pictures come from the one-picture fields `image` + `image_alt` or from a
//! list, `images: [{src, alt, caption}]` (e.g. a start and an end position,
//! each with its own description). A video is a file under `static/` or a
//! web address; YouTube and Vimeo addresses are recognised so that pages can
//! show them without loading anything from those sites until asked.

/// File endings a video file under `static/` may have.
pub(crate) const VIDEO_FILES: &[&str] = &["mp4", "webm", "ogv", "m4v", "mov"];

/// One picture of an exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Picture {
    /// Path under `static/`, e.g. `images/cat-cow-start.svg`.
    pub(crate) src: String,
    /// What the picture shows, for people who cannot see it.
    pub(crate) alt: String,
    /// A short caption shown under it (may be empty).
    pub(crate) caption: String,
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
