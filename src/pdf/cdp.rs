//! Just enough of the Chrome DevTools protocol for printing: commands sent
//! as JSON over a WebSocket (tungstenite), replies matched by id, the few
//! events waited for kept until asked for. Pages are driven through
//! flattened sessions on the browser's own connection.

use serde_json::{json, Value};
use std::collections::{HashSet, VecDeque};
use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// The one event waited for (with `name` "load"); the others are
/// dropped as they come.
const LIFECYCLE: &str = "Page.lifecycleEvent";

/// Why a command did not give a result.
#[derive(Debug)]
pub(crate) enum Error {
    /// The connection is gone: the browser stopped or closed it.
    Gone(String),
    /// The page's process went away (it crashed or was killed); the
    /// browser is still there.
    Crashed,
    /// This command failed or timed out; the connection is still usable.
    Failed(String),
}

/// An open DevTools connection to the browser.
pub(crate) struct Cdp {
    socket: WebSocket<TcpStream>,
    next_id: u64,
    /// Kept events read while waiting for something else.
    events: VecDeque<Value>,
    /// Sessions whose page has gone.
    detached: HashSet<String>,
}

impl Cdp {
    /// Connects to the browser's DevTools address (`ws://127.0.0.1:PORT/devtools/browser/ID`).
    pub(crate) fn connect(url: &str, timeout: Duration) -> Result<Cdp, String> {
        let bad = || format!("unexpected DevTools address {url:?}");
        let host = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .ok_or_else(bad)?;
        let addr = host
            .to_socket_addrs()
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(bad)?;
        let stream = TcpStream::connect_timeout(&addr, timeout)
            .map_err(|e| format!("cannot connect to the browser at {host}: {e}"))?;
        let _ = stream.set_nodelay(true);
        stream
            .set_read_timeout(Some(timeout))
            .map_err(|e| e.to_string())?;
        // A PDF comes back in one message, base64-encoded; sheets with
        // big pictures can exceed the default limits.
        let config = WebSocketConfig::default()
            .max_message_size(None)
            .max_frame_size(None);
        let (socket, _) = tungstenite::client::client_with_config(url, stream, Some(config))
            .map_err(|e| format!("cannot open the DevTools connection: {e}"))?;
        Ok(Cdp {
            socket,
            next_id: 0,
            events: VecDeque::new(),
            detached: HashSet::new(),
        })
    }

    /// Sends `method` (to a page's `session`, or to the browser) and waits
    /// for its result until `deadline`.
    pub(crate) fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<Value, Error> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.socket
            .send(Message::text(msg.to_string()))
            .map_err(|e| Error::Gone(e.to_string()))?;
        loop {
            if session.is_some_and(|s| self.detached.contains(s)) {
                return Err(Error::Crashed);
            }
            let reply = self.read(deadline, method)?;
            if reply.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(err) = reply.get("error") {
                    let text = err.get("message").and_then(Value::as_str).unwrap_or("");
                    return Err(Error::Failed(format!("{method}: {text}")));
                }
                return Ok(reply.get("result").cloned().unwrap_or(Value::Null));
            }
            self.keep(reply);
        }
    }

    /// Waits until `deadline` for the load event of the document that
    /// `loader` (from `Page.navigate`) loads in `session`; needs
    /// `Page.setLifecycleEventsEnabled`.
    pub(crate) fn loaded(
        &mut self,
        session: &str,
        loader: &str,
        deadline: Instant,
    ) -> Result<(), Error> {
        let matches = |e: &Value| {
            e.get("sessionId").and_then(Value::as_str) == Some(session)
                && e.pointer("/params/loaderId").and_then(Value::as_str) == Some(loader)
        };
        let mut found = self.events.iter().any(matches);
        while !found {
            if self.detached.contains(session) {
                return Err(Error::Crashed);
            }
            let e = self.read(deadline, "the page's load event")?;
            found = is_load(&e) && matches(&e);
            self.keep(e);
        }
        // Earlier documents' load events are of no more use.
        self.forget_events(session);
        Ok(())
    }

    /// Forgets what is known of a session that is closed.
    pub(crate) fn forget(&mut self, session: &str) {
        self.forget_events(session);
        self.detached.remove(session);
    }

    fn forget_events(&mut self, session: &str) {
        self.events
            .retain(|e| e.get("sessionId").and_then(Value::as_str) != Some(session));
    }

    /// Notes an event read while waiting for something else.
    fn keep(&mut self, event: Value) {
        let method = event.get("method").and_then(Value::as_str).unwrap_or("");
        let gone = match method {
            "Inspector.detached" | "Inspector.targetCrashed" => event.get("sessionId"),
            "Target.detachedFromTarget" => event.pointer("/params/sessionId"),
            _ => None,
        };
        if let Some(s) = gone.and_then(Value::as_str) {
            self.detached.insert(s.to_string());
        } else if is_load(&event) {
            self.events.push_back(event);
        }
    }

    /// The next JSON message, waiting until `deadline` (`what` names what
    /// was waited for in the time-out message).
    fn read(&mut self, deadline: Instant, what: &str) -> Result<Value, Error> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::Failed(format!(
                    "no answer from the browser to {what} in time"
                )));
            }
            let _ = self
                .socket
                .get_mut()
                .set_read_timeout(Some(left.max(Duration::from_millis(1))));
            match self.socket.read() {
                Ok(Message::Text(t)) => return parse(t.as_bytes()),
                Ok(Message::Binary(b)) => return parse(&b),
                Ok(Message::Close(_)) => {
                    return Err(Error::Gone("the browser closed the connection".into()))
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => return Err(Error::Gone(e.to_string())),
            }
        }
    }
}

/// A document's load event.
fn is_load(e: &Value) -> bool {
    e.get("method").and_then(Value::as_str) == Some(LIFECYCLE)
        && e.pointer("/params/name").and_then(Value::as_str) == Some("load")
}

fn parse(bytes: &[u8]) -> Result<Value, Error> {
    serde_json::from_slice(bytes)
        .map_err(|e| Error::Gone(format!("the browser sent something unreadable: {e}")))
}
