/**
 * The score sheet of the sample model meeting (Cần Thơ, 2023; domain.md §3) as the rules engine gives it
 * under the default rule set: the fixtures' minutes print it, and a test checks it against the engine.
 */
import type { CriterionScore } from '@nennep/core';

/**
 * What `scoreMeeting(DEFAULT_RULE_SET…)` gives for this meeting (130 of 90 minutes, 17/17 present, 10
 * speakers, 90% of last month's targets, hand marks 3·2·10·9·5·9·5·5): 98 points, Tốt. Kept literal so the
 * golden files change only when the documents do. Each line: id, max, points, then the explanation in
 * Vietnamese and English without the " — points/max" ending, which is added as the rules engine writes it.
 */
const SHEET: [string, number, number, string, string][] = [
  ['duration', 5, 5, 'Thời gian 130/90 phút: đủ thời gian', 'Duration 130/90 min: full time'],
  [
    'attendance_rate',
    4,
    4,
    'Tỷ lệ dự họp 17/17 (100%): từ 90% trở lên',
    'Attendance 17/17 (100%): 90% or more',
  ],
  [
    'no_long_absence',
    1,
    1,
    'Không ai vắng quá 3 lần liên tiếp: không có',
    'Nobody absent more than 3 times in a row: none',
  ],
  [
    'materials_early',
    2,
    2,
    'Tài liệu gửi trước ít nhất 1 ngày: có',
    'Materials published at least 1 day before: yes',
  ],
  [
    'cell_committee_met',
    3,
    3,
    'Chi ủy (nơi không có chi ủy: bí thư, phó bí thư) họp chuẩn bị: có',
    'Cell committee (without one: secretary and deputy) met to prepare: yes',
  ],
  ['draft_resolution', 3, 3, 'Chuẩn bị dự thảo nghị quyết: đạt', 'Draft resolution prepared: met'],
  ['secretary_prepared', 2, 2, 'Bí thư trực tiếp chuẩn bị: đạt', 'The secretary prepared it personally: met'],
  [
    'speaking_share',
    5,
    5,
    'Đảng viên phát biểu 10/17 người phát biểu (58,8%): trên 50% số có mặt',
    'Members who spoke 10/17 spoke (58.8%): more than 50% of those present',
  ],
  ['order_followed', 10, 10, 'Đúng trình tự sinh hoạt: đạt', 'Standard order followed: met'],
  ['content_quality', 10, 9, 'Nội dung sinh hoạt: chấm tay', 'Content of the meeting: scored by hand'],
  ['minutes_complete', 5, 5, 'Biên bản ghi đầy đủ: đạt', 'Minutes complete: met'],
  ['chairing', 10, 9, 'Điều hành của chủ trì: chấm tay', 'Chairing: scored by hand'],
  ['principles', 5, 5, 'Giữ nguyên tắc sinh hoạt đảng: đạt', 'Party principles kept: met'],
  [
    'previous_resolution',
    30,
    30,
    'Kết quả thực hiện nghị quyết kỳ trước 90%: đạt 90–100%',
    "Results of the previous resolution's tasks 90%: 90–100% done",
  ],
  ['closing', 5, 5, 'Kết thúc sinh hoạt: đạt', 'Closing of the meeting: met'],
];

export const CRITERIA: CriterionScore[] = SHEET.map(([criterionId, max, points, vi, en]) => ({
  criterionId,
  max,
  points,
  explanation: { vi: `${vi} — ${points}/${max} điểm`, en: `${en} — ${points}/${max} points` },
}));
