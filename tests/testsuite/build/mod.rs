//! End-to-end tests of `handout build` / `check` / `init` / `new` on fixture
//! sites: the pages a user gets, the errors they read, and what is (not)
//! written to disk.

mod errors;
mod links;
mod output_folder;
mod pages;
mod scaffold;

use crate::common::*;
use std::fs;
use std::path::Path;

fn build(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    run(dir, &args)
}
