import { ExperimentOutlined } from '@ant-design/icons';
import type { QualityScore } from '@nennep/core/meetings/types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingTitle } from '../../components/meeting-tags';
import { formatDate } from '../../lib/format';
import { useMeetingScore, useMeetings } from '../meetings/api';
import { ScoreSheetView, ScoreSummary } from '../meetings/score-tab';
import { ruleSetCommands } from './api';

/**
 * "Thử chấm": how a past meeting would score under the draft. The server scores it (the rules live there);
 * nothing is stored.
 */
export function RuleSetPreview({ org, draft }: { org: string; draft: () => RuleSetContent }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const [meetingId, setMeetingId] = useState<number | undefined>();
  const today = dayjs();
  const past = useMeetings({
    org,
    from: today.subtract(1, 'year').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  });
  const held = (past.data?.items ?? [])
    .filter((m) => m.status === 'held' || m.status === 'adopted')
    .reverse()
    .slice(0, 300);
  const current = useMeetingScore(meetingId ?? 0, !!meetingId);
  const [content, setContent] = useState<RuleSetContent | null>(null);
  const preview = useMutation<QualityScore, Error, { id: number; content: RuleSetContent }>({
    mutationFn: (v) => ruleSetCommands.preview(v.id, v.content),
  });
  const run = (id: number | undefined) => {
    if (!id) return;
    const next = draft();
    setContent(next);
    preview.mutate({ id, content: next });
  };
  return (
    <Card size="small" title={t('ruleSets.preview')} data-testid="rule-set-preview">
      <p className="nn-muted">{t('ruleSets.previewHelp')}</p>
      {held.length === 0 && !past.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ruleSets.noPastMeetings')} />
      ) : (
        <>
          <Select<number>
            size="large"
            style={{ width: '100%' }}
            placeholder={t('ruleSets.previewMeeting')}
            aria-label={t('ruleSets.previewMeeting')}
            loading={past.isPending}
            value={meetingId}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(id) => {
              setMeetingId(id);
              run(id);
            }}
            options={held.map((m) => ({
              value: m.id,
              label: `${formatDate(m.date)} · ${m.orgName} · ${title(m)}`,
            }))}
            data-testid="preview-meeting"
          />
          <Button
            size="large"
            icon={<ExperimentOutlined />}
            style={{ marginTop: 8 }}
            disabled={!meetingId}
            loading={preview.isPending}
            onClick={() => run(meetingId)}
            data-testid="preview-run"
          >
            {t('ruleSets.previewRun')}
          </Button>
        </>
      )}
      {preview.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ruleSets.invalid')}
          description={preview.error.message}
        />
      ) : null}
      {preview.data && content ? (
        <div style={{ marginTop: 12 }} data-testid="preview-result">
          {current.data ? (
            <div className="nn-muted" data-testid="preview-current">
              {t('ruleSets.previewCurrent', {
                total: current.data.total,
                level: t(`level.${current.data.level}`),
              })}
            </div>
          ) : null}
          <div style={{ fontWeight: 600, margin: '4px 0 8px' }}>
            {t('ruleSets.previewResult', {
              total: preview.data.total,
              level: t(`level.${preview.data.level}`),
            })}
          </div>
          <ScoreSummary score={preview.data} />
          <div style={{ marginTop: 12 }}>
            <ScoreSheetView content={content} score={preview.data} manual={{}} editable={false} />
          </div>
        </div>
      ) : null}
    </Card>
  );
}
