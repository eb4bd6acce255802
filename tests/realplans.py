"""Real plans with phụ lục, as Word files built the way their offices typed them.

Each plan is a list of parts in document order: ``("p", text, fmt)`` a paragraph (fmt letters: b bold,
i italic, c centred), ``("header", left lines, right lines)`` and ``("sign", left lines, right lines)``
the borderless two-column tables, ``("table", rows)`` a ruled table (``"^"`` in a cell: merged with the
cell above; a row of one cell spans the whole row), ``("landscape",)`` a new landscape page (a phụ lục).

The openings (header, title, căn cứ, first sections) are those of the published plans cited above each
one; the stored copies of those pages end before their phụ lục, so the phụ lục follow the forms the
issue describes for them (its titles, "Kèm theo" lines and column headings are quoted from it), shortened.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

Part = tuple

# --- a province plan: II of directions without units, IV per unit, then "Phụ lục — MỘT SỐ NHIỆM VỤ TRỌNG TÂM"
# Opening: Kế hoạch 155/KH-UBND ngày 26/5/2017 của UBND tỉnh Bắc Ninh,
# https://phapluatcongdong.vn/van-ban/van-ban-khac-155-kh-ubnd-ban-hanh-tinh-bac-ninh-nam-2017-p121216.htm

_DIRECTIONS = [
    "Tuyên truyền, phổ biến Chương trình hành động quốc gia về đăng ký và thống kê hộ tịch.",
    "Rà soát, hoàn thiện thể chế về đăng ký và thống kê hộ tịch.",
    "Nâng cao năng lực cho đội ngũ công chức làm công tác hộ tịch.",
    "Tăng cường ứng dụng công nghệ thông tin trong đăng ký, quản lý hộ tịch.",
    "Đăng ký khai sinh, khai tử đúng hạn, nhất là ở vùng sâu, vùng xa.",
    "Thống kê hộ tịch định kỳ, chính xác, đầy đủ.",
    "Kiểm tra, thanh tra việc thực hiện pháp luật về hộ tịch.",
    "Bảo đảm kinh phí, cơ sở vật chất cho công tác hộ tịch.",
]
_FOCUS = [
    ("Tổ chức hội nghị quán triệt Chương trình hành động quốc gia", "Sở Tư pháp",
     "Các sở, ngành; UBND các huyện, thị xã, thành phố", "Năm 2017", ""),
    ("Rà soát văn bản quy phạm pháp luật về hộ tịch của tỉnh", "Sở Tư pháp", "Các sở, ngành liên quan",
     "Năm 2017", ""),
    ("Tập huấn nghiệp vụ hộ tịch cho công chức Tư pháp - Hộ tịch cấp xã", "Sở Tư pháp",
     "UBND các huyện, thị xã, thành phố", "Hằng năm", ""),
    ("Đăng ký khai sinh cho trẻ em sinh ra tại cơ sở y tế", "Sở Y tế", "Sở Tư pháp; Công an tỉnh",
     "Thường xuyên", ""),
    ("Thống kê số liệu khai sinh, khai tử theo độ tuổi", "Cục Thống kê tỉnh", "Sở Tư pháp; Sở Y tế",
     "Định kỳ 6 tháng, hằng năm", ""),
    ("Xây dựng cơ sở dữ liệu hộ tịch điện tử", "Sở Tư pháp", "Sở Thông tin và Truyền thông",
     "Năm 2017 - 2020", "Theo lộ trình của Bộ Tư pháp"),
    ("Số hóa sổ hộ tịch lưu trữ", "Sở Tư pháp", "UBND các huyện, thị xã, thành phố", "Năm 2018 - 2020", ""),
    ("Đăng ký khai tử cho người chết tại cơ sở y tế", "Sở Y tế", "Sở Tư pháp", "Thường xuyên", ""),
    ("Kết nối dữ liệu hộ tịch với cơ sở dữ liệu quốc gia về dân cư", "Công an tỉnh",
     "Sở Tư pháp; Sở Thông tin và Truyền thông", "Năm 2019 - 2020", ""),
    ("Kiểm tra công tác đăng ký hộ tịch tại cấp xã", "Sở Tư pháp", "UBND các huyện, thị xã, thành phố",
     "Hằng năm", ""),
    ("Tuyên truyền đăng ký khai sinh, khai tử đúng hạn", "Sở Thông tin và Truyền thông",
     "Báo Bắc Ninh; Đài Phát thanh và Truyền hình tỉnh", "Thường xuyên", ""),
    ("Bố trí kinh phí thực hiện Chương trình", "Sở Tài chính", "Sở Tư pháp", "Hằng năm", ""),
    ("Sơ kết giữa kỳ việc thực hiện Chương trình", "Sở Tư pháp", "Các sở, ngành liên quan", "Năm 2020", ""),
    ("Tổng kết việc thực hiện Chương trình", "Sở Tư pháp", "Các sở, ngành liên quan", "Năm 2024", ""),
]

PROVINCE_FOCUS: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 155/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 26 tháng 5 năm 2017"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Triển khai Chương trình hành động quốc gia về đăng ký và thống kê hộ tịch giai đoạn 2017 - 2024 "
          "trên địa bàn tỉnh Bắc Ninh", "bc"),
    ("p", "Thực hiện Luật Hộ tịch năm 2014, Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định "
          "chi tiết và hướng dẫn thi hành một số điều của Luật Hộ tịch và Quyết định số 101/QĐ-TTg ngày "
          "23/01/2017 của Thủ tướng Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:", ""),
    ("p", "I. MỤC TIÊU", "b"),
    ("p", "1. Mục tiêu tổng quát", "b"),
    ("p", "- Bảo đảm các sự kiện hộ tịch của công dân được đăng ký kịp thời, đầy đủ, chính xác, đúng quy "
          "định pháp luật.", ""),
    ("p", "2. Mục tiêu cụ thể", "b"),
    ("p", "- Đến năm 2024, tỷ lệ trẻ em dưới 01 tuổi được đăng ký khai sinh đạt 98%.", ""),
    ("p", "II. NHIỆM VỤ, GIẢI PHÁP", "b"),
    *[("p", f"{k}. {text}", "") for k, text in enumerate(_DIRECTIONS, start=1)],
    ("p", "(Có Phụ lục một số nhiệm vụ trọng tâm kèm theo)", "i"),
    ("p", "III. KINH PHÍ THỰC HIỆN", "b"),
    ("p", "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị.", ""),
    ("p", "IV. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "1. Sở Tư pháp", "b"),
    ("p", "Chủ trì, phối hợp với các sở, ngành hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng "
          "hợp, báo cáo UBND tỉnh, Bộ Tư pháp trước ngày 15/12 hằng năm.", ""),
    ("p", "2. Sở Y tế", "b"),
    ("p", "Chỉ đạo các cơ sở y tế phối hợp đăng ký khai sinh, khai tử.", ""),
    ("p", "3. UBND các huyện, thị xã, thành phố", "b"),
    ("p", "Chỉ đạo UBND cấp xã thực hiện đăng ký, thống kê hộ tịch đúng quy định.", ""),
    ("p", "Trên đây là Kế hoạch triển khai Chương trình hành động quốc gia về đăng ký và thống kê hộ tịch "
          "giai đoạn 2017 - 2024 trên địa bàn tỉnh Bắc Ninh./.", ""),
    ("sign", ["Nơi nhận:", "- Bộ Tư pháp;", "- TTTU, TTHĐND tỉnh;", "- Các sở, ngành;", "- Lưu: VT, NC."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Tiến Nhường"]),
    ("landscape",),
    ("p", "Phụ lục", "bc"),
    ("p", "MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH",
     "bc"),
    ("p", "(Kèm theo Kế hoạch số 155/KH-UBND ngày 26/5/2017 của UBND tỉnh Bắc Ninh)", "ic"),
    ("table", [["STT", "Tên nhiệm vụ", "Sở, ngành chủ trì tham mưu", "Đơn vị phối hợp thực hiện",
                "Thời gian thực hiện", "Ghi chú"],
               *[[str(k), *row] for k, row in enumerate(_FOCUS, start=1)]]),
]

# --- a plan whose phụ lục are an outline and report forms: Phụ lục 01 ĐỀ CƯƠNG BÁO CÁO, Biểu 01, Biểu 02
# Opening: Kế hoạch 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình,
# https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-binh.html

REPORT_FORMS: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 130/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Ninh Bình, ngày 13 tháng 7 năm 2022"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
          "2021 - 2025 trên địa bàn tỉnh Ninh Bình", "bc"),
    ("p", "Thực hiện Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội "
          "hướng dẫn giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
          "2021 - 2025, UBND tỉnh ban hành Kế hoạch, cụ thể như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "1. Mục đích", "b"),
    ("p", "Theo dõi, kiểm tra, giám sát việc chấp hành quy định về quản lý Chương trình, kịp thời phát hiện "
          "khó khăn, vướng mắc trong quá trình triển khai.", ""),
    ("p", "2. Yêu cầu", "b"),
    ("p", "Thu thập, tổng hợp thông tin phải đảm bảo độ chính xác, việc gửi báo cáo về cơ quan phụ trách "
          "phải đúng biểu mẫu, đúng thời hạn.", ""),
    ("p", "II. NỘI DUNG GIÁM SÁT, ĐÁNH GIÁ", "b"),
    ("p", "1. Giám sát việc lập kế hoạch thực hiện Chương trình", "b"),
    ("p", "- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.", ""),
    ("p", "- Cơ quan phối hợp: Các sở, ngành chủ trì dự án, tiểu dự án.", ""),
    ("p", "- Thời gian thực hiện: Hằng năm.", ""),
    ("p", "2. Đánh giá kết quả thực hiện Chương trình", "b"),
    ("p", "- Cơ quan chủ trì: UBND các huyện, thành phố.", ""),
    ("p", "- Thời gian thực hiện: Định kỳ 6 tháng, hằng năm (theo Đề cương tại Phụ lục 01, Biểu 01, Biểu 02).", ""),
    ("p", "III. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "Các sở, ngành, UBND các huyện, thành phố báo cáo kết quả về Sở Lao động - Thương binh và Xã hội "
          "trước ngày 15/12 hằng năm./.", ""),
    ("sign", ["Nơi nhận:", "- Bộ LĐTBXH;", "- Các sở, ngành;", "- UBND các huyện, thành phố;", "- Lưu: VT, VP5."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Song Tùng"]),
    ("p", "Phụ lục 01", "bc"),
    ("p", "ĐỀ CƯƠNG BÁO CÁO", "bc"),
    ("p", "Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững", "bc"),
    ("p", "(Kèm theo Kế hoạch số 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình)", "ic"),
    ("p", "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", "b"),
    ("p", "1. Công tác chỉ đạo, điều hành", "b"),
    ("p", "- Việc ban hành văn bản chỉ đạo, hướng dẫn thực hiện Chương trình.", ""),
    ("p", "- Công tác tuyên truyền, kiểm tra, giám sát.", ""),
    ("p", "2. Kết quả huy động, phân bổ nguồn lực", "b"),
    ("p", "Tổng nguồn vốn huy động, trong đó: ngân sách trung ương, ngân sách địa phương, vốn lồng ghép.", ""),
    ("p", "II. ĐÁNH GIÁ CHUNG", "b"),
    ("p", "1. Kết quả đạt được", "b"),
    ("p", "2. Tồn tại, hạn chế và nguyên nhân", "b"),
    ("p", "III. ĐỀ XUẤT, KIẾN NGHỊ", "b"),
    ("landscape",),
    ("p", "Biểu 01", "bc"),
    ("p", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CHƯƠNG TRÌNH", "bc"),
    ("p", "(Kèm theo Kế hoạch số 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình)", "ic"),
    ("table", [["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Tỷ lệ (%)"],
               ["1", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "", "", ""],
               ["2", "Số hộ thoát nghèo", "Hộ", "", "", ""],
               ["3", "Số lao động được hỗ trợ việc làm", "Người", "", "", ""]]),
    ("p", "Biểu 02", "bc"),
    ("p", "KẾT QUẢ GIẢI NGÂN VỐN THỰC HIỆN CHƯƠNG TRÌNH", "bc"),
    ("table", [["TT", "Nội dung", "Kế hoạch vốn (triệu đồng)", "^", "Giải ngân (triệu đồng)", "^"],
               ["^", "^", "Đầu tư", "Sự nghiệp", "Đầu tư", "Sự nghiệp"],
               ["1", "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội", "", "", "", ""],
               ["2", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", "", "", "", ""],
               ["Tổng cộng"]]),
    ("p", "Ghi chú: Số liệu tính đến ngày 14/12 của năm báo cáo.", "i"),
]

# --- a commune plan: tasks in II with their units, and a phụ lục table of tasks of its own
# Opening: Kế hoạch cải cách hành chính năm 2025 của UBND xã Long Phụng (Quảng Ngãi),
# https://longphung.quangngai.gov.vn/tin-tuc/ke-hoach-cai-cach-hanh-chinh-nam-2025.html

COMMUNE_TASKS: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "XÃ LONG PHỤNG", "Số: 119/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Long Phụng, ngày 18 tháng 7 năm 2025"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Cải cách hành chính Nhà nước năm 2025 trên địa bàn xã", "bc"),
    ("p", "UBND xã Long Phụng ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn xã, cụ thể "
          "như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "1. Mục đích", "b"),
    ("p", "- Góp phần cải thiện và nâng cao chỉ số cải cách hành chính của xã.", ""),
    ("p", "2. Yêu cầu", "b"),
    ("p", "- Phát huy vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo, điều hành công tác "
          "CCHC trên địa bàn xã.", ""),
    ("p", "II. NHIỆM VỤ TRỌNG TÂM", "b"),
    ("p", "1. Cải cách thể chế", "b"),
    ("p", "- Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành.", ""),
    ("p", "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã.", ""),
    ("p", "- Thời gian thực hiện: Quý III/2025.", ""),
    ("p", "2. Cải cách thủ tục hành chính", "b"),
    ("p", "- Đơn vị chủ trì: Trung tâm Phục vụ hành chính công xã.", ""),
    ("p", "- Đơn vị phối hợp: Các phòng chuyên môn.", ""),
    ("p", "- Thời gian thực hiện: Thường xuyên.", ""),
    ("p", "III. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "Các phòng, ban, đơn vị triển khai các nhiệm vụ tại Kế hoạch này và tại Phụ lục kèm theo; báo cáo "
          "kết quả về UBND xã (qua Văn phòng HĐND và UBND xã) trước ngày 05/12/2025.", ""),
    ("p", "Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND xã Long Phụng./.", ""),
    ("sign", ["Nơi nhận:", "- UBND tỉnh;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT, VP."],
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"]),
    ("landscape",),
    ("p", "PHỤ LỤC", "bc"),
    ("p", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", "bc"),
    ("p", "(Kèm theo Kế hoạch số 119/KH-UBND ngày 18/7/2025 của UBND xã Long Phụng)", "ic"),
    ("table", [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
                "Kinh phí", "Ghi chú"],
               ["I", "CẢI CÁCH TỔ CHỨC BỘ MÁY"],
               ["1", "Rà soát chức năng, nhiệm vụ các phòng chuyên môn", "Văn phòng HĐND và UBND xã",
                "Các phòng chuyên môn", "Tháng 9/2025", "Ngân sách xã", ""],
               ["2", "Xây dựng vị trí việc làm của công chức xã", "Văn phòng HĐND và UBND xã", "^",
                "Tháng 11/2025", "", ""],
               ["II", "HIỆN ĐẠI HÓA HÀNH CHÍNH"],
               ["1", "Số hóa kết quả giải quyết thủ tục hành chính", "Trung tâm Phục vụ hành chính công xã",
                "Phòng Văn hóa - Xã hội", "Năm 2025", "Ngân sách tỉnh hỗ trợ", "Theo Đề án 06"],
               ["2", "Vận hành hệ thống quản lý văn bản và điều hành", "Văn phòng HĐND và UBND xã", "",
                "Thường xuyên", "", ""]]),
]

REAL_PLANS = {"tinh-bac-ninh-155-nhiem-vu-trong-tam": PROVINCE_FOCUS,
              "tinh-ninh-binh-130-de-cuong-bieu-mau": REPORT_FORMS,
              "xa-long-phung-119-phu-luc-nhiem-vu": COMMUNE_TASKS}


# --- the Word file -----------------------------------------------------------------------------

def _paragraph(container, text: str, fmt: str = "") -> None:
    p = container.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if "c" in fmt else WD_ALIGN_PARAGRAPH.JUSTIFY
    run = p.add_run(text)
    run.bold = "b" in fmt or None
    run.italic = "i" in fmt or None


def _cell_lines(cell, lines: list[str], fmt: str) -> None:
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if "c" in fmt else None
        run = p.add_run(line)
        bold = "b" in fmt and not line.startswith("- ")
        run.bold = bold or None


def _borderless(doc, left: list[str], right: list[str], left_fmt: str, right_fmt: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)
    _cell_lines(table.rows[0].cells[0], left, left_fmt)
    _cell_lines(table.rows[0].cells[1], right, right_fmt)


def _ruled(doc, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if len(row) == 1:  # a group row or a total: one cell across the row
            table.cell(r, 0).merge(table.cell(r, width - 1)).paragraphs[0].add_run(row[0])
            continue
        for c, text in enumerate(row):
            if text != "^":
                for k, line in enumerate(text.split("\n")):
                    p = table.cell(r, c).paragraphs[0] if k == 0 else table.cell(r, c).add_paragraph()
                    p.add_run(line).bold = r == 0 or None
    for r, row in enumerate(rows):  # "^": merged with the cell on its left in the heading row, else above
        for c, text in enumerate(row):
            if text == "^" and len(row) > 1:
                (table.cell(r, c - 1) if r == 0 else table.cell(r - 1, c)).merge(table.cell(r, c))


def build_docx(parts: list[Part], path: Path) -> Path:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    for part in parts:
        kind = part[0]
        if kind == "p":
            _paragraph(doc, part[1], part[2])
        elif kind == "header":
            _borderless(doc, part[1], part[2], "c", "bc")
        elif kind == "sign":
            _borderless(doc, part[1], part[2], "", "bc")
        elif kind == "table":
            _ruled(doc, part[1])
        elif kind == "landscape":
            section = doc.add_section()
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_paragraph()
    doc.save(str(path))
    return path


def build_markdown(parts: list[Part]) -> str:
    """The same plan as a Markdown file (bold lines in ``**``, tables as ``| … |`` rows)."""
    out: list[str] = []
    for part in parts:
        kind = part[0]
        if kind == "p":
            out.append(f"**{part[1]}**" if "b" in part[2] else part[1])
        elif kind in ("header", "sign"):
            out.extend(part[1] + part[2])
        elif kind == "table":
            width = max(len(r) for r in part[1])
            for k, row in enumerate(part[1]):
                cells = row + [""] * (width - len(row))
                out.append("| " + " | ".join("" if c == "^" else c.replace("\n", "<br>") for c in cells) + " |")
                if k == 0:
                    out.append("|" + "---|" * width)
        out.append("")
    return "\n".join(out)
