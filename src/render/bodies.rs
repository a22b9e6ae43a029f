//! The Markdown bodies of a site's pages, as the templates get them.

use crate::markdown::Rendered;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Every rendered body by source index. In a build (no `serve` cache that
/// keeps the bodies for the next build) each page's HTML is handed to its
/// one page instead of copied, so a big site lets go of its bodies as its
/// pages are written.
pub(crate) struct Bodies {
    all: HashMap<usize, Arc<Rendered>>,
    /// The HTML taken out of `all`, for the one page that shows it.
    once: HashMap<usize, Mutex<Option<String>>>,
}

impl Bodies {
    /// The bodies of `all`; with `hand_over`, each HTML no one else holds
    /// goes to its page once (`html`).
    pub(crate) fn new(mut all: HashMap<usize, Arc<Rendered>>, hand_over: bool) -> Bodies {
        let mut once = HashMap::new();
        if hand_over {
            for (src, body) in all.iter_mut() {
                if let Some(body) = Arc::get_mut(body) {
                    once.insert(*src, Mutex::new(Some(std::mem::take(&mut body.html))));
                }
            }
        }
        Bodies { all, once }
    }

    /// The HTML of the body of content file `src` (every content page has
    /// one), for the page of that file. Each file has one page; a second
    /// call for a handed-over body is a mistake in handout, and gets a
    /// marked empty body rather than a panic.
    pub(crate) fn html(&self, src: usize) -> String {
        match self.once.get(&src) {
            Some(slot) => crate::sync::lock(slot).take().unwrap_or_else(|| {
                debug_assert!(false, "the body of file {src} was asked for twice");
                "<!-- body already written -->".to_string()
            }),
            None => self
                .all
                .get(&src)
                .map(|b| b.html.clone())
                .unwrap_or_default(),
        }
    }
}

impl std::ops::Deref for Bodies {
    type Target = HashMap<usize, Arc<Rendered>>;

    fn deref(&self) -> &Self::Target {
        &self.all
    }
}
