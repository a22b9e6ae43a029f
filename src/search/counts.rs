//! A page's count of each stem and synonym group per field, and the small
//! form a page keeps of it.

use super::analyze::NF;

/// A stem or synonym group of a page, with its count per field.
#[derive(Debug, Clone)]
pub(crate) struct Counted<K> {
    pub(crate) key: K,
    pub(crate) counts: [u16; NF],
    /// A core match (`Field::core`): in a core field, but not only as part
    /// of a synonym phrase of a vocabulary label ("knees" in "On hands and
    /// knees" says how to kneel, not that the page is about knees).
    pub(crate) core: bool,
}

/// Marks a place in a page's synonym groups (not in its stems).
pub(crate) const GROUP: u32 = 1 << 31;

/// Marks a core match in an [`Entry`]'s key.
const CORE: u32 = 1 << 31;

/// A stem or synonym group of a page, kept small: its key (with the core
/// flag in the top bit) and a count per field up to 254; a page with a
/// bigger count keeps that entry's counts whole in `Analyzed::big`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    key: u32,
    pub(super) counts: [u8; NF],
}

impl Entry {
    pub(super) fn new(c: &Counted<u32>) -> Entry {
        Entry {
            key: c.key | if c.core { CORE } else { 0 },
            counts: c.counts.map(|n| n.min(u8::MAX as u16) as u8),
        }
    }

    /// The stem's text end in `Analyzed::text`, or the group's number.
    pub(crate) fn key(&self) -> u32 {
        self.key & !CORE
    }

    /// A core match (`Counted::core`).
    pub(crate) fn core(&self) -> bool {
        self.key & CORE != 0
    }

    /// Some count did not fit (it is in `Analyzed::big`).
    pub(super) fn big(&self) -> bool {
        self.counts.contains(&u8::MAX)
    }
}
