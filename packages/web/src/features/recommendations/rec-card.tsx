import { RightOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import type { RecommendationDto } from './api';
import { categoryText, DueText, handlerText, RecLevelTag, RecStatusTag } from './recommendation-tags';

export const recLink = (id: number) => `/recommendations/${id}`;

export const recRowProps = (r: RecommendationDto) =>
  ({
    'data-testid': 'rec-row',
    'data-id': r.id,
    'data-status': r.status,
  }) as HTMLAttributes<HTMLElement>;

/** Phone card: the text first (large, up to three lines), then where it stands. Tap to open. */
export function RecCard({ rec, showCell = true }: { rec: RecommendationDto; showCell?: boolean }) {
  return (
    <Link to={recLink(rec.id)} className="nn-rec-card" {...recRowProps(rec)}>
      <div className="nn-rec-card-main">
        <div className="nn-rec-card-text">{rec.text}</div>
        <div className="nn-muted nn-small">
          {showCell ? `${rec.cellName} · ` : ''}
          {categoryText(rec)} · {rec.raisedBy}, {formatDate(rec.raisedOn)}
        </div>
        <Flex wrap gap={4} align="center" className="nn-rec-tags">
          <RecStatusTag status={rec.status} />
          <RecLevelTag level={rec.level} />
          <DueText rec={rec} />
        </Flex>
        <div className="nn-muted nn-small">{handlerText(rec)}</div>
      </div>
      <RightOutlined className="nn-rec-card-arrow" aria-hidden />
    </Link>
  );
}
