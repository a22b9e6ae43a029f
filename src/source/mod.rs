//! Source: the files of `content/` read from disk, front-matter split from
//! body, the one place that knows the YAML library, and the size of pictures.

pub(crate) mod load;
pub(crate) mod picture_size;
pub(crate) mod positions;
pub(crate) mod toml_spans;
pub(crate) mod yaml;
pub(crate) mod yaml_hints;
