"""The ``dlgrade`` command line (see ``dlgrade --help``)."""
import argparse
import sys

from dlgrade import course


def _shard(text):
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("I/N 꼴이어야 합니다 (예: 1/2)") from None
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError("I는 1부터 N까지입니다")
    return index, count


def _autograde(args):
    from dlgrade.autograde import autograde, confinement_note

    print(confinement_note())
    summary = autograde(args.root, args.lesson, args.workers, args.student, args.shard)
    print("\n".join(summary.lines()))
    return 1 if summary.failed else 0


def _export(args):
    from dlgrade.export import export

    count = export(args.root, args.out, args.per_exercise)
    print(f"{args.out}: 학생 {count}명")
    return 0


def _feedback(args):
    from dlgrade.feedback import feedback

    files = feedback(args.root, args.lesson)
    print(f"피드백 {len(files)}개를 feedback/에 썼습니다 (수식은 feedback/mathjax/를 씁니다).")
    return 0


def _bundle(args):
    from dlgrade.bundle import main as bundle

    return bundle(args.outdir, args.upto, args.root)


def parser():
    main = argparse.ArgumentParser(prog="dlgrade", description="nbgrader로 반 전체를 채점합니다.")
    main.add_argument("--root", default=".", help="강의 폴더 (nbgrader_config.py가 있는 곳, 기본: 현재 폴더)")
    commands = main.add_subparsers(dest="command", required=True)

    grade = commands.add_parser("autograde", help="submitted/의 제출물을 병렬로 자동 채점합니다")
    grade.add_argument("lesson", help="실습 이름, 예: 07_deep_nn_step_by_step")
    grade.add_argument("--workers", type=int, default=None, help="동시에 채점할 프로세스 수 (기본: 코어 수)")
    grade.add_argument("--student", action="append", help="이 학생만 채점 (여러 번 쓸 수 있음)")
    grade.add_argument("--shard", type=_shard, help="I/N: 학생을 N몫으로 나눈 것 중 I번째만 채점")
    grade.set_defaults(run=_autograde)

    export = commands.add_parser("export", help="성적을 CSV로 내보냅니다 (학생마다 한 줄)")
    export.add_argument("out", nargs="?", default="grades.csv")
    export.add_argument("--per-exercise", action="store_true", help="채점 셀마다 한 열을 더합니다")
    export.set_defaults(run=_export)

    feedback = commands.add_parser("feedback", help="학생별 피드백 HTML을 만듭니다")
    feedback.add_argument("lesson")
    feedback.set_defaults(run=_feedback)

    student = commands.add_parser("bundle", help="학생에게 줄 묶음(노트북, 데이터, 학생용 휠, README)을 만듭니다")
    student.add_argument("outdir", help="묶음을 쓸 폴더 (없거나 비어 있어야 합니다)")
    student.add_argument("--upto", help="이 번호까지의 실습만 넣습니다 (예: 07, 기본: 배포된 실습 전부)")
    student.set_defaults(run=_bundle)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except course.CourseError as error:
        print(f"dlgrade: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
