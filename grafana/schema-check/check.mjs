// Type-checks every provisioned dashboard against the Dashboard type that Grafana publishes in
// @grafana/schema, at the version of the Grafana image in docker-compose.yml. Grafana cannot run
// on the build machine, so this is what stands between a misspelt field or a wrong panel shape and
// a dashboard that Grafana would load half-empty.
//
// Each dashboard becomes a TypeScript module whose object literal is declared as the Dashboard
// type, so tsc reports unknown properties (excess property checks), missing required ones and
// wrong value types, with the file and line. Grafana's enums (ThresholdsMode and the like) are
// TypeScript string enums, which a JSON string cannot name: Json<T> below reads each as the union
// of its string values, and changes nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = resolve(process.argv[2] ?? join(here, '..', 'dashboards'));
const work = mkdtempSync(join(tmpdir(), 'mash-grafana-schema-'));

const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no dashboards in ${dashboards}`);
  process.exit(1);
}

writeFileSync(join(work, 'json.ts'), `import type { Dashboard } from '@grafana/schema';

type Json<T> = T extends string
  ? \`\${T}\`
  : T extends ReadonlyArray<infer U>
    ? Array<Json<U>>
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type DashboardJson = Json<Dashboard>;
`);

for (const file of files) {
  const text = readFileSync(join(dashboards, file), 'utf8');
  try {
    JSON.parse(text);
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    process.exit(1);
  }
  writeFileSync(join(work, basename(file, '.json') + '.ts'),
    `import type { DashboardJson } from './json';\n\nconst dashboard: DashboardJson = ${text.trim()};\n\nexport default dashboard;\n`);
}

writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true,
    noEmit: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    target: 'es2022',
    skipLibCheck: true,
    typeRoots: [join(here, 'node_modules', '@types')],
    baseUrl: work,
    paths: { '@grafana/schema': [join(here, 'node_modules', '@grafana', 'schema')] },
  },
  include: [join(work, '*.ts')],
}));

try {
  execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  console.log(`${files.length} dashboards match Grafana's Dashboard type (@grafana/schema): ${files.join(', ')}`);
} catch (e) {
  // tsc names the generated module: name the dashboard and its own line (the module adds two)
  console.error(String(e.stdout).replace(/^(\S+)\.ts\((\d+),(\d+)\)/gm,
    (_, name, line, column) => `${relative(process.cwd(), dashboards)}/${name}.json:${Number(line) - 2}:${column}`));
  console.error('Dashboards do not match Grafana\'s Dashboard type (@grafana/schema).');
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
