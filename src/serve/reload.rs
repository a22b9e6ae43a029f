//! The live-reload stream (server-sent events): a `reload` event as soon as
//! the served build differs from the one a page was made from. A stream is
//! a small task, not a thread, so open pages never use the server up.

use super::server::Body;
use super::State;
use hyper::body::Bytes;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

/// A comment line this often, so a stream whose page is gone is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What a waiting stream woke up for.
enum Woke {
    Published,
    Heartbeat,
    /// The page closed the stream, or the server stops.
    Gone,
}

/// A stream for a page built as version `seen`.
pub(crate) fn stream(state: Arc<State>, seen: u64) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(2);
    let mut published = state.reload.subscribe();
    tokio::spawn(async move {
        if tx
            .send(Bytes::from_static(b"retry: 500\n\n"))
            .await
            .is_err()
        {
            return;
        }
        loop {
            published.borrow_and_update();
            // The snapshot's version, not the signal's: a page that already
            // shows the newest build must not reload for its announcement.
            let now = state.snapshot().version;
            if now != seen {
                let event = format!("event: reload\ndata: {now}\n\n");
                let _ = tx.send(Bytes::from(event)).await;
                return;
            }
            let woke = {
                let mut changed = pin!(published.changed());
                let mut closed = pin!(tx.closed());
                let mut beat = pin!(tokio::time::sleep(HEARTBEAT));
                poll_fn(|cx| {
                    if closed.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(Woke::Gone);
                    }
                    if let Poll::Ready(r) = changed.as_mut().poll(cx) {
                        return Poll::Ready(if r.is_ok() {
                            Woke::Published
                        } else {
                            Woke::Gone
                        });
                    }
                    if beat.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(Woke::Heartbeat);
                    }
                    Poll::Pending
                })
                .await
            };
            match woke {
                Woke::Published => {}
                Woke::Gone => return,
                Woke::Heartbeat => {
                    if tx
                        .send(Bytes::from_static(b": still here\n\n"))
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            }
        }
    });
    Body::Stream(rx)
}
