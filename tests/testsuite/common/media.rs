//! A site with pictures and videos for the tests of exercise pages.

use super::{copy_dir, fixture, read, repo, run, stderr};
use std::fs;
use std::path::{Path, PathBuf};

/// Replaces `from` with `to` in a file of the site (which must contain it).
pub fn edit(site: &Path, rel: &str, from: &str, to: &str) {
    let path = site.join(rel);
    let text = read(&path);
    assert!(text.contains(from), "{rel} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The basic fixture with the media files (a PNG photo, a WebM video) and
/// an exercise with two pictures, one local video and one YouTube video.
pub fn media_site() -> tempfile::TempDir {
    let site = fixture("basic");
    copy_dir(&repo().join("tests/fixtures/media"), site.path());
    edit(
        site.path(),
        "content/exercises/prone-w.md",
        "related: [scapular-squeeze]\n",
        "related: [scapular-squeeze]\n\
         images:\n  \
           - src: images/wall-angels.svg\n    \
             alt: Lying face down, arms in a W.\n    \
             caption: Start\n  \
           - src: images/wide-photo.png\n    \
             alt: Chest and arms lifted a little.\n\
         video: https://www.youtube.com/watch?v=abcDEF12345\n",
    );
    edit(
        site.path(),
        "content/exercises/scapular-squeeze.md",
        "---\n",
        "---\nvideo: videos/moving-dot.webm\n",
    );
    site
}

/// Builds the site in `dir` (which must succeed) and returns its output folder.
pub fn build_ok(dir: &Path) -> PathBuf {
    let o = run(dir, &["build"]);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    dir.join("public")
}
