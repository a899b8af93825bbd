#!/usr/bin/env python3
"""Independent Datahub (DH-831 / DH-851) behind the consent-sim.sut/1 protocol.

Written from docs/sut-protocol.md, docs/interpretations/dh-831.md and
packages/messages/src/datahub/README.md only.  Python 3 stdlib.

Usage: python3 datahub.py [--port 18210 (0: a free one)] [--host 127.0.0.1]
Env:   MUTANT=<name>  selects a deliberately wrong variant (see MUTANTS below).
       NO_STEPS=1     do not report `steps`.
"""
import argparse
import datetime as dt
import email.message
import email.policy
import email.utils
import hashlib
import json
import os
import random
import re
import sys
import threading
import traceback
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

PROTOCOL = "consent-sim.sut/1"
NS = "urn:consent-sim:datahub:dh-831:1"
MAX_BODY = 1048576
HELSINKI = "Europe/Helsinki"
MUTANT = os.environ.get("MUTANT", "")
REPORT_STEPS = os.environ.get("NO_STEPS", "") != "1"
# legitimate variations (not mutants): comma-separated list in VARIANT
VARIANT = set(v for v in os.environ.get("VARIANT", "").split(",") if v)

MUTANTS = {
    "day91-allowed": "90-day rule: day 91 accepted (off by one, too lenient)",
    "day90-refused": "90-day rule: day 90 refused (off by one, too strict)",
    "utc-today": "'today' taken as the UTC date instead of Helsinki",
    "reminder-after-decision": "reminder e-mail sent even after the request left Open",
    "neg-ack-no-error": "negative ACK without any Error element",
    "ignore-dh851": "DH-851 ignored (no ACK, no cancellation)",
    "cancelled-approvable": "a cancelled request can still be approved",
    "expiry-day-late": "expiry one calendar day after the end date",
    "partial-keeps-points": "partial approval grants all originally requested points",
    "pos-ack-invalid": "positive ACK for a request that fails business rules",
    "next-timer-null": "nextTimerAt always null",
    "no-notify-email": "no notification e-mail on acceptance",
    "cancel-approved": "DH-851 cancels an Approved request too (positive ACK)",
    "ack-no-copy": "ACK without the copied process element",
    "wrong-original-id": "ACK OriginalMessageId is not the acknowledged MessageId",
    "decision-after-expiry": "expiry timer never fires (request stays Open past its end date)",
}

ERRORS = {
    "EC.AUTH.001": ("The authorization start time is in the past.", "Valtuutuksen alkuaika on menneisyydessä."),
    "EC.AUTH.002": ("The authorization start time is more than 90 days in the future.", "Valtuutuksen alkuaika on yli 90 vuorokautta tulevaisuudessa."),
    "EC.AUTH.003": ("The authorization end time is not after its start time.", "Valtuutuksen loppuaika ei ole alkuajan jälkeen."),
    "EC.AUTH.010": ("The customer id is neither a valid personal identity code nor a valid business id.", "Asiakkaan tunniste ei ole kelvollinen henkilötunnus eikä Y-tunnus."),
    "EC.AUTH.011": ("An accounting point id is not an 18-digit GSRN with a correct check digit.", "Käyttöpaikkatunnus ei ole 18-numeroinen GSRN-tunnus oikealla tarkistusnumerolla."),
    "EC.AUTH.012": ("The description is longer than 150 characters.", "Kuvaus on yli 150 merkkiä pitkä."),
    "EC.AUTH.013": ("The recipient is incomplete: name and e-mail address are both required.", "Vastaanottajan tiedot ovat puutteelliset: sekä nimi että sähköpostiosoite vaaditaan."),
    "EC.AUTH.014": ("The reminder time is in the past, after the request end date, or given without a complete recipient.", "Muistutusaika on menneisyydessä, pyynnön päättymispäivän jälkeen tai annettu ilman vastaanottajan tietoja."),
    "EC.AUTH.015": ("The authorization reason is not one of the known reasons.", "Valtuutuksen syy ei ole tunnettu."),
    "EC.AUTH.016": ("The request end date is in the past.", "Pyynnön voimassaolon päättymispäivä on menneisyydessä."),
    "EC.AUTH.020": ("A required field is missing.", "Pakollinen tieto puuttuu."),
    "EC.AUTH.030": ("The authorization request is not open.", "Valtuutuspyyntö ei ole avoin."),
    "EC.AUTH.031": ("No authorization request with this id exists.", "Valtuutuspyyntöä tällä tunnisteella ei ole."),
    "EC.AUTH.032": ("Only the party that sent the authorization request can cancel it.", "Vain valtuutuspyynnön lähettänyt osapuoli voi peruuttaa sen."),
    "EC.AUTH.040": ("An authorization request with this id already exists.", "Tällä tunnisteella on jo valtuutuspyyntö."),
    "EC.MSG.001": ("The message is not a readable XML document.", "Sanoma ei ole luettava XML-dokumentti."),
    "EC.MSG.002": ("The message is not a known Datahub document (root element, namespace or type).", "Sanoma ei ole tunnettu datahub-dokumentti (juurielementti, nimiavaruus tai tyyppi)."),
    "EC.MSG.003": ("A field value has the wrong format.", "Kentän arvo on väärää muotoa."),
    "EC.MSG.004": ("The message structure is wrong (unknown, misplaced or repeated element).", "Sanoman rakenne on virheellinen."),
}

REASONS = {"tender-with-agreement", "tender-without-agreement", "accounting-points"}
INSTANT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REQID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
EMAIL_RE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


class ProtoError(Exception):
    def __init__(self, status, code, field, message):
        super().__init__(message)
        self.status, self.code, self.field, self.message = status, code, field, message


# ---------------------------------------------------------------- time helpers
def parse_instant(s):
    """ISO 8601 with offset -> epoch ms (int). None if invalid."""
    if not isinstance(s, str) or not INSTANT_RE.match(s):
        return None
    txt = s.replace("Z", "+00:00")
    m = re.match(r"^(.*?)(\.(\d+))?([+-]\d{2}:\d{2})$", txt)
    base, frac, off = m.group(1), m.group(3) or "", m.group(4)
    if len(base) == 16:
        base += ":00"
    try:
        d = dt.datetime.fromisoformat(base + off)
    except ValueError:
        return None
    ms = int((frac + "000")[:3]) if frac else 0
    return int(d.timestamp()) * 1000 + ms


def fmt_instant(ms, zone):
    d = dt.datetime.fromtimestamp(ms // 1000, tz=ZoneInfo(zone))
    s = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d" % (ms % 1000)
    off = d.strftime("%z")
    return s + off[:3] + ":" + off[3:]


def local_date(ms, zone):
    return dt.datetime.fromtimestamp(ms // 1000, tz=ZoneInfo(zone)).date()


def end_of_day_ms(date, zone):
    d = dt.datetime(date.year, date.month, date.day, 23, 59, 59, tzinfo=ZoneInfo(zone))
    return int(d.timestamp()) * 1000 + 999


# ---------------------------------------------------------------- id checks
HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
HETU_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$")
YTUNNUS_RE = re.compile(r"^(\d{7})-(\d)$")


def valid_customer_id(s):
    m = HETU_RE.match(s)
    if m:
        dd, mm, yy, sep, nnn, chk = m.groups()
        century = {"+": 1800}.get(sep, 1900 if sep in "-UVWXY" else 2000)
        try:
            dt.date(century + int(yy), int(mm), int(dd))
        except ValueError:
            return False
        return HETU_CHARS[int(dd + mm + yy + nnn) % 31] == chk
    m = YTUNNUS_RE.match(s)
    if m:
        w = [7, 9, 10, 5, 8, 4, 2]
        r = sum(int(c) * k for c, k in zip(m.group(1), w)) % 11
        if r == 1:
            return False
        return (0 if r == 0 else 11 - r) == int(m.group(2))
    return False


def valid_gsrn(s):
    if not re.fullmatch(r"\d{18}", s):
        return False
    digits = [int(c) for c in s]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:17]))
    return (10 - total % 10) % 10 == digits[17]


# ---------------------------------------------------------------- XML
def q(tag):
    return "{%s}%s" % (NS, tag)


def local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def ns_of(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def ser(el, indent=1):
    """Serialize an element (our namespace) with prefix dh."""
    pad = "  " * indent
    name = "dh:" + local(el.tag)
    kids = list(el)
    if not kids:
        return "%s<%s>%s</%s>\n" % (pad, name, esc((el.text or "").strip()), name)
    out = "%s<%s>\n" % (pad, name)
    for k in kids:
        out += ser(k, indent + 1)
    return out + "%s</%s>\n" % (pad, name)


def leaf(name, value, indent):
    return "%s<dh:%s>%s</dh:%s>\n" % ("  " * indent, name, esc(value), name)


def build_doc(root, msg_type, msg_id, sender, receiver, created, body):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<dh:%s xmlns:dh="%s">\n' % (root, NS)
        + "  <dh:Header>\n"
        + leaf("MessageId", msg_id, 2)
        + leaf("MessageType", msg_type, 2)
        + leaf("SenderPartyId", sender, 2)
        + leaf("ReceiverPartyId", receiver, 2)
        + leaf("Created", created, 2)
        + "  </dh:Header>\n"
        + body
        + "</dh:%s>\n" % root
    )


ROOTS = {
    "AuthorizationRequest": ("DH-831", "AuthorizationRequestProcess"),
    "AuthorizationRequestCancellation": ("DH-851", "CancellationProcess"),
}
HEADER_SEQ = [("MessageId", 1, 1), ("MessageType", 1, 1), ("SenderPartyId", 1, 1), ("ReceiverPartyId", 1, 1), ("Created", 1, 1)]
PROC_SEQ = [
    ("RequestId", 1, 1), ("CustomerId", 1, 1), ("AuthorizationPeriod", 1, 1), ("Reason", 1, 1),
    ("Description", 0, 1), ("AccountingPoint", 0, None), ("Recipient", 0, 1),
    ("ReminderTime", 0, 1), ("RequestEndDate", 0, 1),
]
PERIOD_SEQ = [("Start", 1, 1), ("End", 0, 1)]
RECIP_SEQ = [("Name", 0, 1), ("Email", 0, 1)]
CANCEL_SEQ = [("RequestId", 1, 1)]


def check_seq(parent, seq, tech, missing):
    """Structure check: order, unknown, repetition -> EC.MSG.004; missing -> EC.AUTH.020."""
    names = [n for n, _, _ in seq]
    counts = {n: 0 for n in names}
    pos = 0
    for ch in parent:
        if not isinstance(ch.tag, str):
            continue
        if ns_of(ch.tag) != NS or local(ch.tag) not in counts:
            tech.add("EC.MSG.004")
            continue
        i = names.index(local(ch.tag))
        if i < pos:
            tech.add("EC.MSG.004")
        pos = max(pos, i)
        counts[local(ch.tag)] += 1
        mx = seq[i][2]
        if mx is not None and counts[local(ch.tag)] > mx:
            tech.add("EC.MSG.004")
    for n, mn, _ in seq:
        if counts[n] < mn:
            missing.add(n)
    return counts


def txt(parent, name):
    if parent is None:
        return None
    el = parent.find(q(name))
    if el is None:
        return None
    return (el.text or "").strip()


def parse_datahub(xml_text):
    """-> (kind, root_el, header dict, tech_errors(list), missing(set)).  kind None = unreadable."""
    if xml_text is None:
        return None, None, {}, ["EC.MSG.001"], set()
    if len(xml_text.encode("utf-8")) > MAX_BODY or re.search(r"<!DOCTYPE|<!ENTITY", xml_text, re.I):
        return None, None, {}, ["EC.MSG.001"], set()
    try:
        root = ET.fromstring(xml_text.encode("utf-8"))
    except ET.ParseError:
        return None, None, {}, ["EC.MSG.001"], set()
    header = {}
    hdr = root.find(q("Header"))
    if hdr is not None:
        for n, _, _ in HEADER_SEQ:
            header[n] = txt(hdr, n)
    if ns_of(root.tag) != NS or local(root.tag) not in ROOTS:
        return None, root, header, ["EC.MSG.002"], set()
    rname = local(root.tag)
    mtype, proc_name = ROOTS[rname]
    if header.get("MessageType") not in (None, "", mtype):
        return None, root, header, ["EC.MSG.002"], set()
    tech, missing = set(), set()
    check_seq(root, [("Header", 1, 1), (proc_name, 1, 1)], tech, missing)
    if hdr is not None:
        check_seq(hdr, HEADER_SEQ, tech, missing)
    created = header.get("Created")
    if created and parse_instant(created) is None:
        tech.add("EC.MSG.003")
    proc = root.find(q(proc_name))
    if proc is not None:
        if rname == "AuthorizationRequest":
            check_seq(proc, PROC_SEQ, tech, missing)
            per = proc.find(q("AuthorizationPeriod"))
            if per is not None:
                check_seq(per, PERIOD_SEQ, tech, missing)
                for n in ("Start", "End"):
                    v = txt(per, n)
                    if v and parse_instant(v) is None:
                        tech.add("EC.MSG.003")
            rec = proc.find(q("Recipient"))
            if rec is not None:
                check_seq(rec, RECIP_SEQ, tech, set())
            rid = txt(proc, "RequestId")
            if rid and not REQID_RE.match(rid):
                tech.add("EC.MSG.003")
            v = txt(proc, "ReminderTime")
            if v and parse_instant(v) is None:
                tech.add("EC.MSG.003")
            v = txt(proc, "RequestEndDate")
            if v:
                ok = bool(DATE_RE.match(v))
                if ok:
                    try:
                        dt.date.fromisoformat(v)
                    except ValueError:
                        ok = False
                if not ok:
                    tech.add("EC.MSG.003")
        else:
            check_seq(proc, CANCEL_SEQ, tech, missing)
    # empty values of required leaves count as missing
    for n in ("MessageId", "SenderPartyId", "ReceiverPartyId", "Created"):
        if hdr is not None and header.get(n) == "":
            missing.add(n)
    return rname, root, header, sorted(tech), missing


# ---------------------------------------------------------------- state
class Test:
    def __init__(self, body):
        self.id = body["testId"]
        self.seed = body["seed"]
        self.zone = body["zone"] or HELSINKI
        self.now = parse_instant(body["start"])
        self.parties = body["parties"]
        self.params = body.get("parameters") or {}
        me = next((p for p in self.parties if p.get("role") == "datahub"), None)
        self.me = me["id"] if me else "datahub"
        self.my_address = me["address"] if me else "FI000001"
        self.rng = random.Random("%s/%s" % (self.seed, self.id))
        self.deliveries = set()
        self.requests = {}  # requestId -> dict
        self.timers = []  # (due, seq, kind, requestId)
        self.timer_seq = 0
        self.outbox = []
        self.steps = []
        self.lock = threading.Lock()
        self.msg_counter = 0

    # -- helpers
    def new_id(self, prefix):
        self.msg_counter += 1
        return "%s%s%04d" % (prefix, "".join(self.rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(10)), self.msg_counter)

    def party_by_address(self, addr):
        for p in self.parties:
            if p.get("address") == addr or p.get("id") == addr:
                return p
        return None

    def customer_party_for(self, email_addr):
        for p in self.parties:
            if p.get("role") == "customer" and (
                (p.get("email") or "").lower() == email_addr.lower() or (p.get("address") or "").lower() == email_addr.lower()
            ):
                return p["id"]
        for p in self.parties:
            if (p.get("email") or "").lower() == email_addr.lower():
                return p["id"]
        return email_addr

    def step(self, name, at):
        self.steps.append({"step": name, "at": fmt_instant(at, self.zone)})

    def send(self, item, at, step):
        if item["channel"] == "datahub" and "to-address" in VARIANT:
            p = self.party_by_address(item["to"])
            if p:
                item["to"] = p["address"]
        if item["channel"] == "datahub" and "null-code" in VARIANT:
            item["messageCode"] = None
        item["at"] = fmt_instant(at, self.zone)
        item["step"] = step
        self.outbox.append(item)

    def add_timer(self, due, kind, rid):
        self.timer_seq += 1
        self.timers.append((due, self.timer_seq, kind, rid))
        self.timers.sort()

    def cancel_timers(self, rid):
        self.timers = [t for t in self.timers if t[3] != rid or (MUTANT == "reminder-after-decision" and t[2] == "reminder")]

    def advance(self, to):
        while self.timers and self.timers[0][0] <= to:
            due, _, kind, rid = self.timers.pop(0)
            self.now = max(self.now, due)
            self.fire(due, kind, rid)
        self.now = max(self.now, to)

    def next_timer(self):
        if MUTANT == "next-timer-null":
            return None
        fut = [t[0] for t in self.timers if t[0] > self.now]
        if "wakeups" in VARIANT:
            fut.append(self.now + 6 * 3600 * 1000)
        return fmt_instant(min(fut), self.zone) if fut else None

    def answer(self):
        ob = self.outbox
        if "email-first" in VARIANT:
            ob = sorted(ob, key=lambda i: (parse_instant(i["at"]), 0 if i["channel"] == "email" else 1))
        res = {"protocol": PROTOCOL, "testId": self.id, "now": fmt_instant(self.now, self.zone),
               "outbox": ob}
        if REPORT_STEPS:
            res["steps"] = self.steps
        res["nextTimerAt"] = self.next_timer()
        self.outbox, self.steps = [], []
        return res

    # -- timers
    def fire(self, at, kind, rid):
        r = self.requests.get(rid)
        if r is None:
            return
        if kind == "notify":
            self.step("DH-831.DH.NOTIFY_EMAIL", at)
            self.send_email(r, "notification", at, "DH-831.DH.NOTIFY_EMAIL")
            return
        if kind == "reminder":
            if r["recipient"] is None:
                return
            if r["status"] != "Open" and MUTANT != "reminder-after-decision":
                return
            self.step("DH-831.DH.REMINDER_EMAIL", at)
            self.send_email(r, "reminder", at, "DH-831.DH.REMINDER_EMAIL")
        elif kind == "expire":
            if r["status"] != "Open":
                return
            r["status"] = "Expired"
            self.step("DH-831.DH.EXPIRE", at)
            if "reading-expiry-email" in VARIANT and r["recipient"]:
                self.send_email(r, "expiry", at, "DH-831.DH.EXPIRE")
            self.cancel_timers(rid)

    # -- e-mail
    def send_email(self, r, kind, at, step):
        name, addr = r["recipient"]
        if kind == "notification":
            subject = "Uusi valtuutuspyyntö / New authorization request"
            intro_fi = "Sinulle on luotu valtuutuspyyntö Datahubissa."
            intro_en = "An authorization request has been created for you in Datahub."
        elif kind == "expiry":
            subject = "Valtuutuspyyntö vanheni / Authorization request expired"
            intro_fi = "Valtuutuspyyntösi on vanhentunut."
            intro_en = "Your authorization request has expired."
        else:
            subject = "Muistutus: avoin valtuutuspyyntö / Reminder: open authorization request"
            intro_fi = "Muistutus: sinulla on avoin valtuutuspyyntö Datahubissa."
            intro_en = "Reminder: you have an open authorization request in Datahub."
        lines = [
            "Hei %s," % name, "", intro_fi, intro_en, "",
            "Pyyntö / Request: %s" % r["requestId"],
            "Myyjä / Seller: %s" % r["sender"],
        ]
        if r.get("description"):
            lines.append("Kuvaus / Description: %s" % r["description"])
        if r["points"]:
            lines.append("Käyttöpaikat / Accounting points: %s" % ", ".join(r["points"]))
        lines += ["Voimassa / Valid until: %s" % r["endDate"].isoformat(), "",
                  "Hyväksy tai hylkää pyyntö valtuutuspalvelussa. / Approve or reject it in the Authorization Service."]
        text = "\n".join(lines)
        msg = email.message.EmailMessage(policy=email.policy.SMTP)
        msg["From"] = email.utils.formataddr(("Datahub Valtuutuspalvelu", "no-reply@datahub.indep.invalid"))
        msg["To"] = email.utils.formataddr((name, addr))
        msg["Subject"] = subject
        d = dt.datetime.fromtimestamp(at // 1000, tz=ZoneInfo(self.zone))
        msg["Date"] = email.utils.format_datetime(d)
        msg["Message-ID"] = "<%s@datahub.indep.invalid>" % self.new_id("M")
        msg.set_content(text, charset="utf-8", cte="quoted-printable")
        self.send({
            "channel": "email", "to": addr if "email-to-address" in VARIANT else self.customer_party_for(addr), "messageCode": "EMAIL",
            "document": msg.as_string(),
            "content": {"kind": kind, "requestId": r["requestId"], "recipientName": name,
                        "recipientEmail": addr, "subject": subject, "text": text},
        }, at, step)

    # -- ACK
    def ack(self, at, to, receiver, original_id, proc_el, errors, step):
        body = ""
        if MUTANT == "wrong-original-id" and original_id:
            original_id = original_id + "X"
        if proc_el is not None and MUTANT != "ack-no-copy":
            body += ser(proc_el)
        body += "  <dh:AcknowledgementEvent>\n"
        neg = bool(errors)
        body += leaf("Result", "negative" if neg else "positive", 2)
        if original_id:
            body += leaf("OriginalMessageId", original_id, 2)
        if "error-order" in VARIANT:
            errors = list(reversed(errors))
        if MUTANT != "neg-ack-no-error":
            for e in errors:
                if "own-error-ids" in VARIANT and e.startswith("EC.AUTH."):
                    ERRORS.setdefault("EC.AUTH.9" + e[-2:], ERRORS[e])
                    e = "EC.AUTH.9" + e[-2:]
                en, fi = ERRORS[e]
                body += "    <dh:Error>\n" + leaf("ErrorId", e, 3) + leaf("Text", en, 3) + leaf("TextFi", fi, 3) + "    </dh:Error>\n"
        body += "  </dh:AcknowledgementEvent>\n"
        xml = build_doc("Acknowledgement", "ACK", self.new_id("A"), self.my_address, receiver or "UNKNOWN",
                        fmt_instant(at, self.zone), body)
        self.send({"channel": "datahub", "to": to, "messageCode": "ACK", "document": xml, "content": None}, at, step)

    # -- deliveries
    def deliver(self, d):
        at = self.now
        ch = d["channel"]
        if ch == "datahub":
            code = d.get("messageCode")
            if code == "AUTHORIZATION_END":
                return self.on_authorization_end(d, at)
            return self.on_datahub_xml(d, at)
        if ch == "authorization-service":
            return self.on_decision(d, at)
        if ch == "stimulus":
            raise ProtoError(422, "unsupported", "$.stimulus", "consent-sim: the datahub acts on no stimulus %r" % d.get("stimulus"))
        # other mail-like channels: nothing to do for Datahub
        return

    def sender_fallback(self, d):
        p = self.party_by_address(d.get("from"))
        return p["address"] if p else d.get("from")

    def on_datahub_xml(self, d, at):
        doc = d.get("document")
        kind, root, header, tech, missing = parse_datahub(doc)
        frm = d["from"]
        receiver = header.get("SenderPartyId") or self.sender_fallback(d)
        if tech:
            self.step("DH-831.DH.TECHNICAL_FAULT", at)
            self.ack(at, frm, receiver, header.get("MessageId") or None, None, tech, "DH-831.DH.TECHNICAL_FAULT")
            return
        if kind == "AuthorizationRequest":
            self.on_dh831(d, at, root, header, missing, receiver)
        else:
            self.on_dh851(d, at, root, header, missing, receiver)

    def on_dh831(self, d, at, root, header, missing, receiver):
        self.step("DH-831.DH.RECEIVE", at)
        proc = root.find(q("AuthorizationRequestProcess"))
        if proc is None:
            # A required element left out is EC.AUTH.020 (README of the format); read on an empty one.
            proc = ET.Element(q("AuthorizationRequestProcess"))
        per = proc.find(q("AuthorizationPeriod"))
        errs = []

        def add(e):
            if e not in errs:
                errs.append(e)

        if missing:
            add("EC.AUTH.020")
        rid = txt(proc, "RequestId") or ""
        cust = txt(proc, "CustomerId") or ""
        if cust and not valid_customer_id(cust):
            add("EC.AUTH.010")
        start = parse_instant(txt(per, "Start")) if per is not None and txt(per, "Start") else None
        end = parse_instant(txt(per, "End")) if per is not None and txt(per, "End") else None
        if start is not None and end is not None and end <= start:
            add("EC.AUTH.003")
        reason = txt(proc, "Reason")
        if reason and reason not in REASONS:
            add("EC.AUTH.015")
        desc = txt(proc, "Description")
        if desc is not None and len(desc) > 150:
            add("EC.AUTH.012")
        points = [(e.text or "").strip() for e in proc.findall(q("AccountingPoint"))]
        if any(not valid_gsrn(p) for p in points):
            add("EC.AUTH.011")
        rec = proc.find(q("Recipient"))
        recipient = None
        if rec is not None:
            nm, em = txt(rec, "Name"), txt(rec, "Email")
            if not nm or not em or not EMAIL_RE.match(em):
                add("EC.AUTH.013")
            else:
                recipient = (nm, em)
        reminder_s = txt(proc, "ReminderTime")
        reminder = parse_instant(reminder_s) if reminder_s else None
        if reminder is not None and recipient is None and "reading-reminder-ignore" not in VARIANT:
            add("EC.AUTH.014")
        # core (receipt-time) rules
        zone = self.zone
        if MUTANT == "utc-today":
            today = local_date(at, "UTC")
        else:
            today = local_date(at, HELSINKI)
        if start is not None:
            sdate = local_date(start, HELSINKI)
            diff = (sdate - today).days
            limit = 90
            if MUTANT == "day91-allowed":
                limit = 91
            if MUTANT == "day90-refused":
                limit = 89
            if "reading-start-instant" in VARIANT:
                if start < at:
                    add("EC.AUTH.001")
                elif start > at + 90 * 86400000:
                    add("EC.AUTH.002")
            elif diff < 0:
                add("EC.AUTH.001")
            elif diff > limit:
                add("EC.AUTH.002")
        end_date_s = txt(proc, "RequestEndDate")
        if end_date_s:
            end_date = dt.date.fromisoformat(end_date_s)
            if end_date < today:
                add("EC.AUTH.016")
        else:
            end_date = local_date(at, HELSINKI) + dt.timedelta(days=30)
        end_at = end_of_day_ms(end_date, HELSINKI)
        if reminder is not None and (reminder <= at or reminder >= end_at):
            if "reading-reminder-ignore" in VARIANT:
                reminder = None
            else:
                add("EC.AUTH.014")
        if "reading-reminder-ignore" in VARIANT and recipient is None:
            reminder = None
        if rid and rid in self.requests:
            add("EC.AUTH.040")
        self.step("DH-831.DH.VALIDATE", at)
        if MUTANT == "pos-ack-invalid" and errs and not any(e in errs for e in ("EC.AUTH.020", "EC.AUTH.040")):
            errs = []
        if errs:
            self.step("DH-831.DH.ACK_NEGATIVE", at)
            self.ack(at, d["from"], receiver, header.get("MessageId"), proc, errs, "DH-831.DH.ACK_NEGATIVE")
            return
        r = {
            "requestId": rid, "status": "Open", "from": d["from"], "sender": header.get("SenderPartyId"),
            "points": points, "recipient": recipient, "description": desc, "endDate": end_date,
            "endAt": end_at, "receivedAt": at,
        }
        self.requests[rid] = r
        self.step("DH-831.DH.STORE", at)
        notify = recipient is not None and MUTANT != "no-notify-email"
        if notify and "steps-email-first" in VARIANT:
            self.step("DH-831.DH.NOTIFY_EMAIL", at)
            self.send_email(r, "notification", at, "DH-831.DH.NOTIFY_EMAIL")
        self.step("DH-831.DH.ACK_POSITIVE", at)
        self.ack(at, d["from"], receiver, header.get("MessageId"), proc, [], "DH-831.DH.ACK_POSITIVE")
        if notify and "email-delay" in VARIANT:
            self.add_timer(at + 1000, "notify", rid)
        elif notify and "steps-email-first" not in VARIANT:
            self.step("DH-831.DH.NOTIFY_EMAIL", at)
            self.send_email(r, "notification", at, "DH-831.DH.NOTIFY_EMAIL")
        if reminder is not None:
            self.add_timer(reminder, "reminder", rid)
        exp = end_at
        if "expire-midnight" in VARIANT:
            exp = end_at + 1
        if "reading-end-start" in VARIANT:
            d0 = dt.datetime(end_date.year, end_date.month, end_date.day, tzinfo=ZoneInfo(HELSINKI))
            exp = int(d0.timestamp()) * 1000
        if MUTANT == "expiry-day-late":
            exp = end_of_day_ms(end_date + dt.timedelta(days=1), HELSINKI)
        if MUTANT != "decision-after-expiry":
            self.add_timer(exp, "expire", rid)

    def on_dh851(self, d, at, root, header, missing, receiver):
        if MUTANT == "ignore-dh851":
            return
        proc = root.find(q("CancellationProcess"))
        rid = txt(proc, "RequestId") or ""
        errs = []
        if missing:
            errs.append("EC.AUTH.020")
        r = self.requests.get(rid)
        if not errs:
            if r is None:
                errs.append("EC.AUTH.031")
            elif (header.get("SenderPartyId") or "") != (r["sender"] or "") and d["from"] != r["from"]:
                errs.append("EC.AUTH.032")
            elif r["status"] != "Open" and not (MUTANT == "cancel-approved" and r["status"] == "Approved"):
                errs.append("EC.AUTH.030")
        if errs:
            self.step("DH-851.DH.REFUSE", at)
            self.ack(at, d["from"], receiver, header.get("MessageId"), proc, errs, "DH-851.DH.REFUSE")
            return
        r["status"] = "Cancelled"
        self.cancel_timers(rid)
        self.step("DH-851.DH.CANCEL", at)
        self.ack(at, d["from"], receiver, header.get("MessageId"), proc, [], "DH-851.DH.CANCEL")

    def on_decision(self, d, at):
        c = json_content(d)
        rid = c.get("requestId")
        r = self.requests.get(rid)
        if r is None:
            return
        ok_status = r["status"] == "Open" or (MUTANT == "cancelled-approvable" and r["status"] == "Cancelled")
        if not ok_status:
            return
        decision = str(c.get("decision") or "").lower()
        if decision.startswith("reject"):
            self.reject(r, at)
            return
        removed = c.get("removedAccountingPoints") or []
        rem = set()
        for x in removed:
            if isinstance(x, int) and 1 <= x <= len(r["points"]):
                rem.add(r["points"][x - 1])
            else:
                rem.add(str(x))
        granted = [p for p in r["points"] if p not in rem]
        if MUTANT == "partial-keeps-points":
            granted = list(r["points"])
        if r["points"] and not granted and "reading-partial-empty" not in VARIANT:
            self.reject(r, at)
            return
        r["status"] = "Approved"
        r["granted"] = granted
        self.cancel_timers(r["requestId"])
        self.step("DH-831.DH.APPROVE", at)
        body = "  <dh:NoticeProcess>\n" + leaf("RequestId", r["requestId"], 2) + leaf("ApprovedAt", fmt_instant(at, self.zone), 2)
        for p in granted:
            body += leaf("GrantedAccountingPoint", p, 2)
        body += "  </dh:NoticeProcess>\n"
        xml = build_doc("AuthorizationNotice", "DH-825", self.new_id("N"), self.my_address, r["sender"] or r["from"],
                        fmt_instant(at, self.zone), body)
        self.send({"channel": "datahub", "to": r["from"], "messageCode": "DH-825", "document": xml, "content": None},
                  at, "DH-831.DH.APPROVE")

    def reject(self, r, at):
        r["status"] = "Rejected"
        self.cancel_timers(r["requestId"])
        self.step("DH-831.DH.REJECT", at)

    def on_authorization_end(self, d, at):
        c = json_content(d)
        rid = c.get("requestId") or (c.get("message") or {}).get("requestId") if isinstance(c, dict) else None
        cands = [r for r in self.requests.values() if r["status"] == "Approved" and not r.get("ended")]
        r = self.requests.get(rid) if rid else None
        if r is None and len(cands) >= 1:
            r = [x for x in cands if x["from"] == d["from"]][-1:] and [x for x in cands if x["from"] == d["from"]][-1]
        if not r or r["status"] != "Approved" or r.get("ended"):
            return
        r["ended"] = True
        self.step("DH-831.DH.END_AUTHORIZATION", at)


TESTS = {}
TESTS_LOCK = threading.Lock()


def need(body, field, kind):
    v = body.get(field)
    ok = {
        "str": isinstance(v, str) and v != "",
        "int": isinstance(v, int) and not isinstance(v, bool),
        "list": isinstance(v, list),
        "obj": isinstance(v, dict),
        "instant": parse_instant(v) is not None,
        "strnull": v is None or isinstance(v, str),
    }[kind]
    if field not in body and kind == "strnull":
        ok = False
    if not ok:
        raise ProtoError(400, "bad-field", "$." + field, "consent-sim: $.%s is missing or not a valid %s, got %s" % (field, kind, json.dumps(v)[:80]))
    return v


def handle(path, body):
    if not isinstance(body, dict):
        raise ProtoError(400, "bad-field", "$", "consent-sim: the body must be a JSON object")
    if body.get("protocol") != PROTOCOL:
        raise ProtoError(400, "bad-field", "$.protocol", "consent-sim: $.protocol must be %s" % PROTOCOL)
    need(body, "testId", "str")
    if path == "/consent-sim/v1/reset":
        proc = need(body, "process", "str")
        role = need(body, "role", "str")
        need(body, "seed", "int")
        need(body, "start", "instant")
        need(body, "zone", "str")
        need(body, "parties", "list")
        if "parameters" in body and body["parameters"] is not None and not isinstance(body["parameters"], dict):
            raise ProtoError(400, "bad-field", "$.parameters", "consent-sim: $.parameters must be an object")
        if proc != "dh-831":
            raise ProtoError(422, "unsupported", "$.process", "consent-sim: this system plays only dh-831")
        if role != "datahub":
            raise ProtoError(422, "unsupported", "$.role", "consent-sim: this system plays only the role datahub")
        try:
            ZoneInfo(body["zone"])
        except Exception:
            raise ProtoError(400, "bad-field", "$.zone", "consent-sim: unknown zone")
        t = Test(body)
        with TESTS_LOCK:
            TESTS[t.id] = t
        with t.lock:
            return t.answer()
    with TESTS_LOCK:
        t = TESTS.get(body["testId"])
    if t is None:
        raise ProtoError(409, "unknown-test", "$.testId", "consent-sim: no reset for test %s" % body["testId"])
    with t.lock:
        if path == "/consent-sim/v1/clock":
            now = need(body, "now", "instant")
            ms = parse_instant(now)
            if ms < t.now:
                raise ProtoError(409, "clock-backwards", "$.now", "consent-sim: $.now is before the test clock")
            t.advance(ms)
            return t.answer()
        # deliver
        did = need(body, "deliveryId", "str")
        ch = need(body, "channel", "str")
        if ch not in ("eda", "datahub", "email", "post", "phone", "handover", "authorization-service", "stimulus"):
            raise ProtoError(400, "bad-field", "$.channel", "consent-sim: unknown channel")
        need(body, "from", "str")
        need(body, "to", "str")
        need(body, "messageCode", "strnull")
        need(body, "document", "strnull")
        at = need(body, "at", "instant")
        if ch == "stimulus":
            need(body, "stimulus", "str")
        ms = parse_instant(at)
        if did in t.deliveries:
            return t.answer()
        if ms < t.now:
            raise ProtoError(409, "clock-backwards", "$.at", "consent-sim: $.at is before the test clock")
        if ch == "datahub" and body.get("messageCode") != "AUTHORIZATION_END":
            doc = body.get("document")
            if not isinstance(doc, str) or not doc.lstrip().startswith("<"):
                raise ProtoError(422, "bad-document", "$.document", "consent-sim: document is not XML")
        t.advance(ms)
        t.deliveries.add(did)
        t.deliver(body)
        return t.answer()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if os.environ.get("VERBOSE"):
            sys.stderr.write(fmt % args + "\n")

    def reply(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def err(self, status, code, field, message):
        e = {"code": code, "message": message}
        if field:
            e["field"] = field
        self.reply(status, {"protocol": PROTOCOL, "error": e})

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            self.rfile.read(n)
            return self.err(413, "too-large", None, "consent-sim: the body is over 1 MiB")
        raw = self.rfile.read(n)
        if self.path not in ("/consent-sim/v1/reset", "/consent-sim/v1/clock", "/consent-sim/v1/deliver"):
            return self.err(404, "not-found", None, "consent-sim: no endpoint %s" % self.path)
        try:
            body = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return self.err(400, "bad-json", None, "consent-sim: the body is not JSON")
        try:
            res = handle(self.path, body)
        except ProtoError as e:
            return self.err(e.status, e.code, e.field, e.message)
        except Exception as e:  # noqa
            traceback.print_exc()
            return self.err(500, "internal", None, "consent-sim: %s: %s" % (type(e).__name__, e))
        if os.environ.get("TRACE"):
            sys.stderr.write("%s %s\n-> %s\n" % (self.path, json.dumps(body, ensure_ascii=False)[:3000], json.dumps(res, ensure_ascii=False)[:3000]))
        self.reply(200, res)

    def other(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        self.err(405, "method-not-allowed", None, "consent-sim: only POST")

    do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = other


def json_content(delivery):
    """The structured content of a mail-like delivery, or its JSON text when content is absent."""
    content = delivery.get("content") or {}
    if not content and delivery.get("document"):
        try:
            content = json.loads(delivery["document"])
        except ValueError:
            content = {}
    return content


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=18210, help="0 picks a free port")
    ap.add_argument("--host", default="127.0.0.1")
    a = ap.parse_args()
    if MUTANT and MUTANT not in MUTANTS:
        sys.exit("unknown MUTANT %s; known: %s" % (MUTANT, ", ".join(MUTANTS)))
    srv = ThreadingHTTPServer((a.host, a.port), Handler)
    host, port = srv.server_address[:2]
    print("listening on http://%s:%d (mutant=%s)" % (host, port, MUTANT or "none"), flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
