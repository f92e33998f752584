import { PlusOutlined } from '@ant-design/icons';
import type { MeDto } from '@nennep/core/accounts/types';
import { CELL_KINDS, type OrgDetailDto } from '@nennep/core/orgs/types';
import { Button, Card, Empty, Flex, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ItemList } from '../../components/item-list';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { useOrg } from '../orgs/api';
import { type PassOnDocumentDto, type PassOnStatusDto, usePassOnDocuments, usePassOnStatuses } from './api';
import { CellStateTag, DocumentMeta, PassOnProgress } from './parts';
import { RegisterPassOnModal } from './register-modal';

/** Those who register documents and follow the cells: a committee's administrators and members. */
const STAFF = ['admin', 'committee_member'];

export const isCell = (org: Pick<OrgDetailDto, 'kind'>) => CELL_KINDS.includes(org.kind);

/**
 * May the account register a document at this node: a committee (not a cell) on which, or above which, it
 * holds a staff grant (the API decides; this only shows the button).
 */
const mayRegister = (me: MeDto, org: OrgDetailDto) =>
  !isCell(org) &&
  me.grants.some(
    (g) =>
      STAFF.includes(g.role) && (g.orgCode === org.code || org.ancestors.some((a) => a.code === g.orgCode)),
  );

function DocumentLine({
  doc,
  cell,
  status,
}: {
  doc: PassOnDocumentDto;
  cell: boolean;
  status: PassOnStatusDto | undefined;
}) {
  return (
    <List.Item data-testid="pass-on-doc" data-id={doc.id} data-number={doc.number}>
      <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
        <Link to={`/documents/${doc.id}`} style={{ overflowWrap: 'anywhere' }}>
          <strong>{doc.number}</strong> — {doc.title}
        </Link>
        <DocumentMeta doc={doc} />
        {cell ? (
          <div>
            <CellStateTag doc={doc} />
          </div>
        ) : status ? (
          <PassOnProgress passed={status.passedOn} cells={status.cells} />
        ) : null}
      </Flex>
    </List.Item>
  );
}

function DocumentList({ org, items }: { org: OrgDetailDto; items: PassOnDocumentDto[] }) {
  const { t } = useTranslation();
  const cell = isCell(org);
  const statuses = usePassOnStatuses(
    items.map((d) => d.id),
    !cell,
  );
  if (items.length === 0) return <Empty description={t('passOn.empty')} />;
  return (
    <Card size="small">
      <ItemList data-testid="pass-on-list">
        {items.map((doc) => (
          <DocumentLine key={doc.id} doc={doc} cell={cell} status={statuses.get(doc.id)} />
        ))}
      </ItemList>
    </Card>
  );
}

/**
 * "Văn bản cấp trên cần phổ biến" (issue 17 item 2; HD 12-HD/BTCTW point 2.2): for a committee, the
 * documents it registered or received, each with how many addressed cells passed it on, and the form to
 * register one; for a cell, the documents addressed to it, passed on or pending. `?org=`.
 */
export function PassOnDocumentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { params, update } = useUrlParams();
  const org = params.get('org') ?? me.grants[0]?.orgCode;
  const node = useOrg(org);
  const list = usePassOnDocuments(org);
  const [registering, setRegistering] = useState(false);
  const canRegister = node.data ? mayRegister(me, node.data) : false;
  return (
    <>
      <PageHeader
        title={t('passOn.title')}
        extra={
          canRegister ? (
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="pass-on-register"
            >
              {t('passOn.register')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        <OrgSelect
          value={org}
          onChange={(code) => update({ org: code })}
          placeholder={t('passOn.chooseOrg')}
          data-testid="pass-on-org"
        />
        {org && node.data ? (
          <QueryState query={list}>
            {(data) => <DocumentList org={node.data} items={data.items} />}
          </QueryState>
        ) : org ? (
          <QueryState query={node}>{() => null}</QueryState>
        ) : null}
      </Flex>
      {registering && node.data ? (
        <RegisterPassOnModal
          committeeCode={node.data.code}
          onClose={() => setRegistering(false)}
          onDone={(doc) => {
            setRegistering(false);
            navigate(`/documents/${doc.id}`);
          }}
        />
      ) : null}
    </>
  );
}
