//! Source: the files of `content/` read from disk, front-matter split from
//! body, and the one place that knows the YAML library.

pub mod load;
pub mod positions;
pub mod yaml;
