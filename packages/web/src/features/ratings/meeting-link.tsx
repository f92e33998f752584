import { TrophyOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * At the cell's year-end meeting (December, or January for the year before — HD 43-HD/BTCTW: the review is held
 * at the end of the year), the way to the cell's review of its members, made through this meeting.
 */
export function MeetingRatingsLink({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const month = Number(meeting.date.slice(5, 7));
  if (!meeting.abilities.run || (month !== 12 && month !== 1)) return null;
  const year = Number(meeting.date.slice(0, 4)) - (month === 1 ? 1 : 0);
  const to = `/ratings/cell?org=${encodeURIComponent(meeting.orgCode)}&year=${year}&meeting=${meeting.id}`;
  return (
    <Alert
      type="info"
      showIcon
      icon={<TrophyOutlined />}
      style={{ marginBottom: 12 }}
      title={
        <Link to={to} data-testid="meeting-ratings-link">
          {t('ratings.meetingLink')}
        </Link>
      }
      description={t('ratings.meetingLinkHint')}
    />
  );
}
