import { FileAddOutlined, PaperClipOutlined } from '@ant-design/icons';
import { CELL_KINDS } from '@nennep/core/orgs/types';
import { PASS_ON_LIMITS, type PassOnAudience } from '@nennep/core/pass-on/types';
import { Button, DatePicker, Flex, Form, Input, Progress, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSizeText } from '../../components/file-upload';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { type PassOnDocumentDto, passOnKeys, registerPassOn } from './api';

interface Values {
  documentNumber: string;
  documentTitle: string;
  issuedOn: Dayjs;
  passOnBy: Dayjs;
  audience: PassOnAudience;
  cellKinds?: string[];
  cellCategories?: string[];
  file?: File;
}

/** The document's one file, picked with the phone's file picker and shown by name and size. */
function FilePick({ value, onChange }: { value?: File; onChange?: (file: File | undefined) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onChange?.(file);
  };
  return (
    <Flex vertical gap={4}>
      <input
        ref={input}
        type="file"
        className="nn-file-input"
        onChange={pick}
        data-testid="pass-on-file"
        aria-label={t('passOn.chooseFile')}
        tabIndex={-1}
      />
      <Button size="large" icon={<FileAddOutlined />} onClick={() => input.current?.click()}>
        {t('passOn.chooseFile')}
      </Button>
      {value ? (
        <span className="nn-small" data-testid="pass-on-file-name" style={{ overflowWrap: 'anywhere' }}>
          <PaperClipOutlined /> {value.name} ({fileSizeText(value.size)})
        </span>
      ) : null}
    </Flex>
  );
}

/**
 * A committee registers a superior document to pass on (issue 17 item 2; HD 12-HD/BTCTW point 2.2: every
 * regular meeting passes on the superior's documents): number, title, file, issue date, "pass on by", and
 * to whom — every cell below, or chosen kinds or categories of cell.
 */
export function RegisterPassOnModal({
  committeeCode,
  onClose,
  onDone,
}: {
  committeeCode: string;
  onClose: () => void;
  onDone: (doc: PassOnDocumentDto) => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const [form] = Form.useForm<Values>();
  const audience = Form.useWatch('audience', form);
  // The file's upload in per cent, shown while it leaves the phone (a weak network takes a while).
  const [percent, setPercent] = useState(0);
  const register = useAction({
    form,
    mutationFn: (v: Values) =>
      registerPassOn(
        {
          committeeCode,
          documentNumber: v.documentNumber.trim(),
          documentTitle: v.documentTitle.trim(),
          issuedOn: toIsoDay(v.issuedOn) ?? '',
          passOnBy: toIsoDay(v.passOnBy) ?? '',
          audience: v.audience,
          cellKinds: v.audience === 'chosen' ? (v.cellKinds ?? []) : [],
          cellCategories: v.audience === 'chosen' ? (v.cellCategories ?? []) : [],
        },
        v.file as File,
        { onProgress: setPercent },
      ),
    success: t('passOn.registered'),
    invalidate: [passOnKeys.all],
    onSuccess: onDone,
  });
  const fields = {
    documentNumber: t('passOn.fields.documentNumber'),
    documentTitle: t('passOn.fields.documentTitle'),
    issuedOn: t('passOn.fields.issuedOn'),
    passOnBy: t('passOn.fields.passOnBy'),
    audience: t('passOn.fields.audience'),
    cellKinds: t('passOn.fields.cellKinds'),
    cellCategories: t('passOn.fields.cellCategories'),
    file: t('passOn.fields.file'),
  };
  const label = (key: keyof typeof fields) => fields[key];
  return (
    <FormModal<Values>
      title={t('passOn.registerTitle')}
      form={form}
      onSubmit={(v) => register.mutate(v)}
      onClose={onClose}
      loading={register.isPending}
      initialValues={{ issuedOn: dayjs(), passOnBy: dayjs().add(30, 'day'), audience: 'subtree' }}
      testId="pass-on-form"
    >
      <Form.Item
        name="documentNumber"
        label={label('documentNumber')}
        rules={[rules.required(label('documentNumber'))]}
      >
        <Input
          size="large"
          maxLength={PASS_ON_LIMITS.number}
          placeholder={t('passOn.numberPlaceholder')}
          data-testid="pass-on-number"
        />
      </Form.Item>
      <Form.Item
        name="documentTitle"
        label={label('documentTitle')}
        rules={[rules.required(label('documentTitle'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={PASS_ON_LIMITS.title}
          data-testid="pass-on-title"
        />
      </Form.Item>
      <Form.Item
        name="file"
        label={label('file')}
        rules={[
          rules.requiredSelect(label('file')),
          {
            validator: (_, file: File | undefined) =>
              file && file.size > PASS_ON_LIMITS.fileBytes
                ? Promise.reject(
                    new Error(t('passOn.fileTooLarge', { size: fileSizeText(PASS_ON_LIMITS.fileBytes) })),
                  )
                : Promise.resolve(),
          },
        ]}
      >
        <FilePick />
      </Form.Item>
      {register.isPending ? <Progress percent={percent} size="small" data-testid="pass-on-progress" /> : null}
      <Form.Item name="issuedOn" label={label('issuedOn')} rules={[rules.requiredSelect(label('issuedOn'))]}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          size="large"
          data-testid="pass-on-issued"
        />
      </Form.Item>
      <Form.Item
        name="passOnBy"
        label={label('passOnBy')}
        dependencies={['issuedOn']}
        rules={[
          rules.requiredSelect(label('passOnBy')),
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const issued = getFieldValue('issuedOn') as Dayjs | undefined;
              return value && issued && value.isBefore(issued, 'day')
                ? Promise.reject(new Error(t('passOn.passOnByBeforeIssued')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} size="large" data-testid="pass-on-by" />
      </Form.Item>
      <Form.Item name="audience" label={label('audience')}>
        <Radio.Group
          data-testid="pass-on-audience"
          options={[
            { value: 'subtree', label: t('passOn.audienceSubtree') },
            { value: 'chosen', label: t('passOn.audienceChosen') },
          ]}
        />
      </Form.Item>
      {audience === 'chosen' ? (
        <>
          <Form.Item name="cellKinds" label={label('cellKinds')}>
            <Select
              mode="multiple"
              size="large"
              options={options.kinds.filter((k) => CELL_KINDS.includes(k.value))}
              data-testid="pass-on-kinds"
            />
          </Form.Item>
          <Form.Item
            name="cellCategories"
            label={label('cellCategories')}
            dependencies={['cellKinds']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string[] | undefined) =>
                  (value?.length ?? 0) + ((getFieldValue('cellKinds') as string[] | undefined)?.length ?? 0) >
                  0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passOn.chooseCells'))),
              }),
            ]}
          >
            <Select
              mode="multiple"
              size="large"
              options={options.categories}
              data-testid="pass-on-categories"
            />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
