#!/usr/bin/env python3
"""
Test oracle: the MLCommons tools' documented rules, re-implemented here (nothing is copied from
them) so the tests can hold the app's log files to the official algorithms in the official
tools' own language. Two commands:

accuracy-imagenet  The algorithm of vision/classification_and_detection/tools/accuracy-imagenet.py
                   (mlcommons/inference): read val_map.txt ("<file> <label>" per line, line i is
                   qsl_idx i), load mlperf_log_accuracy.json, skip a qsl_idx seen before, decode
                   `data` with np.frombuffer(bytes.fromhex(data), <dtype>) (default float32), take
                   int(data[0]) as the class and count it good when it equals the label. Prints
                   "accuracy=XX.XXX%, good=N, total=N" as the script does.

performance        The submission checker's performance checks of a detail log
                   (tools/submission/submission_checker/checks/performance_check.py and
                   check_performance_dir in the v4.x checker), after parsing the log the way
                   tools/submission/log_parser.py's MLPerfLog does in strict mode (every ":::MLLOG"
                   line must be JSON; the first value of a repeated key counts; num_errors, else
                   the is_error lines, is the error count). Prints a JSON verdict.
"""
import argparse
import json
import struct
import sys

try:
    import numpy as np
except ImportError:  # the decoding is the same with struct, little-endian as np.frombuffer here
    np = None

# checker constants (tools/submission/submission_checker/constants.py, v6.1) for the MLPerf
# model "resnet"; seeds also in loadgen/mlperf.conf v6.1.
RULES = {
    "v6.1": {
        "seeds": {
            "qsl_rng_seed": 2085463073848966840,
            "sample_index_rng_seed": 2747215439041700203,
            "schedule_rng_seed": 16159082839903944936,
        },
        "models": {
            "resnet": {
                "performance_sample_count": 1024,
                # latency_constraint["resnet"]["Server"] in ns
                "latency_constraint": {"Server": 15000000},
                # min_queries: only Offline is checked (the others use early stopping)
                "min_queries": {"Offline": 1},
                # OFFLINE_MIN_SPQ_SINCE_V4
                "offline_min_spq": 24576,
            }
        },
    }
}
TEST_DURATION_MS = 600000
EARLY_STOPPING_SCENARIOS = ["Server", "SingleStream", "MultiStream"]


def decode(hexdata, dtype):
    raw = bytes.fromhex(hexdata)
    if np is not None:
        return np.frombuffer(raw, {"float32": np.float32, "int32": np.int32, "int64": np.int64}[dtype])
    fmt = {"float32": "<f", "int32": "<i", "int64": "<q"}[dtype]
    size = struct.calcsize(fmt)
    return [struct.unpack(fmt, raw[i:i + size])[0] for i in range(0, len(raw) - size + 1, size)]


def accuracy_imagenet(args):
    imagenet = []
    with open(args.imagenet_val_file, "r") as f:
        for line in f:
            cols = line.strip().split()
            imagenet.append((cols[0], int(cols[1])))
    with open(args.mlperf_accuracy_file, "r") as f:
        results = json.load(f)
    seen = set()
    good = 0
    for j in results:
        idx = j["qsl_idx"]
        if idx in seen:
            continue
        seen.add(idx)
        _img, label = imagenet[idx]
        found = int(decode(j["data"], args.dtype)[0])
        if label == found:
            good += 1
    total = len(seen)
    print("accuracy={:.3f}%, good={}, total={}".format(100.0 * good / total if total else 0.0, good, total))
    return 0


class StrictLog:
    """The MLPerfLog reading rules: a marker on the first line, JSON after the marker, first value wins."""

    def __init__(self, path):
        self.messages = []
        marker = ":::MLLOG"
        with open(path, "r", encoding="utf-8") as f:
            for i, line in enumerate(f):
                line = line.rstrip()
                if i == 0 and not line.startswith(marker):
                    raise RuntimeError("Marker not found in first line: {}".format(line))
                if line.startswith(marker):
                    try:
                        self.messages.append(json.loads(line[len(marker):]))
                    except Exception:
                        raise RuntimeError("Encountered invalid line: {}".format(line))

    def __getitem__(self, key):
        for m in self.messages:
            if m["key"] == key:
                return m["value"]
        return None

    def keys(self):
        return {m["key"] for m in self.messages}

    def num_errors(self):
        if "num_errors" in self.keys():
            return self["num_errors"]
        return sum(1 for m in self.messages if m["metadata"]["is_error"])


def performance(args):
    rules = RULES[args.version]
    model = rules["models"][args.model]
    log = StrictLog(args.detail)
    failures = []
    scenario = log["effective_scenario"]
    # check_performance_dir: look for result_validity VALID
    if log["result_validity"] != "VALID":
        failures.append("result_validity is {}".format(log["result_validity"]))
    # loadgen_errors_check
    if log.num_errors() != 0:
        failures.append("loadgen errors: {}".format(log.num_errors()))
    # performance_sample_count_check
    psc = log["effective_performance_sample_count"]
    if psc < model["performance_sample_count"]:
        failures.append("performance_sample_count, found {}, needs to be >= {}".format(psc, model["performance_sample_count"]))
    # seeds_check
    for key, want in rules["seeds"].items():
        if log["effective_" + key] != want:
            failures.append("{} is wrong, expected={}, found={}".format(key, want, log["effective_" + key]))
    # latency_check
    if scenario in EARLY_STOPPING_SCENARIOS:
        if not log["early_stopping_met"]:
            failures.append("Early stopping condition was not met")
        target = model["latency_constraint"].get(scenario)
        if target and log["effective_target_latency_ns"] > target:
            failures.append("Latency constraint with early stopping not met, expected={}, found={}".format(target, log["effective_target_latency_ns"]))
    # min_query_count_check
    if scenario not in EARLY_STOPPING_SCENARIOS:
        required = model["min_queries"].get(scenario)
        if required and log["effective_min_query_count"] < required:
            failures.append("Required minimum Query Count not met")
    if scenario == "Offline" and log["effective_samples_per_query"] < model["offline_min_spq"]:
        failures.append("Required minimum samples per query not met, Expected={}, Found={}".format(model["offline_min_spq"], log["effective_samples_per_query"]))
    # min_duration_check
    if log["effective_min_duration_ms"] < TEST_DURATION_MS:
        failures.append("Test duration less than 600s in user config. expected={}, found={}".format(TEST_DURATION_MS, log["effective_min_duration_ms"]))
    print(json.dumps({"passed": not failures, "failures": failures, "messages": len(log.messages)}))
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("accuracy-imagenet")
    a.add_argument("--mlperf-accuracy-file", required=True)
    a.add_argument("--imagenet-val-file", required=True)
    a.add_argument("--dtype", default="float32", choices=["float32", "int32", "int64"])
    p = sub.add_parser("performance")
    p.add_argument("--detail", required=True)
    p.add_argument("--model", default="resnet")
    p.add_argument("--version", default="v6.1")
    args = parser.parse_args()
    return accuracy_imagenet(args) if args.command == "accuracy-imagenet" else performance(args)


if __name__ == "__main__":
    sys.exit(main())
