import { SESSION_LIMITS } from '@nennep/core/thematic/session-types';
import { useTranslation } from 'react-i18next';
import { CommentsPanel } from './comments-panel';
import { sessionCommands, sessionKeys, type ThematicSessionDto } from './session-api';

/** The members' comments on the committee's draft resolution (from the whole subtree, with each one's cell). */
export function SessionCommentsCard({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  const { comments } = session.resolution;
  return (
    <CommentsPanel
      comments={comments}
      canComment={session.abilities.comment}
      send={(text) => sessionCommands.comment(session.id, text)}
      invalidate={[sessionKeys.all]}
      maxLength={SESSION_LIMITS.comment}
      testId="session"
      texts={{
        title: t('thematicSession.comments.title', { count: comments.length }),
        empty: t('thematicSession.comments.empty'),
        label: t('thematicSession.comments.label'),
        placeholder: t('thematicSession.comments.placeholder'),
        send: t('thematicSession.comments.send'),
        sent: t('thematicSession.comments.sent'),
        onVersion: (version) => t('thematicSession.comments.onVersion', { version }),
      }}
    />
  );
}
