# The AWS CLI for a whole test file (see aws-cli.ts): the package /usr/bin/aws runs, under the Python it names,
# imported once. Each line on standard input is one command, {"args": [...], "env": {...}}; each answer is one line,
# {"code": exit code, "stdout": ..., "stderr": ...}, from the CLI's own entry point, as `aws <args>` would give
# in that environment. Starting Python and importing the CLI is most of a command's second; here it is paid once.
# Every command's session reads the CLI's data (its service models, endpoints) through one loader, as the AWS CLI's
# own tests do (awscli/testutils.py): parsing the models and listing the 400 services' folders again for each
# command took most of its time. A command's HOME is an empty folder of its own, so no command has models there
# that another would not see.
import io
import json
import os
import sys

started_with = dict(os.environ)
from awscli.clidriver import AWSCLIEntryPoint, create_clidriver  # noqa: E402 (what it sets in the environment is read just below)

# Importing the CLI points botocore at the CLI's own data (AWS_DATA_PATH): that stays in every command's environment.
set_by_cli = {name: value for name, value in os.environ.items() if started_with.get(name) != value}

answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
# Only the answers go out on the real standard output, whatever the CLI itself writes there.
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


def captured():
    return io.TextIOWrapper(io.BytesIO(), encoding='utf-8', write_through=True)


shared_loader = None


def cli_driver(args):
    global shared_loader
    driver = create_clidriver(args)
    if shared_loader is None:
        shared_loader = driver.session.get_component('data_loader')
    else:
        driver.session.register_component('data_loader', shared_loader)
    return driver


def run(args, env):
    os.environ.clear()
    os.environ.update(env, **set_by_cli)
    out, err = captured(), captured()
    sys.stdout, sys.stderr = out, err
    try:
        code = AWSCLIEntryPoint(cli_driver(args)).main(args)
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
