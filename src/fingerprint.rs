//! Fingerprints of build inputs: `serve` reuses a parsed file, a rendered
//! body or a page when the fingerprint of what went into it is unchanged.
//! A fast 64-bit hash with a fixed seed (foldhash), so fingerprints are
//! the same from one build to the next.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::Mutex;

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

/// Results kept between builds by key (a file or page path), each with the
/// fingerprint of what it was made from. Safe to use from many threads;
/// nothing is made while the lock is held.
pub struct Kept<V>(Mutex<HashMap<String, (u64, V)>>);

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept(Mutex::new(HashMap::new()))
    }
}

impl<V: Clone> Kept<V> {
    /// The value kept for `key`, if it was made from `print`.
    pub fn get(&self, key: &str, print: u64) -> Option<V> {
        self.get_with(key, print, V::clone)
    }

    /// The value kept for `key` and `print`, or else the one `make` makes
    /// (which is then kept).
    pub fn get_or_make(&self, key: &str, print: u64, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.get(key, print) {
            return v;
        }
        let v = make();
        self.keep(key, print, v.clone());
        v
    }
}

impl<V> Kept<V> {
    /// `copy` of the value kept for `key`, if it was made from `print`.
    pub fn get_with<R>(&self, key: &str, print: u64, copy: impl FnOnce(&V) -> R) -> Option<R> {
        let kept = self.0.lock().ok()?;
        kept.get(key)
            .filter(|(p, _)| *p == print)
            .map(|(_, v)| copy(v))
    }

    /// Keeps `value` as made from `print` for `key`.
    pub fn keep(&self, key: &str, print: u64, value: V) {
        if let Ok(mut kept) = self.0.lock() {
            kept.insert(key.to_string(), (print, value));
        }
    }

    /// Forgets every key for which `wanted` is false.
    pub fn retain(&self, wanted: impl Fn(&str) -> bool) {
        if let Ok(mut kept) = self.0.lock() {
            kept.retain(|key, _| wanted(key));
        }
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |kept| kept.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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
