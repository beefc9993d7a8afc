"""The parts of `make bench` that need no server: reading wrk's report and writing the table.
The command that starts the servers is demo/management/commands/bench.py."""

import re
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Run:
    """One wrk run: requests per second and latency percentiles in milliseconds."""

    requests_per_second: float
    median_ms: float
    p99_ms: float
    errors: int = 0


def _milliseconds(value, unit):
    return float(value) * UNITS[unit]


def parse_wrk(output):
    """Read `wrk --latency`'s report. Non-2xx/3xx answers and socket errors count as errors."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rate:
        raise ValueError("wrk printed no Requests/sec line:\n" + output)
    lines = re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    percentiles = {int(percent): _milliseconds(value, unit) for percent, value, unit in lines}
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if sockets:
        errors += sum(int(number) for number in sockets.groups())
    return Run(
        requests_per_second=float(rate.group(1)),
        median_ms=percentiles.get(50, 0.0),
        p99_ms=percentiles.get(99, 0.0),
        errors=errors,
    )


@dataclass
class Row:
    page: str
    mode: str
    run: Run | None
    ceiling: Run | None
    size: int
    queries: int | None
    ceiling_size: int = 0
    note: str = ""


def _share(value, ceiling):
    if not ceiling:
        return "–"
    return f"{100 * value / ceiling:.0f} %"


def _number(value, digits=0):
    return f"{value:,.{digits}f}".replace(",", " ")


def table(rows, ceiling_names):
    """Markdown: per page and mode, requests/s, median and 99th-percentile latency, bytes and
    SQL queries per page, each with its share of the ceiling (for latency the ceiling's as a
    share of the page's, so 100 % is as fast as the ceiling; the ceiling itself costs no SQL
    query)."""
    lines = [
        "| sida | läge | anrop/s | av taket | median ms | av taket | p99 ms | av taket "
        "| byte | av taket | SQL-frågor | tak |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if row.run is None:
            cells = [row.page, row.mode, *["–"] * 9, row.note]
        else:
            run, ceiling = row.run, row.ceiling
            errors = f" ({run.errors} fel)" if run.errors else ""
            cells = [
                row.page,
                row.mode,
                _number(run.requests_per_second) + errors,
                _share(run.requests_per_second, ceiling and ceiling.requests_per_second),
                f"{run.median_ms:.1f}",
                _share(ceiling.median_ms, run.median_ms) if ceiling else "–",
                f"{run.p99_ms:.1f}",
                _share(ceiling.p99_ms, run.p99_ms) if ceiling else "–",
                _number(row.size),
                _share(row.size, row.ceiling_size),
                "–" if row.queries is None else str(row.queries),
                (row.note or ceiling_names.get(row.mode, ""))
                + (f" ({_number(ceiling.requests_per_second)} anrop/s)" if ceiling else ""),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
