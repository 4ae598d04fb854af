// Loaded by bare-tsx.js: the cheapest TypeScript module tsx can load.
export {}
