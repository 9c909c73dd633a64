#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Validate a SARIF log against the SARIF 2.1.0 JSON schema.

Code-scanning services reject a log that does not match the schema, often
without saying why; this prints the first errors with their JSON paths.

usage: validate-sarif.py SCHEMA FILE     exit 0 valid, 1 invalid or unreadable
"""
import json
import sys

MAX_ERRORS = 10


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        path += "[%d]" % part if isinstance(part, int) else "." + str(part)
    return path


def root_schema(schema):
    """The published schema validates from its top level; a copy that keeps
    the log's own shape only under definitions.Root would accept anything
    there, so validate against Root explicitly."""
    keywords = ("$ref", "type", "properties", "required", "allOf", "oneOf",
                "anyOf")
    if not any(k in schema for k in keywords) and \
            "Root" in schema.get("definitions", {}):
        schema = dict(schema)
        schema["$ref"] = "#/definitions/Root"
    return schema


def main(argv):
    if len(argv) != 3:
        print("usage: validate-sarif.py SCHEMA FILE", file=sys.stderr)
        return 1
    try:
        import jsonschema
    except ImportError:
        print("validate-sarif.py: python3-jsonschema is not installed",
              file=sys.stderr)
        return 1
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print("validate-sarif.py: %s" % e, file=sys.stderr)
        return 1
    schema = root_schema(schema)
    checker = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None)
    validator = jsonschema.Draft7Validator(schema, format_checker=checker)
    errors = sorted(validator.iter_errors(log),
                    key=lambda e: list(map(str, e.absolute_path)))
    for e in errors[:MAX_ERRORS]:
        print("%s: %s: %s" % (argv[2], json_path(e), e.message),
              file=sys.stderr)
    if len(errors) > MAX_ERRORS:
        print("%s: ... and %d more" % (argv[2], len(errors) - MAX_ERRORS),
              file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
