/** English texts of the installable app and of working without a network (issue 18); mirrors `vi-offline.ts`. */
export const enOffline = {
  offline: {
    // The write queue (lib/offline, H04).
    pending: 'Saved on this device — not sent yet: {{count}}',
    sending: 'Sending…',
    sent: 'Sent',
    offlineBanner: 'No network — entries are saved on this device',
    refusedTitle: 'The server did not accept {{count}} entries',
    refusedReason: 'Reason: {{reason}}',
    dismiss: 'Got it',
    dismissLabel: 'Got it, remove from the list: {{label}}',
    headerPendingLabel: '{{count}} entries saved on this device, not sent yet',
    updateTitle: 'A new version',
    updateBody: 'An update of the app is ready. Reload to use the new version.',
    reload: 'Reload',
  },
};
