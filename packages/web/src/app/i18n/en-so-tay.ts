import type { Messages } from './messages';

/** English texts of the Sổ tay đảng viên điện tử card; the keys of `vi-so-tay.ts`. */
export const enSoTay: Pick<Messages, 'soTay'> = {
  soTay: {
    title: 'Electronic Party Member Handbook',
    help: 'The Handbook app has no connection yet: download the package (agenda and materials), post it on the Handbook app at least 1 day before the meeting, then record when it was posted.',
    download: 'Download the package for the Handbook app (PDF)',
    downloadFailed: 'The package could not be downloaded',
    postedAt: 'Posted at',
    markPosted: 'Posted on the Handbook app',
    posted: 'Posted on the Handbook app at {{at}}',
    recordedBy: 'Recorded by {{name}}',
    early: 'At least 1 day before the meeting',
    late: 'Less than 1 day before the meeting',
    saved: 'Recorded as posted on the Handbook app',
    undo: 'Undo the record',
    undone: 'Record undone',
    notPosted: 'Not recorded as posted on the Handbook app',
  },
};
