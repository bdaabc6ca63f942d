#!/usr/bin/env python3
"""Generate sql/demo/040_quality.sql: the unified quality standard and verified ratings.

Two versions of the standard (migration 005): version 1, published in June
2025 with four criteria and retired since, and version 2, published in March
2026 with five (accessibility added, weights revised). Criteria keep their
code across versions.

Ratings: most of the requests done in sql/demo/030_requests.sql (read here,
so ids always match), plus earlier requests done since June 2025 that this
file adds with their history (created, accepted, done), concentrated on a
few popular services so that some services have five ratings or more and
others fewer: the site shows both the index and «недостаточно оценок». Each
rating is given by the request's requester after it was done, under the
version in force when it was done, with scores whose distribution differs
between centres and improves slightly over time; some carry a comment that
is pending, approved or rejected by the moderator. Timestamps are UTC, all
before the demo "today" (gen_demo.NOW).

Standard library only, fixed seed: every run writes the same bytes. Re-run
after editing this file or 030_requests.sql:

    python3 sql/demo/gen_quality.py            # writes sql/demo/040_quality.sql
    python3 sql/demo/gen_quality.py -o FILE

self_check() validates the result before anything is written.
"""

import argparse
import datetime as dt
import decimal
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_demo import NOW, inserts  # noqa: E402
from gen_requests import MESSAGES, NEEDS, NOTES, TOPICS, parse_rows, staff_by_centre  # noqa: E402

SEED = 20261125
MODERATOR_ID = 1                  # moderator@example.org in 020_accounts.sql
RATED_SHARE = 0.85                # of the requests done in 030_requests.sql
EARLY_FROM = dt.datetime(2025, 6, 10, 0, 0, 0)
EARLY_TO = dt.datetime(2026, 10, 25, 0, 0, 0)
EARLY_SPREAD = 40                 # added requests on other services, never reaching the threshold
POPULAR_TARGETS = [12, 9, 8, 7, 6, 5, 5]  # ratings wanted on the most requested service of each centre
THRESHOLD = 5                     # fcgi/quality.h QUALITY_MIN_RATINGS
COMMENT_SHARE = 0.45
PENDING_DAYS = 40                 # comments newer than this still wait for the moderator
REJECTED_SHARE = 0.15
TREND_IMPROVEMENT = 0.3           # mean score gained from the first month to the last
SCORE_SPREAD = 0.85
# Months of the trend on /quality (the year to the demo "today") that must have enough ratings.
TREND_MONTHS = ["2025-12"] + ["2026-%02d" % m for m in range(1, 11)]

STANDARD_TITLE = "Единый стандарт качества услуг ресурсных центров поддержки НКО"
STANDARDS = [
    dict(id=1, version=1, status="retired", published_at=dt.datetime(2025, 6, 2, 1, 0, 0),
         created_at=dt.datetime(2025, 5, 20, 3, 0, 0),
         description="Первая версия единого стандарта: четыре критерия, по которым получатели оценивают "
                     "услуги ресурсных центров края."),
    dict(id=2, version=2, status="published", published_at=dt.datetime(2026, 3, 2, 1, 0, 0),
         created_at=dt.datetime(2026, 2, 16, 4, 0, 0),
         description="Вторая версия: добавлен критерий доступности услуги для жителей отдалённых районов и "
                     "людей с инвалидностью, у полезности результата вес больше, у вежливости — меньше."),
]

# code, name, description, weight under version 1 and under version 2 (None: not in it).
CRITERIA = [
    ("timeliness", "Своевременность",
     "На заявку ответили быстро, услугу оказали в оговорённый срок.", "1.00", "1.00"),
    ("competence", "Компетентность",
     "Специалисты разбирались в вопросе и дали точные ответы, которые можно применить.", "1.50", "1.50"),
    ("usefulness", "Полезность результата",
     "Результат помог решить задачу, с которой вы обращались.", "1.50", "2.00"),
    ("courtesy", "Вежливость",
     "С вами говорили уважительно и понятно, без лишних формальностей.", "1.00", "0.75"),
    ("accessibility", "Доступность",
     "Услугу было легко получить: понятная запись, удобные формат, время и место, в том числе для людей "
     "с инвалидностью и жителей отдалённых районов.", None, "1.00"),
]

# The mean score each centre earns on each criterion (before the trend).
CENTRE_MEANS = {
    1: dict(timeliness=4.4, competence=4.6, usefulness=4.5, courtesy=4.7, accessibility=4.3),
    2: dict(timeliness=4.1, competence=4.3, usefulness=4.2, courtesy=4.8, accessibility=4.4),
    3: dict(timeliness=3.5, competence=4.8, usefulness=4.4, courtesy=4.2, accessibility=3.9),
    4: dict(timeliness=3.9, competence=4.0, usefulness=3.8, courtesy=4.3, accessibility=4.0),
    5: dict(timeliness=4.3, competence=4.1, usefulness=4.3, courtesy=4.6, accessibility=4.6),
    6: dict(timeliness=3.3, competence=3.9, usefulness=3.9, courtesy=4.6, accessibility=3.1),
    7: dict(timeliness=4.0, competence=3.7, usefulness=3.9, courtesy=4.5, accessibility=4.1),
}

GOOD_COMMENTS = [
    "Спасибо за быструю и толковую консультацию, всё объяснили на примерах.",
    "Помогли подготовить документы, заявку приняли с первого раза.",
    "Очень внимательные специалисты, ответили на все вопросы нашей организации.",
    "Удобно, что можно было подключиться онлайн из района.",
    "Получили шаблоны и понятный план действий, будем обращаться ещё.",
    "Семинар был полезным, особенно разбор типичных ошибок.",
]
MIXED_COMMENTS = [
    "В целом помогли, но ответа на заявку пришлось ждать больше недели.",
    "Консультация полезная, но хотелось бы больше практических примеров.",
    "Записаться было непросто: долго не могли дозвониться.",
    "Сама услуга хорошая, но ехать в центр из нашего района далеко, онлайн-формата не хватает.",
]
BAD_COMMENTS = [
    "Ответа ждали почти месяц, к сроку подачи заявки не успели.",
    "Консультация была слишком общей, на наш вопрос так и не ответили.",
]
# Comments the moderator rejected: personal data, or not about the service.
REJECTED_COMMENTS = [
    "Звоните мне напрямую по номеру +7 914 000-00-00, расскажу подробнее про нашего председателя.",
    "Ваш сайт неудобный, а в нашем посёлке опять не чистят дороги.",
    "Специалист Иванова И. И. с улицы Ленина, дом 5, квартира 12, — лучший!",
]


def load_inputs():
    """Services, users, and the requests and events of 030_requests.sql."""
    texts = {}
    for name in ("010_catalogue.sql", "020_accounts.sql", "030_requests.sql"):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            texts[name] = f.read()
    services = {s["id"]: s for s in parse_rows(texts["010_catalogue.sql"], "services")}
    users = parse_rows(texts["020_accounts.sql"], "users")
    requests = parse_rows(texts["030_requests.sql"], "service_requests")
    events = parse_rows(texts["030_requests.sql"], "request_events")
    for r in requests:
        for k in ("created_at", "updated_at", "consent_at"):
            r[k] = dt.datetime.strptime(r[k], "%Y-%m-%d %H:%M:%S")
    return services, users, requests, events


def criteria_rows():
    """quality_criteria rows of both versions: ids 1.. in version then criterion order."""
    rows, next_id = [], 1
    for std in STANDARDS:
        order = 0
        for code, name, desc, w1, w2 in CRITERIA:
            weight = w1 if std["version"] == 1 else w2
            if weight is None:
                continue
            order += 1
            rows.append(dict(id=next_id, standard_id=std["id"], code=code, name=name, description=desc,
                             weight=weight, sort_order=order))
            next_id += 1
    return rows


def standard_at(t):
    """The version in force at t."""
    in_force = [s for s in STANDARDS if s["published_at"] <= t]
    assert in_force, t
    return max(in_force, key=lambda s: s["published_at"])


def later(rng, t, min_hours, max_hours):
    """A moment between min_hours and max_hours after t."""
    return t + dt.timedelta(minutes=rng.randint(min_hours * 60, max_hours * 60))


def early_request(rng, n, service, member, tokens, staff, first_event_id):
    """Request n of member for service, done some day since EARLY_FROM, with its history."""
    span = (EARLY_TO - EARLY_FROM).total_seconds()
    created = (EARLY_FROM + dt.timedelta(seconds=int(span * rng.random()))).replace(microsecond=0)
    token = "%032x" % rng.getrandbits(128)
    while token in tokens:
        token = "%032x" % rng.getrandbits(128)
    tokens.add(token)
    need = rng.choice(NEEDS).format(service=service["title"])
    req = dict(id=n, service_id=service["id"], centre_id=service["centre_id"], user_id=member["id"],
               ngo_id=member["ngo_id"] if rng.random() < 0.85 else None, topic=rng.choice(TOPICS),
               message=rng.choice(MESSAGES).format(need=need), contact_method="email",
               contact_value=member["email"], status="done", consent_at=created, form_token=token,
               created_at=created)
    t, events = created, [dict(kind="created", actor_id=member["id"], note="", created_at=created)]
    for kind in ("accepted", "done"):
        t = later(rng, t, 3, 96)
        events.append(dict(kind=kind, actor_id=rng.choice(staff[service["centre_id"]]),
                           note=rng.choice(NOTES[kind]), created_at=t))
    req["updated_at"] = t
    for i, e in enumerate(events):
        e.update(id=first_event_id + i, request_id=n, from_centre_id=None, to_centre_id=None)
    return req, events


def popular_services(services, done, centres):
    """Per centre, its active service with the most done requests (then the lowest id)."""
    counts = {}
    for r in done:
        if services[r["service_id"]]["centre_id"] == r["centre_id"]:
            counts[r["service_id"]] = counts.get(r["service_id"], 0) + 1
    best = []
    for c in centres:
        own = [s for s in services.values() if s["centre_id"] == c and s["status"] == "active"]
        best.append(min(own, key=lambda s: (-counts.get(s["id"], 0), s["id"])))
    return best, counts


def add_early_requests(rng, services, users, requests, events):
    """Earlier done requests: enough on each centre's popular service to reach
    its target, and a spread over other services that stays under the threshold."""
    members = [u for u in users if u["role"] == "member"]
    staff = staff_by_centre(users)
    centres = sorted(staff)
    done = [r for r in requests if r["status"] == "done"]
    popular, counts = popular_services(services, done, centres)
    plan = []
    for s, target in zip(popular, POPULAR_TARGETS):
        plan += [s] * max(0, target - int(counts.get(s["id"], 0) * RATED_SHARE))
    others = [s for s in services.values() if s["status"] == "active" and s not in popular
              and counts.get(s["id"], 0) <= 1]
    plan += rng.sample(others, EARLY_SPREAD)
    tokens = {r["form_token"] for r in requests}
    next_id, next_event = max(r["id"] for r in requests) + 1, max(e["id"] for e in events) + 1
    added, added_events = [], []
    for service in plan:
        req, hist = early_request(rng, next_id, service, rng.choice(members), tokens, staff, next_event)
        added.append(req)
        added_events += hist
        next_id, next_event = next_id + 1, next_event + len(hist)
    return added, added_events


def score(rng, centre_id, code, t):
    """One score on 1..5 around the centre's mean, a little better as time goes on."""
    progress = (t - EARLY_FROM).total_seconds() / (NOW - EARLY_FROM).total_seconds()
    mean = CENTRE_MEANS[centre_id][code] - TREND_IMPROVEMENT / 2 + TREND_IMPROVEMENT * progress
    return max(1, min(5, int(round(rng.gauss(mean, SCORE_SPREAD)))))


def weighted_overall(scores, criteria):
    """Σ weight·score / Σ weight, to three decimals (as DECIMAL(4,3) stores it)."""
    total = sum(decimal.Decimal(c["weight"]) for c in criteria)
    weighted = sum(decimal.Decimal(c["weight"]) * s for c, s in zip(criteria, scores))
    return (weighted / total).quantize(decimal.Decimal("0.001"), rounding=decimal.ROUND_HALF_UP)


def comment_for(rng, overall, rated_at):
    """The comment of a rating, if any: its text, status and moderation time."""
    if rng.random() >= COMMENT_SHARE:
        return "", "none", None
    if (NOW - rated_at).days < PENDING_DAYS:
        pool = GOOD_COMMENTS if overall >= 4 else MIXED_COMMENTS if overall >= 3 else BAD_COMMENTS
        return rng.choice(pool), "pending", None
    moderated = min(later(rng, rated_at, 4, 72), NOW - dt.timedelta(hours=1))
    if rng.random() < REJECTED_SHARE:
        return rng.choice(REJECTED_COMMENTS), "rejected", moderated
    pool = GOOD_COMMENTS if overall >= 4 else MIXED_COMMENTS if overall >= 3 else BAD_COMMENTS
    return rng.choice(pool), "approved", moderated


def rate(rng, req, criteria, n):
    """Rating n of a done request and its scores."""
    done_at = req["updated_at"]
    std = standard_at(done_at)
    mine = [c for c in criteria if c["standard_id"] == std["id"]]
    rated_at = min(later(rng, done_at, 2, 144), NOW - dt.timedelta(hours=2))
    scores = [score(rng, req["centre_id"], c["code"], done_at) for c in mine]
    overall = weighted_overall(scores, mine)
    comment, status, moderated_at = comment_for(rng, overall, rated_at)
    fb = dict(id=n, request_id=req["id"], user_id=req["user_id"], service_id=req["service_id"],
              centre_id=req["centre_id"], standard_id=std["id"], overall=str(overall), comment=comment,
              comment_status=status, moderated_by=MODERATOR_ID if moderated_at else None,
              moderated_at=moderated_at, created_at=rated_at)
    return fb, [dict(feedback_id=n, criterion_id=c["id"], score=s) for c, s in zip(mine, scores)]


def build():
    """The standard, the added requests and every rating."""
    rng = random.Random(SEED)
    services, users, requests, events = load_inputs()
    added, added_events = add_early_requests(rng, services, users, requests, events)
    criteria = criteria_rows()
    feedback, scores = [], []
    done = [r for r in requests if r["status"] == "done" and rng.random() < RATED_SHARE] + added
    for req in sorted(done, key=lambda r: r["updated_at"]):
        fb, sc = rate(rng, req, criteria, len(feedback) + 1)
        feedback.append(fb)
        scores += sc
    return dict(services=services, users={u["id"]: u for u in users}, requests=requests + added,
                added=added, added_events=added_events, criteria=criteria, feedback=feedback, scores=scores)


def check_rating(data, fb, by_request, criteria_by_id, scores_of):
    """One rating: its request, its giver, its time, its version and its scores."""
    req = by_request[fb["request_id"]]
    assert req["status"] == "done" and fb["user_id"] == req["user_id"], fb["id"]
    assert data["users"][fb["user_id"]]["role"] == "member", fb["id"]
    assert fb["centre_id"] == req["centre_id"] and fb["service_id"] == req["service_id"], fb["id"]
    assert req["updated_at"] < fb["created_at"] < NOW, fb["id"]
    std = standard_at(req["updated_at"])
    assert fb["standard_id"] == std["id"], fb["id"]
    mine = sorted((c for c in data["criteria"] if c["standard_id"] == std["id"]), key=lambda c: c["sort_order"])
    given = scores_of[fb["id"]]
    assert [s["criterion_id"] for s in given] == [c["id"] for c in mine], fb["id"]
    assert all(1 <= s["score"] <= 5 for s in given), fb["id"]
    assert str(weighted_overall([s["score"] for s in given], mine)) == fb["overall"], fb["id"]
    assert (fb["comment"] == "") == (fb["comment_status"] == "none"), fb["id"]
    assert (fb["moderated_at"] is not None) == (fb["comment_status"] in ("approved", "rejected")), fb["id"]


def self_check(data):
    """Asserts the promises of the module docstring; returns ratings per service."""
    by_request = {r["id"]: r for r in data["requests"]}
    assert len(by_request) == len(data["requests"]), "request ids are unique"
    scores_of = {}
    for s in data["scores"]:
        scores_of.setdefault(s["feedback_id"], []).append(s)
    criteria_by_id = {c["id"]: c for c in data["criteria"]}
    for fb in data["feedback"]:
        check_rating(data, fb, by_request, criteria_by_id, scores_of)
    assert len({fb["request_id"] for fb in data["feedback"]}) == len(data["feedback"]), "one rating a request"
    per_service = {}
    for fb in data["feedback"]:
        if data["services"][fb["service_id"]]["centre_id"] == fb["centre_id"]:
            per_service[fb["service_id"]] = per_service.get(fb["service_id"], 0) + 1
    assert sum(1 for n in per_service.values() if n >= THRESHOLD) >= 5, "services with an index"
    assert sum(1 for n in per_service.values() if 0 < n < THRESHOLD) >= 10, "services without one yet"
    assert {fb["comment_status"] for fb in data["feedback"]} == {"none", "pending", "approved", "rejected"}
    assert {fb["standard_id"] for fb in data["feedback"]} == {1, 2}, "ratings under both versions"
    months = {}
    for fb in data["feedback"]:
        key = fb["created_at"].strftime("%Y-%m")
        months[key] = months.get(key, 0) + 1
    assert all(months.get(m, 0) >= THRESHOLD for m in TREND_MONTHS), ("months of the trend", months)
    return per_service


def render(data):
    """The SQL file's text."""
    parts = [
        "SET NAMES utf8mb4;\n",
        "-- Demo quality standard (two versions) and verified ratings (migration 005), with the earlier\n",
        "-- requests they rate. GENERATED by sql/demo/gen_quality.py (seed %d) from 010, 020 and 030;\n" % SEED,
        "-- edit the generator, not this file. Timestamps are UTC. No outbox rows.\n\n",
    ]
    standards = [dict(s, title=STANDARD_TITLE, created_by=MODERATOR_ID) for s in STANDARDS]
    parts.append(inserts("quality_standards", ["id", "version", "title", "description", "status", "published_at",
                                               "created_by", "created_at"], standards))
    parts.append(inserts("quality_criteria", ["id", "standard_id", "code", "name", "description", "weight",
                                              "sort_order"], data["criteria"]))
    parts.append("\n")
    parts.append(inserts("service_requests", ["id", "service_id", "centre_id", "user_id", "ngo_id", "topic",
                                              "message", "contact_method", "contact_value", "status",
                                              "consent_at", "form_token", "created_at", "updated_at"],
                         data["added"]))
    parts.append(inserts("request_events", ["id", "request_id", "actor_id", "kind", "note", "from_centre_id",
                                            "to_centre_id", "created_at"], data["added_events"]))
    parts.append("\n")
    parts.append(inserts("feedback", ["id", "request_id", "user_id", "service_id", "centre_id", "standard_id",
                                      "overall", "comment", "comment_status", "moderated_by", "moderated_at",
                                      "created_at"], data["feedback"]))
    parts.append(inserts("feedback_scores", ["feedback_id", "criterion_id", "score"], data["scores"]))
    return "".join(parts)


def main():
    """Builds, checks, then writes the output atomically."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "040_quality.sql"))
    args = ap.parse_args()
    data = build()
    per_service = self_check(data)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(data))
    os.replace(tmp, args.output)
    statuses = {}
    for fb in data["feedback"]:
        statuses[fb["comment_status"]] = statuses.get(fb["comment_status"], 0) + 1
    print("wrote %s: %d ratings (%s), %d added requests, %d services rated, %d with %d or more"
          % (args.output, len(data["feedback"]), ", ".join("%s=%d" % kv for kv in sorted(statuses.items())),
             len(data["added"]), len(per_service), sum(1 for n in per_service.values() if n >= THRESHOLD),
             THRESHOLD))
    return 0


if __name__ == "__main__":
    sys.exit(main())
