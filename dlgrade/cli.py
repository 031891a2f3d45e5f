"""The ``dlgrade`` command line (see ``dlgrade --help``).

nbgrader is imported only by the command that runs, so usage errors and ``--help`` answer at once.
"""
import argparse
import re
import sys

LMS = ("moodle", "canvas")
# argparse's own messages, in Korean: (English pattern, Korean template)
ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.+)", "빠진 인자: {0}"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.+)\)", "{0}: {1}은(는) 없는 선택입니다 (고를 수 있는 것: {2})"),
    (r"argument (\S+): expected one argument", "{0} 뒤에 값이 하나 있어야 합니다"),
    (r"argument (\S+): (.+)", "{0}: {1}"),
    (r"unrecognized arguments: (.+)", "모르는 인자: {0}"),
)


class KoreanFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "사용법: " if prefix is None else prefix)


class KoreanParser(argparse.ArgumentParser):
    """argparse, with its usage line and error messages in Korean."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", KoreanFormatter)
        super().__init__(*args, **kwargs, add_help=False)
        self._optionals.title, self._positionals.title = "옵션", "인자"
        self.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")

    def error(self, message):
        for pattern, korean in ARGPARSE_MESSAGES:
            if match := re.fullmatch(pattern, message):
                message = korean.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 오류: {message}\n`{self.prog} --help`로 쓰는 법을 보세요.\n")


def _shard(text):
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("I/N 꼴이어야 합니다 (예: 1/2)") from None
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError("I는 1부터 N까지입니다")
    return index, count


def _workers(text):
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("정수여야 합니다 (예: 2)") from None
    if count < 1:
        raise argparse.ArgumentTypeError("1 이상이어야 합니다")
    return count


INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def _autograde(args):
    from dlgrade import course
    from dlgrade.autograde import autograde, confinement_note

    print(confinement_note())
    try:
        summary = autograde(args.root, args.lesson, args.workers, args.student, args.shard)
    finally:
        course.hand_back(args.root)
    print("\n".join(summary.lines()))
    return INTERRUPTED if summary.interrupted else 1 if summary.failed else 0


def _export(args):
    from dlgrade.export import export

    count = export(args.root, args.out, args.per_exercise, args.lms)
    print(f"{args.out}: 학생 {count}명")
    return 0


def _roster_import(args):
    from dlgrade.roster import import_roster

    print("\n".join(import_roster(args.root, args.file).lines()))
    return 0


def _collect(args):
    from dlgrade.collect import collect

    result = collect(args.root, args.lesson, args.archive, args.lms)
    print("\n".join(result.lines()))
    return 1 if result.problems else 0


def _feedback(args):
    from dlgrade.feedback import feedback

    files, failed = feedback(args.root, args.lesson)
    print(f"피드백 {len(files)}개를 feedback/에 썼습니다 (수식은 feedback/mathjax/를 씁니다).")
    if failed:
        print(f"피드백을 만들지 못한 학생: {len(failed)}명" + "".join(
            f"\n  {student}: {reason}" for student, reason in sorted(failed.items())))
    return 1 if failed else 0


def _status(args):
    from dlgrade.status import table

    print("\n".join(table(args.root, args.lesson)))
    return 0


def _report(args):
    from dlgrade.report import report, report_all

    if bool(args.lesson) == args.all:
        args.parser.error("실습 이름과 --all 중 하나만 주세요 (예: dlgrade report 07_deep_nn_step_by_step)")
    lines = report_all(args.root, args.out) if args.all else report(args.root, args.lesson, args.out)
    print("\n".join(lines))
    return 0


def _bundle(args):
    from dlgrade.bundle import main as bundle

    return bundle(args.outdir, args.upto, args.root)


def _hub(args):
    from pathlib import Path

    from dlgrade.hub.start import Options, start

    options = Options(args.roster, args.instructor, Path(args.root), Path(args.dir), args.ip, args.port, args.upto,
                      args.memory, args.cpus, args.idle_timeout, args.config)
    return start(options, args.setup_only)


def _memory(text):
    from dlgrade.hub.start import parse_bytes

    try:
        size = parse_bytes(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if size <= 0:
        raise argparse.ArgumentTypeError("0보다 커야 합니다")
    return text


def parser():
    main = KoreanParser(prog="dlgrade", description="nbgrader로 반 전체를 채점합니다.")
    main.add_argument("--root", default=".", help="강의 폴더 (nbgrader_config.py가 있는 곳, 기본: 현재 폴더)")
    commands = main.add_subparsers(dest="command", required=True, metavar="명령")

    grade = commands.add_parser("autograde", help="submitted/의 제출물을 병렬로 자동 채점합니다")
    grade.add_argument("lesson", help="실습 이름, 예: 07_deep_nn_step_by_step")
    grade.add_argument("--workers", type=_workers, default=None, help="동시에 채점할 프로세스 수 (기본: 코어 수)")
    grade.add_argument("--student", action="append", help="이 학생만 채점 (여러 번 쓸 수 있음)")
    grade.add_argument("--shard", type=_shard, help="I/N: 학생을 N몫으로 나눈 것 중 I번째만 채점")
    grade.set_defaults(run=_autograde)

    export = commands.add_parser("export", help="성적을 엑셀에서 바로 열리는 CSV(UTF-8 BOM)나 .xlsx로 내보냅니다 "
                                                 "(학생마다 한 줄)")
    export.add_argument("out", nargs="?", default="grades.csv", help="쓸 파일 (.xlsx로 끝나면 엑셀 통합 문서)")
    export.add_argument("--per-exercise", action="store_true", help="채점 셀마다 한 열을 더합니다")
    export.add_argument("--lms", choices=LMS, help="이 LMS의 성적 가져오기(import) 형식의 열로 씁니다")
    export.set_defaults(run=_export)

    roster = commands.add_parser("roster", help="학생 명단을 다룹니다")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="import")
    roster_import = roster_commands.add_parser(
        "import", help="명단(.xlsx, 또는 UTF-8·CP949 CSV)을 성적부에 넣습니다. 열: 학번/id, 성+이름 또는 이름/"
                       "first_name+last_name, 이메일/email, lms_user_id(선택)")
    roster_import.add_argument("file", help="명단 파일 (.xlsx 또는 .csv)")
    roster_import.set_defaults(run=_roster_import)

    collect = commands.add_parser("collect", help="LMS의 '모든 제출물 다운로드' 압축 파일을 submitted/<학번>/<실습>/에 "
                                                  "풉니다")
    collect.add_argument("lesson", help="실습 이름, 예: 07_deep_nn_step_by_step")
    collect.add_argument("archive", help="LMS에서 받은 .zip 파일")
    collect.add_argument("--lms", choices=LMS, help="이 LMS의 파일 이름만 받습니다 (기본: Moodle과 Canvas 모두)")
    collect.set_defaults(run=_collect)

    status = commands.add_parser("status", help="학생마다 채점됨·미제출·채점 불가(사유)·제출 후 미채점을 보여 줍니다")
    status.add_argument("lesson", help="실습 이름, 예: 07_deep_nn_step_by_step")
    status.set_defaults(run=_status)

    feedback = commands.add_parser("feedback", help="학생별 피드백 HTML을 만듭니다")
    feedback.add_argument("lesson")
    feedback.set_defaults(run=_feedback)

    report = commands.add_parser("report", help="채점한 반이 무엇을 틀렸는지 HTML 한 쪽으로 정리합니다 (점수 분포, 문제별 "
                                                "결과, 자주 나온 실수, 다음 수업 노트)")
    report.add_argument("lesson", nargs="?", help="실습 이름, 예: 07_deep_nn_step_by_step")
    report.add_argument("--all", action="store_true", help="채점한 모든 실습을 나란히 (문제 × 실습 만점 비율)")
    report.add_argument("-o", "--out", help="쓸 HTML 파일 (기본: report-<실습>.html, --all이면 report-all.html)")
    report.set_defaults(run=_report, parser=report)

    student = commands.add_parser("bundle", help="학생에게 줄 묶음(노트북, 데이터, 학생용 휠, README)을 만듭니다")
    student.add_argument("outdir", help="묶음을 쓸 폴더 (없거나 비어 있어야 합니다)")
    student.add_argument("--upto", help="이 번호까지의 실습만 넣습니다 (예: 07, 기본: 배포된 실습 전부)")
    student.set_defaults(run=_bundle)

    hub = commands.add_parser("hub", help="이 컴퓨터에 수업용 JupyterHub를 엽니다 (root): 명단의 학생마다 계정, "
                                          "nbgrader 교환 폴더, 강사의 formgrader, 학생별 제한")
    hub.add_argument("roster", help="학생 명단 (dlgrade roster import와 같은 파일; 학번이 계정 이름이 됩니다)")
    hub.add_argument("--instructor", required=True, help="강사 계정 이름 (강의 폴더와 formgrader를 가집니다)")
    hub.add_argument("--dir", default="/srv/dl-course", help="교환 폴더, 학생·강사 환경, 허브 상태를 둘 곳 "
                                                              "(기본: /srv/dl-course)")
    hub.add_argument("--ip", default="", help="들을 주소 (기본: 모든 주소)")
    hub.add_argument("--port", type=int, default=8000,
                     help="포트 (기본: 8000; 다음 세 포트는 허브 내부용, +10부터는 계정마다의 서버가 씁니다)")
    hub.add_argument("--upto", help="학생 환경에 넣을 마지막 실습 번호 (기본: 배포된 실습 전부)")
    hub.add_argument("--memory", type=_memory, default="1G", help="학생 한 명의 메모리 한도 (기본: 1G)")
    hub.add_argument("--cpus", type=float, default=1.0, help="학생 한 명이 동시에 쓸 수 있는 코어 수 (기본: 1)")
    hub.add_argument("--idle-timeout", type=_workers, default=3600,
                     help="이 초 동안 쓰지 않은 학생 서버를 멈춥니다 (기본: 3600)")
    hub.add_argument("--config", help="마지막에 읽을 JupyterHub 설정 파일 (예: LTI 1.3 로그인)")
    hub.add_argument("--setup-only", action="store_true", help="준비만 하고 허브는 열지 않습니다")
    hub.set_defaults(run=_hub)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    from dlgrade import course

    try:
        return args.run(args)
    except course.CourseError as error:
        print(f"dlgrade: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
