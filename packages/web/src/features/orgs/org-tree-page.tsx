import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { OrgTree } from './org-tree';

export function OrgTreePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('orgs.title')} />
      <Card title={t('orgs.tree')} size="small">
        <OrgTree />
      </Card>
    </>
  );
}
