/** 测试用文本转储：把 DOCX/XLSX 变成稳定的文本或单元格文字，供 golden 测试逐行比较。 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'quot'
          ? '"'
          : e === 'apos'
            ? "'"
            : e === 'amp'
              ? '&'
              : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

const documentXml = (bytes: Uint8Array): string => {
  const entry = unzipSync(bytes)['word/document.xml'];
  if (!entry) throw new Error('not a DOCX: word/document.xml is missing');
  return strFromU8(entry);
};

/** DOCX → text lines; table rows as "| a | b |"; ↑ marks a vertically merged cell, 〔分页〕 a page jixiao ends in a table. */
export function dumpDocx(bytes: Uint8Array): string {
  const xml = documentXml(bytes);
  const text = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : '⏎')).join('');
  const lines: string[] = [];
  for (const [b] of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    // Note: our tables never nest
    if (b.startsWith('<w:tbl>')) {
      for (const [row] of b.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
        const cells = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c = '']) =>
          /<w:vMerge\/>|w:val="continue"/.test(c) ? '↑' : text(c) + (/<w:gridSpan /.test(c) ? '〔跨列〕' : ''),
        );
        lines.push(`| ${cells.join(' | ')} |`);
      }
    } else {
      // Note: named styles (issue 13) are not part of the dump: the golden files hold the text a reader sees.
      if (text(b)) lines.push(text(b));
      // Note: where jixiao ends a page inside a table (issue 13), the joint paragraph before the next piece breaks it.
      else if (b.includes('<w:pageBreakBefore/>')) lines.push('〔分页〕');
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Every DOCX table as rows of cell texts. A vertically merged continuation cell is left out and a
 * gridSpan cell appears once, so a row lists what a reader sees; paragraphs and breaks inside a cell become "\n".
 * Adjacent tables (nothing or only the 1 pt joint paragraph between them) are one table to a reader: jixiao splits a
 * table at a repeated inner header and at the page ends it computes (issue 13), restarting there a span cut by the split
 * with its label; that restarted label counts as the span's continuation, as in the unsplit table. A piece that starts
 * a page (its joint breaks the page) begins with a copy of the header rows of its stretch, left out; a row marked as
 * continued (the rest of a row cut at a page foot) is joined to the row it continues, cell by cell, on a new line.
 */
export function docxTables(bytes: Uint8Array): string[][][] {
  const xml = documentXml(bytes);
  const paragraphText = (p: string) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n'))
      .join('');
  const cellText = (c: string) => [...c.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => paragraphText(p)).join('\n');
  const continues = (c: string) => /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(c);
  const merged = (c: string) => /<w:vMerge/.test(c);
  /** A row's cells with their grid column. */
  const rowCells = (row: string) => {
    let col = 0;
    return [...row.matchAll(/<w:tc(?: [^>]*)?>([\s\S]*?)<\/w:tc>/g)].map(([, c = '']) => {
      const at = col;
      col += Number(/<w:gridSpan w:val="(\d+)"/.exec(c)?.[1] ?? 1);
      return { col: at, xml: c };
    });
  };
  const tables: string[][][] = [];
  /** Per grid column, the text of the merge open at the previous table's last row. */
  let open = new Map<number, string>();
  /** The header rows of the stretch the last piece belongs to, as a page's copy of them is written. */
  let stretchHeading: string[] = [];
  let lastEnd = -1;
  for (const m of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    const between = xml.slice(lastEnd, m.index);
    const adjacent = lastEnd >= 0 && (between === '' || (/^<w:p>.*w:line="20" w:lineRule="exact".*<\/w:p>$/s.test(between) && !between.includes('<w:t')));
    const newPage = adjacent && between.includes('<w:pageBreakBefore/>');
    lastEnd = m.index + m[0].length;
    let rows = [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => ({ row, cells: rowCells(row) }));
    const leading = rows.findIndex(({ row }) => !row.includes('<w:tblHeader/>'));
    const heading = rows.slice(0, leading < 0 ? rows.length : leading).map(({ row }) => row.replace(/<w:trHeight [^>]*>/, ''));
    // Note: a piece that starts a page at the stretch's own header (the indicator header) has header rows of its own.
    if (newPage && heading.join('') === stretchHeading.join('')) rows = rows.slice(heading.length);
    else stretchHeading = heading;
    const origin = new Map<number, string>();
    const out = rows.map(({ cells }, r) =>
      cells
        .filter(({ col, xml: c }) => {
          if (!continues(c) && merged(c)) origin.set(col, cellText(c));
          if (adjacent && r === 0 && !continues(c) && open.get(col) === cellText(c)) return false;
          return !continues(c);
        })
        .map(({ xml: c }) => cellText(c)),
    );
    const last = rows[rows.length - 1]?.cells ?? [];
    open = new Map(last.filter(({ xml: c }) => merged(c)).map(({ col, xml: c }) => [col, origin.get(col) ?? cellText(c)]));
    if (adjacent && tables.length > 0) {
      const table = tables[tables.length - 1]!;
      if (newPage && rows[0]?.row.includes('w:name="_JxContinued')) {
        // The rest of a cut row: its cells (after the restarted spans, left out above) go on the cells of the row it continues.
        const rest = out.shift()!;
        const cut = table[table.length - 1]!;
        const from = cut.length - rest.length;
        rest.forEach((t, k) => {
          const before = cut[from + k]!;
          // Note: a repeated label (the 三级指标 name) is the same text again, a value is left empty.
          if (t !== '' && t !== before) cut[from + k] = before === '' ? t : `${before}\n${t}`;
        });
      }
      table.push(...out);
    } else tables.push(out);
  }
  return tables;
}

/** A spreadsheet number as a viewer shows it under our formats: '0', '0.00', '0.00%', or 'General'. */
export function formatByNumFmt(value: number, numFmt: string | undefined): string {
  if (numFmt === undefined || numFmt === 'General') return String(value);
  const m = /^0(?:\.(0+))?(%)?$/.exec(numFmt);
  if (!m) throw new Error(`formatByNumFmt: unsupported number format ${numFmt}`);
  const places = m[1]?.length ?? 0;
  return m[2] ? `${(value * 100).toFixed(places)}%` : value.toFixed(places);
}

const loadWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
};

/** Column letters → 1-based number: "A" → 1, "AA" → 27. */
const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const addressKey = (address: string): [number, number] => {
  const m = /^([A-Z]+)(\d+)/.exec(address);
  return m ? [Number(m[2]), colNumber(m[1]!)] : [0, 0];
};
const byAddress = (a: string, b: string): number => {
  const [ra, ca] = addressKey(a);
  const [rb, cb] = addressKey(b);
  return ra - rb || ca - cb;
};

/** Note: exceljs's runtime ValueType is a plain object without the reverse mapping of a TS enum. */
const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([k, n]) => [n, k.toLowerCase()]));

const isCovered = (cell: ExcelJS.Cell): boolean => cell.type === ExcelJS.ValueType.Merge;

/** The text of a string, rich-text or text-formula cell, or undefined for any other kind of value. */
const stringOf = (v: ExcelJS.CellValue): string | undefined => {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v !== null && typeof v === 'object' && 'formula' in v && typeof v.result === 'string') return v.result;
  return undefined;
};

/**
 * XLSX → stable text: per sheet its merges, then `address type value [numFmt]` for every cell
 * that holds a value, skipping cells covered by a merge, so a number stored as text stands out.
 */
export async function dumpXlsx(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbook(bytes);
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`== ${ws.name} ==`);
    for (const range of [...ws.model.merges].sort(byAddress)) lines.push(`merge ${range}`);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (isCovered(cell)) return;
        const type = TYPE_NAMES[cell.type] ?? String(cell.type);
        const v = cell.value;
        const value = typeof v === 'number' ? String(v) : `${cell.formula !== undefined ? `=${cell.formula} ` : ''}${JSON.stringify(stringOf(v) ?? v)}`;
        const fmt = cell.numFmt && cell.numFmt !== 'General' ? ` [${cell.numFmt}]` : '';
        lines.push(`${cell.address} ${type} ${value}${fmt}`);
      }),
    );
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The rows of one sheet as displayed text: numbers formatted by their numFmt, cells covered by a
 * merge and empty cells left out, rows with nothing left out too. A label that jixiao repeats by design on the first
 * row of a printed page (a 一级/二级 group continued across a page break, issue 13) counts once, as in the seed's one
 * merged cell, so that the comparison with a seed is on the form's cells, not on where a page ends.
 */
export async function xlsxSheetRows(bytes: Uint8Array, sheetName: string): Promise<string[][]> {
  const wb = await loadWorkbook(bytes);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet "${sheetName}"; the workbook has ${wb.worksheets.map((s) => `"${s.name}"`).join(', ')}`);
  // Note: exceljs does not read <rowBreaks> back; jixiao writes the sheets in order as sheet1.xml, sheet2.xml, …
  const sheetXml = unzipSync(bytes)[`xl/worksheets/sheet${wb.worksheets.indexOf(ws) + 1}.xml`];
  const breaks = new Set([...(sheetXml ? strFromU8(sheetXml) : '').matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])));
  const textOf = (cell: ExcelJS.Cell): string => {
    const v = cell.value;
    return typeof v === 'number' ? formatByNumFmt(v, cell.numFmt) : (stringOf(v) ?? String(v ?? ''));
  };
  const rows: string[][] = [];
  ws.eachRow((row, r) => {
    const cells: string[] = [];
    row.eachCell((cell, c) => {
      if (isCovered(cell)) return;
      const text = textOf(cell);
      // Note: the writer repeats a label as a formula referring to the cell it continues, in the same column above.
      const ref = cell.formula !== undefined ? ws.getCell(cell.formula) : undefined;
      const repeated = breaks.has(r - 1) && ref !== undefined && Number(ref.col) === c && Number(ref.row) < r && textOf(ref) === text;
      if (repeated) return;
      if (text !== '') cells.push(text);
    });
    if (cells.length > 0) rows.push(cells);
  });
  return rows;
}
