// Integration project's setupFilesAfterEnv: after a test file's own hooks, stops the platforms it left running or
// starting (see stopLeftoverPlatforms).
import { afterAll } from '@jest/globals';
import { stopLeftoverPlatforms } from '../start-platform.js';

// Long enough to wait out a platform start that outlived its beforeAll on a busy machine, then stop it.
const LEFTOVER_STOP_TIMEOUT_MS = 180_000;

afterAll(stopLeftoverPlatforms, LEFTOVER_STOP_TIMEOUT_MS);
