/** node:url for the browser build: every module "lives" in /jixiao/dist/run/, so PACKAGE_ROOT is /jixiao (see src/web/assets). */
export const fileURLToPath = (_url: string | URL): string => '/jixiao/dist/run/context.js';
export const pathToFileURL = (p: string): URL => new URL(`file://${p}`);
