/* mapviewer page script: binds popups, tooltips and clicks of the folium map, links the map to the
   article text panel (exported page) or to the desktop app (QWebChannel), and lets a host focus a place.
   Article text only ever reaches the page as DOM text nodes. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mapviewer-data").textContent);
  var map = window[data.map];
  var cluster = window[data.cluster];
  var layers = {};          // place key -> [layer]
  var bridge = null;        // the desktop app, when there is one
  var selected = null, step = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(String(text)));
    return node;
  }

  function sentenceNode(mention) {
    var text = data.sentences[mention.sentence] || "";
    var node = el("div", "mv-quote");
    node.appendChild(document.createTextNode(text.slice(0, mention.start)));
    node.appendChild(el("mark", "mv-kind-" + mention.kind, text.slice(mention.start, mention.end)));
    node.appendChild(document.createTextNode(text.slice(mention.end)));
    node.addEventListener("click", function () { showSentences(mention.sentence.split("s")[0], [mention]); });
    return node;
  }

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
      if (seen[m.sentence]) return;
      seen[m.sentence] = true;
      quotes.appendChild(sentenceNode(m));
    });
    node.appendChild(el("div", "mv-popup-count", p.mentions.length + " mention" + (p.mentions.length === 1 ? "" : "s")
      + " in " + Object.keys(seen).length + " sentence" + (Object.keys(seen).length === 1 ? "" : "s")));
    node.appendChild(quotes);
    return node;
  }

  function register(key, layer) {
    if (!layer || !data.places[key]) return;
    (layers[key] = layers[key] || []).push(layer);
    layer.bindTooltip(el("span", null, data.places[key].label), {sticky: !layer.getLatLng});
    layer.bindPopup(function () { return popupNode(key); }, {maxWidth: 420, minWidth: 240});
    layer.on("click", function () { select(key, "map"); });
  }

  [data.markers].concat(data.outlines).forEach(function (name) {
    window[name].eachLayer(function (layer) { register(layer.feature.properties.place, layer); });
  });
  map.attributionControl.addAttribution(data.attribution);

  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var box = el("div", "mv-legend");
    data.legend.forEach(function (item) {
      var row = el("div");
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
    return box;
  };
  legend.addTo(map);
  /* fit the places without animation, so that a host's first request never meets a zoom in flight */
  if (data.bounds) map.fitBounds(data.bounds, {padding: [30, 30], maxZoom: 9, animate: false});

  /* ---- the article panel of an exported page ---- */
  var panel = document.getElementById("mv-panel");

  function showDocument(doc) {
    if (!panel) return;
    document.querySelectorAll(".mv-doc").forEach(function (d) { d.hidden = d.dataset.doc !== String(doc); });
    var chooser = document.getElementById("mv-doc-select");
    if (chooser) chooser.value = String(doc);
  }

  function showSentences(docPrefix, mentions) {
    if (!panel || !mentions.length) return;
    showDocument(mentions[0].doc);
    document.querySelectorAll(".mv-active").forEach(function (n) { n.classList.remove("mv-active"); });
    mentions.forEach(function (m) {
      var s = document.getElementById(m.sentence);
      if (s) s.classList.add("mv-active");
    });
    var first = document.getElementById(mentions[step % mentions.length].sentence);
    if (first) first.scrollIntoView({block: "center"});
    var status = document.getElementById("mv-status");
    if (status && selected) {
      status.textContent = data.places[selected].label + ": sentence " + (step % mentions.length + 1) + " of " + mentions.length;
    }
  }

  function sentencesOf(key) {
    var seen = {};
    return data.places[key].mentions.filter(function (m) {
      if (seen[m.sentence]) return false;
      seen[m.sentence] = true;
      return true;
    });
  }

  function select(key, origin) {
    if (!data.places[key]) return;
    if (selected !== key) step = 0;
    selected = key;
    showSentences(null, sentencesOf(key));
    if (bridge && origin !== "host") bridge.placeClicked(key);
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

  if (panel) {
    panel.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-place]");
      if (!mark) return;
      select(mark.dataset.place, "text");
      focusPlace(mark.dataset.place);
    });
    var chooser = document.getElementById("mv-doc-select");
    if (chooser) chooser.addEventListener("change", function () { showDocument(chooser.value); });
    ["mv-prev", "mv-next"].forEach(function (id, i) {
      var button = document.getElementById(id);
      if (button) button.addEventListener("click", function () {
        if (!selected) return;
        var n = sentencesOf(selected).length;
        step = (step + (i ? 1 : n - 1)) % n;
        showSentences(null, sentencesOf(selected));
      });
    });
    showDocument(0);
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
    center: function () { var c = map.getCenter(); return [c.lat, c.lng, map.getZoom()]; }
  };

  /* ---- the desktop app, when the page runs inside it ---- */
  if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      if (!bridge) return;
      bridge.focusRequested.connect(function (key) { select(key, "host"); focusPlace(key); });
      bridge.pageReady();
    });
  }
});
