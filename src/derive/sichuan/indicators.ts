/** Note: moved to src/profiles/sichuan/derive/indicators.ts; this re-export stays only while the grid-table composers of task D import the old path. */
export * from '../../profiles/sichuan/derive/indicators.js';
