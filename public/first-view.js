// Runs before the first paint (a small classic script in <head>), in the language every engine
// parses (no arrow functions, no const).
// 1. Shows the prerendered first view (scripts/prerender.mjs) only for the visit it was made for —
//    no query in the link and a browser language the app reads as simplified Chinese. Elderly mode
//    kept on this device is switched on here already (a class on <html>, as the app sets it), so
//    the first view is in large text too. Nothing here reads or sends a location.
// 2. If the app cannot start (the engine refuses the wasm, a file is blocked, a script error before
//    the app is up), says so at once in the page's language, in role="alert", with the way to the
//    text list of every space (list*.html, which needs no script). The boot script calls
//    window.gzStartFailed when the wasm fails; errors and failed scripts before the start are caught here.
// Twins in Rust, to keep in step: `Lang::from_tag` (src/domain/i18n.rs), `ELDERLY_KEY`
// (src/components/document.rs), `list_file` (src/domain/page.rs).
(function () {
  var root = document.documentElement;
  // The interface language of a tag (`?lang=` or the browser's), or null: Lang::from_tag's twin.
  function langOf(tag) {
    var t = (tag || '').toLowerCase();
    if (t === 'en' || t.indexOf('en-') === 0) return 'en';
    if (/^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-TW';
    if (t === 'zh' || t.indexOf('zh-') === 0) return 'zh-CN';
    return null;
  }
  function pageLang() {
    var m = /[?&]lang=([^&]*)/.exec(location.search);
    return (m && langOf(decodeURIComponent(m[1]))) || langOf(navigator.language) || 'zh-CN';
  }
  try {
    if (window.localStorage && localStorage.getItem('gz-charity-finder:elderly') === '1') root.classList.add('elderly');
    if (!location.search && langOf(navigator.language) === 'zh-CN') root.classList.add('first-view');
  } catch (e) {
    // Storage refused (private mode, embedded with third-party storage blocked): no first view.
  }

  var TEXTS = {
    'zh-CN': ['地图版无法在这个浏览器中启动。', '请换用其他浏览器（如新版的 Chrome、Edge、Safari 或 Firefox），或把这个浏览器更新到最新版本。', '查看全部慈善空间的文字版列表', 'list.html'],
    'en': ['The map version could not start in this browser.', 'Try another browser (a recent Chrome, Edge, Safari or Firefox), or update this one.', 'See the text list of all charity spaces', 'list-en.html'],
    'zh-TW': ['地圖版無法在這個瀏覽器中啟動。', '請換用其他瀏覽器（如新版的 Chrome、Edge、Safari 或 Firefox），或把這個瀏覽器更新到最新版本。', '查看全部慈善空間的文字版列表', 'list-zh-TW.html']
  };
  var started = false;
  var shown = false;
  function show() {
    if (started || shown) return;
    if (!document.body) {
      document.addEventListener('DOMContentLoaded', show);
      return;
    }
    shown = true;
    var code = pageLang();
    var t = TEXTS[code];
    var box = document.createElement('div');
    box.className = 'start-failed';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', code);
    var what = document.createElement('p');
    what.className = 'start-failed-title';
    what.textContent = t[0];
    var todo = document.createElement('p');
    todo.textContent = t[1];
    var link = document.createElement('a');
    link.href = t[3];
    link.textContent = t[2];
    var p = document.createElement('p');
    p.appendChild(link);
    box.appendChild(what);
    box.appendChild(todo);
    box.appendChild(p);
    document.body.insertBefore(box, document.body.firstChild);
  }
  window.gzStartFailed = show;
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  // Capture: a script that fails to load reports on its element, not on window.
  addEventListener('error', function (e) {
    var el = e.target;
    if ((el && el.tagName === 'SCRIPT') || e.message !== undefined) show();
  }, true);
  addEventListener('unhandledrejection', show);
})();
