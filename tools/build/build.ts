// `npm run build`: compiles apps/, libs/ and tools/ to dist/ (what `npm start`, the tests, the bench and the image run),
// and bundles the workbench with Vite when its sources changed.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, buildWorkspace, WORKBENCH_BUILD_DIR } from '@switchboard/local-infra';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const build = await buildWorkspace(REPO_ROOT);
const workbench = build.workbenchBuilt ? `built the workbench into ${WORKBENCH_BUILD_DIR}/` : 'the workbench was up to date';
process.stdout.write(`Compiled ${build.files} files to ${BUILD_DIR}/ (${build.written} changed) and ${workbench}, in ${build.durationMs} ms\n`);
