"""Upper-level plans (kế hoạch cấp trên) in the three styles communes receive, for deriving their own plans.

Built with :func:`tests.realplans.build_docx`. The openings (header, number, date, title, căn cứ, preamble)
are those of the published plans cited above each one; the stored copies of those pages end after their
opening, so the tasks follow the forms such plans use for them (labelled lines, a phụ lục table, duties
per unit in "TỔ CHỨC THỰC HIỆN"), worded as those plans word them. ``COMMUNE`` / ``OTHERS``: the upper
numbers that are, and are not, the commune level's.
"""

from __future__ import annotations

from .realplans import Part

# --- (a) labelled lines. Opening: Kế hoạch 186/KH-UBND ngày 29/12/2025 của UBND tỉnh Bắc Ninh,
# https://nhansu.vn/van-ban-phap-luat/Ke-hoach-186-KH-UBND-2025-phat-trien-chinh-quyen-so-Bac-Ninh-giai-doan-2026-2030-687111.html

LABELLED: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 186/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 29 tháng 12 năm 2025"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030", "bc"),
    ("p", "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
          "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;", "i"),
    ("p", "Căn cứ Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ về việc Phê duyệt Chương "
          "trình phát triển Chính phủ số;", "i"),
    ("p", "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 164/TTr-SKHCN ngày 17/12/2025.", "i"),
    ("p", "Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030, cụ "
          "thể như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "- Tiếp tục nêu cao tinh thần trách nhiệm, tiên phong, gương mẫu trong quá trình triển khai thực hiện "
          "các nhiệm vụ được giao tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", ""),
    ("p", "II. NHIỆM VỤ, GIẢI PHÁP", "b"),
    ("p", "1. Hoàn thiện thể chế, chính sách phát triển Chính quyền số", "b"),
    ("p", "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", ""),
    ("p", "- Cơ quan phối hợp: Các sở, ban, ngành.", ""),
    ("p", "- Thời gian thực hiện: Năm 2026.", ""),
    ("p", "2. Phát triển hạ tầng số", "b"),
    ("p", "2.1. Hoàn thiện mạng truyền số liệu chuyên dùng kết nối đến cấp xã", "b"),
    ("p", "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", ""),
    ("p", "- Cơ quan phối hợp: UBND các xã, phường.", ""),
    ("p", "- Thời gian thực hiện: Năm 2026.", ""),
    ("p", "2.2. Trang bị thiết bị, bảo đảm an toàn thông tin tại Bộ phận Một cửa", "b"),
    ("p", "- Cơ quan chủ trì: UBND các xã, phường.", ""),
    ("p", "- Thời gian thực hiện: Quý II/2026.", ""),
    ("p", "- Sản phẩm: Bộ phận Một cửa được trang bị đầy đủ thiết bị theo quy định.", ""),
    ("p", "3. Phát triển dữ liệu số", "b"),
    ("p", "Sở Nội vụ hướng dẫn UBND các xã, phường số hóa hồ sơ, tài liệu lưu trữ.", ""),
    ("p", "- Cơ quan chủ trì: Sở Nội vụ.", ""),
    ("p", "- Thời gian thực hiện: Năm 2026 - 2027.", ""),
    ("p", "4. Cung cấp dịch vụ công trực tuyến toàn trình", "b"),
    ("p", "- Cơ quan chủ trì: Các sở, ban, ngành; UBND các xã, phường.", ""),
    ("p", "- Thời gian thực hiện: Thường xuyên.", ""),
    ("p", "- Sản phẩm: Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%.", ""),
    ("p", "5. Phổ cập kỹ năng số cho người dân", "b"),
    ("p", "Giao UBND các xã, phường chủ trì, phối hợp với Tỉnh đoàn tổ chức phong trào “Bình dân học vụ số” tại "
          "các thôn, tổ dân phố; thời gian: Năm 2026 - 2030.", ""),
    ("p", "6. Đánh giá mức độ chuyển đổi số cấp xã", "b"),
    ("p", "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", ""),
    ("p", "- Cơ quan phối hợp: Công an tỉnh; Ủy ban nhân dân cấp xã.", ""),
    ("p", "- Thời gian thực hiện: Hằng năm.", ""),
    ("p", "7. Bảo đảm an ninh mạng cho hệ thống thông tin của tỉnh", "b"),
    ("p", "- Cơ quan chủ trì: Công an tỉnh.", ""),
    ("p", "- Cơ quan phối hợp: Bộ Chỉ huy Quân sự tỉnh.", ""),
    ("p", "- Thời gian thực hiện: Thường xuyên.", ""),
    ("p", "III. KINH PHÍ THỰC HIỆN", "b"),
    ("p", "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.", ""),
    ("p", "IV. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "1. Sở Khoa học và Công nghệ", "b"),
    ("p", "Chủ trì theo dõi, đôn đốc, hướng dẫn UBND các xã, phường triển khai Kế hoạch; tổng hợp, báo cáo UBND "
          "tỉnh trước ngày 15/12 hằng năm.", ""),
    ("p", "2. Ủy ban nhân dân các xã, phường", "b"),
    ("p", "Căn cứ Kế hoạch này xây dựng kế hoạch phát triển chính quyền số của địa phương, gửi Sở Khoa học và "
          "Công nghệ trước ngày 31/3/2026.", ""),
    ("p", "Trên đây là Kế hoạch phát triển Chính quyền số tỉnh Bắc Ninh giai đoạn 2026-2030./.", ""),
    ("sign", ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- TTTU, TTHĐND tỉnh;", "- UBND các xã, phường;",
              "- Lưu: VT, KGVX."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn"]),
]
LABELLED_COMMUNE = {"2.1": "coordinator", "2.2": "lead", "4": "lead", "5": "lead", "6": "coordinator",
                    "IV.2": "lead"}
LABELLED_OTHERS = {"1", "3", "7"}

# --- (b) a phụ lục task table. Opening: Kế hoạch 0155/KH-UBND ngày 24/12/2025 của UBND tỉnh Đắk Lắk,
# https://nhansu.vn/van-ban-phap-luat/Ke-hoach-0155-KH-UBND-2025-chuyen-doi-so-Dak-Lak-nam-2026-686309.html

TABLE: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 0155/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đắk Lắk, ngày 24 tháng 12 năm 2025"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Chuyển đổi số tỉnh Đắk Lắk năm 2026", "bc"),
    ("p", "Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;", "i"),
    ("p", "Căn cứ Luật An toàn thông tin mạng ngày 19/11/2015;", "i"),
    ("p", "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển "
          "đổi số quốc gia đến năm 2025, định hướng năm 2030.", "i"),
    ("p", "Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số tỉnh Đắk Lắk năm 2026 như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "- Triển khai đồng bộ, hiệu quả các nhiệm vụ chuyển đổi số năm 2026 trên địa bàn tỉnh.", ""),
    ("p", "II. NHIỆM VỤ TRỌNG TÂM", "b"),
    ("p", "(Chi tiết tại Phụ lục kèm theo)", "i"),
    ("p", "III. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "1. Sở Khoa học và Công nghệ", "b"),
    ("p", "Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh.", ""),
    ("p", "2. Ủy ban nhân dân các xã, phường", "b"),
    ("p", "- Xây dựng kế hoạch chuyển đổi số năm 2026 của địa phương trước ngày 31/01/2026; - Tuyên truyền, "
          "phổ biến về chuyển đổi số đến người dân trên địa bàn; - Báo cáo kết quả thực hiện về Sở Khoa học và "
          "Công nghệ trước ngày 10/12/2026.", ""),
    ("p", "Trên đây là Kế hoạch chuyển đổi số tỉnh Đắk Lắk năm 2026./.", ""),
    ("sign", ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Các sở, ban, ngành;", "- UBND các xã, phường;",
              "- Lưu: VT, KGVX."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Thị Nguyên Thảo"]),
    ("landscape",),
    ("p", "PHỤ LỤC", "bc"),
    ("p", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", "bc"),
    ("p", "(Kèm theo Kế hoạch số 0155/KH-UBND ngày 24/12/2025 của UBND tỉnh Đắk Lắk)", "ic"),
    ("table", [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                "Sản phẩm"],
               ["1", "Tuyên truyền về chuyển đổi số trên hệ thống thông tin cơ sở", "UBND các xã, phường",
                "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên", "Tin, bài tuyên truyền"],
               ["2", "Tổ chức Ngày Chuyển đổi số tỉnh Đắk Lắk", "Sở Khoa học và Công nghệ",
                "Các sở, ban, ngành, địa phương", "Tháng 10/2026", "Sự kiện Ngày Chuyển đổi số"],
               ["3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "Trung tâm Phục vụ hành chính công tỉnh; UBND các xã, phường", "Sở Khoa học và Công nghệ",
                "Năm 2026", "100% kết quả giải quyết thủ tục hành chính được số hóa"],
               ["4", "Nâng cấp Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý IV/2026",
                "Trung tâm dữ liệu được nâng cấp"],
               ["5", "Triển khai nền tảng họp trực tuyến đến cấp xã", "Sở Khoa học và Công nghệ",
                "Viễn thông Đắk Lắk", "Quý II/2026", "Nền tảng họp trực tuyến"],
               ["6", "Phát triển thanh toán không dùng tiền mặt trong trường học, cơ sở y tế",
                "Ngân hàng Nhà nước Khu vực 11", "Sở Y tế; Sở Giáo dục và Đào tạo; UBND cấp xã", "Năm 2026",
                "Tỷ lệ thanh toán không dùng tiền mặt"]]),
]
TABLE_COMMUNE = {"1": "lead", "2": "coordinator", "3": "lead", "6": "coordinator", "III.2.1": "lead",
                 "III.2.2": "lead", "III.2.3": "lead"}
TABLE_OTHERS = {"4", "5"}

# --- (c) duties per unit in TỔ CHỨC THỰC HIỆN. Opening: Kế hoạch 1576/KH-UBND năm 2019 của UBND Thành phố
# Hồ Chí Minh về đánh giá sự hài lòng về giải quyết thủ tục hành chính,
# https://thuviennhadat.vn/vbpl/ke-hoach-1576-kh-ubnd-2019-danh-gia-hai-long-giai-quyet-thu-tuc-hanh-chinh-ho-chi-minh-541465.html

SECTION_IV: list[Part] = [
    ("header", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "Số: 1576/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Thành phố Hồ Chí Minh, ngày 17 tháng 4 năm 2019"]),
    ("p", "KẾ HOẠCH", "bc"),
    ("p", "Triển khai đánh giá sự hài lòng về giải quyết thủ tục hành chính trên địa bàn Thành phố Hồ Chí Minh",
     "bc"),
    ("p", "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một "
          "cửa, một cửa liên thông trong giải quyết thủ tục hành chính, Ủy ban nhân dân thành phố ban hành Kế "
          "hoạch triển khai như sau:", ""),
    ("p", "I. MỤC ĐÍCH, YÊU CẦU", "b"),
    ("p", "1. Mục đích", "b"),
    ("p", "Đánh giá hài lòng về giải quyết thủ tục hành chính một cách khách quan, khoa học, thống nhất trên toàn "
          "thành phố.", ""),
    ("p", "2. Yêu cầu", "b"),
    ("p", "Sở, ban, ngành, Ủy ban nhân dân quận-huyện, xã, phường, thị trấn thực hiện đúng yêu cầu, tiến độ tại "
          "Kế hoạch.", ""),
    ("p", "II. NỘI DUNG THỰC HIỆN", "b"),
    ("p", "1. Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá", "b"),
    ("p", "- Cơ quan chủ trì: Văn phòng Ủy ban nhân dân thành phố.", ""),
    ("p", "- Thời gian thực hiện: Quý II/2019.", ""),
    ("p", "2. Xây dựng hệ thống đánh giá hài lòng về giải quyết thủ tục hành chính", "b"),
    ("p", "- Cơ quan chủ trì: Sở Thông tin và Truyền thông.", ""),
    ("p", "- Cơ quan phối hợp: Văn phòng Ủy ban nhân dân thành phố.", ""),
    ("p", "- Thời gian thực hiện: Quý III/2019.", ""),
    ("p", "III. KINH PHÍ", "b"),
    ("p", "Kinh phí thực hiện được bố trí trong dự toán ngân sách hằng năm của các cơ quan, đơn vị.", ""),
    ("p", "IV. TỔ CHỨC THỰC HIỆN", "b"),
    ("p", "1. Văn phòng Ủy ban nhân dân thành phố", "b"),
    ("p", "Chủ trì theo dõi, kiểm tra việc thực hiện Kế hoạch; tổng hợp kết quả đánh giá báo cáo Ủy ban nhân dân "
          "thành phố.", ""),
    ("p", "2. Ủy ban nhân dân quận-huyện", "b"),
    ("p", "Chỉ đạo Ủy ban nhân dân xã, phường, thị trấn triển khai đánh giá hài lòng tại Bộ phận Một cửa.", ""),
    ("p", "3. Ủy ban nhân dân các xã, phường, thị trấn", "b"),
    ("p", "- Niêm yết công khai mẫu phiếu đánh giá tại Bộ phận Một cửa.", ""),
    ("p", "- Bố trí máy tính, thiết bị để người dân, doanh nghiệp đánh giá trực tuyến.", ""),
    ("p", "- Báo cáo kết quả đánh giá về Văn phòng Ủy ban nhân dân thành phố trước ngày 15/12 hằng năm.", ""),
    ("p", "Trên đây là Kế hoạch triển khai đánh giá sự hài lòng về giải quyết thủ tục hành chính./.", ""),
    ("sign", ["Nơi nhận:", "- Văn phòng Chính phủ;", "- Các sở, ban, ngành;", "- UBND các quận, huyện;",
              "- Lưu: VT."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Vĩnh Tuyến"]),
]
SECTION_IV_COMMUNE = {"IV.3.1": "lead", "IV.3.2": "lead", "IV.3.3": "lead"}
SECTION_IV_OTHERS = {"1", "2"}

# --- (c') the same, as offices also type it: the commune item in one paragraph with its bullets inline
# ("3. Ủy ban nhân dân các xã, phường, đặc khu: - …; - …"), and an item shared with the departments.

SECTION_IV_INLINE: list[Part] = [
    *[p for p in SECTION_IV[:SECTION_IV.index(("p", "3. Ủy ban nhân dân các xã, phường, thị trấn", "b"))]],
    ("p", "3. Ủy ban nhân dân các xã, phường, đặc khu: - Niêm yết công khai mẫu phiếu đánh giá tại Bộ phận Một "
          "cửa; - Bố trí máy tính, thiết bị để người dân, doanh nghiệp đánh giá trực tuyến.", ""),
    ("p", "4. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường", "b"),
    ("p", "Căn cứ chức năng, nhiệm vụ được giao, chủ động triển khai Kế hoạch; báo cáo kết quả trước ngày 10/12 "
          "hằng năm.", ""),
    *SECTION_IV[-2:],
]
SECTION_IV_INLINE_COMMUNE = {"IV.3.1": "lead", "IV.3.2": "lead", "IV.4": "lead"}
