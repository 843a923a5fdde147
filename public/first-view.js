// Runs before the first paint (a small classic script in <head>), in the language every engine
// parses (no arrow functions, no const).
// 1. Shows the prerendered first view (scripts/prerender.mjs) only for the visit it was made for —
//    no query in the link and a browser language the app reads as simplified Chinese. Elderly mode
//    kept on this device is switched on here already (a class on <html>, as the app sets it), so
//    the first view is in large text too. Nothing here reads or sends a location.
// 2. The first view is live to the touch before the app is: its boxes tick and its search box
//    takes text natively; the buttons below show that they were pressed ("show filters" opens the
//    panel, a view tab is pressed, "use my location" says it is getting ready), and a space's link
//    waits for the app instead of loading the page again. The app reads the result as it takes
//    over (src/components/first_view.rs, this part's twin): nothing a person does is lost.
// 3. If the app cannot start (the engine refuses the wasm, a file is blocked, a script error before
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

  // Only a simplified-Chinese visit gets the first view: its texts are those of `Lang::ZhCn`.
  function pressed(e) {
    var first = document.getElementById('first-view');
    var el = e.target && e.target.closest ? e.target.closest('a, button') : null;
    if (!first || !el || !first.contains(el)) return;
    var holder = el.parentNode;
    if (el.classList.contains('filters-toggle')) {
      var open = holder.classList.toggle('open');
      el.setAttribute('aria-expanded', String(open));
      el.textContent = open ? '收起筛选' : '显示筛选';
    } else if (holder.classList.contains('view-toggle')) {
      for (var k = 0; k < holder.children.length; k += 1) holder.children[k].setAttribute('aria-pressed', String(holder.children[k] === el));
    } else if (el.classList.contains('pref-toggle')) {
      var on = root.classList.toggle('elderly');
      el.setAttribute('aria-pressed', String(on));
      try {
        if (on) localStorage.setItem('gz-charity-finder:elderly', '1'); else localStorage.removeItem('gz-charity-finder:elderly');
      } catch (err) {
        // Not remembered on this device; the app keeps it for this visit.
      }
    } else if (el.closest('.card-title')) {
      e.preventDefault();
      first.setAttribute('data-space', el.closest('.card').getAttribute('data-id'));
      el.closest('.card').classList.add('selected');
      el.setAttribute('aria-busy', 'true');
    } else if (el.tagName === 'BUTTON') {
      // "Use my location" (asked for once the app is live), "show more": getting ready.
      el.setAttribute('aria-busy', 'true');
      if (holder.classList.contains('near-row')) el.lastChild.textContent = '正在准备…';
    }
  }
  document.addEventListener('click', pressed, true);
  // The place pickers need the district boundaries: not before the app is live.
  document.addEventListener('DOMContentLoaded', function () {
    var pickers = document.querySelectorAll('#first-view .near-pick select');
    for (var k = 0; k < pickers.length; k += 1) pickers[k].disabled = true;
  });

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
