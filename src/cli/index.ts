import { exitWhenIdle } from '../core/exit.js';
import { reportFailure } from './kit.js';
import { buildProgram } from './program.js';

// A closed pipe (`mlci … | head`) is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

exitWhenIdle();
buildProgram().parseAsync(process.argv).catch(reportFailure);
