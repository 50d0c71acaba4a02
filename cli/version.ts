/** The version `cardgate --version` prints: package.json's, found beside the sources (tsx) or the build (dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cardgateVersion(): string {
  for (const up of ['..', '../..']) {
    const file = join(import.meta.dirname, up, 'package.json');
    if (existsSync(file)) {
      const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (name === 'cardgate' && version) return version;
    }
  }
  return 'unknown';
}
