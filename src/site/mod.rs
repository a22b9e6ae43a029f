//! The linked site: the model with its cross-links, read-only from here on.

pub mod graph;

pub use graph::{graph, Graph, Index, Site};
