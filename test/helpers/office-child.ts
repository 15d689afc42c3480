// The command line, bundled for tests that need a real office server process before `npm run build` has
// made dist/ (vitest runs first in `npm test`): the same runCli, with an app root whose renderer is a stub.
import { defaultCliEnv } from '../../electron/backend/cli/cli-context';
import { runCli } from '../../electron/backend/cli/main';

const appRoot = process.env.LICENCE_DESK_TEST_APP_ROOT;
if (!appRoot) throw new Error('LICENCE_DESK_TEST_APP_ROOT is not set');
runCli(process.argv.slice(2), { ...defaultCliEnv(), appRoot }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(70);
  },
);
