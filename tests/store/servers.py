"""Real servers for the store tests: `chroma run` and a throwaway PostgreSQL cluster (initdb + pg_ctl).

PostgreSQL comes from the Debian package (`make postgres` installs it); initdb refuses to run as root,
so as root the cluster belongs to the `postgres` user and lives in a directory under /tmp it can enter.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(check, proc: subprocess.Popen | None, what: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while not check():
        if time.time() > deadline or (proc is not None and proc.poll() is not None):
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.2)


def start_chroma(data: Path):
    """(url, process) of a `chroma run` server on 127.0.0.1."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if chroma is None:
        pytest.fail("the `chroma` CLI (shipped with chromadb) is not installed")
    port = free_port()
    proc = subprocess.Popen([chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(url + "/api/v2/heartbeat", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _wait(up, proc, "the chroma server")
    except BaseException:
        proc.terminate()
        raise
    return url, proc


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class Postgres:
    """A PostgreSQL cluster in a temporary directory, listening on 127.0.0.1:<free port>, trust auth."""

    def __init__(self):
        bin_dir = _pg_bin()
        if bin_dir is None:
            pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); `make postgres` "
                        "installs Debian's package")
        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="fazhi-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:  # initdb refuses root: the cluster is the postgres user's
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no `postgres` user to own the cluster")
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "fazhi", "--auth=trust", "--locale=C", "-E", "UTF8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200", "start")
        self.url = f"postgresql://fazhi@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip()[-500:]}")

    def database(self, name: str) -> str:
        """A fresh empty database on this cluster (one per test), as a URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres():
    server = Postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    url, proc = start_chroma(tmp_path_factory.mktemp("chroma-server"))
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
