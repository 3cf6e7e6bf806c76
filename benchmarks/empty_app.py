"""The empty one-widget app the benchmarks compare every page with.

``?chart=1`` adds one small Plotly chart: the floor for any page that draws one
(bench_browser reports it beside the empty app).
"""

import streamlit as st

st.text_input("x")
if st.query_params.get("chart") == "1":
    import plotly.graph_objects as go

    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), width="stretch")
