"""The empty one-widget app the benchmarks compare every page with."""

import streamlit as st

st.text_input("x")
