/** 公文类叙述的模板渲染：title.md.hbs 每行一行标题；report.md.hbs 开头段落（首个标题之前）与各级标题、段落。 */
import type { Block } from '../model/doc.js';
import type { Render } from './templates.js';
import type { ProfileTemplates } from '../model/templates.js';
import { template } from './unit-documents.js';
import { parseMarkup, splitPreamble } from './markup.js';
import { narrativeBlocks } from './narrative-table.js';
import { proseParagraph } from './runs.js';
import { plainText } from './verbatim.js';

/** A profile's title lines and body blocks, rendered from its two templates with one view. */
export function renderOfficialText(
  templates: ProfileTemplates,
  render: Render,
  view: object,
): { readonly title: string[]; readonly preamble: Block[]; readonly body: Block[] } {
  const titleTemplate = template(templates, 'title.md.hbs');
  const reportTemplate = template(templates, 'report.md.hbs');
  const title = render(titleTemplate.name, titleTemplate.source, view)
    .split('\n')
    .map((l) => plainText(l.trim()))
    .filter((l) => l !== '');
  const { preamble, rest } = splitPreamble(render(reportTemplate.name, reportTemplate.source, view));
  return { title, preamble: preamble.map(proseParagraph), body: narrativeBlocks(parseMarkup(rest)) };
}
