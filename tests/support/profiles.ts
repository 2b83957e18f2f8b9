/** The profiles as shipped in templates/<id>/profile.yaml, for tests that call the stages directly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PROFILE_NEUTRAL, ProfileSchema, type Profile } from '../../src/model/profile.js';
import { PROFILES, isProfileId } from '../../src/profiles/registry.js';
import { ROOT } from './fixtures.js';
import { withTables } from './tables.js';

/** A shipped profile, validated, with its table declarations. */
export const shippedProfile = (id: string): Profile => {
  // Note: as load/profile.ts does, the keys the profile does not read get their neutral values.
  const unused = isProfileId(id) ? Object.keys(PROFILES[id].unusedKeys) : [];
  const neutral = Object.fromEntries(unused.map((k) => [k, PROFILE_NEUTRAL[k as keyof typeof PROFILE_NEUTRAL]]));
  return withTables(
    ProfileSchema.parse({ ...neutral, ...YAML.parse(readFileSync(join(ROOT, 'templates', id, 'profile.yaml'), 'utf8')) }),
    join(ROOT, 'templates', id),
  );
};
