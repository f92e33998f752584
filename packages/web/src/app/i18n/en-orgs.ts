import type { viOrgs } from './vi-orgs';

/** English texts of an organisation's naming; mirrors `vi-orgs.ts`. */
export const enOrgs: typeof viOrgs = {
  orgNaming: {
    title: 'How documents name it',
    edit: 'Edit naming',
    editTitle: 'Edit how documents name it',
    bodyName: 'Leading body',
    symbol: 'Document symbol',
    placeName: 'Place in the date line',
    onBehalf: 'Signs on behalf of (T/M)',
    isDefault: 'default',
    defaultValue: 'Default: {{value}}',
    preview: 'Document header (preview)',
    blankHint: 'Leave a box empty to use the default (the grey text in the box).',
    issuedHint: 'Documents already issued keep the names they were issued with.',
    symbolFormat: 'Capital letters (accents allowed, as in ĐU), digits and -',
    tooLong: '{{field}}: at most {{max}} characters',
    saved: 'Naming saved',
    changed: 'Changed how documents name it',
  },
};
