import type { AgendaTemplateItem, MeetingKind, MeetingRules } from './types.ts';

/**
 * Where a pre-filled agenda item comes from (agenda-sources.ts): the kind of thing due and its reference
 * (a document's id, a member's code, …). Items of the template or added by hand have none.
 */
export interface AgendaItemSource {
  kind: 'pass_on' | 'answers' | 'recognition' | 'overdue_tasks' | 'absences' | 'dues_arrears' | 'thematic';
  ref: string;
}

export interface AgendaItem {
  title: string;
  section: AgendaTemplateItem['section'];
  /** For an item pre-filled from what is due: its source (absent on older rows and on other items). */
  source?: AgendaItemSource;
  /** For a pre-filled item: why it is on the agenda, in the meeting's language ("Vì sao có mục này"). */
  reason?: string;
  /**
   * The chair's conclusion on this item (kết luận của chủ trì), recorded on the run screen and printed under
   * the item in the minutes (HD 12-HD/BTCTW point 2.3). Absent until recorded.
   */
  conclusion?: string;
}

/** The longest conclusion of one agenda item. */
export const ITEM_CONCLUSION_MAX = 2000;

/**
 * The agenda with the conclusion of item `index` set (trimmed), or removed when `text` is blank. Throws a
 * RangeError when there is no such item.
 */
export function withItemConclusion(agenda: readonly AgendaItem[], index: number, text: string): AgendaItem[] {
  if (!Number.isInteger(index) || index < 0 || index >= agenda.length) {
    throw new RangeError(`agenda item ${index}: the agenda has ${agenda.length} items`);
  }
  const conclusion = text.trim();
  return agenda.map((item, i) => {
    if (i !== index) return item;
    const { conclusion: _old, ...rest } = item;
    return conclusion ? { ...rest, conclusion } : rest;
  });
}

const SECTIONS: readonly AgendaItem['section'][] = ['opening', 'content', 'closing'];
const sectionOf = (items: AgendaTemplateItem[], section: AgendaItem['section']) =>
  items.filter((i) => i.section === section).map((i) => ({ title: i.title.vi, section }));

/**
 * The agenda of a new meeting from the rule set's templates, in the meeting's language (Vietnamese). A
 * combined session (the regular meeting that is also the period's thematic one) runs the regular order with
 * the thematic topic's items after the regular content and the thematic vote before the regular one.
 */
export function agendaOf(rules: MeetingRules, kind: MeetingKind, combined = false): AgendaItem[] {
  const own = rules.agendaTemplates[kind] ?? [];
  if (!combined || kind !== 'regular') return own.map((i) => ({ title: i.title.vi, section: i.section }));
  const thematic = rules.agendaTemplates.thematic ?? [];
  const titles = new Set(own.map((i) => i.title.vi));
  const extra = (section: AgendaItem['section']) =>
    sectionOf(thematic, section).filter((i) => !titles.has(i.title));
  const closing = sectionOf(own, 'closing');
  // The thematic resolution is voted just before the regular one (or, without a vote item, first).
  const vote = closing.findIndex((i) => i.title.toLocaleLowerCase('vi').startsWith('biểu quyết'));
  const at = Math.max(vote, 0);
  return [
    ...sectionOf(own, 'opening'),
    ...sectionOf(own, 'content'),
    ...extra('content'),
    ...closing.slice(0, at),
    ...extra('closing'),
    ...closing.slice(at),
  ];
}

/**
 * Where a new item goes: after the last item of its section (opening before content before closing), so a
 * content item added late still comes before the closing ones. Returns the new agenda and the item's place;
 * items from that place on move one down.
 */
export function insertAgendaItem(
  agenda: readonly AgendaItem[],
  item: AgendaItem,
): { agenda: AgendaItem[]; index: number } {
  const rank = SECTIONS.indexOf(item.section);
  let index = agenda.length;
  for (let i = 0; i < agenda.length; i++) {
    const current = agenda[i];
    if (current && SECTIONS.indexOf(current.section) > rank) {
      index = i;
      break;
    }
  }
  return { agenda: [...agenda.slice(0, index), item, ...agenda.slice(index)], index };
}
