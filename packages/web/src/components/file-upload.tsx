import { FileAddOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { uploadFile } from '../lib/upload';
import { useNotifyError } from '../lib/use-action';

/** The spreadsheets the imports take (.xlsx, .csv). */
export const SHEET_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** A file's size as people read it: "840 KB", "2.4 MB". */
export const fileSizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface FileUploadButtonProps<T> {
  /** Where the file goes, asked for when it is picked (it may hold a value chosen just before). */
  url: () => string;
  /** The button's text, also the hidden file input's accessible name. */
  label: string;
  /** Test id of the hidden file input (browser tests set files on it). */
  testId: string;
  /** Called with the server's answer and the file sent; a failed upload is reported to the user instead. */
  onDone: (answer: T, file: File) => void | Promise<void>;
  /** The file types the picker offers (`accept` of the input). */
  accept?: string;
  /** Why a picked file is refused before it is sent (shown as an error), or nothing to send it. */
  refuse?: (file: File) => string | undefined;
  /** The primary button (the page's first step) rather than a default one. */
  primary?: boolean;
}

/**
 * One file sent with progress: a large button opens the file picker, a progress bar replaces it while the
 * bytes travel, and errors are shown the usual way (a meeting's materials, a recommendation's attachments).
 */
export function FileUploadButton<T>({
  url,
  label,
  testId,
  onDone,
  accept,
  refuse,
  primary,
}: FileUploadButtonProps<T>) {
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const refusal = refuse?.(file);
    if (refusal) {
      notifyError(new Error(refusal));
      return;
    }
    setPercent(0);
    try {
      await onDone(await uploadFile<T>(url(), file, { onProgress: setPercent }), file);
    } catch (error) {
      notifyError(error);
    } finally {
      setPercent(null);
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="nn-file-input"
        onChange={onFile}
        data-testid={testId}
        aria-label={label}
        tabIndex={-1}
      />
      {percent === null ? (
        <Button
          size="large"
          type={primary ? 'primary' : 'default'}
          icon={<FileAddOutlined />}
          onClick={() => input.current?.click()}
        >
          {label}
        </Button>
      ) : (
        <Progress percent={percent} status="active" />
      )}
    </>
  );
}
