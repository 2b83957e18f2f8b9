/** 格式目录中的叙述模板：文件名 → 路径与源文本（由 load/profile.ts 读入，compose 使用）。 */

/** One template file of a profile: its path (for error messages) and source text. */
export interface TemplateSource {
  readonly name: string;
  readonly source: string;
}

/** The templates a profile folder supplies, by file name (e.g. "dept-report.md.hbs"). */
export type ProfileTemplates = Readonly<Record<string, TemplateSource>>;
