/**
 * The resolution (nghị quyết) of a cell meeting: header, title, subject line, preamble, numbered sections,
 * tasks, then "Nơi nhận:" on the left and "T/M CHI BỘ / BÍ THƯ" with the name on the right.
 */
import type { ResolutionModel } from '@nennep/core';
import { renderBlocksDocx } from './docx-blocks.ts';
import {
  type Block,
  type ColumnLine,
  headerBlock,
  numberedHeading,
  signatureColumn,
  tasksTable,
  textBlocks,
} from './party-layout.ts';

/** The resolution as layout blocks; the DOCX and the PDF are both written from these. */
export function resolutionBlocks(model: ResolutionModel): Block[] {
  const blocks: Block[] = [
    headerBlock(model.header),
    { kind: 'title', text: model.title },
    { kind: 'subtitle', text: model.subtitle },
    { kind: 'rule' },
    ...textBlocks(model.preamble),
  ];
  model.sections.forEach((section, i) => {
    blocks.push(
      { kind: 'heading', text: numberedHeading(i + 1, section.heading) },
      ...section.paragraphs.flatMap(textBlocks),
    );
  });
  if (model.tasks.length > 0) {
    blocks.push(
      { kind: 'heading', text: numberedHeading(model.sections.length + 1, 'PHÂN CÔNG THỰC HIỆN') },
      tasksTable(model.tasks),
    );
  }
  const recipients: ColumnLine[] = [
    { text: 'Nơi nhận:', bold: true, italics: true, underline: true },
    ...model.recipients.map((recipient): ColumnLine => ({ text: `- ${recipient}`, small: true })),
  ];
  const { onBehalf, title, name } = model.signature;
  blocks.push({
    kind: 'columns',
    left: recipients,
    right: signatureColumn({ title: [onBehalf, title], name }),
  });
  return blocks;
}

/** The resolution as a DOCX (Times New Roman, A4, HD 36 layout). Same model, same bytes. */
export function renderResolutionDocx(model: ResolutionModel): Promise<Buffer> {
  return renderBlocksDocx(resolutionBlocks(model), {
    title: `${model.title} ${model.subtitle}`,
    subject: model.header.number,
    header: model.header,
  });
}
