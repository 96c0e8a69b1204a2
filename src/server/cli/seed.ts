import { parseArgs } from 'node:util';
import { TEMPLATE_KEYS, type TemplateKey } from '../../shared/contracts/workspaces.js';
import { migrateToLatest } from '../db/migrator.js';
import { seedDemoWorkspace } from '../modules/workspaces/demo-seed.js';
import { openRuntime } from './runtime.js';

const { values } = parseArgs({
  options: { template: { type: 'string', default: 'school' }, name: { type: 'string' } },
});
if (!TEMPLATE_KEYS.includes(values.template as TemplateKey)) {
  console.error(`--template must be one of: ${TEMPLATE_KEYS.join(', ')}`);
  process.exit(2);
}
const { ctx } = openRuntime({ LOG_LEVEL: 'warn' });
await migrateToLatest(ctx.database);
const { workspace, users } = await seedDemoWorkspace(ctx, values.template as TemplateKey, values.name);
console.log(`Workspace "${workspace.name}" (${workspace.template}, id ${workspace.id}) created.`);
for (const u of users) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(20)} password: ${u.password}`);
await ctx.database.close();
