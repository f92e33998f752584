/** Vietnamese texts of an organisation's naming (tên gọi trên văn bản); `en-orgs.ts` mirrors them. */
export const viOrgs = {
  orgNaming: {
    title: 'Tên gọi trên văn bản',
    edit: 'Sửa tên gọi',
    editTitle: 'Sửa tên gọi trên văn bản',
    bodyName: 'Tên cấp ủy',
    symbol: 'Ký hiệu trên văn bản',
    placeName: 'Địa danh ghi ngày tháng',
    onBehalf: 'Thẩm quyền ký (T/M)',
    isDefault: 'mặc định',
    defaultValue: 'Mặc định: {{value}}',
    preview: 'Phần đầu văn bản (xem trước)',
    blankHint: 'Để trống một ô để dùng giá trị mặc định (chữ mờ trong ô).',
    issuedHint: 'Văn bản đã ban hành giữ nguyên tên gọi lúc ban hành.',
    symbolFormat: 'Ký hiệu gồm chữ in hoa (có thể có dấu, như ĐU), chữ số và dấu -',
    tooLong: '{{field}} dài tối đa {{max}} ký tự',
    saved: 'Đã lưu tên gọi trên văn bản',
    changed: 'Đổi tên gọi trên văn bản',
  },
};
