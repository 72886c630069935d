// `npm run build`: compiles apps/, libs/ and tools/ to dist/ (what `npm start`, the tests, the bench and the image run).
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, buildWorkspace } from '@switchboard/local-infra';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const build = await buildWorkspace(REPO_ROOT);
process.stdout.write(`Compiled ${build.files} files to ${BUILD_DIR}/ (${build.written} changed) in ${build.durationMs} ms\n`);
