import { UploadOutlined } from '@ant-design/icons';
import type {
  PortalCommitDto,
  PortalHeadersDto,
  PortalMapping,
  PortalPreviewDto,
} from '@nennep/core/dues/portal-types';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { uploadFile } from '../../lib/upload';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { duesKeys, duesOrgs, isDuesReader } from './api';
import { PortalRows } from './portal-preview';

const url = (step: string, org: string, mapping?: PortalMapping) =>
  `/api/dues/portal/${step}?org=${encodeURIComponent(org)}${
    mapping ? `&columns=${encodeURIComponent(mapping.map((k) => k ?? '').join(','))}` : ''
  }`;

/** The server's words for a refusal: its first field's message, else its message. */
const refusal = (error: unknown) =>
  error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : String(error);

/**
 * "Nhập sao kê Cổng dịch vụ công" (issue 16 point 3; QĐ 01-QĐ/TW: dues paid through the National Public
 * Service Portal): 1. upload the statement, the server suggests a mapping from its headers; 2. confirm or
 * edit the mapping, see each row matched to a member or the reason it is not; 3. record the matched rows (all
 * at once; the others are not recorded). The file is kept in the page and sent again at each step.
 */
export function DuesPortalPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, update } = useUrlParams();
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<PortalHeadersDto | null>(null);
  const [mapping, setMapping] = useState<PortalMapping>([]);
  const [preview, setPreview] = useState<PortalPreviewDto | null>(null);
  const [done, setDone] = useState<PortalCommitDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!isDuesReader(me)) return <Navigate to="/dues/mine" replace />;
  const org = params.get('org') ?? duesOrgs(me)[0];
  const step = done || preview ? 2 : headers ? 1 : 0;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(refusal(e));
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setFile(null);
    setHeaders(null);
    setPreview(null);
    setDone(null);
    setError(null);
  };
  const upload = (chosen: File) =>
    run(async () => {
      if (!org) return;
      const answer = await uploadFile<PortalHeadersDto>(url('headers', org), chosen);
      setFile(chosen);
      setHeaders(answer);
      setMapping(answer.mapping);
    });
  const toPreview = () =>
    run(async () => {
      if (org && file) setPreview(await uploadFile<PortalPreviewDto>(url('preview', org, mapping), file));
    });
  const commit = () =>
    run(async () => {
      if (!org || !file) return;
      setDone(await uploadFile<PortalCommitDto>(url('commit', org, mapping), file));
      await queryClient.invalidateQueries({ queryKey: duesKeys.all });
    });

  return (
    <>
      <PageHeader title={t('duesPortal.title')} />
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary">{t('duesPortal.intro')}</Typography.Paragraph>
        <OrgSelect
          value={org}
          onChange={(code) => {
            update({ org: code });
            restart();
          }}
          placeholder={t('duesPortal.chooseOrg')}
        />
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('duesPortal.steps.upload') },
            { title: t('duesPortal.steps.mapping') },
            { title: t('duesPortal.steps.preview') },
          ]}
        />
        {error ? <Alert type="error" showIcon title={error} data-testid="portal-error" /> : null}
        {step === 0 ? (
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            disabled={!org || busy}
            beforeUpload={(chosen) => {
              void upload(chosen);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={busy}
              disabled={!org}
              block
              data-testid="portal-upload"
            >
              {t('duesPortal.choose')}
            </Button>
          </Upload>
        ) : null}
        {step === 1 && headers ? (
          <Card
            size="small"
            title={`${headers.fileName} · ${t('duesPortal.rows', { count: headers.total })}`}
          >
            <Flex vertical gap={8} data-testid="portal-mapping">
              {headers.header.map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns are fixed: the position is the column.
                <Flex key={i} vertical gap={2}>
                  <Typography.Text strong>{name || `#${i + 1}`}</Typography.Text>
                  <Select<string>
                    aria-label={name}
                    value={mapping[i] ?? ''}
                    onChange={(value) =>
                      setMapping(
                        mapping.map((k, j) => (j === i ? ((value || null) as PortalMapping[number]) : k)),
                      )
                    }
                    options={[
                      { value: '', label: t('duesPortal.ignore') },
                      ...headers.fields.map((f) => ({ value: f.key, label: f.label })),
                    ]}
                    style={{ width: '100%' }}
                  />
                </Flex>
              ))}
              <Flex gap={8} wrap>
                <Button onClick={restart}>{t('duesPortal.back')}</Button>
                <Button type="primary" loading={busy} onClick={toPreview} data-testid="portal-preview">
                  {t('duesPortal.toPreview')}
                </Button>
              </Flex>
            </Flex>
          </Card>
        ) : null}
        {step === 2 && (done ?? preview) ? (
          <>
            {done ? (
              <Alert
                type={done.written > 0 ? 'success' : 'warning'}
                showIcon
                title={
                  done.written > 0 ? t('duesPortal.done', { count: done.written }) : t('duesPortal.nothing')
                }
                data-testid="portal-done"
              />
            ) : null}
            <PortalRows preview={done ?? (preview as PortalPreviewDto)} />
            <Flex gap={8} wrap>
              {done ? (
                <Button onClick={restart}>{t('duesPortal.restart')}</Button>
              ) : (
                <>
                  <Button onClick={() => setPreview(null)}>{t('duesPortal.back')}</Button>
                  <Button
                    type="primary"
                    loading={busy}
                    disabled={(preview?.matched.length ?? 0) === 0}
                    onClick={commit}
                    data-testid="portal-commit"
                  >
                    {t('duesPortal.commit', { count: preview?.matched.length ?? 0 })}
                  </Button>
                </>
              )}
            </Flex>
          </>
        ) : null}
      </Flex>
    </>
  );
}
