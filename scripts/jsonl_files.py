"""Reading and writing JSON Lines files, for the measurement scripts beside this one."""
import json


def read_jsonl(path):
    """The JSON values of the non-empty lines of the file at `path`."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    """Writes each of `rows` as one JSON line (UTF-8, not ASCII-escaped)."""
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
