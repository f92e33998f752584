/** Vietnamese texts of the installable app and of working without a network (issue 18); `en-offline.ts` mirrors them. */
export const viOffline = {
  offline: {
    // The write queue (lib/offline, H04).
    pending: 'Đã lưu trên máy — chưa gửi: {{count}}',
    sending: 'Đang gửi…',
    sent: 'Đã gửi',
    offlineBanner: 'Không có mạng — các thao tác được lưu trên máy',
    refusedTitle: 'Máy chủ không nhận {{count}} thao tác',
    refusedReason: 'Lý do: {{reason}}',
    dismiss: 'Đã hiểu',
    dismissLabel: 'Đã hiểu, bỏ khỏi danh sách: {{label}}',
    headerPendingLabel: '{{count}} thao tác đã lưu trên máy, chưa gửi',
    updateTitle: 'Có phiên bản mới',
    updateBody: 'Ứng dụng đã có bản cập nhật. Tải lại để dùng phiên bản mới.',
    reload: 'Tải lại',
  },
};
