"""Vietnamese for Qt's own strings that users meet (Qt ships no qtbase_vi): dialog buttons, context menus.

``python i18n/build.py`` writes ``i18n/qtbase_vi.ts`` from this table and compiles it to
``kehoach_desktop/data/qtbase_vi.qm``. Source strings are Qt's, exactly (context, text).
"""

QT_VI = {
    "QPlatformTheme": {
        "OK": "Đồng ý", "Save": "Lưu", "Save All": "Lưu tất cả", "Open": "Mở", "&Yes": "&Có",
        "Yes to &All": "Có với tất &cả", "&No": "&Không", "N&o to All": "K&hông với tất cả", "Abort": "Hủy bỏ",
        "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close": "Đóng", "Cancel": "Hủy", "Discard": "Không lưu",
        "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
    },
    "QDialogButtonBox": {"OK": "Đồng ý"},
    "QMessageBox": {"Show Details...": "Xem chi tiết...", "Hide Details...": "Ẩn chi tiết...",
                    "About Qt": "Giới thiệu Qt"},
    "QProgressDialog": {"Cancel": "Hủy"},
    "QInputDialog": {"Enter a value:": "Nhập giá trị:"},
    "QLineEdit": {"&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép",
                  "&Paste": "&Dán", "Delete": "Xóa", "Select All": "Chọn tất cả"},
    "QWidgetTextControl": {"&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép",
                           "&Paste": "&Dán", "Delete": "Xóa", "Select All": "Chọn tất cả",
                           "Copy &Link Location": "Sao chép địa chỉ &liên kết"},
    "QAbstractSpinBox": {"&Select All": "&Chọn tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QFileDialog": {
        "&Look in:": "&Tìm trong:", "File &name:": "&Tên tệp:", "Files of &type:": "&Loại tệp:",
        "&Open": "&Mở", "&Save": "&Lưu", "&Choose": "&Chọn", "Open": "Mở", "Save As": "Lưu thành",
        "All Files (*)": "Tất cả các tệp (*)", "All files (*)": "Tất cả các tệp (*)", "Back": "Lùi lại",
        "Forward": "Tiến tới", "Parent Directory": "Thư mục cha", "Create New Folder": "Tạo thư mục mới",
        "New Folder": "Thư mục mới", "&New Folder": "Thư mục &mới", "List View": "Danh sách",
        "Detail View": "Chi tiết", "Directory:": "Thư mục:", "Recent Places": "Đã mở gần đây",
        "&Delete": "&Xóa", "&Rename": "Đổi &tên", "Show &hidden files": "Hiện tệp &ẩn",
        "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp đó?",
    },
    "QPrintPreviewDialog": {
        "Print Preview": "Xem trước khi in", "Print": "In", "Next page": "Trang sau",
        "Previous page": "Trang trước", "First page": "Trang đầu", "Last page": "Trang cuối",
        "Fit width": "Vừa chiều rộng", "Fit page": "Vừa trang", "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ",
        "Portrait": "Khổ dọc", "Landscape": "Khổ ngang", "Show single page": "Từng trang",
        "Show facing pages": "Hai trang đối diện", "Show overview of all pages": "Toàn bộ các trang",
        "Page setup": "Thiết lập trang", "Page Setup": "Thiết lập trang", "Export to PDF": "Xuất PDF",
    },
}
