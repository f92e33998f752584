import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { supervisionCommands, supervisionKeys, useAvailability, useMyVisits } from './api';
import { MyVisitCard } from './visit-tags';
import '../meetings/meetings.css';
import './supervision.css';
import { DATE_FORMAT } from '../../lib/format';

/** "Ngày bận": the days the visitor cannot go; the planner avoids them. */
function BusyDays({ initial }: { initial: string[] }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<Dayjs[]>(() => initial.map((d) => dayjs(d)));
  const save = useAction({
    mutationFn: () => supervisionCommands.setAvailability(days.map((d) => d.format('YYYY-MM-DD'))),
    success: t('supervision.mine.busySaved'),
    invalidate: [supervisionKeys.availability],
  });
  return (
    <Card size="small" title={t('supervision.mine.busy')}>
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('supervision.mine.busyHelp')}
      </p>
      <Flex vertical gap={8}>
        <DatePicker
          multiple
          size="large"
          format={DATE_FORMAT}
          value={days}
          onChange={(value) => setDays(Array.isArray(value) ? value : value ? [value] : [])}
          placeholder={t('supervision.mine.busyPick')}
          aria-label={t('supervision.mine.busyPick')}
          minDate={dayjs().startOf('day')}
          style={{ width: '100%' }}
          maxTagCount="responsive"
          data-testid="busy-days"
        />
        <Button
          type="primary"
          size="large"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={() => save.mutate(undefined)}
          data-testid="busy-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}

/** `/supervision/my-visits`: the account's visits to cells' meetings, phone first, and its busy days. */
export function MyVisitsPage() {
  const { t } = useTranslation();
  const visits = useMyVisits();
  const availability = useAvailability();
  return (
    <>
      <PageHeader title={t('supervision.mine.title')} />
      <div className="nn-stack">
        <QueryState query={visits}>
          {(data) =>
            data.items.length === 0 ? (
              <Card size="small">
                <Empty description={t('supervision.mine.empty')} />
              </Card>
            ) : (
              <div className="nn-card-list" data-testid="my-visits">
                {data.items.map((v) => (
                  <MyVisitCard key={v.id} visit={v} />
                ))}
              </div>
            )
          }
        </QueryState>
        <QueryState query={availability}>{(data) => <BusyDays initial={data.unavailableDates} />}</QueryState>
      </div>
    </>
  );
}
