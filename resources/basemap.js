/* mapviewer basemap: draws the offline basemap and its names from the page's basemap data block
   (mapviewer/mapping/basemap.py decides what is there and from which zoom; this script only draws it) in
   the colours of the app's theme (the page data's palette; maptools.js fires "mvtheme" on the map when the
   theme changes), and says so when an online layer cannot be reached. Names become text nodes, never HTML. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mapviewer-data").textContent);
  var base = JSON.parse(document.getElementById("mapviewer-basemap").textContent);
  var style = base.style, map = window[data.map], group = window[base.group];
  if (!map || !group) return;
  var themes = data.palette.themes, colours = themes.light.map;      /* the theme's palette.MapStyle */

  map.createPane("mv-basemap").style.zIndex = 150;        /* under the online tiles' pane and the outlines */
  var labelPane = map.createPane("mv-labels");
  labelPane.style.zIndex = 450;                           /* over the outlines, under the markers */
  labelPane.style.pointerEvents = "none";
  var renderer = L.canvas({pane: "mv-basemap", padding: 0.3});

  function multi(type, parts) { return {type: "Feature", properties: {}, geometry: {type: type, coordinates: parts}}; }
  /* paint(colours): the Leaflet path options of a part in the theme's colours */
  function layer(feature, paint, fromZoom) {
    return {layer: L.geoJSON(feature, {renderer: renderer, interactive: false, style: paint(colours)}),
            paint: paint, fromZoom: fromZoom === undefined ? null : fromZoom};
  }
  function width(w, zoom) { return w * (zoom >= 10 ? 1.6 : zoom >= 7 ? 1.3 : 1); }

  /* each level's layers in drawing order — the masks of its cells (water over the coarser levels), land,
     lakes, rivers, region and country borders, coast — one layer per cell and kind, so that Leaflet skips
     the cells out of view when it redraws */
  function build(level) {
    var parts = [], cut = level.cells.length > 0, rows = level.rows;
    function each(kind, paint, fromZoom, type) {
      rows.forEach(function (row) {
        if (row.layers[kind] && row.layers[kind].length) parts.push(layer(multi(type, row.layers[kind]), paint, fromZoom));
      });
    }
    function byZoom(group, paint, type) {
      rows.forEach(function (row) {
        Object.keys(row[group]).forEach(function (z) {
          parts.push(layer(multi(type, row[group][z]), function (c) { return paint(c, Number(z)); }, Number(z)));
        });
      });
    }
    level.cells.forEach(function (b) {
      parts.push(layer(multi("MultiPolygon", [[[[b[1], b[0]], [b[3], b[0]], [b[3], b[2]], [b[1], b[2]], [b[1], b[0]]]]]),
                       function (c) { return {color: c.water, weight: 1, fillColor: c.water, fillOpacity: 1}; }));
    });
    /* the world level is uncut: its land's edge is the coast; cut levels hide their cells' seams in land colour */
    each("land", function (c) {
      return {fillColor: c.land, fillOpacity: 1, color: cut ? c.land : c.coast, weight: cut ? 1 : 0.8};
    }, undefined, "MultiPolygon");
    byZoom("lakes", function (c) { return {fillColor: c.water, fillOpacity: 1, color: c.coast, weight: 0.6}; },
           "MultiPolygon");
    byZoom("rivers", function (c, z) {
      return {color: c.river, lineCap: "round", lineJoin: "round", weight: z <= 3 ? 1.3 : z <= 5 ? 1 : 0.7};
    }, "MultiLineString");
    each("region", function (c) { return {color: c.region, weight: 0.8, dashArray: "4 3"}; }, style.regionZoom,
         "MultiLineString");
    each("country", function (c) { return {color: c.country, weight: 1.2}; }, undefined, "MultiLineString");
    each("coast", function (c) { return {color: c.coast, weight: 0.8}; }, undefined, "MultiLineString");
    return {zmin: level.zmin, zmax: level.zmax, parts: parts};
  }
  var levels = base.levels.map(build);

  /* the highlighted regions and countries, drawn from the basemap's arcs: each level's geometry with the level */
  function outlinesAt(n) {
    data.outlines.forEach(function (name) {
      var outlines = window[name];
      if (!outlines) return;
      outlines.eachLayer(function (l) {
        var own = base.outlines[l.feature.properties.place], m = n;
        if (!own) return;
        while (!own[m]) m--;                               /* null: the same as the level before */
        l.setLatLngs(L.GeoJSON.coordsToLatLngs(own[m].coordinates, own[m].type === "MultiPolygon" ? 2 : 1));
      });
    });
  }

  var drawn = L.layerGroup().addTo(group);
  var shownLevel = null, shownZoom = null;
  /* the finest level made for this zoom, over the coarser ones (which show only outside its cells) */
  function drawLevels() {
    var zoom = map.getZoom(), deepest = 0;
    levels.forEach(function (lv, i) { if (lv.zmin <= zoom) deepest = i; });
    if (deepest === shownLevel && zoom === shownZoom) return;
    if (deepest !== shownLevel) outlinesAt(deepest);
    shownLevel = deepest;
    shownZoom = zoom;
    drawn.clearLayers();
    levels.slice(0, deepest + 1).forEach(function (lv) {
      lv.parts.forEach(function (p) {
        if (p.fromZoom !== null && p.fromZoom > zoom) return;   /* a river or lake drawn from a closer zoom */
        var paint = p.paint(colours);
        paint.weight = width(paint.weight, zoom);
        p.layer.setStyle(paint);
        drawn.addLayer(p.layer);
      });
    });
  }

  /* ---- names: the most important first, each where no other name already is ---- */
  var measure = document.createElement("canvas").getContext("2d");
  var widths = {};
  function textWidth(label) {
    var key = label[1] + "\u0000" + label[0];
    if (widths[key] === undefined) {
      var look = style.labels[label[1]];
      measure.font = look.font;
      measure.letterSpacing = look.spacing;
      widths[key] = measure.measureText(look.upper ? label[0].toUpperCase() : label[0]).width;
    }
    return widths[key];
  }
  var placedNodes = [];
  function drawLabels() {
    placedNodes.forEach(function (n) { labelPane.removeChild(n); });
    placedNodes = [];
    if (!map.hasLayer(group)) return;
    var zoom = map.getZoom(), view = map.getBounds().pad(0.1), boxes = [], size = map.getSize();
    var origin = map.containerPointToLayerPoint([0, 0]);
    for (var i = 0; i < base.labels.length && placedNodes.length < style.maxLabels; i++) {
      var lab = base.labels[i];
      if (zoom < lab[4] || zoom > lab[5] || !view.contains([lab[2], lab[3]])) continue;
      var p = map.latLngToLayerPoint([lab[2], lab[3]]);
      var look = style.labels[lab[1]], w = textWidth(lab), h = look.height, dot = look.dot;
      var x0 = dot ? p.x + 5 : p.x - w / 2, y0 = p.y - h / 2;
      var box = [x0 - 3 - (dot ? 8 : 0), y0 - 2, x0 + w + 3, y0 + h + 2];
      if (box[2] < origin.x || box[0] > origin.x + size.x || box[3] < origin.y || box[1] > origin.y + size.y) continue;
      var free = true;
      for (var j = 0; j < boxes.length && free; j++) {
        var b = boxes[j];
        free = box[0] > b[2] || box[2] < b[0] || box[1] > b[3] || box[3] < b[1];
      }
      if (!free) continue;
      boxes.push(box);
      var node = document.createElement("div");
      node.className = "mv-label mv-label-" + lab[1] + (dot ? " mv-label-dot" : "");
      node.textContent = lab[0];
      node.style.font = look.font;
      node.style.color = colours[look.colour];
      node.style.letterSpacing = look.spacing;
      if (look.upper) node.style.textTransform = "uppercase";
      node.style.transform = "translate(" + Math.round(dot ? p.x - 3 : x0) + "px," + Math.round(y0) + "px)";
      labelPane.appendChild(node);
      placedNodes.push(node);
    }
  }

  function redraw() { drawLevels(); drawLabels(); }
  map.on("zoomstart", function () { labelPane.style.visibility = "hidden"; });
  map.on("zoomend", function () { labelPane.style.visibility = ""; });
  map.on("zoomend moveend", redraw);
  map.on("baselayerchange", function () { drawLabels(); });
  map.on("mvtheme", function (ev) {
    colours = (themes[ev.name] || themes.light).map;
    shownLevel = null;                                      /* every part drawn again in the new colours */
    redraw();
  });
  /* the app's first page of a document has the world's level only; the closer levels, their names and the
     outlines at each level follow as data (mapping.build.basemap_detail), drawn where the map is now */
  map.on("mvdetail", function (ev) {
    base.levels = ev.base.levels;
    base.labels = ev.base.labels;
    base.outlines = ev.base.outlines;
    levels = base.levels.map(build);
    shownLevel = null;
    redraw();
  });
  redraw();

  /* ---- an online layer that cannot be reached says so, instead of leaving the map grey ---- */
  var notice = L.control({position: "topright"});
  notice.onAdd = function () {
    var box = document.createElement("div");
    box.className = "mv-notice";
    box.setAttribute("role", "status");
    return box;
  };
  notice.addTo(map);
  var noticeBox = notice.getContainer();
  noticeBox.hidden = true;
  base.online.forEach(function (item) {
    var tiles = window[item[0]];
    if (!tiles) return;
    var failed = false;
    tiles.on("tileerror", function () {
      if (failed || !map.hasLayer(tiles)) return;
      failed = true;
      noticeBox.textContent = item[1] + " cannot be reached (offline?). Choose \u201cOffline basemap\u201d in the layer menu.";
      noticeBox.hidden = false;
    });
    tiles.on("tileload", function () { failed = false; noticeBox.hidden = true; });
    tiles.on("remove", function () { failed = false; noticeBox.hidden = true; });
  });

  /* for hosts and tests: the finest level drawn, the names on the screen with their class, the colours */
  window.mapviewerBasemap = {levels: function () { return levels; }, level: function () { return shownLevel; }, labels: function () {
    return placedNodes.map(function (n) { return [n.textContent, n.className.split(" ")[1].slice(9)]; });
  }, colours: function () { return colours; }};
});
