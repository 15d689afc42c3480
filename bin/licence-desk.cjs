#!/usr/bin/env node
// The package's command. The TypeScript sources are bundled to dist/cli.cjs by `npm run build:node`
// (also run by `npm install` through the prepare script).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'LicenceDesk is not built yet: run "npm run build" in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(1);
}
require(bundle);
