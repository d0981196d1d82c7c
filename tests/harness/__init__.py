"""The one test harness the browser tests (tests/e2e) and the benchmarks (tests/benchmarks) share: a real
``streamlit run`` server (server.py), headless Debian Chromium (browser.py), a throwaway PostgreSQL server
(postgres.py), app replicas behind nginx (nginx_replicas.py), simulated students in class mode (class_students.py)
and waiting on a condition (waiting.py)."""
