//! The end-to-end tests: one binary, as `handout` is used. Each module
//! drives the built `handout` program on a site in a fresh temporary folder
//! (the fixtures in `tests/fixtures/`, or one a test writes) and looks at
//! what a user would: the files written, the pages in a browser, the
//! printed sheets, the messages and the exit code.

mod build;
mod builder;
mod cli;
mod cli_output;
mod code_layout;
mod common;
mod content_checks;
mod content_errors;
mod docs;
mod dosage;
mod languages;
mod output;
mod pdf;
mod search;
mod serve;
mod sheets;
mod site;
mod site_browser;
mod site_files;
mod vocabulary;
