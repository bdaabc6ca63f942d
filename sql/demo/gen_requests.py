#!/usr/bin/env python3
"""Generate sql/demo/030_requests.sql: demo service requests and their history.

About 150 requests over the year before the demo "today" (gen_demo.NOW), sent
by the demo members (sql/demo/020_accounts.sql) to active services of every
centre (sql/demo/010_catalogue.sql, read here so ids always match), in every
status; some are referred from one centre to another. Each request has a
history that the platform itself could have written: 'created' by the member,
then the staff of the centre handling it at that moment accept, comment,
refer, complete or decline it, in time order, all before "today". Timestamps
are UTC. No outbox rows: demo data must not send mail.

Standard library only, fixed seed, so every run writes the same bytes and
`make run` never needs Python. Re-run after editing this file:

    python3 sql/demo/gen_requests.py            # writes sql/demo/030_requests.sql
    python3 sql/demo/gen_requests.py -o FILE    # writes elsewhere

self_check() validates the result (statuses, histories, actors, tokens)
before anything is written.
"""

import argparse
import datetime as dt
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_demo import NOW, inserts  # noqa: E402  (one SQL writer for all demo data)

SEED = 20261102
REQUEST_COUNT = 150
REFERRAL_SHARE = 0.12
DAYS_BACK = 365
TOPIC_MAX_CHARS = 200  # service_requests.topic

TOPICS = [
    "Консультация по подготовке заявки",
    "Вопрос по отчётности перед Минюстом",
    "Помощь с уставом организации",
    "Нужна помощь с публикацией о проекте",
    "Запись на обучение для двух сотрудников",
    "Вопрос о бухгалтерском учёте целевых средств",
    "Помощь в поиске добровольцев",
    "Консультация по договору с партнёром",
    "Как зарегистрировать ТОС",
    "Подготовка к конкурсу президентских грантов",
    "Помощь с сайтом и соцсетями",
    "Вопрос о налоговых льготах для НКО",
    "Нужна площадка для мероприятия",
    "Помощь с бюджетом проекта",
    "Консультация по персональным данным",
    "Участие в обучающем курсе",
    "Оценка социального эффекта проекта",
    "Вопрос по трудовым договорам",
    "Подготовка пресс-релиза",
    "Продление проекта после окончания гранта",
]

MESSAGES = [
    "Здравствуйте! Мы небольшая организация, работаем третий год. {need} Удобнее всего созвониться в будни после обеда.",
    "Добрый день. {need} Можем приехать в центр или встретиться онлайн, как вам удобнее.",
    "Здравствуйте. Обращаемся впервые. {need} Будем благодарны за любую помощь и подсказки.",
    "Добрый день! {need} Сроки поджимают: хотелось бы получить ответ в течение двух недель.",
    "Здравствуйте. {need} Готовы прислать документы заранее, подскажите, что нужно.",
]

NEEDS = [
    "Хотим подать заявку на услугу «{service}».",
    "Нас интересует услуга «{service}»: подскажите, как её получить.",
    "Просим записать нас на услугу «{service}».",
    "Нужна ваша помощь по услуге «{service}» для нашего нового проекта.",
]

NOTES = {
    "accepted": ["", "", "Свяжемся с вами в течение трёх рабочих дней.",
                 "Взяли в работу, специалист позвонит на этой неделе.",
                 "Пришлите, пожалуйста, устав и последний отчёт на почту центра."],
    "comment": ["Договорились о встрече во вторник в 15:00.",
                "Получили документы, изучаем.",
                "Перенесли консультацию на следующую неделю по просьбе заявителя.",
                "Отправили заявителю шаблоны документов."],
    "done": ["", "Консультация проведена, материалы отправлены на почту.",
             "Документы подготовлены и переданы заявителю.",
             "Обучение пройдено, сертификат выдан."],
    "declined": ["Услуга оказывается только зарегистрированным НКО; рекомендуем сначала зарегистрировать организацию.",
                 "К сожалению, набор на этот курс закрыт. Следите за новостями центра.",
                 "Заявитель не вышел на связь после трёх попыток.",
                 "Вопрос вне нашей компетенции: рекомендуем обратиться к юристу."],
    "referred": ["Этот вопрос лучше решит профильный центр.",
                 "Передаём в центр, который ближе к району заявителя.",
                 "У коллег есть специалист именно по этой теме."],
}


def parse_rows(sql, table):
    """The value tuples of every INSERT INTO table in sql, as lists of
    Python values (int, str or None)."""
    rows = []
    for m in re.finditer(r"INSERT INTO %s \(([^)]*)\) VALUES\n(.*?);\n" % table, sql, re.S):
        cols = [c.strip() for c in m.group(1).split(",")]
        for values in split_tuples(m.group(2)):
            rows.append(dict(zip(cols, values)))
    return rows


def split_tuples(text):
    """Parses "(1, 'a''b', NULL),\n(...)" into lists of values."""
    token = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.)*)'|(NULL)|(-?\d+(?:\.\d+)?)|([(),]))")
    rows, row, pos = [], None, 0
    while pos < len(text):
        m = token.match(text, pos)
        if m is None:
            break
        pos = m.end()
        s, null, num, punct = m.groups()
        if punct == "(":
            row = []
        elif punct == ")":
            rows.append(row)
        elif punct is None:
            row.append(literal(s, null, num))
    return rows


def literal(s, null, num):
    """The Python value of one SQL literal as split_tuples() matched it."""
    if null:
        return None
    if s is not None:
        return s.replace("''", "'").replace("\\\\", "\\")
    return float(num) if "." in num else int(num)


def load_inputs():
    """Active services and all users, from the demo files loaded before this one."""
    with open(os.path.join(HERE, "010_catalogue.sql"), encoding="utf-8") as f:
        catalogue = f.read()
    with open(os.path.join(HERE, "020_accounts.sql"), encoding="utf-8") as f:
        accounts = f.read()
    services = [s for s in parse_rows(catalogue, "services") if s["status"] == "active"]
    users = parse_rows(accounts, "users")
    return services, users


def staff_by_centre(users):
    """{centre id: [ids of its staff and admins]}."""
    by = {}
    for u in users:
        if u["role"] in ("centre_staff", "centre_admin"):
            by.setdefault(u["centre_id"], []).append(u["id"])
    return by


def later(rng, t, min_hours, max_hours):
    """A moment between min_hours and max_hours after t."""
    return t + dt.timedelta(minutes=rng.randint(min_hours * 60, max_hours * 60))


def pick_status(rng, age_days):
    """Older requests are more often finished."""
    if age_days < 21:
        return rng.choice(["new", "new", "new", "accepted", "accepted", "declined"])
    if age_days < 90:
        return rng.choice(["new", "accepted", "accepted", "done", "done", "declined"])
    return rng.choice(["accepted", "done", "done", "done", "done", "declined"])


def history(rng, req, centres, staff, status, referred):
    """Events from 'created' to the final status, each by the member or by
    the staff of the centre handling the request at that moment; moves req
    to the receiving centre on a referral."""
    t = req["created_at"]
    events = [dict(request_id=req["id"], kind="created", actor_id=req["user_id"], note="",
                   from_centre_id=None, to_centre_id=None, created_at=t)]

    def add(kind, from_centre_id=None, to_centre_id=None):
        nonlocal t
        t = later(rng, t, 2, 72)
        events.append(dict(request_id=req["id"], kind=kind, actor_id=rng.choice(staff[req["centre_id"]]),
                           note=rng.choice(NOTES[kind]), from_centre_id=from_centre_id,
                           to_centre_id=to_centre_id, created_at=t))

    if referred:
        if rng.random() < 0.4:
            add("accepted")
        target = rng.choice([c for c in centres if c != req["centre_id"]])
        add("referred", req["centre_id"], target)
        req["centre_id"] = target
    if status in ("accepted", "done") or (status == "declined" and rng.random() < 0.5):
        add("accepted")
        if rng.random() < 0.35:
            add("comment")
    if status in ("done", "declined"):
        add(status)
    req["updated_at"] = t
    return events


def make_request(rng, n, service, member, tokens):
    """Request number n of member for service, created some day of the last year."""
    # Skewed towards recent months: a platform in use gets more requests over time.
    created = (NOW - dt.timedelta(days=1 + (DAYS_BACK - 1) * rng.random() ** 1.7)).replace(microsecond=0)
    token = "%032x" % rng.getrandbits(128)
    while token in tokens:
        token = "%032x" % rng.getrandbits(128)
    tokens.add(token)
    by_phone = rng.random() < 0.3
    phone = "+7 (4212) %02d-%02d-%02d" % (rng.randint(20, 99), rng.randint(0, 99), rng.randint(0, 99))
    need = rng.choice(NEEDS).format(service=service["title"])
    return dict(
        id=n, service_id=service["id"], centre_id=service["centre_id"], user_id=member["id"],
        ngo_id=member["ngo_id"] if rng.random() < 0.85 else None, topic=rng.choice(TOPICS),
        message=rng.choice(MESSAGES).format(need=need), contact_method="phone" if by_phone else "email",
        contact_value=phone if by_phone else member["email"], status="new", consent_at=created,
        form_token=token, created_at=created, updated_at=created)


def build():
    """The requests and their events, with what self_check() needs to know."""
    rng = random.Random(SEED)
    services, users = load_inputs()
    members = [u for u in users if u["role"] == "member"]
    staff = staff_by_centre(users)
    centres = sorted(staff)
    by_centre = {}
    for s in services:
        by_centre.setdefault(s["centre_id"], []).append(s)
    requests, events, tokens = [], [], set()
    for i in range(REQUEST_COUNT):
        # Every centre gets requests: the centres in turn, a random service of each.
        service = rng.choice(by_centre[centres[i % len(centres)]])
        req = make_request(rng, i + 1, service, rng.choice(members), tokens)
        req["status"] = pick_status(rng, (NOW - req["created_at"]).days)
        hist = history(rng, req, centres, staff, req["status"], rng.random() < REFERRAL_SHARE)
        if hist[-1]["created_at"] >= NOW:  # no time yet for its history: still new where it was sent
            req.update(centre_id=service["centre_id"], status="new", updated_at=req["created_at"])
            hist = hist[:1]
        requests.append(req)
        events.extend(hist)
    events.sort(key=lambda e: (e["created_at"], e["request_id"]))
    for n, e in enumerate(events, 1):
        e["id"] = n
    return dict(requests=requests, events=events, services={s["id"]: s for s in services},
                staff=staff, members={m["id"] for m in members})


FINAL_EVENT = {"new": ("created", "referred"), "accepted": ("accepted", "comment"),
               "done": ("done",), "declined": ("declined",)}


def check_history(data, req, hist):
    """One request's history: ordered, by the right people, ending in its status."""
    service = data["services"][req["service_id"]]
    assert hist[0]["kind"] == "created" and hist[0]["actor_id"] == req["user_id"], req["id"]
    assert req["user_id"] in data["members"], req["id"]
    centre = service["centre_id"]
    for prev, e in zip(hist, hist[1:]):
        assert prev["created_at"] < e["created_at"] and prev["id"] < e["id"], req["id"]
        assert e["actor_id"] in data["staff"][centre], (req["id"], e["kind"])
        if e["kind"] == "referred":
            assert e["from_centre_id"] == centre and e["to_centre_id"] != centre, req["id"]
            centre = e["to_centre_id"]
    assert centre == req["centre_id"], req["id"]
    assert hist[-1]["kind"] in FINAL_EVENT[req["status"]], (req["id"], req["status"], hist[-1]["kind"])
    assert hist[-1]["created_at"] == req["updated_at"] < NOW, req["id"]


def self_check(data):
    """Asserts the promises of the module docstring; returns the referral count."""
    requests, events = data["requests"], data["events"]
    by_request = {}
    for e in events:
        by_request.setdefault(e["request_id"], []).append(e)
    for req in requests:
        assert req["service_id"] in data["services"], "archived or unknown service %d" % req["service_id"]
        assert len(req["topic"]) <= TOPIC_MAX_CHARS and re.fullmatch(r"[0-9a-f]{32}", req["form_token"])
        check_history(data, req, by_request[req["id"]])
    assert len({r["form_token"] for r in requests}) == len(requests), "form tokens must be unique"
    statuses = {r["status"] for r in requests}
    assert statuses == {"new", "accepted", "done", "declined"}, statuses
    assert len({r["centre_id"] for r in requests}) == len(data["staff"]), "every centre has requests"
    referred = sum(1 for e in events if e["kind"] == "referred")
    assert referred >= 5, "some requests are referred (%d)" % referred
    return referred


def render(data):
    """The SQL file's text."""
    parts = [
        "SET NAMES utf8mb4;\n",
        "-- Demo service requests and their history (migration 002). GENERATED by\n",
        "-- sql/demo/gen_requests.py (seed %d); edit the generator, not this file.\n" % SEED,
        "-- Timestamps are UTC. No outbox rows: demo data sends no mail.\n\n",
    ]
    parts.append(inserts("service_requests", ["id", "service_id", "centre_id", "user_id", "ngo_id", "topic",
                                              "message", "contact_method", "contact_value", "status",
                                              "consent_at", "form_token", "created_at", "updated_at"],
                         data["requests"]))
    parts.append("\n")
    parts.append(inserts("request_events", ["id", "request_id", "actor_id", "kind", "note", "from_centre_id",
                                            "to_centre_id", "created_at"], data["events"]))
    return "".join(parts)


def main():
    """Builds, checks, then writes the output atomically."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "030_requests.sql"))
    args = ap.parse_args()
    data = build()
    referred = self_check(data)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(data))
    os.replace(tmp, args.output)
    counts = {}
    for r in data["requests"]:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    print("wrote %s: %d requests (%s), %d events, %d referrals"
          % (args.output, len(data["requests"]), ", ".join("%s=%d" % kv for kv in sorted(counts.items())),
             len(data["events"]), referred))
    return 0


if __name__ == "__main__":
    sys.exit(main())
