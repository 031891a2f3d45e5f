"""``dl-course [폴더]``: 학생이 실습을 여는 명령.

The student wheel carries this file as ``dl_course/__init__.py`` (``dlgrade bundle``), beside
``dl_course/lessons/`` (the released notebooks); in a clone of the course it runs from ``dlgrade/``
and takes the released notebooks from ``notebooks/``. It copies every lesson that is not yet in
the student's workspace (default ``~/dl-course-work``), and the glossary the lessons link to (``glossary.md``)
beside them, never overwrites a file there, and starts
JupyterLab in that folder (``--allow-root`` when run as root). In a clone, JupyterLab also gets the
student's settings (``dlgrade/student_lab/``: Korean menus, nbgrader's panels and toolbars off), which
the student wheel installs as JupyterLab's own. It imports nothing from the course repository.
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LESSONS = HERE / "lessons" if (HERE / "lessons").is_dir() else HERE.parent / "notebooks"
GLOSSARY = "glossary.md"  # beside the lesson folders: every lesson links to ../glossary.md
STUDENT_LAB = HERE / "student_lab"
DEFAULT_WORKSPACE = Path.home() / "dl-course-work"


def lessons():
    """The lesson folders this install carries (``01_mnist_and_the_neuron``, ...), in order."""
    if not LESSONS.is_dir():
        return []
    return sorted(p for p in LESSONS.iterdir() if p.is_dir() and p.name[:2].isdigit())


def copy_new_lessons(workspace):
    """Copy each lesson folder missing from ``workspace``; a folder already there is left as it is."""
    workspace.mkdir(parents=True, exist_ok=True)
    added = []
    for lesson in lessons():
        target = workspace / lesson.name
        if target.exists():
            continue
        shutil.copytree(lesson, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        added.append(lesson.name)
    if (LESSONS / GLOSSARY).is_file() and not (workspace / GLOSSARY).exists():
        shutil.copy2(LESSONS / GLOSSARY, workspace / GLOSSARY)
    return added


def lab_command(workspace, extra=()):
    """The command that starts JupyterLab in ``workspace`` with this install's Python."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={workspace}"]
    if STUDENT_LAB.is_dir():
        command.append(f"--LabApp.app_settings_dir={STUDENT_LAB}")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in extra:
        command.append("--allow-root")  # Jupyter refuses to start as root without it
    return command + list(extra)


def parser():
    main = argparse.ArgumentParser(
        prog="dl-course",
        description="딥러닝 기초 실습을 작업 폴더에 복사하고 JupyterLab을 엽니다. "
                    "이미 있는 실습 폴더는 덮어쓰지 않습니다. 모르는 옵션은 jupyter lab에 그대로 넘깁니다 "
                    "(예: --no-browser, --port=8899).")
    main.add_argument("folder", nargs="?", default=str(DEFAULT_WORKSPACE),
                      help=f"작업 폴더 (기본: {DEFAULT_WORKSPACE})")
    main.add_argument("--no-lab", action="store_true", help="실습만 복사하고 JupyterLab은 열지 않습니다")
    return main


def main(argv=None):
    args, extra = parser().parse_known_args(argv)
    workspace = Path(args.folder).expanduser().resolve()
    added = copy_new_lessons(workspace)
    kept = [p.name for p in lessons() if p.name not in added]
    print(f"작업 폴더: {workspace}")
    if added:
        print(f"새 실습 {len(added)}개를 복사했습니다: {', '.join(added)}")
    if kept:
        print(f"이미 있는 실습 {len(kept)}개는 그대로 둡니다 (덮어쓰지 않음).")
    if args.no_lab:
        return 0
    command = lab_command(workspace, extra)
    os.chdir(workspace)
    sys.stdout.flush()
    if os.name == "posix":
        os.execv(command[0], command)  # JupyterLab takes this process: Ctrl+C stops it as usual
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
