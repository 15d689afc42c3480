// Regenerates resources/templates/import-template.{csv,xlsx} from import-template.ts:
//   npx esbuild electron/backend/import/write-import-template.ts --bundle --platform=node --format=cjs \
//     --external:exceljs --outfile=.tmp/write-import-template.cjs && node .tmp/write-import-template.cjs
import fs from 'node:fs';
import path from 'node:path';
import { buildImportTemplate, IMPORT_TEMPLATE_CSV, type CatalogueEntry } from './import-template';

async function main(): Promise<void> {
  const root = process.cwd();
  const seed = JSON.parse(
    fs.readFileSync(path.join(root, 'resources/seed/procedures.seed.json'), 'utf8'),
  ) as {
    procedures: CatalogueEntry[];
  };
  const dir = path.join(root, 'resources/templates');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'import-template.csv'), IMPORT_TEMPLATE_CSV, 'utf8');
  const catalogue = seed.procedures.map(({ id, code, name }) => ({ id, code, name: name.normalize('NFC') }));
  fs.writeFileSync(path.join(dir, 'import-template.xlsx'), await buildImportTemplate(catalogue));
  process.stdout.write(`Wrote ${dir}/import-template.csv and import-template.xlsx\n`);
}

void main();
