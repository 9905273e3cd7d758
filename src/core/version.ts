/** mlci's version; a test keeps it equal to package.json's. */
export const MLCI_VERSION = '0.1.0';
