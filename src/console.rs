//! Writing to the terminal without panicking. `println!`/`eprintln!` panic
//! when the other end of a pipe is gone (`handout build 2>&1 | head -1`);
//! these drop the text instead, so a finished build still ends normally.

use std::io::Write;

/// Writes `text` to stderr; a closed or broken stderr is ignored.
pub fn err(text: &str) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(text.as_bytes()).and_then(|_| e.flush());
}

/// Writes `text` to stdout; a closed or broken stdout is ignored.
pub fn out(text: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(text.as_bytes()).and_then(|_| o.flush());
}

/// `eprintln!` that never panics.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::console::err(&format!("{}\n", format_args!($($arg)*)))
    };
}
