/** 写出失败：文件系统错误（磁盘已满、无权限、路径过长……）变成一条带原因的中文 E-WRITE 诊断，而不是程序缺陷。 */
import type { Diagnostic } from '../model/diagnostic.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EFBIG: '文件超过文件系统允许的大小',
  EACCES: '没有写权限',
  EPERM: '没有写权限',
  EROFS: '磁盘或文件夹是只读的',
  ENAMETOOLONG: '路径或文件名超过系统允许的长度',
  ENOTDIR: '路径中有同名文件占用了文件夹的位置',
  EISDIR: '路径被同名文件夹占用',
  EEXIST: '路径被同名文件或文件夹占用',
  ELOOP: '路径中有循环的符号链接',
  ENOENT: '路径中的文件夹不存在或已被删除',
  EIO: '磁盘读写出错',
  EBUSY: '文件正被其他程序占用',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  EXDEV: '临时文件与目标不在同一磁盘',
  EINVAL: '文件系统不接受这个路径或操作',
};

/** True for an error the file system raised (it has an errno code such as ENOSPC), as opposed to a bug. */
export const isFsError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);

/** The Chinese reason for a file-system error code. */
export const fsReason = (code: string | undefined): string => (code && REASONS[code]) ?? '文件系统拒绝了操作';

/**
 * E-WRITE for a file-system error while `what` (e.g. 写入输出文件) on `target`; the diagnostic belongs to `file`
 * (the unit's input, or the batch's own file such as the manifest).
 */
export function writeProblem(e: NodeJS.ErrnoException, what: string, target: string, file = target): Diagnostic {
  const code = e.code ?? '';
  const unit = file !== target ? '；该单位上次生成的文件保持不变' : '';
  return {
    code: 'E-WRITE', severity: 'error', file,
    message: `${what}失败：${fsReason(code)}（${code}），${e.path ?? target}。请检查输出目录是否有写权限、磁盘是否已满、路径是否过长${unit}。`,
  };
}
