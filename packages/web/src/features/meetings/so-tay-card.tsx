import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { App, Button, Card, DatePicker, Flex, Form, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, commonHeaders, errorFromBody } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useSetMeeting } from './api';

const packageUrl = (id: number) => `/api/meetings/${id}/so-tay-package.pdf`;
const postedUrl = (id: number) => `/api/meetings/${id}/so-tay-posted`;

/**
 * Fetches the package and hands it to the browser as a download. A plain link would leave the button idle
 * while the server builds the PDF and show a refusal (a material it cannot read, a package too large) as a
 * page of JSON; fetched, the button spins and the refusal is a toast.
 */
async function downloadPackage(meeting: MeetingDetailDto): Promise<void> {
  const response = await fetch(packageUrl(meeting.id), {
    headers: commonHeaders('GET'),
    credentials: 'same-origin',
  });
  if (!response.ok) throw errorFromBody(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `so-tay-${meeting.date}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The Sổ tay đảng viên điện tử (HD 42-HD/BTCTW: materials on the app at least one day before the meeting):
 * the package to post there, and the record that it was posted. The app has no interface to post to, so the
 * secretary posts the package by hand and records when; the materials criterion accepts that record.
 */
export function SoTayCard({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setMeeting = useSetMeeting();
  const [downloading, setDownloading] = useState(false);
  const [postedAt, setPostedAt] = useState<Dayjs>(() => dayjs());
  const record = useAction({
    mutationFn: (at: string) =>
      api<MeetingDetailDto>(postedUrl(meeting.id), { method: 'POST', body: { postedAt: at } }),
    success: t('soTay.saved'),
    onSuccess: setMeeting,
  });
  const undo = useAction({
    mutationFn: () => api<MeetingDetailDto>(postedUrl(meeting.id), { method: 'DELETE' }),
    success: t('soTay.undone'),
    onSuccess: setMeeting,
  });
  const download = async () => {
    setDownloading(true);
    try {
      await downloadPackage(meeting);
    } catch (error) {
      const text = error instanceof Error ? error.message : '';
      void message.error([t('soTay.downloadFailed'), text].filter(Boolean).join(': '));
    } finally {
      setDownloading(false);
    }
  };
  const posted = meeting.soTay;
  const canRecord = meeting.abilities.recordSoTay;
  return (
    <Card size="small" title={t('soTay.title')} data-testid="so-tay-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('soTay.help')}
      </Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        loading={downloading}
        onClick={() => void download()}
        size="large"
        block
        data-testid="so-tay-package"
      >
        {t('soTay.download')}
      </Button>
      <div style={{ marginTop: 12 }} data-testid="so-tay-status">
        {posted ? (
          <Flex vertical gap={4}>
            <span className="nn-big-text">
              <CheckCircleOutlined /> {t('soTay.posted', { at: formatDateTime(posted.postedAt) })}
            </span>
            <Flex gap={6} wrap align="center">
              <Tag color={posted.early ? 'green' : 'orange'}>
                {posted.early ? t('soTay.early') : t('soTay.late')}
              </Tag>
              {posted.recordedBy ? (
                <span className="nn-muted" style={{ fontSize: 13 }}>
                  {t('soTay.recordedBy', { name: posted.recordedBy })}
                </span>
              ) : null}
            </Flex>
          </Flex>
        ) : (
          <span className="nn-muted">{t('soTay.notPosted')}</span>
        )}
      </div>
      {canRecord ? (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label={t('soTay.postedAt')} style={{ marginBottom: 8 }}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="DD/MM/YYYY HH:mm"
              value={postedAt}
              allowClear={false}
              onChange={(value) => value && setPostedAt(value)}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              style={{ width: '100%', maxWidth: 260 }}
              size="large"
              needConfirm={false}
              data-testid="so-tay-posted-at"
            />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              size="large"
              loading={record.isPending}
              onClick={() => record.mutate(postedAt.toISOString())}
              data-testid="so-tay-posted"
            >
              {t('soTay.markPosted')}
            </Button>
            {posted ? (
              <Button
                size="large"
                loading={undo.isPending}
                onClick={() => undo.mutate()}
                data-testid="so-tay-undo"
              >
                {t('soTay.undo')}
              </Button>
            ) : null}
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
