/** Vietnamese texts of the column mapping step of imports; `en-imports.ts` mirrors them. */
export const viImports = {
  importMapping: {
    title: 'Ghép cột của tệp',
    intro:
      'Tên cột của tệp này khác tệp mẫu — chẳng hạn tệp xuất từ Cơ sở dữ liệu đảng viên. Hãy cho biết mỗi cột của tệp ứng với cột nào của Nền Nếp; cột không dùng đến (quê quán, dân tộc, tôn giáo…) thì chọn "Bỏ qua". Nền Nếp chỉ đọc các cột đã ghép, không lưu gì từ các cột bỏ qua.',
    rules:
      'Ngày được đọc theo kiểu Việt Nam, ngày trước tháng sau: dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd hoặc ô kiểu ngày của Excel. Cột chi bộ có thể ghi mã hoặc tên chi bộ.',
    remember:
      'Khi ghi dữ liệu, cách ghép được lưu cho đơn vị của bạn: lần sau, tệp có đúng các tên cột này sẽ tự ghép.',
    source: {
      exact: 'Các cột trùng tên với tệp mẫu.',
      saved: 'Đã tự ghép theo cách ghép đã lưu cho tệp cùng dạng. Bạn vẫn có thể sửa.',
      guessed: 'Nền Nếp đã đoán cách ghép từ tên cột. Hãy xem kỹ các cột có độ tin cậy thấp.',
      chosen: 'Đang dùng cách ghép bạn chọn.',
    },
    fileColumn: 'Cột trong tệp',
    example: 'Giá trị dòng đầu',
    appColumn: 'Cột của Nền Nếp',
    confidence: 'Độ tin cậy',
    ignore: '— Bỏ qua —',
    required: 'bắt buộc',
    unnamed: '(cột {{letter}}, không có tên)',
    basis: {
      header: 'Trùng tên cột',
      saved: 'Đã lưu',
      guess: 'Đoán {{percent}}%',
      chosen: 'Bạn chọn',
      none: 'Bỏ qua',
    },
    missing: 'Chưa có cột bắt buộc: {{columns}}.',
    twice: 'Cột "{{column}}" đang được chọn cho nhiều cột của tệp; chỉ chọn một.',
    apply: 'Áp dụng cách ghép và kiểm tra lại',
    reset: 'Trở lại cách ghép đang áp dụng',
    notApplied: 'Cách ghép đã thay đổi: bấm "Áp dụng cách ghép và kiểm tra lại" trước khi ghi vào hệ thống.',
    previewTitle: 'Các dòng đầu, như Nền Nếp sẽ đọc',
    previewHelp:
      'Ngày đã đổi về dd/mm/yyyy, giá trị đã đổi về từ ngữ của tệp mẫu. Chữ đỏ: không đọc được. Chữ nghiêng, mờ: cột vừa đổi, chưa kiểm tra lại.',
    row: 'Dòng',
    noRows: 'Tệp không có dòng dữ liệu.',
    noColumns: 'Chưa ghép cột nào.',
  },
};
