//! Source: the files of `content/` read from disk, front-matter split from
//! body, and the one place that knows the YAML library.

pub(crate) mod load;
pub(crate) mod positions;
pub(crate) mod toml_spans;
pub(crate) mod yaml;
pub(crate) mod yaml_hints;
