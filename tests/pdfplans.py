"""A province plan whose tasks are all in a phụ lục task table (STT | Nội dung nhiệm vụ | Cơ quan chủ trì |
Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm), with group rows and cells long enough for the table to
run over two landscape pages: the style the PDF importer meets in upper-level plans sent to communes.

Parts as in ``tests/realplans.py`` (built with its ``build_docx``). The opening (header, number, date,
title, the decision it implements, the signer) is that of Kế hoạch 105/KH-UBND ngày 06/5/2021 của UBND
tỉnh Lạng Sơn triển khai thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân
tạo, https://thuviennhadat.vn/vbpl/ke-hoach-105-kh-ubnd-2021-thuc-hien-chien-luoc-quoc-gia-ve-nghien-cuu-tri-tue-nhan-tao-lang-son-473764.html
(the stored copy ends in section I); the sections and the rows of the phụ lục are written in that plan's
form, shortened, in our own words.
"""

from __future__ import annotations

from .realplans import Part

_GROUPS: list[tuple[str, str, list[tuple[str, str, str, str, str]]]] = [
    ("I", "XÂY DỰNG HỆ SINH THÁI TRÍ TUỆ NHÂN TẠO", [
        ("Tuyên truyền, phổ biến Chiến lược quốc gia về trí tuệ nhân tạo đến cán bộ, công chức, viên chức, "
         "doanh nghiệp và người dân trên địa bàn tỉnh", "Sở Thông tin và Truyền thông",
         "Các sở, ban, ngành; UBND các huyện, thành phố; Báo Lạng Sơn; Đài Phát thanh và Truyền hình tỉnh",
         "Hằng năm", "Tin, bài, chuyên mục trên báo, đài và cổng thông tin điện tử"),
        ("Rà soát, đề xuất cơ chế, chính sách khuyến khích doanh nghiệp nghiên cứu, ứng dụng trí tuệ nhân "
         "tạo", "Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư; Sở Tài chính; Sở Tư pháp",
         "Năm 2021 - 2022", "Báo cáo rà soát; dự thảo văn bản trình UBND tỉnh"),
        ("Xây dựng cơ sở dữ liệu dùng chung của tỉnh phục vụ phát triển các ứng dụng trí tuệ nhân tạo",
         "Sở Thông tin và Truyền thông", "Các sở, ban, ngành; UBND các huyện, thành phố",
         "Năm 2021 - 2025", "Cơ sở dữ liệu được kết nối, chia sẻ"),
        ("Đào tạo, bồi dưỡng kiến thức về trí tuệ nhân tạo cho đội ngũ cán bộ làm công nghệ thông tin",
         "Sở Nội vụ", "Sở Thông tin và Truyền thông; Sở Khoa học và Công nghệ", "Hằng năm",
         "Lớp bồi dưỡng; danh sách học viên"),
    ]),
    ("II", "ỨNG DỤNG TRÍ TUỆ NHÂN TẠO TRONG CÁC NGÀNH, LĨNH VỰC", [
        ("Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính, trả lời tự động câu hỏi của người "
         "dân, doanh nghiệp", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông; Trung tâm Phục vụ hành "
         "chính công tỉnh", "Năm 2022 - 2025", "Hệ thống trợ lý ảo trên Cổng dịch vụ công của tỉnh"),
        ("Ứng dụng trí tuệ nhân tạo trong khám, chữa bệnh và quản lý hồ sơ sức khỏe điện tử", "Sở Y tế",
         "Bảo hiểm xã hội tỉnh; các bệnh viện tuyến tỉnh", "Năm 2022 - 2030",
         "Phần mềm hỗ trợ chẩn đoán được đưa vào sử dụng"),
        ("Ứng dụng trí tuệ nhân tạo trong dạy học, kiểm tra, đánh giá học sinh", "Sở Giáo dục và Đào tạo",
         "UBND các huyện, thành phố; các trường học", "Năm 2022 - 2030", "Mô hình thí điểm tại trường học"),
        ("Ứng dụng trí tuệ nhân tạo trong giám sát giao thông, an ninh trật tự qua hệ thống camera",
         "Công an tỉnh", "Sở Giao thông vận tải; Sở Thông tin và Truyền thông; UBND thành phố Lạng Sơn",
         "Năm 2021 - 2025", "Hệ thống camera giám sát có phân tích hình ảnh"),
        ("Ứng dụng trí tuệ nhân tạo trong dự báo thời tiết, cảnh báo thiên tai, quản lý tài nguyên, môi "
         "trường", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn; Đài Khí tượng "
         "Thủy văn tỉnh", "Năm 2022 - 2030", "Bản tin cảnh báo sớm; báo cáo đánh giá"),
        ("Ứng dụng trí tuệ nhân tạo trong sản xuất nông nghiệp, truy xuất nguồn gốc nông sản",
         "Sở Nông nghiệp và Phát triển nông thôn", "Sở Khoa học và Công nghệ; UBND các huyện, thành phố",
         "Năm 2022 - 2030", "Mô hình ứng dụng tại vùng sản xuất tập trung"),
    ]),
    ("III", "KIỂM TRA, SƠ KẾT, TỔNG KẾT", [
        ("Kiểm tra, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch; báo cáo UBND tỉnh, Bộ Khoa học và Công "
         "nghệ", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành; UBND các huyện, thành phố",
         "Trước ngày 15/12 hằng năm", "Báo cáo kết quả thực hiện"),
        ("Sơ kết 5 năm thực hiện Kế hoạch", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành liên quan",
         "Năm 2025", "Báo cáo sơ kết"),
    ]),
]

TABLE_TASKS = [row for _, _, rows in _GROUPS for row in rows]

PROVINCE_TASK_TABLE: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 105/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày 06 tháng 5 năm 2021"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Triển khai thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo "
          "trên địa bàn tỉnh Lạng Sơn đến năm 2030", "bc"),
    ("p", "Thực hiện Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng Chính phủ ban hành Chiến lược quốc "
          "gia về nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo đến năm 2030, UBND tỉnh ban hành Kế "
          "hoạch triển khai thực hiện như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "1. Mục đích", "b"),
    ("p", "Cụ thể hóa các mục tiêu, nhiệm vụ của Chiến lược quốc gia phù hợp với điều kiện của tỉnh, góp phần "
          "nâng cao năng lực cạnh tranh và thúc đẩy phát triển kinh tế - xã hội bền vững.", ""),
    ("p", "2. Yêu cầu", "b"),
    ("p", "Xác định rõ nhiệm vụ, thời gian và trách nhiệm của các cơ quan, đơn vị; bảo đảm sự phối hợp chặt "
          "chẽ giữa các sở, ngành và địa phương trong quá trình thực hiện.", ""),
    ("p", "II. NHIỆM VỤ, GIẢI PHÁP", "b"),
    ("p", "Các nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện và sản phẩm được phân "
          "công tại Phụ lục kèm theo Kế hoạch này.", ""),
    ("p", "III. KINH PHÍ THỰC HIỆN", "b"),
    ("p", "Kinh phí thực hiện được bố trí từ ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp "
          "khác.", ""),
    ("p", "IV. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "Sở Khoa học và Công nghệ là cơ quan thường trực, theo dõi, đôn đốc và tổng hợp kết quả thực hiện, "
          "báo cáo UBND tỉnh trước ngày 15/12 hằng năm.", ""),
    ("p", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Khoa học "
          "và Công nghệ để tổng hợp, báo cáo UBND tỉnh xem xét, quyết định./.", ""),
    ("sign", ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành;",
              "- UBND các huyện, thành phố;", "- Lưu: VT, KGVX."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lương Trọng Quỳnh"]),
    ("landscape",),
    ("p", "Phụ lục", "bc"),
    ("p", "NHIỆM VỤ TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ TRÍ TUỆ NHÂN TẠO", "bc"),
    ("p", "(Kèm theo Kế hoạch số 105/KH-UBND ngày 06/5/2021 của UBND tỉnh Lạng Sơn)", "ic"),
    ("table", [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
                "Sản phẩm"],
               *[row for roman, title, rows in _GROUPS
                 for row in [[f"{roman}. {title}"], *[[str(k), *r] for k, r in enumerate(rows, start=1)]]]]),
]
