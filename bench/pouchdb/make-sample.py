#!/usr/bin/env python3
"""Writes a synthetic caseload as JSON Lines, in the shape bench_server_pull writes what it pulls.

    bench/pouchdb/make-sample.py [--cases 400] [--seed 1] [--out FILE]

Each case has 125 records (so 400 cases make 50,000): the case, 3 children, 4 adults, 6 hearings,
30 visits, 40 notes each with one revision (about 1,500 characters of text) and a letter. One
record a line:

    {"case_id":"...","created_at":"...","deleted_at":null,"fields":{...},"id":"...",
     "table":"children","updated_at":"...","version":1}

Everything is made up: names are built from syllables, note text from a small vocabulary. The
output is the same for the same seed. Used to try bench/pouchdb/compare.sh without a Lantern build.
"""

import argparse
import datetime as dt
import json
import random
import sys
import uuid

SYLLABLES = ["ka", "lo", "mir", "ta", "ren", "vi", "so", "dal", "ne", "bru", "fen", "ol", "zay", "tho",
             "mel", "ari", "qua", "dun", "pel", "ise"]
WORDS = ("the child said school home weekend mum dad brother sister friends room drawing played "
         "quiet happy worried teacher contact visit foster carer kitchen garden football homework "
         "tired laughed asked wanted talked about next week court plan support worker "
         "explained understood felt safe bedroom bike park dinner bedtime story").split()
COURTS = ["Family Court at Exampleford", "Family Court at Northbridge", "Family Court at Lowmere"]
ADULT_ROLES = ["parent", "parent", "grandparent", "foster_carer"]


def synthetic_name(rng, parts=2):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(parts))


def note_text(rng, length=1500):
    sentences = []
    size = 0
    while size < length:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def make_case(rng, index, now):
    def new_id():
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    case_id = new_id()
    records = []

    def add(table, record_id, fields):
        stamp = iso(now)
        records.append({"table": table, "id": record_id, "case_id": case_id, "version": 1,
                        "created_at": stamp, "updated_at": stamp, "deleted_at": None, "fields": fields})

    base = dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.timezone.utc)
    add("cases", case_id, {"case_number": f"XB26C{index:05d}", "court": rng.choice(COURTS),
                           "kind": "care_order", "issued_on": "2026-06-01"})
    children = []
    for c in range(3):
        children.append(new_id())
        add("children", children[-1], {
            "case_id": case_id, "legal_name": synthetic_name(rng, 3), "preferred_name": synthetic_name(rng, 1),
            "date_of_birth": f"201{rng.randint(2, 9)}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
            "school": synthetic_name(rng, 1) + " Primary School"})
    for a in range(4):
        add("adults", new_id(), {
            "case_id": case_id, "name": synthetic_name(rng, 2), "role": ADULT_ROLES[a],
            "phone": f"07700 900{rng.randint(0, 999):03d}",
            "address": f"{rng.randint(1, 200)} {synthetic_name(rng, 1)} Street, Exampletown"})
    for h in range(6):
        add("hearings", new_id(), {
            "case_id": case_id, "kind": "case_management", "starts_at": iso(base + dt.timedelta(days=20 * h)),
            "venue": rng.choice(COURTS)})
    for v in range(30):
        start = base + dt.timedelta(days=3 * v, hours=rng.randint(0, 6))
        add("visits", new_id(), {
            "case_id": case_id, "kind": "home", "place": "Home", "starts_at": iso(start),
            "ends_at": iso(start + dt.timedelta(hours=1)), "status": "done"})
    for n in range(40):
        note_id = new_id()
        add("notes", note_id, {
            "case_id": case_id, "kind": "visit", "contact_at": iso(base + dt.timedelta(days=2 * n)),
            "author": "fca01"})
        body = note_text(rng)
        add("note_revisions", new_id(), {
            "note_id": note_id, "number": 1, "body_html": "<p>" + body + "</p>", "body_text": body,
            "author": "fca01"})
    add("letters", new_id(), {
        "case_id": case_id, "child_id": children[0], "letter_kind": "introduction", "language": "en",
        "body_html": "<p>Hello, my name is " + synthetic_name(rng, 1) + ".</p>"})
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400, help="cases to make, 125 records each (400)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="file to write (default: standard output)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    now = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    count = 0
    with out:
        for index in range(args.cases):
            for record in make_case(rng, index, now + dt.timedelta(seconds=index)):
                out.write(json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n")
                count += 1
    print(f"wrote {count} records for {args.cases} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
