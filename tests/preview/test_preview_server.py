"""The preview server as a real process: where it listens, what it serves, what it refuses, Ctrl-C."""

from __future__ import annotations

import io
import signal
import socket
import sys
import time
import zipfile
from pathlib import Path

NEGLECT = "torbay-neglect-dip-sample.yaml"
TRAVERSALS = [
    "/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd",
    "/form/../../etc/passwd", "/..\\..\\etc\\passwd", "//etc/passwd", "/etc/passwd", "/definitions/" + NEGLECT,
    "/" + NEGLECT, "/form.docx/../../../etc/passwd", "http://127.0.0.1/../../etc/passwd",
]


def _tree(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in sorted(folder.rglob("*"))}


def _outward_address() -> str | None:
    """This machine's address on its default route (a UDP connect sends nothing), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def _refused(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError:
        return True
    return False


def test_listens_on_the_loopback_address_only(definitions, start_preview):
    preview = start_preview(definitions / NEGLECT)
    assert preview.host == "127.0.0.1" and preview.port > 0
    assert preview.get("/").status == 200
    assert _refused("127.0.0.2", preview.port)  # bound to 127.0.0.1, not to every address
    outward = _outward_address()
    if outward is not None:
        assert _refused(outward, preview.port)


def test_the_preview_page_the_form_and_the_word_form_are_served(definitions, start_preview):
    preview = start_preview(definitions / NEGLECT)
    shell = preview.get("/")
    assert b"Torbay themed dip sample" in shell.body and b'src="/form?view=blank"' in shell.body
    assert "default-src 'none'" in shell.headers["Content-Security-Policy"]
    form = preview.get("/form?view=example&seed=2")
    assert form.status == 200 and b'http-equiv="Content-Security-Policy"' in form.body
    assert form.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    word = preview.get("/form.docx?view=blank")
    assert word.status == 200 and "attachment" in word.headers["Content-Disposition"]
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(word.body)).namelist()


def test_a_path_outside_the_preview_is_refused(definitions, start_preview):
    preview = start_preview(definitions / NEGLECT)
    for path in TRAVERSALS:
        response = preview.get(path)
        assert response.status == 404, path
        assert b"root:" not in response.body and b"id: torbay" not in response.body, path


def test_another_host_name_is_refused(definitions, start_preview):
    """A web page that rebinds its own name to 127.0.0.1 still cannot read the preview."""
    preview = start_preview(definitions / NEGLECT)
    assert preview.get("/", host=f"attacker.example:{preview.port}").status == 421
    assert preview.get("/", host=f"localhost:{preview.port}").status == 200


def test_ctrl_c_stops_it_cleanly_and_nothing_is_written(definitions, start_preview):
    before = _tree(definitions)
    preview = start_preview(definitions / NEGLECT)
    assert preview.get("/").status == 200 and preview.get("/form.docx").status == 200
    code, out, err = preview.interrupt()
    assert code == 0, err
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err + out
    assert "Stopped the preview." in out
    assert _tree(definitions) == before


def test_sigterm_stops_it_as_cleanly(definitions, start_preview):
    code, out, err = start_preview(definitions / NEGLECT).interrupt(signal.SIGTERM)
    assert (code, "Traceback" in err, "Stopped the preview." in out) == (0, False, True), err


def test_open_opens_the_address_in_the_web_browser(definitions, start_preview, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import os, sys\nopen({str(opened)!r} + '.tmp', 'w').write(sys.argv[1])\n"
                       f"os.replace({str(opened)!r} + '.tmp', {str(opened)!r})\n", encoding="utf-8")
    preview = start_preview(definitions / NEGLECT, "--open", env={"BROWSER": f"{sys.executable} {browser} %s"})
    deadline = time.monotonic() + 20
    while not opened.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.read_text(encoding="utf-8") == preview.url


def test_a_taken_port_is_a_usage_error(definitions, start_preview, run_cli):
    preview = start_preview(definitions / NEGLECT)
    result = run_cli("preview", definitions / NEGLECT, "--port", str(preview.port))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: port {preview.port} on 127.0.0.1 is in use; choose another with --port"


def test_a_closed_connection_is_quiet_and_any_other_failure_is_one_line(definitions, capsys):
    from auditforms.cli.preview_server import Preview, PreviewServer

    server = PreviewServer(0, Preview(definitions / NEGLECT, ()))
    try:
        for error in (BrokenPipeError(), ConnectionResetError(), ValueError("boom\x1b[2J")):
            try:
                raise error
            except Exception:
                server.handle_error(None, None)
    finally:
        server.server_close()
    assert capsys.readouterr().err == "could not answer a request: ValueError: boom?[2J\n"


def test_only_the_files_the_definition_is_built_from_reload_it_unless_it_is_broken(definitions):
    from auditforms.cli.preview_server import Preview

    preview = Preview(definitions / NEGLECT, ())
    assert preview.reload().current
    assert preview.relevant(str(definitions / NEGLECT))
    assert preview.relevant(str(definitions / "torbay-full-audit.yaml"))
    assert preview.relevant(str(definitions / "reference" / "ofsted-statements-of-good.yaml"))
    assert not preview.relevant(str(definitions / "torbay-uasc.yaml"))
    assert not preview.relevant(str(definitions / f".{NEGLECT}.swp"))
    assert definitions.resolve() in preview.folders and (definitions / "reference").resolve() in preview.folders
    (definitions / NEGLECT).write_text("id: [\n", encoding="utf-8")
    assert not preview.reload().current
    assert preview.relevant(str(definitions / "torbay-uasc.yaml"))  # the missing parent may be being written
    assert not preview.relevant(str(definitions / f"{NEGLECT}~"))


def test_a_pipe_given_as_the_definition_is_refused_at_once(run_cli, tmp_path):
    """It blocked opening the pipe for ever, printing nothing (validate and show said AF109)."""
    import os

    if not hasattr(os, "mkfifo"):
        return
    pipe = tmp_path / "tool.yaml"
    os.mkfifo(pipe)
    result = run_cli("preview", pipe, "--port", "0")
    assert result.exit_code == 1 and "error[AF109] this is not a file (a pipe or a device)" in result.stderr


def test_reading_never_opens_a_pipe_plainly(tmp_path):
    """The reload path reads through read_capped too: a file swapped for a pipe while the
    preview runs is reported, not waited on."""
    import os

    from auditforms.cli.preview_server import _load, _read

    if not hasattr(os, "mkfifo"):
        return
    pipe = tmp_path / "tool.yaml"
    os.mkfifo(pipe)
    assert _read(pipe) is None
    result, sources = _load(pipe, ())
    assert result.definition is None and sources == []
    assert [d.code for d in result.diagnostics] == ["AF109"]
