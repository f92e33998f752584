import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ImportPanel } from './import-panel';

export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = params.get('tab') === 'members' ? 'members' : 'orgs';
  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'orgs' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'orgs', label: t('imports.orgsTab'), children: <ImportPanel kind="orgs" /> },
          { key: 'members', label: t('imports.membersTab'), children: <ImportPanel kind="members" /> },
        ]}
      />
    </>
  );
}
