"""A loopback stand-in for WorkZone's OData 4 Records endpoint, enough for the outbox: $metadata (the CSDL of
tools/WorkZoneStandIn, which the API checks its field names against at start-up), GET a record with an ETag, PATCH with
If-Match (412 when stale). Counts every PATCH per record, so a change delivered twice shows. Outage control: while
out, every request is answered 503 (mode "503") or its connection closed unanswered (mode "reset"); from the suite
with outage()/restore(), from outside with POST /admin/outage?seconds=N&mode=503|reset and DELETE /admin/outage.
The full OData stand-in (tools/WorkZoneStandIn) is used by the integration tests; this one keeps the suite free of a
second .NET process."""
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


CSDL_PATH = os.path.join(os.path.dirname(__file__), "..", "..", "tools", "WorkZoneStandIn", "workzone-odata4.csdl.xml")
with open(CSDL_PATH, "rb") as csdl_file:
    CSDL = csdl_file.read()


class WorkZoneStandIn:
    def __init__(self):
        self.records = {}
        self.patches = {}
        self.lock = threading.Lock()
        self.outage_mode = None  # None = up; "503" or "reset" while out
        self.outage_until = None  # time.time() when an outage with a length ends by itself
        self.refused = 0  # requests refused during outages
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _record_id(self):
                path = unquote(self.path.split("?", 1)[0])
                start = path.find("Records('")
                return path[start + 9:-2].replace("''", "'") if start >= 0 and path.endswith("')") else None

            def _answer(self, status, body=None, etag=None):
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                data = b"" if body is None else json.dumps(body).encode()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _refused(self):
                """True when an outage is on: the request was answered 503 or its connection dropped."""
                mode = stand_in.current_outage()
                if mode is None:
                    return False
                with stand_in.lock:
                    stand_in.refused += 1
                if mode == "reset":
                    self.close_connection = True
                    self.connection.shutdown(2)  # closed without an answer, as a crashed or unplugged server
                else:
                    self._answer(503)
                return True

            def _admin(self, method):
                url = urlsplit(self.path)
                if url.path != "/admin/outage":
                    return self._answer(404)
                if method == "DELETE":
                    stand_in.restore()
                    return self._answer(204)
                query = parse_qs(url.query)
                seconds = float(query["seconds"][0]) if "seconds" in query else None
                mode = query.get("mode", ["503"])[0]
                if mode not in ("503", "reset"):
                    return self._answer(400, {"title": "mode must be 503 or reset"})
                stand_in.outage(seconds, mode)
                return self._answer(204)

            def do_POST(self):
                self._admin("POST")

            def do_DELETE(self):
                self._admin("DELETE")

            def do_GET(self):
                if self._refused():
                    return
                if self.path.split("?", 1)[0].endswith("/$metadata"):
                    data = CSDL
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                rid = self._record_id()
                with stand_in.lock:
                    rec = stand_in.records.get(rid)
                    if rec is None:
                        return self._answer(404)
                    etag = f'W/"{rec["version"]}"'
                    body = dict(rec["fields"], ID=rid, **{"@odata.etag": etag})
                self._answer(200, body, etag)

            def do_PATCH(self):
                length = int(self.headers.get("Content-Length", 0))
                patch = json.loads(self.rfile.read(length) or b"{}")
                if self._refused():
                    return
                rid = self._record_id()
                with stand_in.lock:
                    rec = stand_in.records.get(rid)
                    if rec is None:
                        return self._answer(404)
                    stand_in.patches[rid] = stand_in.patches.get(rid, 0) + 1
                    if self.headers.get("If-Match") != f'W/"{rec["version"]}"':
                        return self._answer(412)
                    rec["fields"].update(patch)
                    rec["version"] += 1
                self._answer(204)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def outage(self, seconds=None, mode="503"):
        """WorkZone down from now: for `seconds`, or until restore()."""
        with self.lock:
            self.outage_mode, self.outage_until = mode, (time.time() + seconds if seconds else None)

    def restore(self):
        with self.lock:
            self.outage_mode, self.outage_until = None, None

    def current_outage(self):
        with self.lock:
            if self.outage_until is not None and time.time() >= self.outage_until:
                self.outage_mode, self.outage_until = None, None
            return self.outage_mode

    def add(self, rid):
        with self.lock:
            self.records[rid] = {"version": 1, "fields": {"Title": "Svar"}}

    def value(self, rid, field):
        with self.lock:
            return self.records[rid]["fields"].get(field)

    def stop(self):
        self.server.shutdown()
