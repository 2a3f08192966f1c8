import { writeFile } from 'node:fs/promises';
import { compileSchemas } from '../src/cli/compiled-schema-sources';

/** `npm run schemas`: rewrites src/cli/compiled-schemas.json from the zod schemas it is made from. */
const file = new URL('../src/cli/compiled-schemas.json', import.meta.url);
await writeFile(file, `${JSON.stringify(compileSchemas(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
