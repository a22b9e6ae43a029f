//! What each request gets: a built file (HTML with the reload script and,
//! while a build is broken, the error overlay), the 404 page (a
//! language's own in its folder), a redirect for a folder without its
//! slash, the live-reload stream, or a refusal. Every response says `nosniff` and `no-store`.

use super::http::{self, Wanted};
use super::server::{Body, Ctx};
use super::{overlay, reload, EVENTS_PATH};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

/// The response to one request.
pub(crate) fn respond<B>(ctx: &Ctx, req: &Request<B>) -> Response<Body> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !ctx.hosts.allows(host) {
        let shown: String = host.chars().take(100).collect();
        let text = format!(
            "This preview answers only requests for {}; this one was for `{shown}`.\n",
            ctx.hosts.describe()
        );
        return plain(StatusCode::FORBIDDEN, text);
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n".into(),
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let uri = req.uri();
    if uri.path() == EVENTS_PATH && uri.authority().is_none() {
        return events(ctx, uri.query().unwrap_or(""));
    }
    page(ctx, uri)
}

fn page(ctx: &Ctx, uri: &hyper::Uri) -> Response<Body> {
    let snap = ctx.state.snapshot();
    let target = uri.to_string();
    let found = match http::wanted(&target) {
        Wanted::File(path) => match snap.files.get(&path) {
            Some(bytes) => Some((path, bytes)),
            None if snap.files.contains_key(&format!("{path}/index.html")) => {
                // A folder without its slash: redirect so relative links work.
                let query = uri.query().map_or(String::new(), |q| format!("?{q}"));
                let to = format!("{}/{query}", uri.path());
                let mut r = response(StatusCode::MOVED_PERMANENTLY, None, Body::new(""));
                if let Ok(to) = HeaderValue::from_str(&to) {
                    r.headers_mut().insert(header::LOCATION, to);
                }
                return r;
            }
            None => None,
        },
        Wanted::Invalid => None,
    };
    let (status, path, bytes) = match found {
        Some((path, bytes)) => (StatusCode::OK, path, Some(bytes)),
        None => {
            // A language's folder has its own 404 page.
            let page = crate::site::routes::Route::NotFound.path();
            let folder = uri.path().trim_start_matches('/').split('/').next();
            let path = folder
                .map(|f| format!("{f}/{page}"))
                .filter(|p| snap.files.contains_key(p))
                .unwrap_or(page);
            let bytes = snap.files.get(&path);
            (StatusCode::NOT_FOUND, path, bytes)
        }
    };
    let ctype = http::content_type(&path);
    let (ctype, body) = match bytes {
        Some(b) if ctype.starts_with("text/html") => (ctype, Body::new(overlay::inject(b, &snap))),
        Some(b) => (
            ctype,
            Body::new(hyper::body::Bytes::from_owner(Shared(b.clone()))),
        ),
        None => (
            "text/html; charset=utf-8",
            Body::new(overlay::inject(
                b"<!DOCTYPE html><title>Not found</title><body>Not found</body>",
                &snap,
            )),
        ),
    };
    response(status, Some(ctype), body)
}

/// The live-reload stream for a page built as version `v=N` of the query.
fn events(ctx: &Ctx, query: &str) -> Response<Body> {
    let seen: u64 = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("v="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let body = reload::stream(std::sync::Arc::clone(&ctx.state), seen);
    response(StatusCode::OK, Some("text/event-stream"), body)
}

/// A built file's bytes, shared with the snapshot instead of copied.
struct Shared(crate::render::Bytes);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn plain(status: StatusCode, text: String) -> Response<Body> {
    response(status, Some("text/plain; charset=utf-8"), Body::new(text))
}

fn response(status: StatusCode, ctype: Option<&'static str>, body: Body) -> Response<Body> {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Some(ctype) = ctype {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}
