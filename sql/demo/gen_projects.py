#!/usr/bin/env python3
"""Generate sql/demo/050_projects.sql: demo NGO projects, their timelines and
the support centres gave them, for the project registry and /survival.

About 400 projects over five years (grant periods from 2021 to 2026) by the
demo NGOs of every district (sql/demo/010_catalogue.sql, read here so that
ids always match), and some later projects registered as continuations of
earlier ones (a later grant). Every NGO that a demo member acts for
(sql/demo/020_accounts.sql) has projects, so the member pages are populated.

Each project lives through a simulated history up to the demo "today",
25 November 2026: registered before its grant, funded, running with news
every month or two (some fall silent), its grant completed, and then a fate
drawn from a chance of survival that depends on its district (the remote
north the lowest), on the year (later years a little better) and on having
a supporting centre: most die within six months after the first grant (the
"infant mortality" of NGO projects), some go on for a while and stop, some
go on for years or win a later grant. Status changes are timeline rows, as
the platform writes them. Some projects are at risk today under each rule of
fcgi/survival.c; self_check() verifies that, and that the survival shares
differ by district and year. No risk notices and no outbox rows: demo data
sends no mail (rchub-admin risk-scan does, when run).

Standard library only, fixed seed, so every run writes the same bytes and
`make run` never needs Python. Re-run after editing this file:

    python3 sql/demo/gen_projects.py            # writes sql/demo/050_projects.sql
    python3 sql/demo/gen_projects.py -o FILE    # writes elsewhere
"""

import argparse
import calendar
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_demo import PLACES, inserts  # noqa: E402  (one SQL writer for all demo data)
from gen_requests import parse_rows  # noqa: E402  (reads the earlier demo files)

SEED = 20261125
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 0, 0, 0)  # every timestamp is earlier
BASE_PROJECTS = 380
MEMBER_NGO_PROJECTS = 2       # at least, for every NGO a demo member acts for
MIN_PER_DISTRICT = 6
NO_CENTRE_SHARE = 0.1
SILENT_SHARE = 0.18           # running projects that stop posting news
PLAN_SHARE = 0.5              # projects with a continuation plan written down
CONTINUATION_SHARE = 0.35     # of long-lived projects: a later project continues them

# Chance that a project outlives its first grant, by district (the remote
# north lowest), before the adjustments for the year and for support.
SURVIVAL_BY_DISTRICT = {
    "khabarovsk": 0.5, "komsomolsk-na-amure": 0.45, "khabarovsky": 0.4, "amursky": 0.36,
    "sovetsko-gavansky": 0.34, "vaninsky": 0.32, "imeni-lazo": 0.3, "nikolaevsky": 0.3,
    "bikinsky": 0.27, "komsomolsky": 0.26, "vyazemsky": 0.24, "nanaysky": 0.24, "solnechny": 0.24,
    "verkhnebureinsky": 0.2, "ulchsky": 0.2, "imeni-poliny-osipenko": 0.15, "okhotsky": 0.12,
    "ayano-maysky": 0.1, "tuguro-chumikansky": 0.1,
}
SURVIVAL_BY_YEAR = {2021: -0.1, 2022: -0.06, 2023: 0.0, 2024: 0.04, 2025: 0.09, 2026: 0.1}
SURVIVAL_WITH_CENTRE = 0.06
LONG_LIFE_SHARE = 0.55        # of survivors: alive well past a year

START_YEAR_WEIGHTS = [(2021, 14), (2022, 17), (2023, 19), (2024, 20), (2025, 20), (2026, 10)]
FUNDING_WEIGHTS = [("presidential", 33), ("regional", 30), ("municipal", 16), ("business", 9),
                   ("own", 7), ("other", 5)]
# Grant length in months and amount range in rubles, by source.
GRANT_TERMS = {
    "presidential": ((12, 24), (500_000, 3_000_000)),
    "regional": ((6, 12), (200_000, 1_500_000)),
    "municipal": ((4, 10), (50_000, 500_000)),
    "business": ((6, 12), (50_000, 800_000)),
    "own": ((6, 18), None),
    "other": ((6, 12), (30_000, 300_000)),
}
PUBLIC_GRANTS = ("presidential", "regional", "municipal")

# Themes: the category they are filed under, titles and a goal.
THEMES = {
    "volunteer": (["dobrovolchestvo", "podbor-dobrovoltsev"], [
        "Школа добровольцев", "Серебряные волонтёры", "Добрые соседи", "Волонтёрский штаб «Рядом»",
        "Тимуровцы XXI века", "Волонтёры наследия", "Помощь рядом: добровольцы для одиноких пожилых"],
        "Вовлечь жителей {gen} в добровольческую помощь пожилым и людям с инвалидностью: подготовить "
        "{n} добровольцев и наладить постоянную помощь {k} семьям."),
    "tos": (["proekty-tos", "tos"], [
        "Детская площадка во дворе", "Сквер памяти", "Спортивная площадка для всех", "Народный огород",
        "Светлая улица: освещение частного сектора", "Зимняя горка и каток", "Летняя сцена в парке"],
        "Силами жителей {gen} благоустроить общественное место: собрать {k} участников, привлечь "
        "софинансирование и провести {n} субботников."),
    "education": (["obuchenie", "seminary-i-treningi", "nastavnichestvo"], [
        "Цифровая грамотность для старшего поколения", "Университет третьего возраста",
        "Лаборатория робототехники", "Школа юного эколога", "Курсы финансовой грамотности",
        "Летняя школа вожатых", "Мастерская юного журналиста", "Курсы нанайского языка",
        "Этнолагерь «Дуэнтэ»"],
        "Дать жителям {gen} новые знания и навыки: провести {n} занятий для {k} участников и "
        "подготовить местных ведущих, чтобы занятия шли и дальше."),
    "media": (["informatsionnaya-podderzhka", "publikatsii-v-smi", "dizayn-foto-video"], [
        "Подкаст «Люди Амура»", "Медиашкола для подростков", "Фотолетопись района",
        "Видеоистории ветеранов", "Газета добрых дел", "Фестиваль культуры коренных народов"],
        "Рассказать о людях и некоммерческих организациях {gen}: выпустить {n} материалов и "
        "научить {k} подростков и активистов работать с медиа."),
    "socent": (["sotsialnoe-predprinimatelstvo", "biznes-planirovanie"], [
        "Социальная пекарня", "Мастерская «Особые руки»", "Эко-ферма для людей с инвалидностью",
        "Прокат детских товаров", "Швейный цех для многодетных мам"],
        "Создать в {gen} социальное дело, которое само себя окупает: {k} рабочих мест для людей, "
        "которым трудно найти работу, и {n} покупателей в месяц."),
    "legal": (["konsultatsii", "yuridicheskie-konsultatsii"], [
        "Бесплатная юридическая помощь пенсионерам", "Правовой клуб для родителей детей с инвалидностью",
        "Консультации по ЖКХ для жителей", "Семейный консультационный пункт"],
        "Помочь жителям {gen} защищать свои права: провести {n} консультаций и {k} встреч с юристами."),
    "space": (["pomeshcheniya-i-oborudovanie", "kovorking"], [
        "Открытая площадка «Точка сборки»", "Коворкинг для НКО и активистов", "Клуб выходного дня для семей"],
        "Открыть в {gen} место, где собираются инициативы: {n} событий в год и {k} постоянных посетителей."),
}
THEME_WEIGHTS = [("volunteer", 18), ("tos", 16), ("education", 22), ("media", 12), ("socent", 10),
                 ("legal", 10), ("space", 8)]

PLANS = [
    "Продолжим работу на членские взносы и пожертвования жителей; готовим заявку в региональный конкурс.",
    "Договорились с администрацией района о бесплатном помещении; часть занятий для взрослых станет платной.",
    "Ищем партнёра среди местных предприятий и готовим заявку в Фонд президентских грантов на второй этап.",
    "Добровольцы продолжат работу без финансирования, расходы на материалы покроет спонсор.",
    "Проект войдёт в постоянную программу организации, расходы заложены в бюджет на следующий год.",
]
UPDATES = [
    "Провели {n} занятий, в них участвовали {k} человек.",
    "Закупили оборудование и готовим помещение к открытию.",
    "Набрали первую группу участников: {k} человек.",
    "Рассказали о проекте на районном форуме НКО.",
    "Опубликовали отчёт о первых месяцах работы.",
    "Провели выездное мероприятие, пришли {k} жителей.",
    "Подвели итоги квартала: {k} благополучателей, {n} мероприятий.",
    "К проекту присоединились {n} новых добровольцев.",
    "Получили благодарность от администрации поселения.",
    "Провели встречу с партнёрами, договорились о следующих шагах.",
]
STATUS_TEXT = {
    "funded": "Заявка поддержана, подписан договор о предоставлении гранта.",
    "running": "Проект стартовал: прошло первое мероприятие.",
    "completed": "Грантовый период завершён, отчёт сдан грантодателю.",
    "continued": "Проект продолжается и после гранта.",
    "stalled": "Работа приостановлена: нет средств на аренду и зарплату координатора.",
    "closed": "Проект закрыт: после окончания гранта продолжить его не удалось.",
}
CONTINUED_BY_GRANT = "Проект продолжается: получен новый грант на второй этап."
SUPPORT_NOTES = {
    "consultation": ["Консультация по отчёту перед грантодателем.", "Разобрали бюджет второго этапа.",
                     "Консультация по договору с партнёром."],
    "new_application": ["Помогли подготовить заявку на региональный конкурс.",
                        "Экспертиза заявки в Фонд президентских грантов.",
                        "Вместе доработали план продолжения проекта."],
    "mentor": ["Закрепили наставника из опытной НКО.", "Наставник провёл стратегическую сессию с командой."],
    "other": ["Предоставили зал для итогового мероприятия.", "Опубликовали новость о проекте на сайте центра."],
}
SUPPORT_WEIGHTS = [("consultation", 45), ("new_application", 25), ("mentor", 15), ("other", 15)]

RISK_GRANT_ENDING_DAYS, RISK_NO_UPDATES_DAYS, RISK_NO_STATUS_CHANGE_DAYS = 60, 90, 60


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def add_months(d, months):
    """The same day months later, or the month's last day (as survival.c)."""
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def moment(rng, day, earliest_hour=3, latest_hour=11):
    """A UTC time on day (local daytime in Khabarovsk, UTC+10)."""
    return dt.datetime(day.year, day.month, day.day, rng.randint(earliest_hour, latest_hour),
                       rng.randint(0, 59), rng.randint(0, 59))


def load_inputs():
    """NGOs, districts, categories, centres and their districts, users."""
    with open(os.path.join(HERE, "010_catalogue.sql"), encoding="utf-8") as f:
        catalogue = f.read()
    with open(os.path.join(HERE, "020_accounts.sql"), encoding="utf-8") as f:
        accounts = f.read()
    return dict(
        districts=parse_rows(catalogue, "districts"), categories=parse_rows(catalogue, "categories"),
        centres=parse_rows(catalogue, "centres"), centre_districts=parse_rows(catalogue, "centre_districts"),
        ngos=parse_rows(catalogue, "ngos"), users=parse_rows(accounts, "users"))


class World:
    """What the generator draws from, indexed."""

    def __init__(self, inputs):
        self.district = {d["id"]: d for d in inputs["districts"]}
        self.category_id = {c["slug"]: c["id"] for c in inputs["categories"]}
        self.ngos = inputs["ngos"]
        self.ngos_by_district = {}
        for n in self.ngos:
            self.ngos_by_district.setdefault(n["district_id"], []).append(n)
        self.centres_of = {}
        for cd in inputs["centre_districts"]:
            self.centres_of.setdefault(cd["district_id"], []).append(cd["centre_id"])
        self.staff = {}
        self.member_of = {}
        for u in inputs["users"]:
            if u["role"] in ("centre_staff", "centre_admin"):
                self.staff.setdefault(u["centre_id"], []).append(u["id"])
            elif u["role"] == "member" and u["ngo_id"]:
                self.member_of.setdefault(u["ngo_id"], u["id"])

    def place(self, rng, district_id):
        """(short name, genitive phrase) of a settlement of the district."""
        settlements = PLACES[self.district[district_id]["slug"]][2]
        label, gen, _streets = rng.choice(settlements)
        return label.split(" ", 1)[1], gen


def survival_chance(world, district_id, year, centre_id, funding):
    p = SURVIVAL_BY_DISTRICT[world.district[district_id]["slug"]] + SURVIVAL_BY_YEAR[year]
    p += SURVIVAL_WITH_CENTRE if centre_id else 0
    p += 0.04 if funding == "presidential" else 0
    return max(0.05, min(0.9, p))


def pick_ngos(rng, world):
    """The NGO of each base project: every member's NGO, every district, then at random."""
    chosen = []
    for ngo_id in sorted(world.member_of):
        chosen += [ngo_id] * MEMBER_NGO_PROJECTS
    by_id = {n["id"]: n for n in world.ngos}
    for district_id in sorted(world.ngos_by_district):
        have = sum(1 for n in chosen if by_id[n]["district_id"] == district_id)
        pool = world.ngos_by_district[district_id]
        chosen += [rng.choice(pool)["id"] for _ in range(max(0, MIN_PER_DISTRICT - have))]
    while len(chosen) < BASE_PROJECTS:
        chosen.append(rng.choice(world.ngos)["id"])
    rng.shuffle(chosen)
    return [by_id[i] for i in chosen]


def grant_terms(rng, funding, start):
    (lo, hi), amounts = GRANT_TERMS[funding]
    end = add_months(start, rng.randint(lo, hi)) - dt.timedelta(days=1)
    amount = None
    if amounts:
        amount = "%d.00" % (rng.randint(amounts[0] // 1000, amounts[1] // 1000) * 1000)
    return end, amount


class Timeline:
    """The updates of one project: (time, status_to or None, text)."""

    def __init__(self, rng):
        self.rng = rng
        self.events = []

    def status(self, when, to, text=None):
        self.events.append((when, to, text or STATUS_TEXT[to]))

    def news(self, start, end, gap=(30, 75)):
        """Updates from start to end, one every gap days."""
        t = start + dt.timedelta(days=self.rng.randint(*gap))
        while t < end:
            text = self.rng.choice(UPDATES).format(n=self.rng.randint(3, 25), k=self.rng.randint(10, 120))
            self.events.append((moment(self.rng, t), None, text))
            t += dt.timedelta(days=self.rng.randint(*gap))


def fate_after_grant(rng, tl, end, chance):
    """Survival after the grant: "dies" within six months, "short" (stops
    between six and twelve months), or "long"; writes the events."""
    completed = end + dt.timedelta(days=rng.randint(0, 15))
    tl.status(moment(rng, completed), "completed")
    if rng.random() >= chance:
        died = end + dt.timedelta(days=rng.randint(30, 150))
        tl.status(moment(rng, died), rng.choice(["closed", "closed", "stalled"]))
        return "dies"
    continued = end + dt.timedelta(days=rng.randint(20, 60))
    tl.status(moment(rng, continued), "continued")
    if rng.random() >= LONG_LIFE_SHARE:
        stop = add_months(end, 6) + dt.timedelta(days=rng.randint(10, 150))
        tl.news(continued, stop, (40, 80))
        tl.status(moment(rng, stop), "stalled")
        return "short"
    stop = add_months(end, rng.randint(20, 40))
    tl.news(continued, stop, (45, 100))
    if stop < TODAY:
        tl.status(moment(rng, stop), "closed")
    return "long"


def silence(rng, p):
    """When a running project stops posting news, or None."""
    if p.get("_scenario") == "no_updates":
        return TODAY - dt.timedelta(days=rng.randint(100, 140))
    if p.get("_scenario") is None and rng.random() < SILENT_SHARE:
        return p["grant_start"] + (p["grant_end"] - p["grant_start"]) * rng.uniform(0.2, 0.6)
    return None


def simulate(rng, p):
    """Fills p's timeline up to TODAY; returns its fate after the grant (or None)."""
    tl = Timeline(rng)
    start, end = p["grant_start"], p["grant_end"]
    tl.status(moment(rng, start - dt.timedelta(days=rng.randint(3, 20))), "funded")
    tl.status(moment(rng, start + dt.timedelta(days=rng.randint(0, 10))), "running")
    silent_from = silence(rng, p)
    tl.news(start, silent_from or end)
    fate = None
    if p.get("_scenario") == "no_status_change":  # completed, and nothing since
        tl.status(moment(rng, end + dt.timedelta(days=rng.randint(0, 10))), "completed")
    elif silent_from is None or end < TODAY:
        fate = fate_after_grant(rng, tl, end, p["_chance"])
    p["_events"] = [e for e in sorted(tl.events) if e[0] < NOW]
    return fate


def base_project(rng, world, pid, ngo):
    theme = weighted(rng, THEME_WEIGHTS)
    slugs, titles, goal = THEMES[theme]
    place, gen = world.place(rng, ngo["district_id"])
    title = rng.choice(titles)
    if rng.random() < 0.5:
        title = "%s — %s" % (title, place)
    centres = world.centres_of.get(ngo["district_id"], [])
    centre = rng.choice(centres) if centres and rng.random() >= NO_CENTRE_SHARE else None
    funding = weighted(rng, FUNDING_WEIGHTS)
    p = dict(id=pid, ngo_id=ngo["id"], title=title, category_id=world.category_id[rng.choice(slugs)],
             goal=goal.format(gen=gen, n=rng.randint(5, 40), k=rng.randint(15, 300)),
             district_id=ngo["district_id"], centre_id=centre, funding_source=funding,
             continuation_plan=rng.choice(PLANS) if rng.random() < PLAN_SHARE else "",
             continues_project_id=None, created_by=world.member_of.get(ngo["id"]))
    return p


def schedule(rng, p, year):
    """Grant period and the registration date; ideas and applications have none yet."""
    kind = rng.random()
    if year == 2026 and kind < 0.25:
        p.update(grant_start=None, grant_end=None, grant_amount=None,
                 status0="idea" if kind < 0.1 else "applied")
        p["created_at"] = moment(rng, TODAY - dt.timedelta(days=rng.randint(5, 200)))
        return
    last = dt.date(2026, 10, 31) if year == 2026 else dt.date(year, 12, 31)
    start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, (last - dt.date(year, 1, 1)).days))
    end, amount = grant_terms(rng, p["funding_source"], start)
    p.update(grant_start=start, grant_end=end, grant_amount=amount, status0="applied")
    p["created_at"] = moment(rng, start - dt.timedelta(days=rng.randint(25, 90)))


def finish(p):
    """Status and its dates from the events."""
    status, changed, updated = p["status0"], p["created_at"], p["created_at"]
    for when, to, _text in p["_events"]:
        updated = when
        if to is not None:
            status, changed = to, when
    p.update(status=status, status_changed_at=changed, last_update_at=updated, updated_at=updated)


def continuation(rng, pid, orig):
    """A later project of the same NGO that continues orig on a new grant."""
    start = orig["grant_end"] + dt.timedelta(days=rng.randint(30, 240))
    funding = rng.choice(["presidential", "regional", "business"])
    end, amount = grant_terms(rng, funding, start)
    p = dict(orig, id=pid, title="%s: второй этап" % orig["title"], continues_project_id=orig["id"],
             funding_source=funding, grant_start=start, grant_end=end, grant_amount=amount,
             status0="applied", continuation_plan=rng.choice(PLANS),
             created_at=moment(rng, start - dt.timedelta(days=rng.randint(20, 60))))
    p["_chance"] = 0.7
    if start >= TODAY:  # applied for: no grant yet
        p.update(grant_start=None, grant_end=None, grant_amount=None,
                 created_at=moment(rng, TODAY - dt.timedelta(days=rng.randint(1, 60))))
        p["_events"] = []
    else:
        simulate(rng, p)
        orig["_events"] = sorted(orig["_events"] + [(moment(rng, start), "continued", CONTINUED_BY_GRANT)])
        orig["_events"] = [e for e in orig["_events"] if e[0] < NOW]
    return p


# Projects put at risk today on purpose, per rule: (count, grant start and
# end as days from TODAY).
SCENARIOS = {
    "grant_ending": (5, (-330, -300), (15, 55)),
    "no_updates": (5, (-300, -240), (120, 240)),
    "no_status_change": (5, (-480, -420), (-120, -70)),
}


def stage_risks(rng, world, projects):
    """Makes some projects at risk today under each rule, members' NGOs first
    (so that their pages show it), by giving them the right grant period."""
    candidates = sorted((p for p in projects if p["funding_source"] in PUBLIC_GRANTS),
                        key=lambda p: (p["ngo_id"] not in world.member_of, p["id"]))
    for rule, (count, start_days, end_days) in SCENARIOS.items():
        for p in candidates[:count]:
            p["_scenario"] = rule
            p["grant_start"] = TODAY + dt.timedelta(days=rng.randint(*start_days))
            p["grant_end"] = TODAY + dt.timedelta(days=rng.randint(*end_days))
            p["created_at"] = moment(rng, p["grant_start"] - dt.timedelta(days=rng.randint(25, 90)))
            p["status0"] = "applied"
            if rule == "grant_ending":
                p["continuation_plan"] = ""
        candidates = candidates[count:]


def support_records(rng, world, projects):
    """What centres did for their projects, at times the project was alive."""
    rows = []
    for p in projects:
        if p["centre_id"] is None or p["grant_start"] is None:
            continue
        last = min(NOW, dt.datetime.combine(p["grant_end"], dt.time()) + dt.timedelta(days=200))
        first = p["created_at"]
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 2, 3])):
            when = first + (last - first) * rng.random()
            if when >= NOW:
                continue
            kind = weighted(rng, SUPPORT_WEIGHTS)
            rows.append(dict(project_id=p["id"], centre_id=p["centre_id"],
                             staff_id=rng.choice(world.staff[p["centre_id"]]), kind=kind,
                             note=rng.choice(SUPPORT_NOTES[kind]), created_at=when.replace(microsecond=0)))
    rows.sort(key=lambda r: (r["created_at"], r["project_id"]))
    for i, r in enumerate(rows, 1):
        r["id"] = i
    return rows


def update_rows(projects):
    rows = []
    for p in projects:
        status = p["status0"]
        for when, to, text in p["_events"]:
            rows.append(dict(project_id=p["id"], author_id=p["created_by"], body=text,
                             status_from=status if to else None, status_to=to, created_at=when))
            status = to or status
    rows.sort(key=lambda r: (r["created_at"], r["project_id"]))
    for i, r in enumerate(rows, 1):
        r["id"] = i
    return rows


def build():
    rng = random.Random(SEED)
    world = World(load_inputs())
    projects, continuations = [], []
    for pid, ngo in enumerate(pick_ngos(rng, world), 1):
        p = base_project(rng, world, pid, ngo)
        year = weighted(rng, START_YEAR_WEIGHTS)
        schedule(rng, p, year)
        p["_chance"] = survival_chance(world, p["district_id"], year, p["centre_id"], p["funding_source"])
        projects.append(p)
    stage_risks(rng, world, projects)
    for p in projects:
        p["_fate"] = simulate(rng, p) if p["grant_start"] else None
        if p["grant_start"] is None:
            p["_events"] = []
    for p in projects:
        if p["_fate"] == "long" and p["grant_end"] < TODAY and rng.random() < CONTINUATION_SHARE:
            continuations.append(continuation(rng, BASE_PROJECTS + len(continuations) + 1, p))
    everything = projects + continuations
    for p in everything:
        finish(p)
    return dict(projects=everything, updates=update_rows(everything), support=support_records(rng, world, everything))


# --------------------------------------------------------------------------
# checks: what the pages must be able to show
# --------------------------------------------------------------------------


def risks(p):
    """The rules of fcgi/survival.c that fire on p today (for the checks only)."""
    fired = set()
    end, status = p["grant_end"], p["status"]
    if status in ("funded", "running") and end and not p["continuation_plan"] and 0 <= (end - TODAY).days <= RISK_GRANT_ENDING_DAYS:
        fired.add("grant_ending")
    if status == "running" and (TODAY - p["last_update_at"].date()).days >= RISK_NO_UPDATES_DAYS:
        fired.add("no_updates")
    if status in ("funded", "running", "completed") and end and end < TODAY:
        since = max(end, p["status_changed_at"].date())
        if (TODAY - since).days >= RISK_NO_STATUS_CHANGE_DAYS:
            fired.add("no_status_change")
    return fired


def alive(p, months, updates, later):
    """Alive at the horizon, after the definition on /survival (checks only)."""
    horizon = add_months(p["grant_end"], months)
    if p["status"] in ("continued", "running", "funded"):
        return True
    if any(u["created_at"].date() > horizon and u["status_to"] != "closed" for u in updates.get(p["id"], [])):
        return True
    return any(p["grant_end"] < s <= horizon for s in later.get(p["id"], []))


def survival_table(data, key):
    """{group: (alive6, observed6, alive12, observed12)} of the cohort by key."""
    updates, later = {}, {}
    for u in data["updates"]:
        updates.setdefault(u["project_id"], []).append(u)
    for p in data["projects"]:
        if p["continues_project_id"] and p["funding_source"] != "own" and p["grant_start"]:
            later.setdefault(p["continues_project_id"], []).append(p["grant_start"])
    table = {}
    for p in data["projects"]:
        if p["funding_source"] not in PUBLIC_GRANTS or not p["grant_end"] or p["continues_project_id"]:
            continue
        row = table.setdefault(key(p), [0, 0, 0, 0])
        for k, months in ((0, 6), (2, 12)):
            if TODAY > add_months(p["grant_end"], months):
                row[k + 1] += 1
                row[k] += alive(p, months, updates, later)
    return table


def self_check(data):
    projects = data["projects"]
    ids = {p["id"] for p in projects}
    assert len(projects) >= 380, len(projects)
    for p in projects:
        assert p["created_at"] < NOW and p["last_update_at"] < NOW and p["status_changed_at"] < NOW
        assert p["continues_project_id"] is None or p["continues_project_id"] < p["id"]
        assert (p["grant_start"] is None) == (p["grant_end"] is None)
        assert p["grant_start"] is None or p["grant_start"] <= p["grant_end"]
        assert len(p["title"]) <= 200
    assert all(u["project_id"] in ids and u["created_at"] < NOW for u in data["updates"])
    districts = {p["district_id"] for p in projects}
    assert len(districts) == 19, "every district has projects"
    fired = {}
    for p in projects:
        for rule in risks(p):
            fired[rule] = fired.get(rule, 0) + 1
    for rule in ("grant_ending", "no_updates", "no_status_change"):
        assert fired.get(rule, 0) >= 3, "too few projects at risk under %s: %s" % (rule, fired)
    by_year = survival_table(data, lambda p: p["grant_end"].year)
    shares = [a / n for a, n, _a12, _n12 in by_year.values() if n >= 10]
    assert max(shares) - min(shares) > 0.1, "survival must differ by year: %s" % by_year
    overall = [sum(v[i] for v in by_year.values()) for i in range(4)]
    assert overall[0] / overall[1] < 0.6, "most projects must die after the first grant: %s" % overall
    return fired, by_year, overall


def render(data):
    parts = [
        "SET NAMES utf8mb4;\n",
        "-- Demo NGO projects, their timelines and centres' support (migrations 005\n",
        "-- and 007). GENERATED by sql/demo/gen_projects.py (seed %d, today %s);\n" % (SEED, TODAY),
        "-- edit the generator, not this file. Timestamps are UTC. No risk notices and\n",
        "-- no outbox rows: rchub-admin risk-scan notifies the centres when it runs.\n\n",
    ]
    parts.append(inserts("projects", [
        "id", "ngo_id", "title", "goal", "district_id", "category_id", "centre_id", "funding_source",
        "grant_amount", "grant_start", "grant_end", "status", "continuation_plan", "continues_project_id",
        "status_changed_at", "last_update_at", "created_by", "created_at", "updated_at"], data["projects"]))
    parts.append("\n")
    parts.append(inserts("project_updates", ["id", "project_id", "author_id", "body", "status_from", "status_to",
                                             "created_at"], data["updates"]))
    parts.append("\n")
    parts.append(inserts("project_support", ["id", "project_id", "centre_id", "staff_id", "kind", "note",
                                             "created_at"], data["support"]))
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "050_projects.sql"))
    args = ap.parse_args()
    data = build()
    fired, by_year, overall = self_check(data)
    sql = render(data)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(sql)
    os.replace(tmp, args.output)
    print("wrote %s: %d projects, %d updates, %d support records" % (
        args.output, len(data["projects"]), len(data["updates"]), len(data["support"])))
    print("at risk today: %s" % ", ".join("%s=%d" % kv for kv in sorted(fired.items())))
    print("alive at 6 months: %d of %d; at 12 months: %d of %d" % tuple(overall))
    print("by year of grant end (alive6/observed6, alive12/observed12): " + ", ".join(
        "%d: %d/%d, %d/%d" % (y, *v) for y, v in sorted(by_year.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
