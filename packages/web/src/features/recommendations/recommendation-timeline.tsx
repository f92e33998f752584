import { ArrowRightOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18n } from '../../app/i18n';
import { FileUploadButton, fileSizeText } from '../../components/file-upload';
import { formatDateTime } from '../../lib/format';
import {
  attachmentUploadUrl,
  attachmentUrl,
  type RecommendationDetailDto,
  type RecommendationEventKind,
  recommendationKeys,
} from './api';

// Hex, not antd's names: its "blue" follows the primary colour, which is the Party red here.
const BLUE = '#1677ff';
const EVENT_COLORS: Partial<Record<RecommendationEventKind, string>> = {
  escalated: '#cf1322',
  declined: '#cf1322',
  answered: '#389e0d',
  answer_given: '#389e0d',
  reported_back: '#389e0d',
  merged: '#8c8c8c',
  attachment: '#8c8c8c',
};

/**
 * Kinds whose note is `#id` of a meeting followed by its name (the server writes it so; older notes are
 * the bare `#id`): the id makes the link, people read the name. `merged` names a recommendation.
 */
const MEETING_NOTES: readonly RecommendationEventKind[] = ['put_on_agenda', 'answer_given', 'reported_back'];

function EventNote({ kind, note }: { kind: RecommendationEventKind; note: string | null }) {
  const { t } = useTranslation();
  if (!note) return null;
  const ref = /^#(\d+)(?:\s+(.+))?$/s.exec(note.trim());
  if (ref && MEETING_NOTES.includes(kind)) {
    return <Link to={`/meetings/${ref[1]}`}>{ref[2] ?? t('recommendations.detail.meetingLink')}</Link>;
  }
  if (ref && kind === 'merged') {
    return (
      <Link to={`/recommendations/${ref[1]}`}>{t('recommendations.detail.recLink', { id: ref[1] })}</Link>
    );
  }
  return <div className="nn-rec-timeline-note">{note}</div>;
}

function EventRoute({ from, to }: { from: string | null; to: string | null }) {
  if (!from && !to) return null;
  return (
    <div className="nn-small">
      {from && to && from !== to ? (
        <>
          {from} <ArrowRightOutlined />{' '}
        </>
      ) : null}
      {to ?? from}
    </div>
  );
}

/** The server signs its own steps (escalation, agenda) 'Hệ thống': say it in the UI language. */
const actorName = (name: string) => (name === 'Hệ thống' ? i18n.t('common.system') : name);

/** Every step, oldest first: who, when, from where to where, and the note. */
export function RecTimeline({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('recommendations.detail.timeline')}>
      <Timeline
        data-testid="rec-timeline"
        items={rec.events.map((e, index) => ({
          key: `${e.at}-${index}`,
          color: EVENT_COLORS[e.kind] ?? BLUE,
          content: (
            <div data-testid="rec-event" data-kind={e.kind}>
              <div className="nn-muted nn-small">{formatDateTime(e.at)}</div>
              <Typography.Text strong>{t(`recEvent.${e.kind}`)}</Typography.Text>
              <span className="nn-muted">
                {' '}
                · {t('recommendations.detail.by', { name: actorName(e.actorName) })}
              </span>
              <EventRoute from={e.fromOrgName} to={e.toOrgName} />
              <EventNote kind={e.kind} note={e.note} />
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** The files that came with it (letters, photos, the answer's document); those acting add more. */
export function RecAttachments({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <Card size="small" title={t('recommendations.detail.attachments')}>
      {rec.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.detail.noAttachments')} />
      ) : (
        <div className="nn-card-list" data-testid="rec-attachments">
          {rec.attachments.map((a) => (
            <Flex key={a.id} justify="space-between" gap={8} align="start">
              <a href={attachmentUrl(rec.id, a.id)} download className="nn-material-name">
                <PaperClipOutlined /> {a.fileName}
              </a>
              <span className="nn-muted nn-small" style={{ flexShrink: 0 }}>
                {fileSizeText(a.size)}
              </span>
            </Flex>
          ))}
        </div>
      )}
      {rec.abilities.attach ? (
        <div style={{ marginTop: 12 }}>
          <FileUploadButton<RecommendationDetailDto>
            url={() => attachmentUploadUrl(rec.id)}
            label={t('recommendations.detail.upload')}
            testId="rec-attachment-file"
            onDone={(detail) => {
              queryClient.setQueryData(recommendationKeys.detail(rec.id), detail);
              void message.success(t('recommendations.detail.uploaded'));
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
