//! QR codes (SVG, made at build time) that lead from a printed sheet back to
//! its page online, or to an exercise's video.

use crate::config::Config;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `data`, or an empty string if it is too long to encode.
pub fn svg(data: &str) -> String {
    match QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(96, 96)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build()
            .replacen("<?xml version=\"1.0\" standalone=\"yes\"?>", "", 1),
        Err(_) => String::new(),
    }
}

/// The QR code for a page's online address, when `base_url` is absolute.
pub fn svg_for(config: &Config, page_url: &str) -> Option<String> {
    config
        .has_absolute_base_url()
        .then(|| svg(&format!("{}{}", config.base_url_slash(), page_url)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_an_svg() {
        let s = super::svg("https://clinic.example/handbook/exercises/wall-angels.html");
        assert!(s.starts_with("<svg"), "{s}");
        assert!(s.contains("</svg>"));
    }
}
