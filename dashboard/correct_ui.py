"""The correction controls the Review page and the Timeline's event card share: confirm or reject a fact,
add a country, person or theme with a sentence from the event's articles, set an event's field, merge
or split events, date a waiting article. Each action asks for an optional note, goes through
dashboard.maintenance.apply_correction (checked, recorded in the corrections file, rebuilt) and reports
what the build did with it after the page reruns on the new build.

Translated (docs/TRANSLATING.md): every word of ours through dashboard.i18n, country names from CLDR in the
interface's language; option values stay codes (kinds, ISO3, fields, event ids) shown with format_func."""

from __future__ import annotations

import os
from datetime import date

import pandas as pd
import streamlit as st

import data_prep
from dashboard import data, i18n, labels, maintenance, queries, review
from dashboard.i18n import N_, _
from dashboard.state import context, filters
from dashboard.safe_text import html_line, md, md_code
from dashboard.state.context import PageContext

K_WHO = "corr_who"      # the analyst's name, typed once per session (kept outside any widget)
K_LAST = "corr_last"    # (kind, message) of the last correction, shown after the rerun
ROLE_CHOICES = ("participant", "host", "co_chair", "speaker_country")

# The kinds of fact an analyst confirms or rejects (codes), as the controls name them: msgids, shown with _().
KIND_WORDS = {"country": N_("country"), "person": N_("person"), "theme": N_("theme")}
KIND_TITLES = {"country": N_("Country"), "person": N_("Person"), "theme": N_("Theme")}
NO_FACTS = {"country": N_("No country facts for this event."), "person": N_("No person facts for this event."),
            "theme": N_("No theme facts for this event.")}
# The event fields an analyst may set (data_prep.SET_FIELDS, the events table's columns): the msgid is the
# column's name, as English has always shown it.
FIELD_LABELS = {"name": N_("name"), "start_date": N_("start_date"), "end_date": N_("end_date"), "city": N_("city"),
                "venue": N_("venue"), "host_iso3": N_("host_iso3")}


def _countries() -> dict[str, str]:
    """ISO3 -> the country's name in the interface's language, for the country pickers (in English the
    data's own names, which are CLDR's), in that language's alphabetical order."""
    names = {iso: i18n.country_name(iso, name) for iso, name in data_prep.all_countries().items()}
    return dict(sorted(names.items(), key=lambda kv: kv[1]))


def can_correct(ctx: PageContext) -> bool:
    """True when this app may write the corrections file and rebuild; else says why once."""
    path = data.corrections_path()
    ok = maintenance.is_writable(path.parent) and maintenance.is_writable(ctx.build_dir) and \
        (not path.exists() or os.access(path, os.W_OK))
    if not ok:
        st.info(_("Corrections cannot be saved from this app: {path} or the build folder {folder} is read-only. Use "
                  "`python -m data_prep correct` where the data is kept.").format(
                      path=md_code(path), folder=md_code(ctx.build_dir)), icon=":material/lock:")
    return bool(ok)


def who_input(key: str) -> str:
    """The analyst's name, asked once per session and kept with every correction."""
    value = st.text_input(_("Your name (kept with each correction)"), value=st.session_state.get(K_WHO, ""), key=key,
                          placeholder=_("e.g. Dewi, Kemlu desk"))
    st.session_state[K_WHO] = value.strip()
    return value.strip()


def last_message() -> None:
    """What the last correction did, once, after the rerun onto the new build."""
    last = st.session_state.pop(K_LAST, None)
    if last:
        kind, text = last
        (st.success if kind == "applied" else st.warning)(text, icon=":material/edit_note:")


def submit(ctx: PageContext, c: data_prep.Correction) -> None:
    """Check, record and rebuild; rerun onto the new build, or show why the correction was refused."""
    c.who = st.session_state.get(K_WHO, "")
    with st.spinner(_("Recording the correction and rebuilding the tables…")):
        done = maintenance.apply_correction(c, ctx.tables, data.seeds_dir(), ctx.build_dir, data.corrections_path())
    if done.error:
        st.error(_("Not saved: {error}").format(error=md(done.error)), icon=":material/error:")  # it may quote names
        return
    c = done.correction  # its target may be a name an analyst typed: the messages are Markdown, so escaped
    what = md(_("{action} {target} on {event}").format(action=c.action, target=c.target, event=c.event_id or c.target))
    if done.status == "stale":
        st.session_state[K_LAST] = ("stale", _("Saved, but the build could not apply it ({what}): {detail}.").format(
            what=what, detail=md(done.detail)))
    else:
        st.session_state[K_LAST] = ("applied", _("Saved and applied: {what}. The tables, charts and downloads now use "
                                              "it; it is kept in {file} for every rebuild.").format(
                                                  what=what, file=md_code(data.corrections_path().name)))
    st.rerun()


def _note(key: str) -> str:
    return st.text_input(_("Note (optional): why"), key=key, placeholder=_("e.g. only named as a partner, not present"))


def fact_buttons(ctx: PageContext, kind: str, event_id: str, target: str, label: str, key: str) -> None:
    """Confirm or reject one fact (kind: country, person, theme). `label` names it on the buttons: a kind's
    code reads as its word in the interface's language."""
    what = _(KIND_WORDS[label]) if label in KIND_WORDS else label
    note = _note(f"{key}_note")
    with st.container(horizontal=True):
        if st.button(_("Confirm {what}").format(what=what), key=f"{key}_confirm", icon=":material/check:"):
            submit(ctx, data_prep.Correction(f"confirm-{kind}", event_id, target=target, note=note))
        if st.button(_("Reject {what}").format(what=what), key=f"{key}_reject", icon=":material/close:",
                     type="primary"):
            submit(ctx, data_prep.Correction(f"remove-{kind}", event_id, target=target, note=note))


def evidence_picker(ctx: PageContext, event_id: str, prefer: str, key: str) -> tuple[str, str]:
    """Choose the sentence an added fact cites, from the event's articles (those naming `prefer` first)."""
    choices = review.event_sentences(ctx.tables, event_id, prefer)
    if not choices:
        st.caption(_("The event's articles have no text in this build."))
        return "", ""
    pick = st.selectbox(_("Evidence: the sentence that supports it"), range(len(choices)), key=key,
                        format_func=lambda i: f"{choices[i][0]} · {choices[i][1][:160]}"
                        + ("…" if len(choices[i][1]) > 160 else ""))
    return choices[pick]


def event_actions(ctx: PageContext, event_id: str, key: str) -> None:
    """Every correction of one event, as tabs: reject or confirm, add, change a field, merge or split."""
    t = ctx.tables
    p = t["participants"][t["participants"]["event_id"] == event_id]
    a = t["attendees"][t["attendees"]["event_id"] == event_id]
    th = t["themes"][t["themes"]["event_id"] == event_id]
    tabs = st.tabs([_("Reject or confirm"), _("Add a country"), _("Add a person"), _("Add a theme"),
                    _("Change a field"), _("Merge or split")])
    with tabs[0]:
        kinds = {"country": {i: "{} ({})".format(i18n.country_name(i, n), labels.role_label(r))
                             for i, n, r in zip(p["iso3"], p["country"], p["role"])},
                 "person": dict(zip(a["name"], a["name"])),
                 "theme": {c: ctx.theme_labels.get(c, c) for c in th["theme"]}}
        kind = st.radio(_("Which kind of fact"), list(kinds), horizontal=True, key=f"{key}_rc_kind",
                        format_func=lambda k: _(KIND_WORDS[k]))
        options = kinds[kind]
        if not options:
            st.caption(_(NO_FACTS[kind]))
        else:
            target = st.selectbox(_(KIND_TITLES[kind]), list(options), key=f"{key}_rc_target_{kind}",
                                  format_func=lambda v: options.get(v, v))
            fact_buttons(ctx, kind, event_id, target, kind, f"{key}_rc")
    with tabs[1]:
        english = data_prep.all_countries()   # the evidence picker looks for the data's (English) name
        countries = _countries()
        iso3 = st.selectbox(_("Country"), list(countries), key=f"{key}_ac_iso3", format_func=countries.get,
                            index=None, placeholder=_("Choose a country"))
        role = st.selectbox(_("Role"), ROLE_CHOICES, key=f"{key}_ac_role", format_func=labels.role_label)
        aid, sentence = evidence_picker(ctx, event_id, english.get(iso3, "") if iso3 else "", f"{key}_ac_ev")
        note = _note(f"{key}_ac_note")
        if st.button(_("Add the country"), key=f"{key}_ac_go", disabled=not iso3 or not sentence):
            submit(ctx, data_prep.Correction("add-country", event_id, target=iso3, value=role, evidence=sentence,
                                             article_id=aid, note=note))
    with tabs[2]:
        name = st.text_input(_("Name (without titles)"), key=f"{key}_ap_name")
        title = st.text_input(_("Title or office (optional)"), key=f"{key}_ap_title")
        org = st.text_input(_("Organisation (optional)"), key=f"{key}_ap_org")
        countries = _countries()
        iso3 = st.selectbox(_("Country represented (optional)"), list(countries), key=f"{key}_ap_iso3",
                            format_func=countries.get, index=None, placeholder=_("Choose a country"))
        aid, sentence = evidence_picker(ctx, event_id, name, f"{key}_ap_ev")
        note = _note(f"{key}_ap_note")
        if st.button(_("Add the person"), key=f"{key}_ap_go", disabled=not name.strip() or not sentence):
            submit(ctx, data_prep.Correction("add-person", event_id, target=name.strip(), value=iso3 or "",
                                             title=title.strip(), organization=org.strip(), evidence=sentence,
                                             article_id=aid, note=note))
    with tabs[3]:
        code = st.selectbox(_("Theme"), list(ctx.theme_labels), key=f"{key}_at_code", format_func=ctx.theme_labels.get)
        aid, sentence = evidence_picker(ctx, event_id, "", f"{key}_at_ev")
        note = _note(f"{key}_at_note")
        if st.button(_("Add the theme"), key=f"{key}_at_go", disabled=not sentence):
            submit(ctx, data_prep.Correction("add-theme", event_id, target=code, evidence=sentence, article_id=aid,
                                             note=note))
    with tabs[4]:
        _field_form(ctx, event_id, key)
    with tabs[5]:
        _merge_split_form(ctx, event_id, key)


def _field_form(ctx: PageContext, event_id: str, key: str) -> None:
    ev = ctx.tables["events"].set_index("event_id").loc[event_id]
    field = st.selectbox(_("Field"), data_prep.SET_FIELDS, key=f"{key}_sf_field",
                         format_func=lambda f: _(FIELD_LABELS[f]) if f in FIELD_LABELS else f)
    current = ev.get(field)
    now = labels.fmt_date(current) if field.endswith("_date") else (labels.clean(current) or _("empty"))
    st.caption(_("Now: {value}").format(value=md(now)))
    if field.endswith("_date"):
        value = st.date_input(_("New date"), value=pd.Timestamp(current).date() if pd.notna(current) else date.today(),
                              key=f"{key}_sf_date", format="YYYY-MM-DD").isoformat()
    elif field == "host_iso3":
        countries = _countries()
        value = st.selectbox(_("New host"), list(countries), key=f"{key}_sf_host", format_func=countries.get,
                             index=None, placeholder=_("Choose a country")) or ""
    else:
        value = st.text_input(_("New value"), value=labels.clean(current) or "", key=f"{key}_sf_text_{field}")
    note = _note(f"{key}_sf_note")
    if st.button(_("Set it"), key=f"{key}_sf_go"):
        submit(ctx, data_prep.Correction("set", event_id, target=field, value=value, note=note))


def _merge_split_form(ctx: PageContext, event_id: str, key: str) -> None:
    others = {e: lbl for e, lbl in ctx.options.events.items() if e != event_id}
    other = st.selectbox(_("Merge this event into"), list(others), key=f"{key}_mg_other", format_func=others.get,
                         index=None, placeholder=_("Choose the event it is the same as"))
    note = _note(f"{key}_mg_note")
    if st.button(_("Merge"), key=f"{key}_mg_go", disabled=not other):
        submit(ctx, data_prep.Correction("merge-into", event_id, target=other, note=note))
    arts = ctx.tables["articles"]
    mine = list(arts.loc[arts["event_id"] == event_id, "article_id"])
    if len(mine) > 1:
        art = st.selectbox(_("Split this article out into an event of its own"), mine, key=f"{key}_sp_art")
        if st.button(_("Split"), key=f"{key}_sp_go"):
            submit(ctx, data_prep.Correction("split-article", event_id, target=art, note=note))
    else:
        st.caption(_("The event has one article: nothing to split."))


def waiting_article_form(ctx: PageContext, article_id: str, key: str) -> None:
    """A rejected article waiting for its date: set the date (it becomes an event) or attach it to an event."""
    day = st.date_input(_("The date of the meeting it reports"), value=None, key=f"{key}_date", format="YYYY-MM-DD")
    note = _note(f"{key}_note")
    with st.container(horizontal=True):
        if st.button(_("Set the date"), key=f"{key}_go", disabled=day is None):
            submit(ctx, data_prep.Correction("set-article-date", target=article_id, value=day.isoformat(), note=note))
    events = ctx.options.events
    target = st.selectbox(_("…or attach it to an event it reports"), list(events), key=f"{key}_event",
                          format_func=events.get, index=None, placeholder=_("Choose an event"))
    if st.button(_("Attach"), key=f"{key}_attach", disabled=not target):
        submit(ctx, data_prep.Correction("attach-article", target, target=article_id, note=note))


def sentence_in_article(ctx: PageContext, article_id: str, sentence: str) -> None:
    """The sentence marked in its passage of the article (the paragraphs around it; all text escaped),
    or the whole article when no sentence is given, with a link to read it all on the Sources page."""
    text = context.article_text(ctx, article_id)
    if text is None:
        st.caption(_("The build has no text for this article."))
        return
    span = review.sentence_span(text, sentence)
    if sentence and span is None:
        st.text(f"“{sentence}”")
        return
    piece, quote, before, after = review.passage(text, span) if span else (text, None, False, False)
    body = queries.highlight_html(piece, [], quote=quote)
    st.markdown(f'<div style="max-height:18rem;overflow-y:auto;margin-bottom:0.75rem;padding-right:0.5rem">'
                f'{"<p>…</p>" if before else ""}{body}{"<p>…</p>" if after else ""}</div>', unsafe_allow_html=True)
    if span:
        link = filters.page_url("sources", ctx.filters, article=article_id, hl=f"{span[0]}-{span[1]}")
        read = html_line(_("Read the whole article with this sentence marked"))
        st.markdown(f'<div><a href="{html_line(link)}" target="_self">{read}</a></div>', unsafe_allow_html=True)
