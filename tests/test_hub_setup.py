"""``dlgrade hub``'s parts that need no root: roster ids as account names, sizes, and the JupyterHub
configuration it writes, loaded the way JupyterHub loads it (``tests/test_hub.py`` runs the real hub)."""
import pytest
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from dlgrade.course import CourseError
from dlgrade.hub import accounts, config
from dlgrade.hub.start import parse_bytes


def test_numeric_ids_are_refused_with_what_to_do(tmp_path):
    roster = tmp_path / "students.csv"
    roster.write_text("학번,이름\n20231234,김민지\nkim_01,이서준\nLee,박하은\n", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        accounts.roster_accounts(roster)
    message = str(error.value)
    assert "20231234, Lee" in message and "s20231234처럼" in message and "kim_01" not in message
    roster.write_text("학번,이름\ns20231234,김민지\nkim_01,이서준\n", encoding="utf-8")
    assert accounts.roster_accounts(roster) == ["s20231234", "kim_01"]


@pytest.mark.parametrize("text, size", [("1G", 1 << 30), ("512M", 512 << 20), ("1.5g", 3 << 29), ("2048", 2048)])
def test_sizes(text, size):
    assert parse_bytes(text) == size


def test_a_wrong_size_says_how_to_write_it():
    with pytest.raises(ValueError, match="1G, 512M처럼"):
        parse_bytes("lots")


def test_the_written_configuration_loads(tmp_path):
    settings = {"state_dir": str(tmp_path), "ip": "127.0.0.1", "port": 18000, "students": ["s1", "s2"],
                "instructor": "kim", "student_env": "/srv/s", "instructor_env": "/srv/i", "course_root": "/srv/c",
                "cgroup_name": "dl-course-hub-18000", "memory": 1 << 30, "cpus": 1.0, "idle_timeout": 3600}
    path = config.write(tmp_path, settings)
    loaded = PyFileConfigLoader(path.name, path=str(tmp_path)).load_config()
    assert isinstance(loaded, Config)
    assert loaded.JupyterHub.bind_url == "http://127.0.0.1:18000"
    assert loaded.Authenticator.allowed_users == {"s1", "s2", "kim"}
    assert loaded.Spawner.mem_limit == 1 << 30 and loaded.CourseSpawner.instructor == "kim"
    assert loaded.CourseSpawner.ports == {"kim": 18010, "s1": 18011, "s2": 18012}
    services = {s["name"]: s for s in loaded.JupyterHub.services}
    assert services["formgrader"]["user"] == "kim" and services["formgrader"]["cwd"] == "/srv/c"
    assert "--timeout=3600" in services["idle-culler"]["command"]
    roles = {r["name"]: r for r in loaded.JupyterHub.load_roles}
    assert roles["instructor"]["users"] == ["kim"] and "delete:servers" in roles["idle-culler"]["scopes"]
    assert "학번" in loaded.JupyterHub.template_vars["announcement_login"]
