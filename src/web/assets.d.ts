/** The files embedded at build time by scripts/build-web.ts (absolute path under /jixiao/ → text). */
declare module 'jixiao:assets' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
