"""``deploy/kubernetes/``, checked as far as a machine without a cluster can: the YAML reads, the hub settings
of ``values.yaml`` are real settings of JupyterHub, KubeSpawner and the LTI authenticator and its Python
loads, the student image turns off what ``dlgrade hub`` turns off, and the grading job's shards add up.
(``tests/test_hub.py`` installs the image's package list in a fresh venv and runs the public checks.)"""
import copy
import json
import re

import yaml
from traitlets import HasTraits
from traitlets.config import Config

from course import ROOT
from dlgrade.hub import environments

DEPLOY = ROOT / "deploy" / "kubernetes"


def load(name):
    return list(yaml.safe_load_all((DEPLOY / name).read_text(encoding="utf-8")))


def test_every_yaml_file_reads():
    files = sorted(DEPLOY.glob("*.yaml"))
    assert [f.name for f in files] == ["grading-job.yaml", "values.yaml"]
    for path in files:
        assert all(isinstance(document, dict) for document in load(path.name)), path


def _configurable(name):
    from jupyterhub.app import JupyterHub
    from jupyterhub.auth import Authenticator
    from kubespawner import KubeSpawner
    from ltiauthenticator.lti13.auth import LTI13Authenticator

    return {"JupyterHub": JupyterHub, "Authenticator": Authenticator, "KubeSpawner": KubeSpawner,
            "LTI13Authenticator": LTI13Authenticator}[name]


def check_settings(config):
    """Every setting of ``config`` is a configurable trait of its class, and its value one the trait takes."""
    for section, settings in config.items():
        traits = _configurable(section).class_traits(config=True)
        unknown = sorted(set(settings) - set(traits))
        assert not unknown, f"{section}: {unknown}"
        probe = type(section, (HasTraits,), {name: copy.deepcopy(traits[name]) for name in settings})
        probe(**settings)  # each value checked by its trait


def test_the_readme_lti_login_is_real_settings():
    """The README's LTI 1.3 example for ``dlgrade hub --config``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## 서버에서 수업하기"):]
    snippet = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    config = Config()
    exec(compile(snippet, "README.md", "exec"), {"c": config})
    assert config.JupyterHub.authenticator_class == "ltiauthenticator.lti13.auth.LTI13Authenticator"
    check_settings(config)


def test_the_hub_settings_are_real_settings_and_their_python_loads():
    values = load("values.yaml")[0]
    config = Config(values["hub"]["config"])
    for snippet in values["hub"]["extraConfig"].values():
        exec(compile(snippet, "values.yaml: hub.extraConfig", "exec"), {"c": config})
    check_settings(config)
    hook = config.KubeSpawner.pre_spawn_hook
    assert callable(hook) and config.KubeSpawner.default_url == "/lab"
    assert _configurable(values["hub"]["config"]["JupyterHub"]["authenticator_class"].rsplit(".", 1)[1])
    assert set(values["hub"]["services"]) == {"ngshare", "formgrader"}
    assert values["hub"]["loadRoles"]["instructor"]["scopes"][0] == "access:services!service=formgrader"


def test_students_have_limits_and_idle_servers_are_culled():
    values = load("values.yaml")[0]
    assert values["singleuser"]["memory"]["limit"] == "1G" and values["singleuser"]["cpu"]["limit"] == 1
    assert values["cull"] == {"enabled": True, "timeout": 3600, "every": 600, "users": False}
    assert values["singleuser"]["networkPolicy"]["egress"] == []


def test_the_student_image_turns_off_what_the_hub_turns_off():
    etc = DEPLOY / "jupyter"
    server = json.loads((etc / "jupyter_server_config.d" / "zz_dl_course_student.json").read_text())
    assert server == environments.STUDENT_EXTENSIONS
    kernels = json.loads((etc / "jupyter_server_config.json").read_text())
    assert kernels == environments.STUDENT_SERVER_CONFIG
    lab = json.loads((etc / "labconfig" / "page_config.json").read_text())
    assert lab["disabledExtensions"] == dict.fromkeys(environments.STUDENT_OFF_LAB, True)
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "-r /tmp/course/student-packages.txt" in dockerfile and "dl_fundamentals_student-*.whl" in dockerfile
    assert "COPY jupyter/ /opt/conda/etc/jupyter/" in dockerfile
    pins = [line for line in (DEPLOY / "student-packages.txt").read_text().splitlines() if line and line[0] != "#"]
    from importlib import metadata
    assert f"jupyterhub=={metadata.version('jupyterhub')}" in pins and f"nbgrader=={metadata.version('nbgrader')}" in pins


def test_the_grading_job_shards_add_up():
    job = load("grading-job.yaml")[0]
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed" and spec["completions"] == spec["parallelism"]
    container = spec["template"]["spec"]["containers"][0]
    command = container["args"][0]
    assert re.search(r"dlgrade autograde \w+ .*--shard \$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/(\d+)", command)
    assert int(command.rsplit("/", 1)[1]) == spec["completions"]
    assert container["securityContext"]["capabilities"]["add"] == ["SYS_ADMIN"]
    assert container["env"][0]["name"] == "DL_GRADEBOOK_URL"
    claim = load("grading-job.yaml")[1]
    assert claim["kind"] == "PersistentVolumeClaim" and claim["spec"]["accessModes"] == ["ReadWriteMany"]
    assert claim["metadata"]["name"] == spec["template"]["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"]
