"""deploy/template.yaml: cfn-lint passes, and the template holds what the Swift essentials need, no more.

* cfn-lint (with its informational checks) reports nothing.
* The four tables have exactly the keys, attribute types, indexes and projections of deploy/sosw-tables.json,
  which a Swift test holds equal to what `SoswTableSchemas` (and so `sosw tables create`) builds.
* Each essential's role allows exactly the actions that essential's code calls, each on exactly the tables,
  indexes, functions, topic, parameters and log group it touches, for both config sources and with or without
  a table prefix.
* Each function runs the `sosw` binary on provided.al2023 with its essential's handler name, and only the
  Orchestrator and the Scavenger run on the one-minute schedule.

Run: python3 Tests/python/test_deploy_template.py (needs cfn-lint: `python3 -m pip install cfn-lint`).
"""

import json
import pathlib
import shutil
import subprocess
import sys
import unittest

from cfnlint.decode import decode

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATE_PATH = ROOT / "deploy" / "template.yaml"
TABLES_PATH = ROOT / "deploy" / "sosw-tables.json"

TEMPLATE, DECODE_ERRORS = decode(str(TEMPLATE_PATH))
PSEUDO = {"AWS::Partition": "aws", "AWS::Region": "REGION", "AWS::AccountId": "ACCOUNT", "AWS::StackName": "STACK"}
LABOURERS = "<LabourerFunctionArns>"


def parameters(**overrides):
    """The template's parameter defaults, with `overrides` (LabourerFunctionArns has no default)."""
    values = {name: spec.get("Default") for name, spec in TEMPLATE["Parameters"].items()}
    values.update(overrides)
    return values


class Evaluator:
    """Resolves the intrinsic functions the template uses, for one set of parameter values. A Ref to the
    labourers' list, a GetAtt and a Ref to a resource stay symbolic (`<…>`), so expectations name them."""

    def __init__(self, values):
        self.values = values

    def condition(self, name):
        return self.truth(TEMPLATE["Conditions"][name])

    def truth(self, node):
        (function, argument), = node.items()
        if function == "Fn::Equals":
            left, right = (self.value(part) for part in argument)
            return left == right
        if function == "Fn::Not":
            return not self.truth(argument[0])
        if function == "Fn::And":
            return all(self.truth(part) for part in argument)
        if function == "Condition":
            return self.condition(argument)
        raise AssertionError(f"unexpected condition function {function}")

    def value(self, node):
        if isinstance(node, list):
            return [self.value(element) for element in node]
        if not isinstance(node, dict):
            return node
        if len(node) != 1 or not next(iter(node)).startswith(("Fn::", "Ref")):
            return {key: self.value(element) for key, element in node.items()}
        (function, argument), = node.items()
        if function == "Ref":
            if argument == "LabourerFunctionArns":
                return LABOURERS
            if argument in self.values:
                return self.values[argument]
            return PSEUDO.get(argument, f"<{argument}>")
        if function == "Fn::Sub":
            text = argument
            for name, value in list(self.values.items()) + list(PSEUDO.items()):
                text = text.replace("${" + name + "}", str(value))
            assert "${" not in text, f"unresolved substitution in {argument}"
            return text
        if function == "Fn::GetAtt":
            return f"<{argument[0]}.{argument[1]}>"
        if function == "Fn::If":
            name, then, otherwise = argument
            return self.value(then if self.condition(name) else otherwise)
        raise AssertionError(f"unexpected function {function}")


def table_arn(name, index=None):
    arn = f"arn:aws:dynamodb:REGION:ACCOUNT:table/{name}"
    return arn + (f"/index/{index}" if index else "")


def ssm_parameter(name):
    return f"arn:aws:ssm:REGION:ACCOUNT:parameter/{name}"


def expected_grants(essential, log_group, values):
    """What each essential's code calls (the DynamoDB, Lambda, CloudWatch and SNS port calls of the Swift
    Orchestrator, Scavenger, Scheduler and WorkerAssistant, and the config reads), as action -> resources."""
    prefix = values["TablePrefix"]
    tasks, closed, retry = (prefix + name for name in ("sosw_tasks", "sosw_closed_tasks", "sosw_retry_tasks"))
    greenfield_index = table_arn(tasks, "sosw_tasks_greenfield")
    logs = {f"<{log_group}.Arn>"}
    grants = {
        "orchestrator": {
            "dynamodb:Query": {greenfield_index},  # queued tasks, running count
            "dynamodb:UpdateItem": {table_arn(tasks)},  # the conditional mark before each invoke
            "lambda:InvokeFunction": {LABOURERS},
            "cloudwatch:GetMetricStatistics": {"*"},  # health metrics (no resource-level permissions)
        },
        "scavenger": {
            # completed / expired tasks, the queue's head; due retries
            "dynamodb:Query": {greenfield_index, table_arn(retry, "labourer_id_greenfield")},
            # transactions: archive (Put closed, Delete tasks), to retry (Put retry, Delete tasks),
            # back to the queue (Put tasks, Delete retry)
            "dynamodb:PutItem": {table_arn(tasks), table_arn(closed), table_arn(retry)},
            "dynamodb:DeleteItem": {table_arn(tasks), table_arn(retry)},
            "lambda:GetFunctionConfiguration": {LABOURERS},  # max_duration from the labourer's Timeout
            "sns:Publish": {"<DeadTaskTopic>"},  # dead-task notices
        },
        "scheduler": {
            "dynamodb:Query": {greenfield_index},  # the newest queued task
            "dynamodb:PutItem": {table_arn(tasks)},  # one task
            "dynamodb:BatchWriteItem": {table_arn(tasks)},  # many tasks
            "lambda:InvokeFunction": {"arn:aws:lambda:REGION:ACCOUNT:function:sosw_scheduler"},  # its sibling
        },
        "worker_assistant": {
            "dynamodb:UpdateItem": {table_arn(tasks)},  # completed_at / failed_attempts
        },
    }[essential]
    grants["logs:CreateLogStream"] = logs
    grants["logs:PutLogEvents"] = logs
    if values["ConfigSource"] == "dynamodb":
        grants["dynamodb:GetItem"] = {table_arn(values["ConfigTableName"])}
    else:
        grants["ssm:GetParameters"] = {ssm_parameter("sosw_essential_config"), ssm_parameter(f"sosw_{essential}_config")}
    return grants


ESSENTIALS = {
    # essential (the `_HANDLER` of `sosw lambda`) -> (function resource, role resource, log group resource)
    "orchestrator": ("Orchestrator", "OrchestratorRole", "OrchestratorLogGroup"),
    "scavenger": ("Scavenger", "ScavengerRole", "ScavengerLogGroup"),
    "scheduler": ("Scheduler", "SchedulerRole", "SchedulerLogGroup"),
    "worker_assistant": ("WorkerAssistant", "WorkerAssistantRole", "WorkerAssistantLogGroup"),
}

PARAMETER_SETS = {
    "defaults": parameters(),
    "prefixed tables, own config table": parameters(TablePrefix="staging_", ConfigTableName="staging_config"),
    "SSM config": parameters(ConfigSource="ssm"),
}


def grants_of(role, evaluator):
    """action -> resources of a role's inline policies, with every statement checked to be a plain Allow."""
    properties = role["Properties"]
    assert "ManagedPolicyArns" not in properties, "managed policies grant more than the essential needs"
    grants = {}
    for policy in properties["Policies"]:
        for statement in evaluator.value(policy["PolicyDocument"]["Statement"]):
            assert statement["Effect"] == "Allow" and set(statement) == {"Effect", "Action", "Resource"}, statement
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
            for action in actions:
                assert "*" not in action, f"wildcard action {action}"
                grants.setdefault(action, set()).update(resources)
    return grants


def comparable_table(table):
    """A CreateTable request (or a table's properties) with its unordered lists sorted."""
    def index(entry):
        projection = dict(entry["Projection"])
        if "NonKeyAttributes" in projection:
            projection["NonKeyAttributes"] = sorted(projection["NonKeyAttributes"])
        return {"KeySchema": entry["KeySchema"], "Projection": projection}

    return {
        "KeySchema": table["KeySchema"],
        "AttributeDefinitions": sorted(table["AttributeDefinitions"], key=lambda a: a["AttributeName"]),
        "BillingMode": table.get("BillingMode"),
        "GlobalSecondaryIndexes": {e["IndexName"]: index(e) for e in table.get("GlobalSecondaryIndexes", [])},
        "LocalSecondaryIndexes": {e["IndexName"]: index(e) for e in table.get("LocalSecondaryIndexes", [])},
    }


class DeployTemplateTests(unittest.TestCase):
    def test_cfn_lint_reports_nothing_with_informational_checks(self):
        self.assertEqual(DECODE_ERRORS, [], "the template does not parse")
        command = shutil.which("cfn-lint")
        self.assertIsNotNone(command, "cfn-lint is not installed: python3 -m pip install cfn-lint")
        run = subprocess.run(
            [command, "--include-checks", "I", "--", str(TEMPLATE_PATH)], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, f"cfn-lint found problems:\n{run.stdout}{run.stderr}")

    def test_tables_have_the_keys_indexes_and_projections_sosw_tables_create_builds(self):
        expected = json.loads(TABLES_PATH.read_text())
        for label, values in PARAMETER_SETS.items():
            evaluator = Evaluator(values)
            created = {
                evaluator.value(resource["Properties"]["TableName"]): resource["Properties"]
                for resource in TEMPLATE["Resources"].values() if resource["Type"] == "AWS::DynamoDB::Table"
            }
            renamed = {"config": values["ConfigTableName"]}
            wanted = {
                renamed.get(table["TableName"], values["TablePrefix"] + table["TableName"]): table for table in expected
            }
            with self.subTest(label):
                self.assertEqual(sorted(created), sorted(wanted))
                for name, table in wanted.items():
                    self.assertEqual(comparable_table(evaluator.value(created[name])), comparable_table(table), name)

    def test_each_role_allows_exactly_what_its_essential_calls(self):
        for label, values in PARAMETER_SETS.items():
            evaluator = Evaluator(values)
            for essential, (_, role, log_group) in ESSENTIALS.items():
                with self.subTest(label, essential=essential):
                    self.assertEqual(
                        grants_of(TEMPLATE["Resources"][role], evaluator), expected_grants(essential, log_group, values))

    def test_an_existing_dead_task_topic_is_the_only_one_the_scavenger_may_publish_to(self):
        topic = "arn:aws:sns:eu-west-1:123456789012:sosw-dead"
        evaluator = Evaluator(parameters(DeadTaskTopicArn=topic))
        self.assertFalse(evaluator.condition("CreateDeadTaskTopic"))
        self.assertEqual(grants_of(TEMPLATE["Resources"]["ScavengerRole"], evaluator)["sns:Publish"], {topic})

    def test_roles_are_for_lambda_only(self):
        for essential, (_, role, _) in ESSENTIALS.items():
            statements = TEMPLATE["Resources"][role]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
            with self.subTest(essential):
                self.assertEqual(statements, [{
                    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}])

    def test_functions_run_the_sosw_binary_with_their_essential_as_handler(self):
        globals_ = TEMPLATE["Globals"]["Function"]
        self.assertEqual(globals_["Runtime"], "provided.al2023")
        self.assertEqual(globals_["Architectures"], [{"Ref": "Architecture"}])
        self.assertEqual(TEMPLATE["Parameters"]["Architecture"]["AllowedValues"], ["x86_64", "arm64"])
        evaluator = Evaluator(parameters())
        for essential, (function, role, log_group) in ESSENTIALS.items():
            properties = TEMPLATE["Resources"][function]["Properties"]
            with self.subTest(essential):
                self.assertEqual(properties["FunctionName"], f"sosw_{essential}")
                self.assertEqual(properties["Handler"], essential)
                self.assertEqual(properties["Role"], {"Fn::GetAtt": [role, "Arn"]})
                self.assertEqual(evaluator.value(properties["LoggingConfig"]["LogGroup"]), f"<{log_group}>")
                self.assertLessEqual(properties["Timeout"], 900)
                schedules = [event["Properties"]["Schedule"] for event in properties.get("Events", {}).values()]
                every_minute = essential in ("orchestrator", "scavenger")
                self.assertEqual(schedules, ["rate(1 minute)"] if every_minute else [])

    def test_the_scheduler_rule_exists_only_with_a_schedule_expression(self):
        self.assertFalse(Evaluator(parameters()).condition("SchedulerHasSchedule"))
        scheduled = Evaluator(parameters(SchedulerScheduleExpression="cron(0 3 * * ? *)"))
        self.assertTrue(scheduled.condition("SchedulerHasSchedule"))
        rule = TEMPLATE["Resources"]["SchedulerRule"]
        self.assertEqual(rule["Condition"], "SchedulerHasSchedule")
        self.assertEqual(scheduled.value(rule["Properties"]["Targets"][0]["Arn"]), "<Scheduler.Arn>")


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    sys.exit(0 if result.wasSuccessful() else 1)
