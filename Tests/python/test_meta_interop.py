"""The audit trail's rows, sosw 0.7.51's and ours, side by side on moto's server.

Two rounds of the same task life (created by sosw's TaskManager, invoked, reported completed, archived), each on
its own tables with meta_handler_config naming its meta table: one run by Python sosw 0.7.51's essentials
(through sosw_interop.py, as the other interop tests drive it), one by the `sosw` binary's live essentials. For
every action both posted (invoked, marked_as_completed, archived), the rows must have the same attribute names
with the same DynamoDB types. The one difference allowed is `log_stream_name`: sosw reads it from the Lambda
context, which a command-line run does not have (inside Lambda, `sosw lambda` writes it too).

Run: python3 Tests/python/test_meta_interop.py
  - SOSW_PYTHON_SOSW: the python with sosw 0.7.51 (default .build/sosw-0.7.51-venv/bin/python);
  - SOSW_RELEASE_BINARY: the sosw binary (default .build/release/sosw, else .build/debug/sosw);
  - SOSW_MOTO_ENDPOINT: moto's server; without it the script starts its own on a free 127.0.0.1 port and stops it
    (by its PID) at the end.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_sosw_interop_driver import CREDENTIALS, DRIVER, REGION, REPO, sosw_python, start_moto  # noqa: E402

import boto3  # noqa: E402

ACTIONS = ("invoked", "marked_as_completed", "archived")


def sosw_binary():
    configured = os.environ.get("SOSW_RELEASE_BINARY")
    candidates = [configured] if configured else [str(REPO / ".build" / "release" / "sosw"),
                                                    str(REPO / ".build" / "debug" / "sosw")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit(f"no sosw binary at {candidates}: build it with `swift build` or set SOSW_RELEASE_BINARY")


class Deployment:
    """One round's names, config file and clients."""

    def __init__(self, endpoint, python, label):
        self.python = python
        self.prefix = f"autotest_{uuid.uuid4().hex[:8]}_{label}_"
        self.labourer = self.prefix + "worker"
        self.meta_table = self.prefix + "sosw_tasks_meta"
        self.tables = [self.prefix + name for name in ("sosw_tasks", "sosw_closed_tasks", "sosw_retry_tasks",
                                                       "config", "sosw_tasks_meta")]
        self.config_path = Path(f"/tmp/{self.prefix}config.json")
        self.environment = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION=REGION,
                                AWS_DEFAULT_REGION=REGION, AWS_EC2_METADATA_DISABLED="true", **CREDENTIALS)
        session = {"endpoint_url": endpoint, "aws_access_key_id": CREDENTIALS["AWS_ACCESS_KEY_ID"],
                   "aws_secret_access_key": CREDENTIALS["AWS_SECRET_ACCESS_KEY"], "region_name": REGION}
        self.dynamodb = boto3.client("dynamodb", **session)
        self.sns = boto3.client("sns", **session)
        self.lambda_client = boto3.client("lambda", **session)
        self.topic_arn = self.sns.create_topic(Name=self.prefix + "dead")["TopicArn"]

    def drive(self, *arguments):
        completed = subprocess.run([self.python, str(DRIVER), *arguments], env=self.environment,
                                   capture_output=True, text=True, timeout=120)
        assert completed.returncode == 0, f"sosw_interop.py {arguments[0]}: {completed.stderr}"
        return json.loads(completed.stdout)

    def sosw(self, *arguments):
        completed = subprocess.run([sosw_binary(), *arguments], env=self.environment, capture_output=True,
                                   text=True, timeout=120)
        assert completed.returncode == 0, f"sosw {' '.join(arguments)} exited {completed.returncode}: {completed.stderr}"
        return json.loads(completed.stdout.splitlines()[-1])

    def set_up(self):
        function = self.drive("create-function", "--name", self.labourer, "--timeout", "60")
        document = {
            "task_config": {
                "dynamo_db_config": {"table_name": self.prefix + "sosw_tasks"},
                "sosw_closed_tasks_table": self.prefix + "sosw_closed_tasks",
                "sosw_retry_tasks_table": self.prefix + "sosw_retry_tasks",
                "labourers": {self.labourer: {"arn": function["function_arn"], "max_simultaneous_invocations": 2,
                                              "max_attempts": 3, "health_metrics": {}}},
            },
            "sns_config": {"recipient": self.topic_arn, "subject": "sosw meta interop"},
            "meta_handler_config": {"dynamo_db_config": {"table_name": self.meta_table}},
        }
        self.config_path.write_text(json.dumps(document))

    def rows(self):
        """The meta table's rows as {action: {attribute: type}}; each action posted once in a round."""
        shapes = {}
        for item in self.dynamodb.scan(TableName=self.meta_table)["Items"]:
            action = item["action"]["S"]
            assert action not in shapes, f"{action} posted twice: {item}"
            shapes[action] = {name: next(iter(value)) for name, value in item.items()}
        return shapes

    def cleanup(self):
        for table in self.tables:
            try:
                self.dynamodb.delete_table(TableName=table)
            except self.dynamodb.exceptions.ResourceNotFoundException:
                pass
        try:
            self.lambda_client.delete_function(FunctionName=self.labourer)
        except self.lambda_client.exceptions.ResourceNotFoundException:
            pass
        self.sns.delete_topic(TopicArn=self.topic_arn)
        self.config_path.unlink(missing_ok=True)


def python_round(deployment):
    """sosw 0.7.51 alone: its create-tables makes the meta table; its essentials post the rows."""
    config = str(deployment.config_path)
    deployment.drive("create-tables", "--config", config)
    task_id = deployment.drive("create-tasks", "--config", config, "--labourer", deployment.labourer,
                               "--count", "1")["task_ids"][0]
    deployment.drive("orchestrate", "--config", config)
    deployment.drive("complete", "--config", config, "--task-id", task_id)
    deployment.drive("scavenge", "--config", config)
    return task_id


def swift_round(deployment):
    """`sosw tables create` makes the meta table; the binary's live essentials post the rows."""
    config = str(deployment.config_path)
    created = deployment.sosw("tables", "create", "--config", config, "--config-table", deployment.prefix + "config")
    assert deployment.meta_table in created["created"], created
    described = deployment.dynamodb.describe_table(TableName=deployment.meta_table)["Table"]
    assert [(k["AttributeName"], k["KeyType"]) for k in described["KeySchema"]] == [("task_id", "HASH"),
                                                                                     ("created_at", "RANGE")]
    assert sorted((a["AttributeName"], a["AttributeType"]) for a in described["AttributeDefinitions"]) == [
        ("created_at", "N"), ("task_id", "S")], described
    task_id = deployment.drive("create-tasks", "--config", config, "--labourer", deployment.labourer,
                               "--count", "1")["task_ids"][0]
    assert deployment.sosw("orchestrator", "--live", "--config", config)["report"]["invoked"] == 1
    event = json.dumps({"action": "mark_task_as_completed", "task_id": task_id})
    deployment.sosw("worker-assistant", "--live", "--config", config, "--event", event)
    assert deployment.sosw("scavenger", "--live", "--config", config)["report"]["archived"] == 1
    return task_id


def main():
    python = sosw_python()
    moto = None
    endpoint = os.environ.get("SOSW_MOTO_ENDPOINT")
    if not endpoint:
        endpoint, moto = start_moto()
    rounds = [Deployment(endpoint, python, "py"), Deployment(endpoint, python, "swift")]
    try:
        for deployment in rounds:
            deployment.set_up()
        python_round(rounds[0])
        swift_round(rounds[1])
        theirs, ours = rounds[0].rows(), rounds[1].rows()
        checks = 0
        for action in ACTIONS:
            assert action in theirs and action in ours, (action, sorted(theirs), sorted(ours))
            assert theirs[action].pop("log_stream_name") == "S", theirs[action]
            ours[action].pop("log_stream_name", None)
            assert theirs[action] == ours[action], f"{action}: sosw 0.7.51 {theirs[action]}, ours {ours[action]}"
            assert ours[action]["created_at"] == "N" and ours[action]["author"] == "S", ours[action]
            checks += 1
        authors = {action: item["author"]["S"] for item in rounds[1].dynamodb.scan(
            TableName=rounds[1].meta_table)["Items"] for action in [item["action"]["S"]]}
        assert authors == {"invoked": "sosw_orchestrator", "marked_as_completed": "sosw_worker_assistant",
                           "archived": "sosw_scavenger"}, authors
        print(f"test_meta_interop: {checks} actions with the same attribute names and types "
              f"({', '.join(f'{a}: {sorted(ours[a])}' for a in ACTIONS)})")
    finally:
        for deployment in rounds:
            deployment.cleanup()
        if moto:
            moto.terminate()
            moto.wait(timeout=10)


if __name__ == "__main__":
    main()
