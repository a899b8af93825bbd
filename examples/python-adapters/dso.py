#!/usr/bin/env python3
"""Independent DSO (vnb) for CM_REQ_OFF behind the consent-sim.sut/1 protocol.

Written from docs/sut-protocol.md, docs/interpretations/cm-req-off.md, the scenarios and the
official XSDs only. Stdlib only.

Usage: python3 dso.py [--port 18110 (0: a free one)] [--host 127.0.0.1]
Env MUTANT=<name> selects a deliberately wrong variant (see MUTANTS below).
"""
import hashlib
import heapq
import itertools
import json
import os
import re
import sys
import threading
import zlib
import base64
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone, date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

PROTOCOL = "consent-sim.sut/1"
MAX_BODY = 1024 * 1024
QR_CAPACITY_M = 2331  # byte mode, version 40, level M

MUTANTS = {
    "obj4": "objection window 4 calendar days instead of 5",
    "red24h": "redemption window 30 x 24 h instead of 30 calendar days",
    "exclusive": "both deadlines exclusive (timer fires at the deadline ms)",
    "utc": "calendar-day arithmetic in UTC instead of Europe/Vienna",
    "dupaccept": "duplicate MessageId/CMRequestId not detected",
    "expiredok": "expired ConsentId accepted (redeemed anyway)",
    "earlydata": "data released on request during the objection window",
    "ignoreobj": "objection of the customer ignored",
    "wrongneg": "187 (mismatch) answered with 177 instead",
    "poscode": "ABLEHNUNG_CMQF 180 sent with positive code 99",
    "nonext": "nextTimerAt always null",
    "nonotice": "no customer notice (VNB_07)",
    "grant99": "activation ANTWORT_CMQF carries 99 instead of 175",
    "obj5x24": "objection window 5 x 24 h (only the 5-day one)",
    "dupreanswer": "a duplicate MessageId is answered again with ANTWORT_CMQF 99 (idempotent re-answer)",
    "earlyperiodic": "periodic data start one cycle after redemption (during the objection window)",
    "toaddr": "PROBE: outbox[].to is the recipient's address (EP…/e-mail), not its party id",
    "dataalt": "PROBE (legitimate?): DATEN_CRMSG in our own simulation-only XML shape",
    "badconv": "answers do not repeat the request's ConversationId/CMRequestId",
    "baddeadline": "customer notice names a wrong objectionDeadline (one day early)",
    "noconsentid": "ResponseData without ConsentId/MeteringPoint",
    # probes of legitimate alternatives (should PASS or WARN, never FAIL):
    "utcfmt": "PROBE: every instant we write (now, at, nextTimerAt, documents) in UTC 'Z'",
    "nosteps": "PROBE: the optional steps field omitted",
    "stepalias": "PROBE: steps reported under their normalised aliases CM_REQ_OFF_VNB_08/12/15",
    "qrpretty": "PROBE: QR documents pretty-printed with XML declaration (OFF-QR-PAYLOAD: PASS)",
    "revorder": "PROBE: simultaneous outbox entries in reverse sending order (ANTWORT before notice)",
    "coarsetimer": "PROBE: nextTimerAt = the deadline itself (not deadline + 1 ms), as 'the deadlines it knows'",
}
MUTANT = os.environ.get("MUTANT", "")
if MUTANT and MUTANT not in MUTANTS:
    sys.exit(f"unknown MUTANT {MUTANT!r}; known: {', '.join(MUTANTS)}")

NS_CT = "http://www.ebutilities.at/schemata/customerprocesses/common/types/01p20"
NS_REQ = "http://www.ebutilities.at/schemata/customerconsent/cmrequest/01p30"
NS_NOTIF = "http://www.ebutilities.at/schemata/customerconsent/cmnotification/01p20"
NS_REV = "http://www.ebutilities.at/schemata/customerconsent/cmrevoke/01p10"
NS_DATA = "urn:consent-sim:eda-sim:data:1"

GROUPING_RE = re.compile(r"^[0-9A-Za-z]{1,35}$")
MP_RE = re.compile(r"^[0-9A-Za-z]{1,33}$")
INSTANT_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")


class ProtocolError(Exception):
    def __init__(self, status, code, field, message):
        super().__init__(message)
        self.status, self.code, self.field, self.message = status, code, field, message


# ---------------------------------------------------------------- time helpers

def parse_instant(value, field):
    if not isinstance(value, str) or not INSTANT_RE.match(value):
        raise ProtocolError(400, "bad-field", field,
                            f"{field} must be an ISO 8601 instant with offset, got {json.dumps(value)}")
    v = value.replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        raise ProtocolError(400, "bad-field", field, f"{field} is not a valid instant: {value}")
    return to_ms(dt)


def to_ms(dt):
    return int(round(dt.timestamp() * 1000))


def from_ms(ms, zone):
    return datetime.fromtimestamp(ms / 1000, tz=zone)


def fmt(ms, zone):
    if MUTANT == "utcfmt":
        zone = timezone.utc
    d = from_ms(ms, zone)
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    s += ".%03d" % (ms % 1000)
    off = d.utcoffset()
    total = int(off.total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    s += "%s%02d:%02d" % (sign, total // 3600, (total % 3600) // 60)
    return s


def local_date(ms, zone):
    return from_ms(ms, zone).date()


def add_calendar_days(ms, days, zone):
    """Same local wall-clock time `days` calendar days later in `zone` (OFF-DAYS)."""
    d = from_ms(ms, zone)
    naive = d.replace(tzinfo=None) + timedelta(days=days)
    # wall-clock time re-localised; a time in a spring-forward gap moves forward by the gap
    # (fold=0 takes the offset before the change), an ambiguous one takes the earlier offset.
    return to_ms(naive.replace(tzinfo=zone, fold=0))


def add_calendar_months(ms, months, zone):
    d = from_ms(ms, zone).replace(tzinfo=None)
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    import calendar
    day = min(d.day, calendar.monthrange(y, m)[1])
    return to_ms(d.replace(year=y, month=m, day=day).replace(tzinfo=zone, fold=0))


# ---------------------------------------------------------------- ids

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def crc8_dvb_s2(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0xD5) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def cmrequest_id(message_id):
    c = zlib.crc32(message_id.encode("utf-8")) & 0xFFFFFFFF
    four = c.to_bytes(4, "big")
    return base64.b32encode(four + bytes([crc8_dvb_s2(four)])).decode("ascii")


class IdGen:
    """Our own id scheme: <address> 'Z' <base36 digest> (MessageId/ConversationId, ≤ 35 chars)."""

    def __init__(self, seed, test_id):
        self.seed = seed
        self.test_id = test_id
        self.n = itertools.count(1)

    def _token(self, kind, length):
        n = next(self.n)
        h = hashlib.sha256(f"{self.test_id}|{self.seed}|{kind}|{n}".encode()).digest()
        num = int.from_bytes(h, "big")
        out = ""
        alphabet = "0123456789abcdefghijklmnopqrstuvwxyz".upper()
        while len(out) < length:
            num, r = divmod(num, 36)
            out += alphabet[r]
        return out

    def message_id(self, addr):
        return f"{addr}Z{self._token('msg', 26)}"

    def conversation_id(self, addr):
        return f"{addr}C{self._token('conv', 20)}"

    def consent_id(self, addr, at_ms, zone, template_message_id):
        # real-world shape (digest): address + Vienna yyyyMMddHHmmssSSS + CMRequestId
        d = from_ms(at_ms, zone)
        stamp = d.strftime("%Y%m%d%H%M%S") + "%03d" % (at_ms % 1000)
        return f"{addr}{stamp}{cmrequest_id(template_message_id)}"


# ---------------------------------------------------------------- XML helpers

def esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def routing(sender, receiver, created, code):
    return (f'<cp:MarketParticipantDirectory DocumentMode="PROD" Duplicate="false" SchemaVersion="{{ver}}">'
            f'<ct:RoutingHeader><ct:Sender AddressType="ECNumber"><ct:MessageAddress>{esc(sender)}</ct:MessageAddress></ct:Sender>'
            f'<ct:Receiver AddressType="ECNumber"><ct:MessageAddress>{esc(receiver)}</ct:MessageAddress></ct:Receiver>'
            f'<ct:DocumentCreationDateTime>{esc(created)}</ct:DocumentCreationDateTime></ct:RoutingHeader>'
            f'<ct:Sector>01</ct:Sector><cp:MessageCode>{esc(code)}</cp:MessageCode></cp:MarketParticipantDirectory>')


REQ_FIELDS = [("reqDatType", "ReqDatType"), ("dateFrom", "DateFrom"), ("dateTo", "DateTo"),
              ("meteringIntervall", "MeteringIntervall"), ("transmissionCycle", "TransmissionCycle"),
              ("ecid", "ECID"), ("ecPartFact", "ECPartFact"), ("ecShare", "ECShare"),
              ("energyDirection", "EnergyDirection"), ("purpose", "Purpose")]


def cmrequest_doc(sender, receiver, created, message_id, conv, process_date, mp, cmreq_id,
                  consent_id, request):
    body = "".join(f"<cp:{el}>{esc(request[k])}</cp:{el}>" for k, el in REQ_FIELDS
                   if request.get(k) not in (None, ""))
    return (f'<cp:CMRequest xmlns:cp="{NS_REQ}" xmlns:ct="{NS_CT}">'
            + routing(sender, receiver, created, "ANFORDERUNG_CMQF").replace("{ver}", "01.30")
            + f'<cp:ProcessDirectory><ct:MessageId>{message_id}</ct:MessageId>'
            f'<ct:ConversationId>{conv}</ct:ConversationId><cp:ProcessDate>{process_date}</cp:ProcessDate>'
            f'<cp:MeteringPoint>{esc(mp)}</cp:MeteringPoint><cp:CMRequestId>{cmreq_id}</cp:CMRequestId>'
            f'<cp:ConsentId>{consent_id}</cp:ConsentId><cp:CMRequest>{body}</cp:CMRequest>'
            f'</cp:ProcessDirectory></cp:CMRequest>')


def cmnotification_doc(code, sender, receiver, created, message_id, conv, cmreq_id, responses):
    rd = ""
    for consent_id, mp, rc in responses:
        rd += "<cp:ResponseData>"
        if consent_id:
            rd += f"<cp:ConsentId>{esc(consent_id)}</cp:ConsentId>"
        if mp:
            rd += f"<cp:MeteringPoint>{esc(mp)}</cp:MeteringPoint>"
        rd += f"<cp:ResponseCode>{int(rc)}</cp:ResponseCode></cp:ResponseData>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<cp:CMNotification xmlns:cp="{NS_NOTIF}" xmlns:ct="{NS_CT}">'
            + routing(sender, receiver, created, code).replace("{ver}", "01.20")
            + f'<cp:ProcessDirectory><ct:MessageId>{message_id}</ct:MessageId>'
            f'<ct:ConversationId>{esc(conv)}</ct:ConversationId><cp:CMRequestId>{esc(cmreq_id)}</cp:CMRequestId>'
            f'{rd}</cp:ProcessDirectory></cp:CMNotification>\n')


def cmrevoke_doc(sender, receiver, created, message_id, conv, consent_id, mp, consent_end):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<cp:CMRevoke xmlns:cp="{NS_REV}" xmlns:ct="{NS_CT}">'
            + routing(sender, receiver, created, "AUFHEBUNG_CCMC").replace("{ver}", "01.10")
            + f'<cp:ProcessDirectory><ct:MessageId>{message_id}</ct:MessageId>'
            f'<ct:ConversationId>{conv}</ct:ConversationId><cp:ConsentId>{esc(consent_id)}</cp:ConsentId>'
            f'<cp:MeteringPoint>{esc(mp)}</cp:MeteringPoint><cp:ConsentEnd>{consent_end}</cp:ConsentEnd>'
            f'<cp:Reason>customer</cp:Reason></cp:ProcessDirectory></cp:CMRevoke>\n')


def data_doc(sender, receiver, created, message_id, conv, consent_id, mp, pfrom, pto, intervall, trigger):
    if MUTANT == "dataalt":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<md:MeterDataDelivery xmlns:md="urn:example:vnb-indep:meterdata:1" code="DATEN_CRMSG">'
                f'<md:Consent id="{esc(consent_id)}" meteringPoint="{esc(mp)}"/>'
                f'<md:Period start="{pfrom}" end="{pto}" resolution="{esc(intervall or "")}"/>'
                f'<md:Reason>{trigger}</md:Reason></md:MeterDataDelivery>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<ConsumptionRecord xmlns="{NS_DATA}">'
            f'<Sender>{esc(sender)}</Sender><Receiver>{esc(receiver)}</Receiver>'
            f'<DocumentCreationDateTime>{created}</DocumentCreationDateTime>'
            f'<MessageCode>DATEN_CRMSG</MessageCode><MessageId>{message_id}</MessageId>'
            f'<ConversationId>{esc(conv)}</ConversationId><ConsentId>{esc(consent_id)}</ConsentId>'
            f'<MeteringPoint>{esc(mp)}</MeteringPoint><PeriodFrom>{pfrom}</PeriodFrom><PeriodTo>{pto}</PeriodTo>'
            + (f'<MeteringIntervall>{esc(intervall)}</MeteringIntervall>' if intervall else "")
            + f'<Trigger>{trigger}</Trigger></ConsumptionRecord>\n')


def local(tag):
    return tag.rsplit("}", 1)[-1]


def ns_of(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def child(el, name):
    if el is None:
        return None
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def text(el, name):
    c = child(el, name)
    return c.text.strip() if c is not None and c.text is not None else None


class Invalid(Exception):
    pass


# ---------------------------------------------------------------- CMRequest 01.30 (from the XSD)
# Element sequences, occurrences, attributes and simple types of CMRequest_01p30.xsd and
# CPCommonTypes_01p20.xsd, read off the schema files: a document that breaks any is refused 76.

def T(base, **facets):
    return dict(base=base, **facets)


T_GROUPING = T("string", minl=1, maxl=35, pattern=r"[0-9A-Za-z]*")
T_MP = T("string", minl=1, maxl=33, pattern=r"[0-9A-Za-z]*")
T_ADDRESS = T("string", minl=1, maxl=35)


def E(name, ns, typ=None, mn=1, mx=1, children=None, attrs=()):
    return dict(name=name, ns=ns, type=typ, min=mn, max=mx, children=children, attrs=attrs)


def A(name, typ):
    return dict(name=name, type=typ)


def _address(name):
    return E(name, NS_CT, children=[E("MessageAddress", NS_CT, T_ADDRESS)],
             attrs=[A("AddressType", T("string", enum=("ECNumber", "Other")))])


CMREQUEST_0130 = E("CMRequest", NS_REQ, children=[
    E("MarketParticipantDirectory", NS_REQ, attrs=[
        A("DocumentMode", T("token", enum=("PROD", "SIMU"))),
        A("Duplicate", T("boolean")),
        A("SchemaVersion", T("token", enum=("01.30",))),
    ], children=[
        E("RoutingHeader", NS_CT, children=[
            _address("Sender"), _address("Receiver"),
            E("DocumentCreationDateTime", NS_CT, T("dateTime")),
        ]),
        E("Sector", NS_CT, T("token", enum=("01", "02", "03", "04", "05", "06", "07", "08", "09", "99"))),
        E("MessageCode", NS_REQ, T("string", minl=1, maxl=20)),
    ]),
    E("ProcessDirectory", NS_REQ, children=[
        E("MessageId", NS_CT, T_GROUPING),
        E("ConversationId", NS_CT, T_GROUPING),
        E("ProcessDate", NS_REQ, T("date")),
        E("MeteringPoint", NS_REQ, T_MP, mn=0),
        E("CMRequestId", NS_REQ, T_GROUPING),
        E("ConsentId", NS_REQ, T_GROUPING, mn=0),
        E("CMRequest", NS_REQ, mn=0, children=[
            E("ReqDatType", NS_REQ, T("string", minl=1, maxl=30)),
            E("DateFrom", NS_REQ, T("date")),
            E("DateTo", NS_REQ, T("date"), mn=0),
            E("MeteringIntervall", NS_REQ, T("token", enum=("QH", "H", "D", "V")), mn=0),
            E("TransmissionCycle", NS_REQ, T("token", enum=("D", "M", "V")), mn=0),
            E("ECID", NS_REQ, T_MP, mn=0),
            E("ECPartFact", NS_REQ, T("decimal", fd=0, lo=0, hi=100), mn=0),
            E("ECShare", NS_REQ, T("decimal", fd=4, lo=0, hi=100), mn=0),
            E("EnergyDirection", NS_REQ, T("token", enum=("CONSUMPTION", "GENERATION")), mn=0),
            E("Purpose", NS_REQ, T("string", collapse=True, minl=1, maxl=100), mn=0),
        ]),
        E("AdditionalData", NS_REQ, T("string", collapse=True, minl=1, maxl=120), mn=0, mx=1000,
          attrs=[A("Name", T("string", collapse=True, minl=1, maxl=40))]),
    ]),
])

_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$")
_DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def check_value(t, raw, where):
    v = raw if t["base"] == "string" and not t.get("collapse") else " ".join(raw.split())
    base = t["base"]
    try:
        if base == "date":
            if not _DATE.match(v):
                raise ValueError
            date.fromisoformat(v[:10])
        elif base == "dateTime":
            if not _DATETIME.match(v):
                raise ValueError
            date.fromisoformat(v[:10])
            if int(v[11:13]) > 23 or int(v[14:16]) > 59 or int(v[17:19]) > 59:
                raise ValueError
        elif base == "boolean" and v not in ("true", "false", "1", "0"):
            raise ValueError
        elif base == "decimal" and not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", v):
            raise ValueError
    except ValueError:
        raise Invalid(f"{where}: {v!r} is not an xsd:{base}")
    if "minl" in t and len(v) < t["minl"] or "maxl" in t and len(v) > t["maxl"]:
        raise Invalid(f"{where}: {len(v)} characters")
    if "pattern" in t and not re.fullmatch(t["pattern"], v):
        raise Invalid(f"{where}: pattern")
    if "enum" in t and v not in t["enum"]:
        raise Invalid(f"{where}: not one of {t['enum']}")
    if base == "decimal":
        frac = v.split(".")[1].rstrip("0") if "." in v else ""
        if "fd" in t and len(frac) > t["fd"] or not t.get("lo", float("-inf")) <= float(v) <= t.get("hi", float("inf")):
            raise Invalid(f"{where}: {v} out of range")


def check_element(el, spec, where):
    for a in spec["attrs"]:
        value = el.get(a["name"])
        if value is None:
            raise Invalid(f"{where}/@{a['name']} missing")
        check_value(a["type"], value, f"{where}/@{a['name']}")
    kids = spec["children"]
    if kids is None:
        if len(el):
            raise Invalid(f"{where} has child elements")
        return check_value(spec["type"], el.text or "", where)
    if (el.text or "").strip():
        raise Invalid(f"{where} has text")
    counts = [0] * len(kids)
    at = 0
    for c in el:
        name, ns = local(c.tag), ns_of(c.tag)
        i = next((k for k in range(at, len(kids)) if kids[k]["name"] == name and kids[k]["ns"] == ns), None)
        if i is None:
            raise Invalid(f"{where}/{name}: unknown, out of order or in another namespace")
        counts[i] += 1
        if counts[i] > kids[i]["max"]:
            raise Invalid(f"{where}/{name}: more than {kids[i]['max']}")
        at = i
        check_element(c, kids[i], f"{where}/{name}")
    for k, n in zip(kids, counts):
        if n < k["min"]:
            raise Invalid(f"{where}/{k['name']} missing")


def parse_cmrequest(xml):
    """Namespace-aware parse + structural check of an ANFORDERUNG_CMQF (CMRequest 01.xx)."""
    try:
        root = ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except ET.ParseError as e:
        raise Invalid(f"not well-formed: {e}")
    if local(root.tag) != "CMRequest" or not ns_of(root.tag).startswith(
            "http://www.ebutilities.at/schemata/customerconsent/cmrequest/"):
        raise Invalid("root is not cp:CMRequest")
    # xml.etree reads a DOCTYPE and expands internal entities: refuse them before anything else.
    if re.search(r"<!DOCTYPE", xml if isinstance(xml, str) else xml.decode("utf-8", "replace")):
        raise Invalid("a DOCTYPE is not read")
    if ns_of(root.tag) == NS_REQ:
        check_element(root, CMREQUEST_0130, "/CMRequest")
    mpd = child(root, "MarketParticipantDirectory")
    pd = child(root, "ProcessDirectory")
    if mpd is None or pd is None:
        raise Invalid("MarketParticipantDirectory/ProcessDirectory missing")
    rh = child(mpd, "RoutingHeader")
    sender = text(child(rh, "Sender"), "MessageAddress")
    receiver = text(child(rh, "Receiver"), "MessageAddress")
    created = text(rh, "DocumentCreationDateTime")
    if not sender or not receiver or not created:
        raise Invalid("RoutingHeader incomplete")
    if mpd.get("DocumentMode") not in ("PROD", "SIMU") or mpd.get("Duplicate") not in (
            "true", "false", "0", "1") or not mpd.get("SchemaVersion"):
        raise Invalid("MarketParticipantDirectory attributes")
    if text(mpd, "Sector") is None or not text(mpd, "MessageCode"):
        raise Invalid("Sector/MessageCode missing")
    f = {k: text(pd, k) for k in ("MessageId", "ConversationId", "ProcessDate", "MeteringPoint",
                                  "CMRequestId", "ConsentId")}
    for k in ("MessageId", "ConversationId", "CMRequestId"):
        if not f[k] or not GROUPING_RE.match(f[k]):
            raise Invalid(f"{k} missing or invalid")
    if f["ConsentId"] is not None and not GROUPING_RE.match(f["ConsentId"]):
        raise Invalid("ConsentId invalid")
    if f["MeteringPoint"] is not None and not MP_RE.match(f["MeteringPoint"]):
        raise Invalid("MeteringPoint invalid")
    try:
        date.fromisoformat(f["ProcessDate"] or "")
    except ValueError:
        raise Invalid("ProcessDate invalid")
    req = child(pd, "CMRequest")
    request = {}
    if req is not None:
        for k, el in REQ_FIELDS:
            v = text(req, el)
            if v is not None:
                request[k] = v
        if "reqDatType" not in request or "dateFrom" not in request:
            raise Invalid("CMRequest needs ReqDatType and DateFrom")
        for k in ("dateFrom", "dateTo"):
            if k in request:
                try:
                    date.fromisoformat(request[k])
                except ValueError:
                    raise Invalid(f"{k} invalid")
        if request.get("meteringIntervall") not in (None, "QH", "H", "D", "V"):
            raise Invalid("MeteringIntervall invalid")
        if request.get("transmissionCycle") not in (None, "D", "M", "V"):
            raise Invalid("TransmissionCycle invalid")
    f.update(sender=sender, receiver=receiver, messageCode=text(mpd, "MessageCode"), request=request)
    return f


def salvage(xml, name):
    m = re.search(r"<(?:[A-Za-z0-9_]+:)?%s>([0-9A-Za-z]{1,35})</" % name, xml or "")
    return m.group(1) if m else None


# ---------------------------------------------------------------- the DSO

class Consent:
    def __init__(self, cid, mp, request, issued_at, red_deadline):
        self.id = cid
        self.mp = mp
        self.request = request
        self.issued_at = issued_at
        self.red_deadline = red_deadline
        self.status = "issued"  # issued, redeemed, active, rejected, expired, invalidated, revoked
        self.redemption = None  # dict: sp, conv, cmreq, received_at, obj_deadline, request
        self.activated_at = None
        self.timers = {}


class Test:
    def __init__(self, req):
        self.lock = threading.Lock()
        self.id = req["testId"]
        self.seed = req.get("seed", 0)
        self.zone = ZoneInfo(req["zone"])
        self.day_zone = timezone.utc if MUTANT == "utc" else self.zone
        self.now = parse_instant(req["start"], "$.start")
        self.parties = req["parties"]
        self.params = req.get("parameters") or {}
        me = next((p for p in self.parties if p.get("role") == "vnb"), None)
        if me is None:
            raise ProtocolError(400, "bad-field", "$.parties", "$.parties has no party with role vnb")
        self.me = me
        self.addr = me["address"]
        self.ids = IdGen(self.seed, self.id)
        self.consents = {}
        self.seen_ids = set()
        self.deliveries = set()
        self.timers = []  # heap (due, seq, kind, consent_id, extra)
        self.seq = itertools.count()
        self.cancelled = set()
        self.outbox = []
        self.steps = []
        self.customer_channel = {}
        self.deadline_timers = set()

    # -- helpers
    def party(self, pid):
        for p in self.parties:
            if p.get("id") == pid or p.get("address") == pid:
                return p
        return None

    def party_by_role(self, role):
        return next((p for p in self.parties if p.get("role") == role), None)

    def step(self, s, at):
        self.steps.append({"step": s, "at": fmt(at, self.zone)})

    def send(self, at, channel, to, code, document, content=None, step=None):
        if MUTANT == "toaddr":
            p = self.party(to)
            to = (p or {}).get("address") or to
        e = {"channel": channel, "to": to, "messageCode": code, "document": document,
             "at": fmt(at, self.zone), "step": step}
        if content is not None:
            e["content"] = content
        self.outbox.append(e)

    def mail(self, at, channel, to, subject, body, topic, step=None, qr=None):
        content = {"subject": subject, "text": body, "topic": topic}
        if qr is not None:
            content["qrPayload"] = qr
        me = self.me.get("name") or self.addr
        cust = self.party(to)
        cname = (cust or {}).get("name") or to
        doc = f"{channel.upper()} from {me} to {cname}\nSubject: {subject}\n\n{body}"
        if qr is not None:
            doc += f"\n[QR code, {len(qr.encode('utf-8'))} bytes of CMRequest documents]"
        self.send(at, channel, to, None, doc, content, step)

    def schedule(self, due, kind, cid, extra=None):
        key = next(self.seq)
        heapq.heappush(self.timers, (due, key, kind, cid, extra))
        return key

    def cancel(self, key):
        if key is not None:
            self.cancelled.add(key)

    def next_timer(self):
        while self.timers and self.timers[0][1] in self.cancelled:
            heapq.heappop(self.timers)
        return self.timers[0][0] if self.timers else None

    def advance(self, t):
        if t < self.now:
            raise ProtocolError(409, "clock-backwards", None, "time must not move back")
        while True:
            due = self.next_timer()
            if due is None or due > t:
                break
            due, key, kind, cid, extra = heapq.heappop(self.timers)
            self.now = max(self.now, due)
            self.fire(due, kind, cid, extra)
        self.now = t

    def timeout_at(self, deadline):
        t = deadline if MUTANT == "exclusive" else deadline + 1
        self.deadline_timers.add(t)
        return t

    def in_time(self, at, deadline):
        return at < deadline if MUTANT == "exclusive" else at <= deadline

    # -- deadlines
    def redemption_deadline(self, issued):
        if MUTANT == "red24h":
            return issued + 30 * 86400000
        return add_calendar_days(issued, 30, self.day_zone)

    def objection_deadline(self, received):
        if MUTANT == "obj5x24":
            return received + 5 * 86400000
        return add_calendar_days(received, 4 if MUTANT == "obj4" else 5, self.day_zone)

    # -- timers
    def fire(self, at, kind, cid, extra):
        c = self.consents.get(cid)
        if c is None:
            return
        if kind == "redemption" and c.status == "issued":
            self.step("CM_REQ_OFF_VNB_17", at)
            c.status = "expired"
            self.step("CM_REQ_OFF_VNB_18", at)
            self.step("CM_REQ_OFF_VNB_19", at)
        elif kind == "objection" and c.status == "redeemed":
            self.step("CM_REQ_OFF_VNB_10", at)
            self.step("CM_REQ_OFF_VNB_14", at)
            self.step("CM_REQ_ONL_VNB_15", at)
            c.status = "active"
            c.activated_at = at
            r = c.redemption
            code = 99 if MUTANT == "grant99" else 175
            self.step("CM_REQ_OFF_VNB_16", at)
            self.answer(at, "ANTWORT_CMQF", r["sp"], r["conv"], r["cmreq"], [(c.id, c.mp, code)],
                        "CM_REQ_OFF_VNB_16")
            self.schedule_delivery(c, 1)
        elif kind == "delivery" and (c.status == "active" or (MUTANT == "earlyperiodic" and c.status == "redeemed")):
            k = extra
            start = self.cycle(c, k - 1)
            r = c.redemption
            sp = self.party(r["sp"])
            self.send(at, "eda", r["sp"], "DATEN_CRMSG",
                      data_doc(self.addr, sp["address"], fmt(at, self.zone), self.ids.message_id(self.addr),
                               r["conv"], c.id, c.mp, fmt(start, self.zone), fmt(at, self.zone),
                               r["request"].get("meteringIntervall"), "periodic"))
            self.schedule_delivery(c, k + 1)

    def cycle(self, c, k):
        tc = c.redemption["request"].get("transmissionCycle")
        if tc == "D":
            return add_calendar_days(c.activated_at, k, self.zone)
        return add_calendar_months(c.activated_at, k, self.zone)

    def schedule_delivery(self, c, k):
        tc = c.redemption["request"].get("transmissionCycle")
        if tc not in ("D", "M"):
            return
        covered_start = self.cycle(c, k - 1)
        date_to = c.redemption["request"].get("dateTo")
        if date_to and local_date(covered_start, self.zone) > date.fromisoformat(date_to):
            return
        c.timers["delivery"] = self.schedule(self.cycle(c, k), "delivery", c.id, k)

    # -- EDA answers
    def answer(self, at, code, to, conv, cmreq, responses, step):
        sp = self.party(to)
        receiver = (sp or {}).get("address") or to
        if MUTANT == "badconv":
            conv, cmreq = self.ids.conversation_id(self.addr), "AAAAAAAA"
        if MUTANT == "noconsentid":
            responses = [(None, None, rc) for _, _, rc in responses]
        self.send(at, "eda", to, code,
                  cmnotification_doc(code, self.addr, receiver, fmt(at, self.zone),
                                     self.ids.message_id(self.addr), conv, cmreq, responses), step=step)

    # -- deliveries
    def deliver(self, d):
        at = self.now
        ch = d["channel"]
        code = d.get("messageCode")
        if ch in ("email", "post", "phone", "handover") and d.get("content"):
            topic = (d["content"] or {}).get("topic") or {}
            kind = topic.get("kind")
            if kind == "application":
                return self.on_application(at, d, topic.get("application") or {})
            if kind == "objection":
                return self.on_objection(at, d, topic.get("consentIds") or [])
            return
        if ch == "eda":
            doc = d.get("document")
            if not isinstance(doc, str) or "<" not in doc:
                raise ProtocolError(422, "bad-document", "$.document", "document is not XML")
            if code == "ANFORDERUNG_CMQF" or (code is None and "CMRequest" in doc):
                return self.on_request(at, d, doc)
            if code == "ANFORDERUNG_DATEN" or (code is None and "DataRequest" in doc):
                return self.on_data_request(at, d, doc)
            # ANTWORT_CCMC and anything else: recorded, nothing to send
            return
        if ch == "stimulus":
            raise ProtocolError(422, "unsupported", "$.stimulus",
                                f"the DSO does not act on stimulus {d.get('stimulus')!r}")

    def on_application(self, at, d, app):
        cust = d["from"]
        chosen = app.get("confirmationChannel") or (self.party(cust) or {}).get("channel") or "email"
        can_auth = app.get("canAuthenticate")
        if can_auth is None:
            can_auth = self.params.get("customerCanAuthenticate", True)
        if can_auth is False or self.params.get("customerCanAuthenticate") is False:
            self.mail(at, d["channel"], cust, "Datenfreigabe: Authentifizierung fehlgeschlagen",
                      "Ihre Identität konnte nicht bestätigt werden. Es wurde keine Datenfreigabe angelegt.",
                      {"kind": "notAuthenticated"})
            self.step("CM_REQ_OFF_VNB_19", at)
            return
        mps = app.get("meteringPoints") or []
        request = app.get("request") or self.params.get("request") or {}
        created = []
        docs = []
        self.step("CM_REQ_OFF_VNB_01", at)
        for mp in mps:
            tmpl_msg = self.ids.message_id(self.addr)
            cid = self.ids.consent_id(self.addr, at, self.zone, tmpl_msg)
            created.append((cid, mp))
            docs.append(cmrequest_doc(self.addr, self.addr, fmt(at, self.zone), tmpl_msg,
                                      self.ids.conversation_id(self.addr), local_date(at, self.zone).isoformat(),
                                      mp, cmrequest_id(tmpl_msg), cid, request))
        self.step("CM_REQ_OFF_VNB_02", at)
        if MUTANT == "qrpretty":
            docs = ['<?xml version="1.0" encoding="UTF-8"?>\n' + x.replace("><", ">\n  <") for x in docs]
        payload = "\n".join(docs)
        size = len(payload.encode("utf-8"))
        if size > QR_CAPACITY_M:
            for cid, mp in created:
                c = Consent(cid, mp, request, at, None)
                c.status = "invalidated"
                self.consents[cid] = c
            self.mail(at, chosen, cust, "Datenfreigabe: bitte Online-Verfahren nutzen",
                      "Ihr Antrag passt nicht in einen QR-Code. Bitten Sie Ihren Dienstleister, "
                      "die Datenfreigabe online (CM_REQ_ONL) anzufragen.",
                      {"kind": "useOnlineProcess", "payloadBytes": size, "capacityBytes": QR_CAPACITY_M},
                      step="CM_REQ_OFF_VNB_02")
            self.step("CM_REQ_OFF_VNB_18", at)
            self.step("CM_REQ_OFF_VNB_19", at)
            return
        self.step("CM_REQ_OFF_VNB_03", at)
        self.mail(at, chosen, cust, "Ihr QR-Code zur Datenfreigabe",
                  "Bitte geben Sie den beiliegenden QR-Code binnen 30 Tagen an Ihren Dienstleister weiter.",
                  {"kind": "qrCode", "consentIds": [c for c, _ in created]},
                  step="CM_REQ_OFF_VNB_03", qr=payload)
        self.step("CM_REQ_OFF_VNB_04", at)
        for cid, mp in created:
            dl = self.redemption_deadline(at)
            c = Consent(cid, mp, request, at, dl)
            c.customer = cust
            c.channel = chosen
            self.consents[cid] = c
            c.timers["redemption"] = self.schedule(self.timeout_at(dl), "redemption", cid)

    def reject(self, at, to, f, code, conv=None, cmreq=None):
        if MUTANT == "poscode" and code == 180:
            code = 99
        self.answer(at, "ABLEHNUNG_CMQF", to, conv or f.get("ConversationId"), cmreq or f.get("CMRequestId"),
                    [(f.get("ConsentId"), f.get("MeteringPoint"), code)], "CM_REQ_OFF_VNB_06")

    def on_request(self, at, d, doc):
        sp_id = d["from"]
        self.step("CM_REQ_OFF_VNB_05", at)
        self.step("CM_REQ_OFF_VNB_06", at)
        try:
            f = parse_cmrequest(doc)
        except Invalid:
            msg = salvage(doc, "MessageId")
            conv = salvage(doc, "ConversationId") or self.ids.conversation_id(self.addr)
            cmreq = salvage(doc, "CMRequestId") or cmrequest_id(msg or self.ids.message_id(self.addr))
            self.answer(at, "ABLEHNUNG_CMQF", sp_id, conv, cmreq, [(None, None, 76)], "CM_REQ_OFF_VNB_06")
            return
        # 1 duplicate
        dup = f["MessageId"] in self.seen_ids or f["CMRequestId"] in self.seen_ids
        self.seen_ids.add(f["MessageId"])
        self.seen_ids.add(f["CMRequestId"])
        if dup and MUTANT == "dupreanswer":
            c = self.consents.get(f["ConsentId"] or "")
            if c is not None and c.redemption is not None:
                self.answer(at, "ANTWORT_CMQF", sp_id, f["ConversationId"], f["CMRequestId"],
                            [(c.id, c.mp, 99)], "CM_REQ_OFF_VNB_09")
                return
        if dup and MUTANT != "dupaccept":
            return self.reject(at, sp_id, f, 179)
        # 2 sender registered, metering point present
        sp = self.party(sp_id) or {}
        sender_party = self.party(f["sender"])
        registered = sp.get("registered", True) is not False and sp.get("role") == "sp"
        # The document's Sender must be a registered service provider of the test too.
        if sender_party is None or sender_party.get("registered", True) is False:
            registered = False
        if not registered or not f["MeteringPoint"]:
            return self.reject(at, sp_id, f, 76)
        # 3 metering point belongs to this DSO
        if not f["MeteringPoint"].startswith(self.addr):
            return self.reject(at, sp_id, f, 56)
        # 4 ConsentId known
        c = self.consents.get(f["ConsentId"]) if f["ConsentId"] else None
        if c is None:
            return self.reject(at, sp_id, f, 177)
        # 5 ConsentId ended (the redemption timer has fired already if due; check the deadline too)
        ended = c.status in ("expired", "invalidated", "rejected", "revoked")
        if c.status == "issued" and not self.in_time(at, c.red_deadline):
            ended = True
        if ended and not (MUTANT == "expiredok" and c.status == "expired"):
            return self.reject(at, sp_id, f, 180)
        # 6 metering point of the ConsentId
        if f["MeteringPoint"] != c.mp:
            return self.reject(at, sp_id, f, 177 if MUTANT == "wrongneg" else 187)
        # 7 already redeemed
        if c.status in ("redeemed", "active"):
            return self.reject(at, sp_id, f, 178)
        # valid
        if self.params.get("dsoBackendFails"):
            self.cancel(c.timers.pop("redemption", None))
            c.status = "invalidated"
            self.answer(at, "ABLEHNUNG_CMQF", sp_id, f["ConversationId"], f["CMRequestId"],
                        [(c.id, c.mp, 174)], "CM_REQ_OFF_VNB_06")
            cust = getattr(c, "customer", None) or (self.party_by_role("customer") or {}).get("id")
            self.mail(at, getattr(c, "channel", "email"), cust, "Datenfreigabe: Fehler bei der Bearbeitung",
                      f"Bei der Bearbeitung der Datenfreigabe {c.id} ist ein Fehler aufgetreten. "
                      "Die Daten bleiben nicht freigegeben.",
                      {"kind": "functionalError", "consentId": c.id}, step="CM_REQ_OFF_VNB_06")
            self.step("CM_REQ_OFF_VNB_18", at)
            self.step("CM_REQ_OFF_VNB_19", at)
            return
        obj_dl = self.objection_deadline(at)
        c.redemption = {"sp": sp_id, "conv": f["ConversationId"], "cmreq": f["CMRequestId"],
                        "received_at": at, "obj_deadline": obj_dl,
                        "request": f["request"] or c.request}
        c.status = "redeemed"
        cust = getattr(c, "customer", None) or (self.party_by_role("customer") or {}).get("id")
        if MUTANT != "nonotice":
            self.mail(at, getattr(c, "channel", "email"), cust, "Ihre Datenfreigabe wurde eingelöst",
                      f"Ein Dienstleister ({f['sender']}) hat die Datenfreigabe {c.id} für den Zählpunkt "
                      f"{c.mp} eingelöst. Sie können bis {fmt(obj_dl, self.zone)} widersprechen.",
                      {"kind": "consentRequestNotice", "consentId": c.id, "meteringPoint": c.mp,
                       "serviceProvider": f["sender"],
                       "objectionDeadline": obj_dl - (86400000 if MUTANT == "baddeadline" else 0)},
                      step="CM_REQ_OFF_VNB_07")
        self.step("CM_REQ_OFF_VNB_07", at)
        self.cancel(c.timers.pop("redemption", None))
        self.step("CM_REQ_OFF_VNB_20", at)
        self.step("CM_REQ_ONL_VNB_08", at)
        self.step("CM_REQ_OFF_VNB_09", at)
        self.answer(at, "ANTWORT_CMQF", sp_id, f["ConversationId"], f["CMRequestId"], [(c.id, c.mp, 99)],
                    "CM_REQ_OFF_VNB_09")
        c.timers["objection"] = self.schedule(self.timeout_at(obj_dl), "objection", c.id)
        if MUTANT == "earlyperiodic":
            c.activated_at = at
            c.status_for_data = True
            self.schedule_delivery(c, 1)

    def on_objection(self, at, d, consent_ids):
        if MUTANT == "ignoreobj":
            return
        for cid in consent_ids:
            c = self.consents.get(cid)
            if c is None:
                continue
            if c.status == "redeemed" and self.in_time(at, c.redemption["obj_deadline"]):
                self.step("CM_REQ_OFF_VNB_10", at)
                self.cancel(c.timers.pop("objection", None))
                self.step("CM_REQ_OFF_VNB_11", at)
                self.step("CM_REQ_ONL_VNB_12", at)
                c.status = "rejected"
                r = c.redemption
                self.step("CM_REQ_OFF_VNB_13", at)
                self.answer(at, "ABLEHNUNG_CMQF", r["sp"], r["conv"], r["cmreq"], [(c.id, c.mp, 172)],
                            "CM_REQ_OFF_VNB_13")
                self.step("CM_REQ_OFF_VNB_19", at)
            elif c.status == "active":
                # OFF-LATE-OBJECTION: CM_REV_CUS, AUFHEBUNG_CCMC to the SP
                c.status = "revoked"
                self.cancel(c.timers.pop("delivery", None))
                r = c.redemption
                sp = self.party(r["sp"]) or {}
                self.send(at, "eda", r["sp"], "AUFHEBUNG_CCMC",
                          cmrevoke_doc(self.addr, sp.get("address", r["sp"]), fmt(at, self.zone),
                                       self.ids.message_id(self.addr), self.ids.conversation_id(self.addr),
                                       c.id, c.mp, local_date(at, self.zone).isoformat()))

    def on_data_request(self, at, d, doc):
        try:
            root = ET.fromstring(doc.encode("utf-8"))
        except ET.ParseError:
            return
        g = {local(e.tag): (e.text or "").strip() for e in root}
        c = self.consents.get(g.get("ConsentId"))
        if c is None or c.redemption is None:
            return
        ok = c.status == "active" or (MUTANT == "earlydata" and c.status == "redeemed")
        if not ok or c.redemption["sp"] != d["from"]:
            return
        try:
            dfrom = date.fromisoformat(g["DateFrom"])
            dto = date.fromisoformat(g["DateTo"])
        except (KeyError, ValueError):
            return
        pfrom = to_ms(datetime(dfrom.year, dfrom.month, dfrom.day, tzinfo=self.zone))
        nxt = dto + timedelta(days=1)
        pto = to_ms(datetime(nxt.year, nxt.month, nxt.day, tzinfo=self.zone))
        r = c.redemption
        sp = self.party(r["sp"]) or {}
        self.send(at, "eda", r["sp"], "DATEN_CRMSG",
                  data_doc(self.addr, sp.get("address", r["sp"]), fmt(at, self.zone),
                           self.ids.message_id(self.addr), g.get("ConversationId") or r["conv"], c.id, c.mp,
                           fmt(pfrom, self.zone), fmt(pto, self.zone), r["request"].get("meteringIntervall"),
                           "on-request"))

    def answer_body(self):
        out = sorted(self.outbox, key=lambda e: parse_instant(e["at"], "at"))  # stable: ties keep order
        nt = self.next_timer()
        body = {"protocol": PROTOCOL, "testId": self.id, "now": fmt(self.now, self.zone), "outbox": out,
                "steps": self.steps,
                "nextTimerAt": None if (nt is None or MUTANT == "nonext") else fmt(nt, self.zone)}
        if MUTANT == "coarsetimer" and nt is not None and nt - 1 > self.now and nt in self.deadline_timers:
            body["nextTimerAt"] = fmt(nt - 1, self.zone)
        if MUTANT == "nosteps":
            del body["steps"]
        if MUTANT == "stepalias":
            alias = {"CM_REQ_ONL_VNB_08": "CM_REQ_OFF_VNB_08", "CM_REQ_ONL_VNB_12": "CM_REQ_OFF_VNB_12",
                     "CM_REQ_ONL_VNB_15": "CM_REQ_OFF_VNB_15"}
            body["steps"] = [{"step": alias.get(x["step"], x["step"]), "at": x["at"]} for x in body["steps"]]
        if MUTANT == "revorder":
            groups = {}
            for e in out:
                groups.setdefault(e["at"], []).append(e)
            body["outbox"] = [e for k in groups for e in reversed(groups[k])]
        self.outbox, self.steps = [], []
        return body


TESTS = {}
TESTS_LOCK = threading.Lock()


def require(body, field, typ, path=None):
    v = body.get(field)
    if not isinstance(v, typ) or (typ is str and v == ""):
        raise ProtocolError(400, "bad-field", path or f"$.{field}", f"{path or '$.' + field} is missing or has the wrong type")
    return v


def handle(path, body):
    if not isinstance(body, dict):
        raise ProtocolError(400, "bad-field", "$", "body must be a JSON object")
    if body.get("protocol") != PROTOCOL:
        raise ProtocolError(400, "bad-field", "$.protocol", f"$.protocol must be {PROTOCOL}")
    test_id = require(body, "testId", str)
    if path == "reset":
        if body.get("process") != "cm-req-off":
            raise ProtocolError(422, "unsupported", "$.process", "only cm-req-off is played")
        if body.get("role") != "vnb":
            raise ProtocolError(422, "unsupported", "$.role", "only the role vnb is played")
        require(body, "start", str)
        require(body, "zone", str)
        require(body, "parties", list)
        parse_instant(body["start"], "$.start")
        try:
            ZoneInfo(body["zone"])
        except Exception:
            raise ProtocolError(400, "bad-field", "$.zone", "unknown zone")
        t = Test(body)
        with TESTS_LOCK:
            TESTS[test_id] = t
        with t.lock:
            return t.answer_body()
    with TESTS_LOCK:
        t = TESTS.get(test_id)
    if t is None:
        raise ProtocolError(409, "unknown-test", "$.testId", f"no reset for test {test_id}")
    with t.lock:
        if path == "clock":
            now = parse_instant(body.get("now"), "$.now")
            t.advance(now)
            return t.answer_body()
        # deliver
        did = require(body, "deliveryId", str)
        channel = require(body, "channel", str)
        require(body, "from", str)
        at = parse_instant(body.get("at"), "$.at")
        if at < t.now:
            raise ProtocolError(409, "clock-backwards", "$.at", "$.at is before the test clock")
        if did in t.deliveries:
            return {"protocol": PROTOCOL, "testId": t.id, "now": fmt(t.now, t.zone), "outbox": [],
                    "steps": [], "nextTimerAt": None if (t.next_timer() is None or MUTANT == "nonext")
                    else fmt(t.next_timer(), t.zone)}
        t.deliveries.add(did)
        if channel in ("eda", "datahub") and not isinstance(body.get("document"), str):
            raise ProtocolError(422, "bad-document", "$.document", "document must be XML on " + channel)
        t.advance(at)
        t.deliver(body)
        return t.answer_body()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, code, field, message):
        err = {"code": code, "message": "vnb-indep: " + message}
        if field:
            err["field"] = field
        self.reply(status, {"protocol": PROTOCOL, "error": err})

    def do_GET(self):
        self.error(405, "method-not-allowed", None, "only POST")

    do_PUT = do_DELETE = do_PATCH = do_GET

    def do_POST(self):
        m = re.match(r"^/consent-sim/v1/(reset|clock|deliver)$", self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.rfile.read(length)
            return self.error(413, "too-large", None, "body over 1 MiB")
        raw = self.rfile.read(length)
        if not m:
            return self.error(404, "not-found", None, f"no endpoint {self.path}")
        try:
            body = json.loads(raw.decode("utf-8"))
        except Exception as e:
            return self.error(400, "bad-json", None, f"body is not JSON: {e}")
        try:
            self.reply(200, handle(m.group(1), body))
        except ProtocolError as e:
            self.error(e.status, e.code, e.field, e.message)
        except Exception as e:  # pragma: no cover
            import traceback
            traceback.print_exc()
            self.error(500, "internal", None, f"{type(e).__name__}: {e}")


def main():
    port = 18110
    host = "127.0.0.1"
    args = sys.argv[1:]
    if "--port" in args:
        port = int(args[args.index("--port") + 1])
    if "--host" in args:
        host = args[args.index("--host") + 1]
    srv = ThreadingHTTPServer((host, port), Handler)
    host, port = srv.server_address[:2]
    print(f"listening on http://{host}:{port} (mutant={MUTANT or 'none'})", flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
