// Embedding: tells the host page how tall the finder is, so it can size the <iframe>.
// Message shape: { type: "gz-charity-finder:height", height: <CSS pixels> }.

export function startHeightMessages(originsJson) {
  if (window.parent === window) return;
  const origins = JSON.parse(originsJson);
  const targets = origins.length ? origins : ['*'];
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    for (const origin of targets) window.parent.postMessage({ type: 'gz-charity-finder:height', height }, origin);
  };
  new ResizeObserver(send).observe(document.body);
  send();
}
