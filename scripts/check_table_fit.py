#!/usr/bin/env python3
"""Checks in headless Chromium that every table of a page fits it: no table wider than the page, nothing
scrolled sideways, and every column's cells shown, at 1280 px, at 390 px and in print emulation (A4
landscape less the stylesheet's 12 mm margins, about 1032 px).

usage: check_table_fit.py SITE_DIR PAGE...   exit 1 when any table of any page does not fit
Prints one line per page and width, and one per table that does not fit, naming its caption.
"""
import os
import sys

from selenium import webdriver

WIDTHS = (("1280px", 1280, "screen"), ("390px", 390, "screen"), ("print", 1032, "print"))

# For each table: its caption, whether it is wider than the page's content box, and how many cells have
# no box at all (hidden: a lost column) or are cut off by the page edge.
MEASURE = """
const page = document.documentElement.clientWidth;
const scrolled = document.documentElement.scrollWidth > page + 1;
return [scrolled, Array.from(document.querySelectorAll('table')).map(table => {
  const box = table.getBoundingClientRect();
  const cells = Array.from(table.querySelectorAll('tbody th, tbody td'));
  const hidden = cells.filter(cell => cell.getClientRects().length === 0 || cell.getBoundingClientRect().width === 0).length;
  const cut = cells.filter(cell => cell.getBoundingClientRect().right > page + 1).length;
  let scroller = false;
  for (let node = table.parentElement; node; node = node.parentElement) {
    if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') scroller = true;
  }
  const caption = table.caption ? table.caption.textContent.trim() : '(no caption)';
  return [caption, box.right > page + 1, scroller, hidden, cut];
})];
"""


def driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


def main(site, pages):
    browser = driver()
    failures = 0
    try:
        for page in pages:
            for label, width, media in WIDTHS:
                browser.set_window_size(width, 900)
                browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                browser.get("file://" + os.path.abspath(os.path.join(site, page)))
                scrolled, tables = browser.execute_script(MEASURE)
                bad = [t for t in tables if t[1] or t[2] or t[3] or t[4]]
                print(f"table fit: {page} at {label}: {len(tables)} tables, {len(bad)} do not fit"
                      + (", the page scrolls sideways" if scrolled else ""))
                for caption, wider, scroller, hidden, cut in bad:
                    print(f"  {caption}: " + ", ".join(part for part, on in (
                        ("wider than the page", wider), ("scrolls sideways", scroller),
                        (f"{hidden} cells hidden", hidden), (f"{cut} cells past the page edge", cut)) if on))
                failures += len(bad) + (1 if scrolled else 0)
    finally:
        browser.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
