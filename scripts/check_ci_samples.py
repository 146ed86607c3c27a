#!/usr/bin/env python3
"""Runs the commands of the sample CI files (docs/ci/*.yml) in a bare Debian root, as their runners would.

usage: check_ci_samples.py ROOT ARCHIVE

ROOT is a Debian bookworm root made by debootstrap (scripts/check-dist makes one); ARCHIVE is the release
archive `make dist` wrote, offered to the samples as STRATEGYC_URL=file://... in place of a web address.
A council's repository is a folder holding a copy of Strategy/ alone. For GitHub Actions, every `run:` step of
the build job runs in order, in one shell each, with GITHUB_PATH honoured between steps as the runner does; for
GitLab CI, each job runs before_script and its script in one shell. Then:
- the check step prints nothing and the build writes the site (GitHub: _site/, GitLab: public/);
- with an error planted in Strategy/, the GitHub check step exits 1 and prints the workflow command that
  annotates the line: ::error file=Strategy/...,line=4,col=8,endLine=4,endColumn=27,title=unknown-theme::...
What cannot run here (actions/checkout, the Pages upload and deploy, GitLab's artifacts) is GitHub's and
GitLab's own, and is not run.
"""
import os
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def fail(message):
    print(f"check_ci_samples: {message}", file=sys.stderr)
    sys.exit(1)


def inside(root, workdir, script, env):
    """Runs a bash script in the root, in /work/<workdir>, with only the given environment."""
    environment = ["HOME=/root", "LANG=C.UTF-8", "DEBIAN_FRONTEND=noninteractive"] + [f"{k}={v}" for k, v in env.items()]
    # /proc mounted in a mount namespace of the command's own, as on a real machine (Swift reads the command
    # line from it); nothing stays mounted afterwards.
    command = ["unshare", "--mount", "--fork", "sh", "-c", 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"', root,
               "/usr/bin/env", "-i"] + environment + ["bash", "-eo", "pipefail", "-c", f"cd /work/{workdir}\n{script}"]
    return subprocess.run(command, capture_output=True, text=True)


def council_repository(root, name, broken=False):
    folder = os.path.join(root, "work", name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    shutil.copytree(os.path.join(REPO, "Strategy"), os.path.join(folder, "Strategy"))
    if broken:
        path = os.path.join(folder, "Strategy/key-areas/showing-leadership/engaging-councillors.md")
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace("theme: showing-leadership\n", "theme: showing-leadershipp\n", 1))
    return folder


def github(root, url, broken=False):
    """Runs the build job's run: steps; returns (the check step's result, the folder)."""
    workflow = yaml.safe_load(open(os.path.join(REPO, "docs/ci/github-pages.yml"), encoding="utf-8"))
    job = workflow["jobs"]["build"]
    if job.get("container") != "debian:bookworm":
        fail("the GitHub sample's build job should run in debian:bookworm, the system this test uses")
    name = "github-broken" if broken else "github"
    folder = council_repository(root, name, broken)
    path_file = f"/work/{name}.github_path"
    open(os.path.join(root, path_file.lstrip("/")), "w").close()
    env = dict(job.get("env", {}), STRATEGYC_URL=url, GITHUB_PATH=path_file)
    check = None
    for step in job["steps"]:
        if "run" not in step:
            continue
        extra = [line for line in open(os.path.join(root, path_file.lstrip("/"))).read().splitlines() if line]
        env["PATH"] = ":".join(extra + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"])
        result = inside(root, name, step["run"], env)
        if step.get("name") == "Check the strategy":
            check = result
            if broken:
                return check, folder
        if result.returncode != 0:
            fail(f"GitHub step {step.get('name')!r} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return check, folder


def gitlab(root, url, job_name):
    pipeline = yaml.safe_load(open(os.path.join(REPO, "docs/ci/gitlab-pages.yml"), encoding="utf-8"))
    if pipeline["default"]["image"] != "debian:bookworm":
        fail("the GitLab sample should run in debian:bookworm, the system this test uses")
    name = f"gitlab-{job_name}"
    folder = council_repository(root, name)
    env = dict(pipeline.get("variables", {}), STRATEGYC_URL=url, PATH="/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
    script = "\n".join(pipeline.get("before_script", []) + pipeline[job_name]["script"])
    result = inside(root, name, script, env)
    if result.returncode != 0:
        fail(f"GitLab job {job_name!r} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result, folder


def main(argv):
    if len(argv) != 3:
        fail("usage: check_ci_samples.py ROOT ARCHIVE")
    root, archive = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    shutil.copy(archive, os.path.join(root, "opt", "release.tar.gz"))
    url = "file:///opt/release.tar.gz"

    check, folder = github(root, url)
    if check is None or check.returncode != 0 or check.stdout or check.stderr:
        fail(f"the GitHub check step should pass silently: {check}")
    if not os.path.isfile(os.path.join(folder, "_site/index.html")):
        fail("the GitHub build step wrote no _site/index.html")
    print("ok: GitHub Actions sample: strategyc installed from the archive, Strategy checked silently, _site built")

    check, _ = github(root, url, broken=True)
    expected = ("::error file=Strategy/key-areas/showing-leadership/engaging-councillors.md,line=4,col=8,endLine=4,"
                "endColumn=27,title=unknown-theme::unknown theme 'showing-leadershipp'; did you mean 'showing-leadership'?"
                "%0Afix-it: replace with 'showing-leadership'\n")
    if check.returncode != 1 or check.stdout != expected:
        fail(f"the GitHub check step should exit 1 with the annotation {expected!r}; it exited {check.returncode} with:\n"
             f"{check.stdout}{check.stderr}")
    print("ok: GitHub Actions sample: an error in Strategy/ fails the check step with an annotation on its line")

    result, _ = gitlab(root, url, "check")
    if result.stdout.strip() != "Strategy: National Procurement Strategy for Local Government in England, edition 2022: " \
            "3 themes, 10 key areas, 62 indicators, 5 enablers, 335 descriptors, 5 levels; no errors, 0 warnings (21 files)":
        fail(f"the GitLab check job printed:\n{result.stdout}{result.stderr}")
    _, folder = gitlab(root, url, "pages")
    if not os.path.isfile(os.path.join(folder, "public/index.html")):
        fail("the GitLab pages job wrote no public/index.html")
    print("ok: GitLab CI sample: the check job passes and the pages job writes public/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
