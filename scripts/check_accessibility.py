#!/usr/bin/env python3
"""Runs axe-core (through axe-selenium-python) in headless Chromium on pages of a built site.

usage: check_accessibility.py [--print] SITE_DIR PAGE...   exit 1 when any page has a violation
Each page is checked at a desktop width and at a phone width (tables must scroll, not shrink); with
--print, also at the desktop width with print media emulated, as a council printing its variant's pages
would see them.

axe-selenium-python bundles axe-core 3.1 (2018), which predates the WCAG 2.1 and 2.2 rules. So the
driver comes from axe-selenium-python, and the axe-core script from the one bundled in the
axe-playwright-python package (axe-core 4.x), which install-deps installs without its Playwright
dependency: only its JavaScript file is used.
"""
import importlib.util
import os
import sys

from axe_selenium_python import Axe
from selenium import webdriver


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices (landmarks, heading order...).
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def axe_script():
    spec = importlib.util.find_spec("axe_playwright_python")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("check_accessibility: axe-playwright-python (for its axe.min.js) is not installed")
    return os.path.join(spec.submodule_search_locations[0], "axe.min.js")


def axe_version(script):
    with open(script, encoding="utf-8") as f:
        return f.readline().strip().lstrip("/*! ")


def main(site, pages, media_print=False):
    script = axe_script()
    print(f"axe: using {axe_version(script)} with axe-selenium-python")
    browser = driver()
    total = 0
    try:
        for page in pages:
            sizes = ((1280, 900, "screen"), (390, 844, "screen")) + (((1280, 900, "print"),) if media_print else ())
            for width, height, media in sizes:
                browser.set_window_size(width, height)
                browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
                browser.get("file://" + os.path.abspath(os.path.join(site, page)))
                axe = Axe(browser, script_url=script)
                axe.inject()
                results = axe.run(options=RULES)
                violations = results["violations"]
                total += len(violations)
                print(f"axe: {page} at {width}px ({media}): {len(results['passes'])} rules passed, {len(violations)} violations")
                for violation in violations:
                    targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
                    print(f"  {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    finally:
        browser.quit()
    return 1 if total else 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--print"]
    sys.exit(main(arguments[0], arguments[1:], media_print="--print" in sys.argv[1:]))
