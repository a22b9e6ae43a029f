//! Fingerprints of build inputs: `serve` reuses a parsed file, a rendered
//! body or a page when the fingerprint of what went into it is unchanged.
//! A fast 64-bit hash with a fixed seed (foldhash), so fingerprints are
//! the same from one build to the next.

use crate::sync::lock;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::Mutex;

/// A hasher to feed a fingerprint by hand.
pub(crate) fn hasher() -> impl std::hash::Hasher {
    foldhash::quality::FixedState::with_seed(0x68_61_6e_64_6f_75_74).build_hasher()
}

/// The fingerprint of any hashable values.
pub(crate) fn of(parts: impl Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = hasher();
    parts.hash(&mut h);
    h.finish()
}

/// Results kept between builds by key (a file or page path), each with the
/// fingerprint of what it was made from (`P`: a hash, or what the file
/// system says of a file). Safe to use from many threads; nothing is made
/// while the lock is held.
pub(crate) struct Kept<V, K = String, P = u64>(Mutex<HashMap<K, (P, V)>>);

impl<V, K, P> Default for Kept<V, K, P> {
    fn default() -> Self {
        Kept(Mutex::new(HashMap::new()))
    }
}

impl<V, K: Hash + Eq, P: PartialEq> Kept<V, K, P> {
    /// `copy` of the value kept for `key`, if it was made from `print`.
    pub(crate) fn get_with<Q, R>(&self, key: &Q, print: P, copy: impl FnOnce(&V) -> R) -> Option<R>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let kept = lock(&self.0);
        kept.get(key)
            .filter(|(p, _)| *p == print)
            .map(|(_, v)| copy(v))
    }

    /// Keeps `value` as made from `print` for `key`.
    pub(crate) fn keep<Q>(&self, key: &Q, print: P, value: V)
    where
        Q: ToOwned<Owned = K> + ?Sized,
    {
        lock(&self.0).insert(key.to_owned(), (print, value));
    }

    /// Forgets every key for which `wanted` is false.
    pub(crate) fn retain(&self, wanted: impl Fn(&K) -> bool) {
        lock(&self.0).retain(|key, _| wanted(key));
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        lock(&self.0).len()
    }
}

impl<V: Clone, K: Hash + Eq, P: PartialEq + Copy> Kept<V, K, P> {
    /// The value kept for `key`, if it was made from `print`.
    pub(crate) fn get<Q>(&self, key: &Q, print: P) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get_with(key, print, V::clone)
    }

    /// The value kept for `key` and `print`, or else the one `make` makes
    /// (which is then kept).
    pub(crate) fn get_or_make<Q>(&self, key: &Q, print: P, make: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.get(key, print) {
            return v;
        }
        let v = make();
        self.keep(key, print, v.clone());
        v
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
