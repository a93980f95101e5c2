#!/bin/bash
# The examples' specification (examples/README.md lists every deliberate
# contradiction with its line:column, kind and severity) against tally's output.
set -u
python3 "$2/tests/cli/check_examples.py" "$1" "$2"
