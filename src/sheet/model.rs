//! A sheet's texts as the fitter sees them: every text the templates print,
//! measured once (`text::Para`) in the face it prints in. Built from the
//! same strings the sheet view gives the templates.

use super::metrics::Style;
use super::text::Para;
use super::words::{Plural, Words};

/// The texts of one exercise on a sheet.
#[derive(Debug, Clone)]
pub(crate) struct CardModel {
    /// The number in its badge, e.g. "12".
    pub badge: Para,
    pub title: Para,
    /// "Wall angels (continued)", on a later page.
    pub continued: Para,
    /// "· Wall, Chair" after the dosage (or "Equipment: Wall", the title
    /// line of an exercise sheet).
    pub equipment: Para,
    /// The section name (a line of its own in large print).
    pub section: Para,
    pub dosage: Para,
    pub note: Para,
    /// Starting position (exercise sheets and large print).
    pub intro: Para,
    pub steps: Vec<Para>,
    /// Every caution the card may print, key caution first.
    pub cautions: Vec<Para>,
    pub image: bool,
    pub video: bool,
    /// The number of steps in words for the "all steps" code, and the video code.
    pub all_steps: Para,
    pub video_caption: Para,
}

/// The texts of a whole sheet.
#[derive(Debug, Clone)]
pub(crate) struct SheetModel {
    /// An exercise sheet: one card with everything.
    pub single: bool,
    /// A QR code to the page online (with an absolute `base_url`).
    pub qr: bool,
    pub logo: bool,
    /// The clinic's name (bold) and the rest of the clinic line.
    pub clinic: (Para, Para),
    pub title: Para,
    pub goal: Para,
    pub summary: Para,
    pub scan: Para,
    /// "Page 10 of 10", as wide as any page number gets.
    pub page_of: Para,
    /// A running head of a later page, as wide as any gets.
    pub runhead: Para,
    /// The routine's introduction (roomy layouts).
    pub intro: Para,
    /// "For this routine:" and the routine's cautions, if any.
    pub cautions: Option<(Para, Para)>,
    pub how_to: Para,
    /// The red-flag box: the call (bold), the list, the emergency advice (bold).
    pub red: (Para, Para, Para),
    pub footer: Para,
    /// "Take care:", "Starting position:".
    pub take_care: Para,
    pub starting: Para,
    pub cards: Vec<CardModel>,
    /// The "N more steps" wordings (page code, own code, no code).
    pub more: [Plural; 3],
}

/// Which "more steps" wording a card with steps left out prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum More {
    /// The QR code at the top of the sheet.
    Page = 0,
    /// The card's own QR code.
    Beside = 1,
    /// No QR codes (no absolute `base_url`).
    Online = 2,
}

impl SheetModel {
    /// The "N more steps" note of a card, measured.
    pub(crate) fn more(&self, kind: More, n: usize) -> Para {
        Para::new(&self.more[kind as usize].of(n), Style::Italic)
    }
}

/// Words of the sheet that every model needs.
pub(crate) fn labels(words: &Words) -> (Para, Para) {
    (
        Para::new(&words.take_care, Style::Bold),
        Para::new(&words.starting_position, Style::Bold),
    )
}
