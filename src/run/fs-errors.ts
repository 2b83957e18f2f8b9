/** 文件系统错误的中文说明：哪个操作、哪个路径、错误码和可能的原因；任何这类错误都给出说明并以非零退出码结束。 */
import type { Diagnostic } from '../model/diagnostic.js';

/** A Node system error from the file system (it has an errno code and the failed system call). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string; syscall: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: '路径中的某一级目录不存在，或不能在此处建立（例如 /proc、/sys 等系统目录）',
  EACCES: '没有权限',
  EPERM: '操作不被允许（没有权限，或文件被占用、设为只读）',
  EROFS: '所在磁盘为只读',
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  ENOTDIR: '路径中的某一级不是目录（被同名文件占用）',
  EISDIR: '这是一个目录，不是文件',
  EEXIST: '已有同名的文件或目录',
  ENAMETOOLONG: '路径或文件名过长',
  ELOOP: '符号链接过多或形成循环',
  EIO: '读写设备时出错',
  EMFILE: '同时打开的文件过多',
  ENFILE: '系统打开的文件过多',
  EBUSY: '文件或目录正被占用',
  EXDEV: '不能跨磁盘改名',
  EINVAL: '路径或参数无效',
};

const OPERATIONS: Readonly<Record<string, string>> = {
  mkdir: '建立目录',
  open: '打开',
  write: '写入',
  read: '读取',
  rename: '写入（改名）',
  unlink: '删除',
  rmdir: '删除目录',
  rm: '删除',
  scandir: '读取目录',
  stat: '访问',
  lstat: '访问',
  link: '建立',
  copyfile: '复制',
  realpath: '访问',
};

/** The Chinese reason for an errno code. */
export const fsReason = (code: string): string => REASONS[code] ?? `文件系统错误 ${code}`;

/** `无法建立目录“/proc/x”（ENOENT）：路径中的某一级目录不存在…。` */
export function fsErrorMessage(e: NodeJS.ErrnoException & { code: string }): string {
  const op = (e.syscall && OPERATIONS[e.syscall]) ?? '访问';
  const where = e.path ? `“${e.path}”` : '';
  return `无法${op}${where}（${e.code}）：${fsReason(e.code)}。请检查路径是否正确、是否有写权限、磁盘是否已满。`;
}

/**
 * E-WRITE for a file-system error while `what` (e.g. 写入输出文件) on `target`; the diagnostic belongs to `file`
 * (the unit's input, or the batch's own file such as the manifest).
 */
export function writeProblem(e: NodeJS.ErrnoException & { code: string }, what: string, target: string, file = target): Diagnostic {
  const unit = file !== target ? '；该单位上次生成的文件保持不变' : '';
  return {
    code: 'E-WRITE',
    severity: 'error',
    file,
    message: `${what}失败：${fsReason(e.code)}（${e.code}），${e.path ?? target}。请检查输出目录是否有写权限、磁盘是否已满、路径是否过长${unit}。`,
  };
}
