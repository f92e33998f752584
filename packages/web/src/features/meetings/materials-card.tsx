import { PaperClipOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, DatePicker, Empty, Flex, Form, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUploadButton, fileSizeText } from '../../components/file-upload';
import { formatDateTime } from '../../lib/format';
import { materialUploadUrl, materialUrl, meetingKeys } from './api';
import { DeleteItemButton } from './delete-item';
import { canEdit } from './shared';

/** The materials as download links; those not yet published are marked (only runners see them). */
export function MaterialsList({ meeting }: { meeting: MeetingDetailDto }) {
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
            {fileSizeText(m.size)} · {t('prepare.publishAt')} {formatDateTime(m.publishAt)}
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
export function MaterialsCard({ meeting, editable }: { meeting: MeetingDetailDto; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [publishAt, setPublishAt] = useState<Dayjs>(() => dayjs());
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
          <FileUploadButton
            url={() => materialUploadUrl(meeting.id, publishAt.toISOString())}
            label={t('prepare.upload')}
            testId="material-file"
            onDone={async () => {
              void message.success(t('prepare.uploaded'));
              await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
