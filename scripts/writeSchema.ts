// `npm run schema`: writes schemas/cognito-sync.schema.json from src/model/schema.ts.
import * as fs from 'fs';
import * as path from 'path';
import { configurationSchema } from '../src/model/schema';

// Run from the repository root (npm run schema); the bundled script lives elsewhere.
const file = path.join(process.cwd(), 'schemas', 'cognito-sync.schema.json');
fs.writeFileSync(file, `${JSON.stringify(configurationSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
