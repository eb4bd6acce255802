"""Realistic big plans for the benchmarks: Vietnamese text, three levels deep."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Signature, Task, TextItem

UNITS = ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Công an xã",
         "Trung tâm Dịch vụ tổng hợp", "Trạm Y tế", "Các thôn", "Các phòng, cơ quan, đơn vị thuộc xã"]
TIMES = ["Thường xuyên", "Năm 2026 và các năm tiếp theo", "Hằng năm", "Quý III/2026",
         "Trước ngày 15/12 hằng năm", "Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu"]
VERBS = ["Tổ chức tuyên truyền, phổ biến", "Rà soát, cập nhật", "Xây dựng và triển khai", "Kiểm tra, đôn đốc",
         "Lồng ghép mục tiêu, nhiệm vụ của", "Bồi dưỡng kỹ năng ứng dụng"]
OBJECTS = ["Luật Trí tuệ nhân tạo", "cơ sở dữ liệu phục vụ trí tuệ nhân tạo của xã",
           "các văn bản quy phạm pháp luật có liên quan", "kế hoạch phát triển kinh tế - xã hội",
           "hạ tầng số, nền tảng dữ liệu", "đội ngũ cán bộ, công chức, viên chức"]


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The best of ``runs`` timings of ``func`` in seconds (the machine's noise left out as far as it can be)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _task(rng: random.Random, number: str) -> Task:
    return Task(
        number=number,
        title=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} trên địa bàn xã bảo đảm kịp thời, đồng bộ, hiệu quả",
        content=[f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)}; nâng cao nhận thức, trách nhiệm của cơ quan, "
                 "đơn vị, tổ chức và Nhân dân trong việc thi hành Luật."],
        lead=[rng.choice(UNITS)], coordinators=rng.sample(UNITS, 2), time=rng.choice(TIMES),
        product=rng.choice([None, "Báo cáo kết quả; tài liệu tuyên truyền"]))


def big_plan(n_tasks: int = 2000, seed: int = 7) -> Plan:
    """A plan of ``n_tasks`` tasks: 1. → a) → - , about 10 children per node."""
    rng = random.Random(seed)
    tasks: list[Task] = []
    count = 0
    i = 0
    while count < n_tasks:
        i += 1
        top = _task(rng, str(i))
        count += 1
        for j in range(10):
            if count >= n_tasks:
                break
            child = _task(rng, "abcdeghikl"[j])
            top.children.append(child)
            count += 1
            for _ in range(min(9, n_tasks - count)):
                child.children.append(_task(rng, "-"))
                count += 1
        tasks.append(top)
    return Plan(
        title="Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn xã", issuer=["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"],
        number="05", place="Lam Vỹ", date=PartialDate(2026, 3, 20),
        preamble=["Thực hiện Quyết định số 367/QĐ-TTg ngày 28/02/2026 của Thủ tướng Chính phủ."],
        sections=[Section("MỤC ĐÍCH, YÊU CẦU", "text", [TextItem("Mục đích", ["- Tổ chức tuyên truyền."])]),
                  Section("NỘI DUNG", "tasks", tasks=tasks)],
        closing=["Trên đây là Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo./."],
        recipients=["Sở Khoa học và Công nghệ", "Lưu: VT, VHXH"],
        signature=Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn A"))
