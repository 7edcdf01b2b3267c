# The AWS CLI for a whole test file (see aws-cli.ts): the package /usr/bin/aws runs, under the Python it names,
# imported once. Each line on standard input is one command, {"args": [...], "env": {...}}; each answer is one line,
# {"code": exit code, "stdout": ..., "stderr": ...}, from the CLI's own entry point, as `aws <args>` would give
# in that environment. Starting Python and importing the CLI is most of a command's second; here it is paid once.
import io
import json
import os
import sys

started_with = dict(os.environ)
from awscli.clidriver import AWSCLIEntryPoint  # noqa: E402 (what it sets in the environment is read just below)

# Importing the CLI points botocore at the CLI's own data (AWS_DATA_PATH): that stays in every command's environment.
set_by_cli = {name: value for name, value in os.environ.items() if started_with.get(name) != value}

answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
# Only the answers go out on the real standard output, whatever the CLI itself writes there.
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


def captured():
    return io.TextIOWrapper(io.BytesIO(), encoding='utf-8', write_through=True)


def run(args, env):
    os.environ.clear()
    os.environ.update(env, **set_by_cli)
    out, err = captured(), captured()
    sys.stdout, sys.stderr = out, err
    try:
        code = AWSCLIEntryPoint().main(args)
    except SystemExit as stop:
        code = stop.code
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    # As `aws` exits: sys.exit(None), what `help` ends with, is exit status 0.
    code = 0 if code is None else code if isinstance(code, int) else 1
    return {'code': code, 'stdout': out.buffer.getvalue().decode(), 'stderr': err.buffer.getvalue().decode()}


for line in sys.stdin:
    request = json.loads(line)
    answers.write(json.dumps(run(request['args'], request['env'])) + '\n')
    answers.flush()
