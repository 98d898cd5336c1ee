"""Sources: every article with its metadata and cleaned text, extracted facts highlighted in place,
and the rejected files with the reason each was left out."""

import streamlit as st

from dashboard import queries, ui

ctx = ui.page_context()
ui.header("Sources", ctx, "The articles behind every number, with what was extracted from each.")
all_arts = ctx.tables["articles"]
rejected = all_arts[all_arts["status"] != "included"]

if ctx.empty_reason:
    st.info(ctx.empty_reason, icon=":material/filter_alt_off:")
else:
    arts = ctx.filtered["articles"].sort_values(["published_date", "article_id"])
    st.subheader(f"Articles ({len(arts)})")
    ui.show_table(arts.drop(columns=["status", "reason"]), "articles", key="src_articles",
                  column_config={"published_date": st.column_config.DateColumn("published", format="YYYY-MM-DD")})
    ev_names = dict(zip(ctx.tables["events"]["event_id"], ctx.tables["events"]["name"]))
    ids = list(arts["article_id"])
    if ids:
        def _label(a: str) -> str:
            r = arts.set_index("article_id").loc[a]
            return f"{a} · {queries.clean(r['outlet']) or 'outlet not stated'} · {queries.clean(r['title']) or 'untitled'}"

        chosen = st.selectbox("Read an article", ids, key="src_article", format_func=_label)
        row = arts.set_index("article_id").loc[chosen]
        texts = ctx.tables["articles_text"]
        text_rows = texts.loc[texts["article_id"] == chosen, "text"]
        with st.container(border=True):
            st.markdown(f"**{queries.clean(row['title']) or 'Untitled'}**  \n"
                        f"{queries.clean(row['outlet']) or 'outlet not stated'} · "
                        f"{queries.clean(row['author']) or 'no byline'} · {queries.fmt_date(row['published_date'])}")
            st.caption(f"Reports: {ev_names.get(row['event_id'], row['event_id'])} · language {row['language']}"
                       f" · {row['n_words']} words · file {row.get('source_file', chosen)}")
            if text_rows.empty:
                st.info("The build has no cleaned text for this article (articles_text table missing).")
            else:
                text = str(text_rows.iloc[0])
                spans = queries.article_spans(chosen, text, ctx.tables, ctx.theme_labels)
                kinds = sorted({s.kind for s in spans} - {"person", "country"})
                st.markdown(queries.legend_html(ctx.theme_labels, [t for t in ctx.theme_labels if t in kinds]),
                            unsafe_allow_html=True)
                st.markdown(queries.highlight_html(text, spans), unsafe_allow_html=True)

st.subheader(f"Rejected files ({len(rejected)})")
if rejected.empty:
    st.caption("No file was rejected.")
else:
    ui.show_table(rejected[["article_id", "reason"] + [c for c in ("source_file", "sha256") if c in rejected.columns]],
                  "rejected-files", key="src_rejected")
