/** JSON-LD contexts of Open Badges 3.0 credentials: VC v2, OB 3.0.3, and the OB extensions, which alone define `1EdTechJsonSchemaValidator2019`. */
export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
] as const;
