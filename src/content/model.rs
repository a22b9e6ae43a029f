//! The typed content model: what an exercise, routine, guide and home page
//! are once their front-matter has been read.

use super::dosage::{Dosage, Frequency};
use super::load::SourceFile;
use serde::Serialize;

/// One exercise page.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// Index of its file in `Content::files`.
    pub src: usize,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub region: Vec<String>,
    pub equipment: Vec<String>,
    pub category: String,
    pub position: String,
    pub dosage: Dosage,
    pub cautions: Vec<String>,
    pub progression: Vec<String>,
    pub regression: Vec<String>,
    pub related: Vec<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub video: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
}

/// What a routine is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Goal {
    Mobility,
    Stability,
    Mixed,
}

impl Goal {
    /// Patient wording of the goal.
    pub fn label(self) -> &'static str {
        match self {
            Goal::Mobility => "Loosen up (mobility)",
            Goal::Stability => "Get stronger (stability)",
            Goal::Mixed => "Loosen up and get stronger",
        }
    }
}

/// One exercise as used in a routine, with optional overrides.
#[derive(Debug, Clone)]
pub struct RoutineItem {
    pub exercise: String,
    /// Only the fields the routine overrides are set.
    pub dosage: Dosage,
    pub note: Option<String>,
}

/// A named group of exercises in a routine (e.g. "Warm-up").
#[derive(Debug, Clone)]
pub struct RoutineSection {
    pub name: String,
    pub items: Vec<RoutineItem>,
}

/// One routine page.
#[derive(Debug, Clone)]
pub struct Routine {
    pub src: usize,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub goal: Goal,
    pub frequency: Option<Frequency>,
    pub sections: Vec<RoutineSection>,
    pub cautions: Vec<String>,
    /// Warning signs its sheet adds to the clinic's.
    pub red_flags: Vec<String>,
    pub tags: Vec<String>,
    pub draft: bool,
}

impl Routine {
    /// Every item in order, across sections.
    pub fn items(&self) -> impl Iterator<Item = &RoutineItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}

/// A free page (FAQ, when to seek help …).
#[derive(Debug, Clone)]
pub struct Guide {
    pub src: usize,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub order: i64,
    pub draft: bool,
}

/// The optional `content/index.md`.
#[derive(Debug, Clone, Default)]
pub struct Home {
    pub src: Option<usize>,
    pub title: Option<String>,
    pub summary: String,
}

/// Everything read from `content/`, typed, before cross-linking.
#[derive(Debug, Default)]
pub struct Content {
    pub files: Vec<std::sync::Arc<SourceFile>>,
    pub exercises: Vec<Exercise>,
    pub routines: Vec<Routine>,
    pub guides: Vec<Guide>,
    pub home: Home,
}
