//! Small serializable view structs: exactly what templates see. Built once
//! per exercise/routine and shared by every page that shows them.

use serde::Serialize;

/// Site-wide values every template gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) language: String,
    pub(crate) base_url: String,
    pub(crate) absolute_base_url: bool,
    pub(crate) paper: String,
    pub(crate) clinic: crate::config::Clinic,
    /// Vocabularies with counts, for navigation by region/equipment/… (small, fixed size).
    pub(crate) taxonomies: Vec<TaxonomyView>,
    pub(crate) guides: Vec<LinkView>,
}

/// A link with a title (and an optional one-line summary).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LinkView {
    pub(crate) title: String,
    /// Site-relative URL, e.g. `exercises/wall-angels.html`; templates prefix `root`.
    pub(crate) url: String,
    pub(crate) summary: String,
}

/// One vocabulary term as a link.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct TermView {
    pub(crate) term: String,
    pub(crate) label: String,
    pub(crate) url: String,
    pub(crate) count: usize,
}

/// One vocabulary with its terms.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TaxonomyView {
    /// `region`, `equipment`, `category` or `position`.
    pub(crate) name: String,
    /// Heading for people, e.g. "Body region".
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) terms: Vec<TermView>,
    /// Term → its place in `terms` (so finding one costs the same with
    /// ten terms or ten thousand).
    #[serde(skip)]
    pub(crate) index: std::collections::HashMap<String, usize>,
}

/// An exercise as shown on its page, in lists, on sheets and in routines.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExerciseView {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) url: String,
    pub(crate) sheet_url: String,
    /// The patient wording of the dosage.
    pub(crate) dosage: String,
    pub(crate) region: Vec<TermView>,
    pub(crate) equipment: Vec<TermView>,
    pub(crate) category: TermView,
    pub(crate) position: TermView,
    pub(crate) cautions: Vec<String>,
    /// The first caution (the one a sheet prints), empty when none.
    pub(crate) key_caution: String,
    /// Inner HTML of each numbered step.
    pub(crate) steps: Vec<String>,
    /// HTML of the starting-position paragraph.
    pub(crate) intro: String,
    /// Site-relative URL of the first picture, if any.
    pub(crate) image: Option<String>,
    pub(crate) image_alt: String,
    /// Every picture, in order (the first is `image`).
    pub(crate) images: Vec<PictureView>,
    /// The `video:` field as written (a web address or a path under static/).
    pub(crate) video: Option<String>,
    /// How the page shows the video.
    pub(crate) video_player: Option<VideoView>,
    pub(crate) tags: Vec<String>,
}

/// One exercise inside a routine, with the routine's overrides applied.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoutineItemView {
    pub(crate) number: usize,
    /// Shared with `Views::exercises` (every routine lists whole exercises).
    pub(crate) exercise: std::sync::Arc<ExerciseView>,
    /// Dosage after the routine's overrides.
    pub(crate) dosage: String,
    pub(crate) note: String,
}

/// A named part of a routine.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoutineSectionView {
    pub(crate) name: String,
    pub(crate) items: Vec<RoutineItemView>,
}

/// A routine as shown on its page and sheet.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoutineView {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) url: String,
    pub(crate) sheet_url: String,
    /// The sheet in large print: the same file, at `#large`.
    pub(crate) large_sheet_url: String,
    pub(crate) goal: String,
    pub(crate) goal_label: String,
    pub(crate) frequency: String,
    pub(crate) cautions: Vec<String>,
    /// Warning signs the routine's sheet adds to the clinic's.
    pub(crate) red_flags: Vec<String>,
    pub(crate) sections: Vec<RoutineSectionView>,
    pub(crate) exercise_count: usize,
}

/// One picture of an exercise, with its size when it could be read.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PictureView {
    /// Site-relative URL; templates prefix `root`.
    pub(crate) src: String,
    pub(crate) alt: String,
    pub(crate) caption: String,
    pub(crate) width: Option<u32>,
    pub(crate) height: Option<u32>,
}

/// An exercise's video as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct VideoView {
    /// `file` (a `<video>` player), `embed` (a YouTube or Vimeo preview that
    /// loads the player only when pressed) or `link`.
    pub(crate) kind: &'static str,
    /// The video: site-relative when `local`, else its web address.
    pub(crate) src: String,
    pub(crate) local: bool,
    /// The player's address, for `embed`.
    pub(crate) embed: String,
    /// The site the player comes from ("YouTube", "Vimeo"), for `embed`.
    pub(crate) provider: &'static str,
}
