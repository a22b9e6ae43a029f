//! The compact page of a routine of 11 to 15 exercises: as many whole
//! steps of each exercise as fit one page, a note and a QR code for the rest.

use super::{columns, Fitter, Plan};
use crate::sheet::height::Layout;
use crate::sheet::paginate;

/// The compact layout that prints the most steps, if any fits one page.
pub(super) fn best(f: &mut Fitter) -> Option<Plan> {
    let mut best: Option<Plan> = None;
    for density in [3, 4] {
        for columns in [2, 3] {
            let l = Layout {
                density,
                columns,
                roomy: false,
                images: false,
                notes: false,
                weeks: 1,
            };
            if let Some(p) = f.compact(l) {
                let steps: usize = p.shown.iter().sum();
                if best.as_ref().is_none_or(|b| steps > b.shown.iter().sum()) {
                    best = Some(p);
                }
            }
        }
    }
    best
}

impl Fitter<'_> {
    /// As many whole steps of each card as fit one page with `l`,
    /// a step at a time to each card in turn.
    fn compact(&mut self, l: Layout) -> Option<Plan> {
        let g = self.geometry(l);
        let at = self.parts_at(&g);
        let room = self.room(&g);
        let cards = &self.m.cards;
        let parts = &self.parts[at].1;
        let fixed = g.top_first(1) + g.end();
        let mut shown = vec![0; cards.len()];
        let mut hs: Vec<f32> = cards
            .iter()
            .zip(parts)
            .map(|(c, p)| g.card(c, p, 0))
            .collect();
        if fixed + g.rows(&hs) > room {
            if std::env::var("HANDOUT_SHEET_DEBUG").is_ok() {
                eprintln!(
                    "compact {l:?}: fixed {fixed:.1} rows {:.1} room {room:.1} cards {hs:.1?}",
                    g.rows(&hs)
                );
            }
            return None;
        }
        loop {
            let mut more = false;
            for i in 0..cards.len() {
                if shown[i] >= cards[i].steps.len() {
                    continue;
                }
                let before = hs[i];
                hs[i] = g.card(&cards[i], &parts[i], shown[i] + 1);
                if fixed + g.rows(&hs) <= room {
                    shown[i] += 1;
                    more = true;
                } else {
                    hs[i] = before;
                }
            }
            if !more {
                break;
            }
        }
        let pages = paginate::one_page(&g, &hs, &shown, room)?;
        Some(Plan {
            layout: l,
            sizes: g.s,
            columns: columns(&g, &pages, &hs),
            shown,
            pages,
        })
    }
}
