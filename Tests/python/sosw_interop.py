"""The original Python sosw 0.7.51, driven from the command line, on the same AWS tables as the Swift essentials.

The Swift interoperability tests run this script as a subprocess with the sosw 0.7.51 virtualenv's python
(scripts/test builds `.build/sosw-0.7.51-venv`) to prove that tasks flow between the two implementations in both
directions with no conversion: Python's TaskManager creates tasks that the Swift Orchestrator invokes, Python's
WorkerAssistant completes tasks the Swift Scavenger archives, Python's Orchestrator invokes tasks the Swift Scheduler
created, and Python reads what Swift wrote. Every subcommand prints ONE JSON object on stdout (keys sorted); errors
go to stderr with a non-zero exit (1 for a failed run, 2 for a bad command line).

Subcommands (FILE is the config file described below; ID a labourer id, i.e. a key of `task_config.labourers`):

  create-tables --config FILE          sosw's tables with boto3, as sosw's example CloudFormation template
                                       (examples/yaml/initial/sosw-dev-shared-dynamodb.yaml) declares them; a table
                                       that already exists is left alone. Prints each table's keys and indexes.
  create-function --name N --timeout S a Lambda function in moto (turns moto's Docker-less Lambda mode on, creates
                                       an IAM role with a Lambda trust policy and a small zip); idempotent (an
                                       existing function gets the timeout). Needs AWS_ENDPOINT_URL (moto).
  create-tasks --config FILE --labourer ID --count N [--payload JSON]
                                       TaskManager.create_task(labourer, **payload) N times, as sosw's Scheduler
                                       calls it; prints the tasks read back from the table.
  read-tasks --config FILE --labourer ID [--limit N]
                                       the queue as TaskManager sees it: get_next_for_labourer, the queue length,
                                       the oldest and newest queued greenfields.
  orchestrate --config FILE            one run of Orchestrator(custom_config=...)(event={}); prints its stats, the
                                       registered labourers, the Worker events it sent and the invoked tasks read back.
  complete --config FILE --task-id ID [--stats JSON] [--result JSON]
  fail     --config FILE --task-id ID [--stats JSON] [--result JSON]
                                       WorkerAssistant(custom_config=...)(event) with the event a Python Worker sends
                                       ({"action": "mark_task_as_completed"|"mark_task_as_failed", "task_id", "stats"?,
                                       "result"?}); prints the event and the task row afterwards.
  scavenge --config FILE               one run of Scavenger(custom_config=...)(); prints its stats, the task ids it
                                       archived, moved to the retry table and put back into the queue, and the
                                       dead-task messages it published.
  get-config --table T --name NAME [--env ENV]
                                       sosw's DynamoConfig.get_config(NAME, env=ENV) reading the config table T
  read-closed --config FILE --labourer ID
                                       the closed tasks through sosw's own readers: the `labourer_task_status_with_time`
                                       index queries of get_average_labourer_duration (`<id>_1` then `<id>_0`), each
                                       closed row, whether it is still in the tasks table, and the average duration.

The config file is one sosw configuration document: what the `config` table row `sosw_orchestrator_config` (or
`sosw_essential_config`) would hold, so the same file is the Swift commands' `--config FILE`. For example:

  {
    "task_config": {
      "dynamo_db_config": {"table_name": "autotest_ab12_sosw_tasks"},
      "sosw_closed_tasks_table": "autotest_ab12_sosw_closed_tasks",
      "sosw_retry_tasks_table": "autotest_ab12_sosw_retry_tasks",
      "labourers": {
        "autotest_ab12_worker": {
          "arn": "arn:aws:lambda:us-east-1:123456789012:function:autotest_ab12_worker",
          "max_simultaneous_invocations": 2, "max_attempts": 3, "health_metrics": {}
        }
      }
    },
    "sns_config": {"recipient": "arn:aws:sns:us-west-2:123456789012:autotest_ab12_dead", "subject": "sosw"},
    "meta_handler_config": {"dynamo_db_config": {"table_name": "autotest_ab12_sosw_tasks_meta"}}
  }

Every key is optional except `task_config.labourers`; missing ones take sosw's defaults (`sosw_tasks`, index
`sosw_tasks_greenfield`, `sosw_closed_tasks` with index `labourer_task_status_with_time`, `sosw_retry_tasks` with
index `labourer_id_greenfield`, ...). A labourer entry may hold only what sosw 0.7.51 accepts there (`arn`,
`max_simultaneous_invocations`, `max_attempts`, `health_metrics`, `max_duration`): anything else, `duration` and
`cooldown` included, makes its registration raise. `arn` may be a function name or ARN. The document is passed
whole as the essentials' `custom_config` (the TaskManager alone gets `task_config`); the WorkerAssistant's own
`dynamo_db_config` (its table) defaults to the TaskManager's table and field names, the table the Swift
WorkerAssistant writes. Nothing else configures sosw: see quirk 1 below.

Environment: AWS_ENDPOINT_URL (boto3 sends every call there), AWS_REGION or AWS_DEFAULT_REGION, and
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as the test passes them.

sosw 0.7.51 quirks this driver works around (the rows it leaves in the tables are the original's, untouched):
  1. Every Processor construction reads `sosw_essential_config` / `<function>_config` from a DynamoDB table named
     `config` (after a Glue GetTable and a DescribeTable). The driver sets DynamoConfig's own "no access" state
     (the one sosw falls into when the table is missing), so it answers {} with no call, and a `config` table
     another test created on the same moto is never read.
  2. DynamoDbClient asks Glue for each table's schema unless its config *has* a `skip_glue` key: every
     DynamoDbClient config gets one.
  3. MetaHandler.post() reads author fields from the Lambda context and fails outside Lambda: the essentials run
     with a Lambda-like context naming the essential (sosw_orchestrator, sosw_scavenger, sosw_worker_assistant).
     Its default table is an unprefixed `sosw_tasks_meta`: with no `meta_handler_config` the driver sets
     `write_meta_to_ddb: false`; with one, create-tables creates the meta table it names.
  4. SnsManager always talks to us-west-2 whatever the region, and publishes only from its destructor (where a
     failure is swallowed): the dead-task recipient must be a topic in us-west-2; scavenge publishes the queued
     messages at the end of the run and reports a failed publish instead of failing.
  5. archive_task stores the closed row's `payload` as a Python repr (`{'a': 1}`), which sosw's own reader leaves
     a string (with a warning): read-closed reports the stored text, its format (json or python_repr) and the
     value decoded either way.
  6. Labourer registration evaluates every attribute twice (two GetFunctionConfiguration calls per labourer and
     run), so every labourer's function must exist for orchestrate and scavenge: create-function makes one in moto
     (Docker-less Lambda mode, an IAM role with a Lambda trust policy, a zip).
  7. A labourer key outside sosw's CUSTOM_ATTRIBUTES (`duration`, `cooldown`, ...) makes registration raise: hence
     the restriction on labourer entries above.
  8. botocore reads AWS_DEFAULT_REGION, not AWS_REGION: the driver copies one to the other.
Left as they are (test_sosw_interop_driver.py pins the first two): the retry round trip keeps only the row-mapper
fields (stat_*, result_*, failed_attempts are lost) and never resets attempts; the WorkerAssistant's update is an
upsert (an unknown task id leaves a stub item); `invocation_number_coefficient` from JSON has string keys that
never match sosw's integer statuses, so Python keeps its defaults where Swift would honour them: a file shared by
both sides should leave that key out.
"""

import argparse
import ast
import base64
import contextlib
import copy
import decimal
import io
import json
import logging
import os
import sys
import time
import traceback
import types
import urllib.request
import uuid
import zipfile

# sosw's DEFAULT_CONFIG names, used for the tables a document leaves unnamed (the same defaults as sosw's).
DEFAULT_TASKS_TABLE = "sosw_tasks"
DEFAULT_GREENFIELD_INDEX = "sosw_tasks_greenfield"
DEFAULT_CLOSED_TABLE = "sosw_closed_tasks"
DEFAULT_CLOSED_INDEX = "labourer_task_status_with_time"
DEFAULT_RETRY_TABLE = "sosw_retry_tasks"
DEFAULT_RETRY_INDEX = "labourer_id_greenfield"

# moto's account: only the Lambda-like context's ARN carries it, and nothing in these runs reads it back.
CONTEXT_ACCOUNT = "123456789012"
LAMBDA_ROLE_NAME = "sosw-interop-lambda-role"
LAMBDA_TRUST_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}


class UsageError(Exception):
    """A problem with the command line or the config file, reported with what to change."""


# ---------------------------------------------------------------------------------------------------------------
# Environment and sosw set-up


def region_from_environment():
    """The region boto3 will use; AWS_REGION is copied to AWS_DEFAULT_REGION, the one botocore reads."""
    region = os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")
    if not region:
        raise UsageError("no region: set AWS_REGION or AWS_DEFAULT_REGION (e.g. us-east-1) for the AWS calls")
    os.environ["AWS_DEFAULT_REGION"] = region
    return region


def import_sosw():
    """Imports sosw 0.7.51 with its config-table reader switched off; returns the module namespace used here."""
    try:
        from sosw.app import global_vars
        from sosw.components.config import DynamoConfig
        from sosw.managers.task import TaskManager
        from sosw.orchestrator import Orchestrator
        from sosw.scavenger import Scavenger
        from sosw.worker_assistant import WorkerAssistant
    except ImportError as error:
        raise UsageError(f"cannot import sosw ({error}); run this script with the python of a virtualenv that has "
                         f"`pip install sosw==0.7.51` (scripts/test builds .build/sosw-0.7.51-venv; sosw 3.x has "
                         f"no orchestration layer)") from error
    # DynamoConfig's own "no access" state: get_config answers {} without creating a client or calling AWS.
    DynamoConfig.no_ddb_access = True
    return types.SimpleNamespace(global_vars=global_vars, TaskManager=TaskManager, Orchestrator=Orchestrator,
                                 Scavenger=Scavenger, WorkerAssistant=WorkerAssistant)


def run_as_lambda(sosw, function_name, region):
    """Gives sosw the Lambda context its MetaHandler reads (author, invocation id, log stream)."""
    sosw.global_vars.lambda_context = types.SimpleNamespace(
        function_name=function_name,
        aws_request_id=str(uuid.uuid4()),
        log_stream_name=f"sosw-interop/{function_name}",
        invoked_function_arn=f"arn:aws:lambda:{region}:{CONTEXT_ACCOUNT}:function:{function_name}",
        get_remaining_time_in_millis=lambda: 900_000,
    )


# ---------------------------------------------------------------------------------------------------------------
# The config file


def load_document(path):
    """The sosw config document in FILE: a JSON object with `task_config.labourers`."""
    try:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
    except OSError as error:
        raise UsageError(f"cannot read the config file {path}: {error}") from error
    except json.JSONDecodeError as error:
        raise UsageError(f"the config file {path} is not JSON: {error}") from error
    if not isinstance(document, dict):
        raise UsageError(f"the config file {path} holds {type(document).__name__}; expected a JSON object "
                         f"(a sosw config document with task_config.labourers)")
    task_config = document.get("task_config")
    if not isinstance(task_config, dict) or not isinstance(task_config.get("labourers"), dict):
        example = json.dumps({"task_config": {"labourers": {"worker": {"arn": "worker"}}}})
        raise UsageError(f"the config file {path} has no object at task_config.labourers; sosw reads the labourers "
                         f"only there (e.g. {example})")
    return document


def with_skip_glue(dynamo_db_config):
    """A DynamoDbClient config that skips the Glue Data Catalog lookup (sosw checks the key's presence)."""
    config = dict(dynamo_db_config or {})
    config.setdefault("skip_glue", True)
    return config


def task_manager_config(document):
    """The TaskManager's custom_config: the document's `task_config`."""
    config = copy.deepcopy(document["task_config"])
    config["dynamo_db_config"] = with_skip_glue(config.get("dynamo_db_config"))
    return config


def essential_config(document):
    """An essential's custom_config: the whole document, with the driver's additions."""
    config = copy.deepcopy(document)
    config["task_config"] = task_manager_config(document)
    meta = config.get("meta_handler_config")
    if meta is None:
        config["meta_handler_config"] = {"write_meta_to_ddb": False}
    else:
        meta["dynamo_db_config"] = with_skip_glue(meta.get("dynamo_db_config"))
    return config


def worker_assistant_config(document):
    """The WorkerAssistant's custom_config: its table defaults to the TaskManager's."""
    config = essential_config(document)
    tasks = document["task_config"].get("dynamo_db_config") or {}
    own = config.get("dynamo_db_config") or {}
    own.setdefault("table_name", tasks.get("table_name", DEFAULT_TASKS_TABLE))
    if "field_names" in tasks:
        own.setdefault("field_names", tasks["field_names"])
    config["dynamo_db_config"] = with_skip_glue(own)
    return config


def table_names(document):
    """The task tables and indexes the document names, sosw's defaults filling the gaps."""
    task_config = document["task_config"]
    tasks = task_config.get("dynamo_db_config") or {}
    return types.SimpleNamespace(
        tasks=tasks.get("table_name", DEFAULT_TASKS_TABLE),
        greenfield_index=tasks.get("index_greenfield", DEFAULT_GREENFIELD_INDEX),
        closed=task_config.get("sosw_closed_tasks_table", DEFAULT_CLOSED_TABLE),
        closed_index=task_config.get("sosw_closed_tasks_labourer_status_index", DEFAULT_CLOSED_INDEX),
        retry=task_config.get("sosw_retry_tasks_table", DEFAULT_RETRY_TABLE),
        retry_index=task_config.get("sosw_retry_tasks_greenfield_index", DEFAULT_RETRY_INDEX),
        meta=((document.get("meta_handler_config") or {}).get("dynamo_db_config") or {}).get("table_name"),
    )


def json_argument(text, name):
    """A command-line JSON value, e.g. --payload or --stats."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{name} is not JSON ({error}): {text!r}") from error


def labourer_of(task_manager, labourer_id, path):
    labourer = task_manager.get_labourer(labourer_id)
    if labourer is None:
        configured = ", ".join(sorted(str(key) for key in task_manager.config["labourers"]))
        raise UsageError(f"labourer {labourer_id!r} is not in task_config.labourers of {path} "
                         f"(configured: {configured or 'none'})")
    return labourer


# ---------------------------------------------------------------------------------------------------------------
# Observing what sosw does (the calls still go through unchanged)


class RecordingLambdaClient:
    """Stands in front of the TaskManager's boto3 Lambda client and records every Invoke it forwards."""

    def __init__(self, client):
        self._client = client
        self.invocations = []

    def invoke(self, **kwargs):
        response = self._client.invoke(**kwargs)
        self.invocations.append({
            "function_name": kwargs.get("FunctionName"),
            "invocation_type": kwargs.get("InvocationType"),
            "status_code": response.get("StatusCode"),
            "event": json.loads(kwargs.get("Payload") or "null"),
        })
        return response

    def __getattr__(self, name):
        return getattr(self._client, name)


def record_task_ids(owner, method_name, sink, task_id_of):
    """Wraps `owner.method_name` so each call's task id is appended to `sink` once the call returned."""
    method = getattr(owner, method_name)

    def recorded(*args, **kwargs):
        result = method(*args, **kwargs)
        sink.append(task_id_of(*args, **kwargs))
        return result

    setattr(owner, method_name, recorded)


def labourer_markers(labourer):
    """The attributes registration set on a labourer (what this run's greenfield decisions used)."""
    names = ("start", "invoked", "expired", "health", "max_duration", "average_duration", "max_attempts",
             "max_simultaneous_invocations")
    markers = {name: getattr(labourer, name, None) for name in names}
    markers.update(labourer_id=labourer.id, arn=labourer.arn, duration=labourer.duration, cooldown=labourer.cooldown)
    return markers


def raw_item(dynamo_db_client, table, task_id):
    """The stored item as DynamoDB returns it (attribute types included), for the exact text sosw wrote."""
    response = dynamo_db_client.dynamo_client.get_item(TableName=table, Key={"task_id": {"S": task_id}},
                                                       ConsistentRead=True)
    return response.get("Item")


def payload_reading(stored_text):
    """How a stored payload string decodes: as JSON (what sosw writes into sosw_tasks) or as the Python repr
    sosw's archive_task writes into the closed table."""
    if not isinstance(stored_text, str):
        return "absent", None
    try:
        return "json", json.loads(stored_text)
    except json.JSONDecodeError:
        pass
    try:
        return "python_repr", ast.literal_eval(stored_text)
    except (ValueError, SyntaxError):
        return "other", None


def stored_payload_text(item):
    value = (item or {}).get("payload")
    return value.get("S") if isinstance(value, dict) else None


# ---------------------------------------------------------------------------------------------------------------
# Subcommands


def create_tables(args):
    import boto3

    region_from_environment()
    names = table_names(load_document(args.config))
    client = boto3.client("dynamodb")
    throughput = {"ReadCapacityUnits": 3, "WriteCapacityUnits": 2}
    tags = [{"Key": "Environment", "Value": "sandbox"}]

    def key(*pairs):
        return [{"AttributeName": name, "KeyType": kind} for name, kind in pairs]

    def attributes(*pairs):
        return [{"AttributeName": name, "AttributeType": kind} for name, kind in pairs]

    definitions = [
        dict(TableName=names.tasks, KeySchema=key(("task_id", "HASH")),
             AttributeDefinitions=attributes(("task_id", "S"), ("labourer_id", "S"), ("greenfield", "N")),
             GlobalSecondaryIndexes=[{
                 "IndexName": names.greenfield_index,
                 "KeySchema": key(("labourer_id", "HASH"), ("greenfield", "RANGE")),
                 "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": throughput}]),
        dict(TableName=names.closed, KeySchema=key(("task_id", "HASH")),
             AttributeDefinitions=attributes(("task_id", "S"), ("labourer_id_task_status", "S"), ("closed_at", "N")),
             GlobalSecondaryIndexes=[{
                 "IndexName": names.closed_index,
                 "KeySchema": key(("labourer_id_task_status", "HASH"), ("closed_at", "RANGE")),
                 "Projection": {"ProjectionType": "INCLUDE",
                                "NonKeyAttributes": ["completed_at", "greenfield", "attempts"]},
                 "ProvisionedThroughput": throughput}]),
        dict(TableName=names.retry, KeySchema=key(("labourer_id", "HASH"), ("task_id", "RANGE")),
             AttributeDefinitions=attributes(("labourer_id", "S"), ("task_id", "S"), ("desired_launch_time", "N")),
             LocalSecondaryIndexes=[{
                 "IndexName": names.retry_index,
                 "KeySchema": key(("labourer_id", "HASH"), ("desired_launch_time", "RANGE")),
                 "Projection": {"ProjectionType": "ALL"}}]),
    ]
    if names.meta:
        definitions.append(dict(TableName=names.meta, KeySchema=key(("task_id", "HASH"), ("created_at", "RANGE")),
                                AttributeDefinitions=attributes(("task_id", "S"), ("created_at", "N"))))

    tables = []
    for definition in definitions:
        try:
            client.create_table(ProvisionedThroughput=throughput, Tags=tags, **definition)
            created = True
        except client.exceptions.ResourceInUseException:
            created = False
        client.get_waiter("table_exists").wait(TableName=definition["TableName"],
                                               WaiterConfig={"Delay": 1, "MaxAttempts": 60})
        description = client.describe_table(TableName=definition["TableName"])["Table"]
        tables.append({
            "table_name": description["TableName"],
            "created": created,
            "key_schema": description["KeySchema"],
            "global_secondary_indexes": [
                {"index_name": index["IndexName"], "key_schema": index["KeySchema"], "projection": index["Projection"]}
                for index in description.get("GlobalSecondaryIndexes", [])],
            "local_secondary_indexes": [
                {"index_name": index["IndexName"], "key_schema": index["KeySchema"], "projection": index["Projection"]}
                for index in description.get("LocalSecondaryIndexes", [])],
        })
    return {"tables": tables}


def create_function(args):
    import boto3

    region_from_environment()
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint:
        raise UsageError("create-function sets up a function in moto: set AWS_ENDPOINT_URL to moto's server "
                         "(e.g. http://127.0.0.1:5000)")
    if args.timeout < 1 or args.timeout > 900:
        raise UsageError(f"--timeout {args.timeout}: a Lambda timeout is 1 to 900 seconds")
    # moto runs Lambda functions in Docker unless told otherwise; without it an Event invoke is accepted (202).
    request = urllib.request.Request(endpoint.rstrip("/") + "/moto-api/config", method="POST",
                                     data=json.dumps({"lambda": {"use_docker": False}}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()

    iam = boto3.client("iam")
    try:
        role = iam.create_role(RoleName=LAMBDA_ROLE_NAME, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST_POLICY))
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName=LAMBDA_ROLE_NAME)
    role_arn = role["Role"]["Arn"]

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("lambda_function.py", "def lambda_handler(event, context):\n    return event\n")

    client = boto3.client("lambda")
    try:
        configuration = client.create_function(
            FunctionName=args.name, Runtime="python3.12", Role=role_arn, Handler="lambda_function.lambda_handler",
            Code={"ZipFile": archive.getvalue()}, Timeout=args.timeout)
        created = True
    except client.exceptions.ResourceConflictException:
        configuration = client.get_function_configuration(FunctionName=args.name)
        if configuration["Timeout"] != args.timeout:
            configuration = client.update_function_configuration(FunctionName=args.name, Timeout=args.timeout)
        created = False
    return {"function_name": configuration["FunctionName"], "function_arn": configuration["FunctionArn"],
            "timeout": configuration["Timeout"], "role_arn": role_arn, "created": created}


def create_tasks(args):
    region = region_from_environment()
    document = load_document(args.config)
    payload = json_argument(args.payload, "--payload") if args.payload is not None else {}
    if not isinstance(payload, dict):
        raise UsageError(f"--payload must be a JSON object (its keys become create_task keyword arguments), "
                         f"got {args.payload!r}")
    if args.count < 1:
        raise UsageError(f"--count {args.count}: create at least one task")
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_interop", region)
    task_manager = sosw.TaskManager(custom_config=task_manager_config(document))
    labourer = labourer_of(task_manager, args.labourer, args.config)
    names = table_names(document)

    tasks = []
    for _ in range(args.count):
        created = task_manager.create_task(labourer=labourer, **copy.deepcopy(payload))
        stored = task_manager.get_task_by_id(created["task_id"])
        if not stored:
            raise RuntimeError(f"task {created['task_id']} was created but is not in {names.tasks}")
        stored["payload_text"] = stored_payload_text(raw_item(task_manager.dynamo_db_client, names.tasks,
                                                              created["task_id"]))
        tasks.append(stored)
    return {"labourer_id": labourer.id, "task_ids": [task["task_id"] for task in tasks], "tasks": tasks}


def read_tasks(args):
    region = region_from_environment()
    document = load_document(args.config)
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_interop", region)
    task_manager = sosw.TaskManager(custom_config=task_manager_config(document))
    labourer = labourer_of(task_manager, args.labourer, args.config)
    # The first marker registration sets; get_next_for_labourer needs nothing else (no function lookup).
    labourer.set_custom_attribute("start", int(time.time()))
    queued = task_manager.get_next_for_labourer(labourer, cnt=args.limit)
    return {
        "labourer_id": labourer.id,
        "start": labourer.start,
        "queue_length": task_manager.get_length_of_queue_for_labourer(labourer),
        "oldest_greenfield": task_manager.get_oldest_greenfield_for_labourer(labourer),
        "newest_greenfield": task_manager.get_newest_greenfield_for_labourer(labourer),
        "task_ids": [task["task_id"] for task in queued],
        "tasks": queued,
    }


def orchestrate(args):
    region = region_from_environment()
    document = load_document(args.config)
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_orchestrator", region)
    orchestrator = sosw.Orchestrator(custom_config=essential_config(document))
    task_manager = orchestrator.task_client
    recorder = RecordingLambdaClient(task_manager.lambda_client)
    task_manager.lambda_client = recorder

    orchestrator(event={})

    labourers = {labourer.id: labourer for labourer in task_manager.get_labourers()}
    invoked_tasks = []
    for invocation in recorder.invocations:
        task_id = invocation["event"]["task_id"]
        task = task_manager.get_task_by_id(task_id)
        labourer = labourers[task["labourer_id"]]
        invoked_tasks.append({
            "task_id": task_id,
            "labourer_id": task["labourer_id"],
            "greenfield": task["greenfield"],
            "attempts": task["attempts"],
            "invoked_at": task["greenfield"] - task_manager.config["greenfield_invocation_delta"],
            "in_invoked_range": task["greenfield"] >= labourer.invoked,
        })
    return {
        "stats": orchestrator.get_stats(),
        "labourers": [labourer_markers(labourer) for labourer in labourers.values()],
        "invocations": recorder.invocations,
        "invoked_tasks": invoked_tasks,
    }


def scavenge(args):
    region = region_from_environment()
    document = load_document(args.config)
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_scavenger", region)
    scavenger = sosw.Scavenger(custom_config=essential_config(document))
    task_manager = scavenger.task_client
    archived, moved_to_retry, requeued = [], [], []
    record_task_ids(task_manager, "archive_task", archived, lambda task_id: task_id)
    record_task_ids(task_manager, "move_task_to_retry_table", moved_to_retry,
                    lambda task, wanted_delay: task["task_id"])
    record_task_ids(task_manager, "retry_task", requeued,
                    lambda task, labourer_id, greenfield: task["task_id"])

    scavenger()

    sns = scavenger.sns_client
    messages = list(sns.queue)
    publish_error = None
    if messages:
        try:
            sns.commit()
        except Exception as error:  # sosw's destructor would swallow it; report it instead
            publish_error = f"{type(error).__name__}: {error}"
            sns.queue = []
    return {
        "stats": scavenger.get_stats(),
        "labourers": [labourer_markers(labourer) for labourer in task_manager.get_labourers()],
        "archived_task_ids": archived,
        "moved_to_retry_task_ids": moved_to_retry,
        "requeued_task_ids": requeued,
        "dead_task_messages": {"recipient": sns.recipient, "subject": sns.subject, "messages": messages,
                               "published": bool(messages) and publish_error is None, "error": publish_error},
    }


def worker_assistant_call(args, action):
    region = region_from_environment()
    document = load_document(args.config)
    # The event a Python Worker sends: stats and result only when it has some.
    event = {"action": action, "task_id": args.task_id}
    if args.stats is not None:
        event["stats"] = json_argument(args.stats, "--stats")
    if args.result is not None:
        event["result"] = json_argument(args.result, "--result")
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_worker_assistant", region)
    assistant = sosw.WorkerAssistant(custom_config=worker_assistant_config(document))
    returned = assistant(copy.deepcopy(event))
    rows = assistant.dynamo_db_client.get_by_query({"task_id": args.task_id}, fetch_all_fields=True)
    return {"event": event, "returned": returned, "task": rows[0] if rows else None,
            "table": assistant.config["dynamo_db_config"]["table_name"]}


def read_closed(args):
    region = region_from_environment()
    document = load_document(args.config)
    sosw = import_sosw()
    run_as_lambda(sosw, "sosw_interop", region)
    task_manager = sosw.TaskManager(custom_config=task_manager_config(document))
    labourer = labourer_of(task_manager, args.labourer, args.config)
    names = table_names(document)
    client = task_manager.dynamo_db_client

    # The queries get_average_labourer_duration makes, without its limit: completed (`_1`) then failed (`_0`),
    # newest closed_at first.
    index_rows = {}
    for suffix in ("1", "0"):
        index_rows[suffix] = client.get_by_query(
            keys={"labourer_id_task_status": f"{labourer.id}_{suffix}"},
            table_name=names.closed, index_name=names.closed_index, desc=True)

    tasks = []
    for suffix, rows in index_rows.items():
        for index_row in rows:
            task_id = index_row["task_id"]
            full = client.get_by_query({"task_id": task_id}, table_name=names.closed, fetch_all_fields=True)
            row = full[0] if full else {}
            text = stored_payload_text(raw_item(client, names.closed, task_id))
            payload_format, payload_value = payload_reading(text)
            tasks.append({
                "task_id": task_id,
                "labourer_id": row.get("labourer_id"),
                "labourer_id_task_status": row.get("labourer_id_task_status"),
                "closed_status": "completed" if suffix == "1" else "failed",
                "closed_at": row.get("closed_at"),
                "completed_at": row.get("completed_at"),
                "attempts": row.get("attempts"),
                "greenfield": row.get("greenfield"),
                "created_at": row.get("created_at"),
                "payload": row.get("payload"),
                "payload_text": text,
                "payload_format": payload_format,
                "payload_value": payload_value,
                "index_row": index_row,
                "row": row,
                "in_tasks_table": bool(task_manager.get_task_by_id(task_id)),
            })

    # Failed rows count as max_duration per attempt: only then is the labourer's function looked up.
    if index_rows["0"]:
        task_manager.ecology_client.register_task_manager(task_manager)
        labourer.set_custom_attribute("max_duration", task_manager.ecology_client.get_max_labourer_duration(labourer))
    return {
        "labourer_id": labourer.id,
        "closed_table": names.closed,
        "index": names.closed_index,
        "completed_task_ids": [row["task_id"] for row in index_rows["1"]],
        "failed_task_ids": [row["task_id"] for row in index_rows["0"]],
        "average_duration": task_manager.get_average_labourer_duration(labourer),
        "tasks": tasks,
    }


# ---------------------------------------------------------------------------------------------------------------
# Command line


def get_config(args):
    """sosw's own DynamoConfig.get_config(name, env) from the config table --table (an upload's read-back)."""
    from sosw.components.config import DynamoConfig
    reader = DynamoConfig(config={"dynamo_client_config": with_skip_glue({"table_name": args.table})})
    reader.no_ddb_access = False
    return {"document": reader.get_config(args.name, env=args.env)}


def parser():
    top = argparse.ArgumentParser(prog="sosw_interop.py", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    def command(name, handler, help_text, config=True):
        sub = commands.add_parser(name, help=help_text)
        if config:
            sub.add_argument("--config", required=True, metavar="FILE", help="the sosw config document (JSON)")
        sub.set_defaults(handler=handler)
        return sub

    command("create-tables", create_tables, "create sosw's tables as its example CloudFormation template does")
    sub = command("create-function", create_function, "create a Lambda function in moto", config=False)
    sub.add_argument("--name", required=True)
    sub.add_argument("--timeout", required=True, type=int, help="seconds (sosw's max_duration)")
    sub = command("create-tasks", create_tasks, "TaskManager.create_task N times")
    sub.add_argument("--labourer", required=True, metavar="ID")
    sub.add_argument("--count", required=True, type=int)
    sub.add_argument("--payload", metavar="JSON", help="a JSON object passed as create_task keyword arguments")
    sub = command("read-tasks", read_tasks, "the queued tasks as TaskManager sees them")
    sub.add_argument("--labourer", required=True, metavar="ID")
    sub.add_argument("--limit", type=int, default=1000, help="most tasks to list (get_next_for_labourer's cnt)")
    command("orchestrate", orchestrate, "one Orchestrator run")
    command("scavenge", scavenge, "one Scavenger run")
    for name, action in (("complete", "mark_task_as_completed"), ("fail", "mark_task_as_failed")):
        sub = command(name, lambda args, action=action: worker_assistant_call(args, action),
                      f"the WorkerAssistant handling {action}")
        sub.add_argument("--task-id", required=True)
        sub.add_argument("--stats", metavar="JSON")
        sub.add_argument("--result", metavar="JSON")
    sub = command("read-closed", read_closed, "the closed tasks through sosw's readers")
    sub.add_argument("--labourer", required=True, metavar="ID")
    sub = command("get-config", get_config, "DynamoConfig.get_config of a config table", config=False)
    sub.add_argument("--table", required=True, help="the config table")
    sub.add_argument("--name", required=True, help="the document's config_name")
    sub.add_argument("--env", default="production")
    return top


def json_default(value):
    """JSON for the few non-JSON values sosw's readers return (Decimal from lists, sets, binary)."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable: {value!r}")


def main(argv):
    args = parser().parse_args(argv)
    # sosw's modules set the root logger to INFO whenever one is imported (and log whole configs): the level is
    # kept on the handler instead, warnings unless SOSW_INTEROP_LOG_LEVEL asks for more.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(os.environ.get("SOSW_INTEROP_LOG_LEVEL", "WARNING"))
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    try:
        # Anything sosw prints goes to stderr: stdout carries only the one JSON object.
        with contextlib.redirect_stdout(sys.stderr):
            output = args.handler(args)
        text = json.dumps(output, sort_keys=True, default=json_default)
    except UsageError as error:
        print(f"sosw_interop {args.command}: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        print(f"sosw_interop {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
