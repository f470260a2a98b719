"""boto3 against a DynamoDB endpoint (`sosw serve` or moto's server): the sosw tables and the calls sosw makes.

Creates the sosw tables (sosw 0.7.51's keys and indexes) under a fresh prefix, then puts tasks, claims one with a
conditional update, queries the greenfield index, and closes a task with a transaction, checking each answer
and error as DynamoDB documents it. Run: DYNAMODB_ENDPOINT=http://127.0.0.1:PORT python3 test_sosw_tables.py
(scripts/test runs it against both servers).
"""

import os
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("DYNAMODB_ENDPOINT")
if not ENDPOINT:
    sys.exit("set DYNAMODB_ENDPOINT to the server's URL, e.g. http://127.0.0.1:8000")

client = boto3.client(
    "dynamodb",
    endpoint_url=ENDPOINT,
    region_name="us-east-1",
    aws_access_key_id="testing",
    aws_secret_access_key="testing",
    config=Config(retries={"mode": "standard", "max_attempts": 1}),
)
PREFIX = f"autotest_{uuid.uuid4().hex[:8]}_"
TASKS = PREFIX + "sosw_tasks"
CLOSED = PREFIX + "sosw_closed_tasks"
RETRY = PREFIX + "sosw_retry_tasks"
CONFIG = PREFIX + "config"


def attribute(name, kind):
    return {"AttributeName": name, "AttributeType": kind}


def key(*names):
    return [{"AttributeName": n, "KeyType": t} for n, t in zip(names, ("HASH", "RANGE"))]


def error_code(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"], error.response
    raise AssertionError("the call succeeded, expected an error")


def create_tables():
    client.create_table(
        TableName=TASKS, BillingMode="PAY_PER_REQUEST", KeySchema=key("task_id"),
        AttributeDefinitions=[attribute("task_id", "S"), attribute("labourer_id", "S"), attribute("greenfield", "N")],
        GlobalSecondaryIndexes=[{
            "IndexName": "sosw_tasks_greenfield", "KeySchema": key("labourer_id", "greenfield"),
            "Projection": {"ProjectionType": "ALL"},
        }],
    )
    client.create_table(
        TableName=CLOSED, BillingMode="PAY_PER_REQUEST", KeySchema=key("task_id"),
        AttributeDefinitions=[
            attribute("task_id", "S"), attribute("labourer_id_task_status", "S"), attribute("closed_at", "N"),
        ],
        GlobalSecondaryIndexes=[{
            "IndexName": "labourer_task_status_with_time", "KeySchema": key("labourer_id_task_status", "closed_at"),
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["completed_at", "greenfield", "attempts"]},
        }],
    )
    client.create_table(
        TableName=RETRY, BillingMode="PAY_PER_REQUEST", KeySchema=key("labourer_id", "task_id"),
        AttributeDefinitions=[
            attribute("labourer_id", "S"), attribute("task_id", "S"), attribute("desired_launch_time", "N"),
        ],
        LocalSecondaryIndexes=[{
            "IndexName": "labourer_id_greenfield", "KeySchema": key("labourer_id", "desired_launch_time"),
            "Projection": {"ProjectionType": "ALL"},
        }],
    )
    client.create_table(
        TableName=CONFIG, BillingMode="PAY_PER_REQUEST", KeySchema=key("env", "config_name"),
        AttributeDefinitions=[attribute("env", "S"), attribute("config_name", "S")],
    )
    for table in (TASKS, CLOSED, RETRY, CONFIG):
        description = client.describe_table(TableName=table)["Table"]
        assert description["TableStatus"] == "ACTIVE", description["TableStatus"]
    index = client.describe_table(TableName=TASKS)["Table"]["GlobalSecondaryIndexes"][0]
    assert index["IndexName"] == "sosw_tasks_greenfield"
    assert [k["AttributeName"] for k in index["KeySchema"]] == ["labourer_id", "greenfield"]
    code, _ = error_code(lambda: client.create_table(
        TableName=CONFIG, BillingMode="PAY_PER_REQUEST", KeySchema=key("env"),
        AttributeDefinitions=[attribute("env", "S")]))
    assert code == "ResourceInUseException", code


def task(task_id, labourer, greenfield, attempts=0):
    return {
        "task_id": {"S": task_id}, "labourer_id": {"S": labourer}, "greenfield": {"N": str(greenfield)},
        "attempts": {"N": str(attempts)}, "payload": {"S": '{"n": %d}' % greenfield},
    }


def put_tasks():
    for number, greenfield in enumerate([1000, 1003, 1001, 1002]):
        client.put_item(TableName=TASKS, Item=task(f"t{number}", "worker", greenfield))
    client.put_item(TableName=TASKS, Item=task("other", "another_worker", 999))
    client.put_item(TableName=CONFIG, Item={
        "env": {"S": "production"}, "config_name": {"S": "sosw_orchestrator"}, "config_value": {"S": "{}"},
    })
    code, response = error_code(lambda: client.put_item(
        TableName=TASKS, Item=task("t0", "worker", 5), ConditionExpression="attribute_not_exists(task_id)",
        ReturnValuesOnConditionCheckFailure="ALL_OLD"))
    assert code == "ConditionalCheckFailedException", code
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["Item"]["greenfield"] == {"N": "1000"}, response.get("Item")


def claim_with_conditional_update():
    """The orchestrator's claim: move the greenfield forward and count the attempt, only if still unclaimed."""
    updated = client.update_item(
        TableName=TASKS, Key={"task_id": {"S": "t0"}},
        UpdateExpression="SET greenfield = :new, attempts = attempts + :one",
        ConditionExpression="greenfield = :old",
        ExpressionAttributeValues={":new": {"N": "5000"}, ":old": {"N": "1000"}, ":one": {"N": "1"}},
        ReturnValues="ALL_NEW",
    )["Attributes"]
    assert updated["greenfield"] == {"N": "5000"} and updated["attempts"] == {"N": "1"}, updated
    code, _ = error_code(lambda: client.update_item(
        TableName=TASKS, Key={"task_id": {"S": "t0"}}, UpdateExpression="SET greenfield = :new",
        ConditionExpression="greenfield = :old",
        ExpressionAttributeValues={":new": {"N": "6000"}, ":old": {"N": "1000"}}))
    assert code == "ConditionalCheckFailedException", code


def query_greenfield_index():
    items = client.query(
        TableName=TASKS, IndexName="sosw_tasks_greenfield",
        KeyConditionExpression="labourer_id = :lab AND greenfield < :max",
        ExpressionAttributeValues={":lab": {"S": "worker"}, ":max": {"N": "4000"}},
    )["Items"]
    assert [item["task_id"]["S"] for item in items] == ["t2", "t3", "t1"], items
    assert items[0]["payload"] == {"S": '{"n": 1001}'}, items[0]
    newest = client.query(
        TableName=TASKS, IndexName="sosw_tasks_greenfield", KeyConditionExpression="labourer_id = :lab",
        ExpressionAttributeValues={":lab": {"S": "worker"}}, ScanIndexForward=False, Limit=1,
    )
    assert [item["task_id"]["S"] for item in newest["Items"]] == ["t0"], newest["Items"]
    assert "LastEvaluatedKey" in newest
    count = client.query(
        TableName=TASKS, IndexName="sosw_tasks_greenfield", KeyConditionExpression="labourer_id = :lab",
        ExpressionAttributeValues={":lab": {"S": "worker"}}, Select="COUNT",
    )
    assert count["Count"] == 4, count


def close_with_transaction():
    """Closing a task: delete it from sosw_tasks and record it in sosw_closed_tasks, both or neither."""
    closed = dict(task("t1", "worker", 1003))
    closed.update({"labourer_id_task_status": {"S": "worker_1"}, "closed_at": {"N": "2000"},
                   "completed_at": {"N": "1999"}})
    client.transact_write_items(TransactItems=[
        {"Delete": {"TableName": TASKS, "Key": {"task_id": {"S": "t1"}},
                    "ConditionExpression": "attribute_exists(task_id)"}},
        {"Put": {"TableName": CLOSED, "Item": closed}},
    ])
    assert "Item" not in client.get_item(TableName=TASKS, Key={"task_id": {"S": "t1"}})
    closed_items = client.query(
        TableName=CLOSED, IndexName="labourer_task_status_with_time",
        KeyConditionExpression="labourer_id_task_status = :s AND closed_at > :t",
        ExpressionAttributeValues={":s": {"S": "worker_1"}, ":t": {"N": "0"}},
    )["Items"]
    assert [item["task_id"]["S"] for item in closed_items] == ["t1"], closed_items
    assert "payload" not in closed_items[0] and closed_items[0]["completed_at"] == {"N": "1999"}, closed_items[0]

    code, response = error_code(lambda: client.transact_write_items(TransactItems=[
        {"Put": {"TableName": RETRY, "Item": {
            "labourer_id": {"S": "worker"}, "task_id": {"S": "t2"}, "desired_launch_time": {"N": "3000"}}}},
        {"Delete": {"TableName": TASKS, "Key": {"task_id": {"S": "t1"}},
                    "ConditionExpression": "attribute_exists(task_id)"}},
    ]))
    assert code == "TransactionCanceledException", code
    reasons = [reason["Code"] for reason in response["CancellationReasons"]]
    assert reasons == ["None", "ConditionalCheckFailed"], reasons
    assert client.scan(TableName=RETRY, Select="COUNT")["Count"] == 0


def main():
    create_tables()
    try:
        put_tasks()
        claim_with_conditional_update()
        query_greenfield_index()
        close_with_transaction()
    finally:
        for table in (TASKS, CLOSED, RETRY, CONFIG):
            client.delete_table(TableName=table)
    print(f"test_sosw_tables: all checks passed against {ENDPOINT}")


if __name__ == "__main__":
    main()
