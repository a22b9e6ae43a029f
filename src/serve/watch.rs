//! Watches a site's sources (content/, templates/, static/, handout.toml)
//! and reports each burst of changes once (debounced), with native events
//! or, for filesystems where those are unreliable, by polling.

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// A burst is over when no event came for this long.
const QUIET: Duration = Duration::from_millis(15);
/// A burst is cut after this long even if events keep coming.
const MAX_BURST: Duration = Duration::from_millis(300);
/// How often `--poll` looks at the files.
const POLL_EVERY: Duration = Duration::from_millis(250);
/// The folders under the site root that hold sources.
const SOURCE_DIRS: [&str; 3] = ["content", "templates", "static"];

/// A running watch over one site.
pub struct Watch {
    root: PathBuf,
    /// The native watcher; `None` when polling.
    watcher: Option<notify::RecommendedWatcher>,
    events: Receiver<notify::Result<Event>>,
    watched: BTreeSet<PathBuf>,
}

impl Watch {
    /// Starts watching `root`. `poll` compares file times and sizes every
    /// quarter second instead of using native events.
    pub fn start(root: &Path, poll: bool) -> notify::Result<Watch> {
        let (tx, events) = channel();
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let mut watch = Watch {
            root: root.clone(),
            watcher: None,
            events,
            watched: BTreeSet::new(),
        };
        if poll {
            let first = stat_sources(&root);
            std::thread::spawn(move || poll_loop(&root, first, &tx));
        } else {
            let mut watcher = notify::recommended_watcher(tx)?;
            // The root itself, not recursively: handout.toml, and source
            // folders that are created later.
            watcher.watch(&root, RecursiveMode::NonRecursive)?;
            watch.watcher = Some(watcher);
            watch.watch_source_dirs();
        }
        Ok(watch)
    }

    /// Adds a recursive watch for each source folder that exists now.
    fn watch_source_dirs(&mut self) {
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        for dir in SOURCE_DIRS {
            let path = self.root.join(dir);
            if path.is_dir() && !self.watched.contains(&path) {
                match watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(path);
                    }
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", path.display()),
                }
            }
        }
    }

    /// Waits for the next burst of relevant changes and returns the changed
    /// paths, relative to the root. `None` when watching has stopped.
    pub fn next_change(&mut self) -> Option<Vec<String>> {
        let mut changed = BTreeSet::new();
        // Wait for a first relevant event.
        while changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.collect(event, &mut changed);
        }
        let started = Instant::now();
        while started.elapsed() < MAX_BURST {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.collect(event, &mut changed),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        self.watch_source_dirs();
        Some(changed.into_iter().collect())
    }

    fn collect(&self, event: notify::Result<Event>, changed: &mut BTreeSet<String>) {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                eprintln!("warning: watching files: {e}");
                return;
            }
        };
        if matches!(event.kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write)) {
            return;
        }
        for path in &event.paths {
            if let Some(rel) = relevant(&self.root, path) {
                changed.insert(rel);
            }
        }
    }
}

/// Modification time and size of every source file.
type Stats = HashMap<PathBuf, (Option<SystemTime>, u64)>;

fn stat_sources(root: &Path) -> Stats {
    let mut stats = Stats::new();
    let mut add = |path: &Path| {
        if let Ok(m) = std::fs::metadata(path) {
            stats.insert(path.to_path_buf(), (m.modified().ok(), m.len()));
        }
    };
    add(&root.join(crate::config::FILE));
    for dir in SOURCE_DIRS {
        for entry in walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                add(entry.path());
            }
        }
    }
    stats
}

/// Compares the sources every `POLL_EVERY` and sends the changed paths as one event.
fn poll_loop(root: &Path, mut last: Stats, tx: &Sender<notify::Result<Event>>) {
    loop {
        std::thread::sleep(POLL_EVERY);
        let now = stat_sources(root);
        let mut event = Event::new(EventKind::Any);
        for (path, stat) in &now {
            if last.get(path) != Some(stat) {
                event = event.add_path(path.clone());
            }
        }
        for path in last.keys().filter(|p| !now.contains_key(*p)) {
            event = event.add_path(path.clone());
        }
        if !event.paths.is_empty() && tx.send(Ok(event)).is_err() {
            return;
        }
        last = now;
    }
}

/// The root-relative path of a changed file when it is a source of the site
/// (and not an editor's swap or backup file).
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    if !(first == crate::config::FILE || SOURCE_DIRS.contains(&first)) {
        return None;
    }
    let name = rel.file_name()?.to_str()?;
    let scratch = name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || [".swp", ".swx", ".swpx"].iter().any(|s| name.ends_with(s));
    (!scratch).then(|| crate::paths::slash(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_are_relevant() {
        let root = Path::new("/site");
        let r = |p: &str| relevant(root, Path::new(p));
        assert_eq!(r("/site/handout.toml").as_deref(), Some("handout.toml"));
        assert_eq!(
            r("/site/content/exercises/x.md").as_deref(),
            Some("content/exercises/x.md")
        );
        assert_eq!(
            r("/site/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(r("/site/public/index.html"), None);
        assert_eq!(r("/site/content/exercises/.x.md.swp"), None);
        assert_eq!(r("/site/content/exercises/x.md~"), None);
        assert_eq!(r("/elsewhere/content/x.md"), None);
    }
}
