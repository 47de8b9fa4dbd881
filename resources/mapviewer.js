/* mapviewer page script: binds popups, tooltips and clicks of the folium map, builds the article panel of
   an exported page, links the map to that panel or to the desktop app (QWebChannel), and lets a host
   focus a place. Everything of a document arrives in the page's one JSON block and becomes DOM text
   nodes here: no document text is ever parsed as HTML or script. Offsets are UTF-16 code units. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mapviewer-data").textContent);
  var docs = data.documents;
  var UNCERTAIN_OUTLINE = {dashArray: "5 4", fillOpacity: 0.08}, CERTAIN_OUTLINE = {dashArray: null, fillOpacity: 0.15};
  (function applyPalette(palette) {      /* mapviewer/palette.py: the one palette of app, map and page */
    var root = document.documentElement.style;
    Object.keys(palette.kinds).forEach(function (kind) {
      root.setProperty("--mv-colour-" + kind, palette.kinds[kind].colour);
      root.setProperty("--mv-tint-" + kind, palette.kinds[kind].tint);
    });
    root.setProperty("--mv-sentence", palette.sentence);
    root.setProperty("--mv-current", palette.current);
    root.setProperty("--mv-uncertain", palette.uncertain);
  })(data.palette);
  var map = window[data.map];
  var cluster = window[data.cluster];
  var layers = {};          // place key -> [layer]
  var bridge = null;        // the desktop app, when there is one
  var selected = null, stop = 0, shownDoc = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(String(text)));
    return node;
  }

  /* a sentence that mentions a place, its mention marked; a click goes to that sentence */
  function quoteNode(key, mention) {
    var doc = docs[mention.doc], bounds = doc.sentences[mention.sentence], text = doc.text;
    var start = Math.max(bounds[0], mention.start), end = Math.min(bounds[1], mention.end);
    var node = el("div", "mv-quote");
    node.appendChild(document.createTextNode(text.slice(bounds[0], start)));
    node.appendChild(el("mark", "mv-kind-" + mention.kind, text.slice(start, end)));
    node.appendChild(document.createTextNode(text.slice(end, bounds[1])));
    node.addEventListener("click", function () {
      goTo(key, mention.doc, mention.sentence);
      if (bridge) bridge.sentenceClicked(key, mention.doc, mention.sentence);
    });
    return node;
  }

  var STATUS = {machine: "Machine reading", confirmed: "Confirmed by the user", corrected: "Corrected by the user",
                added: "Added by the user"};

  function popupNode(key) {
    var p = data.places[key];
    var node = el("div", "mv-popup");
    node.appendChild(el("div", "mv-popup-title", p.name));
    var where = [p.kind === "admin1" ? "region" : p.kind, p.region, p.country].filter(Boolean).join(" · ");
    node.appendChild(el("div", "mv-popup-meta", where));
    node.appendChild(el("div", "mv-popup-meta", p.lat.toFixed(4) + ", " + p.lon.toFixed(4) +
      " · confidence " + Math.round(p.confidence * 100) + "%" + (p.geonameid ? " · GeoNames " + p.geonameid : "")));
    var seen = {}, quotes = el("div", "mv-quotes");
    p.mentions.forEach(function (m) {
      var id = m.doc + ":" + m.sentence;
      if (seen[id]) return;
      seen[id] = true;
      quotes.appendChild(quoteNode(key, m));
    });
    var n = p.stops.length;
    node.appendChild(el("div", "mv-popup-count", p.mentions.length + " mention" + (p.mentions.length === 1 ? "" : "s")
      + " in " + n + " sentence" + (n === 1 ? "" : "s")));
    node.appendChild(quotes);
    if (p.reviewed) node.appendChild(el("div", "mv-popup-status mv-status-" + p.status,
      STATUS[p.status] + " · " + p.reviewed + " of " + p.mentions.length + " mentions reviewed"));
    if (p.alternatives.length) {                  /* an uncertain machine reading: what else it may be */
      node.appendChild(el("div", "mv-popup-count", "Uncertain. It may also be:"));
      var list = el("ol", "mv-alternatives");
      p.alternatives.forEach(function (a) {
        list.appendChild(el("li", "mv-alternative", a.label + " · " + (a.kind === "admin1" ? "region" : a.kind) +
          " · " + Math.round(a.score * 100) + "%" + (a.km === null ? "" : " · " + a.km + " km away")));
      });
      node.appendChild(list);
    }
    return node;
  }

  function register(key, layer) {
    if (!layer) return;
    layer.off("click").off("contextmenu").unbindTooltip().unbindPopup();      /* registered anew on an update */
    if (!data.places[key]) return;
    (layers[key] = layers[key] || []).push(layer);
    layer.bindTooltip(el("span", null, data.places[key].label), {sticky: !layer.getLatLng});
    layer.bindPopup(function () { return popupNode(key); }, {maxWidth: 420, minWidth: 240});
    layer.on("click", function () { select(key, "map"); });
    layer.on("contextmenu", function (ev) {        /* the app's correction menu for this place */
      L.DomEvent.stop(ev);
      if (bridge) bridge.placeMenuRequested(key);
    });
  }

  [data.markers].concat(data.outlines).forEach(function (name) {
    window[name].eachLayer(function (layer) { register(layer.feature.properties.place, layer); });
  });
  map.attributionControl.addAttribution(data.attribution);

  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var box = el("div", "mv-legend");
    data.legend.forEach(function (item) {
      var row = el("div", "mv-legend-kind");           /* maptools.js: a click shows or hides the kind */
      row.dataset.kind = item.kind;
      var dot = el("span", "mv-dot");
      dot.style.background = item.color;
      row.appendChild(dot);
      row.appendChild(document.createTextNode(item.label));
      box.appendChild(row);
    });
    var row = el("div");
    row.appendChild(el("span", "mv-dot mv-dot-uncertain"));
    row.appendChild(document.createTextNode("uncertain"));
    box.appendChild(row);
    data.documentLegend.forEach(function (item) {        /* several documents: the ring of their places */
      var line = el("div"), ring = el("span", "mv-dot mv-dot-document");
      ring.style.borderColor = item.color;
      line.appendChild(ring);
      line.appendChild(document.createTextNode(item.label));
      box.appendChild(line);
    });
    return box;
  };
  legend.addTo(map);
  /* Fit places without animation (a host's first request never meets a zoom in flight), and none behind the
     legend: it is kept clear of them beside or above it, whichever leaves the closer view. */
  function fitPlaces(bounds) {
    /* what the legend covers from the map's right and bottom edges (the attribution lies below it) */
    var box = legend.getContainer().getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
    var side = L.point(frame.right - box.left + 10, 30), above = L.point(30, frame.bottom - box.top + 10);
    var edge = L.point(30, 30), inside = false;
    var beside = map.getBoundsZoom(bounds, inside, edge.add(side)) >= map.getBoundsZoom(bounds, inside, edge.add(above));
    map.fitBounds(bounds, {paddingTopLeft: edge, paddingBottomRight: beside ? side : above, maxZoom: 9, animate: false});
  }
  if (data.view) map.setView([data.view[0], data.view[1]], data.view[2], {animate: false});
  else if (data.bounds) fitPlaces(L.latLngBounds(data.bounds));

  /* ---- the alternatives of the mention the app shows: faint markers while its list is open ---- */
  var faint = L.layerGroup().addTo(map);
  function showAlternatives(list) {
    faint.clearLayers();
    list.forEach(function (a, i) {
      var m = L.circleMarker([a.lat, a.lon], {radius: 6, color: "#555", weight: 1, dashArray: "2 2",
                                              fillOpacity: a.highlight ? 0.6 : 0.15, opacity: a.highlight ? 1 : 0.5});
      m.bindTooltip(el("span", null, (i + 1) + ". " + a.label));
      m.addTo(faint);
    });
  }

  /* ---- the article panel of an exported page, built from the data as text nodes ---- */
  function articleNode(index, doc) {
    var article = el("div", "mv-article"), text = doc.text, pos = 0, next = 0;
    doc.sentences.forEach(function (bounds, j) {
      article.appendChild(document.createTextNode(text.slice(pos, bounds[0])));
      var sentence = el("span", "mv-sentence"), cur = bounds[0];
      sentence.id = "d" + index + "s" + j;
      while (next < doc.mentions.length && doc.mentions[next].start < bounds[1]) {
        var m = doc.mentions[next++];
        if (m.start < cur) continue;
        sentence.appendChild(document.createTextNode(text.slice(cur, m.start)));
        var mark = el("mark", "mv-kind-" + m.kind + " mv-place-" + m.placeKind + (m.uncertain ? " mv-uncertain" : "") +
                      " mv-status-" + m.status,
                      text.slice(m.start, m.end));
        mark.id = m.id;
        mark.dataset.place = m.place;
        mark.title = m.name + (m.status === "machine" ? "" : " (" + STATUS[m.status].toLowerCase() + ")");
        sentence.appendChild(mark);
        cur = m.end;
      }
      sentence.appendChild(document.createTextNode(text.slice(cur, bounds[1])));
      article.appendChild(sentence);
      pos = bounds[1];
    });
    article.appendChild(document.createTextNode(text.slice(pos)));
    return article;
  }

  function buildPanel() {
    var box = el("div", "mv-panel");
    box.id = "mv-panel";
    var toolbar = el("div", "mv-toolbar");
    if (docs.length > 1) {
      var chooser = el("select");
      chooser.id = "mv-doc-select";
      chooser.setAttribute("aria-label", "Document");
      docs.forEach(function (doc, i) {
        var option = el("option", null, doc.title || doc.source);
        option.value = String(i);
        chooser.appendChild(option);
      });
      chooser.addEventListener("change", function () { showDocument(Number(chooser.value)); });
      toolbar.appendChild(chooser);
    }
    [["mv-prev", "◀", "Previous sentence", -1], ["mv-next", "▶", "Next sentence", 1]].forEach(function (b) {
      var button = el("button", null, b[1]);
      button.id = b[0];
      button.title = b[2];
      button.addEventListener("click", function () { step(b[3]); });
      toolbar.appendChild(button);
    });
    var status = el("span", null, "Click a marker, an outline or a highlighted name.");
    status.id = "mv-status";
    toolbar.appendChild(status);
    box.appendChild(toolbar);
    docs.forEach(function (doc, i) {
      var places = {};
      doc.mentions.forEach(function (m) { places[m.place] = true; });
      var wrap = el("div", "mv-doc");
      wrap.dataset.doc = String(i);
      wrap.appendChild(el("h1", null, doc.title));
      wrap.appendChild(el("div", "mv-source", doc.source + " · " + Object.keys(places).length + " places, " +
                          doc.mentions.length + " mentions"));
      wrap.appendChild(articleNode(i, doc));
      box.appendChild(wrap);
    });
    box.appendChild(el("p", "mv-credits", data.credits));
    box.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-place]");
      if (!mark) return;
      select(mark.dataset.place, "text");
      focusPlace(mark.dataset.place);
    });
    document.body.appendChild(box);
    return box;
  }

  var panel = data.panel ? buildPanel() : null;

  function showDocument(index) {
    shownDoc = index;
    if (!panel) return;
    panel.querySelectorAll(".mv-doc").forEach(function (d) { d.hidden = d.dataset.doc !== String(index); });
    var chooser = document.getElementById("mv-doc-select");
    if (chooser) chooser.value = String(index);
  }

  /* the selected place's current sentence (its "stop"): every sentence of the place in that document
     highlighted, the current one marked and scrolled to */
  function showStop() {
    if (!panel || !selected) return;
    var p = data.places[selected], at = p.stops[stop], doc = at[0];
    showDocument(doc);
    panel.querySelectorAll(".mv-active, .mv-current").forEach(function (n) {
      n.classList.remove("mv-active", "mv-current");
    });
    p.stops.forEach(function (s) {
      var node = s[0] === doc ? document.getElementById("d" + s[0] + "s" + s[1]) : null;
      if (node) node.classList.add("mv-active");
    });
    var current = document.getElementById("d" + doc + "s" + at[1]);
    if (current) {
      current.classList.add("mv-current");
      current.scrollIntoView({block: "center"});
    }
    document.getElementById("mv-status").textContent =
      p.label + ": sentence " + (stop + 1) + " of " + p.stops.length;
  }

  function select(key, origin) {
    var p = data.places[key];
    if (!p) return;
    if (selected !== key) stop = p.firstStop[shownDoc] !== undefined ? p.firstStop[shownDoc] : 0;
    selected = key;
    showStop();
    if (bridge && origin !== "host") bridge.placeClicked(key);
  }

  function step(delta) {
    if (!selected) return;
    var n = data.places[selected].stops.length;
    stop = (stop + delta + n) % n;
    showStop();
  }

  function goTo(key, doc, sentence) {
    var stops = data.places[key].stops;
    for (var i = 0; i < stops.length; i++) {
      if (stops[i][0] === doc && stops[i][1] === sentence) stop = i;
    }
    selected = key;
    showStop();
  }

  var ZOOM = {city: 9, admin1: 6, country: 5, continent: 3};

  function focusPlace(key) {
    var list = layers[key];
    if (!list || !list.length) return;
    if (map._animatingZoom) {                    /* Leaflet ignores a new view while a zoom animates */
      map.once("zoomend", function () { focusPlace(key); });
      return;
    }
    var marker = list.filter(function (l) { return l.getLatLng; })[0];
    var outline = list.filter(function (l) { return l.getBounds && !l.getLatLng; })[0];
    var at = marker ? marker.getLatLng() : outline.getBounds().getCenter();
    if (outline) {
      map.fitBounds(outline.getBounds(), {maxZoom: 8, animate: false});
    } else {
      map.setView(at, Math.max(map.getZoom(), ZOOM[data.places[key].kind] || 6), {animate: false});
    }
    /* a popup of the map's own: cluster redraws add and remove markers, which would close a bound one */
    L.popup({maxWidth: 420, minWidth: 240}).setLatLng(at).setContent(popupNode(key)).openOn(map);
    var tries = 0;
    (function spread() {                         /* a marker still inside a cluster: spread the cluster */
      var parent = marker && cluster ? cluster.getVisibleParent(marker) : null;
      if (parent && parent !== marker && parent.spiderfy && parent._map) {
        parent.spiderfy();
      } else if (marker && !marker._map && tries++ < 20) {
        setTimeout(spread, 100);
      }
    })();
  }

  showDocument(0);

  /* ---- places the user put on the map: a handle to drag them by, in the app ---- */
  var pins = L.layerGroup().addTo(map);
  function drawPins() {
    pins.clearLayers();
    if (!bridge) return;
    Object.keys(data.places).forEach(function (key) {
      var p = data.places[key];
      if (!p.pin) return;
      var handle = L.marker([p.lat, p.lon], {draggable: true, icon: L.divIcon({className: "mv-pin", iconSize: [14, 14]})});
      handle.bindTooltip(el("span", null, "Drag to move " + p.name));
      handle.on("dragend", function () { var at = handle.getLatLng(); bridge.pinMoved(key, at.lat, at.lng); });
      handle.addTo(pins);
    });
  }

  /* ---- after a correction in the app: new places and documents, the markers redrawn, no reload ---- */
  function update(next) {
    data.places = next.places;
    data.documents = docs = next.documents;
    layers = {};
    var markers = window[data.markers];
    if (cluster) cluster.removeLayer(markers);
    markers.clearLayers();
    markers.addData({type: "FeatureCollection", features: next.markers});
    markers.eachLayer(function (layer) {
      var style = layer.feature.properties.style;
      layer.setStyle(style);
      if (layer.setRadius) layer.setRadius(style.radius);
      register(layer.feature.properties.place, layer);
    });
    if (cluster) cluster.addLayer(markers);
    data.outlines.forEach(function (name) {
      window[name].eachLayer(function (layer) {
        var p = data.places[layer.feature.properties.place];
        layer.setStyle(p ? (p.uncertain ? UNCERTAIN_OUTLINE : CERTAIN_OUTLINE) : {opacity: 0, fillOpacity: 0});
        register(layer.feature.properties.place, layer);
      });
    });
    window.mapviewer.places = data.places;
    window.mapviewer.layers = layers;
    if (selected && !data.places[selected]) selected = null;
    drawPins();
    if (window.mapviewer.tools) window.mapviewer.tools.apply();     /* the filters hold for the new markers */
  }

  window.mapviewer = {
    map: map, places: data.places, layers: layers,
    focusPlace: focusPlace,
    select: function (key) { select(key, "host"); },
    /* what a click on the place's marker does, for hosts and tests: highlight its sentences, open its popup */
    clickPlace: function (key) {
      select(key, "map");
      focusPlace(key);
    },
    step: step, showAlternatives: showAlternatives, faint: faint, update: update, pins: pins, fitPlaces: fitPlaces,
    markers: window[data.markers], cluster: cluster, data: data, zoom: ZOOM,
    selected: function () { return selected; },
    center: function () { var c = map.getCenter(); return [c.lat, c.lng, map.getZoom()]; }
  };

  /* ---- the desktop app, when the page runs inside it ---- */
  if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      if (!bridge) return;
      bridge.focusRequested.connect(function (key) { select(key, "host"); focusPlace(key); });
      /* the host's data for the alternatives: JSON text parsed here, labels become text nodes */
      bridge.alternativesShown.connect(function (json) { showAlternatives(JSON.parse(json)); });
      bridge.dataChanged.connect(function (json) { update(JSON.parse(json)); bridge.pageReady(); });
      bridge.basemapDetailed.connect(function (json) { map.fire("mvdetail", {base: JSON.parse(json)}); });
      bridge.pinModeChanged.connect(function (on) { map.getContainer().style.cursor = on ? "crosshair" : ""; });
      map.on("click", function (ev) { bridge.mapClicked(ev.latlng.lat, ev.latlng.lng); });
      map.on("moveend", function () { var c = map.getCenter(); bridge.viewChanged(c.lat, c.lng, map.getZoom()); });
      drawPins();
      if (window.mapviewer.tools) window.mapviewer.tools.connect(bridge);     /* maptools.js */
      bridge.pageReady();
    });
  }
});
