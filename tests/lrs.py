"""A real Learning Record Store for the tests and the bench: Ralph on 127.0.0.1.

Ralph (the ``ralph-malph`` package) runs from its own virtualenv,
``.venv-lrs`` (``make lrs-deps``; ``make test`` builds it), because its
pinned dependencies (FastAPI, pydantic) are not Relais's. It stores
statements in a folder (its filesystem backend), so stopping and starting it
again on the same folder keeps what it holds, as a real LRS would
(``lrs_ralph_app`` works around its filesystem backend's one-write bug).
"""

import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from base64 import b64encode
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LRS_VENV = Path(os.environ.get("RELAIS_LRS_VENV", ROOT / ".venv-lrs"))
USERNAME, PASSWORD = "relais", "relais-test-lrs"
HOME_PAGE = "http://testserver"
MISSING = (
    f"Ralph, the test LRS, is not installed in {LRS_VENV}: run `make lrs-deps` "
    "(`make test` does it)."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RalphLRS:
    """One Ralph process; ``start()``/``stop()`` keep its folder between runs."""

    def __init__(self, folder: Path | None = None, port: int | None = None):
        self.folder = Path(folder or tempfile.mkdtemp(prefix="relais-lrs-"))
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.log = self.folder / "ralph.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI"

    def _auth_file(self) -> Path:
        path = self.folder / "app" / "auth.json"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            hashed = subprocess.run(
                [
                    str(LRS_VENV / "bin" / "python"),
                    "-c",
                    "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(),"
                    " bcrypt.gensalt(4)).decode())",
                    PASSWORD,
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            agent = {
                "objectType": "Agent",
                "account": {"homePage": HOME_PAGE, "name": USERNAME},
            }
            path.write_text(
                json.dumps(
                    [
                        {
                            "agent": agent,
                            "scopes": ["all"],
                            "hash": hashed,
                            "username": USERNAME,
                        }
                    ]
                )
            )
        return path

    def start(self, timeout: float = 60) -> "RalphLRS":
        if not (LRS_VENV / "bin" / "uvicorn").exists():
            raise RuntimeError(MISSING)
        data = self.folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        environment = {
            **os.environ,
            "RALPH_APP_DIR": str(self._auth_file().parent),
            "RALPH_AUTH_FILE": str(self._auth_file()),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data),
        }
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [
                    str(LRS_VENV / "bin" / "uvicorn"),
                    "--app-dir",
                    str(Path(__file__).resolve().parent),
                    "lrs_ralph_app:app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                ],
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2
                ):
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Ralph did not start in {timeout} s: {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def _get(self, url: str) -> dict:
        token = b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            url,
            headers={
                "Authorization": f"Basic {token}",
                "X-Experience-API-Version": "1.0.3",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def statements(self) -> list[dict]:
        """Every statement the LRS holds, following its ``more`` links."""
        found, url = [], f"{self.endpoint}/statements?limit=1000"
        while url:
            page = self._get(url)
            found.extend(page["statements"])
            more = page.get("more")
            url = f"http://127.0.0.1:{self.port}{more}" if more else ""
        return found

    def post(self, statements: list[dict]) -> None:
        """A direct POST (the bench's baseline)."""
        token = b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            f"{self.endpoint}/statements",
            data=json.dumps(statements).encode(),
            headers={
                "Authorization": f"Basic {token}",
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
