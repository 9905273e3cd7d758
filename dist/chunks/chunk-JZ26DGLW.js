import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/serve/source.ts
function registrySource(registry) {
  return {
    resolve: (ref) => registry.resolve(ref),
    async fetch(ref) {
      const record = await registry.resolve(ref);
      if (!record) {
        const what = ref.version !== void 0 ? `version v${ref.version}` : `alias "${ref.alias ?? "latest"}"`;
        throw new InputError(`model "${ref.name}": ${what} not found in the registry`);
      }
      const bytes = await registry.download(record.name, record.version);
      return { record, bytes };
    }
  };
}

export {
  registrySource
};
