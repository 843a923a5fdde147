// Thin bindings over Leaflet for map/leaflet.rs. Leaflet and its cluster plug-in are served from our own
// origin (vendor/, copied from npm at build time) and loaded only when a map is first shown.
// Text from the dataset only ever reaches the DOM as textContent or an attribute value.

let leafletPromise;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

function loadCss(href) {
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  document.head.appendChild(l);
}

// (No `??=` in this file: the page's scripts parse on Chromium 80, see scripts/check-syntax.mjs.)
function loadLeaflet() {
  if (leafletPromise) return leafletPromise;
  leafletPromise = (async () => {
    ['vendor/leaflet.css', 'vendor/MarkerCluster.css', 'vendor/MarkerCluster.Default.css'].forEach(loadCss);
    await loadScript('vendor/leaflet.js');
    await loadScript('vendor/leaflet.markercluster.js');
  })();
  return leafletPromise;
}

const textEl = (tag, text, className) => {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
};

// Marker shapes differ by status, not only by colour: certified = square with a tick, registered = circle.
const ICONS = {};
function icon(certified, selected) {
  const key = `${certified}-${selected}`;
  if (!ICONS[key]) ICONS[key] = L.divIcon({
    className: `space-marker ${certified ? 'certified' : 'registered'}${selected ? ' selected' : ''}`,
    html: certified
      ? '<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="3" width="18" height="18" rx="3"/><path d="M7 12.5l3.2 3.2L17 9"/></svg>'
      : '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9"/></svg>',
    iconSize: selected ? [34, 34] : [26, 26],
    iconAnchor: selected ? [17, 17] : [13, 13],
  });
  return ICONS[key];
}

export class FinderMap {
  constructor() {
    this.markers = new Map();
    this.selected = null;
  }

  /** Creates the map in `el`. `options` is JSON: {labels, tile?: {url, credit (escaped HTML), subdomains}}. */
  async init(el, optionsJson, onSelect, onDistrict, onTileFailure) {
    await loadLeaflet();
    const options = JSON.parse(optionsJson);
    this.labels = options.labels;
    this.onSelect = onSelect;
    this.onDistrict = onDistrict;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = L.map(el, { zoomSnap: 0.25, minZoom: 8, maxZoom: 18, keyboard: true, attributionControl: true, zoomAnimation: !reduceMotion, fadeAnimation: !reduceMotion, markerZoomAnimation: !reduceMotion });
    this.map = map;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(options.labels.boundaryCredit);
    L.control.scale({ metric: true, imperial: false }).addTo(map);
    map.setView([23.25, 113.45], 9);
    el.setAttribute('aria-label', options.labels.map);
    if (options.tile && options.tile.url) {
      const tiles = L.tileLayer(options.tile.url, {
        subdomains: options.tile.subdomains || 'abc',
        attribution: options.tile.credit,
        maxZoom: 18,
      });
      let loaded = 0;
      let failed = 0;
      tiles.on('tileload', () => { loaded += 1; });
      tiles.on('tileerror', () => {
        failed += 1;
        if (failed >= 4 && loaded === 0 && map.hasLayer(tiles)) {
          map.removeLayer(tiles);
          onTileFailure();
        }
      });
      tiles.addTo(map);
    }
    this.districtLayer = L.geoJSON(null, {
      style: () => this.districtStyle(0),
      onEachFeature: (feature, layer) => {
        layer.on('add', () => layer.getElement()?.classList.add(`district-${feature.properties.code}`));
        layer.on('click', () => this.onDistrict(feature.properties.code));
      },
    }).addTo(map);
    this.cluster = this.newCluster();
    this.labelLayer = L.layerGroup().addTo(map);
    const record = () => {
      const b = map.getBounds();
      el.dataset.view = JSON.stringify({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(), zoom: map.getZoom() });
    };
    map.on('moveend', record);
    record();
  }

  districtStyle(share, choropleth) {
    if (!choropleth) return { color: '#8c1d18', weight: 1.5, fillColor: '#f6ecea', fillOpacity: 0.55 };
    // Light to dark red by share of the largest count (a legend with the numbers is in the list).
    const shade = Math.round(235 - share * 150);
    return { color: '#5b1410', weight: 1.5, fillColor: `rgb(${Math.min(255, shade + 20)}, ${shade - 30}, ${shade - 40})`, fillOpacity: 0.75 };
  }

  /** District shapes (GeoJSON text), names and counts: [{code, name, count, lat, lng}]. */
  setDistricts(geojsonText, districtsJson, choropleth) {
    if (!this.map) return;
    const districts = JSON.parse(districtsJson);
    const byCode = new Map(districts.map((d) => [d.code, d]));
    const max = Math.max(1, ...districts.map((d) => d.count));
    if (geojsonText && !this.districtsLoaded) {
      this.districtLayer.addData(JSON.parse(geojsonText));
      this.districtsLoaded = true;
    }
    this.districtLayer.eachLayer((layer) => {
      const d = byCode.get(layer.feature.properties.code);
      layer.setStyle(this.districtStyle(d ? d.count / max : 0, choropleth));
    });
    this.labelLayer.clearLayers();
    for (const d of districts) {
      const label = textEl('span', choropleth ? `${d.name} ${d.count}` : d.name, 'district-label-text');
      const marker = L.marker([d.lat, d.lng], {
        icon: L.divIcon({ className: 'district-label', html: '', iconSize: null }),
        keyboard: false,
        interactive: false,
      });
      marker.on('add', () => marker.getElement().replaceChildren(label));
      this.labelLayer.addLayer(marker);
    }
  }

  /** Markers for [{id, name, lat, lng, certified}]; fits the view to them when `fit`. */
  /** An empty cluster group on the map; it clusters what it is given in chunks of ~20 ms. */
  /**
   * A cluster group, on the map. It clusters what it is given in chunks of ~20 ms; when it has
   * all, it runs what waited for it (a chosen space to bring into view, the next list).
   */
  newCluster() {
    const cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true, animate: false,
      chunkedLoading: true, chunkInterval: 20, chunkDelay: 0,
      chunkProgress: (done, total) => {
        if (done < total) return;
        this.loading = false;
        const then = this.whenLoaded;
        this.whenLoaded = null;
        if (then) setTimeout(then, 0);
      },
    });
    this.map.addLayer(cluster);
    return cluster;
  }

  /** Every space of the catalog: [{id, name, lat, lng, certified}], in the catalog's order. */
  setSpaces(spacesJson) {
    this.spaces = JSON.parse(spacesJson);
  }

  /** Shows the spaces at these positions in the catalog; `fit` moves the view to them. */
  show(positions, fit) {
    if (!this.map || !this.spaces) return;
    const interrupted = this.revealing;
    const run = (this.run || 0) + 1;
    this.run = run;
    if (fit && positions.length) {
      const bounds = L.latLngBounds([]);
      for (let k = 0; k < positions.length; k += 1) bounds.extend([this.spaces[positions[k]].lat, this.spaces[positions[k]].lng]);
      this.map.fitBounds(bounds.pad(0.08), { maxZoom: 15, animate: false });
    }
    // The markers are made in slices of a few milliseconds, each its own task, then clustered in
    // chunks: with thousands of spaces no task holds the page, and the next click is answered at
    // once. A newer list stops the slices of an older one.
    const layers = [];
    const slice = () => {
      if (run !== this.run) return;
      const until = performance.now() + 10;
      while (layers.length < positions.length && (layers.length % 100 !== 0 || performance.now() < until)) {
        layers.push(this.marker(this.spaces[positions[layers.length]]));
      }
      if (layers.length < positions.length) setTimeout(slice, 0);
      else this.load(layers, run, interrupted);
    };
    slice();
  }

  /**
   * Shows these markers in a new group, once the current one has finished clustering (its chunks
   * cannot be stopped, and need the map until they end). A new group rather than emptying the
   * old one, which walks every marker; the old one leaves the map with its markers.
   */
  load(layers, run, interrupted) {
    if (run !== this.run) return;
    if (this.loading) {
      this.whenLoaded = () => this.load(layers, run, interrupted);
      return;
    }
    const old = this.cluster;
    this.cluster = this.newCluster();
    this.map.removeLayer(old);
    this.markers = new Map(layers.map((m) => [m.spaceId, m]));
    // A space chosen just before: its new marker is brought into view instead.
    const chosen = this.markers.get(this.selected);
    if (interrupted && chosen) this.whenLoaded = () => this.reveal(chosen);
    this.loading = true;
    this.cluster.addLayers(layers);
  }

  /** One space's marker; its tooltip is made when the marker itself is shown (not clustered). */
  marker(m) {
    const marker = L.marker([m.lat, m.lng], {
      icon: icon(m.certified, m.id === this.selected),
      title: m.name,
      alt: m.name,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('click', () => this.onSelect(m.id));
    // Keyboard users get the name on focus, as mouse users do on hover.
    marker.on('add', () => {
      if (!marker.getTooltip()) {
        // Names are data, in Chinese whatever the interface language: marked so, as in the list.
        const name = textEl('span', m.name);
        name.lang = 'zh-CN';
        marker.bindTooltip(name, { direction: 'top', offset: [0, -12] });
      }
      const el = marker.getElement();
      el.lang = 'zh-CN';
      el.addEventListener('focus', () => marker.openTooltip());
      el.addEventListener('blur', () => marker.closeTooltip());
    });
    marker.spaceId = m.id;
    marker.certified = m.certified;
    return marker;
  }


  /** Highlights the selected space's marker and brings it into view, out of its cluster. */
  select(id) {
    const previous = this.markers.get(this.selected);
    if (previous) previous.setIcon(icon(previous.certified, false));
    this.selected = id || null;
    const marker = this.markers.get(this.selected);
    if (!marker) return;
    marker.setIcon(icon(marker.certified, true));
    this.reveal(marker);
  }

  /**
   * Pans or zooms, a step per move, until `marker` shows on its own, then opens its name.
   * (markercluster's zoomToShowLayer leaves a handler that throws once the markers have been
   * replaced by a filter change; each step here first checks the marker is still the selected one.)
   */
  reveal(marker, steps = 12) {
    this.revealing = null;
    // A hidden map (the list pane on a phone) has no view to move; 12 steps cover every zoom level.
    if (!this.map || this.markers.get(this.selected) !== marker || !this.map.getSize().x || !steps) return;
    const thenAgain = () => {
      this.revealing = marker;
      this.map.once('moveend', () => this.reveal(marker, steps - 1));
    };
    const shown = this.cluster.getVisibleParent(marker);
    if (shown === marker && this.map.getBounds().contains(marker.getLatLng())) {
      marker.openTooltip();
    } else if (!shown || shown === marker) {
      thenAgain();
      this.map.panTo(marker.getLatLng());
    } else if (this.map.getZoom() < this.map.getMaxZoom()) {
      thenAgain();
      shown.zoomToBounds();
    } else {
      this.cluster.once('spiderfied', () => marker.openTooltip());
      shown.spiderfy();
    }
  }

  /** The person's position (WGS-84 or shifted to the tile system by the caller). */
  setPosition(lat, lng, label) {
    if (!this.map) return;
    if (this.position) this.position.remove();
    if (lat === undefined || lat === null || Number.isNaN(lat)) return;
    this.position = L.marker([lat, lng], {
      icon: L.divIcon({ className: 'position-marker', html: '<span></span>', iconSize: [22, 22], iconAnchor: [11, 11] }),
      title: label,
      alt: label,
      keyboard: false,
      zIndexOffset: 1000,
    }).addTo(this.map);
  }

  /** Lets a click on the map choose a position. */
  onMapClick(callback) {
    if (this.map) this.map.on('click', (e) => callback(e.latlng.lat, e.latlng.lng));
  }

  invalidate() {
    if (!this.map) return;
    // Leaflet keeps the size it last measured: none while the list pane hid the map.
    const wasHidden = !this.map.getSize().x;
    this.map.invalidateSize();
    const marker = this.markers.get(this.selected);
    if (wasHidden && marker) this.reveal(marker);
  }
}
