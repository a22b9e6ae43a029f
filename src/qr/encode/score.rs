//! The standard's penalty score of a masked code, by which the mask is
//! chosen: from rows of bits, or a module at a time for wide codes.

use qrcode::Color;

/// The penalty score of a masked code (rows of `width` modules), computed
/// as the qrcode crate does for normal QR codes (in 16-bit arithmetic that
/// wraps), from its rows of bits (up to 64 modules wide).
pub(super) fn penalty(rows: &[u64], columns: &[u64], width: usize) -> u16 {
    let ones = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut score: i64 = 0;
    for lines in [rows, columns] {
        let mut finder: i64 = 0;
        for &line in lines {
            // Runs of five or more modules of one colour score (length - 2):
            // bit j of `same` says modules j and j+1 match; a run of n is
            // n - 1 such bits in a row.
            let same = !(line ^ (line >> 1)) & ones(width - 1);
            let four = same & (same >> 1) & (same >> 2) & (same >> 3);
            let starts = four & !(four << 1);
            score += i64::from(four.count_ones()) + 2 * i64::from(starts.count_ones());
            // Finder-like patterns (dark, light, 3 dark, light, dark) without
            // a dark module within four on one side.
            let mut found = ones(width - 6);
            for (i, dark) in [true, false, true, true, true, false, true]
                .into_iter()
                .enumerate()
            {
                let shifted = line >> i;
                found &= if dark { shifted } else { !shifted };
            }
            while found != 0 {
                let j = found.trailing_zeros() as usize;
                found &= found - 1;
                let from = j.saturating_sub(4);
                let before = (line >> from) & ones(j - from) != 0;
                let end = (j + 11).min(width);
                let after = (line >> (j + 7)) & ones(end - (j + 7)) != 0;
                if !before || !after {
                    finder += 40;
                }
            }
        }
        score += finder - 360;
    }
    // 2×2 blocks of one colour.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let block = !(a ^ b) & !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & ones(width - 1);
        score += 3 * i64::from(block.count_ones());
    }
    // Balance of dark and light.
    let dark: usize = rows.iter().map(|r| r.count_ones() as usize).sum();
    let ratio = dark * 200 / (width * width);
    score += ratio.abs_diff(100) as i64;
    score.rem_euclid(1 << 16) as u16
}

/// Rows of bits (bit x of row y) as columns (bit y of column x).
pub(super) fn columns(rows: &[u64], width: usize) -> Vec<u64> {
    let mut columns = vec![0u64; width];
    for (y, &row) in rows.iter().enumerate() {
        let mut bits = row;
        while bits != 0 {
            columns[bits.trailing_zeros() as usize] |= 1 << y;
            bits &= bits - 1;
        }
    }
    columns
}

/// `penalty` for codes of any width, a module at a time, from the colours.
pub(super) fn penalty_slow(colors: &[Color], width: usize) -> u16 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let rows: Vec<bool> = colors.iter().map(|c| *c == Color::Dark).collect();
    let mut columns = vec![false; rows.len()];
    for (y, row) in rows.chunks(width).enumerate() {
        for (x, &d) in row.iter().enumerate() {
            columns[x * width + y] = d;
        }
    }
    let mut score: i64 = 0;
    for lines in [&rows, &columns] {
        let mut finder: i64 = 0;
        for line in lines.chunks(width) {
            // Runs of five or more modules of one colour.
            let mut run = 1;
            for j in 1..=width {
                if j < width && line[j] == line[j - 1] {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += run - 2;
                    }
                    run = 1;
                }
            }
            // Finder-like patterns without a dark module within four on one side.
            for j in 0..width - 6 {
                if line[j..j + 7] != PATTERN {
                    continue;
                }
                let before = line[j.saturating_sub(4)..j].contains(&true);
                let after = line[j + 7..(j + 11).min(width)].contains(&true);
                if !before || !after {
                    finder += 40;
                }
            }
        }
        score += finder - 360;
    }
    // 2×2 blocks of one colour.
    for pair in rows.windows(2 * width).step_by(width) {
        let (top, bottom) = pair.split_at(width);
        for x in 0..width - 1 {
            let c = top[x];
            if top[x + 1] == c && bottom[x] == c && bottom[x + 1] == c {
                score += 3;
            }
        }
    }
    // Balance of dark and light.
    let ratio = rows.iter().filter(|d| **d).count() * 200 / rows.len();
    score += ratio.abs_diff(100) as i64;
    score.rem_euclid(1 << 16) as u16
}
