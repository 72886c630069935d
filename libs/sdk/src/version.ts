/** Version sent in the user-agent; a spec keeps it equal to the version in libs/sdk/package.json. */
export const SDK_VERSION = '0.1.0';
