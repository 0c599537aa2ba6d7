#!/usr/bin/env python3
"""Deterministic synthetic site for benchmarking samrad against Hugo.

    python3 Benchmarks/generate.py N OUT_DIR [--seed S] [--kb KB] [--shape standard|long]

Writes two sites with the same Markdown:

  OUT_DIR/samrad/   site.yml, content/themes.yml (20 themes with aliases),
                    content/organizations.yml (300 organisations), and per meeting
                    content/meetings/<date>-<slug>/index.md + postits.md in the format
                    README.md describes (sessions, questions, sub-prompts, summaries,
                    discussion with #### sub-headings, trailing #tags, post-it appendix).
  OUT_DIR/hugo/     hugo.toml with taxonomies `themes` and `organisationer`, minimal
                    layouts (baseof, single with .TableOfContents, list, taxonomy, term,
                    home) and content/moten/<slug>.md: the meeting's body followed by its
                    post-it appendix, front matter title/date/description/themes/organisationer.

Each meeting is about KB (default 30) kilobytes of Markdown (index.md + postits.md).

Shapes: `standard` (the default, above: 20–50 post-its a meeting) and `long`: fewer,
longer records (default 120 KB each) with 80–160 post-its in 3–4 categories, and a leaner
Hugo site (one taxonomy, `themes`, and no table of contents), so that a result does not
depend on one corpus or on what the Hugo side is asked to do. Run it with, say, 500
meetings: about as much Markdown as 2,000 standard ones.
Meeting i depends only on (seed, i), so the first 2,000 meetings of an N=4,000 site are
the 2,000 meetings of an N=2,000 site. Python standard library only.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

# --------------------------------------------------------------------------- vocabulary

NOUNS = """samverkan förening förtroende kommun myndighet ungdom förälder skola fritidsgård
idrottsrörelse församling område bostadsområde trygghet stöd bidrag finansiering kunskap
utbildning erfarenhet nätverk mötesplats ledare volontär tränare socialtjänst polis
kriminalvård avhoppare familj syskon anhörig grannskap lokalsamhälle verksamhet insats
metod uppföljning överenskommelse partnerskap ansvar mandat riktlinje beslut dialog
samtal relation närvaro förebild fristad sammanhang rekrytering våld brott oro rädsla
säkerhet integritet informationsdelning lägesbild kartläggning behov resurs lokal
ekonomi personal handledning samordning strategi förändring påverkan engagemang röst
delaktighet demokrati inflytande kultur läxhjälp sysselsättning bostad fritid idrott
musik teater bibliotek kväll helg sommarlov lovverksamhet arbetsmarknad praktik""".split()

ADJECTIVES = """lokal nationell långsiktig kortsiktig tydlig öppen trygg ideell offentlig
gemensam särskild förebyggande tidig sårbar stark svag ärlig bred djup konkret praktisk
viktig svår möjlig ny gammal återkommande regelbunden flexibel formell informell
förtroendefull meningsfull självklar nödvändig återhållsam tillgänglig närvarande
mångårig kommunal regional statlig""".split()

VERBS = """behöver kräver skapar stärker bygger förändrar påverkar utvecklar beskriver
lyfter efterfrågar betonar påpekar föreslår konstaterar önskar saknar visar möjliggör
försvårar underlättar förutsätter innebär delar sprider samlar stödjer främjar hindrar
förklarar motverkar""".split()

ADVERBS = """ofta sällan alltid ibland tydligt gärna särskilt fortfarande redan snabbt
långsamt tillsammans lokalt nationellt återkommande framför allt dessutom samtidigt
därför däremot också verkligen""".split()

SUBJECTS = ["Deltagarna", "Flera deltagare", "Några organisationer", "Föreningarna", "Kommunen",
            "Myndigheterna", "Civilsamhället", "Polisen", "Ledarna", "Volontärerna", "Föräldrarna",
            "Församlingarna", "Tränarna", "Samordnaren", "Skolan", "Grupperna", "Många deltagare",
            "En deltagare", "De ideella krafterna", "Det offentliga", "Idrottsrörelsen",
            "Fritidsledarna", "Socialtjänsten", "Unga i området"]

CONNECTORS = ["och", "men", "eftersom", "samtidigt som", "medan", "så att", "även om",
              "när", "där", "trots att", "för att"]

PREPOSITIONS = ["i", "för", "med", "mellan", "inom", "utanför", "kring", "hos", "på",
                "genom", "efter", "under", "mot", "bland"]

QUESTION_STARTS = ["Vad behövs för att", "Hur kan", "Vilka förutsättningar krävs för att",
                   "Vad kan", "Hur skulle", "Vilket stöd behöver", "Vad hindrar",
                   "Hur når vi", "Vilka erfarenheter finns av", "Vad gör att"]

SUBHEADINGS = ["Förutsättningarna skiljer sig åt", "Föreningens roll", "Samverkan i kris",
               "Oro för hur arbetet uppfattas", "Att dela information", "Föräldrarnas roll",
               "Resurser och långsiktighet", "Kunskap om målgruppen", "Lokala exempel",
               "Brobyggare till myndigheterna", "Tid och tillit", "Nästa steg",
               "Erfarenheter från orterna", "Säkerhet för ideella", "Röster från unga",
               "Vad som fungerar", "Vad som saknas", "Ansvar och mandat"]

KINDS = ["dialogmöte", "samverkansforum", "seminarium", "workshop", "rundabordssamtal"]

PLACES = """Stockholm Göteborg Malmö Uppsala Västerås Örebro Linköping Helsingborg
Jönköping Norrköping Lund Umeå Gävle Borås Södertälje Eskilstuna Halmstad Växjö
Karlstad Sundsvall Östersund Trollhättan Luleå Borlänge Kristianstad Kalmar Skövde
Falun Karlskrona Skellefteå Uddevalla Varberg Örnsköldsvik Nyköping Visby Motala
Landskrona Härnösand Ängelholm Kiruna""".split()

ORG_KINDS = [
    # (name pattern, alias pattern or None, kind)
    ("{p} stad", None, "kommun"),
    ("Idrottsföreningen {p}", "IF {p}", "idrott"),
    ("{p} församling", None, "trossamfund"),
    ("Föreningen Trygga vuxna {p}", "Trygga vuxna {p}", "förening"),
    ("Fritidsgården {p}", None, "förening"),
    ("Brottsofferjouren {p}", "BOJ {p}", "förening"),
    ("Ungdomsrådet i {p}", None, "förening"),
    ("Kulturhuset {p}", None, "förening"),
]

THEMES = [
    ("samverkan", "Samverkan", ["samarbete"]),
    ("finansiering", "Finansiering", ["bidrag"]),
    ("tillit", "Tillit och förtroende", ["fortroende"]),
    ("barn-och-unga", "Barn och unga", ["unga"]),
    ("rekrytering", "Rekrytering till kriminalitet", ["nyrekrytering"]),
    ("avhopp", "Avhopp och stöd till avhoppare", ["avhoppare"]),
    ("kunskap", "Kunskap och utbildning", ["utbildning"]),
    ("forebyggande", "Förebyggande arbete", ["brottsforebyggande"]),
    ("anhoriga", "Anhöriga och föräldrar", ["foraldraskap"]),
    ("idrott", "Idrott och fritid", ["fritid"]),
    ("trossamfund", "Trossamfund", ["församlingar"]),
    ("styrning", "Styrning och nationell förankring", ["nationell-forankring"]),
    ("lokal-narvaro", "Lokal närvaro", ["narvaro"]),
    ("informationsdelning", "Informationsdelning", ["sekretess"]),
    ("ideellt-engagemang", "Ideellt engagemang", ["volontarer"]),
    ("skola", "Skolan", ["skolor"]),
    ("brottsoffer", "Brottsoffer", ["brottsutsatta"]),
    ("bostad", "Bostad och boende", ["boende"]),
    ("arbete", "Arbete och sysselsättning", ["sysselsattning"]),
    ("digitalt", "Digitala miljöer", ["sociala-medier"]),
]

POSTIT_CATEGORIES = ["Nya möjligheter och behov", "Goda exempel på samverkan",
                     "Hinder och utmaningar", "Idéer inför nästa år"]
POSTIT_SUBCATEGORIES = ["Strukturer", "Informationsdelning och erfarenhetsutbyte",
                        "Relationsbygge och nätverk", "Förslag för särskilda verksamheter",
                        "Överenskommelser och avtal", "Lokal samverkan och nätverk",
                        "Relationer och tillit", "Resurser", "Kunskap", "Kommunikation"]


# --------------------------------------------------------------------------- text

class Text:
    def __init__(self, rng, tags):
        self.r = rng
        self.tags = tags  # every slug and alias of themes.yml

    def phrase(self):
        r = self.r
        np = (r.choice(ADJECTIVES) + " " if r.random() < 0.5 else "") + r.choice(NOUNS)
        return f"{np} {r.choice(PREPOSITIONS)} {r.choice(NOUNS)}"

    def clause(self):
        r = self.r
        return f"{r.choice(VERBS)} {r.choice(ADVERBS)} {self.phrase()}"

    def sentence(self):
        r = self.r
        s = f"{r.choice(SUBJECTS)} {self.clause()}"
        for _ in range(r.randint(0, 2)):
            s += f" {r.choice(CONNECTORS)} {r.choice(NOUNS)} {self.clause()}"
        if r.random() < 0.25:
            s += f", {r.choice(ADVERBS)} {self.phrase()}"
        return s + "."

    def paragraph(self, lo=4, hi=7):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def point(self):
        r = self.r
        s = f"{r.choice(SUBJECTS)} {self.clause()}"
        if r.random() < 0.5:
            s += f" {r.choice(CONNECTORS)} {self.phrase()}"
        return s

    def short(self, lo=4, hi=10):
        r = self.r
        words = [r.choice(NOUNS + ADJECTIVES + PREPOSITIONS) for _ in range(r.randint(lo, hi))]
        return (words[0][0].upper() + words[0][1:] + " " + " ".join(words[1:])).strip()

    def question(self):
        r = self.r
        return f"{r.choice(QUESTION_STARTS)} {r.choice(NOUNS)} {self.clause()}?"

    def tag(self):
        return "#" + self.r.choice(self.tags)

    def maybe_tag(self, p):
        return " " + self.tag() if self.r.random() < p else ""


# --------------------------------------------------------------------------- taxonomies

def organizations():
    orgs = []
    for pattern, alias, kind in ORG_KINDS:
        for p in PLACES[:38]:
            orgs.append((pattern.format(p=p), alias.format(p=p) if alias else None, kind))
    return orgs  # 8 × 38 = 304


def themes_yaml():
    out = []
    for slug, name, aliases in THEMES:
        out.append(f"- slug: {slug}\n  name: {name}\n"
                   f"  description: Syntetiskt tema om {name.lower()} för prestandamätningar.\n"
                   f"  aliases: [{', '.join(aliases)}]\n")
    return "\n".join(out)


def organizations_yaml(orgs):
    out = []
    for name, alias, kind in orgs:
        s = f"- name: {name}\n"
        if alias:
            s += f"  aliases: [{alias}]\n"
        s += f"  kind: {kind}\n"
        out.append(s)
    return "\n".join(out)


ALIAS_TO_SLUG = {a: slug for slug, _, aliases in THEMES for a in [slug] + aliases}
ALL_TAGS = sorted(ALIAS_TO_SLUG)
THEME_SLUGS = [t[0] for t in THEMES]


def slugify(s):
    table = str.maketrans("åäöéü", "aaoeu")
    s = s.lower().translate(table)
    out, dash = [], False
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# --------------------------------------------------------------------------- one meeting

BASE_DATE = datetime.date(2005, 1, 3)


def meeting(seed, i, orgs, target_bytes, shape="standard"):
    r = random.Random(f"samrad-bench-{seed}-{i}" + ("" if shape == "standard" else f"-{shape}"))
    long = shape == "long"
    t = Text(r, ALL_TAGS)
    date = BASE_DATE + datetime.timedelta(days=int(i * 1.6))
    kind = r.choice(KINDS)
    topic = f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)}"
    title = f"{kind.capitalize()} om {topic} i {r.choice(PLACES)}"
    slug = f"{date.isoformat()}-{slugify(kind + ' ' + topic)}-{i + 1}"
    n_part = r.randint(15, 30)
    participants = r.sample(orgs, n_part)
    # Write a third of them by alias where there is one, as staff do.
    part_written = [(alias if alias and r.random() < 0.33 else name) for name, alias, _ in participants]
    part_canonical = [name for name, _, _ in participants]
    themes = r.sample(THEME_SLUGS, r.randint(2, 4))
    summary = t.sentence()[:-1] + ", " + t.point().lower() + "."
    used_tags = []

    def tag(p):
        s = t.maybe_tag(p)
        if s:
            used_tags.append(s.strip()[1:])
        return s

    # --- post-it appendix
    n_notes = r.randint(80, 160) if long else r.randint(20, 50)
    cats = r.sample(POSTIT_CATEGORIES, r.randint(3, 4) if long else r.randint(2, 3))
    plan = []  # (category, [(sub, count)])
    left = n_notes
    for ci, c in enumerate(cats):
        subs = r.sample(POSTIT_SUBCATEGORIES, r.randint(3, 4) if long else r.randint(2, 3))
        plan.append((c, subs))
    slots = [(ci, si) for ci, (_, subs) in enumerate(plan) for si in range(len(subs))]
    counts = {s: 1 for s in slots}
    left -= len(slots)
    for _ in range(left):
        counts[r.choice(slots)] += 1
    pl = [f'---\ntitle: "Bilaga: Post-it-lappar från workshopen"\nappendix: postits\n---\n',
          t.paragraph(2, 3) + "\n"]
    for ci, (c, subs) in enumerate(plan):
        pl.append(f"## {c}\n")
        for si, sub in enumerate(subs):
            pl.append(f"### {sub}\n")
            pl.append("\n".join(f"- {t.short()}{tag(0.35)}" for _ in range(counts[(ci, si)])) + "\n")
    postits = "\n".join(pl)

    # --- questions: 4–8 over two sessions (8–14 in a long record)
    n_q = r.randint(8, 14) if long else r.randint(4, 8)
    first = r.randint(2, n_q - 2)
    questions = []
    for q in range(n_q):
        questions.append({
            "heading": t.question() + tag(0.5),
            "prompts": [t.question() for _ in range(r.randint(0, 3))],
            "summary": [t.point() + tag(0.4) for _ in range(r.randint(3, 5))],
            "sections": [],  # (subheading or None, [paragraphs])
        })

    def head():
        fm = ["---", f'title: "{title}"', f"date: {date.isoformat()}", f"kind: {kind}",
              'organizer: "Nationella dialogrådet"', f'commissioned_by: "{r.choice(orgs)[0]}"',
              f'location: "{r.choice(PLACES)}"', "participants:"]
        fm += [f"  - {p}" for p in part_written]
        fm += [f"themes: [{', '.join(themes)}]", f'summary: "{summary}"', "---", ""]
        return "\n".join(fm)

    intro = ["Sammanfattning:\n",
             "\n".join(f"- {t.point()}{tag(0.5)}" for _ in range(r.randint(3, 5))) + "\n",
             "## Inledning\n", t.paragraph() + "\n", t.paragraph() + "\n"]
    outro = ["## Avslutning\n", t.paragraph(2, 4) + "\n"]

    def render_body():
        parts = list(intro)
        for q, item in enumerate(questions):
            if q == 0:
                parts.append("## Rundabordssamtal 1\n")
            elif q == first:
                parts.append("## Rundabordssamtal 2\n")
            parts.append(f"### Fråga {q + 1} – {item['heading']}\n")
            if item["prompts"]:
                parts.append("\n".join(f"- {p}" for p in item["prompts"]) + "\n")
            parts.append("Sammanfattning:\n")
            parts.append("\n".join(f"- {p}" for p in item["summary"]) + "\n")
            for sub, paras in item["sections"]:
                if sub:
                    parts.append(f"#### {sub}{tag_cache.setdefault((q, sub), '')}\n")
                parts.extend(p + "\n" for p in paras)
        parts.extend(outro)
        return "\n".join(parts)

    tag_cache = {}
    body_target = max(4000, target_bytes - len(postits.encode()) - 1500)
    size = len(render_body().encode())
    q = 0
    while size < body_target:
        item = questions[q % n_q]
        if not item["sections"] or (len(item["sections"][-1][1]) >= 2 and r.random() < 0.6):
            sub = r.choice(SUBHEADINGS) if item["sections"] or r.random() < 0.5 else None
            if sub and any(s == sub for s, _ in item["sections"]):
                sub = f"{sub} {len(item['sections']) + 1}"
            if sub:
                tag_cache[(q % n_q, sub)] = tag(0.2)
            item["sections"].append((sub, []))
        para = t.paragraph() + tag(0.15)
        item["sections"][-1][1].append(para)
        size += len(para.encode()) + 2 + (40 if len(item["sections"][-1][1]) == 1 else 0)
        q += 1
    body = render_body()
    index = head() + "\n" + body

    all_themes = sorted(set(themes) | {ALIAS_TO_SLUG[x] for x in used_tags})
    return {
        "slug": slug, "title": title, "date": date.isoformat(), "summary": summary,
        "index": index, "body": body, "postits": postits,
        "postits_body": postits.split("---\n", 2)[2],
        "themes": all_themes, "orgs": part_canonical,
    }


# --------------------------------------------------------------------------- sites

SITE_YML = """title: "Benchmarkportalen"
description: "Syntetisk portal för prestandamätningar av samrad."
base_url: "https://bench.example.se/"
language: sv
organization: "Nationella dialogrådet"
labels:
  question: [Fråga]
  summary: [Sammanfattning]
accessibility:
  status: partial
  organization: "Nationella dialogrådet"
  service: "Benchmarkportalen"
  known_problems: |
    - Syntetiskt innehåll för prestandamätningar.
  contact_email: "tillganglighet@bench.example.se"
  contact_phone: "08-123 456 00"
  response_time: "normalt inom fem arbetsdagar"
  assessment_method: "en egen granskning"
  assessment_date: "2026-10-01"
  published: "2026-10-15"
  updated: "2026-11-20"
"""

HUGO_TOML = """baseURL = "https://bench.example.se/"
languageCode = "sv"
title = "Benchmarkportalen"
buildFuture = true
enableRobotsTXT = true

[taxonomies]
  theme = "themes"
  organisation = "organisationer"

[markup.tableOfContents]
  startLevel = 2
  endLevel = 4
  ordered = false

[markup.goldmark.renderer]
  unsafe = false
"""

# A section's and a term's page are the same list of meetings, newest first.
PAGE_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ end }}
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/moten/" | relURL }}">Möten</a> <a href="{{ "/themes/" | relURL }}">Teman</a>
<a href="{{ "/organisationer/" | relURL }}">Organisationer</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
<p>Teman: {{ range .GetTerms "themes" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<p>Deltagare: {{ range .GetTerms "organisationer" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ end }}
""",
    "_default/list.html": PAGE_LIST,
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
    "_default/term.html": PAGE_LIST,
    "index.html": """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<h2>Senaste mötena</h2>
<ul>{{ range first 20 (where .Site.RegularPages "Section" "moten").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<h2>Teman</h2>
<ul>{{ range .Site.Taxonomies.themes.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
}


# The long shape's Hugo site: one taxonomy and no table of contents, the least a
# Hugo user would build for the same archive.
LEAN_HUGO_TOML = HUGO_TOML.replace('  organisation = "organisationer"\n', "")

LEAN_LAYOUTS = dict(LAYOUTS)
LEAN_LAYOUTS["_default/baseof.html"] = LAYOUTS["_default/baseof.html"].replace(
    '\n<a href="{{ "/organisationer/" | relURL }}">Organisationer</a>', "")
LEAN_LAYOUTS["_default/single.html"] = (
    LAYOUTS["_default/single.html"]
    .replace('<p>Deltagare: {{ range .GetTerms "organisationer" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>\n', "")
    .replace('<nav class="toc">{{ .TableOfContents }}</nav>\n', ""))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def yaml_list(items):
    return "\n".join(f'  - "{x}"' for x in items)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of meetings")
    ap.add_argument("out", help="output folder (samrad/ and hugo/ are replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kb", type=float, default=None, help="approximate Markdown per meeting in KB (default 30; 120 for --shape long)")
    ap.add_argument("--shape", choices=["standard", "long"], default="standard",
                    help="standard: the default corpus; long: fewer, longer records with more post-its and a leaner Hugo site")
    a = ap.parse_args()
    if a.kb is None:
        a.kb = 120.0 if a.shape == "long" else 30.0

    sam = os.path.join(a.out, "samrad")
    hugo = os.path.join(a.out, "hugo")
    for d in (sam, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)

    orgs = organizations()
    write(os.path.join(sam, "site.yml"), SITE_YML)
    write(os.path.join(sam, "content", "themes.yml"), themes_yaml())
    write(os.path.join(sam, "content", "organizations.yml"), organizations_yaml(orgs))

    long = a.shape == "long"
    write(os.path.join(hugo, "hugo.toml"), LEAN_HUGO_TOML if long else HUGO_TOML)
    for rel, text in (LEAN_LAYOUTS if long else LAYOUTS).items():
        write(os.path.join(hugo, "layouts", rel), text)
    write(os.path.join(hugo, "content", "moten", "_index.md"), '---\ntitle: "Möten"\n---\n')
    for slug, name, _ in THEMES:
        write(os.path.join(hugo, "content", "themes", slug, "_index.md"),
              f'---\ntitle: "{name}"\n---\n\nSyntetiskt tema om {name.lower()}.\n')

    total = 0
    target = int(a.kb * 1024)
    for i in range(a.n):
        m = meeting(a.seed, i, orgs, target, a.shape)
        d = os.path.join(sam, "content", "meetings", m["slug"])
        write(os.path.join(d, "index.md"), m["index"])
        write(os.path.join(d, "postits.md"), m["postits"])
        total += len(m["index"].encode()) + len(m["postits"].encode())
        orgs_front = "" if long else f'organisationer:\n{yaml_list(m["orgs"])}\n'
        page = (f'---\ntitle: "{m["title"]}"\ndate: {m["date"]}\ndescription: "{m["summary"]}"\n'
                f'themes:\n{yaml_list(m["themes"])}\n{orgs_front}---\n\n'
                f'{m["body"]}\n## Bilaga: Post-it-lappar från workshopen\n\n{m["postits_body"]}')
        write(os.path.join(hugo, "content", "moten", m["slug"] + ".md"), page)

    print(f"generated {a.n} meetings, {total / 1024 / max(a.n, 1):.1f} KB Markdown per meeting, "
          f"{total / 1024 / 1024:.1f} MiB in all → {sam}, {hugo}", file=sys.stderr)


if __name__ == "__main__":
    main()
