//! A QR code as inline SVG: dark modules on a light square with the four-module quiet zone the
//! standard asks for, so that phone cameras and WeChat read it on screen and on paper.

use qrcodegen::{QrCode, QrCodeEcc};

use super::Html;

/// Modules of light margin on each side (ISO/IEC 18004: at least four).
const QUIET_ZONE: usize = 4;

/// The SVG path of the dark modules of `text`'s code, and the side of the whole square in
/// modules; `None` when the text is too long for a QR code.
///
/// # Examples
/// ```
/// use charity_finder::html::qr::modules;
/// let (path, side) = modules("https://example.org/?space=gz-440113-001").unwrap();
/// assert_eq!(side, 29 + 8, "version 3 at level M, with the quiet zone");
/// assert!(path.starts_with("M4 4h7v1h-7z"), "the finder pattern's top row: {path}");
/// ```
pub fn modules(text: &str) -> Option<(String, usize)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let width = code.size();
    let mut path = String::with_capacity((width * width * 4) as usize);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            let run = (x..width).take_while(|&k| code.get_module(k, y)).count() as i32;
            if run > 0 {
                path.push_str(&format!("M{} {}h{run}v1h-{run}z", x as usize + QUIET_ZONE, y as usize + QUIET_ZONE));
            }
            x += run + 1;
        }
    }
    Some((path, width as usize + 2 * QUIET_ZONE))
}

/// A figure with the code of `link`, `label` for screen readers and `caption` under it. Nothing
/// when the link is too long to encode.
pub fn qr_figure(h: &mut Html, link: &str, label: &str, caption: &str) {
    let Some((path, side)) = modules(link) else { return };
    let view_box = format!("0 0 {side} {side}");
    let side = side.to_string();
    h.el("figure", &[("class", "qr")], |h| {
        h.el("svg", &[("viewBox", &view_box), ("role", "img"), ("aria-label", label), ("shape-rendering", "crispEdges")], |h| {
            h.el("rect", &[("width", &side), ("height", &side), ("fill", "#fff")], |_| {});
            h.el("path", &[("d", &path), ("fill", "#000")], |_| {});
        });
        h.el_text("figcaption", &[], caption);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_dark_module_once_inside_the_quiet_zone() {
        let link = "https://mzj.gz.gov.cn/finder/?space=gz-440113-001&lang=en";
        let code = QrCode::encode_text(link, QrCodeEcc::Medium).expect("encodes");
        let (path, side) = modules(link).expect("encodes");
        assert_eq!(side as i32, code.size() + 8);
        let dark = (0..code.size()).flat_map(|y| (0..code.size()).map(move |x| (x, y))).filter(|&(x, y)| code.get_module(x, y)).count();
        let drawn: usize =
            path.split('h').skip(1).step_by(2).map(|run| run.split('v').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0)).sum();
        assert_eq!(drawn, dark);
        let mut h = Html::default();
        qr_figure(&mut h, link, "QR code", "Scan <me>");
        let html = h.finish();
        let head = format!(r#"<figure class="qr"><svg viewBox="0 0 {side} {side}" role="img" aria-label="QR code""#);
        assert!(html.starts_with(&head), "{html}");
        assert!(html.ends_with("<figcaption>Scan &lt;me&gt;</figcaption></figure>"), "{html}");
    }

    #[test]
    fn a_text_too_long_draws_nothing() {
        let mut h = Html::default();
        qr_figure(&mut h, &"x".repeat(5000), "QR", "caption");
        assert!(h.finish().is_empty());
    }
}
