//! The copy-paste snippet an editor puts on a host page: the iframe, and a listener that sizes it
//! from the finder's height messages, accepting them only from the finder's origin.

use super::Html;
use crate::domain::url_state::{embed_url, ViewState};

/// The snippet for the view `view` of the finder at `page` (served from `origin`). The script is
/// fixed text: the origin it accepts is read from the iframe's `data-origin`, escaped there.
///
/// # Examples
/// ```
/// use charity_finder::{domain::url_state::ViewState, html::embed::embed_snippet};
/// let (v, _) = ViewState::parse("district=440113&status=certified");
/// let snippet = embed_snippet("https://x.gov.cn/csmap/", "https://x.gov.cn", &v, "广州慈善空间地图");
/// assert!(snippet.contains(r#"src="https://x.gov.cn/csmap/?district=440113&amp;status=certified&amp;embed=1""#));
/// assert!(snippet.contains(r#"data-origin="https://x.gov.cn""#));
/// ```
pub fn embed_snippet(page: &str, origin: &str, view: &ViewState, title: &str) -> String {
    let src = embed_url(page, view);
    let mut h = Html::default();
    let attrs = [
        ("id", "gz-charity-finder"),
        ("src", src.as_str()),
        ("title", title),
        ("data-origin", origin),
        ("style", "width:100%;height:800px;border:0"),
        ("loading", "lazy"),
    ];
    h.el("iframe", &attrs, |_| {});
    h.raw(
        "\n<script>\nwindow.addEventListener('message', function (e) {\n  var frame = document.getElementById('gz-charity-finder');\n  \
         if (e.origin !== frame.getAttribute('data-origin') || !e.data || e.data.type !== 'gz-charity-finder:height') return;\n  \
         frame.style.height = e.data.height + 'px';\n});\n</script>",
    );
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_in_its_attributes() {
        let snippet = embed_snippet("https://x/", "https://x' + alert(1) + '", &ViewState::default(), r#""><script>alert(1)</script>"#);
        assert_eq!(snippet.matches("<script>").count(), 1, "{snippet}");
        assert!(snippet.contains(r#"title="&quot;&gt;&lt;script&gt;"#), "{snippet}");
        assert!(snippet.contains(r#"data-origin="https://x&#39; + alert(1) + &#39;""#), "{snippet}");
    }
}
