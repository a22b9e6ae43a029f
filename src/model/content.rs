//! The typed content model: what an exercise, routine, guide and home page
//! are once their front-matter has been read.

use super::dosage::{Dosage, Frequency};
use super::ids::{ExerciseId, GuideId, RoutineId};
use super::taxonomy::Taxonomy;
use crate::source::load::SourceFile;

/// One exercise page.
#[derive(Debug, Clone)]
pub(crate) struct Exercise {
    /// Index of its file in `Content::files`.
    pub(crate) src: usize,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) region: Vec<String>,
    pub(crate) equipment: Vec<String>,
    pub(crate) category: String,
    pub(crate) position: String,
    pub(crate) dosage: Dosage,
    pub(crate) cautions: Vec<String>,
    pub(crate) progression: Vec<String>,
    pub(crate) regression: Vec<String>,
    pub(crate) related: Vec<String>,
    pub(crate) image: Option<String>,
    pub(crate) image_alt: Option<String>,
    /// The pictures of `images:` (the one of `image:` is not among them).
    pub(crate) images: Vec<super::media::Picture>,
    pub(crate) video: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) draft: bool,
}

impl Exercise {
    /// Its terms of one vocabulary (one for category and position).
    pub(crate) fn terms(&self, t: Taxonomy) -> &[String] {
        match t {
            Taxonomy::Region => &self.region,
            Taxonomy::Equipment => &self.equipment,
            Taxonomy::Category => std::slice::from_ref(&self.category),
            Taxonomy::Position => std::slice::from_ref(&self.position),
        }
    }
}

/// One exercise as used in a routine, with optional overrides.
#[derive(Debug, Clone)]
pub(crate) struct RoutineItem {
    pub(crate) exercise: String,
    /// Only the fields the routine overrides are set.
    pub(crate) dosage: Dosage,
    pub(crate) note: Option<String>,
}

/// A named group of exercises in a routine (e.g. "Warm-up").
#[derive(Debug, Clone)]
pub(crate) struct RoutineSection {
    pub(crate) name: String,
    pub(crate) items: Vec<RoutineItem>,
}

/// One routine page.
#[derive(Debug, Clone)]
pub(crate) struct Routine {
    pub(crate) src: usize,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    /// A term of the goal vocabulary.
    pub(crate) goal: String,
    pub(crate) frequency: Option<Frequency>,
    pub(crate) sections: Vec<RoutineSection>,
    pub(crate) cautions: Vec<String>,
    /// Warning signs its sheet adds to the clinic's.
    pub(crate) red_flags: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) draft: bool,
}

impl Routine {
    /// Every item in order, across sections.
    pub(crate) fn items(&self) -> impl Iterator<Item = &RoutineItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}

/// A free page (FAQ, when to seek help …).
#[derive(Debug, Clone)]
pub(crate) struct Guide {
    pub(crate) src: usize,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) order: i64,
    /// `audience: staff`: built, but not listed where patients look.
    pub(crate) staff: bool,
    pub(crate) draft: bool,
}

/// The optional `content/index.md`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Home {
    pub(crate) src: Option<usize>,
    pub(crate) title: Option<String>,
    pub(crate) summary: String,
}

/// Everything read from `content/`, typed, before cross-linking.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) files: Vec<std::sync::Arc<SourceFile>>,
    pub(crate) exercises: Vec<Exercise>,
    pub(crate) routines: Vec<Routine>,
    pub(crate) guides: Vec<Guide>,
    pub(crate) home: Home,
    /// The pages in other languages, in file order.
    pub(crate) translations: Vec<super::translation::Translation>,
}

impl Content {
    /// Lets go of the text of every file no one else holds (`serve` keeps
    /// its files between builds, another language may share one), once the
    /// bodies are rendered: see [`SourceFile::release_text`].
    pub(crate) fn release_texts(&mut self) {
        for f in &mut self.files {
            if let Some(f) = std::sync::Arc::get_mut(f) {
                f.release_text();
            }
        }
    }

    /// The exercise `id` names.
    pub(crate) fn exercise(&self, id: ExerciseId) -> &Exercise {
        &self.exercises[id.index()]
    }

    /// The routine `id` names.
    pub(crate) fn routine(&self, id: RoutineId) -> &Routine {
        &self.routines[id.index()]
    }

    /// The guide `id` names.
    pub(crate) fn guide(&self, id: GuideId) -> &Guide {
        &self.guides[id.index()]
    }

    /// Every exercise with its id, in order.
    pub(crate) fn exercise_ids(&self) -> impl Iterator<Item = (ExerciseId, &Exercise)> {
        self.exercises
            .iter()
            .enumerate()
            .map(|(i, e)| (ExerciseId::new(i), e))
    }

    /// Every routine with its id, in order.
    pub(crate) fn routine_ids(&self) -> impl Iterator<Item = (RoutineId, &Routine)> {
        self.routines
            .iter()
            .enumerate()
            .map(|(i, r)| (RoutineId::new(i), r))
    }
}
