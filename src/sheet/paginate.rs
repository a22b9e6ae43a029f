//! Sheets of more than one page: the cards go onto pages in order, a row
//! of cards at a time, the first page under the header, each later one
//! under a running head (title, "Page N of M", phone), and the red-flag box
//! on the last page with at least one exercise. A card is split (at a step)
//! only when it is taller than a whole page.

use super::height::{balanced, CardParts, Geometry};
use serde::Serialize;

/// One card, or the part of one, on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Part {
    /// Index of the card on the sheet.
    pub card: usize,
    /// The steps this part prints: `from..to`.
    pub from: usize,
    pub to: usize,
    /// With the title (and picture); false on a continuation.
    pub first: bool,
    /// With the cautions and the log.
    pub last: bool,
}

/// The cards of each page.
pub(crate) type Pages = Vec<Vec<Part>>;

/// Every card whole on one page, if they fit in `room` mm with the header,
/// the blocks above them and the red-flag box.
pub(crate) fn one_page(g: &Geometry, heights: &[f32], shown: &[usize], room: f32) -> Option<Pages> {
    let total = g.top_first(1) + g.rows(heights) + g.end();
    (total <= room).then(|| vec![whole(0..heights.len(), shown)])
}

fn whole(range: std::ops::Range<usize>, shown: &[usize]) -> Vec<Part> {
    range
        .map(|card| Part {
            card,
            from: 0,
            to: shown[card],
            first: true,
            last: true,
        })
        .collect()
}

/// The cards on as few pages of `room` mm as they take, with the shown
/// steps of each card; `None` when one card in a layout of several
/// columns is taller than a page (such a layout cannot print).
pub(crate) fn pages(
    g: &Geometry,
    parts: &[CardParts],
    shown: &[usize],
    heights: &[f32],
    room: f32,
) -> Option<Pages> {
    let n = heights.len();
    let cols = g.l.columns.max(1);
    let gap = g.s.gap;
    let first_room = room - g.top_first(2);
    let later_room = room - g.top_later();
    let end = g.end();
    if cols == 1 && heights.iter().all(|h| *h <= later_room) {
        if let Some(p) = whole_cards(heights, shown, gap, (first_room, later_room, room), end) {
            return Some(p);
        }
    }
    let mut out: Pages = Vec::new();
    let mut page: Vec<Part> = Vec::new();
    // Heights of the whole cards on this page (for the columns).
    let mut on_page: Vec<f32> = Vec::new();
    let mut avail = first_room;
    let mut i = 0;
    let new_page = |out: &mut Pages, page: &mut Vec<Part>, on: &mut Vec<f32>, avail: &mut f32| {
        out.push(std::mem::take(page));
        on.clear();
        *avail = later_room;
    };
    while i < n {
        on_page.push(heights[i]);
        if balanced(&on_page, cols, gap) <= avail {
            page.extend(whole(i..i + 1, shown));
            i += 1;
            continue;
        }
        on_page.pop();
        if !page.is_empty() && heights[i] <= later_room {
            new_page(&mut out, &mut page, &mut on_page, &mut avail);
            continue;
        }
        if cols > 1 {
            return None;
        }
        // One card taller than a page: split it at a step.
        let c = &g.m.cards[i];
        let p = &parts[i];
        let total = shown[i].min(c.steps.len());
        let mut from = 0;
        let mut first = true;
        loop {
            let used = balanced(&on_page, 1, gap);
            let sep = if page.is_empty() { 0.0 } else { gap };
            let left = avail - used - sep;
            let last_h = g.part(c, p, from, total, shown[i], first, true);
            if last_h <= left || (from >= total && page.is_empty()) {
                page.push(Part {
                    card: i,
                    from,
                    to: total,
                    first,
                    last: true,
                });
                on_page.push(last_h);
                break;
            }
            let mut to = from;
            while to < total && g.part(c, p, from, to + 1, shown[i], first, false) <= left {
                to += 1;
            }
            if to == from && page.is_empty() {
                // Not even one step fits a page: print it anyway.
                to = from + 1;
            }
            if to > from {
                page.push(Part {
                    card: i,
                    from,
                    to,
                    first,
                    last: false,
                });
                first = false;
                from = to;
            }
            new_page(&mut out, &mut page, &mut on_page, &mut avail);
        }
        i += 1;
    }
    // The red-flag box goes on the last page, never alone: the last card
    // goes with it, or else the end of its steps.
    if balanced(&on_page, cols, gap) + end > avail {
        if page.len() > 1 {
            let moved = page.split_off(page.len() - 1);
            out.push(std::mem::take(&mut page));
            page = moved;
        } else if let Some((head, tail)) = page
            .first()
            .and_then(|p| split_before_end(g, parts, shown, p, avail, later_room - end))
        {
            page = vec![head];
            out.push(std::mem::take(&mut page));
            page = vec![tail];
        } else {
            out.push(std::mem::take(&mut page));
        }
    }
    out.push(page);
    Some(out)
}

/// Whole cards in one column on as few pages as they take, the page breaks
/// chosen so that no page but the last is less than half full where that
/// can be (then the emptiest such page as full as can be), and the red-flag
/// box (`end` mm) on the last page with at least one card. `None` when even
/// that cannot be (a card and the box taller than a page).
fn whole_cards(
    heights: &[f32],
    shown: &[usize],
    gap: f32,
    (first_room, later_room, page): (f32, f32, f32),
    end: f32,
) -> Option<Pages> {
    let n = heights.len();
    if n == 0 {
        return None;
    }
    // Cost of laying out cards i.. from a new page: (pages, pages under
    // half full, the emptiest page's fill negated), and where it ends.
    type Cost = (usize, usize, f32);
    let better = |a: &Cost, b: &Cost| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .is_lt()
    };
    let mut best: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    for i in (0..n).rev() {
        let room = if i == 0 { first_room } else { later_room };
        let mut used = -gap;
        for j in i + 1..=n {
            used += heights[j - 1] + gap;
            if used > room {
                break;
            }
            // The share of the page down to the last card (its head too).
            let fill = (page - room + used) / page;
            let cost = if j == n {
                if used + end > room {
                    continue;
                }
                (1, 0, 0.0)
            } else {
                let Some((rest, _)) = best[j] else {
                    continue;
                };
                (
                    rest.0 + 1,
                    rest.1 + usize::from(fill < 0.5),
                    rest.2.max(-fill),
                )
            };
            if best[i].as_ref().is_none_or(|(b, _)| better(&cost, b)) {
                best[i] = Some((cost, j));
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, j) = best[i]?;
        out.push(whole(i..j, shown));
        i = j;
    }
    Some(out)
}

/// A card part split so that its first steps stay on their page (`room`)
/// and the rest fit the next page with the red-flag box (`next_room`).
fn split_before_end(
    g: &Geometry,
    parts: &[CardParts],
    shown: &[usize],
    p: &Part,
    room: f32,
    next_room: f32,
) -> Option<(Part, Part)> {
    let c = &g.m.cards[p.card];
    let cp = &parts[p.card];
    let k = shown[p.card];
    (p.from + 1..p.to).rev().find_map(|to| {
        let head = g.part(c, cp, p.from, to, k, p.first, false);
        let tail = g.part(c, cp, to, p.to, k, false, true);
        (head <= room && tail <= next_room).then_some((
            Part {
                last: false,
                to,
                ..*p
            },
            Part {
                from: to,
                first: false,
                ..*p
            },
        ))
    })
}
