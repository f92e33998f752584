import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageStatus, RegistrationStatus, TopicStatus } from './api';

const TOPIC_COLORS: Record<TopicStatus, string> = { draft: 'default', published: 'green', withdrawn: 'red' };
const REG_COLORS: Record<RegistrationStatus, string> = {
  registered: 'blue',
  pending: 'gold',
  approved: 'blue',
  refused: 'red',
};
const COVERAGE_COLORS: Record<CoverageStatus, string> = {
  none: 'red',
  pending: 'gold',
  refused: 'volcano',
  registered: 'blue',
  approved: 'blue',
  paper_shared: 'geekblue',
  held: 'cyan',
  resolution_adopted: 'green',
};

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TOPIC_COLORS[status]} data-testid="thematic-topic-status" data-status={status}>
      {t(`thematic.topicStatus.${status}`)}
    </Tag>
  );
}

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REG_COLORS[status]} data-testid="thematic-reg-status" data-status={status}>
      {t(`thematic.regStatus.${status}`)}
    </Tag>
  );
}

/** The step a cell has reached in the quarter, in the UI language (Vietnamese first). */
export function CoverageStatusTag({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COVERAGE_COLORS[status]} data-testid="thematic-coverage-status" data-status={status}>
      {t(`thematic.coverageStatus.${status}`)}
    </Tag>
  );
}
