#!/usr/bin/env node
// The `cardgate` binary: runs the TypeScript entry point through tsx, which is a runtime dependency.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
