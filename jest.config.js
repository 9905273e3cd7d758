/** Jest in ESM mode with ts-jest; onnxruntime-node needs the custom environment (test-support/onnx-environment.cjs). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: '<rootDir>/test-support/onnx-environment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }]
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test-support/count-reporter.cjs']
};
