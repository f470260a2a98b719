"""A fault-injecting HTTP proxy for the live tests: sits on 127.0.0.1 between the live clients and moto's server,
forwards each request, and — drawn from a seeded random stream — answers some with a fault instead:

- `error`: HTTP 500 or 503 in the service's own error form (InternalServerError / ServiceUnavailable);
- `throttle`: the service's throttling error (DynamoDB ProvisionedThroughputExceededException, Lambda 429
  TooManyRequestsException, CloudWatch Throttling, SNS Throttled);
- `reset`: the connection is closed with a TCP reset and no answer;
- `slow`: the request is forwarded after a delay (the answer still comes, late).

Faults are injected *instead of* forwarding (except `slow`), so a request that got a fault never reached moto:
a client that retries it does no harm, and every request moto saw is one the client meant to make once. Each
request is logged as one JSON line (`service`, `operation`, `fault`, `status`, the `task_ids` named in the
request's body, and for an Invoke the event's `attempts`), which is how the tests count AWS calls per task and
Orchestrator invocations per task.

Run: python3 fault_proxy.py --upstream http://127.0.0.1:PORT --port 0 --log calls.jsonl [--seed 7]
     [--error 0.05] [--throttle 0.05] [--reset 0.03] [--slow 0.05] [--slow-ms 300] [--max-faults N]
It prints `listening on http://127.0.0.1:PORT` once it accepts connections, and stops on SIGTERM or SIGINT.
"""

import argparse
import http.client
import json
import random
import re
import signal
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

SCOPE = re.compile(r"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")
TASK_ID = re.compile(rb'"task_id"\s*:\s*(?:\{\s*"S"\s*:\s*)?"([^"]+)"')


def service_and_operation(handler, body):
    """The SigV4 signing name and the operation, from the headers, the path or the form body."""
    match = SCOPE.search(handler.headers.get("Authorization", ""))
    service = match.group(1) if match else "unknown"
    target = handler.headers.get("X-Amz-Target")
    if target:
        return service, target.rsplit(".", 1)[-1]
    if service == "lambda":
        if handler.path.split("?")[0].endswith("/invocations"):
            return service, "Invoke"
        if handler.path.split("?")[0].endswith("/configuration"):
            return service, "GetFunctionConfiguration"
        return service, handler.command + " " + handler.path.split("?")[0]
    action = re.search(rb"(?:^|&)Action=([A-Za-z]+)", body)
    return service, action.group(1).decode() if action else handler.command


def task_ids(service, operation, body):
    """The task ids a request names: an Invoke's event, a DynamoDB request's keys and items."""
    if service == "lambda" and operation == "Invoke":
        try:
            return [json.loads(body).get("task_id")] if body.strip().startswith(b"{") else []
        except (ValueError, AttributeError):
            return []
    return sorted(set(match.decode() for match in TASK_ID.findall(body)))


def invoke_attempts(body):
    """The `attempts` an Orchestrator's worker event carries (the count before this invocation), or None."""
    try:
        event = json.loads(body) if body.strip().startswith(b"{") else {}
    except ValueError:
        return None
    return event.get("attempts") if isinstance(event, dict) else None


def fault_reply(service, kind):
    """Status, headers and body of a fault, as the service words it."""
    if kind == "throttle":
        if service == "dynamodb":
            code, message = "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded."
            body = {"__type": "com.amazonaws.dynamodb.v20120810#" + code, "message": message}
            return 400, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(body).encode()
        if service == "lambda":
            body = {"Type": "User", "message": "Rate Exceeded.", "Reason": "ConcurrentInvocationLimitExceeded"}
            return 429, {"Content-Type": "application/json", "x-amzn-ErrorType": "TooManyRequestsException"}, json.dumps(body).encode()
        if service == "monitoring":
            body = {"__type": "com.amazonaws.cloudwatch#Throttling", "message": "Rate exceeded"}
            return 400, {"Content-Type": "application/x-amz-json-1.0", "x-amzn-query-error": "Throttling;Sender"}, json.dumps(body).encode()
        code = "Throttled" if service == "sns" else "Throttling"
        xml = f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>Rate exceeded</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>"
        return 400, {"Content-Type": "text/xml"}, xml.encode()
    status = random.choice([500, 503]) if kind == "error" else 500
    code = "InternalServerError" if status == 500 else "ServiceUnavailable"
    if service in ("dynamodb", "monitoring", "ssm"):
        body = {"__type": code, "message": "injected by the fault proxy"}
        return status, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(body).encode()
    if service == "lambda":
        return status, {"Content-Type": "application/json", "x-amzn-ErrorType": "ServiceException"}, b'{"message":"injected by the fault proxy"}'
    xml = f"<ErrorResponse><Error><Type>Receiver</Type><Code>{code}</Code><Message>injected</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>"
    return status, {"Content-Type": "text/xml"}, xml.encode()


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.relay()

    def do_POST(self):
        self.relay()

    def do_PUT(self):
        self.relay()

    def do_DELETE(self):
        self.relay()

    def relay(self):
        config = self.server.config
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        service, operation = service_and_operation(self, body)
        fault = self.server.draw_fault()
        record = {"service": service, "operation": operation, "fault": fault, "task_ids": task_ids(service, operation, body)}
        if operation == "Invoke":
            record["attempts"] = invoke_attempts(body)
        if fault == "reset":
            self.server.log(dict(record, status=None))
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if fault in ("error", "throttle"):
            status, headers, reply = fault_reply(service, fault)
            self.server.log(dict(record, status=status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)
            return
        if fault == "slow":
            time.sleep(config.slow_ms / 1000)
        upstream = http.client.HTTPConnection(config.upstream.hostname, config.upstream.port, timeout=60)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in ("connection", "keep-alive")}
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        reply = response.read()
        self.server.log(dict(record, status=response.status))
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)
        upstream.close()


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config):
        super().__init__(("127.0.0.1", config.port), Proxy)
        self.config = config
        self.random = random.Random(config.seed)
        self.faults = 0
        self.lock = threading.Lock()
        self.log_file = open(config.log, "a", buffering=1) if config.log else None

    def draw_fault(self):
        config = self.config
        with self.lock:
            if config.max_faults is not None and self.faults >= config.max_faults:
                return None
            roll = self.random.random()
            for kind, rate in (("error", config.error), ("throttle", config.throttle), ("reset", config.reset), ("slow", config.slow)):
                if roll < rate:
                    self.faults += 1
                    return kind
                roll -= rate
            return None

    def log(self, record):
        if self.log_file:
            with self.lock:
                self.log_file.write(json.dumps(record, sort_keys=True) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--seed", type=int, default=7)
    for kind in ("error", "throttle", "reset", "slow"):
        parser.add_argument("--" + kind, type=float, default=0.0)
    parser.add_argument("--slow-ms", type=int, default=300)
    parser.add_argument("--max-faults", type=int)
    config = parser.parse_args()
    config.upstream = urlparse(config.upstream)
    if config.upstream.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"--upstream must be a loopback URL, got {config.upstream.geturl()}")
    server = FaultServer(config)
    # A parent may start this with SIGTERM blocked (a Swift test process's threads block it, and a spawned
    # child inherits the mask): unblock it, or the test's stop would wait forever.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
