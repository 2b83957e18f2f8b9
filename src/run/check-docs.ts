/**
 * 检查代码文档：由代码中的检查目录（model/check-catalogue.ts）和各格式 profile.yaml 的 severity 生成 docs/checks.md。
 * 运行 `npm run docs` 重新生成；tests/check-docs.test.ts 核对文件与生成结果一致。
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CHECK_CATALOGUE, type CheckStage } from '../model/check-catalogue.js';
import { defaultSeverity, type DiagnosticCode } from '../model/diagnostic.js';
import { PACKAGE_ROOT } from './context.js';

const STAGES: readonly (readonly [CheckStage, string, string])[] = [
  ['load', '读取与校验', '输入文件读不了、不是合法的 YAML/JSON/填报工作簿，或不符合输入模式。该单位不生成文件。'],
  ['check', '一致性检查', 'DOMAIN.md §7 的检查，在生成之前对整份输入运行。'],
  [
    'optional',
    '可选检查',
    '默认关闭；在格式目录 profile.yaml 的 `settings.optionalChecks` 中开启（`W-SCORE-EXEC-DIVERGENCE` 只在库调用 `check()` 时传入 `optional: true` 才运行）。',
  ],
  ['profile', '格式目录', '读取格式目录（profile.yaml、评分细则）时发现的问题。'],
  ['build', '生成', '`build` 写出文件时的问题。'],
  ['none', '未实现的代码', 'DOMAIN.md §7 列出、但现有格式不会报出的代码，及其原因。'],
];

/** Severity overrides of each profile folder under `templatesRoot` (profile.yaml `severity:`), by profile id. */
export function profileSeverities(templatesRoot: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const id of readdirSync(templatesRoot).sort()) {
    let text: string;
    try {
      text = readFileSync(join(templatesRoot, id, 'profile.yaml'), 'utf8');
    } catch {
      continue;
    }
    const severity = (parse(text) as { severity?: Record<string, string> } | null)?.severity ?? {};
    if (Object.keys(severity).length > 0) out[id] = severity;
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g;
const CODE = /'([EW]-[A-Z0-9-]+)'/g;

/**
 * The check codes each profile may raise, by profile id: the codes written in the source files its definition
 * (`src/profiles/<id>/definition.ts`) reaches through its imports, type imports left out. Note: an over-estimate
 * where a profile imports one function of a file that raises several codes; codes of load and build are raised
 * for every profile by the run stage and are not listed.
 */
export function profileCodes(srcRoot: string): Record<string, ReadonlySet<string>> {
  const out: Record<string, ReadonlySet<string>> = {};
  const profilesDir = join(srcRoot, 'profiles');
  for (const id of readdirSync(profilesDir).sort()) {
    const entry = join(profilesDir, id, 'definition.ts');
    if (!existsSync(entry)) continue;
    const seen = new Set<string>();
    const codes = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Note: the catalogue and the code type name every code; they raise none.
      if (!/model[\\/](check-catalogue|diagnostic)\.ts$/.test(file)) for (const [, code] of text.matchAll(CODE)) codes.add(code!);
      for (const m of text.matchAll(IMPORT)) {
        if (/^import\s+type\s/.test(m[0])) continue;
        visit(normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
      }
    };
    visit(entry);
    out[id] = codes;
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const SEVERITY = { error: '错误', warning: '警告', off: '不报' } as const;

/**
 * docs/checks.md: one table per stage, every code with its default severity, profile overrides, the profiles that
 * raise it (when not all do; `codes` from profileCodes, else the catalogue's own list), when and an example.
 */
export function renderCheckDocs(severities: Record<string, Record<string, string>>, codesByProfile: Record<string, ReadonlySet<string>> = {}): string {
  const ids = Object.keys(codesByProfile);
  const raisedBy = (code: DiagnosticCode): string => {
    const stage = CHECK_CATALOGUE[code].stage;
    if (ids.length === 0 || !['check', 'optional'].includes(stage)) return CHECK_CATALOGUE[code].profiles?.join('、') ?? '';
    const mine = ids.filter((id) => codesByProfile[id]!.has(code));
    return mine.length === ids.length ? '' : mine.join('、');
  };
  const codes = Object.keys(CHECK_CATALOGUE) as DiagnosticCode[];
  const lines = [
    '# 检查代码一览',
    '',
    '<!-- 本文件由 `npm run docs` 从 src/model/check-catalogue.ts 与 templates/*/profile.yaml 生成，请勿手改。 -->',
    '',
    '`check` 与 `build` 运行同一套检查（DOMAIN.md §7）。`E-` 开头的代码默认是错误：该单位不生成文件；`W-` 开头的默认是警告：照常生成。',
    '格式目录的 profile.yaml 可以改变某个代码的级别（见“级别”列），也可以把表样不适用的警告设为 off（不报；错误不能关闭）；`--strict` 把所有警告当作错误。',
    '“示例信息”是程序对测试输入给出的说明（命令行还会在前面加上 `文件:行:列  级别  代码  数据路径（中文字段）`）。',
    '',
    `共 ${codes.length} 个代码：${codes.filter((c) => CHECK_CATALOGUE[c].stage !== 'none').length} 个会报出，${codes.filter((c) => CHECK_CATALOGUE[c].stage === 'none').length} 个未实现。`,
  ];
  for (const [stage, title, intro] of STAGES) {
    const mine = codes.filter((c) => CHECK_CATALOGUE[c].stage === stage);
    if (mine.length === 0) continue;
    lines.push('', `## ${title}`, '', intro, '', '| 代码 | 级别 | 只用于 | 何时出现 | 示例信息 |', '|---|---|---|---|---|');
    for (const code of mine) {
      const e = CHECK_CATALOGUE[code];
      const overrides = Object.entries(severities)
        .filter(([, s]) => s[code])
        .map(([id, s]) => `${id}：${SEVERITY[s[code] as keyof typeof SEVERITY] ?? s[code]}`);
      const severity = [SEVERITY[defaultSeverity(code)], ...overrides].join('；');
      lines.push(`| \`${code}\` | ${severity} | ${raisedBy(code)} | ${cell(e.when)} | ${cell(e.example ?? '')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where the generated file lives. */
export const CHECK_DOCS = join(PACKAGE_ROOT, 'docs', 'checks.md');

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  writeFileSync(CHECK_DOCS, renderCheckDocs(profileSeverities(join(PACKAGE_ROOT, 'templates')), profileCodes(join(PACKAGE_ROOT, 'src'))));
  process.stdout.write(`已写出 ${CHECK_DOCS}\n`);
}
