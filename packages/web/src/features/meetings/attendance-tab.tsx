import { UserAddOutlined } from '@ant-design/icons';
import { MEETING_LIMITS, type RollCallLineDto } from '@nennep/core/meetings/api-types';
import type { AttendanceStatus } from '@nennep/core/meetings/types';
import { Alert, Button, Card, Checkbox, Empty, Flex, Form, Input, Modal, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../lib/form-errors';
import { useQueuedWrites } from '../../lib/offline/queue';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { meetingCommands, meetingKeys, meetingWrites } from './api';
import { DeleteItemButton } from './delete-item';
import { meetingScope, pendingAttendanceCodes } from './offline-overlay';
import { useEnqueueMeetingWrite } from './queued';
import { countRoll, type RollCall, reasonRefused } from './roll-call';
import type { TabProps } from './shared';
import { canEdit } from './shared';

const MAIN: AttendanceStatus[] = ['present', 'absent_excused', 'absent_unexcused'];
const RARE: AttendanceStatus[] = ['exempt', 'attached_elsewhere'];
const TAG_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  absent_excused: 'gold',
  absent_unexcused: 'red',
  exempt: 'default',
  attached_elsewhere: 'purple',
};

/** "Có mặt 15/17 (chính thức 14, dự bị 1)", and the absences on a second line. */
export function RollCounts({ lines }: { lines: RollCallLineDto[] }) {
  const { t } = useTranslation();
  const c = countRoll(lines);
  return (
    <div className="nn-roll-counts">
      <div className="nn-big-text" data-testid="attendance-counts">
        {t(c.attachedHere > 0 ? 'roll.countsTemporary' : 'roll.counts', {
          present: c.present,
          total: c.total,
          official: c.presentOfficial,
          probationary: c.presentProbationary,
          temporary: c.presentAttachedHere,
        })}
      </div>
      <div className="nn-muted" data-testid="attendance-others">
        {t('roll.others', {
          excused: c.excused,
          unexcused: c.unexcused,
          exempt: c.exempt,
          elsewhere: c.elsewhere,
        })}
      </div>
    </div>
  );
}

function AttendanceRow({
  line,
  editable,
  unsent,
  onMark,
}: {
  line: RollCallLineDto;
  editable: boolean;
  /** The mark is kept on the device, not sent yet. */
  unsent: boolean;
  onMark: (line: RollCallLineDto, status: AttendanceStatus) => void;
}) {
  const { t } = useTranslation();
  const button = (status: AttendanceStatus, rare: boolean) => (
    <Button
      key={status}
      size={rare ? 'small' : 'large'}
      type={line.status === status ? 'primary' : 'default'}
      danger={line.status === status && status === 'absent_unexcused'}
      className={`nn-att-btn nn-att-${status}${line.status === status ? ' nn-att-on' : ''}`}
      aria-pressed={line.status === status}
      onClick={() => onMark(line, status)}
      data-testid={`attendance-${status}`}
    >
      {t(`attendance.${status}`)}
    </Button>
  );
  return (
    <div
      className="nn-att-row"
      data-testid="attendance-row"
      data-code={line.memberCode}
      data-status={line.status}
      data-unsent={unsent || undefined}
    >
      <Flex wrap gap={4} align="center" justify="space-between">
        <span className="nn-att-name">{line.fullName}</span>
        <Flex wrap gap={4}>
          {unsent ? (
            <Tag color="orange" data-testid="unsent-tag">
              {t('meetingOffline.notSent')}
            </Tag>
          ) : null}
          {line.attachedHere ? (
            <Tooltip title={t('roll.attachedHereHint')}>
              <Tag color="purple" data-testid="attached-here">
                {t('roll.attachedHere')}
              </Tag>
            </Tooltip>
          ) : null}
          {line.memberStatus === 'probationary' ? <Tag color="cyan">{t('roll.probationary')}</Tag> : null}
          {line.position !== 'member' ? <Tag>{t(`position.${line.position}`)}</Tag> : null}
          {line.reply === 'confirm' ? <Tag color="green">{t('roll.confirmed')}</Tag> : null}
          {line.reply === 'excuse' ? <Tag color="gold">{t('roll.excused')}</Tag> : null}
          {editable ? null : <Tag color={TAG_COLORS[line.status]}>{t(`attendance.${line.status}`)}</Tag>}
        </Flex>
      </Flex>
      {line.reason ? (
        <div className="nn-muted">
          {line.reason}
          {reasonRefused(line) ? (
            <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="reason-refused">
              {t('roll.reasonRefused')}
            </Tag>
          ) : null}
        </div>
      ) : null}
      {editable ? (
        <>
          <div className="nn-att-main">{MAIN.map((s) => button(s, false))}</div>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            {/* A member attending temporarily is here: "attached elsewhere" is for the cell's own. */}
            {RARE.filter((s) => !(line.attachedHere && s === 'attached_elsewhere')).map((s) =>
              button(s, true),
            )}
          </Flex>
        </>
      ) : null}
    </div>
  );
}

interface ReasonValues {
  reason: string;
  reasonAccepted: boolean;
}

/**
 * Asks why a member is absent, and whether the cell accepts the reason: yes by default (the usual
 * reasons — illness, a work trip, family matters — are), the secretary unticks it otherwise (HD
 * 12-HD/BTCTW point 2.1). The server's field error lands on the reason.
 */
function ReasonModal({
  line,
  onSubmit,
  onClose,
  loading,
  error,
}: {
  line: RollCallLineDto;
  onSubmit: (values: ReasonValues) => void;
  onClose: () => void;
  loading: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<ReasonValues>();
  useEffect(() => {
    if (error) applyFieldErrors(form, error);
  }, [error, form]);
  return (
    <Modal
      open
      title={t('roll.reasonTitle', { name: line.fullName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading, size: 'large', 'data-testid': 'reason-ok' }}
      cancelButtonProps={{ size: 'large' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onSubmit({ reason: v.reason.trim(), reasonAccepted: v.reasonAccepted })}
        initialValues={{
          reason: line.reason ?? '',
          reasonAccepted: line.status === 'absent_excused' ? line.reasonAccepted !== false : true,
        }}
      >
        <Flex wrap gap={6} style={{ marginBottom: 12 }}>
          {t('roll.quickReasons')
            .split('|')
            .map((r) => (
              <Button key={r} onClick={() => form.setFieldsValue({ reason: r, reasonAccepted: true })}>
                {r}
              </Button>
            ))}
        </Flex>
        <Form.Item name="reason" label={t('roll.reason')} rules={[rules.required(t('roll.reason'))]}>
          <Input.TextArea
            rows={2}
            maxLength={MEETING_LIMITS.attendanceReason}
            placeholder={t('roll.reasonHint')}
            data-testid="attendance-reason"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="reasonAccepted"
          valuePropName="checked"
          extra={t('roll.reasonAcceptedHint')}
          style={{ marginBottom: 0 }}
        >
          <Checkbox data-testid="reason-accepted">{t('roll.reasonAccepted')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GuestsCard({ meeting, record, editable }: TabProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ name: string; role?: string }>();
  const add = useAction({
    mutationFn: (v: { name: string; role?: string }) =>
      meetingCommands.guest(meeting.id, { name: v.name.trim(), role: v.role?.trim() || null }),
    form,
    success: t('roll.saved'),
    invalidate: [meetingKeys.detail(meeting.id)],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card size="small" title={`${t('roll.guests')} (${record.guests.length})`}>
      {record.guests.length === 0 ? (
        <div className="nn-muted">{t('roll.noGuests')}</div>
      ) : (
        <ul className="nn-plain-list" data-testid="guest-list">
          {record.guests.map((g) => (
            <li key={g.id} data-testid="guest-row">
              <Flex justify="space-between" align="start" gap={4}>
                <span>
                  <strong>{g.name}</strong>
                  {g.role ? <span className="nn-muted"> — {g.role}</span> : null}
                </span>
                {canEdit(meeting) ? (
                  <DeleteItemButton meetingId={meeting.id} kind="guests" itemId={g.id} />
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          style={{ marginTop: 12 }}
          data-testid="guest-form"
        >
          <Form.Item name="name" label={t('roll.guestName')} rules={[rules.required(t('roll.guestName'))]}>
            <Input size="large" maxLength={MEETING_LIMITS.guestName} />
          </Form.Item>
          <Form.Item name="role" label={t('roll.guestRole')}>
            <Input size="large" maxLength={MEETING_LIMITS.guestRole} />
          </Form.Item>
          <Button size="large" htmlType="submit" icon={<UserAddOutlined />} loading={add.isPending}>
            {t('roll.addGuest')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** "Điểm danh": one row per member with big status buttons; live counts on top; guests below. */
export function AttendanceTab({ meeting, record, editable, roll }: TabProps & { roll: RollCall }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<RollCallLineDto | null>(null);
  const [saving, setSaving] = useState(false);
  const enqueue = useEnqueueMeetingWrite(meeting.id);
  const unsent = pendingAttendanceCodes(useQueuedWrites(meetingScope(meeting.id)).pending);
  // Each mark goes into the device's queue (issue 18) and shows at once; a refusal is listed by the indicator.
  const mark = async (
    line: RollCallLineDto,
    status: AttendanceStatus,
    reason?: ReasonValues,
  ): Promise<boolean> => {
    const label = t('meetingOffline.labelAttendance', {
      name: line.fullName,
      status: t(`attendance.${status}`),
    });
    const write = meetingWrites.attendance(
      meeting.id,
      line.memberCode,
      status,
      reason?.reason,
      reason?.reasonAccepted,
    );
    return (await enqueue(write, label)) !== null;
  };
  const onMark = (line: RollCallLineDto, status: AttendanceStatus) => {
    if (status === 'absent_excused') setAsking(line);
    else void mark(line, status);
  };
  return (
    <div className="nn-stack">
      <Card size="small" className="nn-sticky-card">
        <RollCounts lines={roll.lines} />
      </Card>
      {roll.tentative && editable && roll.lines.length > 0 ? (
        <Alert type="info" showIcon title={t('roll.tentative')} />
      ) : null}
      <Card size="small" loading={roll.loading}>
        {roll.lines.length === 0 ? (
          <Empty description={t('roll.empty')} />
        ) : (
          <div className="nn-att-list" data-testid="attendance-list">
            {roll.lines.map((line) => (
              <AttendanceRow
                key={line.memberCode}
                line={line}
                editable={editable}
                unsent={unsent.has(line.memberCode)}
                onMark={onMark}
              />
            ))}
          </div>
        )}
      </Card>
      <GuestsCard meeting={meeting} record={record} editable={editable} />
      {asking ? (
        <ReasonModal
          line={asking}
          loading={saving}
          onClose={() => setAsking(null)}
          onSubmit={(v) => {
            setSaving(true);
            void mark(asking, 'absent_excused', v).then((kept) => {
              setSaving(false);
              if (kept) setAsking(null);
            });
          }}
        />
      ) : null}
    </div>
  );
}
