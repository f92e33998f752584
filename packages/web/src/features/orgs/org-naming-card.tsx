import { EditOutlined } from '@ant-design/icons';
import { NAMING_FIELDS, NAMING_LIMITS, type NamingField, type OrgNamingDto } from '@nennep/core/org-naming';
import { ORG_LIMITS, type OrgDetailDto } from '@nennep/core/orgs/types';
import { Button, Card, Descriptions, Form, type FormRule, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../lib/use-action';
import { useIsMobile } from '../../lib/use-mobile';
import { orgCommands, orgKeys } from './api';
import './org-naming.css';

/** The rule of `setOrgNamingSchema` (core/org.ts): capitals, accented ones too (Đ), digits and -. */
const SYMBOL_PATTERN = /^[\p{Lu}\p{N}-]*$/u;

/** The words a document header prints (always in Vietnamese: documents are). */
interface HeaderWords {
  superior: string;
  issuer: string;
  symbol: string;
  placeName: string;
  onBehalf: string;
}

/** A small preview of the top of a resolution issued by the node (domain.md §3): left the issuer, right the date. */
function DocumentHeader({ words }: { words: HeaderWords }) {
  const { t } = useTranslation();
  return (
    <figure className="nn-doc-head" aria-label={t('orgNaming.preview')} data-testid="org-naming-preview">
      <figcaption className="nn-muted nn-doc-head-caption">{t('orgNaming.preview')}</figcaption>
      <div className="nn-doc-head-side">
        {words.superior ? <div>{words.superior.toLocaleUpperCase('vi')}</div> : null}
        <div className="nn-doc-head-strong">{words.issuer.toLocaleUpperCase('vi')}</div>
        <div>*</div>
        <div>Số …-NQ/{words.symbol}</div>
      </div>
      <div className="nn-doc-head-side">
        <div className="nn-doc-head-strong nn-doc-head-party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
        <div className="nn-doc-head-date">{words.placeName}, ngày … tháng … năm …</div>
      </div>
      <div className="nn-doc-head-sign nn-doc-head-strong">{words.onBehalf}</div>
    </figure>
  );
}

/** The issuer follows the leading body for committees; a cell issues in its own name ("Chi bộ …"). */
const issuerFollowsBody = (naming: OrgNamingDto) => naming.defaults.issuerName === naming.defaults.bodyName;

type NamingValues = Partial<Record<NamingField, string>> & { note?: string };

function NamingModal({
  org,
  superior,
  onClose,
}: {
  org: OrgDetailDto;
  superior: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NamingValues>();
  const { naming } = org;
  const watched = Form.useWatch([], form) as NamingValues | undefined;
  const wordOf = (field: NamingField) =>
    (watched ? watched[field] : naming.overrides[field])?.trim() || naming.defaults[field];
  const save = useAction({
    mutationFn: (v: NamingValues) =>
      orgCommands.setNaming(org.code, {
        bodyName: v.bodyName?.trim() ?? '',
        symbol: v.symbol?.trim() ?? '',
        placeName: v.placeName?.trim() ?? '',
        onBehalf: v.onBehalf?.trim() ?? '',
        note: v.note?.trim() || undefined,
      }),
    form,
    success: t('orgNaming.saved'),
    invalidate: [orgKeys.all],
    onSuccess: onClose,
  });
  const rulesOf = (field: NamingField): FormRule[] => {
    const label = t(`orgNaming.${field}`);
    const max = NAMING_LIMITS[field];
    const rules: FormRule[] = [
      {
        validator: async (_, value: string | undefined) => {
          if ((value ?? '').trim().length > max)
            throw new Error(t('orgNaming.tooLong', { field: label, max }));
        },
      },
    ];
    if (field === 'symbol') {
      rules.push({
        validator: async (_, value: string | undefined) => {
          if (!SYMBOL_PATTERN.test((value ?? '').trim())) throw new Error(t('orgNaming.symbolFormat'));
        },
      });
    }
    return rules;
  };
  return (
    <FormModal<NamingValues>
      title={t('orgNaming.editTitle')}
      form={form}
      initialValues={{ ...naming.overrides }}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      testId="org-naming-form"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('orgNaming.blankHint')} {t('orgNaming.issuedHint')}
      </Typography.Paragraph>
      {NAMING_FIELDS.map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t(`orgNaming.${field}`)}
          extra={t('orgNaming.defaultValue', { value: naming.defaults[field] })}
          rules={rulesOf(field)}
          normalize={field === 'symbol' ? (value: string) => value.toLocaleUpperCase('vi') : undefined}
        >
          <Input
            placeholder={naming.defaults[field]}
            maxLength={NAMING_LIMITS[field]}
            allowClear
            autoCapitalize={field === 'symbol' ? 'characters' : undefined}
          />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('common.note')}>
        <Input.TextArea rows={2} maxLength={ORG_LIMITS.note} />
      </Form.Item>
      <DocumentHeader
        words={{
          superior,
          issuer: issuerFollowsBody(naming) ? wordOf('bodyName') : naming.defaults.issuerName,
          symbol: wordOf('symbol'),
          placeName: wordOf('placeName'),
          onBehalf: wordOf('onBehalf'),
        }}
      />
    </FormModal>
  );
}

/** "Tên gọi trên văn bản": the words every document of the node prints, each marked when it is the default. */
export function OrgNamingCard({ org }: { org: OrgDetailDto }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const { naming } = org;
  const superior = org.ancestors.at(-1)?.name ?? '';
  const canEdit = org.abilities.update && org.status === 'active';
  return (
    <Card
      title={t('orgNaming.title')}
      size="small"
      data-testid="org-naming"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            aria-label={t('orgNaming.edit')}
            data-testid="org-naming-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        column={1}
        size="small"
        layout={mobile ? 'vertical' : 'horizontal'}
        items={NAMING_FIELDS.map((field) => ({
          key: field,
          label: t(`orgNaming.${field}`),
          children: (
            <span className="nn-naming-value" data-testid={`org-naming-${field}`}>
              {naming.resolved[field]}
              {naming.overrides[field] ? null : (
                <Tag className="nn-naming-default">{t('orgNaming.isDefault')}</Tag>
              )}
            </span>
          ),
        }))}
      />
      <DocumentHeader
        words={{
          superior,
          issuer: naming.resolved.issuerName,
          symbol: naming.resolved.symbol,
          placeName: naming.resolved.placeName,
          onBehalf: naming.resolved.onBehalf,
        }}
      />
      {editing ? <NamingModal org={org} superior={superior} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
