/** The global `Buffer` that docx, exceljs and the zip code expect, from the `buffer` package (esbuild `inject`). */
// biome-ignore lint/style/useNodejsImportProtocol: the npm package "buffer" (a browser Buffer), not Node's module
export { Buffer } from 'buffer';
