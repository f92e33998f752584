import type { ProbationLine } from '@nennep/core/meetings/types';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/**
 * Beside a recognition vote (công nhận đảng viên chính thức): the member's admission date and the end of the
 * twelve months of probation (Điều lệ Đảng art. 5), with a warning when the meeting comes before that end.
 */
export function RecognitionNote({ line }: { line: ProbationLine | undefined }) {
  const { t } = useTranslation();
  if (!line) return null;
  const dates = t('votes.probation', {
    admission: formatDate(line.admissionDate),
    ends: formatDate(line.probationEnds),
  });
  if (!line.early)
    return (
      <div className="nn-muted" style={{ marginBottom: 8 }} data-testid="vote-probation">
        {dates}
      </div>
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={t('votes.early', { ends: formatDate(line.probationEnds) })}
      description={<span data-testid="vote-probation">{dates}</span>}
      data-testid="vote-early"
    />
  );
}
