//! A page in another language: only the words a reader reads, over the
//! typed data of its original (`wall-angels.es.md` over `wall-angels.md`).

/// What a translation file gives; `None` (or empty) where it leaves the
/// original's words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Translation {
    /// Index of its file in `Content::files`.
    pub(crate) src: usize,
    pub(crate) lang: String,
    /// The original's path under `content/`, e.g. `exercises/wall-angels.md`.
    pub(crate) original: String,
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) cautions: Option<Vec<String>>,
    /// The alt text of an exercise's `image:`.
    pub(crate) image_alt: Option<String>,
    /// Alt text and caption of each picture of `images:`, in the original's order.
    pub(crate) images: Vec<PictureWords>,
    /// A video of its own in this language (a clinic's choice).
    pub(crate) video: Option<String>,
    /// The names of a routine's sections, in the original's order.
    pub(crate) sections: Vec<String>,
    /// A routine's notes, by exercise slug.
    pub(crate) notes: Vec<(String, String)>,
    /// A routine's own red flags.
    pub(crate) red_flags: Option<Vec<String>>,
}

/// The words of one picture.
#[derive(Debug, Clone, Default)]
pub(crate) struct PictureWords {
    pub(crate) alt: Option<String>,
    pub(crate) caption: Option<String>,
}
