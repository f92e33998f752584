import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { useTranslation } from 'react-i18next';
import { type ThematicRegistrationDto, thematicCommands, thematicKeys } from './api';
import { CommentsPanel } from './comments-panel';

/** The members' comments on the shared versions of the paper, and the box to add one. */
export function CommentsCard({ reg, canComment }: { reg: ThematicRegistrationDto; canComment: boolean }) {
  const { t } = useTranslation();
  return (
    <CommentsPanel
      comments={reg.comments}
      canComment={canComment}
      send={(text) => thematicCommands.comment(reg.id, text)}
      invalidate={[thematicKeys.all]}
      maxLength={THEMATIC_LIMITS.comment}
      testId="thematic"
      texts={{
        title: t('thematic.comments.title', { count: reg.comments.length }),
        empty: t('thematic.comments.empty'),
        label: t('thematic.comments.label'),
        placeholder: t('thematic.comments.placeholder'),
        send: t('thematic.comments.send'),
        sent: t('thematic.comments.sent'),
        onVersion: (version) => t('thematic.comments.onVersion', { version }),
      }}
    />
  );
}
