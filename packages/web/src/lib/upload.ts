import { i18n } from '../app/i18n';
import { ApiError, commonHeaders, errorFromBody } from './api';

export interface UploadOptions {
  /** 0–100 while the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  /** Called once the bytes are sent, while the server still works on them. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** Form fields sent before the file (a server reading the stream meets them first). */
  fields?: Record<string, string>;
}

/**
 * Sends a file as multipart field `file` (after `fields`, if any) with XMLHttpRequest, which (unlike fetch) reports upload
 * progress. Resolves with the JSON answer; rejects with ApiError.
 */
export function uploadFile<T>(url: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(commonHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => {
      options.onProgress?.(100);
      options.onUploaded?.();
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(errorFromBody(xhr.status, ''));
        }
      } else {
        reject(errorFromBody(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('common.networkError')));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
