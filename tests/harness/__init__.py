"""The one test harness the browser tests (tests/e2e) and the benchmarks (tests/benchmarks) share: a real
``streamlit run`` server (server.py) and headless Debian Chromium (browser.py)."""
