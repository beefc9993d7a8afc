"""`make bench`'s report: wrk's output read and the table written, without any server."""

from demo.benchmark import Row, Run, parse_wrk, table

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:41234/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    35.12ms   10.03ms 120.50ms   80.00%
    Req/Sec   228.41     30.12   300.00     70.00%
  Latency Distribution
     50%   33.80ms
     75%   40.02ms
     90%   47.55ms
     99%    1.20s
  2284 requests in 5.01s, 60.31MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:    455.89
Transfer/sec:     12.04MB
"""


def test_wrk_report_is_read_with_units_and_errors():
    run = parse_wrk(WRK_OUTPUT)
    assert run.requests_per_second == 455.89
    assert run.median_ms == 33.8
    assert run.p99_ms == 1200.0
    assert run.errors == 5


def test_microseconds_and_a_clean_run():
    output = WRK_OUTPUT.replace("33.80ms", "850.00us").split("  Socket errors")[0]
    run = parse_wrk(output + "Requests/sec:  9000.50\n")
    assert run.median_ms == 0.85
    assert run.errors == 0


def test_the_table_gives_each_value_and_its_share_of_the_ceiling():
    ceiling = Run(requests_per_second=4000, median_ms=4.0, p99_ms=10.0)
    rows = [
        Row("startsidan", "utan cache", Run(400, 40.0, 100.0), ceiling, 30_000, 12, 30_000),
        Row("startsidan", "Varnish", None, None, 0, None, note="hoppades över: VCL saknas"),
    ]
    text = table(rows, {"utan cache": "gunicorn: samma byte som statisk fil"})
    lines = text.splitlines()
    assert lines[0].startswith("| sida | läge | anrop/s | av taket |")
    cells = [cell.strip() for cell in lines[2].strip("|").split("|")]
    assert cells == [
        "startsidan",
        "utan cache",
        "400",
        "10 %",
        "40.0",
        "10 %",
        "100.0",
        "10 %",
        "30 000",
        "100 %",
        "12",
        "gunicorn: samma byte som statisk fil (4 000 anrop/s)",
    ]
    assert lines[3].endswith("| hoppades över: VCL saknas |")
