import { FileDoneOutlined } from '@ant-design/icons';
import { SUPERVISION_LIMITS } from '@nennep/core/supervision/limits';
import { Alert, Button, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { type CoverageDto, supervisionCommands, supervisionKeys } from './api';

interface Signer {
  signerTitle?: string;
  signerName?: string;
}

/**
 * Issuing the period's report: it is numbered, signed collectively ("T/M BAN THƯỜNG VỤ" / "T/M ĐẢNG ỦY")
 * by the one named here, and frozen; it downloads the same afterwards. Before, the downloads are drafts
 * with a blank number.
 */
export function ReportIssue({
  data,
  committee,
  period,
}: {
  data: CoverageDto;
  committee: string;
  period: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Signer>();
  const issue = useAction({
    mutationFn: (signer: Signer) =>
      supervisionCommands.issueReport(committee, period, {
        signerTitle: signer.signerTitle?.trim() || undefined,
        signerName: signer.signerName?.trim() || undefined,
      }),
    success: t('supervision.coverage.issued'),
    invalidate: [supervisionKeys.all],
    onSuccess: () => setOpen(false),
  });
  if (data.report) {
    return (
      <Tag
        color="green"
        icon={<FileDoneOutlined />}
        style={{ whiteSpace: 'normal' }}
        data-testid="report-issued"
      >
        {t('supervision.coverage.issuedAs', {
          number: data.report.number,
          date: formatDate(data.report.issuedAt),
        })}
      </Tag>
    );
  }
  return (
    <>
      <Button icon={<FileDoneOutlined />} onClick={() => setOpen(true)} data-testid="report-issue">
        {t('supervision.coverage.issue')}
      </Button>
      <Modal
        open={open}
        title={t('supervision.coverage.issue')}
        okText={t('supervision.coverage.issue')}
        cancelText={t('common.cancel')}
        confirmLoading={issue.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ id: 'report-issue-ok' }}
      >
        <Alert type="warning" showIcon title={t('supervision.coverage.issueConfirm')} />
        <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)} style={{ marginTop: 12 }}>
          <Form.Item name="signerTitle" label={t('supervision.coverage.signerTitle')}>
            <Input
              maxLength={SUPERVISION_LIMITS.signerTitle}
              placeholder={t('supervision.coverage.signerTitleHint')}
            />
          </Form.Item>
          <Form.Item name="signerName" label={t('supervision.coverage.signerName')}>
            <Input
              maxLength={SUPERVISION_LIMITS.signerName}
              placeholder={t('supervision.coverage.signerNameHint')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
