import { parseArgs } from 'node:util';
import { migrateToLatest, migrationStatus, rollbackOne } from '../db/migrator.js';
import { backupWorkspace, restoreWorkspace } from '../db/backup.js';
import { describeDatabase, openRuntime } from './runtime.js';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, file: { type: 'string' } } });
const { config, ctx } = openRuntime({ LOG_LEVEL: 'warn' });
const db = ctx.database;
console.log(`Database: ${describeDatabase(config)}`);

try {
  switch (command) {
    case 'migrate': {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      break;
    }
    case 'rollback': {
      const undone = await rollbackOne(db);
      console.log(undone.length ? `Rolled back: ${undone.join(', ')}` : 'Nothing to roll back.');
      break;
    }
    case 'status': {
      for (const m of await migrationStatus(db))
        console.log(`${m.executedAt ? 'applied' : 'PENDING'}  ${m.name}${m.executedAt ? `  (${m.executedAt})` : ''}`);
      break;
    }
    case 'backup': {
      if (!values.workspace || !values.file)
        throw new Error('usage: npm run db:backup -- --workspace <id or slug> --file backup.ndjson');
      await migrateToLatest(db);
      const n = await backupWorkspace(db, values.workspace, values.file);
      console.log(`Wrote ${n.rows} rows from ${n.tables} tables to ${values.file}`);
      break;
    }
    case 'restore': {
      if (!values.file) throw new Error('usage: npm run db:restore -- --file backup.ndjson');
      await migrateToLatest(db);
      const n = await restoreWorkspace(db, values.file);
      console.log(
        `Restored workspace ${n.workspaceId} (slug ${n.slug}): ${n.rows} rows into ${n.tables} tables${n.reusedUsers ? `; ${n.reusedUsers} user(s) already here by email were reused` : ''}`,
      );
      break;
    }
    default:
      throw new Error('usage: db.ts migrate | rollback | status | backup | restore');
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
