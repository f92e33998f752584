// Setup of the `web` unit tests (node): an in-memory IndexedDB, and the little of `document` that the
// i18n module touches when lib/api.ts is imported.
import 'fake-indexeddb/auto';

if (typeof globalThis.document === 'undefined') {
  Object.defineProperty(globalThis, 'document', {
    value: { documentElement: { lang: 'vi' } },
    configurable: true,
  });
}
