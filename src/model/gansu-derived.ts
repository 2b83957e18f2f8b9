/** Note: moved to src/profiles/gansu/derived.ts; this re-export stays only while the grid-table composers of task D import the old path. */
export * from '../profiles/gansu/derived.js';
