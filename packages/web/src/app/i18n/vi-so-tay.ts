/**
 * Vietnamese texts of the Sổ tay đảng viên điện tử card (issue 17 item 4; HD 42-HD/BTCTW: materials posted on
 * the app at least one day before the meeting); `en-so-tay.ts` mirrors them.
 */
export const viSoTay = {
  soTay: {
    title: 'Sổ tay đảng viên điện tử',
    help: 'Ứng dụng Sổ tay đảng viên chưa có kết nối: tải gói tài liệu (chương trình và tài liệu) rồi đăng lên Sổ tay ít nhất 1 ngày trước buổi họp, sau đó ghi nhận thời điểm đã đăng.',
    download: 'Tải gói tài liệu cho Sổ tay (PDF)',
    downloadFailed: 'Không tải được gói tài liệu',
    postedAt: 'Thời điểm đăng',
    markPosted: 'Đã đăng lên Sổ tay',
    posted: 'Đã đăng lên Sổ tay lúc {{at}}',
    recordedBy: 'Ghi nhận bởi {{name}}',
    early: 'Trước buổi họp ít nhất 1 ngày',
    late: 'Chưa đủ 1 ngày trước buổi họp',
    saved: 'Đã ghi nhận đăng lên Sổ tay',
    undo: 'Bỏ ghi nhận',
    undone: 'Đã bỏ ghi nhận',
    notPosted: 'Chưa ghi nhận đăng lên Sổ tay',
  },
};
