//! Large print: 16 pt, one exercise after another, every step, on as few
//! pages as it takes (pictures and the notes box dropped first).

use super::{regular, score, Fitter, Paper, Plan};
use crate::sheet::height::Layout;
use crate::sheet::model::SheetModel;
use crate::sheet::style::SheetStyle;

/// The large-print plan of a sheet.
pub(crate) fn large(m: &SheetModel, style: &SheetStyle, paper: Paper) -> Plan {
    let mut f = Fitter {
        m,
        style,
        paper,
        parts: Vec::new(),
    };
    let all = f.all_steps();
    let any_image = m.cards.iter().any(|c| c.image);
    let weeks: &[usize] = if m.single { &[2, 1] } else { &[1] };
    let mut candidates = Vec::new();
    for images in [true, false] {
        if images && !any_image {
            continue;
        }
        for roomy in [true, false] {
            for &w in weeks {
                candidates.push(Layout {
                    density: 0,
                    columns: 1,
                    roomy,
                    images,
                    notes: true,
                    weeks: w,
                });
            }
        }
    }
    candidates.sort_by(|a, b| score(b, 16.0).total_cmp(&score(a, 16.0)));
    // The best layout that takes the fewest pages (one page ends the search).
    let mut best: Option<Plan> = None;
    for l in candidates {
        let Some(p) = f.paged(l, &all) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| p.pages() < b.pages()) {
            let one = p.pages() == 1;
            best = Some(p);
            if one {
                break;
            }
        }
    }
    match best {
        Some(p) => p,
        None => regular(m, style, paper),
    }
}
