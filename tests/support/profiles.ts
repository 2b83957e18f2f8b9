/** The profiles as shipped in templates/<id>/profile.yaml, for tests that call the stages directly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ProfileSchema, type Profile } from '../../src/model/profile.js';
import { ROOT } from './fixtures.js';
import { withTables } from './tables.js';

/** A shipped profile, validated, with its table declarations. */
export const shippedProfile = (id: string): Profile =>
  withTables(ProfileSchema.parse(YAML.parse(readFileSync(join(ROOT, 'templates', id, 'profile.yaml'), 'utf8'))), join(ROOT, 'templates', id));
