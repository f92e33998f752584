import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { type ThematicRegistrationDto, thematicCommands, thematicKeys } from './api';
import { DraftForm, DraftMeta, type DraftTexts } from './versioned-draft';

/** The paper's words for the shared draft form. */
function usePaperTexts(): DraftTexts {
  const { t } = useTranslation();
  return {
    text: t('thematic.paper.text'),
    save: t('thematic.paper.save'),
    saved: t('thematic.paper.saved'),
    share: t('thematic.paper.share'),
    shared: t('thematic.paper.shared'),
    shareConfirm: (version) => t('thematic.paper.shareConfirm', { version }),
    version: (v) =>
      t('thematic.paper.version', {
        version: v.version,
        name: v.createdBy,
        time: formatDateTime(v.createdAt),
      }),
    sharedAt: (time) => t('thematic.paper.sharedAt', { time }),
    notShared: t('thematic.paper.notShared'),
  };
}

/**
 * The topic paper (tham luận): drafted version by version, shared with the members before the meeting for
 * their comments (HD 42-HD/BTCTW (28/10/2025): materials published at least one day before). Members read
 * the latest shared version.
 */
export function PaperCard({
  reg,
  canDraft,
  canShare,
}: {
  reg: ThematicRegistrationDto;
  canDraft: boolean;
  canShare: boolean;
}) {
  const { t } = useTranslation();
  const accepted = reg.status === 'registered' || reg.status === 'approved';
  const paper = reg.paper;
  const texts = usePaperTexts();
  return (
    <Card
      size="small"
      title={t('thematic.paper.title')}
      extra={
        <span data-testid="thematic-paper-versions">
          {t('thematic.paper.versions', { count: reg.versions })}
        </span>
      }
    >
      <Flex vertical gap={8}>
        {paper ? <DraftMeta draft={paper} testId="thematic-paper" texts={texts} /> : null}
        {!accepted ? (
          <Alert type="info" showIcon title={t('thematic.paper.notAccepted')} />
        ) : canDraft ? (
          <DraftForm
            key={paper?.version ?? 0}
            draft={paper}
            canShare={canShare && !paper?.sharedAt}
            save={(text) => thematicCommands.draftPaper(reg.id, text)}
            share={() => thematicCommands.sharePaper(reg.id)}
            invalidate={[thematicKeys.all]}
            maxLength={THEMATIC_LIMITS.paper}
            testId="thematic-paper"
            texts={texts}
          />
        ) : paper ? (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
            data-testid="thematic-paper-read"
          >
            {paper.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('thematic.paper.notYet')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
