//! Fingerprints of build inputs: `serve` reuses a parsed file, a rendered
//! body or a page when the fingerprint of what went into it is unchanged.
//! A fast 64-bit hash with a fixed seed (foldhash), so fingerprints are
//! the same from one build to the next.

use std::hash::{BuildHasher, Hash};

/// A hasher to feed a fingerprint by hand.
pub fn hasher() -> impl std::hash::Hasher {
    foldhash::quality::FixedState::with_seed(0x68_61_6e_64_6f_75_74).build_hasher()
}

/// The fingerprint of any hashable values.
pub fn of(parts: impl Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = hasher();
    parts.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_input_same_print_and_small_edits_differ() {
        assert_eq!(super::of(("a", 1)), super::of(("a", 1)));
        let text = "Lie on your back.\n".repeat(200);
        let mut edited = text.clone();
        edited.replace_range(1000..1001, "X");
        assert_ne!(super::of(&text), super::of(&edited));
        assert_ne!(super::of(("ab", "c")), super::of(("a", "bc")));
    }
}
