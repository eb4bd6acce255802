"""Derive a commune's plan from a 200-task province plan, against merely walking (and importing) that plan.

    .venv/bin/python bench/bench_derive.py [--tasks 200] [--runs 9]

The upper plan is written as Word in the style of the real province plans (labelled lines "Cơ quan chủ trì /
phối hợp / Thời gian thực hiện / Sản phẩm", a TỔ CHỨC THỰC HIỆN item for the communes); half its tasks name the
commune level as lead or coordinator, in the spellings provinces use. It is imported once, as an office does,
then timed (best of ``--runs`` each, same run):

* floor: walking the plan's tasks and folding each one's title and units with the fastest fold of the app
  (``domain.derive.fold``, one table lookup per letter): the least that reads what every task says and who
  does it;
* derive: ``derive_plan`` — finding the commune's duties, their computed keys (domain/upper.py), the
  proposed leads, and the whole commune plan built (``Proposal.plan()``);
* import: reading and recognising the .docx, for scale (what the user waits for before the preview anyway).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _plans import best_of

from kehoach_desktop.domain.derive import derive_plan
from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Signature, Task, TextItem
from kehoach_desktop.domain.text import fold
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from tests.importdocs import plan_docx

PROVINCE_UNITS = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch",
                  "Công an tỉnh", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Văn phòng UBND tỉnh"]
COMMUNE_SPELLINGS = ["UBND các xã, phường", "Ủy ban nhân dân các xã, phường", "UBND cấp xã",
                     "Các sở, ban, ngành; UBND các xã, phường", "Ủy ban nhân dân cấp xã", "Các địa phương"]
TIMES = ["Thường xuyên", "Năm 2026", "Quý II/2026", "Hằng năm", "Trước ngày 15/12 hằng năm",
         "Năm 2026 và các năm tiếp theo", "Định kỳ 6 tháng, hằng năm"]
VERBS = ["Tuyên truyền, phổ biến", "Rà soát, hoàn thiện", "Triển khai", "Số hóa", "Kiểm tra, đánh giá",
         "Bảo đảm an toàn thông tin cho", "Cung cấp dịch vụ công trực tuyến về", "Tập huấn, bồi dưỡng về"]
OBJECTS = ["Chính quyền số", "hạ tầng số", "dữ liệu dân cư", "thủ tục hành chính", "kỹ năng số cho người dân",
           "nền tảng họp trực tuyến", "hồ sơ, tài liệu lưu trữ", "thanh toán không dùng tiền mặt"]


def upper_plan(n_tasks: int, seed: int = 12) -> Plan:
    """A province plan of ``n_tasks`` tasks (groups of 10: ``1.`` → ``1.1.``), half the commune level's."""
    rng = random.Random(seed)
    tasks: list[Task] = []
    count = 0
    while count < n_tasks:
        group = Task(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", number=str(len(tasks) + 1),
                     lead=[rng.choice(PROVINCE_UNITS)], time=rng.choice(TIMES))
        count += 1
        tasks.append(group)
        for k in range(min(9, n_tasks - count)):
            commune = k < 5  # 5 of each group's 9 sub-tasks: 100 of 200 tasks
            lead = [rng.choice(COMMUNE_SPELLINGS)] if commune and k % 3 else [rng.choice(PROVINCE_UNITS)]
            coordinators = rng.sample(PROVINCE_UNITS, 2)
            if commune and not k % 3:
                coordinators.append(rng.choice(COMMUNE_SPELLINGS))
            group.children.append(Task(
                f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} trên địa bàn tỉnh", number=f"{group.number}.{k + 1}",
                content=[f"Sở Nội vụ hướng dẫn UBND các xã, phường {rng.choice(VERBS).lower()} "
                         f"{rng.choice(OBJECTS)}."] if k == 7 else [],  # named, not the doer
                lead=lead, coordinators=coordinators, time=rng.choice(TIMES),
                product=rng.choice([None, "Báo cáo kết quả thực hiện", "Tài liệu tuyên truyền"])))
            count += 1
    return Plan(
        title="Phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030", issuer=["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
        number="186", place="Bắc Ninh", date=PartialDate(2025, 12, 29),
        preamble=["Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn "
                  "2026-2030, cụ thể như sau:"],
        sections=[Section("MỤC ĐÍCH, YÊU CẦU", "text", [TextItem("Mục đích", ["- Triển khai đồng bộ."])]),
                  Section("NHIỆM VỤ, GIẢI PHÁP", "tasks", tasks=tasks),
                  Section("TỔ CHỨC THỰC HIỆN", "text", [
                      TextItem("Sở Khoa học và Công nghệ", ["Chủ trì theo dõi, đôn đốc."]),
                      TextItem("Ủy ban nhân dân các xã, phường", [
                          "- Xây dựng kế hoạch của địa phương trước ngày 31/3/2026.",
                          "- Tuyên truyền đến người dân.", "- Báo cáo kết quả trước ngày 15/12 hằng năm."])])],
        closing=["Trên đây là Kế hoạch./."], recipients=["Bộ Khoa học và Công nghệ", "Lưu: VT, KGVX"],
        signature=Signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Mai Sơn"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    catalog = UnitCatalog(preset_units("xa"))
    commune = {"name": "Lam Vỹ", "kind": "xa", "signers": ["Phạm Quang Thanh"]}
    with tempfile.TemporaryDirectory() as folder:
        written = upper_plan(args.tasks)
        path = plan_docx(written, Path(folder) / "186-KH-UBND.docx")
        plan = import_file(path, catalog).plan
        import_s = best_of(max(3, args.runs // 3), lambda: import_file(path, catalog))

    def walk() -> None:
        for task, _ in plan.walk_tasks():
            fold(task.title)
            for unit in task.lead + task.coordinators:
                fold(unit)

    def derive() -> None:
        derive_plan(plan, commune, catalog).plan()

    proposal = derive_plan(plan, commune, catalog)
    tasks = sum(1 for _ in plan.walk_tasks())
    lead, coordinator, organisation = proposal.counts()
    walk_s = best_of(args.runs, walk)
    derive_s = best_of(args.runs, derive)
    print(f"upper plan: {sum(1 for _ in written.walk_tasks())} tasks written, {tasks} imported; {proposal.summary()} "
          f"(lead {lead}, coordinator {coordinator}, section IV {organisation})")
    print(f"floor: walk the tasks, fold titles and units:  {walk_s * 1000:7.2f} ms")
    print(f"derive_plan + the commune plan built:        {derive_s * 1000:7.2f} ms")
    print(f"import of the .docx (for scale):             {import_s * 1000:7.2f} ms")
    print(f"ratio derive / walk: {derive_s / walk_s:.1f}x; derive / import: {derive_s / import_s:.2f}x")
    return 0 if proposal.tasks else 1


if __name__ == "__main__":
    sys.exit(main())
