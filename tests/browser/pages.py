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
