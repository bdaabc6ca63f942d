#!/usr/bin/env python3
"""tests/security/scan.py: runs sqlmap against every GET and POST parameter of
a running rchub stack (make security-scan starts one; see scan.sh).

Targets come from the program itself, so new routes are scanned without
editing this file:
  - routes: the route table in fcgi/routes.c (method, pattern, minimum role);
  - path parameters ({id}, {slug}, ...): real values from the database (root
    on the stack's MariaDB socket), checked by fetching the page; otherwise
    taken from links of the crawled pages that match the pattern;
  - query parameters of a GET route: fields of GET forms aimed at it, keys of
    links to it, request_query()/query_value() names in its handler, and the
    documented list-page parameters (DOCUMENTED_QUERY);
  - POST parameters: fields of the POST forms aimed at the route, as seen by
    anonymous visitors and by signed-in member, centre staff, centre admin and
    moderator; the field tables of the handler's file when no page shows one.
Every GET page is crawled once per identity allowed to see it. Each
(target, parameter) pair is one sqlmap run (-p PARAM, --batch, level/risk 1,
techniques BEUST); POSTs carry the identity's CSRF token, which is never
tested itself. Before the real targets a planted injection (a tiny local
endpoint that pastes its parameter into SQL) must be found, which proves the
sqlmap setup can see an injection at all.

Prints one line per target and parameter, then "N parameters tested, M
injectable"; exits 1 when any parameter is injectable, 2 when a parameter
could not be tested or the planted injection was missed. Python 3 standard
library only.
"""

import argparse
import concurrent.futures
import html.parser
import http.client
import http.server
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse

ROLES = ["ANYONE", "MEMBER", "STAFF", "CENTRE_ADMIN", "MODERATOR"]  # low to high
IDENTITY_OF_ROLE = {"ANYONE": "anonymous", "MEMBER": "member", "STAFF": "staff",
                    "CENTRE_ADMIN": "centre_admin", "MODERATOR": "moderator"}
IDENTITIES = ["anonymous", "member", "staff", "centre_admin", "moderator"]  # low to high

# Query parameters of the list pages named by the public URL contract
# (DESIGN.md); anything else is discovered from the pages and handlers.
DOCUMENTED_QUERY = {
    "/services": ["q", "district", "category", "target", "format", "cost", "page"],
    "/ngos": ["q", "district", "page"],
}

# Path-parameter tables when the segment before it is not the table's name.
TABLE_ALIASES = {"requests": "service_requests", "organizations": "centres", "taxonomy_terms": "categories"}

SESSION_COOKIE = "rchub_session"
CSRF_COOKIE = "rchub_csrf"
FRESH_COOKIE = "rchub_fresh"  # bypasses the micro-cache: every payload reaches the program
CSRF_FIELD = "csrf"

# Run before each target so login limits never skew or block the scan.
RESET_SQL = ("DELETE FROM login_failures; UPDATE users SET locked_until = NULL "
             "WHERE locked_until IS NOT NULL;")


def log(msg):
    print(msg, flush=True)


# ---- the stack's database ---------------------------------------------------

class Database:
    """The stack's MariaDB as root through the mariadb client (no driver needed)."""

    def __init__(self, socket):
        self.socket = socket

    def query(self, sql, db="rchub"):
        out = subprocess.run(["mariadb", "--no-defaults", "-S", self.socket, "-u", "root", "-N", "-B",
                              "--default-character-set=utf8mb4", db, "-e", sql],
                             capture_output=True, text=True)
        if out.returncode != 0:
            return None
        return [line.split("\t") for line in out.stdout.splitlines()]

    def columns(self, table):
        rows = self.query("SELECT column_name FROM information_schema.columns WHERE table_schema='rchub' "
                          "AND table_name='%s'" % table.replace("'", ""))
        return {r[0] for r in rows or []}


# ---- HTTP ---------------------------------------------------------------------

class Identity:
    """A visitor: anonymous (own double-submit CSRF cookie) or signed in."""

    def __init__(self, name):
        self.name = name
        self.session = None
        self.csrf = secrets.token_hex(32)  # anonymous double-submit token
        self.user_id = None
        self.centre_id = None

    def cookie(self):
        parts = ["%s=1" % FRESH_COOKIE]
        if self.session:
            parts.append("%s=%s" % (SESSION_COOKIE, self.session))
        else:
            parts.append("%s=%s" % (CSRF_COOKIE, self.csrf))
        return "; ".join(parts)


class Http:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.base = base.rstrip("/")
        self.host, self.port = u.hostname, u.port or 80

    def request(self, method, path, identity=None, body=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {}
        if identity is not None:
            headers["Cookie"] = identity.cookie()
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read().decode("utf-8", "replace")
            return r.status, r.getheaders(), data
        except OSError as e:
            return 0, [], str(e)
        finally:
            conn.close()


# ---- HTML forms and links ---------------------------------------------------------

class PageParser(html.parser.HTMLParser):
    """Collects links and forms (with their fields and default values)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "option" and self.select is not None:
            v = a.get("value", "")
            if self.select["first"] is None and v != "":
                self.select["first"] = v  # the first real choice, not "all"
            if "selected" in a and v != "":
                self.select["value"] = v
        elif tag == "form":
            self.form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(),
                         "fields": []}
            self.forms.append(self.form)
        elif self.form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image", "reset", "file"):
                return
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            old = self.field(a["name"])
            if old is None:
                self.add_field(a["name"], value, kind)
            elif kind == "radio" and "checked" in a:
                old["value"] = value  # the checked option of a group
        elif tag == "select":
            self.select = {"name": a["name"], "value": None, "first": None}
        elif tag == "textarea":
            self.textarea = {"name": a["name"], "text": ""}
        elif tag == "button" and a.get("value") and self.field(a["name"]) is None:
            self.add_field(a["name"], a["value"], "button")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None and self.form is not None:
            s = self.select
            if self.field(s["name"]) is None:
                self.add_field(s["name"], s["value"] if s["value"] is not None else (s["first"] or ""), "select")
            self.select = None
        elif tag == "textarea" and self.textarea is not None and self.form is not None:
            if self.field(self.textarea["name"]) is None:
                self.add_field(self.textarea["name"], self.textarea["text"], "textarea")
            self.textarea = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def field(self, name):
        return next((f for f in self.form["fields"] if f["name"] == name), None)

    def add_field(self, name, value, kind):
        self.form["fields"].append({"name": name, "value": value, "kind": kind})


def parse_page(text):
    p = PageParser()
    try:
        p.feed(text)
        p.close()
    except Exception:  # a broken page still gives what was parsed so far
        pass
    return p.links, p.forms


# Plausible values so that the other fields of a form pass validation and the
# tested field reaches the code behind it.
def default_value(field):
    name, kind, value = field["name"], field["kind"], field["value"]
    if value not in ("", None):
        return value
    if kind == "email" or "email" in name:
        return "scan.visitor@example.org"
    if kind == "password" or "password" in name:
        return "scan-password-1"
    if kind == "tel" or "phone" in name:
        return "+7 (4212) 12-34-56"
    if kind == "date" or name.endswith("date") or name.endswith("_on"):
        return "2031-03-15"
    if kind == "datetime-local" or name.endswith("_at"):
        return "2031-03-15T12:00" if "end" in name else "2031-03-15T10:00"
    if kind == "time":
        return "10:00"
    if kind == "number" or name.endswith("_id") or name.endswith("page") or name in ("year", "score", "rating"):
        return "1"
    if name in ("next", "back", "return", "redirect"):
        return "/"
    if name in ("from", "to") or re.search(r"_(after|before|from|to)$", name):
        return "2024-01-01"
    if kind == "url" or name in ("website", "url", "link"):
        return "https://example.org/"
    if name.endswith("inn"):
        return ""
    return "Проверка"


# ---- routes and their handlers ----------------------------------------------------

ROUTE_ROW = re.compile(r'\{\s*METHOD_(GET|POST)\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*(\w+)\s*\}')


def read_routes(root):
    src = open(os.path.join(root, "fcgi/routes.c"), encoding="utf-8").read()
    start = src.find("routes[] = {")
    end = src.find("};", start)
    table = src[start:end] if start >= 0 else src
    table = re.sub(r"/\*.*?\*/", "", table, flags=re.S)
    routes = []
    for method, pattern, handler, role in ROUTE_ROW.findall(table):
        routes.append({"method": method, "pattern": pattern, "handler": handler,
                       "role": role if role in ROLES else "MODERATOR"})
    return routes


class Sources:
    """What the handlers read, from their C source: a handler, the functions
    of fcgi/handlers/ it calls and the tables they use (a few levels deep)
    name the query parameters (request_query/query_value literals, arrays of
    names such as a list of allowed parameters) and the form fields
    (request_form literals, the struct form_field tables) it can see."""

    FUNCTION = re.compile(r"^(?:static\s+)?(?:inline\s+)?(?:const\s+)?(?:struct\s+)?\w+[\s*]+(\w+)\s*\((?:[^;{()]|\([^()]*\))*\)\s*\{",
                          re.M)
    TABLE = re.compile(r"^(?:static\s+)?const\s+([\w\s*]+?)\s*\b(\w+)\s*\[[^\]]*\]\s*=\s*\{(.*?)^\};", re.M | re.S)
    LOCAL_NAMES = re.compile(r"char\s*\*\s*const\s+\w+\s*\[[^\]]*\]\s*=\s*\{([^}]*)\}")
    QUERY_LITERAL = re.compile(r'(?:request_query|query_value)\s*\(\s*req\s*,\s*"([^"]+)"')
    FORM_LITERAL = re.compile(r'request_form\s*\(\s*req\s*,\s*"([^"]+)"')
    PARAM_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")

    def __init__(self, root):
        self.functions = {}  # name -> (file, body)
        self.tables = {}     # (file, name) -> (type, initializer)
        d = os.path.join(root, "fcgi/handlers")
        for name in sorted(os.listdir(d)):
            if not name.endswith(".c"):
                continue
            text = open(os.path.join(d, name), encoding="utf-8", errors="replace").read()
            text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
            for m in self.FUNCTION.finditer(text):
                end = text.find("\n}\n", m.end())
                self.functions.setdefault(m.group(1), (name, text[m.start():end if end > 0 else len(text)]))
            for m in self.TABLE.finditer(text):
                self.tables[(name, m.group(2))] = (m.group(1), m.group(3))

    def reach(self, handler, depth=5):
        """(kind, type, text) of the handler, what it calls and the tables they name."""
        seen, out, frontier = set(), [], [("f", None, handler)]
        for _ in range(depth):
            nxt = []
            for kind, file, name in frontier:
                if (kind, file, name) in seen:
                    continue
                seen.add((kind, file, name))
                if kind == "f" and name in self.functions:
                    file, text = self.functions[name]
                    out.append(("function", "", text))
                elif kind == "t" and (file, name) in self.tables:
                    ctype, text = self.tables[(file, name)]
                    out.append(("table", ctype, text))
                else:
                    continue
                for ident in set(re.findall(r"\b([A-Za-z_]\w*)\b", text)):
                    if (file, ident) in self.tables:
                        nxt.append(("t", file, ident))
                    elif ident in self.functions:
                        nxt.append(("f", None, ident))
            frontier = nxt
        return out

    def query_names(self, handler):
        names = set()
        for kind, ctype, text in self.reach(handler):
            if kind == "function":
                names.update(self.QUERY_LITERAL.findall(text))
                for init in self.LOCAL_NAMES.findall(text):
                    names.update(re.findall(r'"([^"]*)"', init))
            elif re.search(r"\bchar\s*\*", ctype):
                names.update(re.findall(r'"([^"]*)"', text))
        return {n for n in names if self.PARAM_NAME.match(n)}

    def form_names(self, handler):
        names = []
        for kind, ctype, text in self.reach(handler):
            if kind == "function":
                names += self.FORM_LITERAL.findall(text)
            elif "form_field" in ctype:
                names += re.findall(r'\{\s*"([a-z0-9_]+)"', text)
        return list(dict.fromkeys(names))


def pattern_regex(pattern):
    parts = re.split(r"(\{[a-z_0-9]+\})", pattern)
    rx = ""
    for p in parts:
        if p.startswith("{"):
            rx += "([^/?#]+?)"
        else:
            rx += re.escape(p)
    if pattern != "/":
        rx = rx.rstrip("/") + "/?"
    return re.compile("^" + rx + "$")


def pattern_params(pattern):
    return re.findall(r"\{([a-z_0-9]+)\}", pattern)


# ---- the scan ---------------------------------------------------------------------

class Scan:
    def __init__(self, args):
        self.args = args
        self.http = Http(args.url)
        self.db = Database(os.path.join(args.var, "run/mariadb.sock"))
        self.routes = read_routes(args.root)
        self.sources = Sources(args.root)
        self.ids = {n: Identity(n) for n in IDENTITIES}
        self.pages = {}       # (identity, path) -> (status, links, forms)
        self.concrete = {}    # route index -> concrete path (GET routes and POST actions)
        self.lock = threading.Lock()
        self.results = []

    # -- identities

    def accounts(self):
        """Demo accounts per identity: (email, password), from the database."""
        pw_staff = os.environ.get("SCAN_STAFF_PASSWORD", "demo-staff-pass")
        q = {
            "member": ("SELECT email FROM users WHERE role='member' AND is_active=1 "
                       "ORDER BY ngo_id IS NULL, id LIMIT 1", os.environ.get("SCAN_MEMBER_PASSWORD", "demo-member-pass")),
            "staff": ("SELECT email FROM users WHERE role='centre_staff' AND is_active=1 ORDER BY id LIMIT 1", pw_staff),
            "centre_admin": ("SELECT email FROM users WHERE role='centre_admin' AND is_active=1 ORDER BY id LIMIT 1",
                             pw_staff),
            "moderator": ("SELECT email FROM users WHERE role='moderator' AND is_active=1 ORDER BY id LIMIT 1",
                          os.environ.get("SCAN_MODERATOR_PASSWORD", "demo-moderator")),
        }
        out = {}
        for ident, (sql, pw) in q.items():
            rows = self.db.query(sql)
            if rows:
                out[ident] = (rows[0][0], pw)
        return out

    def sign_in(self, ident, email, password):
        self.db.query(RESET_SQL)
        anon = Identity("signin")
        body = urllib.parse.urlencode({CSRF_FIELD: anon.csrf, "email": email, "password": password,
                                       "next": "/account"})
        status, headers, _ = self.http.request("POST", "/login", anon, body)
        token = None
        for k, v in headers:
            m = re.match(r"%s=([0-9a-f]{64})" % SESSION_COOKIE, v) if k.lower() == "set-cookie" else None
            if m:
                token = m.group(1)
        if status != 303 or token is None:
            return False
        ident.session = token
        st, _, page = self.http.request("GET", "/account", ident)
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', page)
        if st != 200 or m is None:
            return False
        ident.csrf = m.group(1)
        rows = self.db.query("SELECT id, COALESCE(centre_id, 0) FROM users WHERE email='%s'" % email.replace("'", ""))
        if rows:
            ident.user_id, ident.centre_id = rows[0][0], rows[0][1]
        return True

    def sign_in_all(self):
        accounts = self.accounts()
        for name in IDENTITIES[1:]:
            ident = self.ids[name]
            if name not in accounts or not self.sign_in(ident, *accounts[name]):
                log("# could not sign in as %s (%s); its routes are scanned anonymously" %
                    (name, accounts.get(name, ("no account",))[0]))
                self.ids[name] = self.ids["anonymous"]
            else:
                log("# signed in as %s: %s" % (name, accounts[name][0]))
        self.account_list = accounts

    def ensure_session(self, name):
        """Signs the identity in again when a target ended its session (a
        sign-out, a deactivated account): every target runs as who it says."""
        ident = self.ids[name]
        if ident.session is None:
            return
        with self.lock:
            if self.http.request("GET", "/account", ident)[0] == 200:
                return
            email, password = self.account_list[name]
            self.db.query("UPDATE users SET is_active = 1 WHERE email = '%s'" % email.replace("'", ""))
            ok = self.sign_in(ident, email, password)
            log("# the %s session had ended; signed in again: %s" % (name, "ok" if ok else "FAILED"))

    def identity_for(self, role):
        return self.ids[IDENTITY_OF_ROLE[role]]

    def allowed(self, ident_name, role):
        return IDENTITIES.index(ident_name) >= ROLES.index(role)

    # -- path parameters

    def db_candidates(self, route, name, before):
        """Up to 5 values for {name} from the table the previous segment names."""
        tables = [before, TABLE_ALIASES.get(before, before), before.rstrip("s")]
        for t in dict.fromkeys(tables):
            cols = self.db.columns(t)
            column = name if name in cols else None
            if column is None:
                continue
            where = []
            ident = self.identity_for(route["role"])
            if route["pattern"].startswith("/account") and "user_id" in cols and ident.user_id:
                where.append("user_id=%s" % int(ident.user_id))
            if route["pattern"].startswith("/staff") and "centre_id" in cols and ident.centre_id not in (None, "0"):
                where.append("centre_id=%s" % int(ident.centre_id))
            # live objects first: their pages show the forms that act on them
            live = "status IN ('active', 'published', 'new') DESC, " if "status" in cols else ""
            sql = "SELECT `%s` FROM `%s` %s ORDER BY %s`%s` LIMIT 5" % (
                column, t, ("WHERE " + " AND ".join(where)) if where else "", live, column)
            rows = self.db.query(sql)
            if rows:
                return [r[0] for r in rows]
        return []

    def substitute(self, route):
        """Concrete paths for the route from database values (up to 3 whose
        page answers 200 for a GET route), or [] when the database has none."""
        pattern = route["pattern"]
        names = pattern_params(pattern)
        if not names:
            return [pattern]
        segments = pattern.split("/")
        choices = []
        for name in names:
            idx = next(i for i, s in enumerate(segments) if "{%s}" % name in s)
            before = segments[idx - 1] if idx > 0 else ""
            vals = [] if before.startswith("{") else self.db_candidates(route, name, before)
            if not vals:
                return []
            choices.append((name, vals))
        paths = []
        for i in range(max(len(v) for _, v in choices)):
            path = pattern
            for name, vals in choices:
                path = path.replace("{%s}" % name, urllib.parse.quote(vals[min(i, len(vals) - 1)], safe=""))
            if path not in paths:
                paths.append(path)
        if route["method"] != "GET":
            return paths[:1]
        ident = self.identity_for(route["role"])
        good = [p for p in paths if self.http.request("GET", p, ident)[0] == 200][:3]
        return good or paths[:1]

    # -- crawling

    def fetch(self, ident_name, path):
        key = (ident_name, path)
        if key not in self.pages:
            st, _, text = self.http.request("GET", path, self.ids[ident_name])
            links, forms = parse_page(text) if st == 200 else ([], [])
            self.pages[key] = (st, links, forms)
        return self.pages[key]

    def match_route(self, path, method):
        u = urllib.parse.urlsplit(path)
        if u.netloc or not u.path.startswith("/"):
            return None, None
        for i, r in enumerate(self.routes):
            if r["method"] != method.upper():
                continue
            if pattern_regex(r["pattern"]).match(u.path):
                return i, u
        return None, None

    def crawl(self):
        extra = {}  # more objects of a GET route: a form may show on one only
        for i, r in enumerate(self.routes):
            paths = self.substitute(r)
            if paths:
                self.concrete[i] = paths[0]
                extra[i] = paths[1:]
        for _ in range(3):  # links may reveal values for routes the database did not
            progress = False
            for i, r in enumerate(self.routes):
                if r["method"] != "GET" or i not in self.concrete:
                    continue
                for ident_name in IDENTITIES:
                    if self.allowed(ident_name, r["role"]) and self.ids[ident_name].name == ident_name:
                        for path in [self.concrete[i]] + extra.get(i, []):
                            self.fetch(ident_name, path)
            for (_, _), (_, links, forms) in list(self.pages.items()):
                for href in links + [f["action"] for f in forms]:
                    for method in ("GET", "POST"):
                        j, u = self.match_route(href, method)
                        if j is not None and j not in self.concrete:
                            self.concrete[j] = u.path
                            progress = True
            if not progress:
                break

    # -- targets

    def targets(self):
        """Jobs: dicts with method, path, params {name: value}, tested, identity, route."""
        jobs = []
        for i, r in enumerate(self.routes):
            path = self.concrete.get(i)
            if path is None:
                # nothing names a real object: an invented value still reaches the handler
                path = re.sub(r"\{([a-z_0-9]+)\}", lambda m: "1" if m.group(1) == "id" else "test", r["pattern"])
                log("# %s %s: no real value for its path parameters, scanning %s" % (r["method"], r["pattern"], path))
            if r["method"] == "GET":
                jobs += self.get_jobs(i, r, path)
            else:
                jobs += self.post_jobs(i, r, path)
        return jobs

    def seen_value(self, name):
        """A value some page offers for a field of this name (a real district
        slug, say), for a route no page links with it."""
        if not hasattr(self, "values"):
            self.values = {}
            for (_, _), (_, links, forms) in self.pages.items():
                pairs = [(f["name"], f["value"]) for form in forms for f in form["fields"]]
                for href in links:
                    pairs += urllib.parse.parse_qsl(urllib.parse.urlsplit(href).query)
                for k, v in pairs:
                    if v and k not in self.values:
                        self.values[k] = v
        return self.values.get(name)

    def forms_for(self, index, method):
        """(identity, form) pairs of forms on crawled pages aimed at route index."""
        out = []
        for (ident_name, page), (_, _, forms) in self.pages.items():
            for f in forms:
                if f["method"] != method.lower():
                    continue
                action = urllib.parse.urljoin(page, f["action"] or page)
                j, _ = self.match_route(action, method)
                if j == index:
                    out.append((ident_name, f, urllib.parse.urlsplit(action).path))
        return out

    def get_jobs(self, i, r, path):
        role_ident = IDENTITY_OF_ROLE[r["role"]]
        params = {}  # name -> (value, identity)

        def add(name, value, ident_name):
            """Keeps the lowest identity that saw the parameter and a non-empty value."""
            if name == CSRF_FIELD or not name:
                return
            if not self.allowed(ident_name, r["role"]):
                ident_name = role_ident
            old_value, old_ident = params.get(name, ("", ident_name))
            if IDENTITIES.index(old_ident) < IDENTITIES.index(ident_name):
                ident_name = old_ident
            params[name] = (old_value or value, ident_name)

        for ident_name, form, _ in self.forms_for(i, "GET"):
            for f in form["fields"]:
                add(f["name"], f["value"], ident_name)
        rx = pattern_regex(r["pattern"])
        for (ident_name, _), (_, links, _) in self.pages.items():
            for href in links:
                u = urllib.parse.urlsplit(href)
                if not u.netloc and rx.match(u.path) and u.query:
                    for k, v in urllib.parse.parse_qsl(u.query, keep_blank_values=True):
                        add(k, v, ident_name)
        for name in sorted(self.sources.query_names(r["handler"])):
            add(name, "", role_ident)
        for name in DOCUMENTED_QUERY.get(r["pattern"], []):
            add(name, "", role_ident)
        jobs = []
        label = "GET %s" % r["pattern"]
        for name, (value, ident_name) in sorted(params.items()):
            value = value or self.seen_value(name) or default_value({"name": name, "kind": "text", "value": ""})
            if name == "q":
                value = "test"
            jobs.append({"method": "GET", "path": path, "query": {name: value}, "tested": name,
                         "identity": ident_name, "label": label})
        if pattern_params(r["pattern"]):
            jobs.append({"method": "GET", "path": path, "query": {}, "tested": "*",
                         "identity": role_ident, "label": label,
                         "pname": "{%s}" % "}/{".join(pattern_params(r["pattern"]))})
        if not jobs:
            self.results.append({"label": label, "param": "-", "identity": role_ident,
                                 "verdict": "no parameters", "detail": "", "seconds": 0})
        return jobs

    def post_jobs(self, i, r, path):
        label = "POST %s" % r["pattern"]
        seen = {}
        for ident_name, form, action in self.forms_for(i, "POST"):
            if not self.allowed(ident_name, r["role"]):
                continue
            key = tuple(sorted(f["name"] for f in form["fields"]))
            if key not in seen or IDENTITIES.index(ident_name) < IDENTITIES.index(seen[key][0]):
                seen[key] = (ident_name, form, action)
        found = bool(seen)
        if not found:
            names = self.sources.form_names(r["handler"])
            fields = [{"name": n, "value": "", "kind": "text"} for n in names]
            seen[tuple(names)] = (IDENTITY_OF_ROLE[r["role"]], {"fields": fields}, path)
        jobs = []
        for _, (ident_name, form, action) in sorted(seen.items()):
            data = {}
            for f in form["fields"]:
                if f["name"] != CSRF_FIELD:
                    data[f["name"]] = default_value(f)
            if r["pattern"] == "/login":
                # a signed-in identity's own account would lock after a few
                # wrong passwords; a known address keeps the e-mail check passing
                data["email"] = "scan.nobody@example.org"
            for name in data:
                jobs.append({"method": "POST", "path": action, "data": data, "tested": name,
                             "identity": ident_name, "label": label})
            if not data:
                self.results.append({"label": label, "param": "-", "identity": ident_name,
                                     "verdict": "no parameters", "seconds": 0,
                                     "detail": "its form has only the CSRF token" if found else
                                     "no page shows its form and its handler reads no field"})
        return jobs


# ---- sqlmap ---------------------------------------------------------------------------

SQLMAP_OPTIONS = [
    "--batch", "--level=1", "--risk=1", "--technique=BEUST", "--dbms=MySQL",
    "--flush-session", "--timeout=15", "--retries=1", "--time-sec=3", "--drop-set-cookie",
    "--disable-coloring", "--skip-waf", "--answers=follow=N", "--ignore-code=404",
]


def run_sqlmap(job, ident, args, outdir):
    path = job["path"]
    cmd = ["sqlmap"] + SQLMAP_OPTIONS + ["--output-dir=" + outdir, "--cookie=" + ident.cookie(),
                                         "--user-agent=rchub-security-scan"]
    if job["method"] == "GET":
        if job["tested"] == "*":
            url = args.url + path + "*"
        else:
            url = args.url + path + "?" + urllib.parse.urlencode(job["query"])
            cmd.append("-p" + job["tested"])
        cmd.append("-u" + url)
    else:
        data = dict(job["data"])
        data[CSRF_FIELD] = ident.csrf
        body = urllib.parse.urlencode(data)
        cmd += ["-u" + args.url + path, "--data=" + body, "-p" + job["tested"], "--skip=" + CSRF_FIELD,
                "--method=POST"]
    start = time.monotonic()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.job_timeout,
                             stdin=subprocess.DEVNULL, env=dict(os.environ, TERM="dumb"))
        text = out.stdout + out.stderr
    except subprocess.TimeoutExpired as e:
        text = (e.stdout or b"").decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        text += "\n[scan] sqlmap timed out after %d s" % args.job_timeout
    seconds = time.monotonic() - start
    return verdict(text), seconds, text, cmd


def verdict(text):
    if re.search(r"identified the following injection point|parameter '[^']+' is vulnerable|"
                 r"parameter '[^']+' (?:appears|seems) to be '.*' injectable", text):
        return "INJECTABLE"
    if re.search(r"does not seem to be injectable|all tested parameters do not appear to be injectable", text):
        return "not injectable"
    return "untested"


def explain(text):
    for line in text.splitlines():
        if "[CRITICAL]" in line or "[ERROR]" in line or "[scan]" in line:
            return line.split("] ", 2)[-1].strip()[:160]
    return "no verdict in sqlmap's output"


# ---- the planted injection ------------------------------------------------------------

class PlantedHandler(http.server.BaseHTTPRequestHandler):
    """GET /planted?slug=... pastes slug into SQL: what the scan must find."""
    db_socket = None
    db_password = None

    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        slug = q.get("slug", [""])[0]
        sql = "SELECT name FROM centres WHERE slug = '" + slug + "'"
        out = subprocess.run(["mariadb", "--no-defaults", "-S", self.db_socket, "-u", "rchub_app",
                              "-N", "-B", "rchub", "-e", sql], capture_output=True, text=True, timeout=20,
                             env=dict(os.environ, MYSQL_PWD=self.db_password))
        body = ("<html><body><p>%s</p><pre>%s</pre></body></html>" %
                (out.stdout.replace("<", "&lt;"), out.stderr.replace("<", "&lt;"))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


def planted_check(args, outdir):
    PlantedHandler.db_socket = os.path.join(args.var, "run/mariadb.sock")
    PlantedHandler.db_password = open(os.path.join(args.var, "db-app-password")).read().strip()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PlantedHandler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        base = "http://127.0.0.1:%d" % server.server_address[1]
        job = {"method": "GET", "path": "/planted", "query": {"slug": "nothing"}, "tested": "slug"}
        a = argparse.Namespace(url=base, job_timeout=args.job_timeout)
        v, seconds, text, _ = run_sqlmap(job, Identity("planted"), a, outdir)
        return v, seconds, text
    finally:
        server.shutdown()


def dry_run(scan, jobs):
    """Shows what each target's unmodified request gets: a 4xx here means the
    defaults of some field are refused, and payloads may stop at validation."""
    done = set()
    for job in jobs:
        key = (job["method"], job["path"], tuple(sorted(job.get("data", job.get("query", {})).items())))
        if key in done:
            continue
        done.add(key)
        ident = scan.ids[job["identity"]]
        if job["method"] == "GET":
            path = job["path"] + ("?" + urllib.parse.urlencode(job["query"]) if job["query"] else "")
            st, _, text = scan.http.request("GET", path, ident)
        else:
            data = dict(job["data"], **{CSRF_FIELD: ident.csrf})
            path = job["path"]
            st, _, text = scan.http.request("POST", path, ident, urllib.parse.urlencode(data))
        errors = re.findall(r'class="(?:field-error|error-message)"[^>]*>([^<]*)<', text)
        log("%s %s as %s: %d %s" % (job["method"], path, job["identity"], st, " | ".join(errors)[:300]))
        if job["method"] == "POST":
            log("    %s" % urllib.parse.urlencode(job["data"])[:300])
    return 0


# ---- main -----------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--var", required=True, help="the stack's var dir (database socket)")
    ap.add_argument("--root", required=True, help="the checkout (fcgi/routes.c, handlers)")
    ap.add_argument("--jobs", type=int, default=2, help="sqlmap processes at once (at most 2)")
    ap.add_argument("--job-timeout", type=int, default=300, help="seconds for one sqlmap run")
    ap.add_argument("--budget", type=int, default=1500, help="seconds for the whole scan")
    ap.add_argument("--only", default="", help="regex: scan only targets whose label matches")
    ap.add_argument("--no-planted", action="store_true", help="skip the planted-injection check")
    ap.add_argument("--dry-run", action="store_true",
                    help="send each target's original request once and show the answer; no sqlmap")
    args = ap.parse_args()
    args.jobs = max(1, min(args.jobs, 2))
    started = time.monotonic()
    outdir = os.path.join(args.var, "sqlmap")
    logdir = os.path.join(args.var, "scan-logs")
    os.makedirs(outdir, exist_ok=True)
    os.makedirs(logdir, exist_ok=True)

    if not args.no_planted and not args.dry_run:
        v, seconds, text = planted_check(args, outdir)
        open(os.path.join(logdir, "planted.log"), "w").write(text)
        if v != "INJECTABLE":
            log("not ok - the planted injection (/planted?slug=) was not found (%s, %.1f s): "
                "the sqlmap setup cannot see injections; see %s/planted.log" % (v, seconds, logdir))
            return 2
        log("ok - the planted injection (/planted?slug=) is found: sqlmap sees injections (%.1f s)" % seconds)

    scan = Scan(args)
    log("# %d routes in fcgi/routes.c" % len(scan.routes))
    scan.sign_in_all()
    scan.crawl()
    jobs = scan.targets()
    if args.only:
        jobs = [j for j in jobs if re.search(args.only, j["label"])]
    log("# %d pages crawled, %d parameters to test, %d sqlmap processes at once" %
        (len(scan.pages), len(jobs), args.jobs))
    if args.dry_run:
        return dry_run(scan, jobs)

    def run(n, job):
        if time.monotonic() - started > args.budget:
            return n, job, "untested", 0.0, "the scan's time budget (%d s) was spent" % args.budget
        scan.db.query(RESET_SQL)
        scan.ensure_session(job["identity"])
        ident = scan.ids[job["identity"]]
        v, seconds, text, cmd = run_sqlmap(job, ident, args, outdir)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", "%03d-%s-%s" % (n, job["label"], job.get("pname", job["tested"])))
        with open(os.path.join(logdir, name + ".log"), "w") as f:
            f.write(" ".join(cmd) + "\n\n" + text)
        return n, job, v, seconds, ("" if v == "not injectable" else explain(text) if v == "untested"
                                    else "see %s/%s.log" % (logdir, name))

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run, n, j) for n, j in enumerate(jobs, 1)]
        for fut in concurrent.futures.as_completed(futures):
            n, job, v, seconds, detail = fut.result()
            r = {"label": job["label"], "param": job.get("pname", job["tested"]), "identity": job["identity"],
                 "verdict": v, "detail": detail, "seconds": seconds}
            scan.results.append(r)
            log("%-40s %-16s %-12s %-15s %5.1f s %s" % (r["label"], r["param"], r["identity"], v, seconds, detail))

    # the sessions must have survived the scan, or later targets ran signed out
    for name in IDENTITIES[1:]:
        ident = scan.ids[name]
        if ident.session and scan.http.request("GET", "/account", ident)[0] != 200:
            log("# warning: the %s session ended during the scan; targets after it ran signed out" % name)

    report = os.path.join(args.var, "scan-report.txt")
    tested = [r for r in scan.results if r["verdict"] in ("not injectable", "INJECTABLE")]
    injectable = [r for r in scan.results if r["verdict"] == "INJECTABLE"]
    untested = [r for r in scan.results if r["verdict"] == "untested"]
    with open(report, "w") as f:
        for r in sorted(scan.results, key=lambda r: (r["label"].split(" ", 1)[1], r["label"], r["param"])):
            f.write("%-40s %-16s %-12s %-15s %s\n" % (r["label"], r["param"], r["identity"], r["verdict"],
                                                      r["detail"]))
    elapsed = time.monotonic() - started
    log("# report: %s; sqlmap logs: %s" % (report, logdir))
    for r in injectable:
        log("INJECTABLE: %s parameter %s (as %s) %s" % (r["label"], r["param"], r["identity"], r["detail"]))
    for r in untested:
        log("UNTESTED: %s parameter %s: %s" % (r["label"], r["param"], r["detail"]))
    log("%d parameters tested, %d injectable%s (%d s)" % (
        len(tested), len(injectable), ", %d untested" % len(untested) if untested else "", elapsed))
    if injectable:
        return 1
    return 2 if untested else 0


if __name__ == "__main__":
    sys.exit(main())
