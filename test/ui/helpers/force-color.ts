/**
 * Import first in a test file that checks colour. Ink colours through chalk, whose level was
 * decided when it was first loaded (ava's worker loads it before the test file, and the
 * worker's output is not a terminal): raise it, so a coloured theme shows as escape codes.
 */
import chalk from 'chalk';

chalk.level = 1;
