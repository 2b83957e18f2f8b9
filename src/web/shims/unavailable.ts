/**
 * node:fs, node:fs/promises and node:crypto for the browser build. Note: the page never writes files (the documents are
 * rendered to bytes and downloaded), so these are only imported, never called; a call is a bug and says so.
 */
const unavailable =
  (name: string) =>
  (..._args: unknown[]): never => {
    throw new Error(`浏览器版不提供 ${name}（这是程序错误，请报告）`);
  };
export const lstat = unavailable('lstat');
export const stat = unavailable('stat');
export const readFile = unavailable('readFile');
export const readdir = unavailable('readdir');
export const realpath = unavailable('realpath');
export const rename = unavailable('rename');
export const rm = unavailable('rm');
export const rmdir = unavailable('rmdir');
export const writeFile = unavailable('writeFile');
export const mkdir = unavailable('mkdir');
export const createHash = unavailable('createHash');
export const readFileSync = unavailable('readFileSync');
export const renameSync = unavailable('renameSync');
export const rmSync = unavailable('rmSync');
export const writeFileSync = unavailable('writeFileSync');
export const mkdirSync = unavailable('mkdirSync');
export const statSync = unavailable('statSync');
