"""The search indexer's child process ends with the build, even when the build is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")

DRIVER = """
import subprocess, sys
from kennisbank.site.searchindex import child_process_options
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], **child_process_options())
print(child.pid, flush=True)
child.wait()
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("with_options", [True, False])
def test_the_child_dies_with_its_killed_parent(with_options):
    driver = DRIVER if with_options else DRIVER.replace("**child_process_options()", "")
    parent = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    if with_options:
        assert not alive(child)
    else:  # without the protection the child would live on: the test can tell the difference
        assert alive(child)
        os.kill(child, signal.SIGKILL)
