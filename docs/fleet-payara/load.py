"""Load on the sample application's ledger pool in several Payara Micro instances, with the
fleet's pooled connections counted on PostgreSQL every 50 ms. Usage: load.py SECONDS THREADS PORT,PORT,..."""
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

seconds, threads, ports = float(sys.argv[1]), int(sys.argv[2]), [int(p) for p in sys.argv[3].split(",")]
stop = time.time() + seconds
ok = {p: 0 for p in ports}
failed = {p: 0 for p in ports}
lock = threading.Lock()
peak = [0]


def worker(port):
    # GET /api/status borrows a ledger connection (SELECT 1); the ledger's factory must say it is up.
    while time.time() < stop:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=60) as r:
                body = r.read()
        except urllib.error.HTTPError as e:
            body = e.read()
        except OSError:
            body = b""
        try:
            up = [f for f in json.loads(body)["factories"] if f["backend"] == "postgresql"][0]["up"]
        except (ValueError, KeyError, IndexError):
            up = False
        with lock:
            if up:
                ok[port] += 1
            else:
                failed[port] += 1


def sampler():
    while time.time() < stop + 1:
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-Atc",
                              "select count(*) from pg_stat_activity where application_name like 'ef/sample-ledger/%/p'"],
                             capture_output=True, text=True).stdout.strip()
        peak[0] = max(peak[0], int(out or 0))
        time.sleep(0.05)


s = threading.Thread(target=sampler)
s.start()
ts = [threading.Thread(target=worker, args=(p,)) for p in ports for _ in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
s.join()
print("requests ok", ok, "failed", failed, "peak pooled ledger connections on PostgreSQL", peak[0])
