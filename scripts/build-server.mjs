// Compiles the server (src/server, src/shared) to plain JavaScript under dist/, file for file, so
// `npm start` runs it with node alone: no TypeScript loader thread and no in-memory transforms,
// about 45 MB less resident memory. Takes well under a second; `npm start` runs it every time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entryPoints = [];
for (const dir of ['server', 'shared']) {
  // a file removed from src must not linger in dist (the migrator reads its folder)
  fs.rmSync(path.join(root, 'dist', dir), { recursive: true, force: true });
  for (const file of fs.readdirSync(path.join(root, 'src', dir), { recursive: true })) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) entryPoints.push(path.join(root, 'src', dir, file));
  }
}
await build({
  entryPoints,
  outdir: path.join(root, 'dist'),
  outbase: path.join(root, 'src'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
