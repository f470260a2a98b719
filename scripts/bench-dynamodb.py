#!/usr/bin/env python3
"""Requests per second of a DynamoDB endpoint through boto3 from one process, loopback only.

Creates a table, then times N PutItem calls and N GetItem calls, one after another (no concurrency: this is
the latency-bound rate a single sosw worker sees). Usage: scripts/bench-dynamodb.py http://127.0.0.1:PORT [N]
"""

import sys
import time
import uuid

import boto3
from botocore.config import Config


def main():
    if len(sys.argv) < 2 or not sys.argv[1].startswith("http://127.0.0.1:"):
        sys.exit("usage: bench-dynamodb.py http://127.0.0.1:PORT [requests per operation, default 5000]")
    endpoint = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    client = boto3.client(
        "dynamodb", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing",
        aws_secret_access_key="testing", config=Config(retries={"mode": "standard", "max_attempts": 1}))
    table = f"bench_{uuid.uuid4().hex[:8]}"
    client.create_table(
        TableName=table, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "task_id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "task_id", "AttributeType": "S"}])
    item = {"labourer_id": {"S": "worker"}, "greenfield": {"N": "1767578400"}, "attempts": {"N": "0"},
            "payload": {"S": '{"chunk": 17, "source": "bench"}'}}
    try:
        for operation in ("PutItem", "GetItem"):
            started = time.perf_counter()
            for number in range(count):
                key = {"task_id": {"S": f"task-{number}"}}
                if operation == "PutItem":
                    client.put_item(TableName=table, Item={**key, **item})
                else:
                    assert "Item" in client.get_item(TableName=table, Key=key)
            elapsed = time.perf_counter() - started
            print(f"{operation}: {count} requests in {elapsed:.2f} s = {count / elapsed:.0f} requests/s")
    finally:
        client.delete_table(TableName=table)


if __name__ == "__main__":
    main()
