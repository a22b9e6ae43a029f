//! Where Chrome, Chromium or Edge is installed, on Linux, macOS and Windows.

use std::path::{Path, PathBuf};

/// Program names looked for on `PATH`, in order (`.exe` added on Windows).
const NAMES: [&str; 8] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Where macOS keeps the programs, under `/Applications` or `~/Applications`.
const MAC_APPS: [&str; 4] = [
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
];

/// Where Windows keeps them, under Program Files or the user's local app data.
const WINDOWS_APPS: [&str; 3] = [
    r"Google\Chrome\Application\chrome.exe",
    r"Chromium\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
];

/// The browser to print with: `explicit` (`--chrome PATH`), or the first
/// one found on `PATH` or in the usual install folders.
pub(crate) fn find_chrome(explicit: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(format!(
                "--chrome {}: no such file\n  = help: pass the path of a Chrome, Chromium or Edge program",
                p.display()
            ))
        };
    }
    candidates()
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| {
            "no Chromium or Chrome found; install one or pass --chrome PATH\n  \
         = help: handout prints with Google Chrome, Chromium or Microsoft Edge; \
         pass the program's path if it is installed somewhere unusual"
                .to_string()
        })
}

/// Every place looked at, in order.
fn candidates() -> Vec<PathBuf> {
    let on_path: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    let mut out: Vec<PathBuf> = NAMES
        .iter()
        .flat_map(|name| {
            on_path
                .iter()
                .flat_map(move |dir| [dir.join(name), dir.join(format!("{name}.exe"))])
        })
        .collect();
    let mut mac_roots = vec![PathBuf::from("/Applications")];
    if let Some(home) = std::env::var_os("HOME") {
        mac_roots.push(PathBuf::from(home).join("Applications"));
    }
    for root in &mac_roots {
        out.extend(MAC_APPS.iter().map(|app| root.join(app)));
    }
    let windows_roots = ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"]
        .iter()
        .filter_map(std::env::var_os)
        .map(PathBuf::from);
    for root in windows_roots {
        out.extend(WINDOWS_APPS.iter().map(|app| root.join(app)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_browser_names_the_flag() {
        let msg = find_chrome(Some(Path::new("/no/such/chrome"))).unwrap_err();
        assert!(
            msg.starts_with("--chrome /no/such/chrome: no such file"),
            "{msg}"
        );
    }
}
