"""``month start`` in a month the tool's sampling says is off draws nothing."""

from __future__ import annotations

from pathlib import Path


def test_month_start_in_a_month_off_draws_nothing(run_cli, example_service: Path) -> None:
    (example_service / "definitions" / "no-august.yaml").write_text(
        "id: no-august\nextends: torbay-full-audit\nsampling: {months_off: [august]}\n", encoding="utf-8")
    settings = example_service / "auditforms.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("dip_sample: [torbay-full-audit,", "dip_sample: [no-august,"),
                        encoding="utf-8")
    result = run_cli("month", "start", "2026-08")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("error[AF830] the tool no-august is not sampled in August (its sampling "
                                     "says months_off: august): there is no sample this month")
    assert not (example_service / "months" / "2026-08" / "sample.csv").exists()
    assert run_cli("month", "start", "2026-09", "--date", "2026-09-01", "--seed", "1").exit_code == 0
