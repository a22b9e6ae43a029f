//! What fitting decides: the paper, and how each mode of a sheet prints.

use crate::sheet::height::Layout;
use crate::sheet::paginate::Pages;
use crate::sheet::style::Sizes;

/// A page size, mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub(crate) fn of(p: crate::config::Paper) -> Paper {
        match p {
            crate::config::Paper::A4 => Paper {
                width: 210.0,
                height: 297.0,
            },
            crate::config::Paper::Letter => Paper {
                width: 215.9,
                height: 279.4,
            },
        }
    }
}

/// How one mode of a sheet prints.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    pub layout: Layout,
    pub sizes: Sizes,
    /// Steps printed of each card (all of them unless compact).
    pub shown: Vec<usize>,
    pub pages: Pages,
    /// How many of each page's parts each column takes.
    pub columns: Vec<Vec<usize>>,
}

impl Plan {
    pub(crate) fn pages(&self) -> usize {
        self.pages.len()
    }
}

/// Both modes of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub regular: Plan,
    pub large: Plan,
}

/// The classes of a mode's element, which pick its sizes in `sheet.css`.
pub(crate) fn classes(l: &Layout, single: bool) -> Vec<&'static str> {
    crate::sheet::style::mode_classes(l.density, single)
}
