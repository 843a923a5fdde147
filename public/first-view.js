// Runs before the first paint (a small classic script in <head>): shows the prerendered first
// view (scripts/prerender.mjs) only for the visit it was made for — no query in the link, a
// browser language the app reads as simplified Chinese, elderly mode not kept on this device.
// Anything else waits for the app, as before. Nothing here reads or sends a location.
(function () {
  try {
    var lang = (navigator.language || '').toLowerCase();
    var simplified = lang === 'zh' || (lang.indexOf('zh-') === 0 && !/^zh-(tw|hk|mo|hant)/.test(lang));
    var elderly = window.localStorage && localStorage.getItem('gz-charity-finder:elderly') === '1';
    if (!location.search && simplified && !elderly) document.documentElement.classList.add('first-view');
  } catch (e) {
    // Storage refused (private mode, embedded with third-party storage blocked): no first view.
  }
})();
