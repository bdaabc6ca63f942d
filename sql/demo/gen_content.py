#!/usr/bin/env python3
"""Generate sql/demo/025_content.sql: demo news and events of every centre.

For each of the 7 demo centres of sql/demo/gen_demo.py: about 25 news items
over the year before "now" (most published, a few drafts) and about 15 events
from a year ago to three months ahead (seminars in the centre's districts,
webinars, field consultation days, forums; some cancelled, one draft), plus two
audit log entries that match the data (a publication and a cancellation).
Authors are the centre's demo admin and staff accounts of 020_accounts.sql
(admin = 2 × centre id, staff = 2 × centre id + 1). Timestamps are UTC; the
events are planned in the region's local time (Asia/Vladivostok, UTC+10).

Standard library only; a fixed seed makes every run produce the same bytes,
so the output is committed and `make run` never needs Python:

    python3 sql/demo/gen_content.py            # writes sql/demo/025_content.sql
    python3 sql/demo/gen_content.py -o FILE    # writes elsewhere

District and centre ids come from gen_demo.build(), so they always match
010_catalogue.sql. self_check() validates lengths and invariants before
anything is written.
"""

import argparse
import datetime as dt
import os
import random
import sys

import gen_demo

SEED = 20261125
NOW = dt.datetime(2026, 11, 25, 0, 0, 0)  # UTC "now" of the demo data set
LOCAL_OFFSET = dt.timedelta(hours=10)     # Asia/Vladivostok, no DST
NEWS_PER_CENTRE = 25
DRAFTS_PER_CENTRE = 3
EVENTS_PER_CENTRE = 15
UPCOMING_PER_CENTRE = 5                   # of EVENTS_PER_CENTRE, within the next 3 months
ROWS_PER_INSERT = 50

# "в Хабаровске", "в Ульчском районе": where something happens.
IN_DISTRICT = {
    "khabarovsk": "в Хабаровске",
    "komsomolsk-na-amure": "в Комсомольске-на-Амуре",
    "amursky": "в Амурском районе",
    "ayano-maysky": "в Аяно-Майском районе",
    "bikinsky": "в Бикинском районе",
    "vaninsky": "в Ванинском районе",
    "verkhnebureinsky": "в Верхнебуреинском районе",
    "vyazemsky": "в Вяземском районе",
    "komsomolsky": "в Комсомольском районе",
    "imeni-lazo": "в районе имени Лазо",
    "imeni-poliny-osipenko": "в районе имени Полины Осипенко",
    "nanaysky": "в Нанайском районе",
    "nikolaevsky": "в Николаевском районе",
    "okhotsky": "в Охотском районе",
    "sovetsko-gavansky": "в Советско-Гаванском районе",
    "solnechny": "в Солнечном районе",
    "tuguro-chumikansky": "в Тугуро-Чумиканском районе",
    "ulchsky": "в Ульчском районе",
    "khabarovsky": "в Хабаровском районе",
}

# Venues for events away from the centre's own office.
VENUES = ["районный Дом культуры, малый зал", "центральная библиотека, читальный зал",
          "администрация района, зал заседаний", "молодёжный центр, конференц-зал",
          "школа искусств, актовый зал"]

GRANTS = ["конкурс Фонда президентских грантов", "краевой конкурс субсидий для СО НКО",
          "конкурс Президентского фонда культурных инициатив", "краевой конкурс проектов ТОС",
          "муниципальный конкурс социальных проектов", "грантовый конкурс «Амурский берег»"]

# What each centre works on: seminar topics, webinar topics, things it
# reports, partners; keyed by gen_demo.CENTRES[...]["key"].
THEMES = {
    "rrc": dict(
        seminars=["Как написать сильную грантовую заявку", "Бюджет проекта без ошибок",
                  "Отчётность по президентскому гранту", "Стратегия развития НКО на три года",
                  "Оценка социальных результатов проекта", "Фандрайзинг для небольших НКО"],
        webinars=["Изменения в порядке предоставления краевых субсидий", "Как читать положение о конкурсе",
                  "Показатели результативности: как их выбрать", "Партнёрские письма и софинансирование"],
        work="консультаций по грантам, бухгалтерии и праву",
        school="«Школа НКО»",
        partner="министерство социальной защиты края"),
    "media": dict(
        seminars=["Пресс-релиз, который прочитают", "Фото для соцсетей на смартфон",
                  "Как говорить с журналистами", "Видеоролик о проекте за один день",
                  "Контент-план НКО на месяц", "Тексты для сайта и сообществ"],
        webinars=["Продвижение сообщества НКО во «ВКонтакте»", "Как рассказать о результатах гранта",
                  "Этика съёмки подопечных", "Медиаплан проекта: с чего начать"],
        work="публикаций о проектах НКО в краевых и районных СМИ",
        school="медиашкола «Амурская волна»",
        partner="краевые и районные редакции"),
    "pravo": dict(
        seminars=["Устав НКО: что проверить перед изменениями", "Трудовые договоры и договоры ГПХ в НКО",
                  "Проверки Минюста: как подготовиться", "Договоры с добровольцами",
                  "Персональные данные в работе НКО", "Регистрация НКО шаг за шагом"],
        webinars=["Отчётность в Минюст: формы и сроки", "Изменения законодательства об НКО за полугодие",
                  "Как оформить пожертвование правильно", "Статус исполнителя общественно полезных услуг"],
        work="юридических консультаций и проверок документов",
        school="правовая школа для руководителей НКО",
        partner="управление Минюста России по краю"),
    "socpred": dict(
        seminars=["Бизнес-модель социального предприятия", "Как получить статус социального предприятия",
                  "Финансовая модель и точка безубыточности", "Продажи и продвижение социального бизнеса",
                  "Социальный заказ: как участвовать", "Грант на развитие соцпредприятия"],
        webinars=["Льготы для социальных предприятий в 2026 году", "Расчёт себестоимости услуги",
                  "Маркетплейсы для социальных проектов", "Отчёт по гранту для предпринимателя"],
        work="консультаций для социальных предпринимателей и НКО",
        school="акселератор социальных проектов",
        partner="центр «Мой бизнес» Комсомольска-на-Амуре"),
    "tos": dict(
        seminars=["Как создать ТОС: от собрания до регистрации", "Проект благоустройства двора",
                  "Смета проекта ТОС", "Собрание жителей по правилам",
                  "Отчёт по проекту ТОС", "Привлечение жителей к делам ТОС"],
        webinars=["Краевой конкурс проектов ТОС: что нового", "Устав ТОС и изменения в нём",
                  "Софинансирование проектов ТОС", "Фотоотчёт о реализации проекта"],
        work="консультаций для председателей и активистов ТОС",
        school="школа председателей ТОС",
        partner="администрация Амурского района"),
    "nik": dict(
        seminars=["Проекты общин коренных малочисленных народов", "Как подать заявку из отдалённого села",
                  "Отчётность НКО для небольших организаций", "Сохранение традиционных промыслов: проекты",
                  "Работа с молодёжью в сёлах района", "Финансовая грамотность для общин"],
        webinars=["Гранты для проектов Нижнего Амура", "Дистанционные консультации: как подключиться",
                  "Родные языки: проекты и конкурсы", "Как оформить отчёт без интернета"],
        work="очных и дистанционных консультаций",
        school="выездная школа НКО Нижнего Амура",
        partner="администрация Николаевского района"),
    "dobro": dict(
        seminars=["Как организовать добровольческую акцию", "Координатор добровольцев: первые шаги",
                  "Безопасность на экологических акциях", "Корпоративное добровольчество в порту",
                  "Добровольцы в школах и больницах", "Мотивация и благодарность добровольцам"],
        webinars=["Книжка волонтёра и учёт часов", "Как найти добровольцев для НКО",
                  "Добровольчество 55+", "Отчёт о добровольческой программе"],
        work="добровольческих акций и выездов",
        school="школа координаторов добровольцев",
        partner="Ванинский морской торговый порт"),
}

MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
              "октябрь", "ноябрь", "декабрь"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]


def plural(n, one, few, many):
    """The Russian noun form for n: 1 проект, 2 проекта, 5 проектов."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plain(short_name):
    """A centre's short name without the demo mark, for use inside sentences."""
    return short_name.replace(gen_demo.DEMO, "")


# --------------------------------------------------------------------------
# News: each template makes (title, summary, body) from a context.
# --------------------------------------------------------------------------


def news_grant_call(rng, c, when):
    grant = rng.choice(GRANTS)
    deadline = when + dt.timedelta(days=rng.randint(20, 40))
    return ("Открыт приём заявок: %s" % grant,
            "До %d %s НКО и инициативные группы могут подать заявки. Центр проверит заявку до отправки."
            % (deadline.day, MONTHS_GEN[deadline.month - 1]),
            "Объявлен %s. Заявки принимаются до %d %s включительно.\n"
            "Специалисты центра «%s» бесплатно проверят заявку перед подачей: логику проекта, бюджет, "
            "показатели и приложения. Запишитесь на консультацию через каталог услуг или по телефону центра.\n"
            "Советуем не откладывать подачу на последние дни: система приёма заявок в это время перегружена."
            % (grant, deadline.day, MONTHS_GEN[deadline.month - 1], plain(c["short"])))


def news_seminar_report(rng, c, when):
    topic = rng.choice(c["theme"]["seminars"])
    district = rng.choice(c["served"])
    people = rng.randint(14, 48)
    return ("Прошёл семинар «%s» %s" % (topic, IN_DISTRICT[district]),
            "Участников — %d: представители НКО, ТОС и инициативных групп разобрали практические случаи "
            "и получили материалы." % people,
            "Семинар «%s» собрал %d %s. Разбирали реальные документы участников, отвечали на вопросы "
            "и договорились о следующих встречах.\n"
            "Презентации и шаблоны документов центр разослал участникам по электронной почте. Если вы не смогли "
            "прийти, запишитесь на индивидуальную консультацию — её можно получить и онлайн."
            % (topic, people, plural(people, "участника", "участника", "участников")))


def news_results(rng, c, when):
    n = rng.randint(120, 640)
    quarter, year = (when.month - 1) // 3, when.year  # the quarter that has just ended
    if quarter == 0:
        quarter, year = 4, year - 1
    return ("Итоги %d квартала %d года: %s — %d" % (quarter, year, c["theme"]["work"], n),
            "Центр подвёл итоги работы за квартал: число обращений выросло, больше всего вопросов — из районов края.",
            "Число %s центра «%s» за %d квартал %d года — %d. Треть обращений пришла из районов, "
            "где своего ресурсного центра нет.\n"
            "Спасибо всем, кто обращался и делился отзывами: по вашим оценкам мы меняем расписание "
            "консультаций и темы семинаров. Полный отчёт доступен по запросу."
            % (c["theme"]["work"], plain(c["short"]), quarter, year, n))


def news_call(rng, c, when):
    school = c["theme"]["school"]
    return ("Набор в %s" % school,
            "Приглашаем представителей НКО, ТОС и инициативных групп. Обучение бесплатное, есть онлайн-формат.",
            "Открыт набор в %s. Занятия проходят раз в неделю в течение двух месяцев, "
            "участники из отдалённых районов подключаются онлайн.\n"
            "По итогам каждый участник подготовит собственный проект или документ и получит разбор "
            "от наставника. Заявки принимаются через форму на сайте центра." % school)


def news_winners(rng, c, when):
    grant = rng.choice(GRANTS)
    n = rng.randint(3, 14)
    district = rng.choice(c["served"])
    return ("%d %s, которые сопровождал центр, получили поддержку" % (n, plural(n, "проект", "проекта", "проектов")),
            "Подведены итоги: %s. Среди победителей — организации %s." % (grant, gen_demo.PLACES[district][1]),
            "Объявлены результаты: %s. Поддержку получили %d %s, заявки которых готовились "
            "с консультантами центра.\n"
            "Поздравляем победителей! Центр продолжит сопровождение: поможем с договором, отчётностью "
            "и публикациями о ходе проектов." % (grant, n, plural(n, "проект", "проекта", "проектов")))


def news_partner(rng, c, when):
    partner = c["theme"]["partner"]
    return ("Соглашение о сотрудничестве: %s" % partner,
            "Центр и партнёр договорились о совместных консультациях и мероприятиях для НКО.",
            "Центр «%s» подписал соглашение о сотрудничестве; партнёр — %s. "
            "Вместе мы будем проводить выездные консультации и обучающие мероприятия.\n"
            "Первые совместные встречи пройдут в ближайшие месяцы, расписание — в разделе «Мероприятия»."
            % (plain(c["short"]), partner))


def news_schedule(rng, c, when):
    month = MONTHS_NOM[when.month % 12]
    return ("Расписание консультаций на %s" % month,
            "Очные приёмы специалистов, выездные дни в районах и онлайн-консультации — в одном расписании.",
            "Опубликовано расписание консультаций на %s. Специалисты принимают очно по адресу центра, "
            "в выездные дни — в районах, а также онлайн.\n"
            "Запись открыта через каталог услуг: выберите услугу и отправьте заявку, сотрудник центра "
            "свяжется с вами и согласует время." % month)


def news_webinar_record(rng, c, when):
    topic = rng.choice(c["theme"]["webinars"])
    return ("Запись вебинара «%s»" % topic,
            "Если вы не успели на прямой эфир, посмотрите запись и скачайте презентацию.",
            "Вебинар «%s» посмотрели участники из %d районов края. Запись и презентация доступны по запросу "
            "в центре.\n"
            "Вопросы, на которые не хватило времени в эфире, эксперт разобрал письменно; ответы разосланы "
            "участникам." % (topic, rng.randint(5, 14)))


NEWS_TEMPLATES = [news_grant_call, news_seminar_report, news_results, news_call, news_winners,
                  news_partner, news_schedule, news_webinar_record]


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def local_start(rng, day):
    """A start on day (a date) at a usual hour, as naive local time."""
    return dt.datetime(day.year, day.month, day.day, rng.choice([10, 11, 14, 15, 16]), rng.choice([0, 0, 30]))


def event_seminar(rng, c, day, n):
    topic = rng.choice(c["theme"]["seminars"])
    district = rng.choice(c["served"])
    start = local_start(rng, day)
    if district == c["district"]:
        place = c["address"] + ", зал для мероприятий"
    else:
        label = rng.choice(gen_demo.PLACES[district][2])[0]
        place = "%s, %s" % (label, rng.choice(VENUES))
    return dict(title="Семинар «%s»" % topic,
                summary="Практический семинар %s: разбор примеров участников и ответы на вопросы." % IN_DISTRICT[district],
                description="Семинар для НКО, ТОС и инициативных групп. В программе: короткая теория, разбор "
                            "документов участников, ответы на вопросы.\nВозьмите с собой свои материалы — "
                            "разберём их на месте. Участие бесплатное, нужна регистрация.",
                starts=start, ends=start + dt.timedelta(hours=rng.choice([2, 3])),
                district=district, place=place, online="", registration=True)


def event_webinar(rng, c, day, n):
    topic = rng.choice(c["theme"]["webinars"])
    start = local_start(rng, day)
    return dict(title="Вебинар «%s»" % topic,
                summary="Онлайн-занятие для участников из любого района края; запись получат все зарегистрированные.",
                description="Вебинар проходит онлайн, подключиться можно с компьютера или телефона. "
                            "Ссылка для участия — ниже; вопросы можно задавать в чате.\n"
                            "После эфира участники получат запись и презентацию.",
                starts=start, ends=start + dt.timedelta(minutes=rng.choice([60, 90])),
                district=None, place="", online="https://meet.example.org/%s-%d" % (c["domain"], n),
                registration=rng.random() < 0.6)


def event_field_day(rng, c, day, n):
    district = rng.choice([d for d in c["served"] if d != c["district"]] or c["served"])
    label = rng.choice(gen_demo.PLACES[district][2])[0]
    start = dt.datetime(day.year, day.month, day.day, 10, 0)
    return dict(title="Выездной день консультаций %s" % IN_DISTRICT[district],
                summary="Специалисты центра приедут в район и проконсультируют НКО, ТОС и жителей без записи.",
                description="Специалисты центра принимают всех, кто пришёл: вопросы регистрации, отчётности, "
                            "грантов и работы с жителями.\nЕсли нужен разбор документов, возьмите их с собой "
                            "или пришлите заранее на электронную почту центра.",
                starts=start, ends=start + dt.timedelta(hours=6),
                district=district, place="%s, %s" % (label, rng.choice(VENUES)), online="", registration=False)


def event_forum(rng, c, day, n):
    start = dt.datetime(day.year, day.month, day.day, 10, 0)
    return dict(title="Форум НКО «Вместе %s»" % IN_DISTRICT[c["district"]],
                summary="Два дня встреч НКО, власти и бизнеса: площадки, консультации, ярмарка проектов.",
                description="Форум объединяет НКО, ТОС, добровольцев, представителей власти и бизнеса. "
                            "В программе — дискуссии, мастер-классы и ярмарка проектов.\n"
                            "Часть площадок транслируется онлайн. Для очного участия нужна регистрация.",
                starts=start, ends=start + dt.timedelta(days=1, hours=7),
                district=c["district"], place=c["address"] + ", большой зал",
                online="https://meet.example.org/%s-forum-%d" % (c["domain"], n), registration=True)


EVENT_TEMPLATES = [event_seminar, event_seminar, event_webinar, event_webinar, event_field_day, event_forum]


def to_utc(local):
    return local - LOCAL_OFFSET


def build(rng, catalogue):
    did = catalogue["_did"]
    news, events, audit = [], [], []
    year_ago = NOW - dt.timedelta(days=365)
    for cid, centre in enumerate(gen_demo.CENTRES, start=1):
        served = [d["slug"] for d in catalogue["districts"]
                  if {"centre_id": cid, "district_id": d["id"]} in catalogue["centre_districts"]]
        c = dict(centre, theme=THEMES[centre["key"]], served=served)
        authors = [2 * cid, 2 * cid + 1]
        titles = set()
        for i in range(NEWS_PER_CENTRE):
            draft = i >= NEWS_PER_CENTRE - DRAFTS_PER_CENTRE
            when = gen_demo.random_datetime(rng, year_ago if not draft else NOW - dt.timedelta(days=20),
                                            NOW - dt.timedelta(hours=6))
            when = when.replace(hour=rng.randint(0, 7))  # 10:00-17:59 local
            for _ in range(20):
                title, summary, body = rng.choice(NEWS_TEMPLATES)(rng, c, when)
                if title not in titles:
                    break
            titles.add(title)
            created = when - dt.timedelta(hours=rng.randint(1, 60))
            news.append(dict(id=len(news) + 1, centre_id=cid, title=title, summary=summary, body=body,
                             status="draft" if draft else "published",
                             published_at=None if draft else when, author_id=rng.choice(authors),
                             created_at=created, updated_at=when if not draft else created))
        past_days = sorted(rng.sample(range(5, 365), EVENTS_PER_CENTRE - UPCOMING_PER_CENTRE))
        next_days = sorted(rng.sample(range(2, 90), UPCOMING_PER_CENTRE))
        days = [NOW.date() - dt.timedelta(days=d) for d in reversed(past_days)] + \
               [NOW.date() + dt.timedelta(days=d) for d in next_days]
        cancelled = set(rng.sample(range(len(days) - 1), 2))
        for i, day in enumerate(days):
            e = rng.choice(EVENT_TEMPLATES)(rng, c, day, len(events) + 1)
            status = "draft" if i == len(days) - 1 else "cancelled" if i in cancelled else "published"
            starts, ends = to_utc(e["starts"]), to_utc(e["ends"])
            created = min(starts - dt.timedelta(days=rng.randint(7, 30)), NOW - dt.timedelta(days=1))
            events.append(dict(
                id=len(events) + 1, centre_id=cid, district_id=did[e["district"]] if e["district"] else None,
                title=e["title"], summary=e["summary"], description=e["description"],
                starts_at=starts, ends_at=ends, place=e["place"], online_url=e["online"],
                registration_url="https://%s.example.org/registration/%d" % (c["domain"], len(events) + 1)
                if e["registration"] else "",
                status=status, author_id=rng.choice(authors), created_at=created,
                updated_at=min(created + dt.timedelta(days=rng.randint(0, 5)), NOW - dt.timedelta(hours=1))))
    audit.extend(demo_audit(news, events))
    return dict(news=news, events=events, audit=audit)


def demo_audit(news, events):
    """Two entries that match the data: the newest publication of centre 1
    and a cancellation, each by the author of the row."""
    published = max((n for n in news if n["centre_id"] == 1 and n["status"] == "published"),
                    key=lambda n: n["published_at"])
    cancel = next(e for e in events if e["status"] == "cancelled")
    return [
        dict(id=1, user_id=published["author_id"], centre_id=1, action="news.publish", entity="news",
             entity_id=published["id"], before_json='{"status":"draft"}', after_json='{"status":"published"}',
             address="127.0.0.1", created_at=published["published_at"]),
        dict(id=2, user_id=cancel["author_id"], centre_id=cancel["centre_id"], action="event.cancel",
             entity="event", entity_id=cancel["id"], before_json='{"status":"published"}',
             after_json='{"status":"cancelled"}', address="127.0.0.1",
             created_at=min(cancel["starts_at"] - dt.timedelta(days=2), NOW - dt.timedelta(hours=2))),
    ]


def self_check(data):
    for n in data["news"]:
        assert 0 < len(n["title"]) <= 200 and 0 < len(n["summary"]) <= 500 and len(n["body"]) <= 6000, n["title"]
        assert (n["status"] == "published") == (n["published_at"] is not None)
        assert n["published_at"] is None or n["published_at"] < NOW
    for e in data["events"]:
        assert 0 < len(e["title"]) <= 200 and 0 < len(e["summary"]) <= 500 and len(e["description"]) <= 6000
        assert e["ends_at"] > e["starts_at"], e["title"]
        assert e["place"] or e["online_url"], e["title"]
        assert len(e["place"]) <= 300 and len(e["online_url"]) <= 300 and len(e["registration_url"]) <= 300
    assert max(e["starts_at"] for e in data["events"]) < NOW + dt.timedelta(days=92)
    for cid in range(1, len(gen_demo.CENTRES) + 1):
        upcoming = [e for e in data["events"] if e["centre_id"] == cid and e["status"] == "published"
                    and e["ends_at"] > NOW]
        assert upcoming, "centre %d has no upcoming published event" % cid


def sql_value(v):
    """A MariaDB literal; unlike gen_demo's, line breaks are kept (as \\n)."""
    if isinstance(v, str) and "\n" in v:
        return "'%s'" % v.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n")
    return gen_demo.sql_value(v)


def inserts(table, columns, rows):
    out = []
    for i in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[i:i + ROWS_PER_INSERT]
        out.append("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(columns)))
        out.append(",\n".join("(%s)" % ", ".join(sql_value(r[c]) for c in columns) for r in chunk))
        out.append(";\n")
    return "".join(out)


def render(data):
    parts = [
        "SET NAMES utf8mb4;\n",
        "-- Demo news and events of every centre (migration 002). GENERATED by\n",
        "-- sql/demo/gen_content.py (seed %d, now %s UTC); edit the generator, not this file.\n"
        % (SEED, NOW.strftime("%Y-%m-%d")),
        "-- Timestamps are UTC; events were planned in local time (UTC+10).\n\n",
    ]
    parts.append(inserts("news", ["id", "centre_id", "title", "summary", "body", "status", "published_at",
                                  "author_id", "created_at", "updated_at"], data["news"]))
    parts.append("\n")
    parts.append(inserts("events", ["id", "centre_id", "district_id", "title", "summary", "description",
                                    "starts_at", "ends_at", "place", "online_url", "registration_url", "status",
                                    "author_id", "created_at", "updated_at"], data["events"]))
    parts.append("\n")
    parts.append(inserts("audit_log", ["id", "user_id", "centre_id", "action", "entity", "entity_id",
                                       "before_json", "after_json", "address", "created_at"], data["audit"]))
    return "".join(parts)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "025_content.sql"))
    args = ap.parse_args()
    data = build(random.Random(SEED), gen_demo.build())
    self_check(data)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(data))
    os.replace(tmp, args.output)
    print("wrote %s: %d news, %d events, %d audit entries"
          % (args.output, len(data["news"]), len(data["events"]), len(data["audit"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
