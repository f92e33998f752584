import { CheckOutlined, CloseOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { MEETING_LIMITS, type MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { Alert, Button, Card, Descriptions, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { hhmm, weekday } from '../../components/meeting-tags';
import { formatDate } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import { AgendaList } from './agenda-editor';
import { documentUrl, meetingCommands } from './api';
import { MaterialsList } from './materials-card';

type Answer = { reply: 'confirm' } | { reply: 'excuse'; reason: string };

// The meeting page does not tell a member their own answer back (the roll call is not theirs to read),
// so this device remembers what was sent from it.
const storageKey = (id: number) => `nennep.reply.${id}`;
function loadAnswer(id: number): Answer | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Answer) : null;
  } catch {
    return null;
  }
}

function ReplyCard({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [answer, setAnswer] = useState<Answer | null>(() => loadAnswer(meeting.id));
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const send = useAction({
    mutationFn: (a: Answer) =>
      meetingCommands.reply(meeting.id, a.reply, a.reply === 'excuse' ? a.reason : null),
    form,
    success: t('common.done'),
    onSuccess: (_, a) => {
      setAnswer(a);
      setAsking(false);
      try {
        localStorage.setItem(storageKey(meeting.id), JSON.stringify(a));
      } catch {
        // Private mode: the answer was sent; only the reminder is lost.
      }
    },
  });
  return (
    <Card size="small" data-testid="member-reply">
      {answer ? (
        <Alert
          type={answer.reply === 'confirm' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            answer.reply === 'confirm'
              ? t('memberView.confirmed')
              : t('memberView.excused', { reason: answer.reason })
          }
          data-testid="member-reply-state"
        />
      ) : null}
      <div className="nn-reply-grid">
        <Button
          type={answer?.reply === 'confirm' ? 'default' : 'primary'}
          size="large"
          icon={<CheckOutlined />}
          className="nn-huge-btn"
          loading={send.isPending && send.variables?.reply === 'confirm'}
          onClick={() => send.mutate({ reply: 'confirm' })}
          data-testid="member-confirm"
        >
          {t('memberView.confirm')}
        </Button>
        <Button
          size="large"
          icon={<CloseOutlined />}
          className="nn-huge-btn"
          onClick={() => setAsking(true)}
          data-testid="member-excuse"
        >
          {t('memberView.excuse')}
        </Button>
      </div>
      {asking ? (
        <FormModal<{ reason: string }>
          title={t('memberView.excuseTitle')}
          form={form}
          onSubmit={(v) => send.mutate({ reply: 'excuse', reason: v.reason.trim() })}
          onClose={() => setAsking(false)}
          loading={send.isPending}
          okText={t('memberView.excuse')}
          testId="member-excuse-form"
        >
          <Form.Item name="reason" label={t('roll.reason')} rules={[rules.required(t('roll.reason'))]}>
            <Input.TextArea
              rows={3}
              maxLength={MEETING_LIMITS.reason}
              placeholder={t('roll.reasonHint')}
              data-testid="member-excuse-reason"
            />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}

function ResolutionCard({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const resolution = meeting.documents.find((d) => d.docType === 'NQ');
  return (
    <Card size="small" title={t('memberView.resolution')}>
      {resolution ? (
        <>
          <div style={{ marginBottom: 8 }}>
            <strong>{resolution.number}</strong>
          </div>
          <Flex wrap gap={8}>
            <Button
              size="large"
              icon={<FileWordOutlined />}
              href={documentUrl(meeting.id, 'resolution.docx')}
              download
              data-testid="download-resolution-docx"
            >
              {t('minutes.resolutionDocx')}
            </Button>
            <Button
              size="large"
              icon={<FilePdfOutlined />}
              href={documentUrl(meeting.id, 'resolution.pdf')}
              download
              data-testid="download-resolution-pdf"
            >
              {t('minutes.resolutionPdf')}
            </Button>
          </Flex>
        </>
      ) : (
        <div className="nn-muted">{t('memberView.noResolution')}</div>
      )}
    </Card>
  );
}

/** What a member sees: when and where, the agenda, published materials, the answer, the resolution. */
export function MemberView({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const upcoming = meeting.status === 'planned' || meeting.status === 'prepared';
  return (
    <div className="nn-stack" data-testid="member-view">
      <Card size="small" title={t('memberView.schedule')}>
        <Descriptions
          column={1}
          size="middle"
          className="nn-big-descriptions"
          items={[
            {
              key: 'when',
              label: t('memberView.when'),
              children: `${hhmm(meeting.startTime)}, ${weekday(meeting.date)} ${formatDate(meeting.date)}`,
            },
            {
              key: 'where',
              label: t('memberView.where'),
              children: meeting.place || t('memberView.noPlace'),
            },
          ]}
        />
      </Card>
      {upcoming && me.memberCode ? <ReplyCard meeting={meeting} /> : null}
      {meeting.status === 'held' ? <Alert type="info" showIcon title={t('memberView.closed')} /> : null}
      {meeting.status === 'adopted' ? <ResolutionCard meeting={meeting} /> : null}
      <Card size="small" title={t('memberView.materials')}>
        <MaterialsList meeting={meeting} />
      </Card>
      <Card size="small" title={t('memberView.agenda')}>
        <AgendaList agenda={meeting.agenda} />
      </Card>
    </div>
  );
}
