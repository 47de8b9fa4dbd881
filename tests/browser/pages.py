"""Opening a page the way the browser tests check it."""

from __future__ import annotations


def open_page(browser, path):
    """The page in a fresh context: every request other than the page file itself is refused and recorded;
    script errors, console errors and dialogs are recorded too."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests, errors = [], []
    own = path.as_uri()

    def block(route):
        if route.request.url != own:
            requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", block)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(own)
    page.wait_for_function("() => window.mapviewer !== undefined", timeout=15000)
    return page, requests, errors


def basemap_colour(lat, lon):
    """Script whose value is the colour (#rrggbb) the offline basemap's canvas mostly has in the 9 × 9 pixels
    at (lat, lon): the fill of land or sea there, whatever thin line crosses it."""
    return f"""(() => {{
      const map = mapviewer.map, canvas = document.querySelector('.leaflet-mv-basemap-pane canvas');
      const p = map.latLngToContainerPoint([{lat}, {lon}]), box = map.getContainer().getBoundingClientRect();
      const r = canvas.getBoundingClientRect(), sx = canvas.width / r.width, sy = canvas.height / r.height;
      const x = Math.round((box.left + p.x - r.left) * sx), y = Math.round((box.top + p.y - r.top) * sy);
      const px = canvas.getContext('2d').getImageData(x - 4, y - 4, 9, 9).data, counts = {{}};
      for (let i = 0; i < px.length; i += 4) {{
        const k = '#' + [px[i], px[i + 1], px[i + 2]].map(v => v.toString(16).padStart(2, '0')).join('');
        counts[k] = (counts[k] || 0) + 1;
      }}
      return Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
    }})()"""
