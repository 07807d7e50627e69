"""A loopback stand-in for WorkZone's OData 4 Records endpoint, enough for the outbox: $metadata (the CSDL of
tools/WorkZoneStandIn, which the API checks its field names against at start-up), GET a record with an ETag, PATCH with
If-Match (412 when stale). Counts every PATCH per record, so a change delivered twice shows. The full OData stand-in
(tools/WorkZoneStandIn) is used by the integration tests; this one keeps the suite free of a second .NET process."""
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote


CSDL_PATH = os.path.join(os.path.dirname(__file__), "..", "..", "tools", "WorkZoneStandIn", "workzone-odata4.csdl.xml")
with open(CSDL_PATH, "rb") as csdl_file:
    CSDL = csdl_file.read()


class WorkZoneStandIn:
    def __init__(self):
        self.records = {}
        self.patches = {}
        self.lock = threading.Lock()
        self.down = False
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

            def do_GET(self):
                if stand_in.down:
                    return self._answer(503)
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
                if stand_in.down:
                    return self._answer(503)
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

    def add(self, rid):
        with self.lock:
            self.records[rid] = {"version": 1, "fields": {"Title": "Svar"}}

    def value(self, rid, field):
        with self.lock:
            return self.records[rid]["fields"].get(field)

    def stop(self):
        self.server.shutdown()
