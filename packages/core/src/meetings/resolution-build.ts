import { meetingSubtitle } from './documents.ts';
import { documentHeader, type MinutesInput } from './minutes-input.ts';
import type { MinutesModel, ResolutionModel } from './minutes-model.ts';

/**
 * The resolution (nghị quyết) a meeting voted, from what was recorded: same header as the minutes, the
 * resolution's number, the tasks of the meeting and the cell's signing authority.
 */
export function buildResolutionModel(
  input: MinutesInput,
  vote: MinutesInput['votes'][number],
  tasks: MinutesModel['tasks'],
): ResolutionModel {
  const { meeting, issuer, roll } = input;
  const chair = roll.find((l) => l.memberId === meeting.chairMemberId);
  return {
    header: documentHeader(input, input.numbers.resolution, 'NQ'),
    title: 'NGHỊ QUYẾT',
    subtitle: vote.text,
    preamble: `Căn cứ kết quả ${meetingSubtitle(meeting.kind, meeting.scheduledDate, meeting.combined).toLocaleLowerCase('vi')}; ${vote.statement.vi}`,
    sections: [{ heading: 'QUYẾT NGHỊ', paragraphs: (meeting.conclusion ?? vote.text).split(/\n+/u) }],
    tasks,
    signature: { onBehalf: issuer.onBehalf, title: 'BÍ THƯ', name: chair?.fullName ?? '' },
    recipients: [
      issuer.superiorBody ? `${issuer.superiorBody} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)',
      'Đảng viên trong chi bộ',
      'Lưu chi bộ',
    ],
  };
}
