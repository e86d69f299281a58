"""The desk's transport rules: https only (plain http:// only to this computer), certificates
verified with the operating system's trust store, and a clear message when that fails. A real
TLS server on loopback with a certificate made here plays the centre."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client import SyncError, check_server_url, http_session


def _certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A CA (as a government network has its own) and a server certificate for 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test District CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                         critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "centre")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
                ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_file, cert_file, key_file


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"ok": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def tls_centre(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca_file, cert_file, key_file = _certificate(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", ca_file
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("url", ["http://centre.yantian.gov.cn", "http://10.0.0.5:8000/",
                                 "http://192.168.1.20"])
def test_plain_http_to_another_machine_is_refused_with_a_reason(url: str) -> None:
    with pytest.raises(SyncError, match="plain http://") as caught:
        check_server_url(url)
    assert not caught.value.transient, "not retried: the address itself must change"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost:9000/",
                                 "http://[::1]:8000", "https://centre.yantian.gov.cn/"])
def test_https_and_loopback_http_are_accepted(url: str) -> None:
    assert not check_server_url(url).endswith("/")


@pytest.mark.parametrize("url", ["ftp://centre", "centre.gov.cn", "https://"])
def test_what_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(SyncError, match="not the web address"):
        check_server_url(url)


def test_an_untrusted_certificate_is_refused_and_said_so(tls_centre: tuple[str, Path]) -> None:
    from sync.client import _network_error

    url, _ca = tls_centre
    session = http_session(retries=0)
    import requests

    with pytest.raises(requests.exceptions.SSLError) as caught:
        session.get(f"{url}/v1/hello", timeout=5)
    error = _network_error(caught.value)
    assert "certificate could not be verified" in str(error)
    assert "trust store" in str(error) and not error.transient


def test_a_certificate_from_a_ca_the_system_trusts_is_accepted(
        tls_centre: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, ca_file = tls_centre
    # The operating system's store, as OpenSSL reads it: here, only the network's own CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    answer = http_session(retries=0).get(f"{url}/v1/hello", timeout=5)
    assert answer.status_code == 200 and answer.json() == {"ok": True}
