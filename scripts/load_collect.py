#!/usr/bin/env python3
"""Load on the online diagnostic: N simulated respondents on loopback, each with a connection and a
session of its own, saving a key area's page every 10 seconds (a GET of the page for its fingerprint,
then the POST that saves it), for a number of seconds; the save latencies (the POST, which is the
transaction) and the page latencies (the GET) are reported as p50, p99 and the largest, with the
throughput and every error. A measurement, not a test: docs/performance.md records its figures.

usage: load_collect.py BINARY [--respondents 10,100,1000] [--seconds 60] [--period 10]
"""
import argparse
import asyncio
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AREA = "engaging-councillors"
INDICATORS = ["councillors-principle", "councillors-champions", "councillors-reporting", "councillors-training"]
LEVELS = ["minimum", "developing", "mature", "leader", "innovator"]


class Connection:
    """HTTP/1.1 with keep-alive over one socket: enough of it for the diagnostic's pages."""

    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.reader = self.writer = None

    async def request(self, method, path, fields=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        body = urllib.parse.urlencode(fields).encode() if fields is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        if self.cookie:
            head += f"Cookie: strategyc_session={self.cookie}\r\n"
        if fields is not None:
            head += f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        self.writer.write((head + "\r\n").encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = (await self.reader.readline()).decode("latin-1").strip()
            if not line:
                break
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "set-cookie" and value.strip().startswith("strategyc_session="):
                self.cookie = value.strip().split(";")[0].split("=", 1)[1] or None
        page = (await self.reader.readexactly(length)).decode("utf-8", "replace") if length else ""
        return status, page


def hidden(name, page):
    found = re.search(f'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else ""


async def respondent(number, port, token, stop_at, period, saves, pages, statics, errors):
    connection = Connection(port)
    try:
        status, _ = await connection.request("GET", f"/start/{token}")
        status, page = await connection.request("GET", "/respond")
        status, _ = await connection.request("POST", "/respond/start", {
            "csrf": hidden("csrf", page), "role": "Officer", "department": f"Department {number}", "validation": "Self-assessed"})
        if status != 200:
            errors.append(f"respondent {number}: start gave {status}")
            return
        await asyncio.sleep(random.uniform(0, period))  # spread the first saves over a period
        while time.monotonic() < stop_at:
            began = time.monotonic()
            status, page = await connection.request("GET", f"/respond/area/{AREA}")
            pages.append(time.monotonic() - began)
            if status != 200:
                errors.append(f"respondent {number}: the page gave {status}")
            fields = {"csrf": hidden("csrf", page), "fingerprint": hidden("fingerprint", page), "then": "overview"}
            for indicator in INDICATORS:
                fields[f"current-{indicator}"] = random.choice(LEVELS[:3])
                fields[f"target-{indicator}"] = random.choice(LEVELS[2:])
                fields[f"evidence-{indicator}"] = "Minutes of the cabinet meeting " * random.randint(1, 20)
            saved = time.monotonic()
            status, _ = await connection.request("POST", f"/respond/area/{AREA}", fields)
            saves.append(time.monotonic() - saved)
            if status != 303:
                errors.append(f"respondent {number}: the save gave {status}")
            # The yardstick: the same server's stylesheet, which touches neither the store nor a template's
            # data, over the same connection: what loopback, HTTP and the router cost by themselves.
            fetched = time.monotonic()
            status, _ = await connection.request("GET", "/collect.css")
            statics.append(time.monotonic() - fetched)
            await asyncio.sleep(max(0, period - (time.monotonic() - began)))
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
        errors.append(f"respondent {number}: {type(error).__name__}: {error}")
    finally:
        if connection.writer is not None:
            connection.writer.close()


def quantile(values, q):
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 1000) - 1] if len(values) > 1 else (values[0] if values else 0)


async def run(port, token, count, seconds, period):
    saves, pages, statics, errors = [], [], [], []
    stop_at = time.monotonic() + seconds
    await asyncio.gather(*(respondent(n, port, token, stop_at, period, saves, pages, statics, errors) for n in range(count)))
    return saves, pages, statics, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--respondents", default="10,100,1000")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--period", type=float, default=10)
    options = parser.parse_args()
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(limit, 65536), limit))
    for count in [int(n) for n in options.respondents.split(",")]:
        work = tempfile.mkdtemp(prefix="strategyc-load-")
        server = None
        try:
            with open(os.path.join(work, "orgs.csv"), "w", encoding="utf-8") as f:
                f.write("name,type,region\nRiverside District Council,District council,North West\n")
            store = os.path.join(work, "round.sqlite")
            subprocess.run([options.binary, "collect", "open", "--store", store, "--round", "2026", "--organisations",
                            os.path.join(work, "orgs.csv"), "--links", os.path.join(work, "links.csv")],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            with open(os.path.join(work, "links.csv"), encoding="utf-8") as f:
                token = f.read().strip().splitlines()[-1].rsplit("/start/", 1)[1]
            log = open(os.path.join(work, "serve.out"), "w+", encoding="utf-8")
            server = subprocess.Popen([options.binary, "collect", "serve", "--store", store, "--port", "0"], cwd=ROOT,
                                      stdout=log, stderr=subprocess.STDOUT)
            port = None
            for _ in range(600):
                log.seek(0)
                found = re.search(r"127\.0\.0\.1:(\d+)/", log.read())
                if found:
                    port = int(found.group(1))
                    break
                time.sleep(0.1)
            if port is None:
                sys.exit("load_collect: collect serve did not start")
            saves, pages, statics, errors = asyncio.run(run(port, token, count, options.seconds, options.period))
            ms = lambda v: f"{v * 1000:.1f} ms"  # noqa: E731
            print(f"{count} respondents, {options.seconds:.0f} s, a save each {options.period:.0f} s: "
                  f"{len(saves)} saves ({len(saves) / options.seconds:.1f}/s), "
                  f"save p50 {ms(quantile(saves, 0.5))}, p99 {ms(quantile(saves, 0.99))}, max {ms(max(saves, default=0))}; "
                  f"page p50 {ms(quantile(pages, 0.5))}, p99 {ms(quantile(pages, 0.99))}; "
                  f"yardstick (the stylesheet) p50 {ms(quantile(statics, 0.5))}, p99 {ms(quantile(statics, 0.99))}; {len(errors)} errors")
            for error in errors[:10]:
                print("  " + error)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=60)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
