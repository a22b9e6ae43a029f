//! A bound on open connections that never locks anyone out: a new
//! connection is always taken, and when its client (or the whole server)
//! already holds the most allowed, the oldest one is closed to make room.
//! Browsers open a handful of connections per tab and reconnect when one is
//! closed, so only a client that hoards connections loses any.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

/// Connections one client address may hold at once.
pub(crate) const PER_CLIENT: usize = 128;
/// Connections the server holds at once (well below the usual limit of
/// 1,024 open files per process).
pub(crate) const TOTAL: usize = 512;

/// The open connections, oldest first.
#[derive(Default)]
pub(crate) struct Conns {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next: u64,
    /// Connection number (in order of arrival) → client and its close signal.
    open: BTreeMap<u64, (IpAddr, Arc<Notify>)>,
    per_client: HashMap<IpAddr, usize>,
}

/// One admitted connection; leaves the registry when dropped.
pub(crate) struct Admitted {
    conns: Arc<Conns>,
    id: u64,
    /// Signalled when the connection must close to make room.
    pub(crate) close: Arc<Notify>,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        self.conns.lock().remove(self.id);
    }
}

impl Conns {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a connection from `client`, first telling the oldest
    /// connection of that client to close if it is at `PER_CLIENT`, or the
    /// oldest of all if the server is at `TOTAL`.
    pub(crate) fn admit(self: &Arc<Self>, client: IpAddr) -> Admitted {
        let mut inner = self.lock();
        let full_client = inner.per_client.get(&client).copied().unwrap_or(0) >= PER_CLIENT;
        let victim = if full_client {
            inner
                .open
                .iter()
                .find(|(_, (ip, _))| *ip == client)
                .map(|(id, _)| *id)
        } else if inner.open.len() >= TOTAL {
            inner.open.keys().next().copied()
        } else {
            None
        };
        if let Some(id) = victim {
            if let Some(close) = inner.remove(id) {
                close.notify_one();
            }
        }
        let id = inner.next;
        inner.next += 1;
        let close = Arc::new(Notify::new());
        inner.open.insert(id, (client, Arc::clone(&close)));
        *inner.per_client.entry(client).or_default() += 1;
        Admitted {
            conns: Arc::clone(self),
            id,
            close,
        }
    }

    #[cfg(test)]
    fn count(&self) -> usize {
        self.lock().open.len()
    }
}

impl Inner {
    /// Forgets a connection; its close signal if it was still registered.
    fn remove(&mut self, id: u64) -> Option<Arc<Notify>> {
        let (client, close) = self.open.remove(&id)?;
        if let Some(n) = self.per_client.get_mut(&client) {
            *n -= 1;
            if *n == 0 {
                self.per_client.remove(&client);
            }
        }
        Some(close)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(a: &Admitted) -> bool {
        // A stored permit means the connection was told to close.
        let notified = a.close.notified();
        let mut notified = std::pin::pin!(notified);
        let waker = std::task::Waker::noop();
        notified
            .as_mut()
            .poll(&mut std::task::Context::from_waker(waker))
            .is_ready()
    }

    use std::future::Future;

    #[test]
    fn a_hoarding_client_loses_its_oldest_connections_only() {
        let conns = Arc::new(Conns::default());
        let (greedy, other): (IpAddr, IpAddr) =
            ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first_other = conns.admit(other);
        let held: Vec<_> = (0..PER_CLIENT + 3).map(|_| conns.admit(greedy)).collect();
        assert!(held[..3].iter().all(closed), "the oldest three closed");
        assert!(!held[3..].iter().any(closed));
        assert!(!closed(&first_other), "another client keeps its connection");
        assert_eq!(conns.count(), PER_CLIENT + 1);
        drop(held);
        assert_eq!(conns.count(), 1);
    }

    #[test]
    fn a_full_server_closes_its_oldest_connection() {
        let conns = Arc::new(Conns::default());
        let held: Vec<_> = (0..TOTAL)
            .map(|i| conns.admit(IpAddr::from([10, 0, (i / 100) as u8, (i % 100) as u8])))
            .collect();
        let newcomer = conns.admit("10.9.9.9".parse().unwrap());
        assert!(closed(&held[0]));
        assert!(!held[1..].iter().any(closed));
        assert!(!closed(&newcomer));
        assert_eq!(conns.count(), TOTAL);
    }
}
