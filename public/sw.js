// Service worker: the finder opens with no network after a first visit, and a returning visitor
// sees today's data.
// - Content-hashed files (name-<hash>.js|wasm|css|svg, boot-<hash>.js): cache first; a new build
//   has new names.
// - Everything else of our origin (the page, config.json, every data file at any depth, vendor/,
//   first-view.js): network first, the saved copy only when offline.
// - The cache is named per build (scripts/post-build.mjs writes the build's id below); `activate`
//   deletes the caches of earlier builds, so old wasm files do not pile up on a phone.
// Nothing from other origins is touched.
const PREFIX = 'gz-charity-finder-';
const CACHE = PREFIX + 'dev';
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|svg)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(
  caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()),
));

function keep(request, response) {
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

function networkFirst(request) {
  return fetch(request)
    .then((response) => keep(request, response))
    .catch(() => caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then((hit) => hit || Response.error()));
}

function cacheFirst(request) {
  return caches.match(request).then((hit) => hit || fetch(request).then((response) => keep(request, response)));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const hashed = request.mode !== 'navigate' && HASHED.test(url.pathname);
  event.respondWith(hashed ? cacheFirst(request) : networkFirst(request));
});
