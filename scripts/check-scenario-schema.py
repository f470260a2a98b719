#!/usr/bin/env python3
"""Validates scenario files against scenarios/scenario.schema.json with the `jsonschema` package: a check of the
schema independent of the Swift validator in the test suite.

Usage: scripts/check-scenario-schema.py [FILE ...]   (default: every scenarios/*.yaml, *.yml and *.json)
Exits 1 when a file does not validate, 2 when the schema itself is invalid.

YAML is loaded the way the Swift loader reads it: timestamps stay strings (PyYAML would make them datetimes),
and mapping keys become strings as JSON writes them (a round trip through json).
"""
import glob
import json
import os
import sys

import jsonschema
import yaml


class StringTimestampLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: `start: 2026-01-05T02:00:00Z` stays a string."""


StringTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json(path):
    with open(path, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=StringTimestampLoader)
    return json.loads(json.dumps(document))


def main(arguments):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "scenarios", "scenario.schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"scenarios/scenario.schema.json: invalid schema: {error.message}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    files = arguments or sorted(
        path for pattern in ("*.yaml", "*.yml", "*.json")
        for path in glob.glob(os.path.join(root, "scenarios", pattern))
        if not path.endswith("scenario.schema.json")
    )
    failures = 0
    for path in files:
        errors = sorted(validator.iter_errors(as_json(path)), key=lambda error: list(error.absolute_path))
        if errors:
            failures += 1
            for error in errors:
                location = "/".join(str(part) for part in error.absolute_path) or "(document)"
                print(f"{path}: {location}: {error.message}", file=sys.stderr)
        else:
            print(f"ok  {os.path.relpath(path, root)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
