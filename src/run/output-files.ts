/** 输出文件记录：单位写出的每个文件的路径、大小与 sha256；清单据此判断文件是否被截断或改动。 */
import { createHash } from 'node:crypto';

/** sha256 in hex, of an input's or an output's bytes, or of the recipe's JSON. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** One file a unit wrote: its path (absolute in a run, relative to the output folder in the manifest), size and hash. */
export interface OutputFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A file written under a temporary name, to be renamed onto `path` once the batch knows no other unit claims it. */
export interface StagedFile extends OutputFile {
  readonly temp: string;
}

/** The record of `data` as it will be written to `path`. */
export const outputFile = (path: string, data: Uint8Array): OutputFile => ({ path, size: data.byteLength, sha256: sha256(data) });

/**
 * True for a path, relative to the output folder, of the form jixiao writes a unit's documents to:
 * `<年度>/<单位代号>/<文件名>.docx|.xlsx|.pdf` (a PDF of --pdf), with no empty, `.` or `..` segment, no backslash, drive or NUL.
 * Note: the manifest is read from disk and may have been edited; only such paths are ever deleted.
 */
export function isOwnOutputPath(rel: string): boolean {
  if (/[\\\0:]/.test(rel)) return false;
  const parts = rel.split('/');
  if (parts.length !== 3 || parts.some((s) => s === '' || s === '.' || s === '..' || s.trim() !== s)) return false;
  return /^\d{4}$/.test(parts[0]!) && /\.(docx|xlsx|pdf)$/.test(parts[2]!) && !/\.tmp$/.test(parts[2]!);
}
