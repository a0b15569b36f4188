// Writes docs/openapi.json from the routes' schemas, so the API description is reviewed with the code.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { openPlatform } from '../src/server/start';

const platform = await openPlatform({ target: { kind: 'memory' } });
const app = await buildApp(platform.services);
const doc = app.swagger();
const out = path.resolve(import.meta.dirname, '../docs/openapi.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
await app.close();
await platform.database.close();
console.log(`wrote ${path.relative(process.cwd(), out)}`);
