#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the repository's own files, into SEEDS_DIR/<target>/.

JSON: the repository's JSON files and the JSON members of its tests; WorkerAssistant: worker events and task
arguments; Scenario: scenarios/*.yaml and the YAML snippets of the scenario tests; Expressions: every
expression string of the DynamoDB tests, once per kind (the first byte picks the kind); Serve: a request per
operation (first line the X-Amz-Target header, then the body). Run by scripts/fuzz; deterministic.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_SEED_BYTES = 64 * 1024


def write(folder, data):
    if isinstance(data, str):
        data = data.encode()
    if not data or len(data) > MAX_SEED_BYTES:
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def swift_strings(paths, pattern):
    """The Swift string literals matching `pattern` (one group) in `paths`, with simple escapes undone."""
    found = set()
    for path in paths:
        for match in re.finditer(pattern, path.read_text(errors="replace")):
            found.add(match.group(1).replace('\\"', '"').replace("\\\\", "\\"))
    return sorted(found)


def raw_strings(paths):
    """The contents of the multi-line literals (indentation of the closing delimiter removed) and of the raw
    one-line literals #\"...\"# in `paths`."""
    found = set()
    for path in paths:
        text = path.read_text(errors="replace")
        for match in re.finditer(r'#?"""\n(.*?)\n([ ]*)"""#?', text, re.S):
            indent = len(match.group(2))
            found.add("\n".join(line[indent:] for line in match.group(1).split("\n")))
        for match in re.finditer(r'#"(.*?)"#', text):
            found.add(match.group(1))
    return sorted(found)


def json_seeds(out):
    for path in sorted(ROOT.glob("scenarios/*.json")) + sorted(ROOT.glob("Tests/**/*.json")):
        write(out, path.read_bytes())
    for text in raw_strings(sorted(ROOT.glob("Tests/**/*.swift"))):
        if text.lstrip()[:1] in "{[":
            write(out, text)
    for text in ['{"a":[1,2.5,-0.0,1e300,"\\u00e9\\ud83d\\ude00",null,true,false]}', "9223372036854775807",
                 "-9223372036854775808", "12345678901234567890.5", "[[[[[]]]]]", '"\\/\\b\\f\\n\\r\\t"']:
        write(out, text)


def worker_assistant_seeds(out):
    events = [
        {"action": "mark_task_as_completed", "task_id": "t1"},
        {"action": "mark_task_as_failed", "task_id": "t2", "stats": {"rows": 3}, "result": '{"ok": true}'},
        {"actions": ["mark_task_as_completed"], "task_id": "t3", "stats": None, "result": ""},
        {"action": "", "actions": ["a", "b"], "task_id": 4},
        {"payload": '{"x": 1}', "labourer_id": "fuzz_worker", "created_at": 0, "greenfield": None},
        {"payload": [1, 2], "task_id": "", "attempts": 1},
        {"payload": "not json", "extra": {"nested": [1.5]}},
    ]
    for event in events:
        write(out, json.dumps(event))


def scenario_seeds(out):
    for path in sorted(ROOT.glob("scenarios/*.yaml")):
        write(out, path.read_bytes())
    tests = sorted(ROOT.glob("Tests/SoswSimulationTests/Scenario/*.swift")) + sorted(ROOT.glob("Tests/soswTests/*.swift"))
    for text in raw_strings(tests):
        if ":" in text and "\n" in text:
            write(out, text)


EXPRESSION_KINDS = 5  # condition, update, projection, key condition, filter: FuzzExpressions.swift's order


def expression_seeds(out):
    tests = sorted(ROOT.glob("Tests/SoswSimulationTests/DynamoDBBehaviour/*.swift")) + sorted(
        ROOT.glob("Tests/SoswSimulationTests/Expressions/*.swift"))
    expressions = swift_strings(tests, r'[eE]xpression: "((?:[^"\\]|\\.)*)"')
    expressions += swift_strings(tests, r'(?:condition|update|parse[A-Za-z]*)\("((?:[^"\\]|\\.)*)"')
    for expression in sorted(set(expressions)):
        if "\\(" in expression:  # an interpolation, not an expression
            continue
        for kind in range(EXPRESSION_KINDS):
            write(out, bytes([kind]) + expression.encode())


def serve_seeds(out):
    table = {"TableName": "tasks"}
    key = {"pk": {"S": "a"}, "sk": {"N": "1"}}
    requests = {
        "PutItem": {**table, "Item": {**key, "v": {"L": [{"N": "1"}, {"M": {"x": {"B": "AQI="}}}]}},
                    "ConditionExpression": "attribute_not_exists(pk)", "ReturnValues": "ALL_OLD"},
        "GetItem": {**table, "Key": key, "ProjectionExpression": "#s, n", "ExpressionAttributeNames": {"#s": "state"},
                    "ConsistentRead": True, "ReturnConsumedCapacity": "TOTAL"},
        "UpdateItem": {**table, "Key": key, "UpdateExpression": "SET n = n + :one ADD tags :t",
                       "ExpressionAttributeValues": {":one": {"N": "1"}, ":t": {"SS": ["x"]}}, "ReturnValues": "ALL_NEW"},
        "DeleteItem": {**table, "Key": key, "ConditionExpression": "n > :z",
                       "ExpressionAttributeValues": {":z": {"N": "0"}}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"},
        "Query": {**table, "KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b",
                  "ExpressionAttributeValues": {":p": {"S": "a"}, ":a": {"N": "0"}, ":b": {"N": "9"}},
                  "Limit": 1, "ScanIndexForward": False, "ExclusiveStartKey": key},
        "Scan": {**table, "IndexName": "by_state", "FilterExpression": "begins_with(#s, :o)", "Select": "COUNT",
                 "ExpressionAttributeNames": {"#s": "state"}, "ExpressionAttributeValues": {":o": {"S": "op"}}},
        "BatchWriteItem": {"RequestItems": {"tasks": [{"PutRequest": {"Item": {**key, "n": {"N": "2"}}}},
                                                       {"DeleteRequest": {"Key": key}}]}},
        "BatchGetItem": {"RequestItems": {"tasks": {"Keys": [key], "ProjectionExpression": "pk"}}},
        "TransactWriteItems": {"TransactItems": [
            {"ConditionCheck": {**table, "Key": key, "ConditionExpression": "attribute_exists(pk)"}},
            {"Update": {**table, "Key": {"pk": {"S": "b"}, "sk": {"N": "2"}}, "UpdateExpression": "REMOVE n"}}],
            "ClientRequestToken": "t"},
        "TransactGetItems": {"TransactItems": [{"Get": {**table, "Key": key}}]},
        "CreateTable": {"TableName": "other", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "B"}],
                        "BillingMode": "PROVISIONED",
                        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}},
        "DescribeTable": table,
        "DeleteTable": table,
        "ListTables": {"Limit": 1, "ExclusiveStartTableName": "a"},
    }
    for operation, body in requests.items():
        write(out, f"DynamoDB_20120810.{operation}\n{json.dumps(body)}")
    write(out, "DynamoDB_20120810.UnknownThing\n{}")
    write(out, "\n{}")


EXPRESSION_WORDS = [
    "SET", "REMOVE", "ADD", "DELETE", "AND", "OR", "NOT", "BETWEEN", "IN", "attribute_exists(", "attribute_not_exists(",
    "attribute_type(", "begins_with(", "contains(", "size(", "if_not_exists(", "list_append(", " = ", " <> ", " <= ",
    " >= ", "[0]", ".", ", ", "#n", ":v",
]


def dictionaries(seeds):
    """libFuzzer dictionaries (SEEDS_DIR/<target>.dict): the scenario schema's keys, the expression grammar's words."""
    schema = json.loads((ROOT / "scenarios/scenario.schema.json").read_text())
    keys = set()

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    keys.update(value)
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    words = {"Scenario": sorted(f"{key}: " for key in keys) + ["1ms", "3650d", "{every: ", "- {"],
             "Expressions": EXPRESSION_WORDS}
    for target, entries in words.items():
        (seeds / f"{target}.dict").write_text("".join(f"{json.dumps(entry)}\n" for entry in entries))


def main():
    seeds = pathlib.Path(sys.argv[1])
    json_seeds(seeds / "JSON")
    worker_assistant_seeds(seeds / "WorkerAssistant")
    scenario_seeds(seeds / "Scenario")
    expression_seeds(seeds / "Expressions")
    serve_seeds(seeds / "Serve")
    dictionaries(seeds)
    for folder in sorted(path for path in seeds.iterdir() if path.is_dir()):
        print(f"{folder.name}: {sum(1 for _ in folder.iterdir())} seeds")


if __name__ == "__main__":
    main()
