//! Cards in columns: the height of a column, and how to share cards out
//! between columns so the tallest is as short as can be.

/// Height of a column holding `hs` one under another, `gap` apart.
fn stack(hs: &[f32], gap: f32) -> f32 {
    if hs.is_empty() {
        0.0
    } else {
        hs.iter().sum::<f32>() + (hs.len() - 1) as f32 * gap
    }
}

/// The least height at which `hs`, in order, fill `cols` columns.
pub(crate) fn balanced(hs: &[f32], cols: usize, gap: f32) -> f32 {
    match cols {
        0 | 1 => stack(hs, gap),
        _ => (0..=hs.len())
            .map(|k| stack(&hs[..k], gap).max(balanced(&hs[k..], cols - 1, gap)))
            .fold(f32::INFINITY, f32::min),
    }
}

/// How many of `hs` (in order) each of `cols` columns takes so that the
/// tallest column is as short as can be (the first columns fuller on a tie).
pub(crate) fn split(hs: &[f32], cols: usize, gap: f32) -> Vec<usize> {
    if cols <= 1 || hs.is_empty() {
        return vec![hs.len()];
    }
    let mut best = (f32::INFINITY, hs.len());
    for k in (0..=hs.len()).rev() {
        let h = stack(&hs[..k], gap).max(balanced(&hs[k..], cols - 1, gap));
        if h < best.0 - 1e-3 {
            best = (h, k);
        }
    }
    let mut out = vec![best.1];
    out.extend(split(&hs[best.1..], cols - 1, gap));
    out
}
