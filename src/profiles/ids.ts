/** 格式 id 一览：有程序的地区格式；不依赖任何模块，命令行的帮助无须载入各格式的程序即可列出它们。 */

/** The regional formats jixiao has code for (DOMAIN.md §3); yunnan, the default, first. */
export const PROFILE_IDS = ['yunnan', 'gansu', 'ningxia', 'sichuan'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const isProfileId = (s: unknown): s is ProfileId => typeof s === 'string' && (PROFILE_IDS as readonly string[]).includes(s);
