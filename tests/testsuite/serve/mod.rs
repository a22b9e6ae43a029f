//! `handout serve`: pages are served from memory, edits reload open pages,
//! broken edits show an error overlay over the last good build, and nothing
//! outside the built site can be fetched.

mod edits;
mod holds;
mod printing;

use crate::common::{bin, run, stderr};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any one expected change may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(60);

/// A running `handout serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// Everything the server printed so far, and a signal for each new line.
    log: Arc<(Mutex<String>, Condvar)>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(["--port", "0"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start handout serve");
        let err = child.stderr.take().expect("stderr");
        let log = Arc::new((Mutex::new(String::new()), Condvar::new()));
        let (tx, rx) = mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("Serving at http://").nth(1) {
                    let addr = rest.split('/').next().unwrap_or("").to_string();
                    let _ = tx.send(addr);
                }
                let mut log = sink.0.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
                sink.1.notify_all();
            }
        });
        let addr = match rx.recv_timeout(DEADLINE) {
            Ok(a) => a,
            Err(_) => panic!("server did not start:\n{}", log.0.lock().unwrap()),
        };
        assert!(
            addr.starts_with("127.0.0.1:"),
            "binds loopback by default: {addr}"
        );
        Server { child, addr, log }
    }

    /// Sends `raw` on a new connection and reads until the server closes it.
    fn exchange(&self, raw: &str) -> String {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        s.write_all(raw.as_bytes()).unwrap();
        let mut got = Vec::new();
        s.read_to_end(&mut got).expect("read response");
        String::from_utf8_lossy(&got).into_owned()
    }

    /// The port the server listens on.
    fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap_or("")
    }

    /// A raw GET (no client-side path normalisation): (status, headers, body).
    fn get(&self, target: &str) -> (u16, String, String) {
        self.request("GET", target)
    }

    fn request(&self, method: &str, target: &str) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(
            s,
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read response");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").expect("response head");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .expect("status");
        (status, head.to_string(), body.to_string())
    }

    /// Fetches `target` until `ok(body)`, waiting on the reload stream
    /// between fetches; fails after the deadline.
    fn wait_for(&self, target: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (_, _, body) = self.get(target);
            if ok(&body) {
                return body;
            }
            let left = DEADLINE.saturating_sub(start.elapsed());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what} on {target}; last page:\n{body}\nserver log:\n{}",
                self.log.0.lock().unwrap()
            );
            self.wait_reload(version_of(&body), left);
        }
    }

    /// The server's output once it contains `text` (or the deadline passed).
    fn wait_log(&self, text: &str) -> String {
        let (log, line) = &*self.log;
        let log = log.lock().unwrap();
        let (log, _) = line
            .wait_timeout_while(log, DEADLINE, |l| !l.contains(text))
            .unwrap();
        log.clone()
    }

    /// Blocks until the server announces a build newer than `version`.
    fn wait_reload(&self, version: u64, limit: Duration) {
        let start = Instant::now();
        let mut s = TcpStream::connect(&self.addr).expect("connect events");
        write!(
            s,
            "GET /__handout/events?v={version} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut seen = String::new();
        let mut buf = [0u8; 512];
        while !seen.contains("event: reload") {
            let left = limit.saturating_sub(start.elapsed());
            if left.is_zero() {
                return;
            }
            s.set_read_timeout(Some(left)).unwrap();
            match s.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
    }
}

/// The build version a served page was made from (in its reload script).
fn version_of(page: &str) -> u64 {
    page.split("/__handout/events?v=")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A new site from `handout init`, and the first exercise file in it.
fn new_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let o = run(t.path(), &["init", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = t.path().join("site");
    let mut exercises: Vec<_> = std::fs::read_dir(site.join("content/exercises"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    exercises.sort();
    (t, exercises.remove(0))
}

fn set_line(file: &Path, prefix: &str, line: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let new: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with(prefix) {
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(file, new.join("\n") + "\n").unwrap();
}
