import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import type { ImportMappingDto, MappedColumnDto, MappingTargetDto, SampleRowDto } from '@nennep/core';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelFor } from '../../lib/format';
import type { ColumnChoice } from './types';

/** Spreadsheet letter of a column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The name of an import column in the page's language (template header when there is no label). */
export const targetName = (target: Pick<MappingTargetDto, 'key' | 'header'>) =>
  labelFor(`imports.columns.${target.key}`, target.header);

function ConfidenceTag({ column }: { column: MappedColumnDto }) {
  const { t } = useTranslation();
  if (!column.key || !column.basis) return <Tag>{t('importMapping.basis.none')}</Tag>;
  if (column.basis !== 'guess') {
    return (
      <Tag color={column.basis === 'chosen' ? 'blue' : 'green'}>
        {t(`importMapping.basis.${column.basis}`)}
      </Tag>
    );
  }
  const percent = Math.round(column.confidence * 100);
  const color = column.confidence >= 0.85 ? 'green' : column.confidence >= 0.65 ? 'gold' : 'orange';
  return (
    <Tag color={color} data-confidence={column.confidence}>
      {t('importMapping.basis.guess', { percent })}
    </Tag>
  );
}

/** The first rows under the import columns as chosen; values the server read for the applied mapping. */
function SamplePreview({
  choice,
  applied,
  targets,
  sample,
}: {
  choice: ColumnChoice;
  applied: ColumnChoice;
  targets: MappingTargetDto[];
  sample: SampleRowDto[];
}) {
  const { t } = useTranslation();
  const shown = targets.filter((target) => choice.includes(target.key));
  if (sample.length === 0)
    return <Typography.Text type="secondary">{t('importMapping.noRows')}</Typography.Text>;
  if (shown.length === 0)
    return <Typography.Text type="secondary">{t('importMapping.noColumns')}</Typography.Text>;
  return (
    <Table<SampleRowDto>
      data-testid="import-mapping-sample"
      size="small"
      rowKey="row"
      dataSource={sample}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'row', title: t('importMapping.row'), dataIndex: 'row', width: 64, fixed: 'left' },
        ...shown.map((target) => ({
          key: target.key,
          title: targetName(target),
          render: (_: unknown, row: SampleRowDto) => {
            const index = choice.indexOf(target.key);
            const read = row.read[target.key];
            if (applied[index] === target.key && read) {
              return read.ok ? read.text : <Typography.Text type="danger">{read.text}</Typography.Text>;
            }
            return (
              <Typography.Text type="secondary" italic>
                {row.cells[index] ?? ''}
              </Typography.Text>
            );
          },
        })),
      ]}
    />
  );
}

/**
 * The column mapping step: each file column with its first value, the import column it feeds (a select),
 * how sure the match is; the first rows as they would be read; apply re-checks the file with the choice.
 */
export function ColumnMapping({
  mapping,
  busy,
  onApply,
  onDirtyChange,
}: {
  mapping: ImportMappingDto;
  busy: boolean;
  onApply: (choice: ColumnChoice) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const applied = useMemo(() => mapping.columns.map((c) => c.key), [mapping]);
  const [choice, setChoice] = useState<ColumnChoice>(applied);
  const dirty = choice.some((key, i) => key !== applied[i]);
  const change = (next: ColumnChoice) => {
    setChoice(next);
    onDirtyChange(next.some((key, i) => key !== applied[i]));
  };

  const missing = mapping.targets.filter((target) => target.required && !choice.includes(target.key));
  const twice = mapping.targets.filter((target) => choice.filter((k) => k === target.key).length > 1);
  const firstValue = (index: number) =>
    mapping.sample.find((r) => r.cells[index]?.trim())?.cells[index] ?? '';
  const options = [
    { value: '', label: t('importMapping.ignore') },
    ...mapping.targets.map((target) => ({
      value: target.key,
      label: target.required ? `${targetName(target)} (${t('importMapping.required')})` : targetName(target),
    })),
  ];

  return (
    <Card
      size="small"
      title={t('importMapping.title')}
      data-testid="import-mapping"
      data-source={mapping.source}
    >
      <div className="nn-stack">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('importMapping.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('importMapping.rules')} {t('importMapping.remember')}
        </Typography.Paragraph>
        <Alert
          type={mapping.source === 'guessed' ? 'warning' : 'info'}
          showIcon
          title={t(`importMapping.source.${mapping.source}`)}
        />
        <Table<MappedColumnDto>
          data-testid="import-mapping-columns"
          size="small"
          rowKey="index"
          dataSource={mapping.columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'file',
              title: t('importMapping.fileColumn'),
              render: (_, column) => (
                <span>
                  <Typography.Text type="secondary">{columnLetter(column.index)} · </Typography.Text>
                  {column.header || t('importMapping.unnamed', { letter: columnLetter(column.index) })}
                </span>
              ),
            },
            {
              key: 'example',
              title: t('importMapping.example'),
              render: (_, column) => (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
                  {firstValue(column.index)}
                </Typography.Text>
              ),
            },
            {
              key: 'target',
              title: t('importMapping.appColumn'),
              render: (_, column) => (
                <Select
                  aria-label={`${t('importMapping.appColumn')}: ${column.header || columnLetter(column.index)}`}
                  data-testid={`import-mapping-select-${column.index}`}
                  style={{ minWidth: 240 }}
                  value={choice[column.index] ?? ''}
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  status={
                    choice[column.index] && twice.some((x) => x.key === choice[column.index])
                      ? 'error'
                      : undefined
                  }
                  onChange={(value: string) => {
                    const next = [...choice];
                    next[column.index] = value || null;
                    change(next);
                  }}
                />
              ),
            },
            {
              key: 'confidence',
              title: t('importMapping.confidence'),
              render: (_, column) =>
                choice[column.index] === column.key ? (
                  <ConfidenceTag column={column} />
                ) : (
                  <ConfidenceTag column={{ ...column, key: choice[column.index] ?? null, basis: 'chosen' }} />
                ),
            },
          ]}
        />
        {missing.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="import-mapping-missing"
            title={t('importMapping.missing', { columns: missing.map(targetName).join(', ') })}
          />
        ) : null}
        {twice.map((target) => (
          <Alert
            key={target.key}
            type="error"
            showIcon
            title={t('importMapping.twice', { column: targetName(target) })}
          />
        ))}
        {dirty ? <Alert type="warning" showIcon title={t('importMapping.notApplied')} /> : null}
        <Flex wrap gap={8}>
          <Button
            type={dirty ? 'primary' : 'default'}
            icon={<CheckOutlined />}
            disabled={!dirty || twice.length > 0}
            loading={busy}
            onClick={() => onApply(choice)}
            data-testid="import-mapping-apply"
          >
            {t('importMapping.apply')}
          </Button>
          {dirty ? (
            <Button icon={<UndoOutlined />} onClick={() => change(applied)} disabled={busy}>
              {t('importMapping.reset')}
            </Button>
          ) : null}
        </Flex>
        <div>
          <Typography.Title level={5}>{t('importMapping.previewTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('importMapping.previewHelp')}</Typography.Paragraph>
          <SamplePreview
            choice={choice}
            applied={applied}
            targets={mapping.targets}
            sample={mapping.sample}
          />
        </div>
      </div>
    </Card>
  );
}
