"""A pure-Python round through sosw_interop.py: Python sosw 0.7.51 alone, against moto's server.

Proves the driver the Swift interoperability tests call before they rely on it: create-tables, create-function,
create-tasks, read-tasks, orchestrate, complete, fail, scavenge and read-closed, each run as the Swift tests run it
(a subprocess of the sosw 0.7.51 virtualenv's python, one JSON object on stdout). Along the way it ages tasks in
the table with boto3 (the clock cannot wait 20 minutes) to take one task through expiry, the retry table, the queue
again and finally death, so every path of the Scavenger is exercised.

Run: python3 Tests/python/test_sosw_interop_driver.py
  - SOSW_PYTHON_SOSW: the python with sosw 0.7.51 (default .build/sosw-0.7.51-venv/bin/python, which scripts/test
    creates; or `python3 -m venv --system-site-packages DIR && DIR/bin/pip install sosw==0.7.51`);
  - SOSW_MOTO_ENDPOINT: moto's server to use (scripts/test's); without it the script starts its own moto on a free
    127.0.0.1 port and stops it (by its PID) at the end.
Every resource has a fresh `autotest_<hex>_` name and is deleted at the end, so runs can share one moto.

The sosw 0.7.51 quirks the driver works around are listed in its docstring; these checks also pin three it
leaves alone: the retry round trip drops stat_*/failed_attempts and keeps attempts, the WorkerAssistant's
update leaves a stub item for an unknown task id, and the closed table's payload is a Python repr.
"""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "sosw_interop.py"
REPO = HERE.parent.parent
REGION = "us-east-1"
SNS_REGION = "us-west-2"  # where sosw's SnsManager always publishes
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "interop-secret"}
DELTA = 31557600  # sosw's greenfield_invocation_delta
TIMEOUT = 60  # the worker function's timeout: sosw's max_duration


def sosw_python():
    python = os.environ.get("SOSW_PYTHON_SOSW") or str(REPO / ".build" / "sosw-0.7.51-venv" / "bin" / "python")
    if not Path(python).exists():
        sys.exit(f"no python with sosw 0.7.51 at {python}: set SOSW_PYTHON_SOSW, or create it with "
                 f"`python3 -m venv --system-site-packages DIR && DIR/bin/pip install sosw==0.7.51`")
    return python


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto():
    """Starts moto's server on a free loopback port; returns (endpoint, process)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return f"http://127.0.0.1:{port}", process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                sys.exit(f"moto's server did not answer on 127.0.0.1:{port} (exit status {process.poll()})")
            time.sleep(0.1)


class Round:
    """One pure-Python round: its names, its config file, its AWS clients and the driver calls."""

    def __init__(self, endpoint, python):
        self.python = python
        self.prefix = f"autotest_{uuid.uuid4().hex[:8]}_"
        self.labourer = self.prefix + "worker"
        self.tasks_table = self.prefix + "sosw_tasks"
        self.closed_table = self.prefix + "sosw_closed_tasks"
        self.retry_table = self.prefix + "sosw_retry_tasks"
        self.meta_table = self.prefix + "sosw_tasks_meta"
        self.config_path = Path(f"/tmp/{self.prefix}sosw_config.json")
        self.environment = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION=REGION,
                                AWS_DEFAULT_REGION=REGION, **CREDENTIALS)
        session = {"endpoint_url": endpoint, "aws_access_key_id": CREDENTIALS["AWS_ACCESS_KEY_ID"],
                   "aws_secret_access_key": CREDENTIALS["AWS_SECRET_ACCESS_KEY"]}
        self.dynamodb = boto3.client("dynamodb", region_name=REGION, **session)
        self.lambda_client = boto3.client("lambda", region_name=REGION, **session)
        self.sns = boto3.client("sns", region_name=SNS_REGION, **session)
        self.sqs = boto3.client("sqs", region_name=SNS_REGION, **session)
        self.topic_arn = None
        self.queue_url = None
        self.checks = 0

    def check(self, condition, message):
        assert condition, message
        self.checks += 1

    def drive(self, *arguments):
        """Runs one driver subcommand; returns its JSON object (and checks stdout holds exactly that)."""
        completed = subprocess.run([self.python, str(DRIVER), *arguments], env=self.environment,
                                   capture_output=True, text=True, timeout=120)
        if completed.returncode != 0:
            raise AssertionError(f"sosw_interop.py {' '.join(arguments)} exited {completed.returncode}:\n"
                                 f"{completed.stderr}")
        lines = completed.stdout.splitlines()
        assert len(lines) == 1, f"expected one JSON line on stdout, got {len(lines)}: {completed.stdout!r}"
        return json.loads(lines[0])

    def drive_failing(self, *arguments):
        completed = subprocess.run([self.python, str(DRIVER), *arguments], env=self.environment,
                                   capture_output=True, text=True, timeout=120)
        return completed.returncode, completed.stdout, completed.stderr

    def write_config(self, function_arn):
        document = {
            "task_config": {
                "dynamo_db_config": {"table_name": self.tasks_table},
                "sosw_closed_tasks_table": self.closed_table,
                "sosw_retry_tasks_table": self.retry_table,
                "labourers": {self.labourer: {"arn": function_arn, "max_simultaneous_invocations": 2,
                                              "max_attempts": 3, "health_metrics": {}}},
            },
            "sns_config": {"recipient": self.topic_arn, "subject": "sosw interop"},
            "meta_handler_config": {"dynamo_db_config": {"table_name": self.meta_table}},
        }
        self.config_path.write_text(json.dumps(document, indent=2))

    def task_item(self, task_id):
        return self.dynamodb.get_item(TableName=self.tasks_table, Key={"task_id": {"S": task_id}},
                                      ConsistentRead=True).get("Item")

    def age_invoked_task(self, task_id, seconds_ago, attempts=None):
        """Rewrites a task's greenfield as if it had been invoked `seconds_ago` (and optionally its attempts)."""
        values = {":greenfield": {"N": str(int(time.time()) - seconds_ago + DELTA)}}
        expression = "SET greenfield = :greenfield"
        if attempts is not None:
            values[":attempts"] = {"N": str(attempts)}
            expression += ", attempts = :attempts"
        self.dynamodb.update_item(TableName=self.tasks_table, Key={"task_id": {"S": task_id}},
                                  UpdateExpression=expression, ExpressionAttributeValues=values)

    def cleanup(self):
        for table in (self.tasks_table, self.closed_table, self.retry_table, self.meta_table):
            try:
                self.dynamodb.delete_table(TableName=table)
            except self.dynamodb.exceptions.ResourceNotFoundException:
                pass
        try:
            self.lambda_client.delete_function(FunctionName=self.labourer)
        except self.lambda_client.exceptions.ResourceNotFoundException:
            pass
        if self.topic_arn:
            self.sns.delete_topic(TopicArn=self.topic_arn)
        if self.queue_url:
            self.sqs.delete_queue(QueueUrl=self.queue_url)
        self.config_path.unlink(missing_ok=True)


def set_up(round_):
    """Dead-task topic (with a queue to read it), function, config file and tables."""
    round_.topic_arn = round_.sns.create_topic(Name=round_.prefix + "dead_tasks")["TopicArn"]
    round_.queue_url = round_.sqs.create_queue(QueueName=round_.prefix + "dead_tasks")["QueueUrl"]
    queue_arn = round_.sqs.get_queue_attributes(QueueUrl=round_.queue_url,
                                                AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    round_.sns.subscribe(TopicArn=round_.topic_arn, Protocol="sqs", Endpoint=queue_arn)

    function = round_.drive("create-function", "--name", round_.labourer, "--timeout", str(TIMEOUT))
    round_.check(function["created"] and function["timeout"] == TIMEOUT, function)
    round_.check(function["function_arn"].endswith(":function:" + round_.labourer), function)
    again = round_.drive("create-function", "--name", round_.labourer, "--timeout", str(TIMEOUT))
    round_.check(not again["created"] and again["function_arn"] == function["function_arn"], again)
    round_.write_config(function["function_arn"])

    tables = {table["table_name"]: table for table in round_.drive("create-tables", "--config",
                                                                    str(round_.config_path))["tables"]}
    round_.check(sorted(tables) == sorted([round_.tasks_table, round_.closed_table, round_.retry_table,
                                           round_.meta_table]), sorted(tables))
    round_.check(all(table["created"] for table in tables.values()), tables)
    greenfield = tables[round_.tasks_table]["global_secondary_indexes"][0]
    round_.check(greenfield["index_name"] == "sosw_tasks_greenfield"
                 and [k["AttributeName"] for k in greenfield["key_schema"]] == ["labourer_id", "greenfield"]
                 and greenfield["projection"]["ProjectionType"] == "ALL", greenfield)
    closed = tables[round_.closed_table]["global_secondary_indexes"][0]
    round_.check(closed["index_name"] == "labourer_task_status_with_time"
                 and [k["AttributeName"] for k in closed["key_schema"]] == ["labourer_id_task_status", "closed_at"]
                 and closed["projection"] == {"ProjectionType": "INCLUDE",
                                              "NonKeyAttributes": ["completed_at", "greenfield", "attempts"]}, closed)
    retry = tables[round_.retry_table]
    round_.check([k["AttributeName"] for k in retry["key_schema"]] == ["labourer_id", "task_id"], retry)
    round_.check([(i["index_name"], [k["AttributeName"] for k in i["key_schema"]])
                  for i in retry["local_secondary_indexes"]]
                 == [("labourer_id_greenfield", ["labourer_id", "desired_launch_time"])], retry)
    repeated = round_.drive("create-tables", "--config", str(round_.config_path))["tables"]
    round_.check(not any(table["created"] for table in repeated), repeated)


def create_and_queue(round_, payload):
    """Three tasks from TaskManager.create_task, read back, and the queue as sosw sees it."""
    created = round_.drive("create-tasks", "--config", str(round_.config_path), "--labourer", round_.labourer,
                           "--count", "3", "--payload", json.dumps(dict(payload, labourer_id=round_.labourer)))
    tasks = created["tasks"]
    round_.check(created["task_ids"] == [task["task_id"] for task in tasks] and len(tasks) == 3, created)
    round_.check([task["greenfield"] for task in tasks] == [2000, 3000, 4000], tasks)
    for task in tasks:
        round_.check(len(task["task_id"]) == 32 and int(task["task_id"], 16) >= 0, task)
        round_.check(task["labourer_id"] == round_.labourer and task["attempts"] == 0, task)
        round_.check(task["payload"] == payload and task["payload_text"] == json.dumps(payload), task)
        round_.check(isinstance(task["created_at"], float) and abs(task["created_at"] - time.time()) < 120, task)

    queue = round_.drive("read-tasks", "--config", str(round_.config_path), "--labourer", round_.labourer)
    round_.check(queue["task_ids"] == created["task_ids"] and queue["queue_length"] == 3, queue)
    round_.check((queue["oldest_greenfield"], queue["newest_greenfield"]) == (2000, 4000), queue)
    return tasks


def orchestrate(round_, expected_events):
    """One Orchestrator run; checks the Worker events it sent and the invoked rows; returns the invoked tasks."""
    before = int(time.time())
    run = round_.drive("orchestrate", "--config", str(round_.config_path))
    after = int(time.time())
    labourer = run["labourers"][0]
    round_.check(labourer["health"] == 4 and labourer["max_duration"] == TIMEOUT
                 and labourer["invoked"] == labourer["start"] + DELTA
                 and labourer["expired"] == labourer["invoked"] - 1200, labourer)
    round_.check(run["stats"].get("invoked_tasks", 0) == len(expected_events), run["stats"])
    round_.check([invocation["event"] for invocation in run["invocations"]] == expected_events, run["invocations"])
    for invocation in run["invocations"]:
        round_.check(invocation["function_name"] == labourer["arn"] and invocation["invocation_type"] == "Event"
                     and invocation["status_code"] == 202, invocation)
    for invoked, event in zip(run["invoked_tasks"], expected_events):
        round_.check(invoked["task_id"] == event["task_id"] and invoked["attempts"] == event["attempts"] + 1, invoked)
        round_.check(invoked["in_invoked_range"] and before <= invoked["invoked_at"] <= after, invoked)
    return run["invoked_tasks"]


def worker_event(task, payload):
    """The event sosw's Orchestrator sends a Worker: the payload with the task's fields on top."""
    return dict(payload, task_id=task["task_id"], labourer_id=task["labourer_id"], created_at=task["created_at"],
                greenfield=task["greenfield"], attempts=task["attempts"])


def complete_and_fail(round_, completed_task, failed_task):
    before = int(time.time())
    completed = round_.drive("complete", "--config", str(round_.config_path), "--task-id", completed_task,
                             "--stats", '{"rows": 5, "ratio": 0.5}', "--result", '{"ok": true, "note": "done"}')
    round_.check(completed["event"] == {"action": "mark_task_as_completed", "task_id": completed_task,
                                        "stats": {"rows": 5, "ratio": 0.5}, "result": {"ok": True, "note": "done"}},
                 completed["event"])
    row = completed["task"]
    round_.check(before <= row["completed_at"] <= int(time.time()), row)
    round_.check((row["stat_rows"], row["stat_ratio"], row["result_ok"], row["result_note"]) == (5, 0.5, True, "done"),
                 row)
    stored = round_.task_item(completed_task)
    round_.check(stored["completed_at"] == {"N": str(row["completed_at"])} and stored["result_ok"] == {"BOOL": True},
                 stored)

    failed = round_.drive("fail", "--config", str(round_.config_path), "--task-id", failed_task,
                          "--stats", '{"rows": 1}')
    round_.check(failed["event"] == {"action": "mark_task_as_failed", "task_id": failed_task, "stats": {"rows": 1}},
                 failed["event"])
    round_.check(failed["task"]["failed_attempts"] == 1 and "completed_at" not in failed["task"]
                 and failed["task"]["stat_rows"] == 1, failed["task"])

    unknown = "0" * 32
    stub = round_.drive("complete", "--config", str(round_.config_path), "--task-id", unknown)
    round_.check(sorted(stub["task"]) == ["completed_at", "task_id"], stub["task"])
    round_.dynamodb.delete_item(TableName=round_.tasks_table, Key={"task_id": {"S": unknown}})
    return row["completed_at"]


def scavenge(round_, archived=(), moved_to_retry=(), requeued=(), dead=()):
    run = round_.drive("scavenge", "--config", str(round_.config_path))
    round_.check(run["archived_task_ids"] == list(archived) + list(dead), run)
    round_.check(run["moved_to_retry_task_ids"] == list(moved_to_retry), run)
    round_.check(run["requeued_task_ids"] == list(requeued), run)
    round_.check(run["stats"].get("closed_dead_tasks", 0) == len(dead), run["stats"])
    messages = run["dead_task_messages"]
    round_.check(messages["messages"] == [f"Closing dead task: {task_id} " for task_id in dead], messages)
    round_.check(messages["published"] == bool(dead) and messages["error"] is None, messages)
    return run


def retry_path(round_, task_id, created_task, remaining_task_id):
    """Expiry → retry table → queue head, as sosw's Scavenger does it."""
    round_.age_invoked_task(task_id, seconds_ago=1300)
    moved = scavenge(round_, moved_to_retry=[task_id])
    start = moved["labourers"][0]["start"]
    retry_row = round_.dynamodb.get_item(TableName=round_.retry_table,
                                         Key={"labourer_id": {"S": round_.labourer}, "task_id": {"S": task_id}},
                                         ConsistentRead=True)["Item"]
    launch = int(retry_row["desired_launch_time"]["N"])
    round_.check(start <= launch - TIMEOUT * 1 <= int(time.time()), retry_row)  # max_duration × attempts
    round_.check(json.loads(retry_row["payload"]["S"]) == created_task["payload"], retry_row)
    round_.check("stat_rows" in retry_row and round_.task_item(task_id) is None, retry_row)

    round_.dynamodb.update_item(TableName=round_.retry_table,
                                Key={"labourer_id": {"S": round_.labourer}, "task_id": {"S": task_id}},
                                UpdateExpression="SET desired_launch_time = :due",
                                ExpressionAttributeValues={":due": {"N": str(int(time.time()) - 10)}})
    scavenge(round_, requeued=[task_id])
    queue = round_.drive("read-tasks", "--config", str(round_.config_path), "--labourer", round_.labourer)
    round_.check(queue["task_ids"] == [task_id, remaining_task_id], queue)
    round_.check([task["greenfield"] for task in queue["tasks"]] == [3999, 4000], queue)
    requeued = round_.task_item(task_id)
    round_.check(requeued["attempts"] == {"N": "1"}, requeued)
    round_.check(not any(name.startswith("stat_") for name in requeued) and "failed_attempts" not in requeued,
                 requeued)
    round_.check(round_.dynamodb.scan(TableName=round_.retry_table, Select="COUNT")["Count"] == 0, "retry table")
    return queue["tasks"]


def dead_path(round_, task_id):
    """An expired task at max_attempts is closed as dead, with a message to the SNS topic."""
    round_.age_invoked_task(task_id, seconds_ago=1300, attempts=3)
    scavenge(round_, dead=[task_id])
    received = round_.sqs.receive_message(QueueUrl=round_.queue_url, WaitTimeSeconds=1,
                                          MaxNumberOfMessages=10).get("Messages", [])
    notifications = [json.loads(message["Body"]) for message in received]
    round_.check([(n["Subject"], n["Message"]) for n in notifications]
                 == [("``sosw`` Dead Task", f"Closing dead task: {task_id} ")], notifications)


def read_closed(round_, completed, failed_id, payload):
    """The closed table through sosw's readers; `completed` is (task_id, completed_at, invoked greenfield)."""
    completed_id, completed_at, greenfield = completed
    closed = round_.drive("read-closed", "--config", str(round_.config_path), "--labourer", round_.labourer)
    round_.check(closed["completed_task_ids"] == [completed_id], closed)
    round_.check(closed["failed_task_ids"] == ([failed_id] if failed_id else []), closed)
    by_id = {task["task_id"]: task for task in closed["tasks"]}
    done = by_id[completed_id]
    round_.check(done["labourer_id_task_status"] == round_.labourer + "_1" and done["closed_status"] == "completed",
                 done)
    round_.check((done["completed_at"], done["attempts"], done["greenfield"]) == (completed_at, 1, greenfield), done)
    round_.check(completed_at <= done["closed_at"] <= int(time.time()) and not done["in_tasks_table"], done)
    round_.check(done["payload_format"] == "python_repr" and done["payload_value"] == payload, done)
    round_.check(done["row"]["stat_rows"] == 5 and done["index_row"]["closed_at"] == done["closed_at"], done)
    durations = [completed_at - (greenfield - DELTA)]
    if failed_id:
        dead = by_id[failed_id]
        round_.check(dead["labourer_id_task_status"] == round_.labourer + "_0" and dead["completed_at"] is None
                     and dead["attempts"] == 3 and not dead["in_tasks_table"], dead)
        round_.check(dead["payload_value"] == payload, dead)
        durations += [TIMEOUT] * dead["attempts"]
    round_.check(closed["average_duration"] == round(sum(durations) / len(durations)), closed)


def meta_actions(round_):
    items = round_.dynamodb.scan(TableName=round_.meta_table)["Items"]
    return sorted((item["action"]["S"], item["author"]["S"]) for item in items)


def usage_errors(round_):
    code, stdout, stderr = round_.drive_failing("read-tasks", "--config", str(round_.config_path),
                                                "--labourer", "no_such_worker")
    round_.check(code == 2 and stdout == "" and "no_such_worker" in stderr and round_.labourer in stderr,
                 (code, stdout, stderr))
    code, stdout, stderr = round_.drive_failing("create-tasks", "--config", "/nonexistent/config.json",
                                                "--labourer", round_.labourer, "--count", "1")
    round_.check(code == 2 and stdout == "" and "/nonexistent/config.json" in stderr, (code, stdout, stderr))


def run_round(round_):
    payload = {"date_list": ["2024-01-01", "2024-01-02"], "products": ["a", "b"], "isolate_days": True}
    set_up(round_)
    first, second, third = create_and_queue(round_, payload)

    invoked = orchestrate(round_, [worker_event(first, payload), worker_event(second, payload)])
    orchestrate(round_, [])  # two running of two allowed: nothing more
    completed_at = complete_and_fail(round_, first["task_id"], second["task_id"])
    scavenge(round_, archived=[first["task_id"]])
    completed = (first["task_id"], completed_at, invoked[0]["greenfield"])
    read_closed(round_, completed, None, payload)

    requeued, queued = retry_path(round_, second["task_id"], second, third["task_id"])
    orchestrate(round_, [worker_event(requeued, payload), worker_event(queued, payload)])
    dead_path(round_, second["task_id"])
    read_closed(round_, completed, second["task_id"], payload)

    actions = meta_actions(round_)
    for expected in (("archived", "sosw_scavenger"), ("archived_dead", "sosw_scavenger"),
                     ("invoked", "sosw_orchestrator"), ("marked_as_completed", "sosw_worker_assistant"),
                     ("marked_as_failed", "sosw_worker_assistant"), ("ready_for_retry", "sosw_scavenger"),
                     ("scheduled_for_retry", "sosw_scavenger")):
        round_.check(expected in actions, (expected, actions))
    usage_errors(round_)


def main():
    python = sosw_python()
    moto = None
    endpoint = os.environ.get("SOSW_MOTO_ENDPOINT")
    if not endpoint:
        endpoint, moto = start_moto()
    round_ = Round(endpoint, python)
    try:
        run_round(round_)
        round_.cleanup()
    finally:
        if moto is not None:
            moto.terminate()
            moto.wait(timeout=30)
    print(f"test_sosw_interop_driver: {round_.checks} checks passed against {endpoint} ({round_.prefix}*)")


if __name__ == "__main__":
    main()
