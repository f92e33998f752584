/** English texts of spreading the cells' meeting days; mirrors `vi-planning.ts`. */
export const enPlanning = {
  meetingDays: {
    open: 'Spread meeting days',
    title: "Spread the cells' meeting days",
    help: "Sets the day of each cell's regular meeting within the month's meeting days so that the committee can send someone to attend: no day holds more cells than shown below, no day more target cells than the visitors can attend, and cells keep their usual day where they can. Preview first, then apply.",
    days: 'Meeting days left',
    daysValue: 'From day {{from}} to day {{to}} of month {{month}}',
    perDay: 'At most a day',
    visitors: 'Visitors',
    visitorsValue: '{{count}} people — {{capacity}} target cells a day over the round',
    changes: 'Changes',
    changesValue: 'Meetings moved or newly planned: {{count}}',
    cellCount: '{{count}} cell(s)',
    covered: 'Target, a visitor can attend',
    uncoveredTag: 'Target, no visitor left',
    notPlanned: 'Not planned yet, will be',
    movedFrom: 'Moved from {{date}}',
    uncovered: 'Target cells without a visitor ({{count}}): {{names}}. Add people to the working groups.',
    settled: 'Met already or meeting today, kept as they are: {{names}}.',
    apply: 'Apply (changes: {{count}})',
    applied: 'Moved {{moved}} meetings and planned {{planned}}; visitors are told the new days.',
  },
};
