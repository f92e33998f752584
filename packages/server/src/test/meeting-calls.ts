/** One request per meeting, task and material route, aimed at a meeting the caller must not touch. */
export type RouteCall = [method: string, route: string, url: string, payload?: unknown];

export function meetingCalls(meetingId: number, taskId: number, memberCode: string): RouteCall[] {
  const base = `/api/meetings/${meetingId}`;
  return [
    ['GET', '/api/meetings/{id}', base],
    ['PATCH', '/api/meetings/{id}', base, { place: 'X' }],
    [
      'POST',
      '/api/meetings/{id}/reschedule',
      `${base}/reschedule`,
      { date: '2026-07-05', startTime: '19:30', reason: 'x' },
    ],
    ['POST', '/api/meetings/{id}/cancel', `${base}/cancel`, { reason: 'x' }],
    ['POST', '/api/meetings/{id}/notify', `${base}/notify`, {}],
    ['GET', '/api/meetings/{id}/invitations', `${base}/invitations`],
    ['POST', '/api/meetings/{id}/agenda', `${base}/agenda`, { title: 'X', section: 'content' }],
    ['POST', '/api/meetings/{id}/prepared', `${base}/prepared`, {}],
    ['GET', '/api/meetings/{id}/materials/{materialId}', `${base}/materials/1`],
    ['POST', '/api/meetings/{id}/start', `${base}/start`, {}],
    ['POST', '/api/meetings/{id}/end', `${base}/end`, {}],
    [
      'PUT',
      '/api/meetings/{id}/attendance/{memberCode}',
      `${base}/attendance/${memberCode}`,
      { status: 'absent_unexcused' },
    ],
    ['POST', '/api/meetings/{id}/reply', `${base}/reply`, { reply: 'confirm' }],
    ['POST', '/api/meetings/{id}/guests', `${base}/guests`, { name: 'X' }],
    ['POST', '/api/meetings/{id}/opinions', `${base}/opinions`, { memberCode, agendaIndex: 0, summary: 'x' }],
    ['POST', '/api/meetings/{id}/tasks', `${base}/tasks`, { text: 'x' }],
    [
      'POST',
      '/api/meetings/{id}/votes',
      `${base}/votes`,
      { subject: 'other', text: 'x', for: 1, against: 0, abstain: 0 },
    ],
    ['PUT', '/api/meetings/{id}/manual-scores', `${base}/manual-scores`, { chairing: 1 }],
    ['POST', '/api/meetings/{id}/conclusion', `${base}/conclusion`, { text: 'x' }],
    [
      'PUT',
      '/api/meetings/{id}/agenda/{agendaIndex}/conclusion',
      `${base}/agenda/0/conclusion`,
      { text: 'x' },
    ],
    ['GET', '/api/meetings/{id}/score', `${base}/score`],
    ['GET', '/api/meetings/{id}/documents/{name}', `${base}/documents/minutes.docx`],
    ['POST', '/api/meetings/{id}/adopt', `${base}/adopt`, { for: 3, against: 0, abstain: 0 }],
    ['POST', '/api/meetings/{id}/addenda', `${base}/addenda`, { date: '2026-07-06', text: 'x' }],
    ['PATCH', '/api/tasks/{taskId}', `/api/tasks/${taskId}`, { status: 'done' }],
    ['PATCH', '/api/meetings/{id}/opinions/{itemId}', `${base}/opinions/1`, { summary: 'x' }],
    ['DELETE', '/api/meetings/{id}/opinions/{itemId}', `${base}/opinions/1`],
    ['DELETE', '/api/meetings/{id}/tasks/{itemId}', `${base}/tasks/${taskId}`],
    ['DELETE', '/api/meetings/{id}/guests/{itemId}', `${base}/guests/1`],
    ['DELETE', '/api/meetings/{id}/votes/{itemId}', `${base}/votes/1`],
    ['DELETE', '/api/meetings/{id}/materials/{itemId}', `${base}/materials/1`],
    ['GET', '/api/meetings/{id}/recommendations', `${base}/recommendations`],
    ['GET', '/api/meetings/{id}/documents-to-pass-on', `${base}/documents-to-pass-on`],
    [
      'POST',
      '/api/meetings/{id}/documents-to-pass-on/{documentId}/passed-on',
      `${base}/documents-to-pass-on/1/passed-on`,
      {},
    ],
    [
      'POST',
      '/api/meetings/{id}/recommendations',
      `${base}/recommendations`,
      { text: 'x', category: 'other' },
    ],
    [
      'PUT',
      '/api/meetings/{id}/recommendations/{recId}/answer-given',
      `${base}/recommendations/1/answer-given`,
      { given: true },
    ],
  ];
}
