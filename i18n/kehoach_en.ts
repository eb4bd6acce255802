<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AcrossPlans</name>
    <message>
        <source>&amp;Mở nhiệm vụ</source>
        <translation>&amp;Open task</translation>
    </message>
    <message>
        <source>Mở kế hoạch ở nhiệm vụ này (hoặc nhấp đúp vào dòng)</source>
        <translation>Open the plan at this task (or double-click the row)</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Phối hợp</source>
        <translation>Coordinating</translation>
    </message>
    <message>
        <source>Chưa thực hiện</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Hoàn thành quá hạn</source>
        <translation>Done late</translation>
    </message>
    <message>
        <source>Chưa báo cáo</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Nhiệm vụ của đơn vị</source>
        <translation>The unit&apos;s tasks</translation>
    </message>
    <message>
        <source>Việc của đơn vị</source>
        <translation>A unit&apos;s work</translation>
    </message>
    <message>
        <source>Tìm đơn vị (không cần dấu)…</source>
        <translation>Find a unit (diacritics optional)…</translation>
    </message>
    <message>
        <source>Danh mục đơn vị</source>
        <translation>Units catalog</translation>
    </message>
    <message>
        <source>Đơn &amp;vị</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>Chọn một đơn vị bên trái.</source>
        <translation>Choose a unit on the left.</translation>
    </message>
    <message>
        <source>&amp;Xuất Excel…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <source>Ghi danh sách này ra tệp .xlsx (để gửi đơn vị hoặc in)</source>
        <translation>Write this list to an .xlsx file (to send to the unit or print)</translation>
    </message>
    <message>
        <source>%1 nhiệm vụ trong các kế hoạch</source>
        <translation>%1 tasks in the plans</translation>
    </message>
    <message>
        <source>%1: %2 nhiệm vụ trong %3 kế hoạch — %4 chủ trì, %5 phối hợp; %6 quá hạn</source>
        <translation>%1: %2 tasks in %3 plans — %4 as lead, %5 coordinating; %6 overdue</translation>
    </message>
    <message>
        <source>%1 chưa được giao nhiệm vụ nào trong các kế hoạch.</source>
        <translation>%1 has no task in any plan yet.</translation>
    </message>
    <message>
        <source>Xuất việc của đơn vị</source>
        <translation>Export the unit&apos;s work</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đã ghi %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>(trích yếu của kế hoạch)</source>
        <translation>(the plan&apos;s title)</translation>
    </message>
    <message>
        <source>Kết quả tìm trong mọi kế hoạch</source>
        <translation>Results in every plan</translation>
    </message>
    <message>
        <source>Tìm trong mọi kế hoạch</source>
        <translation>Search every plan</translation>
    </message>
    <message>
        <source>Gõ từ cần tìm, không cần dấu: “van hoa”, “tuyen truyen”, “05/KH”…</source>
        <translation>Type words to find, diacritics optional: “van hoa”, “tuyen truyen”, “05/KH”…</translation>
    </message>
    <message>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Tìm theo số, tên, nội dung, đơn vị, thời gian và sản phẩm của nhiệm vụ, và trích yếu của kế hoạch; kế hoạch trong thùng rác không được tìm.</source>
        <translation>Searches the tasks&apos; numbers, titles, content, units, timeframes and products, and the plans&apos; titles; plans in the bin are left out.</translation>
    </message>
    <message>
        <source>Gõ thêm chữ để tìm…</source>
        <translation>Type another letter to search…</translation>
    </message>
    <message>
        <source>Không tìm thấy “%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <source>%1 kết quả trong %2 kế hoạch</source>
        <translation>%1 results in %2 plans</translation>
    </message>
    <message>
        <source>%1 kết quả đầu tiên trong %2 kế hoạch (gõ thêm từ để thu hẹp)</source>
        <translation>The first %1 results in %2 plans (type more words to narrow)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Lỗi không mong muốn</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong muốn. Công việc đã được lưu đến thao tác trước đó.
Chi tiết đã ghi vào %1</source>
        <translation>An unexpected error occurred. Your work is saved up to the previous action.
Details were written to %1</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu do một lỗi không mong muốn.
Chi tiết đã ghi vào %1</source>
        <translation>The database could not be opened because of an unexpected error.
Details were written to %1</translation>
    </message>
</context>
<context>
    <name>AppendixPage</name>
    <message>
        <source>Số thứ tự</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tên nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>Đơn vị phối hợp</source>
        <translation>Coordinating units</translation>
    </message>
    <message>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Cột riêng (gõ cho từng nhiệm vụ)</source>
        <translation>Own column (typed for each task)</translation>
    </message>
    <message>
        <source>Các cột của bảng phụ lục</source>
        <translation>Columns of the appendix table</translation>
    </message>
    <message>
        <source>Cột in ra (tiêu đề như văn bản)</source>
        <translation>Printed column (heading as in the document)</translation>
    </message>
    <message>
        <source>Nội dung của cột</source>
        <translation>Column content</translation>
    </message>
    <message>
        <source>Thêm cột</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>Bỏ cột</source>
        <translation>Remove column</translation>
    </message>
    <message>
        <source>Chuyển cột sang trái</source>
        <translation>Move column left</translation>
    </message>
    <message>
        <source>Cột mới</source>
        <translation>New column</translation>
    </message>
    <message>
        <source>Bảng</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Số dòng đầu của bảng là tiêu đề (in đậm, lặp lại ở đầu mỗi trang)</source>
        <translation>Number of heading rows at the top of the table (bold, repeated on every page)</translation>
    </message>
    <message>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Bỏ dòng</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Bỏ bảng</source>
        <translation>Remove table</translation>
    </message>
    <message>
        <source>Dòng tiêu đề:</source>
        <translation>Heading rows:</translation>
    </message>
    <message>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Tiêu đề mục được in đúng như đã gõ (không tự đánh số). Một mục có thể kèm một bảng (ví dụ biểu mẫu báo cáo).</source>
        <translation>Item headings print exactly as typed (no automatic numbers). An item may carry a table (a report form, say).</translation>
    </message>
    <message>
        <source>ví dụ: Phụ lục, Phụ lục 01, Biểu 01 (có thể để trống)</source>
        <translation>e.g. Phụ lục, Phụ lục 01, Biểu 01 (may be left blank)</translation>
    </message>
    <message>
        <source>Tên phụ lục, mỗi dòng một dòng in, ví dụ: DANH MỤC NHIỆM VỤ</source>
        <translation>Appendix title, one printed line per line, e.g. DANH MỤC NHIỆM VỤ</translation>
    </message>
    <message>
        <source>(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)</source>
        <translation>(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)</translation>
    </message>
    <message>
        <source>Điền theo kế hoạch</source>
        <translation>Fill in from the plan</translation>
    </message>
    <message>
        <source>Ghi dòng “Kèm theo” theo số, ngày và cơ quan ban hành của kế hoạch này</source>
        <translation>Write the “Kèm theo” line from this plan&apos;s number, date and issuing body</translation>
    </message>
    <message>
        <source>Trang ngang</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Trang dọc</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>&amp;Nhãn:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>Tên phụ lụ&amp;c:</source>
        <translation>Appendix &amp;title:</translation>
    </message>
    <message>
        <source>&amp;Kèm theo:</source>
        <translation>&amp;Attached to:</translation>
    </message>
    <message>
        <source>Khổ &amp;giấy:</source>
        <translation>Pa&amp;per:</translation>
    </message>
    <message>
        <source>&amp;Sửa các nhiệm vụ của phụ lục</source>
        <translation>&amp;Edit the appendix&apos;s tasks</translation>
    </message>
    <message>
        <source>Bảng nhiệm vụ</source>
        <translation>Task table</translation>
    </message>
    <message>
        <source>Danh mục nhiệm vụ của kế hoạch</source>
        <translation>List of the plan&apos;s tasks</translation>
    </message>
    <message>
        <source>Bảng này tự liệt kê các nhiệm vụ của các phần trong kế hoạch (không có nhiệm vụ riêng). Sửa ở đây tiêu đề các cột.</source>
        <translation>This table lists the tasks of the plan&apos;s sections by itself (it has no tasks of its own). Edit its column headings here.</translation>
    </message>
    <message>
        <source>Phụ lục có %1 nhiệm vụ riêng, được theo dõi như các nhiệm vụ khác.</source>
        <translation>The appendix has %1 tasks of its own, tracked like the other tasks.</translation>
    </message>
    <message>
        <source>Tiêu đề mục như văn bản, ví dụ: I. KẾT QUẢ THỰC HIỆN (có thể để trống)</source>
        <translation>Item heading as in the document, e.g. I. KẾT QUẢ THỰC HIỆN (may be left blank)</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Thêm bảng</source>
        <translation>Add table</translation>
    </message>
</context>
<context>
    <name>ClosingPage</name>
    <message>
        <source>Trên đây là Kế hoạch … ./.</source>
        <translation>Trên đây là Kế hoạch … ./.</translation>
    </message>
    <message>
        <source>Mỗi nơi nhận một dòng, không cần “- ” và “;”. Dòng cuối thường là: Lưu: VT, VHXH</source>
        <translation>One recipient per line, without “- ” and “;”. The last line is usually: Lưu: VT, VHXH</translation>
    </message>
    <message>
        <source>Đoạn &amp;kết:</source>
        <translation>&amp;Closing:</translation>
    </message>
    <message>
        <source>&amp;Nơi nhận:</source>
        <translation>&amp;Recipients:</translation>
    </message>
    <message>
        <source>&amp;Thẩm quyền ký:</source>
        <translation>Signing &amp;authority:</translation>
    </message>
    <message>
        <source>N&amp;gười ký:</source>
        <translation>Si&amp;gner:</translation>
    </message>
    <message>
        <source>Kết thúc, nơi nhận và chữ ký</source>
        <translation>Closing, recipients and signature</translation>
    </message>
</context>
<context>
    <name>CommuneDialog</name>
    <message>
        <source>Thông tin xã/phường</source>
        <translation>Commune or ward</translation>
    </message>
    <message>
        <source>Chào mừng đến với KeHoach. Hãy cho biết xã/phường của bạn: tên được dùng ở đầu văn bản và danh mục đơn vị được lập theo loại xã hay phường. Có thể sửa lại bất cứ lúc nào trong Cài đặt.</source>
        <translation>Welcome to KeHoach. Tell us about your commune or ward: its name heads your documents and the units catalog is set up for a commune (xã) or a ward (phường). You can change this at any time in Settings.</translation>
    </message>
    <message>
        <source>Thông tin dùng ở đầu văn bản và cho danh mục đơn vị.</source>
        <translation>Used in the document header and for the units catalog.</translation>
    </message>
</context>
<context>
    <name>CommuneForm</name>
    <message>
        <source>ví dụ: Lam Vỹ</source>
        <translation>e.g. Lam Vỹ</translation>
    </message>
    <message>
        <source>Xã (hoặc đặc khu)</source>
        <translation>Commune (xã) or special zone</translation>
    </message>
    <message>
        <source>Phường</source>
        <translation>Ward (phường)</translation>
    </message>
    <message>
        <source>ví dụ: Thái Nguyên</source>
        <translation>e.g. Thái Nguyên</translation>
    </message>
    <message>
        <source>Họ tên người ký, mỗi người một dòng
(Chủ tịch, các Phó Chủ tịch)</source>
        <translation>Names of the signers, one per line
(Chairman, Vice-Chairmen)</translation>
    </message>
    <message>
        <source>&amp;Tên xã/phường:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Loại:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Tỉnh/&amp;thành phố:</source>
        <translation>&amp;Province or city:</translation>
    </message>
    <message>
        <source>&amp;Người ký:</source>
        <translation>&amp;Signer:</translation>
    </message>
    <message>
        <source>Hãy nhập tên xã hoặc phường.</source>
        <translation>Please enter the name of the commune or ward.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Biểu đồ số nhiệm vụ theo tình trạng</source>
        <translation>Chart of tasks by status</translation>
    </message>
    <message>
        <source>Nhập phiếu báo cáo tiến độ: {name}</source>
        <translation>Import progress sheet: {name}</translation>
    </message>
    <message>
        <source>Những gì sẽ thay đổi</source>
        <translation>What will change</translation>
    </message>
    <message>
        <source>&amp;Nhập vào cơ sở dữ liệu</source>
        <translation>&amp;Import into the database</translation>
    </message>
    <message>
        <source>Xem trước những gì sẽ thay đổi (chưa ghi gì):</source>
        <translation>Preview of what will change (nothing written yet):</translation>
    </message>
    <message>
        <source>Phiếu này không có gì mới so với những gì đã nhập.</source>
        <translation>This sheet has nothing new compared with what was already imported.</translation>
    </message>
    <message>
        <source>Ghi nhận tiến độ nhiệm vụ</source>
        <translation>Record task progress</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Số văn bản, đường dẫn tệp…</source>
        <translation>Document numbers, file paths…</translation>
    </message>
    <message>
        <source>Chưa có báo cáo nào.</source>
        <translation>No reports yet.</translation>
    </message>
    <message>
        <source>&amp;Ngày báo cáo:</source>
        <translation>Report &amp;date:</translation>
    </message>
    <message>
        <source>Đơn &amp;vị báo cáo:</source>
        <translation>Reporting &amp;unit:</translation>
    </message>
    <message>
        <source>&amp;Tiến độ:</source>
        <translation>&amp;Progress:</translation>
    </message>
    <message>
        <source>Nội dung đã thực &amp;hiện:</source>
        <translation>What was &amp;done:</translation>
    </message>
    <message>
        <source>&amp;Kết quả:</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>Tỷ lệ hoàn thành:</source>
        <translation>Completion rate:</translation>
    </message>
    <message>
        <source>Khó khăn, vướng &amp;mắc:</source>
        <translation>Di&amp;fficulties:</translation>
    </message>
    <message>
        <source>Đề xuất, kiến &amp;nghị:</source>
        <translation>&amp;Proposals:</translation>
    </message>
    <message>
        <source>Văn bản, &amp;minh chứng:</source>
        <translation>&amp;Evidence:</translation>
    </message>
    <message>
        <source>Các lần báo cáo trước (giữ nguyên, không bị ghi đè):</source>
        <translation>Earlier reports (kept, never overwritten):</translation>
    </message>
    <message>
        <source>6 tháng đầu năm (15/12 năm trước – 14/6)</source>
        <translation>First half-year (15/12 of the previous year – 14/6)</translation>
    </message>
    <message>
        <source>Cả năm (15/12 năm trước – 14/12)</source>
        <translation>Whole year (15/12 of the previous year – 14/12)</translation>
    </message>
    <message>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Ghi tiến độ nhiệm vụ đang chọn…</source>
        <translation>&amp;Record progress of the selected task…</translation>
    </message>
    <message>
        <source>&amp;Nhập phiếu của đơn vị…</source>
        <translation>&amp;Import a unit’s sheet…</translation>
    </message>
    <message>
        <source>&amp;Lập phiếu cho các đơn vị…</source>
        <translation>&amp;Make sheets for the units…</translation>
    </message>
    <message>
        <source>&amp;Xuất bảng tiến độ (.xlsx)…</source>
        <translation>E&amp;xport the progress sheet (.xlsx)…</translation>
    </message>
    <message>
        <source>Lập &amp;báo cáo kỳ…</source>
        <translation>Write the period &amp;report…</translation>
    </message>
    <message>
        <source>Bảng đơn vị × tình trạng</source>
        <translation>Units × status table</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nhiệm vụ quá hạn</source>
        <translation>Overdue task</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nhiệm vụ theo lựa chọn</source>
        <translation>Selected tasks</translation>
    </message>
    <message>
        <source>Ghi tiến độ…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <source>Số nhiệm vụ theo tình trạng</source>
        <translation>Tasks by status</translation>
    </message>
    <message>
        <source>Theo đơn vị chủ trì (bấm một ô để xem nhiệm vụ)</source>
        <translation>By lead unit (click a cell to see its tasks)</translation>
    </message>
    <message>
        <source>Tiến độ thực hiện: {title} — đến ngày {date}</source>
        <translation>Progress: {title} — as of {date}</translation>
    </message>
    <message>
        <source>Tổng số: {n} nhiệm vụ được theo dõi</source>
        <translation>In all: {n} tasks tracked</translation>
    </message>
    <message>
        <source>Quá hạn ({n})</source>
        <translation>Overdue ({n})</translation>
    </message>
    <message>
        <source>Đến hạn trong {days} ngày tới ({n})</source>
        <translation>Due in the next {days} days ({n})</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Nhiệm vụ: {what}{unit} ({n})</source>
        <translation>Tasks: {what}{unit} ({n})</translation>
    </message>
    <message>
        <source>Hãy bấm chọn một nhiệm vụ trong các danh sách trước.</source>
        <translation>Click a task in one of the lists first.</translation>
    </message>
    <message>
        <source>Đã ghi nhận tiến độ.</source>
        <translation>Progress recorded.</translation>
    </message>
    <message>
        <source>Chọn phiếu báo cáo đơn vị đã điền</source>
        <translation>Choose the filled-in unit sheets</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đã thêm {n} mục tiến độ từ {files} phiếu.</source>
        <translation>Added {n} progress entries from {files} sheets.</translation>
    </message>
    <message>
        <source>Lập phiếu báo cáo cho các đơn vị</source>
        <translation>Make report sheets for the units</translation>
    </message>
    <message>
        <source>Chọn thư mục ghi các phiếu</source>
        <translation>Choose the folder for the sheets</translation>
    </message>
    <message>
        <source>Đã lập {n} phiếu trong {folder}.</source>
        <translation>Made {n} sheets in {folder}.</translation>
    </message>
    <message>
        <source>Không lập phiếu riêng cho nhóm chung: {groups}.</source>
        <translation>No separate sheet for general groups: {groups}.</translation>
    </message>
    <message>
        <source>Xuất bảng theo dõi tiến độ</source>
        <translation>Export the progress sheet</translation>
    </message>
    <message>
        <source>Đã ghi {path}</source>
        <translation>Wrote {path}</translation>
    </message>
    <message>
        <source>Lập báo cáo kết quả thực hiện</source>
        <translation>Write the implementation report</translation>
    </message>
    <message>
        <source>Ghi báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo {period}: {path}</source>
        <translation>Wrote the {period} report: {path}</translation>
    </message>
</context>
<context>
    <name>DeriveDialog</name>
    <message>
        <source>Lập kế hoạch từ kế hoạch cấp trên</source>
        <translation>Plan from an upper-level plan</translation>
    </message>
    <message>
        <source>Chọn kế hoạch của tỉnh/thành phố gửi về: một tệp (Word, PDF, văn bản, JSON) hoặc một kế hoạch đã nhập vào ứng dụng. Ứng dụng lấy đúng những nhiệm vụ giao cho cấp xã để lập kế hoạch của xã/phường.</source>
        <translation>Choose the plan the province or city sent: a file (Word, PDF, text, JSON) or a plan already in the application. The application takes exactly the tasks given to the commune level to make the commune&apos;s or ward&apos;s plan.</translation>
    </message>
    <message>
        <source>Chọn &amp;tệp kế hoạch cấp trên…</source>
        <translation>Choose the upper-level plan &amp;file…</translation>
    </message>
    <message>
        <source>Kế hoạch trong ứng dụng</source>
        <translation>Plans in the application</translation>
    </message>
    <message>
        <source>&amp;Dùng kế hoạch đã chọn</source>
        <translation>&amp;Use the selected plan</translation>
    </message>
    <message>
        <source>Hoặc một kế hoạch đã có trong ứng dụng:</source>
        <translation>Or a plan already in the application:</translation>
    </message>
    <message>
        <source>Kế hoạch cấp trên</source>
        <translation>Upper-level plan</translation>
    </message>
    <message>
        <source>Kế hoạch (*.docx *.pdf *.txt *.md *.json);;Tất cả các tệp (*)</source>
        <translation>Plans (*.docx *.pdf *.txt *.md *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Kế hoạch cấp trên: %1 — %2</source>
        <translation>Upper-level plan: %1 — %2</translation>
    </message>
    <message>
        <source>Nhiệm vụ của cấp xã</source>
        <translation>Tasks of the commune level</translation>
    </message>
    <message>
        <source>Nhận</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Số (cấp trên)</source>
        <translation>No. (upper plan)</translation>
    </message>
    <message>
        <source>Nhiệm vụ (theo kế hoạch cấp trên)</source>
        <translation>Task (as in the upper plan)</translation>
    </message>
    <message>
        <source>Cấp xã</source>
        <translation>Commune level</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì của xã</source>
        <translation>Commune&apos;s lead unit</translation>
    </message>
    <message>
        <source>Thời gian (hạn của xã)</source>
        <translation>Timeframe (commune&apos;s deadline)</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Phối hợp</source>
        <translation>Coordinate</translation>
    </message>
    <message>
        <source>Tổ chức thực hiện</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>Cùng chủ trì ở cấp trên: %1</source>
        <translation>Also leading in the upper plan: %1</translation>
    </message>
    <message>
        <source>Cấp trên: %1</source>
        <translation>Upper level: %1</translation>
    </message>
    <message>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Hạn của xã sớm hơn hạn cấp trên</source>
        <translation>Commune deadline earlier than the upper one</translation>
    </message>
    <message>
        <source>Hạn của xã sớm hơn hạn cấp trên (với hạn có ngày cụ thể):</source>
        <translation>Commune deadline earlier than the upper one (for dated deadlines):</translation>
    </message>
    <message>
        <source>Nhiệm vụ của đơn vị khác</source>
        <translation>Tasks of other units</translation>
    </message>
    <message>
        <source>chưa ghi đơn vị</source>
        <translation>no unit given</translation>
    </message>
    <message>
        <source>Nhiệm vụ của đơn vị khác (không chép sang kế hoạch của xã): %1</source>
        <translation>Tasks of other units (not copied into the commune&apos;s plan): %1</translation>
    </message>
    <message>
        <source>&amp;Tạo kế hoạch</source>
        <translation>&amp;Create plan</translation>
    </message>
    <message>
        <source>Nhận %1 nhiệm vụ của cấp xã (chủ trì %2, phối hợp %3, tổ chức thực hiện %4); bỏ qua %5 nhiệm vụ của đơn vị khác. Bỏ dấu ở cột “Nhận” để không đưa một nhiệm vụ vào kế hoạch.</source>
        <translation>Taking %1 tasks of the commune level (lead %2, coordinate %3, implementation %4); skipping %5 tasks of other units. Untick “Take” to leave a task out of the plan.</translation>
    </message>
    <message>
        <source>Hãy nhận ít nhất một nhiệm vụ.</source>
        <translation>Take at least one task.</translation>
    </message>
    <message>
        <source>Đang đọc %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Kế hoạch JSON (*.json)</source>
        <translation>Plan JSON (*.json)</translation>
    </message>
    <message>
        <source>Xuất kế hoạch</source>
        <translation>Export plan</translation>
    </message>
    <message>
        <source>Chức năng xuất định dạng này chưa có trong bản cài đặt.</source>
        <translation>Exporting to this format is not available in this installation.</translation>
    </message>
    <message>
        <source>Đang xuất %1 …</source>
        <translation>Exporting %1 …</translation>
    </message>
    <message>
        <source>Đã xuất xong</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Đã ghi tệp:
%1</source>
        <translation>File written:
%1</translation>
    </message>
    <message>
        <source>Mở &amp;tệp</source>
        <translation>Open &amp;file</translation>
    </message>
    <message>
        <source>Mở &amp;thư mục</source>
        <translation>Open f&amp;older</translation>
    </message>
    <message>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Lỗi không mong muốn. Chi tiết đã ghi vào %1.</source>
        <translation>Unexpected error. Details were written to %1.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>ỦY BAN NHÂN DÂN
XÃ …</source>
        <translation>ỦY BAN NHÂN DÂN
XÃ …</translation>
    </message>
    <message>
        <source>để trống khi chưa có số</source>
        <translation>blank while not numbered</translation>
    </message>
    <message>
        <source>ví dụ 20/3/2026, 6/2026 hoặc 2026; để trống nếu chưa có</source>
        <translation>e.g. 20/3/2026, 6/2026 or 2026; leave blank if not yet known</translation>
    </message>
    <message>
        <source>Mỗi căn cứ một dòng, ví dụ: Căn cứ Luật … ;</source>
        <translation>One legal basis per line, e.g. Căn cứ Luật … ;</translation>
    </message>
    <message>
        <source>Các đoạn mở đầu trước phần I, mỗi đoạn một dòng</source>
        <translation>Opening paragraphs before part I, one per line</translation>
    </message>
    <message>
        <source>Cơ quan &amp;ban hành:</source>
        <translation>&amp;Issuing agency:</translation>
    </message>
    <message>
        <source>&amp;Số / ký hiệu:</source>
        <translation>&amp;Number / symbol:</translation>
    </message>
    <message>
        <source>Đị&amp;a danh:</source>
        <translation>Pl&amp;ace:</translation>
    </message>
    <message>
        <source>&amp;Ngày ban hành:</source>
        <translation>&amp;Date issued:</translation>
    </message>
    <message>
        <source>Tên &amp;loại:</source>
        <translation>Document &amp;type:</translation>
    </message>
    <message>
        <source>&amp;Trích yếu:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>&amp;Căn cứ:</source>
        <translation>&amp;Legal bases:</translation>
    </message>
    <message>
        <source>&amp;Mở đầu:</source>
        <translation>&amp;Preamble:</translation>
    </message>
    <message>
        <source>Cách ghi các dòng của nhiệm vụ</source>
        <translation>Wording of the task lines</translation>
    </message>
    <message>
        <source>Dòng chủ trì:</source>
        <translation>Lead line:</translation>
    </message>
    <message>
        <source>Dòng phối hợp:</source>
        <translation>Coordination line:</translation>
    </message>
    <message>
        <source>Dòng thời gian:</source>
        <translation>Timeframe line:</translation>
    </message>
    <message>
        <source>Dòng sản phẩm:</source>
        <translation>Product line:</translation>
    </message>
    <message>
        <source>Thông tin chung</source>
        <translation>General information</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Nhập kế hoạch từ tệp</source>
        <translation>Import a plan from a file</translation>
    </message>
    <message>
        <source>Đã đọc: %1</source>
        <translation>Read: %1</translation>
    </message>
    <message>
        <source>Những gì đã nhận ra:</source>
        <translation>What was recognised:</translation>
    </message>
    <message>
        <source>Những đoạn chưa xếp được vào kế hoạch (hãy kiểm tra và chép vào chỗ phù hợp):</source>
        <translation>Text that could not be placed in the plan (check it and copy it where it belongs):</translation>
    </message>
    <message>
        <source>Thêm các đơn vị chưa có vào danh mục (%1):</source>
        <translation>Add the units missing from the catalog (%1):</translation>
    </message>
    <message>
        <source>&amp;Tạo kế hoạch</source>
        <translation>&amp;Create plan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Đã xuất %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Danh sách kế hoạch</source>
        <translation>&amp;Plans list</translation>
    </message>
    <message>
        <source>Kế hoạch &amp;gần đây</source>
        <translation>&amp;Recent plans</translation>
    </message>
    <message>
        <source>Kế hoạch mới từ &amp;mẫu</source>
        <translation>New plan from &amp;template</translation>
    </message>
    <message>
        <source>Kế hoạch &amp;trống</source>
        <translation>&amp;Blank plan</translation>
    </message>
    <message>
        <source>&amp;Nhập từ tệp…</source>
        <translation>&amp;Import from file…</translation>
    </message>
    <message>
        <source>Lập kế hoạch từ kế hoạch &amp;cấp trên…</source>
        <translation>Plan from an &amp;upper-level plan…</translation>
    </message>
    <message>
        <source>&amp;Xuất</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>&amp;Word (.docx)</source>
        <translation>&amp;Word (.docx)</translation>
    </message>
    <message>
        <source>Word kèm &amp;Phụ lục danh mục nhiệm vụ</source>
        <translation>Word with the task &amp;appendix</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>P&amp;DF</translation>
    </message>
    <message>
        <source>PDF kèm Phụ &amp;lục</source>
        <translation>PDF with the task a&amp;ppendix</translation>
    </message>
    <message>
        <source>&amp;JSON (trao đổi dữ liệu)</source>
        <translation>&amp;JSON (data exchange)</translation>
    </message>
    <message>
        <source>Phiếu báo cáo gửi &amp;cấp trên (.xlsx)…</source>
        <translation>Report sheet for the &amp;upper level (.xlsx)…</translation>
    </message>
    <message>
        <source>Xem trước khi &amp;in…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Nhiệm vụ</source>
        <translation>&amp;Tasks</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>T&amp;ools</translation>
    </message>
    <message>
        <source>&amp;Danh mục đơn vị…</source>
        <translation>&amp;Units catalog…</translation>
    </message>
    <message>
        <source>&amp;Việc của đơn vị…</source>
        <translation>&amp;Tasks of a unit…</translation>
    </message>
    <message>
        <source>&amp;Tìm trong mọi kế hoạch…</source>
        <translation>&amp;Search all plans…</translation>
    </message>
    <message>
        <source>&amp;Tổng hợp báo cáo của các xã, phường…</source>
        <translation>&amp;Roll up the communes&apos; reports…</translation>
    </message>
    <message>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Phím tắt</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Thêm con</source>
        <translation>Add sub-task</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xem &amp;trang in bên cạnh</source>
        <translation>Show printed &amp;pages alongside</translation>
    </message>
    <message>
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Danh sách</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Trang in</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Lỗi không mong muốn</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong muốn. Công việc đã được lưu đến thao tác trước đó.
Chi tiết đã ghi vào %1</source>
        <translation>An unexpected error occurred. Your work is saved up to the previous action.
Details were written to %1</translation>
    </message>
    <message>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <source>(chưa có trích yếu)</source>
        <translation>(no subject yet)</translation>
    </message>
    <message>
        <source>Mọi thay đổi được ghi ngay vào cơ sở dữ liệu; không cần bấm Lưu.</source>
        <translation>Every change is written to the database at once; there is no need to save.</translation>
    </message>
    <message>
        <source>Nhập kế hoạch từ tệp</source>
        <translation>Import a plan from a file</translation>
    </message>
    <message>
        <source>Bản cài đặt này chưa đọc được tệp Word/văn bản; hãy dùng tệp JSON.</source>
        <translation>This installation cannot read Word or text files yet; please use a JSON file.</translation>
    </message>
    <message>
        <source>Đang đọc %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <source>Đã chuyển kế hoạch vào thùng rác (xem “Xem thùng rác” để khôi phục).</source>
        <translation>The plan was moved to the bin (tick “Show bin” to restore it).</translation>
    </message>
    <message>
        <source>Xóa hẳn</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>Xóa hẳn kế hoạch này? Không thể khôi phục lại.</source>
        <translation>Delete this plan for good? It cannot be restored.</translation>
    </message>
    <message>
        <source>Kế hoạch mới từ mẫu</source>
        <translation>New plan from template</translation>
    </message>
    <message>
        <source>Nhập từ tệp</source>
        <translation>Import from file</translation>
    </message>
    <message>
        <source>Danh sách kế hoạch</source>
        <translation>Plans list</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ con</source>
        <translation>Add sub-task</translation>
    </message>
    <message>
        <source>Thụt vào / thụt ra (trong cây nhiệm vụ)</source>
        <translation>Indent / outdent (in the task tree)</translation>
    </message>
    <message>
        <source>Chuyển nhiệm vụ lên / xuống</source>
        <translation>Move task up / down</translation>
    </message>
    <message>
        <source>Xóa nhiệm vụ</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <source>Sao chép / cắt / dán nhiệm vụ</source>
        <translation>Copy / cut / paste tasks</translation>
    </message>
    <message>
        <source>Hoàn tác / làm lại</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <source>Tìm nhiệm vụ</source>
        <translation>Find tasks</translation>
    </message>
    <message>
        <source>Chuyển giữa cây nhiệm vụ và biểu mẫu</source>
        <translation>Switch between the task tree and the form</translation>
    </message>
    <message>
        <source>Xuất Word</source>
        <translation>Export to Word</translation>
    </message>
    <message>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Kế hoạch (*.docx *.pdf *.txt *.md *.json);;Tất cả các tệp (*)</source>
        <translation>Plans (*.docx *.pdf *.txt *.md *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Danh mục đơn vị</source>
        <translation>Units catalog</translation>
    </message>
    <message>
        <source>Hiện / ẩn trang in bên cạnh</source>
        <translation>Show / hide the printed pages alongside</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>KeHoach Desktop %1
Lập, in, theo dõi và báo cáo Kế hoạch của UBND xã/phường, ngoại tuyến.
Cơ sở dữ liệu: %2</source>
        <translation>KeHoach Desktop %1
Write, print, track and report the implementation plans of a commune or ward, offline.
Database: %2</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Các phần của kế hoạch</source>
        <translation>Parts of the plan</translation>
    </message>
    <message>
        <source>Thêm &amp;phần</source>
        <translation>Add &amp;part</translation>
    </message>
    <message>
        <source>Thêm một phần có đánh số La Mã (ví dụ V. CHẾ ĐỘ BÁO CÁO) trước phần kết thúc</source>
        <translation>Add a part with a Roman numeral (e.g. V. CHẾ ĐỘ BÁO CÁO) before the closing</translation>
    </message>
    <message>
        <source>&amp;Bỏ phần này</source>
        <translation>&amp;Remove this part</translation>
    </message>
    <message>
        <source>Thêm phụ &amp;lục</source>
        <translation>Add a&amp;ppendix</translation>
    </message>
    <message>
        <source>Thêm một phụ lục in sau phần chữ ký: bảng nhiệm vụ, danh mục nhiệm vụ của kế hoạch, hoặc nội dung tự do (đề cương, biểu mẫu)</source>
        <translation>Add an appendix printed after the signature: a task table, the list of the plan&apos;s tasks, or free content (an outline, report forms)</translation>
    </message>
    <message>
        <source>Thông tin chung</source>
        <translation>General information</translation>
    </message>
    <message>
        <source>Kết thúc, nơi nhận, chữ ký</source>
        <translation>Closing, recipients, signature</translation>
    </message>
    <message>
        <source>Theo dõi tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Thêm phần</source>
        <translation>Add part</translation>
    </message>
    <message>
        <source>Tên phần (in hoa, không cần số La Mã):</source>
        <translation>Title of the part (capitals, without the Roman numeral):</translation>
    </message>
    <message>
        <source>Bỏ phần</source>
        <translation>Remove part</translation>
    </message>
    <message>
        <source>Bỏ phần “%1” khỏi kế hoạch? (Có thể hoàn tác bằng Ctrl+Z.)</source>
        <translation>Remove the part “%1” from the plan? (Ctrl+Z undoes it.)</translation>
    </message>
    <message>
        <source>Thêm phụ lục</source>
        <translation>Add appendix</translation>
    </message>
    <message>
        <source>Phụ lục gồm:</source>
        <translation>The appendix holds:</translation>
    </message>
    <message>
        <source>Xóa “%1” khỏi kế hoạch?</source>
        <translation>Delete “%1” from the plan?</translation>
    </message>
    <message>
        <source>Các nhiệm vụ riêng của phụ lục (%1) cũng bị xóa.</source>
        <translation>The appendix&apos;s own tasks (%1) are deleted too.</translation>
    </message>
    <message>
        <source>(Có thể hoàn tác bằng Ctrl+Z.)</source>
        <translation>(Ctrl+Z undoes it.)</translation>
    </message>
    <message>
        <source>Xóa phụ lục</source>
        <translation>Delete appendix</translation>
    </message>
    <message>
        <source>Bảng nhiệm vụ riêng của phụ lục</source>
        <translation>A table of the appendix&apos;s own tasks</translation>
    </message>
    <message>
        <source>Danh mục các nhiệm vụ của kế hoạch (lập từ các phần)</source>
        <translation>The list of the plan&apos;s tasks (made from its sections)</translation>
    </message>
    <message>
        <source>Nội dung tự do (đề cương, biểu mẫu, bảng)</source>
        <translation>Free content (outline, forms, tables)</translation>
    </message>
    <message>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
</context>
<context>
    <name>PlanList</name>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Sửa lần cuối</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>(chưa có ngày)</source>
        <translation>(no date yet)</translation>
    </message>
    <message>
        <source>Danh sách kế hoạch</source>
        <translation>Plans list</translation>
    </message>
    <message>
        <source>Tìm kế hoạch theo số, trích yếu (gõ không dấu cũng được)…</source>
        <translation>Find plans by number or subject (diacritics optional)…</translation>
    </message>
    <message>
        <source>Xem thùng &amp;rác</source>
        <translation>Show &amp;bin</translation>
    </message>
    <message>
        <source>Nhân &amp;bản</source>
        <translation>Dupli&amp;cate</translation>
    </message>
    <message>
        <source>Kế hoạch mới từ &amp;mẫu</source>
        <translation>New plan from &amp;template</translation>
    </message>
    <message>
        <source>Kế hoạch &amp;trống</source>
        <translation>&amp;Blank plan</translation>
    </message>
    <message>
        <source>&amp;Nhập từ tệp…</source>
        <translation>&amp;Import from file…</translation>
    </message>
    <message>
        <source>&amp;Mở</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Chuyển vào thùng rác (có thể khôi phục)</source>
        <translation>Move to the bin (can be restored)</translation>
    </message>
    <message>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Xóa &amp;hẳn</source>
        <translation>Delete for &amp;good</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Chưa có kế hoạch nào.

Bấm “Kế hoạch mới từ mẫu” để bắt đầu từ mẫu Kế hoạch triển khai Luật Trí tuệ nhân tạo,
hoặc “Nhập từ tệp…” để mở một kế hoạch đã soạn bằng Word.</source>
        <translation>No plans yet.

Click “New plan from template” to start from the plan implementing the Law on Artificial Intelligence,
or “Import from file…” to open a plan written in Word.</translation>
    </message>
    <message>
        <source>Thùng rác trống.</source>
        <translation>The bin is empty.</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message>
        <source>Xem trước trang in</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <source>Không hiển thị được trang in.</source>
        <translation>The pages could not be shown.</translation>
    </message>
    <message>
        <source>Trang in: %1 trang</source>
        <translation>Printed: %1 pages</translation>
    </message>
</context>
<context>
    <name>PlanSession</name>
    <message>
        <source>Thêm nhiệm vụ con</source>
        <translation>Add sub-task</translation>
    </message>
    <message>
        <source>Đổi tên cột của phụ lục</source>
        <translation>Rename appendix column</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Di chuyển nhiệm vụ</source>
        <translation>Move task</translation>
    </message>
    <message>
        <source>Chuyển nhiệm vụ lên</source>
        <translation>Move task up</translation>
    </message>
    <message>
        <source>Chuyển nhiệm vụ xuống</source>
        <translation>Move task down</translation>
    </message>
    <message>
        <source>Thụt nhiệm vụ vào</source>
        <translation>Indent task</translation>
    </message>
    <message>
        <source>Thụt nhiệm vụ ra</source>
        <translation>Outdent task</translation>
    </message>
    <message>
        <source>Dán nhiệm vụ</source>
        <translation>Paste tasks</translation>
    </message>
    <message>
        <source>Sửa thông tin kế hoạch</source>
        <translation>Edit plan information</translation>
    </message>
    <message>
        <source>Sửa các phần của kế hoạch</source>
        <translation>Edit plan parts</translation>
    </message>
    <message>
        <source>Thêm phụ lục</source>
        <translation>Add appendix</translation>
    </message>
    <message>
        <source>Xóa phụ lục</source>
        <translation>Delete appendix</translation>
    </message>
    <message>
        <source>Sửa nhiệm vụ</source>
        <translation>Edit task</translation>
    </message>
    <message>
        <source>Xóa nhiệm vụ “%1”</source>
        <translation>Delete task “%1”</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First 6 months</translation>
    </message>
    <message>
        <source>Cả năm</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>năm</source>
        <translation>year</translation>
    </message>
    <message>
        <source>Tổng hợp báo cáo của các xã, phường</source>
        <translation>Roll up the communes&apos; and wards&apos; reports</translation>
    </message>
    <message>
        <source>Chọn kế hoạch của cấp mình (kế hoạch mà các xã, phường thực hiện), kỳ báo cáo và các phiếu báo cáo (.xlsx) các xã, phường gửi về. Ứng dụng kiểm tra từng phiếu trước khi nhập: phiếu của kế hoạch khác, kỳ khác hoặc đã bị sửa sẽ bị từ chối, các phiếu còn lại vẫn nhập được.</source>
        <translation>Choose your own plan (the plan the communes and wards carry out), the reporting period and the report sheets (.xlsx) they sent. Each sheet is checked before it is imported: a sheet of another plan or period, or one edited after it was made, is refused; the others can still be imported.</translation>
    </message>
    <message>
        <source>Kế hoạch cấp trên</source>
        <translation>Upper-level plan</translation>
    </message>
    <message>
        <source>&amp;Kế hoạch:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>Kỳ &amp;báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <source>&amp;Chọn phiếu của các xã, phường…</source>
        <translation>&amp;Choose the communes&apos; sheets…</translation>
    </message>
    <message>
        <source>&amp;Bỏ chọn tất cả</source>
        <translation>C&amp;lear all</translation>
    </message>
    <message>
        <source>Danh sách xã, phường phải báo cáo (.txt)…</source>
        <translation>List of communes that must report (.txt)…</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Kết quả kiểm tra</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Các phiếu đã chọn</source>
        <translation>Chosen sheets</translation>
    </message>
    <message>
        <source>&amp;Nhập</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Xuất tổng hợp (.&amp;xlsx)…</source>
        <translation>Export roll-up (.&amp;xlsx)…</translation>
    </message>
    <message>
        <source>Xuất báo cáo tổng hợp (.&amp;docx)…</source>
        <translation>Export consolidated report (.&amp;docx)…</translation>
    </message>
    <message>
        <source>Chọn phiếu báo cáo của các xã, phường</source>
        <translation>Choose the communes&apos; report sheets</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Danh sách xã, phường phải báo cáo</source>
        <translation>Communes that must report</translation>
    </message>
    <message>
        <source>Tệp văn bản (*.txt)</source>
        <translation>Text file (*.txt)</translation>
    </message>
    <message>
        <source>Đã nhận trước đó</source>
        <translation>Already received</translation>
    </message>
    <message>
        <source>Nhận được</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Chưa chọn phiếu nào. Bảng và báo cáo tổng hợp vẫn xuất được từ các phiếu đã nhập.</source>
        <translation>No sheet chosen. The roll-up and the consolidated report can still be exported from the sheets already imported.</translation>
    </message>
    <message>
        <source>Đã nhập %1 phiếu, thêm %2 mục tiến độ.</source>
        <translation>Imported %1 sheets, added %2 progress entries.</translation>
    </message>
    <message>
        <source>Phiếu chưa nhập</source>
        <translation>Sheets not imported</translation>
    </message>
    <message>
        <source>Có %1 phiếu hợp lệ chưa nhập. Nhập các phiếu này trước khi xuất?</source>
        <translation>%1 valid sheets are not imported yet. Import them before exporting?</translation>
    </message>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Xuất tổng hợp</source>
        <translation>Export roll-up</translation>
    </message>
    <message>
        <source>Đã ghi %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>Chưa có kế hoạch nào. Hãy nhập kế hoạch của cấp mình (kế hoạch các xã, phường thực hiện) trước khi tổng hợp báo cáo của các xã, phường.</source>
        <translation>There is no plan yet. Import your own plan (the one the communes and wards carry out) before rolling up their reports.</translation>
    </message>
    <message>
        <source>Lập phiếu báo cáo gửi cấp trên</source>
        <translation>Write the report sheet for the upper level</translation>
    </message>
    <message>
        <source>Phiếu (.xlsx) gửi cấp trên: mỗi dòng một nhiệm vụ của KH %1 mà kế hoạch này thực hiện, với tình hình thực hiện và nội dung các đơn vị đã báo cáo trong kỳ. Không sửa trên phiếu: cần sửa thì sửa trong phần mềm rồi lập lại phiếu.</source>
        <translation>The sheet (.xlsx) for the upper level: one row per task of plan %1 that this plan carries out, with its status and what the units reported in the period. Do not edit the sheet: correct it in the application and write it again.</translation>
    </message>
    <message>
        <source>Hãy mở kế hoạch cần báo cáo lên cấp trên trước.</source>
        <translation>Open the plan to report on first.</translation>
    </message>
    <message>
        <source>Kế hoạch này không được lập theo kế hoạch cấp trên nào, nên không có phiếu báo cáo gửi cấp trên; hãy dùng Báo cáo hoặc bảng theo dõi tiến độ.</source>
        <translation>This plan was not derived from an upper-level plan, so it has no report sheet for the upper level; use the Report or the progress sheet instead.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Xã/phường</source>
        <translation>Commune or ward</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ giao diện:</source>
        <translation>Interface &amp;language:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Chưa thực hiện</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Hoàn thành quá hạn</source>
        <translation>Done late</translation>
    </message>
    <message>
        <source>Chưa báo cáo</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>%1: hạn %2</source>
        <translation>%1: due %2</translation>
    </message>
    <message>
        <source>%1: trước ngày %2 mỗi năm</source>
        <translation>%1: before %2 every year</translation>
    </message>
    <message>
        <source>%1 %2 tháng</source>
        <translation>%1, every %2 months</translation>
    </message>
    <message>
        <source>từ tháng %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>từ năm %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>đến năm %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>Gõ để tìm, không cần dấu…</source>
        <translation>Type to search, diacritics optional…</translation>
    </message>
    <message>
        <source>Đơn vị phối hợp đã chọn</source>
        <translation>Chosen coordinating units</translation>
    </message>
    <message>
        <source>Thêm: gõ tên (không cần dấu), Enter</source>
        <translation>Add: type a name (diacritics optional), Enter</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Bỏ đơn vị đang chọn (Delete)</source>
        <translation>Remove the selected unit (Delete)</translation>
    </message>
    <message>
        <source>Vào danh mục</source>
        <translation>Add to catalog</translation>
    </message>
    <message>
        <source>Thêm đơn vị chưa có vào danh mục đơn vị của xã/phường</source>
        <translation>Add this new unit to the units catalog</translation>
    </message>
    <message>
        <source>(chưa có trong danh mục)</source>
        <translation>(not in the catalog)</translation>
    </message>
    <message>
        <source>Tên nhiệm vụ</source>
        <translation>Task title</translation>
    </message>
    <message>
        <source>Mỗi đoạn một dòng. Gạch đầu dòng gõ “- ” ở đầu dòng.</source>
        <translation>One paragraph per line. Start a bullet with “- ”.</translation>
    </message>
    <message>
        <source>Chọn hoặc gõ tự do, ví dụ: Quý III/2026</source>
        <translation>Pick or type freely, e.g. Quý III/2026</translation>
    </message>
    <message>
        <source>Có thể để trống</source>
        <translation>May be left blank</translation>
    </message>
    <message>
        <source>In ở cột Ghi chú của Phụ lục; có thể để trống</source>
        <translation>Printed in the Notes column of the appendix; may be blank</translation>
    </message>
    <message>
        <source>Cách ghi riêng của nhiệm vụ này</source>
        <translation>This task’s own wording</translation>
    </message>
    <message>
        <source>Nhãn dòng chủ trì:</source>
        <translation>Lead line label:</translation>
    </message>
    <message>
        <source>Nhãn dòng phối hợp:</source>
        <translation>Coordination line label:</translation>
    </message>
    <message>
        <source>Nhãn dòng thời gian:</source>
        <translation>Timeframe line label:</translation>
    </message>
    <message>
        <source>Nhãn dòng sản phẩm:</source>
        <translation>Product line label:</translation>
    </message>
    <message>
        <source>Khi kế hoạch giao việc bằng câu (“Giao Phòng X chủ trì, phối hợp với …”): mỗi câu một dòng, in thay cho hai dòng chủ trì/phối hợp. Sửa đơn vị ở trên sẽ xóa phần này.</source>
        <translation>When the plan assigns the units in sentences (“Giao Phòng X chủ trì, phối hợp với …”): one sentence per line, printed instead of the lead/coordination lines. Editing the units above clears this.</translation>
    </message>
    <message>
        <source>Giao việc bằng câu:</source>
        <translation>Assignment sentences:</translation>
    </message>
    <message>
        <source>&amp;Tên nhiệm vụ:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Nội dung:</source>
        <translation>&amp;Content:</translation>
    </message>
    <message>
        <source>Đơn vị &amp;chủ trì:</source>
        <translation>&amp;Lead unit:</translation>
    </message>
    <message>
        <source>Đơn vị &amp;phối hợp:</source>
        <translation>Coo&amp;rdinating units:</translation>
    </message>
    <message>
        <source>Thời &amp;gian thực hiện:</source>
        <translation>Ti&amp;meframe:</translation>
    </message>
    <message>
        <source>&amp;Sản phẩm:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>Ghi c&amp;hú:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Chọn một nhiệm vụ ở danh sách bên trái để sửa,
hoặc bấm “Thêm nhiệm vụ” (Ctrl+Enter).</source>
        <translation>Select a task on the left to edit it,
or click “Add task” (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Nhiệm vụ %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <source>Thực hiện nhiệm vụ %1 của KH %2</source>
        <translation>Carries out task %1 of plan %2</translation>
    </message>
    <message>
        <source>Thực hiện nhiệm vụ của KH %1</source>
        <translation>Carries out a task of plan %1</translation>
    </message>
    <message>
        <source>Thực hiện nhiệm vụ của kế hoạch cấp trên</source>
        <translation>Carries out a task of the upper-level plan</translation>
    </message>
    <message>
        <source>Nhiệm vụ cần có tên.</source>
        <translation>A task needs a title.</translation>
    </message>
    <message>
        <source>Sẽ in ở cột “%1” của phụ lục: %2</source>
        <translation>Will print in the appendix&apos;s “%1” column: %2</translation>
    </message>
    <message>
        <source>Sẽ in: “- %1: %2.”</source>
        <translation>Will print: “- %1: %2.”</translation>
    </message>
    <message>
        <source>Theo dõi hiểu là: %1</source>
        <translation>Tracked as: %1</translation>
    </message>
    <message>
        <source>Chưa có thời gian thực hiện.</source>
        <translation>No timeframe yet.</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>(chưa có tên)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>Cây nhiệm vụ</source>
        <translation>Task tree</translation>
    </message>
    <message>
        <source>Tìm (không cần dấu)…  Ctrl+F</source>
        <translation>Find (diacritics optional)…  Ctrl+F</translation>
    </message>
    <message>
        <source>Chỉ hiện nhiệm vụ của một đơn vị</source>
        <translation>Show only the tasks of one unit</translation>
    </message>
    <message>
        <source>Chỉ hiện nhiệm vụ có loại thời gian này</source>
        <translation>Show only tasks with this kind of timeframe</translation>
    </message>
    <message>
        <source>Mọi thời gian</source>
        <translation>Any timeframe</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ con</source>
        <translation>Add sub-task</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Thụt vào</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>Thụt ra</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Cắt</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>Dán</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Tên phần</source>
        <translation>Part title</translation>
    </message>
    <message>
        <source>Đoạn mở đầu của phần</source>
        <translation>Opening paragraph of the part</translation>
    </message>
    <message>
        <source>Đoạn mở đầu trước nhiệm vụ thứ nhất (nếu có), ví dụ: Các nhiệm vụ cụ thể như sau:</source>
        <translation>Paragraph before the first task (if any), e.g. “The specific tasks are as follows:”</translation>
    </message>
    <message>
        <source>Số nhiệm vụ: %1</source>
        <translation>Tasks: %1</translation>
    </message>
    <message>
        <source>Đang lọc: %1/%2 nhiệm vụ khớp</source>
        <translation>Filtered: %1 of %2 tasks match</translation>
    </message>
    <message>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Xóa nhiệm vụ “%1” cùng các nhiệm vụ con của nó (%2)? (Có thể hoàn tác bằng Ctrl+Z.)</source>
        <translation>Delete task “%1” with its sub-tasks (%2)? (Ctrl+Z undoes it.)</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Xóa nhiệm vụ</source>
        <translation>Delete task</translation>
    </message>
</context>
<context>
    <name>TextSectionPage</name>
    <message>
        <source>Tiêu đề mục (có thể để trống), ví dụ: Mục đích</source>
        <translation>Item heading (may be blank), e.g. Mục đích</translation>
    </message>
    <message>
        <source>Nội dung, mỗi đoạn một dòng</source>
        <translation>Content, one paragraph per line</translation>
    </message>
    <message>
        <source>Xóa mục</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>Chuyển mục lên</source>
        <translation>Move item up</translation>
    </message>
    <message>
        <source>Mục %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>Tên phần</source>
        <translation>Part title</translation>
    </message>
    <message>
        <source>&amp;Thêm mục</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <source>Mục có tiêu đề được in đánh số 1., 2., …; mục không có tiêu đề in nguyên các đoạn như đã gõ.</source>
        <translation>Items with a heading print numbered 1., 2., …; items without one print their paragraphs as typed.</translation>
    </message>
    <message>
        <source>Phần này cần có tên.</source>
        <translation>This part needs a title.</translation>
    </message>
</context>
<context>
    <name>TimeKind</name>
    <message>
        <source>Thường xuyên</source>
        <translation>Continuous</translation>
    </message>
    <message>
        <source>Hằng năm</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>Định kỳ</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <source>Trước một ngày hằng năm</source>
        <translation>By a date every year</translation>
    </message>
    <message>
        <source>Có thời hạn</source>
        <translation>With a deadline</translation>
    </message>
    <message>
        <source>Khi có yêu cầu</source>
        <translation>On request</translation>
    </message>
    <message>
        <source>Theo kế hoạch cấp trên</source>
        <translation>Following an upper-level plan</translation>
    </message>
    <message>
        <source>Chưa xác định</source>
        <translation>Not understood</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Danh mục đơn vị</source>
        <translation>Units catalog</translation>
    </message>
    <message>
        <source>Tìm đơn vị (không cần dấu)…</source>
        <translation>Find a unit (diacritics optional)…</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Cách viết khác (cách nhau bởi “;”)</source>
        <translation>Other spellings (separated by “;”)</translation>
    </message>
    <message>
        <source>&amp;Thêm đơn vị…</source>
        <translation>&amp;Add unit…</translation>
    </message>
    <message>
        <source>&amp;Gộp vào đơn vị khác…</source>
        <translation>&amp;Merge into another unit…</translation>
    </message>
    <message>
        <source>Hai cách viết là một đơn vị: nhiệm vụ của đơn vị này chuyển sang đơn vị được chọn, tên này thành cách viết khác</source>
        <translation>Two spellings, one unit: this unit’s tasks move to the chosen unit and this name becomes one of its spellings</translation>
    </message>
    <message>
        <source>&amp;Xóa khỏi danh mục</source>
        <translation>&amp;Remove from catalog</translation>
    </message>
    <message>
        <source>Đưa &amp;vào danh mục</source>
        <translation>Add to &amp;catalog</translation>
    </message>
    <message>
        <source>Tên đơn vị dùng trong kế hoạch nhưng chưa có trong danh mục</source>
        <translation>Unit names used in plans but not in the catalog</translation>
    </message>
    <message>
        <source>Sửa trực tiếp trong bảng (nhấp đúp). Mọi thay đổi được lưu ngay.</source>
        <translation>Edit directly in the table (double-click). Every change is saved at once.</translation>
    </message>
    <message>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <source>Hãy chọn đơn vị cần gộp trong bảng.</source>
        <translation>Select the unit to merge in the table first.</translation>
    </message>
    <message>
        <source>Gộp đơn vị</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <source>Gộp “%1” vào đơn vị:</source>
        <translation>Merge “%1” into:</translation>
    </message>
    <message>
        <source>Xóa đơn vị</source>
        <translation>Remove unit</translation>
    </message>
    <message>
        <source>Xóa đơn vị này khỏi danh mục? Các nhiệm vụ vẫn giữ tên đơn vị như đã ghi.</source>
        <translation>Remove this unit from the catalog? Tasks keep the unit name as written.</translation>
    </message>
</context>
</TS>
