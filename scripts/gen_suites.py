"""Write the Great Expectations suites in validations/suites/ from schemas/.

Run it after any change to schemas/: `python scripts/gen_suites.py`. With --check it
writes nothing and exits 1 when a committed suite differs from what schemas/ make.
"""

import argparse
import sys

from tracker.validate import SUITES_DIR, build_suites, suite_json, write_suites


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale suites")
    if parser.parse_args().check:
        stale = [
            name
            for name, suite in build_suites().items()
            if not (SUITES_DIR / f"{name}.json").is_file()
            or (SUITES_DIR / f"{name}.json").read_text(encoding="utf-8") != suite_json(suite)
        ]
        for name in stale:
            print(f"stale: validations/suites/{name}.json", file=sys.stderr)
        return 1 if stale else 0
    for path in write_suites():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
