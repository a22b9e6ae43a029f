//! Numbers packed into text, so the browser reads a large index as a few
//! strings (no parsing of number arrays at load) and unpacks only the part
//! a query touches. Each number is written in base 32, least significant
//! digit first; a digit with more to follow is written from the upper half
//! of the alphabet. The alphabet needs no escaping in a JavaScript string
//! and cannot form `</script`. static/search-engine.js reads it (`unpack`).

/// The 64 digits: 0–31 end a number, 32–63 say more digits follow.
pub(crate) const ALPHABET: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `n` to `out`.
pub(crate) fn push(out: &mut String, mut n: u64) {
    loop {
        let digit = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(ALPHABET[digit] as char);
            return;
        }
        out.push(ALPHABET[digit + 32] as char);
    }
}

/// The numbers, packed.
pub(crate) fn pack(numbers: impl IntoIterator<Item = u64>) -> String {
    let mut out = String::new();
    for n in numbers {
        push(&mut out, n);
    }
    out
}

/// The numbers in `text` (for tests; the browser has its own reader).
#[cfg(test)]
pub(crate) fn unpack(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut n, mut shift) = (0u64, 0u32);
    for b in text.bytes() {
        let d = ALPHABET.iter().position(|&a| a == b).unwrap() as u64;
        n += (d & 31) << shift;
        if d >= 32 {
            shift += 5;
        } else {
            out.push(n);
            n = 0;
            shift = 0;
        }
    }
    out
}

/// How much a page has a word (about 0.25 to 50) as a level 0–31, four
/// levels per doubling: one digit per posting.
pub(crate) fn level(weight: f64) -> u64 {
    (4.0 * (weight * 4.0).max(1.0).log2())
        .round()
        .clamp(0.0, 31.0) as u64
}

/// The weight a level stands for (the browser's `LEVEL`).
#[cfg(test)]
pub(crate) fn weight(level: u64) -> f64 {
    2f64.powf(level as f64 / 4.0) / 4.0
}

/// How rare a term is (0 to about 12), to a quarter.
pub(crate) fn rarity(idf: f64) -> u64 {
    (idf * 4.0).round().max(0.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 123_456_789, 0];
        let text = pack(numbers);
        assert_eq!(unpack(&text), numbers);
        assert_eq!(pack([5, 31, 32]), "5VW1");
        assert!(!text.contains(['<', '"', '\\']));
    }

    #[test]
    fn levels_keep_weights_to_a_tenth() {
        for w in [0.3, 0.5, 1.0, 3.7, 40.0] {
            let back = weight(level(w));
            assert!((back / w - 1.0).abs() < 0.1, "{w} → {back}");
        }
        assert_eq!(level(0.0), 0);
        assert_eq!(level(1e9), 31);
        assert_eq!(pack([level(1e9)]).len(), 1, "one digit");
    }
}
