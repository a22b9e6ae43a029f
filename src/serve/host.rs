//! Which `Host` header values the preview answers. A page on another site
//! can point its own host name at 127.0.0.1 (DNS rebinding) and then read
//! the preview as if it were its own; such requests carry that other name
//! in `Host`, so only the names and addresses of the bound address are
//! served.

use std::net::IpAddr;

/// The hosts one running server answers for.
#[derive(Debug, Clone)]
pub(crate) struct Hosts {
    port: u16,
    /// The address listened on.
    bind: IpAddr,
    /// Host names of this machine (lower case), when listening beyond loopback.
    names: Vec<String>,
    /// The host of `--base-url`, answered on any port.
    extra: Vec<String>,
    extra_ips: Vec<IpAddr>,
}

impl Hosts {
    /// The hosts for a server listening on `bind:port`: loopback names and
    /// addresses always; the bound address and this machine's names when
    /// `bind` is not a loopback address; any address when it is `0.0.0.0`
    /// or `::`.
    pub(crate) fn new(bind: IpAddr, port: u16) -> Hosts {
        let names = if bind.is_loopback() {
            Vec::new()
        } else {
            machine_names()
        };
        Hosts {
            port,
            bind,
            names,
            extra: Vec::new(),
            extra_ips: Vec::new(),
        }
    }

    /// Also answers for the host of `serve --base-url` (any port: a proxy
    /// in front may use its own), since that name was chosen on purpose.
    pub(crate) fn with_base_url(mut self, base: &str) -> Hosts {
        let authority = base
            .split_once("://")
            .map_or(base, |(_, rest)| rest)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        if let Some((name, _)) = split_host(host) {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if ip_literal(&name).is_none() && !self.names.contains(&name) {
                self.extra.push(name);
            } else if let Some(ip) = ip_literal(&name) {
                self.extra_ips.push(ip);
            }
        }
        self
    }

    /// Whether a request with this `Host` header is answered.
    pub(crate) fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        if let Some(ip) = ip_literal(name) {
            if self.extra_ips.contains(&ip) {
                return true;
            }
        } else if self
            .extra
            .contains(&name.trim_end_matches('.').to_ascii_lowercase())
        {
            return true;
        }
        let port_ok = match port {
            Some(p) => p == self.port,
            None => self.port == 80,
        };
        if !port_ok {
            return false;
        }
        if let Some(ip) = ip_literal(name) {
            return ip.is_loopback() || ip == self.bind || self.bind.is_unspecified();
        }
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        name == "localhost" || name.ends_with(".localhost") || self.names.contains(&name)
    }

    /// The addresses to name when a request is refused.
    pub(crate) fn describe(&self) -> String {
        let mut list = vec!["localhost".to_string(), "127.0.0.1".into(), "[::1]".into()];
        if !self.bind.is_loopback() {
            list.push(if self.bind.is_unspecified() {
                "this machine's addresses".into()
            } else {
                match self.bind {
                    IpAddr::V6(ip) => format!("[{ip}]"),
                    ip => ip.to_string(),
                }
            });
            list.extend(self.names.iter().cloned());
        }
        list.extend(self.extra.iter().cloned());
        list.extend(self.extra_ips.iter().map(|ip| match ip {
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        }));
        format!("{} (port {})", list.join(", "), self.port)
    }
}

/// `name[:port]` or `[v6][:port]`; `None` when it is neither.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (&host[..inside.len() + 2], port)
    } else {
        match host.split_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    let port = match port {
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    (!name.is_empty()).then_some((name, port))
}

/// An IP address written as a host: `127.0.0.1` or `[::1]`.
fn ip_literal(name: &str) -> Option<IpAddr> {
    match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6),
        None => name.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    }
}

/// This machine's host name, with and without `.local` (mDNS), lower case.
fn machine_names() -> Vec<String> {
    let from_file = std::fs::read_to_string("/proc/sys/kernel/hostname").ok();
    let name = from_file.or_else(|| {
        let out = std::process::Command::new("hostname").output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    });
    let Some(name) = name else {
        return Vec::new();
    };
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return Vec::new();
    }
    let short = name.split('.').next().unwrap_or(&name).to_string();
    let mut names = vec![name.clone(), short.clone(), format!("{short}.local")];
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> Hosts {
        Hosts::new("127.0.0.1".parse().unwrap(), 1111)
    }

    #[test]
    fn loopback_names_and_addresses_with_the_port() {
        let h = loopback();
        for ok in [
            "localhost:1111",
            "LOCALHOST:1111",
            "localhost.:1111",
            "app.localhost:1111",
            "127.0.0.1:1111",
            "127.1.2.3:1111",
            "[::1]:1111",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "localhost:2222",
            "localhost",
            "127.0.0.1",
            "localhost:",
            "localhost:+1111",
            "localhost:1111:1111",
            "::1:1111",
            "[::1",
            "[::1]x",
            "192.168.1.5:1111",
            "",
            ":1111",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        let h = Hosts {
            port: 80,
            ..loopback()
        };
        assert!(h.allows("localhost"));
        assert!(h.allows("[::1]"));
        assert!(h.allows("127.0.0.1:80"));
    }

    #[test]
    fn another_bound_address_and_its_names() {
        let h = Hosts {
            names: vec!["clinic-pc".into(), "clinic-pc.local".into()],
            ..Hosts::new("192.168.1.5".parse().unwrap(), 8000)
        };
        assert!(h.allows("192.168.1.5:8000"));
        assert!(h.allows("Clinic-PC.local:8000"));
        assert!(h.allows("localhost:8000"));
        assert!(!h.allows("192.168.1.6:8000"));
        assert!(!h.allows("evil.example:8000"));
        let any = Hosts {
            bind: "0.0.0.0".parse().unwrap(),
            ..h
        };
        assert!(any.allows("10.0.0.7:8000"));
        assert!(!any.allows("evil.example:8000"));
        assert!(any.describe().contains("clinic-pc.local"));
    }

    #[test]
    fn the_base_url_host_on_any_port() {
        let h = loopback().with_base_url("https://Preview.Clinic.example/handbook/");
        assert!(h.allows("preview.clinic.example"));
        assert!(h.allows("preview.clinic.example:8443"));
        assert!(!h.allows("clinic.example"));
        let h = loopback().with_base_url("http://192.168.1.20:1111/");
        assert!(h.allows("192.168.1.20:1111"));
        assert!(!h.allows("192.168.1.21:1111"));
        assert!(h.describe().contains("192.168.1.20"));
    }
}
