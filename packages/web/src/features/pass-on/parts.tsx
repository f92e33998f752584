import { DownloadOutlined } from '@ant-design/icons';
import { Flex, Progress, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fileSizeText } from '../../components/file-upload';
import { formatDate } from '../../lib/format';
import type { PassOnDocumentDto } from './api';

/** Today in the browser (display only: whether a "pass on by" day has gone by). */
export const todayIso = () => dayjs().format('YYYY-MM-DD');

/** Whom the document is addressed to, in words: every cell below, or the kinds and categories chosen. */
export function useAddressText() {
  const { t } = useTranslation();
  return (doc: Pick<PassOnDocumentDto, 'audience' | 'cellKinds' | 'cellCategories'>) =>
    doc.audience === 'subtree'
      ? t('passOn.everyCell')
      : [
          ...doc.cellKinds.map((k) => t(`kind.${k}`)),
          ...doc.cellCategories.map((c) => t(`category.${c}`)),
        ].join(', ');
}

/** "Quá hạn" beside a deadline that has gone by, while something is still to pass on. */
export function OverdueTag({ passOnBy }: { passOnBy: string }) {
  const { t } = useTranslation();
  return passOnBy < todayIso() ? (
    <Tag color="red" data-testid="pass-on-overdue">
      {t('passOn.overdue')}
    </Tag>
  ) : null;
}

/** The document's lines under its title: who issued it, when, by when to pass it on, to whom. */
export function DocumentMeta({ doc }: { doc: PassOnDocumentDto }) {
  const { t } = useTranslation();
  const addressText = useAddressText();
  return (
    <Flex vertical gap={2} className="nn-small">
      <span className="nn-muted">
        {t('passOn.from', { org: doc.orgName })} · {t('passOn.issued', { date: formatDate(doc.issuedOn) })}
      </span>
      <span>
        {t('passOn.deadline', { date: formatDate(doc.passOnBy) })}{' '}
        {doc.passed ? null : <OverdueTag passOnBy={doc.passOnBy} />}
      </span>
      <span className="nn-muted">{t('passOn.addressedTo', { to: addressText(doc) })}</span>
    </Flex>
  );
}

/** The file, downloaded as the API serves it (only to those who may see the document). */
export function FileLink({ doc }: { doc: PassOnDocumentDto }) {
  const { t } = useTranslation();
  return (
    <a
      href={doc.fileUrl}
      download={doc.fileName}
      data-testid="pass-on-file-link"
      style={{ overflowWrap: 'anywhere' }}
    >
      <DownloadOutlined /> {t('passOn.download')}: {doc.fileName} ({fileSizeText(doc.size)})
    </a>
  );
}

/** Passed on by so many of the addressed cells, as a bar. */
export function PassOnProgress({ passed, cells }: { passed: number; cells: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid="pass-on-progress" data-passed={passed} data-cells={cells}>
      <div className="nn-small">{t('passOn.progress', { passed, cells })}</div>
      <Progress
        aria-label={t('passOn.progress', { passed, cells })}
        percent={cells === 0 ? 0 : Math.round((passed * 100) / cells)}
        status={cells > 0 && passed === cells ? 'success' : 'normal'}
        size="small"
      />
    </div>
  );
}

/** A cell's own state for the document: passed on (with the day) or still pending. */
export function CellStateTag({ doc }: { doc: PassOnDocumentDto }) {
  const { t } = useTranslation();
  return doc.passed ? (
    <Tag color="green" data-testid="pass-on-cell-state" data-state="passed">
      {t('passOn.passedTag', { date: formatDate(doc.passed.passedOn) })}
    </Tag>
  ) : (
    <Tag color="gold" data-testid="pass-on-cell-state" data-state="pending">
      {t('passOn.pendingTag')}
    </Tag>
  );
}
