//! Small serializable view structs: exactly what templates see. Built once
//! per exercise/routine and shared by every page that shows them.

use serde::Serialize;

/// Site-wide values every template gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    pub base_url: String,
    pub absolute_base_url: bool,
    pub paper: String,
    pub clinic: crate::config::Clinic,
    /// Vocabularies with counts, for navigation by region/equipment/… (small, fixed size).
    pub taxonomies: Vec<TaxonomyView>,
    pub guides: Vec<LinkView>,
}

/// A link with a title (and an optional one-line summary).
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    /// Site-relative URL, e.g. `exercises/wall-angels.html`; templates prefix `root`.
    pub url: String,
    pub summary: String,
}

/// One vocabulary term as a link.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TermView {
    pub term: String,
    pub label: String,
    pub url: String,
    pub count: usize,
}

/// One vocabulary with its terms.
#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyView {
    /// `region`, `equipment`, `category` or `position`.
    pub name: String,
    /// Heading for people, e.g. "Body region".
    pub title: String,
    pub url: String,
    pub terms: Vec<TermView>,
}

/// An exercise as shown on its page, in lists, on sheets and in routines.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub sheet_url: String,
    /// The patient wording of the dosage.
    pub dosage: String,
    pub region: Vec<TermView>,
    pub equipment: Vec<TermView>,
    pub category: TermView,
    pub position: TermView,
    pub cautions: Vec<String>,
    /// The first caution (the one a sheet prints), empty when none.
    pub key_caution: String,
    /// Inner HTML of each numbered step.
    pub steps: Vec<String>,
    /// HTML of the starting-position paragraph.
    pub intro: String,
    /// Site-relative URL of the image, if any.
    pub image: Option<String>,
    pub image_alt: String,
    pub video: Option<String>,
    pub tags: Vec<String>,
}

/// One exercise inside a routine, with the routine's overrides applied.
#[derive(Debug, Clone, Serialize)]
pub struct RoutineItemView {
    pub number: usize,
    /// Shared with `Views::exercises` (every routine lists whole exercises).
    pub exercise: std::sync::Arc<ExerciseView>,
    /// Dosage after the routine's overrides.
    pub dosage: String,
    pub note: String,
}

/// A named part of a routine.
#[derive(Debug, Clone, Serialize)]
pub struct RoutineSectionView {
    pub name: String,
    pub items: Vec<RoutineItemView>,
}

/// A routine as shown on its page and sheet.
#[derive(Debug, Clone, Serialize)]
pub struct RoutineView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub sheet_url: String,
    /// The sheet in large print: the same file, at `#large`.
    pub large_sheet_url: String,
    pub goal: String,
    pub goal_label: String,
    pub frequency: String,
    pub cautions: Vec<String>,
    /// Warning signs the routine's sheet adds to the clinic's.
    pub red_flags: Vec<String>,
    pub sections: Vec<RoutineSectionView>,
    pub exercise_count: usize,
}
