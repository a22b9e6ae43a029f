//! The HTTP side of `serve`, on hyper: one thread runs every connection
//! (idle ones and open live-reload streams cost no thread), keep-alive,
//! a time-out for clients that send their request too slowly, and a bound
//! on connections per client that closes the oldest instead of refusing
//! the newest.

use super::conns::Conns;
use super::host::Hosts;
use super::respond::respond;
use super::State;
use hyper::body::{Bytes, Frame, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::{poll_fn, Future};
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

/// A request's head must arrive within this time of the connection being
/// ready for it (also how long an idle keep-alive connection stays open).
pub(crate) const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection told to make room may finish its current response this long.
const GRACE: Duration = Duration::from_secs(1);
/// The longest request head taken (hyper's smallest allowed buffer is 8 KiB).
const MAX_HEAD: usize = 64 * 1024;

/// What every connection shares.
pub(crate) struct Ctx {
    pub(crate) state: Arc<State>,
    pub(crate) hosts: Hosts,
    conns: Arc<Conns>,
}

/// Starts serving `listener` on a thread of its own.
pub(crate) fn start(
    listener: std::net::TcpListener,
    state: Arc<State>,
    hosts: Hosts,
) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let listener = {
        let _inside = runtime.enter();
        listener
            .set_nonblocking(true)
            .and_then(|()| tokio::net::TcpListener::from_std(listener))
            .map_err(|e| format!("cannot start the server: {e}"))?
    };
    let ctx = Arc::new(Ctx {
        state,
        hosts,
        conns: Arc::default(),
    });
    std::thread::Builder::new()
        .name("serve-http".into())
        .spawn(move || runtime.block_on(accept(listener, ctx)))
        .map_err(|e| format!("cannot start the server: {e}"))?;
    Ok(())
}

async fn accept(listener: tokio::net::TcpListener, ctx: Arc<Ctx>) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let _ = stream.set_nodelay(true);
                tokio::spawn(connection(stream, peer.ip(), Arc::clone(&ctx)));
            }
            // Out of file handles or a connection reset before it was
            // taken: wait a moment rather than spin.
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Serves one connection until the client closes it, it times out, or it
/// is told to make room for a newer one.
async fn connection(stream: tokio::net::TcpStream, client: std::net::IpAddr, ctx: Arc<Ctx>) {
    // Leaves the registry when this task ends, however it ends.
    let admitted = ctx.conns.admit(client);
    let service_ctx = Arc::clone(&ctx);
    let service = hyper::service::service_fn(move |req| {
        let response = respond(&service_ctx, &req);
        async move { Ok::<_, Infallible>(response) }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .title_case_headers(true)
        .max_buf_size(MAX_HEAD);
    let mut conn = pin!(builder.serve_connection(TokioIo::new(stream), service));
    let mut told = pin!(admitted.close.notified());
    let evicted = poll_fn(|cx| {
        if conn.as_mut().poll(cx).is_ready() {
            return Poll::Ready(false);
        }
        if told.as_mut().poll(cx).is_ready() {
            return Poll::Ready(true);
        }
        Poll::Pending
    })
    .await;
    if evicted {
        conn.as_mut().graceful_shutdown();
        let _ = tokio::time::timeout(GRACE, conn).await;
    }
}

/// A response body: bytes known up front, or a stream of events.
pub(crate) enum Body {
    Full(Option<Bytes>),
    Stream(tokio::sync::mpsc::Receiver<Bytes>),
}

impl Body {
    pub(crate) fn new(bytes: impl Into<Bytes>) -> Body {
        Body::Full(Some(bytes.into()))
    }
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Body::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Stream(rx) => rx.poll_recv(cx).map(|b| b.map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            Body::Full(None) => SizeHint::with_exact(0),
            Body::Stream(_) => SizeHint::default(),
        }
    }
}
