// `npm run schema`: writes schemas/cognito-sync.schema.json from src/model/schema.ts, without its
// validation keywords (see src/model/completionSchema.ts).
import * as fs from 'fs';
import * as path from 'path';
import { completionSchema } from '../src/model/completionSchema';
import { configurationSchema } from '../src/model/schema';

// Run from the repository root (npm run schema); the bundled script lives elsewhere.
const file = path.join(process.cwd(), 'schemas', 'cognito-sync.schema.json');
fs.writeFileSync(file, `${JSON.stringify(completionSchema(configurationSchema()), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
