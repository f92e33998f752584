import { CloudUploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { dismissRefused, useQueuedWrites } from './queue';
import './offline.css';

type Tone = 'offline' | 'pending' | 'sending' | 'sent';

/**
 * What the device holds for a screen (issue 18): offline banner, "saved on this device — not sent: n",
 * "sending…", "sent", and the writes the server refused, each with its reason, until the user has read it.
 */
export function OfflineIndicator(props: { scope?: string }) {
  const { t } = useTranslation();
  const { pending, refused, sending, online, sentCount } = useQueuedWrites(props.scope);
  const lines: { tone: Tone; text: string }[] = [];
  if (!online) lines.push({ tone: 'offline', text: t('offline.offlineBanner') });
  if (sending && online) lines.push({ tone: 'sending', text: t('offline.sending') });
  else if (pending.length > 0)
    lines.push({ tone: 'pending', text: t('offline.pending', { count: pending.length }) });
  else if (sentCount > 0 && online) lines.push({ tone: 'sent', text: t('offline.sent') });
  return (
    <div className="nn-offline" data-testid="offline-indicator">
      <div role="status" aria-live="polite" className="nn-offline-status">
        {lines.map((line) => (
          <p
            key={line.tone}
            className={`nn-offline-line nn-offline-${line.tone}`}
            data-testid={`offline-${line.tone}`}
          >
            {line.text}
          </p>
        ))}
        {refused.length > 0 ? (
          <p className="nn-offline-line nn-offline-refused-title">
            {t('offline.refusedTitle', { count: refused.length })}
          </p>
        ) : null}
      </div>
      {refused.length > 0 ? (
        <ul className="nn-offline-refused" data-testid="offline-refused">
          {refused.map((write) => (
            <li key={write.seq} className="nn-offline-refused-item">
              <div className="nn-offline-refused-text">
                <strong>{write.label}</strong>
                <span>{t('offline.refusedReason', { reason: write.refusal?.message ?? '' })}</span>
              </div>
              <Button
                className="nn-offline-dismiss"
                onClick={() => void dismissRefused(write.seq)}
                aria-label={t('offline.dismissLabel', { label: write.label })}
              >
                {t('offline.dismiss')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The small count in the shell's header while writes wait on this device. */
export function OfflineHeaderCount() {
  const { t } = useTranslation();
  const { pending, refused } = useQueuedWrites();
  const count = pending.length + refused.length;
  if (count === 0) return null;
  return (
    <span
      className="nn-offline-header"
      role="img"
      aria-label={t('offline.headerPendingLabel', { count })}
      title={t('offline.headerPendingLabel', { count })}
      data-testid="offline-header-count"
    >
      <CloudUploadOutlined aria-hidden />
      <span aria-hidden>{count > 99 ? '99+' : count}</span>
    </span>
  );
}
