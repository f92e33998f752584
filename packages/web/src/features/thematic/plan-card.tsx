import { compareVietnameseNames } from '@nennep/core/text/vietnamese';
import { quarterBounds } from '@nennep/core/thematic/rules';
import { Button, Card, Descriptions, Flex, Form, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { useMeetingTitle } from '../../components/meeting-tags';
import { formatDate, toIsoDay } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useMeetings } from '../meetings/api';
import { type ThematicRegistrationDto, thematicCommands, thematicKeys } from './api';
import { PresentersAndDate } from './presenters';
import { RegistrationStatusTag } from './tags';

interface PlanValues {
  presenterCodes: string[];
  plannedDate: Dayjs;
}

/** The secretary changes the presenters or the planned date (inside the quarter, not before today). */
function ReplanModal({ reg, onClose }: { reg: ThematicRegistrationDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const replan = useAction({
    form,
    mutationFn: (v: PlanValues) =>
      thematicCommands.replan(reg.id, {
        presenterCodes: v.presenterCodes,
        plannedDate: toIsoDay(v.plannedDate) ?? '',
      }),
    success: t('thematic.reg.replanned'),
    invalidate: [thematicKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<PlanValues>
      title={t('thematic.reg.replan')}
      form={form}
      onSubmit={(v) => replan.mutate(v)}
      onClose={onClose}
      loading={replan.isPending}
      testId="thematic-replan-form"
      initialValues={{
        presenterCodes: reg.presenters.map((p) => p.memberCode),
        plannedDate: dayjs(reg.plannedDate),
      }}
    >
      <PresentersAndDate cell={reg.orgCode} year={reg.year} quarter={reg.quarter} />
    </FormModal>
  );
}

/**
 * Links one of the cell's thematic sessions of the quarter (planned on the meetings page): a thematic meeting
 * or the regular one held as the combined session — the meetings core `isThematicSession` names, which the
 * server checks again (modules/thematic/registrations.ts `linkMeeting`).
 */
function MeetingLink({ reg }: { reg: ThematicRegistrationDto }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const { from, to } = quarterBounds(reg.year, reg.quarter);
  const meetings = useMeetings({ org: reg.orgCode, from, to });
  const [chosen, setChosen] = useState<number | undefined>(reg.meetingId ?? undefined);
  const link = useAction({
    mutationFn: (meetingId: number) => thematicCommands.linkMeeting(reg.id, meetingId),
    success: t('thematic.reg.linked'),
    invalidate: [thematicKeys.all],
  });
  const options = (meetings.data?.items ?? [])
    .filter(
      (m) =>
        m.orgCode === reg.orgCode &&
        m.status !== 'cancelled' &&
        (m.kind === 'thematic' || (m.kind === 'regular' && m.combined)),
    )
    .map((m) => ({ value: m.id, label: `${title(m)} · ${formatDate(m.date)}` }));
  if (!meetings.isPending && options.length === 0) {
    return <Typography.Text type="secondary">{t('thematic.reg.noMeetings')}</Typography.Text>;
  }
  return (
    <Flex wrap gap={8} style={{ width: '100%' }}>
      <Select
        style={{ flex: '1 1 200px', minWidth: 0 }}
        placeholder={t('thematic.reg.chooseMeeting')}
        aria-label={t('thematic.reg.chooseMeeting')}
        loading={meetings.isPending}
        value={chosen}
        onChange={setChosen}
        options={options}
        data-testid="thematic-meeting-select"
      />
      <Button
        disabled={chosen === undefined || chosen === reg.meetingId}
        loading={link.isPending}
        onClick={() => chosen !== undefined && link.mutate(chosen)}
        data-testid="thematic-meeting-link"
      >
        {t('thematic.reg.link')}
      </Button>
    </Flex>
  );
}

/** The registration: its status, purpose, presenters, date and meeting; the secretary's changes to them. */
export function PlanCard({ reg }: { reg: ThematicRegistrationDto }) {
  const { t } = useTranslation();
  const [replanning, setReplanning] = useState(false);
  const presenters = [...reg.presenters].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const can = reg.abilities;
  return (
    <Card size="small" data-testid="thematic-registration" data-status={reg.status}>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'status',
            label: t('thematic.reg.status'),
            children: (
              <Flex wrap gap={4}>
                <RegistrationStatusTag status={reg.status} />
                {reg.own ? <Tag>{t('thematic.reg.own')}</Tag> : null}
              </Flex>
            ),
          },
          ...(reg.refusalReason
            ? [{ key: 'refusal', label: t('thematic.pending.reason'), children: reg.refusalReason }]
            : []),
          ...(reg.purpose
            ? [{ key: 'purpose', label: t('thematic.reg.purpose'), children: reg.purpose }]
            : []),
          {
            key: 'presenters',
            label: t('thematic.reg.presenters'),
            children: (
              <span data-testid="thematic-presenter-names">
                {presenters.map((p) => p.fullName).join(', ')}
              </span>
            ),
          },
          { key: 'date', label: t('thematic.reg.plannedDate'), children: formatDate(reg.plannedDate) },
          {
            key: 'meeting',
            label: t('thematic.reg.meeting'),
            children:
              reg.sessionId !== null ? (
                // A paper for the committee-wide session is presented there, never at a cell's meeting.
                <Link to={`/thematic/sessions/${reg.sessionId}`} data-testid="thematic-open-session">
                  {t('thematic.reg.openSession')}
                </Link>
              ) : reg.meetingId ? (
                <Link to={`/meetings/${reg.meetingId}`} data-testid="thematic-open-meeting">
                  {t('thematic.reg.openMeeting')}
                </Link>
              ) : (
                t('thematic.reg.noMeeting')
              ),
          },
        ]}
      />
      {can.linkMeeting || can.replan ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          {can.linkMeeting ? <MeetingLink reg={reg} /> : null}
          {can.replan ? (
            <Button
              onClick={() => setReplanning(true)}
              style={{ alignSelf: 'flex-start' }}
              data-testid="thematic-replan"
            >
              {t('thematic.reg.replan')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {replanning ? <ReplanModal reg={reg} onClose={() => setReplanning(false)} /> : null}
    </Card>
  );
}
