/**
 * The resolution (nghị quyết) of a cell meeting: header, "NGHỊ QUYẾT" and its subject line, the grounds
 * ("- Căn cứ …"), "CHI BỘ … QUYẾT NGHỊ:", the points numbered 1., 2., …, the tasks, the vote stated once,
 * then "Nơi nhận:" on the left and "T/M CHI BỘ", the signer's title (BÍ THƯ / PHÓ BÍ THƯ) and name on
 * the right (HD 36-HD/VPTW).
 */
import type { ResolutionModel } from '@nennep/core';
import { renderBlocksDocx } from './docx-blocks.ts';
import {
  type Block,
  headerBlock,
  numberedHeading,
  paragraph,
  recipientsColumn,
  signatureColumn,
  tasksTable,
  textBlocks,
} from './party-layout.ts';

/**
 * A resolution frozen at adoption before the grounds-and-points structure: an opening paragraph and
 * numbered sections. Adopted documents never change, so their models are still printed as they were.
 */
export interface FrozenResolutionModel {
  header: ResolutionModel['header'];
  title: string;
  subtitle: string;
  preamble: string;
  sections: { heading: string; paragraphs: string[] }[];
  tasks: ResolutionModel['tasks'];
  signature: ResolutionModel['signature'];
  recipients: string[];
}

const isFrozen = (model: ResolutionModel | FrozenResolutionModel): model is FrozenResolutionModel =>
  'preamble' in model && Array.isArray(model.sections);

function frozenBody(model: FrozenResolutionModel): Block[] {
  const blocks: Block[] = [...textBlocks(model.preamble)];
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
  return blocks;
}

function body(model: ResolutionModel): Block[] {
  const blocks: Block[] = model.grounds.map((line) => paragraph(line));
  blocks.push({ kind: 'heading', text: model.decision, align: 'center' });
  model.points.forEach((point, i) => {
    blocks.push(paragraph(`${i + 1}. ${point.text}`), ...point.details.map((line) => paragraph(line)));
  });
  if (model.tasks.length > 0) {
    blocks.push(paragraph(`${model.points.length + 1}. Phân công thực hiện:`), tasksTable(model.tasks));
  }
  blocks.push(paragraph(model.adoption));
  return blocks;
}

/** The resolution as layout blocks; the DOCX and the PDF are both written from these. */
export function resolutionBlocks(model: ResolutionModel | FrozenResolutionModel): Block[] {
  const { onBehalf, title, name } = model.signature;
  return [
    headerBlock(model.header),
    { kind: 'title', text: model.title },
    { kind: 'subtitle', text: model.subtitle },
    { kind: 'rule' },
    ...(isFrozen(model) ? frozenBody(model) : body(model)),
    {
      kind: 'columns',
      left: recipientsColumn(model.recipients),
      right: signatureColumn({ onBehalf, title: [title], name }),
    },
  ];
}

/** The resolution as a DOCX (Times New Roman, A4, HD 36 layout). Same model, same bytes. */
export function renderResolutionDocx(model: ResolutionModel | FrozenResolutionModel): Promise<Buffer> {
  return renderBlocksDocx(resolutionBlocks(model), {
    title: `${model.title} ${model.subtitle}`,
    subject: model.header.number,
    header: model.header,
  });
}
