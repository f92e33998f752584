import { FilePdfOutlined, FileWordOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MEETING_LIMITS,
  type MeetingDetailDto,
  type MeetingRecordDto,
} from '@nennep/core/meetings/api-types';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, formatDate, toIsoDay } from '../../lib/format';
import { useQueuedWrites } from '../../lib/offline/queue';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { documentUrl, meetingCommands, meetingKeys } from './api';
import { meetingScope } from './offline-overlay';
import { votingPresent } from './roll-call';
import type { TabProps } from './shared';
import { isOpen } from './shared';
import { VoteCountFields } from './vote-counts';

export function DocumentNumbers({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  if (meeting.documents.length === 0) return null;
  return (
    <ul className="nn-plain-list" data-testid="document-numbers">
      {meeting.documents.map((d) => (
        <li key={d.docType}>
          {d.docType === 'BB' || d.docType === 'NQ' ? t(`minutes.docNumber.${d.docType}`) : d.docType}:{' '}
          <strong>{d.number}</strong>
        </li>
      ))}
    </ul>
  );
}

function DocumentsCard({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  const adopted = meeting.status === 'adopted';
  const hasResolution = adopted
    ? meeting.documents.some((d) => d.docType === 'NQ')
    : record.votes.some((v) => v.subject === 'resolution');
  const link = (
    name: 'minutes.docx' | 'minutes.pdf' | 'resolution.docx' | 'resolution.pdf',
    label: string,
    testId: string,
  ) => (
    <Button
      size="large"
      icon={name.endsWith('pdf') ? <FilePdfOutlined /> : <FileWordOutlined />}
      href={documentUrl(meeting.id, name)}
      download
      disabled={name.startsWith('resolution') && !hasResolution}
      data-testid={testId}
    >
      {label}
    </Button>
  );
  return (
    <Card size="small" title={t('minutes.documents')}>
      {adopted ? null : (
        <div className="nn-muted" style={{ marginBottom: 8 }}>
          {t('minutes.draftNote')}
        </div>
      )}
      <div className="nn-doc-grid">
        {link('minutes.docx', t('minutes.minutesDocx'), 'download-minutes-docx')}
        {link('minutes.pdf', t('minutes.minutesPdf'), 'download-minutes-pdf')}
        {link('resolution.docx', t('minutes.resolutionDocx'), 'download-resolution-docx')}
        {link('resolution.pdf', t('minutes.resolutionPdf'), 'download-resolution-pdf')}
        {adopted && record.addenda.length > 0 ? (
          <Button
            size="large"
            icon={<FileWordOutlined />}
            href={documentUrl(meeting.id, 'minutes.docx', true)}
            download
          >
            {t('minutes.withAddenda')}
          </Button>
        ) : null}
      </div>
      {hasResolution ? null : (
        <div className="nn-muted" style={{ marginTop: 8 }}>
          {t('minutes.noResolution')}
        </div>
      )}
    </Card>
  );
}

interface AdoptValues {
  for: number;
  against: number;
  abstain: number;
}

function AdoptCard({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<AdoptValues>();
  const most = votingPresent(record.rollCall);
  const adopt = useAction({
    mutationFn: (v: AdoptValues & { confirmUnscored?: boolean }) => meetingCommands.adopt(meeting.id, v),
    form,
    success: false,
    invalidate: [meetingKeys.all],
    onSuccess: (result) => void message.success(t('minutes.adopted', { minutes: result.minutes })),
    // Where the rule set allows adopting with criteria unscored, the server states the level it gives:
    // the secretary confirms it, or goes back to score first.
    onError: (error) => {
      const field = error instanceof ApiError ? error.fields[0] : undefined;
      if (field?.field !== 'confirmUnscored') return;
      modal.confirm({
        title: t('minutes.unscoredTitle'),
        content: field.message,
        okText: t('minutes.adoptAnyway'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'adopt-unscored-confirm' },
        onOk: () => adopt.mutate({ ...form.getFieldsValue(), confirmUnscored: true }),
      });
    },
  });
  // Adoption is never queued: it needs the network, and every write kept on the device sent first (a
  // write arriving after the lock would be refused).
  const queue = useQueuedWrites(meetingScope(meeting.id));
  const waits = !queue.online
    ? t('meetingOffline.needsNetwork')
    : queue.pending.length > 0
      ? t('meetingOffline.adoptWaits', { count: queue.pending.length })
      : null;
  const ended = !!meeting.endedAt && !waits;
  return (
    <Card size="small" title={t('minutes.adopt')}>
      <Alert
        type={ended ? 'info' : 'warning'}
        showIcon
        title={waits ?? (ended ? t('minutes.adoptHelp') : t('minutes.needEnd'))}
        style={{ marginBottom: 12 }}
        data-testid={waits ? 'adopt-waits' : undefined}
      />
      <Form<AdoptValues>
        form={form}
        name="adopt"
        layout="vertical"
        onFinish={(v) => {
          if (ended) adopt.mutate(v);
        }}
        initialValues={{ for: most, against: 0, abstain: 0 }}
        data-testid="adopt-form"
      >
        <VoteCountFields testIdPrefix="adopt" />
        <Popconfirm
          title={t('minutes.adoptConfirm')}
          okText={t('minutes.adopt')}
          cancelText={t('common.cancel')}
          okButtonProps={{ size: 'large', 'data-testid': 'adopt-confirm' }}
          cancelButtonProps={{ size: 'large' }}
          onConfirm={() => form.submit()}
          disabled={!ended}
        >
          <Button
            type="primary"
            size="large"
            block
            icon={<LockOutlined />}
            disabled={!ended}
            loading={adopt.isPending}
            data-testid="adopt-submit"
          >
            {t('minutes.adopt')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

/** After adoption: the lock, the hash that proves the text never changed, and the numbers given. */
export function LockedBanner({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      icon={<LockOutlined />}
      showIcon
      data-testid="locked-banner"
      title={t('minutes.locked')}
      description={
        <div>
          {meeting.contentHash ? (
            <Typography.Text code copyable className="nn-hash" data-testid="content-hash">
              {meeting.contentHash}
            </Typography.Text>
          ) : (
            // History loaded in bulk gets its fingerprint from a pass that runs just after the load.
            <div className="nn-muted">{t('minutes.hashPending')}</div>
          )}
          <DocumentNumbers meeting={meeting} />
          <div className="nn-muted">{t('minutes.lockedHelp')}</div>
        </div>
      }
    />
  );
}

function AddendaCard({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ date: Dayjs; text: string }>();
  const add = useAction({
    mutationFn: (v: { date: Dayjs; text: string }) =>
      meetingCommands.addendum(meeting.id, { date: toIsoDay(v.date) ?? '', text: v.text.trim() }),
    form,
    success: t('common.saved'),
    invalidate: [meetingKeys.detail(meeting.id)],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card size="small" title={t('minutes.addenda')}>
      {record.addenda.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('minutes.noAddenda')} />
      ) : (
        <ul className="nn-plain-list" data-testid="addendum-list">
          {record.addenda.map((a) => (
            <li key={a.id}>
              <strong>{formatDate(a.date)}:</strong> <span className="nn-pre">{a.text}</span>
            </li>
          ))}
        </ul>
      )}
      {meeting.abilities.addendum ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          initialValues={{ date: dayjs() }}
          style={{ marginTop: 12 }}
          data-testid="addendum-form"
        >
          <Form.Item
            name="date"
            label={t('minutes.addendumDate')}
            rules={[rules.requiredSelect(t('minutes.addendumDate'))]}
          >
            <DatePicker format={DATE_FORMAT} size="large" style={{ width: '100%', maxWidth: 260 }} />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('minutes.addendumText')}
            rules={[rules.required(t('minutes.addendumText'))]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={MEETING_LIMITS.addendum}
              data-testid="addendum-text"
            />
          </Form.Item>
          <Button
            size="large"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="addendum-submit"
          >
            {t('minutes.addAddendum')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** "Biên bản": drafts or adopted documents, adoption by vote, then the lock and dated addenda. */
export function MinutesTab({ meeting, record }: TabProps) {
  const adopted = meeting.status === 'adopted';
  return (
    <Flex vertical gap={16}>
      {adopted ? <LockedBanner meeting={meeting} /> : null}
      <DocumentsCard meeting={meeting} record={record} />
      {meeting.abilities.adopt && isOpen(meeting) ? <AdoptCard meeting={meeting} record={record} /> : null}
      {adopted ? <AddendaCard meeting={meeting} record={record} /> : null}
    </Flex>
  );
}
