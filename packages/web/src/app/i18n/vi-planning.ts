/** Vietnamese texts of spreading the cells' meeting days (dàn đều ngày họp); `en-planning.ts` mirrors them. */
export const viPlanning = {
  meetingDays: {
    open: 'Dàn đều ngày họp',
    title: 'Dàn đều ngày họp các chi bộ',
    help: 'Xếp ngày họp thường kỳ của các chi bộ trong những ngày họp của tháng để cấp ủy cử được người đi dự: mỗi ngày không quá số chi bộ nêu dưới đây, chi bộ trọng điểm không quá số người đi dự được, chi bộ giữ ngày quen họp khi có thể. Xem trước, rồi mới áp dụng.',
    days: 'Ngày họp còn lại',
    daysValue: 'Từ ngày {{from}} đến ngày {{to}}/{{month}}',
    perDay: 'Tối đa mỗi ngày',
    visitors: 'Người đi dự',
    visitorsValue: '{{count}} người — mỗi ngày dự được {{capacity}} chi bộ trọng điểm trong đợt',
    changes: 'Thay đổi',
    changesValue: '{{count}} cuộc họp dời ngày hoặc lập lịch mới',
    cellCount: '{{count}} chi bộ',
    covered: 'Trọng điểm, có người dự',
    uncoveredTag: 'Trọng điểm, chưa đủ người dự',
    notPlanned: 'Chưa có lịch, sẽ lập',
    movedFrom: 'Dời từ {{date}}',
    uncovered:
      'Không đủ người đi dự cho {{count}} chi bộ trọng điểm: {{names}}. Hãy bổ sung người vào tổ công tác.',
    settled: 'Đã họp hoặc họp hôm nay, giữ nguyên: {{names}}.',
    apply: 'Áp dụng ({{count}} thay đổi)',
    applied: 'Đã dời {{moved}} cuộc họp và lập lịch {{planned}} cuộc họp; người đi dự được báo ngày mới.',
  },
};
