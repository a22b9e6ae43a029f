//! Locks shared between rendering threads.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `m`, also after another thread panicked while holding it. Every
/// value behind these locks is whole between two calls (an insert, a
/// look-up), so it is still right to use; and a panic on a rendering
/// thread fails the build by itself, so nothing is lost unseen.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The value of a mutex no thread holds any more.
pub(crate) fn into_inner<T>(m: Mutex<T>) -> T {
    m.into_inner().unwrap_or_else(PoisonError::into_inner)
}
