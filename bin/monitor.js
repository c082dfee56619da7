#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx monitor` works right after `npm ci`
// with no build step; Lambda bundles are built separately by esbuild.
import { register } from 'tsx/esm/api';

// The SDK warns on every start that its 2027 releases need Node.js 22; the lock file
// pins a release that supports Node.js 20, and the warning would bury our output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../cli/main.ts');
