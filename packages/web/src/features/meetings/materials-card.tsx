import { FileAddOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Progress, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { MeetingDetail } from '../../lib/types';
import { uploadFile } from '../../lib/upload';
import { useNotifyError } from '../../lib/use-action';
import { materialUploadUrl, materialUrl, meetingKeys } from './api';
import { DeleteItemButton } from './delete-item';
import { canEdit } from './shared';

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The materials as download links; those not yet published are marked (only runners see them). */
export function MaterialsList({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  if (meeting.materials.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prepare.noMaterials')} />;
  }
  const now = dayjs();
  return (
    <div className="nn-card-list" data-testid="material-list">
      {meeting.materials.map((m) => (
        <div key={m.id} className="nn-material" data-testid="material-row">
          <Flex justify="space-between" align="start" gap={4}>
            <a href={materialUrl(meeting.id, m.id)} download className="nn-material-name">
              <PaperClipOutlined /> {m.fileName}
            </a>
            {canEdit(meeting) ? (
              <DeleteItemButton meetingId={meeting.id} kind="materials" itemId={m.id} />
            ) : null}
          </Flex>
          <div className="nn-muted" style={{ fontSize: 13 }}>
            {sizeText(m.size)} · {t('prepare.publishAt')} {formatDateTime(m.publishAt)}
            {dayjs(m.publishAt).isAfter(now) ? (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('prepare.notPublished')}
              </Tag>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Materials with their publish time: members see each one from that time on. */
export function MaterialsCard({ meeting, editable }: { meeting: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [publishAt, setPublishAt] = useState<Dayjs>(() => dayjs());
  const [percent, setPercent] = useState<number | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setPercent(0);
    try {
      await uploadFile(materialUploadUrl(meeting.id, publishAt.toISOString()), file, {
        onProgress: setPercent,
      });
      void message.success(t('prepare.uploaded'));
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
    } catch (error) {
      notifyError(error);
    } finally {
      setPercent(null);
    }
  };
  return (
    <Card size="small" title={t('prepare.materials')}>
      <MaterialsList meeting={meeting} />
      {editable ? (
        <div style={{ marginTop: 12 }}>
          <Alert type="info" showIcon title={t('prepare.materialsHelp')} style={{ marginBottom: 8 }} />
          <Form layout="vertical">
            <Form.Item label={t('prepare.publishAt')} style={{ marginBottom: 8 }}>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="DD/MM/YYYY HH:mm"
                value={publishAt}
                allowClear={false}
                onChange={(value) => value && setPublishAt(value)}
                style={{ width: '100%', maxWidth: 260 }}
                size="large"
                needConfirm={false}
                data-testid="material-publish-at"
              />
            </Form.Item>
          </Form>
          <input
            ref={input}
            type="file"
            className="nn-file-input"
            onChange={onFile}
            data-testid="material-file"
            aria-label={t('prepare.upload')}
            tabIndex={-1}
          />
          {percent === null ? (
            <Flex>
              <Button size="large" icon={<FileAddOutlined />} onClick={() => input.current?.click()}>
                {t('prepare.upload')}
              </Button>
            </Flex>
          ) : (
            <Progress percent={percent} status="active" />
          )}
        </div>
      ) : null}
    </Card>
  );
}
