import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { type ThematicRegistrationDto, useRegistration } from './api';
import { CommentsCard } from './comments-card';
import { PaperCard } from './paper-card';
import { PlanCard } from './plan-card';

function RegistrationView({ reg }: { reg: ThematicRegistrationDto }) {
  const { t } = useTranslation();
  // What the actor may do comes with the registration (server modules/thematic/policy.ts).
  const can = reg.abilities;
  return (
    <>
      <PageHeader
        title={<span style={{ overflowWrap: 'anywhere' }}>{reg.title}</span>}
        sub={
          <Flex wrap gap={4}>
            <Link to={`/thematic?org=${encodeURIComponent(reg.orgCode)}&year=${reg.year}`}>
              <ArrowLeftOutlined /> {reg.orgName}
            </Link>
            <Typography.Text type="secondary">
              · {t('thematic.quarterOf', { quarter: reg.quarter, year: reg.year })}
            </Typography.Text>
          </Flex>
        }
      />
      <Flex vertical gap={12}>
        <PlanCard reg={reg} />
        <PaperCard reg={reg} canDraft={can.draft} canShare={can.share} />
        <CommentsCard reg={reg} canComment={can.comment} />
      </Flex>
    </>
  );
}

/**
 * A cell's thematic registration (issue 17 item 1): the topic, presenters, date and meeting; the paper drafted
 * version by version and shared; the members' comments, typed on a phone.
 */
export function ThematicRegistrationPage() {
  const id = Number(useParams().id);
  const query = useRegistration(id);
  return <QueryState query={query}>{(reg) => <RegistrationView reg={reg} />}</QueryState>;
}
