"""``kehoach derive UPPER_PLAN``: as a user runs it, in a real subprocess."""

from __future__ import annotations

import json

from kehoach_desktop.services import SETTING_COMMUNE, Store

from . import upperplans as U
from .conftest import run_cli
from .realplans import PROVINCE_FOCUS, build_docx

COMMUNE = {"name": "Lam Vỹ", "kind": "xa", "province": "Ninh Bình", "signers": ["Phạm Quang Thanh"]}


def _setup(db_path, commune=COMMUNE):
    with Store.open(db_path) as store:
        store.set_setting(SETTING_COMMUNE, commune)


def _plans(db_path) -> list[str]:
    return [line for line in run_cli("plans", db=db_path, check=True).stdout.splitlines() if line.strip()]


def test_derive_a_word_file_creates_the_plan_and_prints_its_id_last(db_path, tmp_path):
    _setup(db_path)
    upper = build_docx(U.LABELLED, tmp_path / "186-KH-UBND.docx")
    result = run_cli("derive", str(upper), db=db_path, check=True)
    lines = result.stdout.strip().splitlines()
    assert ("Nhận 6 nhiệm vụ của cấp xã (chủ trì 3, phối hợp 2, tổ chức thực hiện 1); bỏ qua 3 nhiệm vụ của đơn "
            "vị khác.") in lines
    plan_id = lines[-1]
    assert plan_id.isdigit()
    data = json.loads(run_cli("show", plan_id, "--json", db=db_path, check=True).stdout)
    assert data["issuer"] == "ỦY BAN NHÂN DÂN\nXÃ LAM VỸ"
    assert data["upper"]["number"] == "186"
    tasks = data["sections"][1]["tasks"]
    assert [t["source"]["number"] for t in tasks] == ["2.1", "2.2", "4", "5", "6", "IV.2"]
    assert all(t["source"]["reference"] == "186/KH-UBND" for t in tasks)
    assert data["signature"]["signer"] == "Phạm Quang Thanh"


def test_derive_from_a_plan_of_the_database_for_another_commune(db_path, tmp_path):
    _setup(db_path)
    upper_id = run_cli("import", str(build_docx(U.TABLE, tmp_path / "u.docx")), db=db_path,
                       check=True).stdout.strip().splitlines()[-1]
    result = run_cli("derive", upper_id, "--commune", "Ea Kar", db=db_path, check=True)
    data = json.loads(run_cli("show", result.stdout.strip().splitlines()[-1], "--json", db=db_path,
                              check=True).stdout)
    assert data["title"].endswith("trên địa bàn xã Ea Kar")
    assert len(_plans(db_path)) == 2


def test_derive_to_json_or_word_writes_the_file_and_creates_nothing(db_path, tmp_path):
    _setup(db_path)
    upper = build_docx(U.SECTION_IV, tmp_path / "u.docx")
    out = tmp_path / "xa.json"
    run_cli("derive", str(upper), "-o", str(out), db=db_path, check=True)
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "kehoach-plan"
    assert [t["source"]["number"] for t in data["sections"][1]["tasks"]] == ["IV.3.1", "IV.3.2", "IV.3.3"]
    docx = tmp_path / "xa.docx"
    result = run_cli("derive", str(upper), "-o", str(docx), "--days-earlier", "5", db=db_path, check=True)
    assert result.stdout.strip().splitlines()[-1] == f"Đã ghi {docx}"
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Thực hiện Kế hoạch số 1576/KH-UBND ngày 17/4/2019 của Ủy ban nhân dân thành phố Hồ Chí Minh" in text
    assert "Trước ngày 10/12 hằng năm" in text  # 15/12 at the city, 5 days earlier at the commune
    assert _plans(db_path) == []


def test_an_upper_plan_with_no_commune_duty_is_one_message_and_nothing_is_created(db_path, tmp_path):
    _setup(db_path)
    upper = build_docx(PROVINCE_FOCUS, tmp_path / "155-KH-UBND.docx")
    result = run_cli("derive", str(upper), db=db_path)
    assert result.returncode == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "155/KH-UBND không giao nhiệm vụ nào cho cấp xã" in message
    assert _plans(db_path) == []


def test_a_file_that_is_not_a_plan_is_one_message(db_path, tmp_path):
    _setup(db_path)
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("Mua giấy in, mực in cho văn phòng.\nGọi điện cho anh Hùng.\n", encoding="utf-8")
    picture = tmp_path / "anh.docx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    for path in (notes, picture, tmp_path / "khong-co.docx"):
        result = run_cli("derive", str(path), db=db_path)
        assert result.returncode == 1, path
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "Kế hoạch" in run_cli("derive", str(notes), db=db_path).stderr  # the importer says it is not one
    assert "Không tìm thấy tệp hay kế hoạch" in run_cli("derive", str(tmp_path / "khong-co.docx"), db=db_path).stderr
    assert run_cli("derive", "99", db=db_path).returncode == 1
    assert run_cli("derive", str(notes), "-o", str(tmp_path / "x.pdf"), db=db_path).returncode == 1
    assert _plans(db_path) == []


def test_the_commune_comes_from_the_settings_or_the_command_line(db_path, tmp_path):
    upper = str(build_docx(U.LABELLED, tmp_path / "u.docx"))
    with Store.open(db_path):
        pass  # a database whose first-run questions were never answered
    result = run_cli("derive", upper, db=db_path)
    assert result.returncode == 1 and "--commune" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _plans(db_path) == []
    out = tmp_path / "phuong.json"
    run_cli("derive", upper, "--commune", "Phường Bạch Đằng", "-o", str(out), db=db_path, check=True)
    data = json.loads(out.read_text("utf-8"))
    assert data["issuer"] == "ỦY BAN NHÂN DÂN\nPHƯỜNG BẠCH ĐẰNG"
    assert data["title"].endswith("trên địa bàn phường Bạch Đằng")
