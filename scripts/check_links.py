#!/usr/bin/env python3
"""Checks a built site: every internal link and anchor resolves, nothing is loaded from outside the site,
and no script or javascript: URL is present.

usage: check_links.py SITE_DIR        prints one line per problem and a closing count; exit 1 on problems
"""
import os
import sys
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse, unquote


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.resources, self.scripts = set(), [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for name in ("src", "srcset") if tag != "a" else ():
            if name in attrs:
                self.resources.append(attrs[name])
        if tag == "link" and "href" in attrs:
            self.resources.append(attrs["href"])


def main(site):
    pages = {}
    for root, _, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                page = Page()
                page.feed(open(path, encoding="utf-8").read())
                pages[os.path.normpath(path)] = page
    problems, checked = [], 0
    for path, page in sorted(pages.items()):
        where = os.path.relpath(path, site)
        if page.scripts:
            problems.append(f"{where}: contains a <script>")
        for url in page.resources:
            if urlparse(url).scheme or url.startswith("//"):
                problems.append(f"{where}: loads an external resource {url}")
            elif not os.path.exists(os.path.normpath(os.path.join(os.path.dirname(path), unquote(url)))):
                problems.append(f"{where}: missing resource {url}")
        for href in page.links:
            checked += 1
            scheme = urlparse(href).scheme
            if scheme == "javascript":
                problems.append(f"{where}: javascript: link")
                continue
            if scheme or href.startswith("//"):
                continue  # an outbound link in the content: followed by the reader, not loaded by the page
            if href.startswith("/"):
                problems.append(f"{where}: absolute link {href} breaks under a sub-path or file://")
                continue
            target, fragment = urldefrag(href)
            target_path = os.path.normpath(os.path.join(os.path.dirname(path), unquote(target))) if target else path
            if not os.path.exists(target_path):
                problems.append(f"{where}: broken link {href}")
            elif fragment and target_path.endswith(".html") and fragment not in pages[target_path].ids:
                problems.append(f"{where}: link {href} names a missing anchor #{fragment}")
    for problem in problems:
        print(problem)
    print(f"links: {checked} checked in {len(pages)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
