// Loaded with `node --import`: records the URL of every module the process imports (test/cli/lazy-imports.test.ts).
import { register } from 'node:module';

register(new URL('./record-imports-hooks.mjs', import.meta.url));
