// Service worker: the finder opens with no network after a first visit.
// - The page, config.json and the data: network first (a new deployment or dataset is picked up on
//   the next visit), the saved copy when offline.
// - Everything else of our origin (content-hashed JS/wasm/CSS, vendor/): cache first.
// Nothing from other origins is touched.
const CACHE = 'gz-charity-finder-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function networkFirst(request) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })
    .catch(() => caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then((hit) => hit || Response.error()));
}

function cacheFirst(request) {
  return caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const fresh = request.mode === 'navigate' || /\/(config\.json|data\/[^/]+)$/.test(url.pathname) || url.pathname.endsWith('/');
  event.respondWith(fresh ? networkFirst(request) : cacheFirst(request));
});
