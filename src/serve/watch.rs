//! Watches a site's sources (content/, templates/, static/, handout.toml)
//! with native events through notify's debouncer or, for file systems
//! where those are unreliable, by polling. A source folder that is moved
//! away, deleted or created again (a branch switch, a restore from backup)
//! is watched again as soon as it is back.
//!
//! Polling is our own: notify's poller compares modification times in
//! whole seconds, so a second save within the same second would be missed.

use super::Report;
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer_opt, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime};

/// An event is reported once no event came for its path for this long.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the debouncer looks for events that are due.
const TICK: Duration = Duration::from_micros(2500);
/// How often `--poll` looks at the files.
const POLL_EVERY: Duration = Duration::from_millis(250);
/// The folders under the site root that hold sources.
const SOURCE_DIRS: [&str; 4] = ["content", "templates", "static", "i18n"];

/// The debounced native watcher; `None` when polling.
type Backend = Option<Debouncer<RecommendedWatcher, RecommendedCache>>;

/// A running watch over one site.
pub(crate) struct Watch {
    root: PathBuf,
    backend: Backend,
    events: Receiver<DebounceEventResult>,
    /// The source folders watched now.
    watched: BTreeSet<PathBuf>,
}

/// One burst of changes.
struct Burst {
    /// Changed sources, relative to the root.
    changed: BTreeSet<String>,
    /// Source folders that appeared, vanished or were renamed.
    moved: BTreeSet<PathBuf>,
    /// The watcher lost events and everything must be read again.
    rescan: bool,
}

impl Watch {
    /// Starts watching `root`. `poll` compares file times and sizes every
    /// quarter second instead of using native events.
    pub(crate) fn start(root: &Path, poll: bool, report: &dyn Report) -> notify::Result<Watch> {
        let (tx, events) = channel();
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let mut watch = Watch {
            root: root.clone(),
            backend: None,
            events,
            watched: BTreeSet::new(),
        };
        if poll {
            let first = stat_sources(&root);
            std::thread::spawn(move || poll_loop(&root, first, &tx));
            return Ok(watch);
        }
        let config = notify::Config::default();
        let cache = RecommendedCache::default();
        let mut debouncer = new_debouncer_opt(DEBOUNCE, Some(TICK), tx, cache, config)?;
        // The root itself, not recursively: handout.toml, and source
        // folders that are created, moved or deleted.
        debouncer.watch(&root, RecursiveMode::NonRecursive)?;
        watch.backend = Some(debouncer);
        watch.watch_source_dirs(&BTreeSet::new(), report);
        Ok(watch)
    }

    /// Watches each source folder that exists and is not watched yet, and
    /// watches anew those in `moved` (the old watch went with the folder).
    fn watch_source_dirs(&mut self, moved: &BTreeSet<PathBuf>, report: &dyn Report) {
        let Some(backend) = self.backend.as_mut() else {
            return;
        };
        for dir in SOURCE_DIRS {
            let path = self.root.join(dir);
            if moved.contains(&path) && self.watched.remove(&path) {
                // Usually gone with the folder already: nothing to undo then.
                let _ = backend.unwatch(&path);
            }
            if path.is_dir() && !self.watched.contains(&path) {
                match backend.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(path);
                    }
                    Err(e) => report.warning(&format!("cannot watch {}: {e}", path.display())),
                }
            }
        }
    }

    /// Waits for the next burst of relevant changes and returns the changed
    /// paths, relative to the root (empty when everything must be read
    /// again). `None` when watching has stopped.
    pub(crate) fn next_change(&mut self, report: &dyn Report) -> Option<Vec<String>> {
        loop {
            let mut burst = Burst {
                changed: BTreeSet::new(),
                moved: BTreeSet::new(),
                rescan: false,
            };
            let first = self.events.recv().ok()?;
            self.collect(first, &mut burst, report);
            // Events of one save can fall on either side of a tick: take
            // what is due by the next one too.
            while let Ok(more) = self.events.recv_timeout(TICK * 2) {
                self.collect(more, &mut burst, report);
            }
            self.watch_source_dirs(&burst.moved, report);
            if burst.rescan {
                return Some(Vec::new());
            }
            if !burst.changed.is_empty() {
                return Some(burst.changed.into_iter().collect());
            }
        }
    }

    fn collect(&self, result: DebounceEventResult, burst: &mut Burst, report: &dyn Report) {
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    report.warning(&format!("watching files: {e}"));
                }
                return;
            }
        };
        for event in events {
            self.collect_one(&event, burst);
        }
    }

    fn collect_one(&self, event: &DebouncedEvent, burst: &mut Burst) {
        if event.need_rescan() {
            burst.rescan = true;
            return;
        }
        let kind = event.kind;
        if matches!(kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write)) {
            return;
        }
        let reshaped = matches!(
            kind,
            EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        ) || matches!(kind, EventKind::Any);
        for path in &event.paths {
            if reshaped
                && path.parent() == Some(self.root.as_path())
                && SOURCE_DIRS
                    .iter()
                    .any(|d| path.file_name() == Some(d.as_ref()))
            {
                burst.moved.insert(path.clone());
            }
            if let Some(rel) = relevant(&self.root, path) {
                burst.changed.insert(rel);
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

/// Compares the sources every `POLL_EVERY` and sends the changed paths as
/// one burst (a scan sees a whole burst at once: nothing to debounce).
fn poll_loop(root: &Path, mut last: Stats, tx: &Sender<DebounceEventResult>) {
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
        if !event.paths.is_empty()
            && tx
                .send(Ok(vec![DebouncedEvent::new(event, Instant::now())]))
                .is_err()
        {
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
