// Embedding: tells the host page how tall the finder is, so it can size the <iframe>.
// Message shape: { type: "gz-charity-finder:height", height: <CSS pixels> }.
// Sent only to the embedding page's own origin (location.ancestorOrigins, else the referrer), and,
// when config.json lists allowed origins, only if it is one of them: never to '*'.

function embedderOrigin() {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

export function startHeightMessages(originsJson) {
  if (window.parent === window) return;
  const allowed = JSON.parse(originsJson);
  const host = embedderOrigin();
  if (!host || host === 'null' || (allowed.length && !allowed.includes(host))) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'gz-charity-finder:height', height }, host);
  };
  new ResizeObserver(send).observe(document.body);
  send();
}
