//! The Markdown bodies of a site's pages, as the templates get them.

use crate::markdown::Rendered;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Every rendered body by source index. In a build (no `serve` cache that
/// keeps the bodies for the next build) what only one stage reads is
/// handed to it instead of copied, so a big site lets go of its bodies as
/// it goes: the plain text once search has read it, an exercise's steps to
/// its view, and each page's HTML to its one page.
pub(crate) struct Bodies {
    all: HashMap<usize, Arc<Rendered>>,
    /// Parts may be handed over (no `serve` cache keeps the bodies).
    hand_over: bool,
    /// The HTML taken out of `all`, for the one page that shows it.
    once: HashMap<usize, Mutex<Option<String>>>,
}

impl Bodies {
    /// The bodies of `all`; with `hand_over`, the parts of a body no one
    /// else holds may be handed over.
    pub(crate) fn new(all: HashMap<usize, Arc<Rendered>>, hand_over: bool) -> Bodies {
        Bodies {
            all,
            hand_over,
            once: HashMap::new(),
        }
    }

    /// Every body that may be handed over.
    fn own(&mut self) -> impl Iterator<Item = (usize, &mut Rendered)> {
        let hand_over = self.hand_over;
        self.all
            .iter_mut()
            .filter(move |_| hand_over)
            .filter_map(|(src, b)| Some((*src, Arc::get_mut(b)?)))
    }

    /// The steps and starting position of body `src`, taken out of it, if
    /// it may be handed over (for its exercise's view).
    pub(crate) fn take_steps(&mut self, src: usize) -> Option<(Vec<String>, String)> {
        let b = self.all.get_mut(&src).filter(|_| self.hand_over)?;
        let b = Arc::get_mut(b)?;
        Some((std::mem::take(&mut b.steps), std::mem::take(&mut b.intro)))
    }

    /// Lets go of the plain text (read by search only) of what may be
    /// handed over.
    pub(crate) fn forget_text(&mut self) {
        for (_, b) in self.own() {
            b.text = String::new();
        }
    }

    /// From now on, each page's HTML goes to that page once (`html`).
    pub(crate) fn hand_over_html(&mut self) {
        let taken: Vec<(usize, String)> = self
            .own()
            .map(|(src, b)| (src, std::mem::take(&mut b.html)))
            .collect();
        self.once = taken
            .into_iter()
            .map(|(src, html)| (src, Mutex::new(Some(html))))
            .collect();
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
