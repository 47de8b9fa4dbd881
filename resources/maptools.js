/* mapviewer's map tools, in the app and in an exported page: the coordinates under the pointer, a scale
   bar, zoom to all places / to the selected one / back to the opening view, the legend's kinds as toggles
   and a confidence filter, the markers of the app's table filter, the locator's temporary marker, the
   measuring line, the app's own context menu, and the app's theme and default basemap. The app's commands
   arrive as JSON text over the bridge (bridge.toolCommand) and are parsed here; whatever is shown becomes
   DOM text nodes. Runs after mapviewer.js, whose window.mapviewer it extends with window.mapviewer.tools. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var mv = window.mapviewer;
  if (!mv) return;
  var map = mv.map, data = mv.data, palette = data.palette;
  var bridge = null, theme = "light";
  var opening = {center: map.getCenter(), zoom: map.getZoom()};     /* the view mapviewer.js opened with */
  /* which places the markers show: the app's table (keys; null: all), document, kinds, confidence */
  var filter = {keys: null, document: null, hidden: {}, minConfidence: 0};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(String(text)));
    return node;
  }

  function lon180(lng) { return L.Util.wrapNum(lng, [-180, 180], true); }

  function formatLatLng(ll) {
    var lat = ll.lat, lng = lon180(ll.lng);
    return Math.abs(lat).toFixed(4) + "° " + (lat >= 0 ? "N" : "S") + ", " +
      Math.abs(lng).toFixed(4) + "° " + (lng >= 0 ? "E" : "W");
  }

  /* ---- scale bar and the coordinates under the pointer, bottom left; the attribution wraps (CSS) ---- */
  L.control.scale({position: "bottomleft", maxWidth: 150}).addTo(map);
  var coords = L.control({position: "bottomleft"});
  coords.onAdd = function () { var box = el("div", "mv-coords"); box.id = "mv-coords"; return box; };
  coords.addTo(map);
  map.on("mousemove", function (ev) { coords.getContainer().textContent = formatLatLng(ev.latlng); });
  map.on("mouseout", function () { coords.getContainer().textContent = ""; });

  /* ---- which markers and outlines are shown ---- */
  function visible(key) {
    var p = mv.places[key];
    if (!p) return false;
    if (filter.keys && !filter.keys[key]) return false;
    if (filter.document !== null && !p.mentions.some(function (m) { return m.doc === filter.document; })) return false;
    return !filter.hidden[p.kind] && p.confidence >= filter.minConfidence;
  }

  /* markers leave and join their cluster (so that its counts stay true); outlines are hidden by a class */
  function apply() {
    var add = [], remove = [];
    mv.markers.eachLayer(function (layer) {
      var on = visible(layer.feature.properties.place);
      var shown = mv.cluster ? mv.cluster.hasLayer(layer) : map.hasLayer(layer);
      if (on && !shown) add.push(layer);
      if (!on && shown) remove.push(layer);
    });
    if (mv.cluster) {
      mv.cluster.removeLayers(remove);
      mv.cluster.addLayers(add);
    } else {
      remove.forEach(function (l) { map.removeLayer(l); });
      add.forEach(function (l) { map.addLayer(l); });
    }
    data.outlines.forEach(function (name) {
      window[name].eachLayer(function (layer) {
        var node = layer.getElement && layer.getElement();
        if (node) node.classList.toggle("mv-hidden", !visible(layer.feature.properties.place));
      });
    });
    document.querySelectorAll(".mv-legend-kind").forEach(function (row) {
      row.classList.toggle("mv-off", !!filter.hidden[row.dataset.kind]);
      row.setAttribute("aria-pressed", filter.hidden[row.dataset.kind] ? "false" : "true");
    });
    var slider = document.getElementById("mv-confidence");
    if (slider) {
      slider.value = String(Math.round(filter.minConfidence * 100));
      document.getElementById("mv-confidence-text").textContent = "confidence ≥ " + slider.value + "%";
    }
  }

  function shown() { return Object.keys(mv.places).filter(visible); }

  function setKind(kind, on) {
    filter.hidden[kind] = !on;
    apply();
  }

  /* ---- the legend: a click on a kind shows or hides its places; a slider sets the least confidence ---- */
  var legend = document.querySelector(".mv-legend");
  if (legend) {
    L.DomEvent.disableClickPropagation(legend);
    L.DomEvent.disableScrollPropagation(legend);
    legend.querySelectorAll(".mv-legend-kind").forEach(function (row) {
      row.setAttribute("role", "button");
      row.tabIndex = 0;
      row.title = "Show or hide these places";
      row.addEventListener("click", function () { setKind(row.dataset.kind, !!filter.hidden[row.dataset.kind]); });
      row.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); row.click(); }
      });
    });
    var box = el("label", "mv-confidence");
    var text = el("span", null, "confidence ≥ 0%");
    text.id = "mv-confidence-text";
    var slider = el("input");
    slider.id = "mv-confidence";
    slider.type = "range";
    slider.min = "0";
    slider.max = "100";
    slider.step = "5";
    slider.value = "0";
    slider.addEventListener("input", function () {
      filter.minConfidence = Number(slider.value) / 100;
      apply();
    });
    box.appendChild(text);
    box.appendChild(slider);
    legend.appendChild(box);
  }

  /* ---- zoom to all places shown, to the selected place, back to the opening view ---- */
  function zoomAll() {
    var bounds = L.latLngBounds([]);
    mv.markers.eachLayer(function (layer) {
      if (visible(layer.feature.properties.place)) bounds.extend(layer.getLatLng());
    });
    if (bounds.isValid()) mv.fitPlaces(bounds);
    else resetView();
  }

  function zoomSelected() {
    var key = mv.selected();
    if (key) mv.focusPlace(key);
  }

  function resetView() { map.setView(opening.center, opening.zoom, {animate: false}); }

  var toolbar = L.control({position: "topleft"});
  toolbar.onAdd = function () {
    var bar = el("div", "leaflet-bar mv-tools");
    [["mv-zoom-all", "⤢", "Zoom to all places", zoomAll],
     ["mv-zoom-selected", "◎", "Zoom to the selected place", zoomSelected],
     ["mv-reset-view", "⌂", "Reset the view", resetView]].forEach(function (b) {
      var button = el("button", null, b[1]);
      button.type = "button";
      button.id = b[0];
      button.title = b[2];
      button.setAttribute("aria-label", b[2]);
      button.addEventListener("click", function () { b[3](); });
      bar.appendChild(button);
    });
    L.DomEvent.disableClickPropagation(bar);
    return bar;
  };
  toolbar.addTo(map);

  /* ---- the locator's place: a marker with its name for half a minute ---- */
  var located = L.layerGroup().addTo(map), locatedTimer = null, lastLocated = null;
  function locate(c, stay) {
    located.clearLayers();
    clearTimeout(locatedTimer);
    lastLocated = c;
    var marker = L.marker([c.lat, c.lon], {icon: L.divIcon({className: "mv-located", iconSize: [18, 18]}),
                                           keyboard: false, interactive: false});
    marker.bindTooltip(el("span", null, c.label), {permanent: true, direction: "top", offset: [0, -10],
                                                   className: "mv-located-label"});
    marker.addTo(located);
    if (!stay) map.flyTo([c.lat, c.lon], mv.zoom[c.kind] || 6, {duration: 0.8});
    locatedTimer = setTimeout(function () { located.clearLayers(); lastLocated = null; }, 30000);
  }

  /* ---- a measured distance: the points, the line and the app's text (a geodesic, computed in Python) ---- */
  var measured = L.layerGroup().addTo(map), lastMeasure = null;
  function drawMeasure(c) {
    measured.clearLayers();
    lastMeasure = c.points.length ? c : null;
    if (c.points.length === 2) {
      L.polyline(c.points, {className: "mv-measure-line", weight: 2.5, dashArray: "6 4", interactive: false})
        .addTo(measured);
    }
    c.points.forEach(function (p, i) {
      var dot = L.circleMarker(p, {className: "mv-measure-point", radius: 4, weight: 2, fillOpacity: 1,
                                   interactive: false});
      if (c.text && i === c.points.length - 1) {
        dot.bindTooltip(el("span", null, c.text), {permanent: true, direction: "right", offset: [8, 0],
                                                   className: "mv-measure-label"});
      }
      dot.addTo(measured);
    });
  }

  /* ---- the app's theme: its colours for highlights, popups, boxes and the ground of the map ---- */
  function setTheme(name) {
    var t = palette.themes[name] || palette.themes.light, root = document.documentElement;
    theme = palette.themes[name] ? name : "light";
    root.classList.toggle("mv-dark", theme === "dark");
    Object.keys(t.tints).forEach(function (kind) { root.style.setProperty("--mv-tint-" + kind, t.tints[kind]); });
    Object.keys(t.map).forEach(function (key) { root.style.setProperty("--mv-map-" + key, t.map[key]); });
    root.style.setProperty("--mv-mark-text", t.text);
    root.style.setProperty("--mv-sentence", t.sentence);
    root.style.setProperty("--mv-current", t.current);
    root.style.setProperty("--mv-uncertain", t.uncertain);
    map.fire("mvtheme", {name: theme});                     /* basemap.js draws the basemap in its colours */
  }

  /* ---- the base layers of folium's layer control ({name: layer}, beside the control), by name ---- */
  function baseLayers() {
    var layers = window[data.layerControl + "_layers"];
    return layers ? Object.keys(layers.base_layers).map(function (name) {
      return {name: name, layer: layers.base_layers[name]};
    }) : [];
  }

  function basemap() {
    var on = baseLayers().filter(function (l) { return map.hasLayer(l.layer); })[0];
    return on ? on.name : null;
  }

  function setBasemap(name) {
    var chosen = baseLayers().filter(function (l) { return l.name === name; })[0];
    if (!chosen) return;
    baseLayers().forEach(function (l) { if (l !== chosen && map.hasLayer(l.layer)) map.removeLayer(l.layer); });
    if (!map.hasLayer(chosen.layer)) map.addLayer(chosen.layer);
  }

  function setMode(c) { map.getContainer().classList.toggle("mv-crosshair", !!c.measure); }

  /* ---- what the page shows, and the same again (an exported picture of the view) ---- */
  function state() {
    var c = map.getCenter();
    return {view: [c.lat, c.lng, map.getZoom()], keys: filter.keys ? Object.keys(filter.keys) : null,
            document: filter.document, hidden: Object.keys(filter.hidden).filter(function (k) { return filter.hidden[k]; }),
            minConfidence: filter.minConfidence, theme: theme, basemap: basemap(), measure: lastMeasure,
            located: lastLocated};
  }

  function setKeys(keys) {
    filter.keys = null;
    if (keys) {
      filter.keys = {};
      keys.forEach(function (k) { filter.keys[k] = true; });
    }
  }

  function restore(s) {
    setKeys(s.keys);
    filter.document = s.document;
    filter.hidden = {};
    s.hidden.forEach(function (k) { filter.hidden[k] = true; });
    filter.minConfidence = s.minConfidence;
    setTheme(s.theme);
    if (s.basemap) setBasemap(s.basemap);
    if (s.measure) drawMeasure(s.measure);
    map.setView([s.view[0], s.view[1]], s.view[2], {animate: false});
    if (s.located) locate(s.located, true);
    apply();
  }

  var COMMANDS = {
    show: function (c) { setKeys(c.keys); apply(); },
    kind: function (c) { setKind(c.kind, c.on); },
    confidence: function (c) { filter.minConfidence = c.min; apply(); },
    zoomAll: zoomAll, zoomSelected: zoomSelected, resetView: resetView,
    locate: function (c) { locate(c, false); }, measure: drawMeasure, mode: setMode,
    theme: function (c) { setTheme(c.name); },
    basemap: function (c) { setBasemap(c.name); },
    restore: function (c) { restore(c.state); }
  };

  function run(json) {
    var c = JSON.parse(json);
    if (Object.prototype.hasOwnProperty.call(COMMANDS, c.tool)) COMMANDS[c.tool](c);
  }

  /* the desktop app: its commands, its document filter, and its own context menu instead of the browser's */
  function connect(b) {
    bridge = b;
    bridge.toolCommand.connect(run);
    bridge.documentFiltered.connect(function (doc) { filter.document = doc < 0 ? null : doc; apply(); });
    map.on("contextmenu", function (ev) { bridge.mapMenuRequested(ev.latlng.lat, lon180(ev.latlng.lng)); });
  }

  setTheme("light");
  mv.tools = {apply: apply, connect: connect, run: run, visible: visible, shown: shown, state: state,
              zoomAll: zoomAll, zoomSelected: zoomSelected, resetView: resetView, locate: locate,
              located: located, measured: measured, setKind: setKind, basemap: basemap,
              format: formatLatLng};
});
