//! The languages of a handbook: which pages each one has, and where its
//! pages are written (the default language at the top of the site, each
//! other one under its code: `es/exercises/wall-angels.html`).

use super::routes::Route;
use crate::config::Config;
use crate::model::Content;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Every language of the site and the pages each has.
#[derive(Debug, Default)]
pub(crate) struct Languages {
    /// The codes, the default language first.
    pub(crate) codes: Vec<String>,
    /// For each language after the default one: the output paths (in the
    /// default language) of the pages it has a translation of.
    translated: Vec<HashSet<String>>,
    /// The output path of every page of the default language, by the
    /// content path it is made from (where links to pages a language does
    /// not have lead).
    pub(crate) originals: HashMap<String, String>,
    /// The output paths of `originals`.
    pages: HashSet<String>,
}

impl Languages {
    /// The languages of `config`, with the translations `content` has.
    pub(crate) fn new(config: &Config, content: &Content) -> Languages {
        let codes: Vec<String> = config
            .language_codes()
            .into_iter()
            .map(str::to_string)
            .collect();
        let originals: HashMap<String, String> = super::pages::sources(content)
            .into_iter()
            .map(|(src, route)| (content.files[src].rel.clone(), route.path()))
            .collect();
        let translated = codes[1..]
            .iter()
            .map(|code| {
                content
                    .translations
                    .iter()
                    .filter(|t| t.lang == *code)
                    .filter_map(|t| originals.get(&t.original).cloned())
                    .collect()
            })
            .collect();
        Languages {
            codes,
            translated,
            pages: originals.values().cloned().collect(),
            originals,
        }
    }

    /// True when language `lang` has the page at `route` (a sheet with its
    /// page; every page that is not made from a content file, the home
    /// page and the 404 page, are in every language).
    pub(crate) fn has(&self, lang: usize, route: Route) -> bool {
        let page = match route {
            Route::ExerciseSheet(s) => Route::Exercise(s),
            Route::RoutineSheet(s) => Route::Routine(s),
            Route::Exercise(_) | Route::Routine(_) | Route::Guide(_) => route,
            _ => return true,
        };
        lang == 0
            || self
                .translated
                .get(lang - 1)
                .is_some_and(|t| t.contains(&page.path()))
    }

    /// True when language `lang` has the page whose path in the default
    /// language is `path` (only pages made from content files may be missing).
    pub(crate) fn has_path(&self, lang: usize, path: &str) -> bool {
        lang == 0
            || !self.pages.contains(path)
            || self
                .translated
                .get(lang - 1)
                .is_some_and(|t| t.contains(path))
    }

    /// Where a reader of language `lang` goes from `route` when `lang`
    /// has no such page: the index of the same kind of page.
    pub(crate) fn nearest<'a>(&self, lang: usize, route: Route<'a>) -> Route<'a> {
        if self.has(lang, route) {
            return route;
        }
        match route {
            Route::Exercise(_) | Route::ExerciseSheet(_) => Route::Exercises,
            Route::Routine(_) | Route::RoutineSheet(_) => Route::Routines,
            _ => Route::Home,
        }
    }

    /// The pages of the default language that language `lang` has no
    /// translation of, by output path.
    pub(crate) fn missing(&self, lang: usize) -> Vec<&str> {
        let Some(have) = lang.checked_sub(1).and_then(|i| self.translated.get(i)) else {
            return Vec::new();
        };
        let mut out: Vec<&str> = self
            .originals
            .values()
            .map(String::as_str)
            .filter(|p| !have.contains(*p))
            .collect();
        out.sort_unstable();
        out
    }

    /// More than one language.
    pub(crate) fn many(&self) -> bool {
        self.codes.len() > 1
    }

    /// The folder of language `lang`'s pages: `""` for the default, `es/`.
    pub(crate) fn prefix(&self, lang: usize) -> String {
        match lang {
            0 => String::new(),
            _ => format!("{}/", self.codes[lang]),
        }
    }
}

/// The language a [`Site`](super::Site) is built in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Here {
    /// Its index in `all.codes`.
    pub(crate) index: usize,
    pub(crate) all: Arc<Languages>,
    /// How many of the content's exercises (the first ones) are pages in
    /// this language; the others only appear in its routines.
    pub(crate) listed: usize,
}

impl Here {
    /// The site of one language, for a site with one language.
    pub(crate) fn only(listed: usize) -> Here {
        Here {
            index: 0,
            all: Arc::new(Languages {
                codes: vec![String::new()],
                ..Languages::default()
            }),
            listed,
        }
    }

    /// The folder of this language's pages.
    pub(crate) fn prefix(&self) -> String {
        self.all.prefix(self.index)
    }
}
