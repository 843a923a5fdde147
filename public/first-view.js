// Runs before the first paint (a small classic script in <head>): shows the prerendered first
// view (scripts/prerender.mjs) only for the visit it was made for — no query in the link and a
// browser language the app reads as simplified Chinese. Elderly mode kept on this device is
// switched on here already (it is a class on <html>, as the app sets it), so the first view is in
// large text too. Anything else waits for the app, as before. Nothing here reads or sends a location.
// Twins in Rust, to keep in step: `Lang::from_tag` (src/domain/i18n.rs), `ELDERLY_KEY` (src/components/mod.rs).
(function () {
  try {
    var root = document.documentElement;
    var lang = (navigator.language || '').toLowerCase();
    var simplified = lang === 'zh' || (lang.indexOf('zh-') === 0 && !/^zh-(tw|hk|mo|hant)/.test(lang));
    if (window.localStorage && localStorage.getItem('gz-charity-finder:elderly') === '1') root.classList.add('elderly');
    if (!location.search && simplified) root.classList.add('first-view');
  } catch (e) {
    // Storage refused (private mode, embedded with third-party storage blocked): no first view.
  }
})();
