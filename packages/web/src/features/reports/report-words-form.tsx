import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../lib/use-action';
import {
  type CommitteeReportDto,
  REPORT_LIMITS,
  type ReportWordField,
  reportCommands,
  reportKeys,
  type WordsInput,
  wordsInput,
} from './api';

/** The form holds the words under `words`, as the API names them, so that its field errors land here. */
export interface WordsValues {
  words: WordsInput;
}

const LONG: readonly ReportWordField[] = ['assessment', 'shortcomings', 'directions', 'proposals'];

/**
 * The committee's words: each section starts as drafted from the figures; what is written is stored with
 * the draft, a section cleared goes back to the drafted text. Read-only once the report is issued.
 */
export function ReportWordsForm({
  report,
  form,
}: {
  report: CommitteeReportDto;
  form: FormInstance<WordsValues>;
}) {
  const { t } = useTranslation();
  const readOnly = !report.abilities.edit;
  const save = useAction({
    form,
    mutationFn: (words: WordsInput) =>
      reportCommands.saveWords(report.committee.code, report.period.key, words),
    success: t('reports.saved'),
    invalidate: [reportKeys.all],
  });
  // The form follows the server: another committee or period, or the words saved a moment ago.
  useEffect(() => {
    form.setFieldsValue({ words: report.words });
  }, [form, report.words]);

  const label = (field: ReportWordField) => (
    <span>
      {t(`reports.field.${field}`)}{' '}
      {report.edited.includes(field) ? (
        <Tag color="blue">{t('reports.edited')}</Tag>
      ) : (
        <Tag>{t('reports.drafted')}</Tag>
      )}
    </span>
  );
  const reset = (field: ReportWordField) =>
    readOnly ? null : (
      <Button
        type="link"
        size="small"
        icon={<UndoOutlined />}
        style={{ paddingInline: 0 }}
        onClick={() => form.setFieldValue(['words', field], report.defaults[field])}
      >
        {t('reports.resetDefault')}
      </Button>
    );

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={readOnly}
      initialValues={{ words: report.words }}
      onFinish={({ words }) => save.mutate(wordsInput(words))}
      data-testid="report-words"
    >
      {readOnly ? null : <div className="nn-muted nn-small nn-report-help">{t('reports.wordsHelp')}</div>}
      {LONG.map((field) => (
        <Form.Item key={field} name={['words', field]} label={label(field)} extra={reset(field)}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={REPORT_LIMITS[field]}
            showCount
            data-testid={`report-${field}`}
          />
        </Form.Item>
      ))}
      <div className="nn-report-signer">
        <Form.Item
          name={['words', 'signerTitle']}
          label={label('signerTitle')}
          extra={t('reports.signerTitleHint')}
        >
          <Input maxLength={REPORT_LIMITS.signerTitle} data-testid="report-signerTitle" />
        </Form.Item>
        <Form.Item name={['words', 'signerName']} label={label('signerName')}>
          <Input maxLength={REPORT_LIMITS.signerName} autoComplete="name" data-testid="report-signerName" />
        </Form.Item>
      </div>
      {readOnly ? null : (
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} block>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
