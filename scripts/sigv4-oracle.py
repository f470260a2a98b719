#!/usr/bin/env python3
"""Signs a fixed set of requests with botocore's SigV4Auth and writes them as JSON, so the Swift signer can be
checked against an independent implementation (Tests/SoswAWSTests/Signing/BotocoreOracleTests.swift).

Deterministic: fixed credentials, a fixed signing time (botocore's clock is replaced), fixed requests, and
JSON written with sorted keys. Re-run after a botocore upgrade and commit the file if it changed:

    python3 scripts/sigv4-oracle.py            # writes Tests/SoswAWSTests/Resources/botocore-signatures.json
    python3 scripts/sigv4-oracle.py --check    # exits 1 if the committed file differs from a fresh run
"""
import argparse
import datetime
import json
import pathlib
import sys
from urllib.parse import quote

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SoswAWSTests/Resources/botocore-signatures.json"
SIGNING_TIME = datetime.datetime(2026, 1, 5, 2, 0, 0, tzinfo=datetime.timezone.utc)
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token=="

DYNAMODB_JSON = "application/x-amz-json-1.0"
LAMBDA_FUNCTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:sosw_worker"

CASES = [
    {
        "name": "dynamodb-putitem",
        "service": "dynamodb",
        "region": "us-east-1",
        "endpoint": "https://dynamodb.us-east-1.amazonaws.com",
        "method": "POST",
        "path": "/",
        "query": [],
        "headers": [
            ["Content-Type", DYNAMODB_JSON],
            ["X-Amz-Target", "DynamoDB_20120810.PutItem"],
            ["User-Agent", "sosw/0.1 (not signed: botocore skips User-Agent)"],
        ],
        "body": json.dumps({
            "TableName": "sosw_tasks",
            "Item": {"task_id": {"S": "task-0001"}, "labourer_id": {"S": "worker_a"},
                     "greenfield": {"N": "1767578400"}, "payload": {"S": "{\"n\": 1}"}},
            "ConditionExpression": "attribute_not_exists(task_id)",
        }, sort_keys=True),
    },
    {
        "name": "dynamodb-query-gsi-local-endpoint",
        "service": "dynamodb",
        "region": "us-west-2",
        "endpoint": "http://127.0.0.1:8000",
        "method": "POST",
        "path": "/",
        "query": [],
        "headers": [
            ["Content-Type", DYNAMODB_JSON],
            ["X-Amz-Target", "DynamoDB_20120810.Query"],
        ],
        "body": json.dumps({
            "TableName": "sosw_tasks",
            "IndexName": "sosw_tasks_greenfield",
            "KeyConditionExpression": "labourer_id = :l AND greenfield < :g",
            "ExpressionAttributeValues": {":l": {"S": "wörker_ä"}, ":g": {"N": "1767578400"}},
            "Limit": 25,
        }, sort_keys=True, ensure_ascii=False),
    },
    {
        "name": "dynamodb-getitem-session-token",
        "service": "dynamodb",
        "region": "eu-central-1",
        "endpoint": "https://dynamodb.eu-central-1.amazonaws.com",
        "method": "POST",
        "path": "/",
        "query": [],
        "headers": [
            ["Content-Type", DYNAMODB_JSON],
            ["X-Amz-Target", "DynamoDB_20120810.GetItem"],
        ],
        "body": json.dumps({"TableName": "sosw_config", "Key": {"config_name": {"S": "sosw_orchestrator"}},
                            "ConsistentRead": True}, sort_keys=True),
        "session_token": SESSION_TOKEN,
    },
    {
        "name": "dynamodb-headers-folded-and-repeated",
        "service": "dynamodb",
        "region": "us-east-1",
        "endpoint": "https://dynamodb.us-east-1.amazonaws.com",
        "method": "POST",
        "path": "/",
        "query": [],
        "headers": [
            ["Content-Type", DYNAMODB_JSON],
            ["X-Amz-Target", "DynamoDB_20120810.UpdateItem"],
            ["X-Sosw-Note", "  leading,   inner   runs,\ttab and trailing   "],
            ["X-Sosw-Tag", "second"],
            ["X-Sosw-Tag", "first"],
        ],
        "body": json.dumps({"TableName": "sosw_tasks", "Key": {"task_id": {"S": "t"}},
                            "UpdateExpression": "SET attempts = attempts + :one",
                            "ExpressionAttributeValues": {":one": {"N": "1"}}}, sort_keys=True),
    },
    {
        "name": "lambda-invoke-arn-in-path",
        "service": "lambda",
        "region": "eu-west-1",
        "endpoint": "https://lambda.eu-west-1.amazonaws.com",
        "method": "POST",
        "path": "/2015-03-31/functions/" + quote(LAMBDA_FUNCTION_ARN, safe="") + "/invocations",
        "query": [["Qualifier", "$LATEST"]],
        "headers": [
            ["X-Amz-Invocation-Type", "Event"],
            ["X-Amz-Client-Context", "eyJjdXN0b20iOnsic29zdyI6dHJ1ZX19"],
            ["Content-Type", "application/json"],
        ],
        "body": json.dumps({"tasks": [{"task_id": "task-0001", "payload": {"n": 1}}]}, sort_keys=True),
    },
    {
        "name": "lambda-invoke-unsigned-payload",
        "service": "lambda",
        "region": "us-east-1",
        "endpoint": "https://lambda.us-east-1.amazonaws.com",
        "method": "POST",
        "path": "/2015-03-31/functions/" + quote("sosw worker (v2)", safe="") + "/invocations",
        "query": [],
        "headers": [["X-Amz-Invocation-Type", "RequestResponse"], ["X-Amz-Log-Type", "Tail"]],
        "body": json.dumps({"large": "x" * 64}),
        "unsigned_payload": True,
    },
    {
        "name": "cloudwatch-query-string",
        "service": "monitoring",
        "region": "us-west-2",
        "endpoint": "https://monitoring.us-west-2.amazonaws.com",
        "method": "GET",
        "path": "/",
        "query": [
            ["Action", "ListMetrics"],
            ["Version", "2010-08-01"],
            ["Namespace", "sosw/Workers"],
            ["Dimensions.member.1.Name", "Labourer Id"],
            ["Dimensions.member.1.Value", "wörker+a*b~c"],
            ["Tag", "b"],
            ["Tag", "a"],
            ["Empty", ""],
        ],
        "headers": [],
        "body": "",
    },
]


class RecordingSigV4Auth(botocore.auth.SigV4Auth):
    """botocore's signer, keeping the canonical request and string to sign it computed."""

    def string_to_sign(self, request, canonical_request):
        self.canonical = canonical_request
        self.sts = super().string_to_sign(request, canonical_request)
        return self.sts


def sign(case):
    request = AWSRequest(
        method=case["method"],
        url=case["endpoint"] + case["path"],
        params=[tuple(pair) for pair in case["query"]],
        data=case["body"].encode("utf-8"),
    )
    for name, value in case["headers"]:
        request.headers[name] = value  # botocore's HTTPHeaders keeps repeated names
    if case.get("unsigned_payload"):
        request.context["payload_signing_enabled"] = False
    credentials = Credentials(ACCESS_KEY, SECRET_KEY, case.get("session_token"))
    signer = RecordingSigV4Auth(credentials, case["service"], case["region"])
    signer.add_auth(request)
    result = dict(case)
    result["expected"] = {
        "authorization": request.headers["Authorization"],
        "x_amz_date": request.headers["X-Amz-Date"],
        "canonical_request": signer.canonical,
        "string_to_sign": signer.sts,
    }
    return result


def generate():
    botocore.auth.get_current_datetime = lambda *args, **kwargs: SIGNING_TIME.replace(tzinfo=None)
    document = {
        "generator": "scripts/sigv4-oracle.py",
        "botocore_version": botocore.__version__,
        "signing_time": SIGNING_TIME.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "access_key_id": ACCESS_KEY,
        "secret_access_key": SECRET_KEY,
        "cases": [sign(case) for case in CASES],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    arguments = parser.parse_args()
    text = generate()
    if arguments.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python3 scripts/sigv4-oracle.py and commit it", file=sys.stderr)
            return 1
        print(f"{OUTPUT} is up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} signed requests to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
